// Bad and unusual input: encodings, binary files, huge files, FIFOs,
// missing files, symlink loops, empty files, names with spaces and Chinese, folder walking.
// Each gets a clear message or a result, the other files are still checked, the exit code says what
// happened, and nothing is written.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recordSuite } from '../support/reliability';
import { check } from '../../server/src/engine';
import {
  encodeGb18030ForTest,
  expectedDiagnostics,
  readFixture,
  runCli,
  snapshot,
  tempDir,
  utf16be,
  utf16le,
} from './helpers';

interface JsonFile {
  file: string;
  year: number | null;
  sections: unknown[];
  tables: unknown[];
  diagnostics: { code: string; severity: string; message: string; range: unknown }[];
}

const strip = (d: JsonFile['diagnostics'][number]) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range });

describe('cli input: encodings', () => {
  after(recordSuite('cli'));
  const text = readFixture('wrong-total.txt');
  const variants: [string, Buffer][] = [
    ['utf8.txt', Buffer.from(text, 'utf8')],
    ['utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['utf16le.txt', utf16le(text)],
    ['utf16be.txt', utf16be(text)],
    ['gb18030.txt', encodeGb18030ForTest(text)],
  ];

  it('decodes UTF-8 (with and without BOM), UTF-16 LE/BE with BOM and GB18030 to the same report', () => {
    const dir = tempDir();
    for (const [name, bytes] of variants) fs.writeFileSync(path.join(dir, name), bytes);
    // The GB18030 bytes are really not UTF-8 (otherwise this test would prove nothing).
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(variants[4][1]));
    // Copies of one report on purpose: the folder pairs them as one body's twins and cross-year notes
    // that on each title (pipeline.test.ts); here each file's reading is compared with the engine's.
    const r = runCli(['check', '--lang', 'en', '--format', 'json', '--rule', 'cross-year=off', dir]);
    assert.equal(r.stderr, '');
    const arr = JSON.parse(r.stdout) as JsonFile[];
    assert.deepEqual(arr.map((o) => path.basename(o.file)), variants.map(([n]) => n).sort());
    const expected = expectedDiagnostics(text, 'en');
    const { report } = check(text);
    for (const o of arr) {
      assert.equal(o.year, report.year, o.file);
      assert.equal(o.sections.length, report.sections.length, o.file);
      assert.equal(o.tables.length, report.tables.length, o.file);
      assert.deepEqual(o.diagnostics.map(strip), expected, o.file);
    }
  });
});

describe('cli input: files that cannot be checked', () => {
  after(recordSuite('cli'));
  let dir: string;
  let good: string;
  before(() => {
    dir = tempDir();
    good = path.join(dir, '示例 报告 2024.txt'); // spaces and Chinese in the name
    fs.writeFileSync(good, readFixture('wrong-total.txt'));
  });

  function assertOthersChecked(r: ReturnType<typeof runCli>, badName: RegExp, reason: RegExp): void {
    assert.equal(r.code, 2, `exit 2; stderr: ${r.stderr}`);
    const lines = r.stderr.trim().split('\n');
    const line = lines.find((l) => badName.test(l));
    assert.ok(line, `stderr names the file: ${r.stderr}`);
    assert.match(line!, reason);
    const arr = JSON.parse(r.stdout) as JsonFile[];
    assert.ok(arr.some((o) => o.file === good), 'the good file was still checked');
    const mine = arr.find((o) => o.file === good)!;
    assert.deepEqual(mine.diagnostics.map(strip), expectedDiagnostics(readFixture('wrong-total.txt'), 'en'));
  }

  it('a binary file: "not a text file", exit 2, the others checked', () => {
    const bin = path.join(dir, 'image.txt');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
    fs.writeFileSync(bin, bytes);
    assertOthersChecked(runCli(['check', '--lang', 'en', '--format', 'json', bin, good]), /image\.txt/, /not a text file/);
    fs.rmSync(bin);
  });

  it('invalid in UTF-8 and in GB18030, with no NUL: "not a text file"', () => {
    const bad = path.join(dir, 'garbage.md');
    fs.writeFileSync(bad, Buffer.from([0x41, 0x42, 0xff, 0xff, 0xff, 0x43, 0x0a]));
    assertOthersChecked(runCli(['check', '--lang', 'en', '--format', 'json', bad, good]), /garbage\.md/, /neither valid UTF-8 nor valid GB18030/);
    fs.rmSync(bad);
  });

  it('a 100 MB file is refused by size without being read; --max-size lowers the limit', () => {
    const big = path.join(dir, 'huge.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 100 * 1024 * 1024); // sparse: cheap to make
    assertOthersChecked(runCli(['check', '--lang', 'en', '--format', 'json', big, good]), /huge\.txt/, /file too large.*--max-size/);
    fs.rmSync(big);
    const size = fs.statSync(good).size;
    const r = runCli(['check', '--lang', 'en', '--format', 'json', '--max-size', String(size - 1), good]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /file too large/);
    assert.deepEqual(JSON.parse(r.stdout), []);
    const ok = runCli(['check', '--lang', 'en', '--format', 'json', '--max-size', String(size), good]);
    assert.equal(JSON.parse(ok.stdout).length, 1);
  });

  it('a missing file: "no such file", exit 2, the others checked', () => {
    assertOthersChecked(runCli(['check', '--lang', 'en', '--format', 'json', path.join(dir, 'nope.txt'), good]), /nope\.txt/, /no such file/);
  });

  it('a file without read permission: "permission denied", exit 2, the others checked', () => {
    // root reads everything, so as root the CLI runs as nobody (65534) for this test.
    const asRoot = process.getuid?.() === 0;
    const noRead = path.join(dir, 'secret.txt');
    fs.writeFileSync(noRead, readFixture('clean.txt'));
    fs.chmodSync(noRead, 0o000);
    fs.chmodSync(dir, 0o755);
    try {
      const r = runCli(['check', '--lang', 'en', '--format', 'json', noRead, good], asRoot ? { uid: 65534, gid: 65534, cwd: dir } : {});
      assertOthersChecked(r, /secret\.txt/, /permission denied/);
    } finally {
      fs.rmSync(noRead);
    }
  });

  it('a FIFO is refused (never blocks), exit 2, the others checked', () => {
    const fifo = path.join(dir, 'pipe.txt');
    const mk = spawnSync('mkfifo', [fifo]);
    assert.equal(mk.status, 0, 'mkfifo works here');
    assertOthersChecked(runCli(['check', '--lang', 'en', '--format', 'json', fifo, good]), /pipe\.txt/, /not a regular file/);
    fs.rmSync(fifo);
  });

  it('an empty file is read and checked: one not-a-report error saying it is empty, exit 1', () => {
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '');
    const r = runCli(['check', '--lang', 'en', '--format', 'json', empty]);
    assert.equal(r.stderr, '');
    const [o] = JSON.parse(r.stdout) as JsonFile[];
    assert.equal(o.file, empty);
    const zero = { line: 0, character: 0 };
    assert.deepEqual(o.diagnostics.map(strip), [
      { code: 'not-a-report', severity: 'error', message: 'the file is empty: there is nothing to check', range: { start: zero, end: zero } },
    ]);
    assert.equal(r.code, 1);
    const zh = runCli(['check', empty]);
    assert.equal(zh.stdout.split('\n')[0], `${empty}:1:1 error 文件为空，没有可检查的内容 [not-a-report]`);
    assert.equal(zh.code, 1);
    fs.rmSync(empty);
  });

  it('a file of blank lines and a file that is no report each get their one finding, not six missing sections', () => {
    const blank = path.join(dir, 'blank.md');
    const notes = path.join(dir, 'notes.md');
    fs.writeFileSync(blank, '\r\n\u3000\u3000\r\n');
    fs.writeFileSync(notes, '# Meeting notes\n\nThe next meeting is on Friday.\n');
    const r = runCli(['check', '--lang', 'en', blank, notes]);
    const heads = r.stdout.split('\n').filter((l) => / \[[a-z-]+\]$/.test(l));
    assert.deepEqual(heads, [
      `${blank}:1:1 error the file holds only white space: there is nothing to check [not-a-report]`,
      `${notes}:1:1 error this does not read like a government information-disclosure annual report: no title, none of the six section headings, no standard table [not-a-report]`,
    ]);
    assert.equal(r.code, 1);
    fs.rmSync(blank);
    fs.rmSync(notes);
  });

  it('text output: the message names the file and the reason, in Chinese by default; the summary counts what was unreadable', () => {
    const r = runCli(['check', path.join(dir, 'nope.txt'), good]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `disclosure-report: ${path.join(dir, 'nope.txt')}: 文件或目录不存在\n`);
    assert.match(r.stdout, /已检查 1 个文件：.*1 个输入无法读取/);
    const en = runCli(['check', '--lang', 'en', path.join(dir, 'nope.txt'), good]);
    assert.equal(en.stderr, `disclosure-report: ${path.join(dir, 'nope.txt')}: no such file or directory\n`);
    assert.match(en.stdout, /1 file checked: .*1 input could not be read/);
  });
});

describe('cli input: folders', () => {
  after(recordSuite('cli'));
  it('walks folders recursively for report files (.txt, .md; not other extensions) in sorted order, skips node_modules/.git, survives symlink loops', () => {
    const dir = tempDir();
    const text = readFixture('clean.txt');
    const put = (rel: string, content = text): void => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    };
    put('b.txt');
    put('a/报告 一.md');
    put('a/z.TXT');
    put('a/notes.xlsx', 'not a report');
    put('node_modules/x.txt');
    put('.git/y.md');
    put('c/deeper/d.txt');
    fs.symlinkSync('..', path.join(dir, 'c', 'loop')); // c/loop -> dir: a loop
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'link-to-a'));
    fs.symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'dangling.txt'));
    const before = snapshot(dir);
    const r = runCli(['check', '--lang', 'en', '--format', 'json', dir]);
    const files = (JSON.parse(r.stdout) as JsonFile[]).map((o) => path.relative(dir, o.file));
    assert.deepEqual(files, ['a/z.TXT', 'a/报告 一.md', 'b.txt', 'c/deeper/d.txt']);
    // The dangling link is reported and makes the exit code 2; nothing else is a problem.
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /dangling\.txt: no such file/);
    assert.equal(r.code, 2);
    assert.deepEqual(snapshot(dir), before, 'nothing is written without --fix');
  });

  it('a file given twice is checked once; a file named explicitly is checked whatever its extension', () => {
    const dir = tempDir();
    const f = path.join(dir, 'report.text');
    fs.writeFileSync(f, readFixture('clean.txt'));
    const r = runCli(['check', '--lang', 'en', '--format', 'json', f, f]);
    assert.equal((JSON.parse(r.stdout) as JsonFile[]).length, 1);
  });
});
