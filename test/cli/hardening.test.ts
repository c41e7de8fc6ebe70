// CLI hardening, beyond test/cli/input.test.ts: a FOLDER mixing every kind
// of bad input — binary files, a real 100 MB text file, an unreadable sub-folder, a symlink loop —
// with an empty file, a GB18030 file whose name has spaces and Chinese, and a report with a fixable
// error. Each bad input gets its own clear message, the others are checked exactly like the engine
// checks them, the exit code says what happened, nothing is written without --fix in any format,
// and with --fix only the fixable report changes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recordSuite } from '../support/reliability';
import { encodeGb18030ForTest, expectedDiagnostics, readFixture, runCli, snapshot, tempDir } from './helpers';

interface JsonFile {
  file: string;
  diagnostics: { code: string; severity: string; message: string; range: unknown }[];
}
const strip = (d: JsonFile['diagnostics'][number]) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range });

// root reads everything: as root the CLI runs as nobody, so the unreadable folder really is unreadable.
const asRoot = process.getuid?.() === 0;

describe('cli hardening: a folder of bad and unusual inputs', function () {
  after(recordSuite('cli'));
  this.timeout(120000);
  let dir: string;
  const rel = {
    good: 'good.txt',
    gb: '子目录/示例 报告 2023 年.txt',
    empty: '子目录/empty.md',
    binary: 'bin/photo.txt',
    garbage: 'bin/scan.md',
    png: 'bin/image.png',
    huge: 'huge/big report.txt',
    locked: 'locked',
    loopA: 'loop-a.txt',
    loopB: 'loop-b.txt',
  };
  const abs = (r: string): string => path.join(dir, r);
  // The folder holds copies of one report: cross-year would note them as twins on every title
  // (pipeline.test.ts checks that); here each file is compared with the engine alone.
  const run = (args: string[]) => runCli([...args, ...(args[0] === 'check' ? ['--rule', 'cross-year=off'] : []), dir], asRoot ? { uid: 65534, gid: 65534, cwd: dir } : { cwd: dir });

  before(() => {
    dir = tempDir('dr-hardening-');
    fs.chmodSync(dir, 0o755);
    const put = (r: string, content: string | Buffer): void => {
      fs.mkdirSync(path.dirname(abs(r)), { recursive: true, mode: 0o755 });
      fs.writeFileSync(abs(r), content, { mode: 0o644 });
    };
    put(rel.good, readFixture('wrong-total.txt'));
    put(rel.gb, encodeGb18030ForTest(readFixture('wrong-total.txt')));
    put(rel.empty, '');
    const bin = Buffer.alloc(8192);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 131 + 7) % 256;
    put(rel.binary, bin);
    put(rel.garbage, Buffer.from([0x23, 0x20, 0xff, 0xfe, 0xfd, 0x41, 0xc0, 0x0a, 0xff, 0x80, 0x0a]));
    put(rel.png, bin.subarray(0, 512));
    // A REAL 100 MB text file (not sparse): refused by size, before anything is read or decoded.
    const unit = Buffer.from(readFixture('clean.txt'), 'utf8');
    const copies = Math.ceil((100 * 1024 * 1024) / unit.length);
    fs.mkdirSync(path.dirname(abs(rel.huge)), { recursive: true, mode: 0o755 });
    const fd = fs.openSync(abs(rel.huge), 'w', 0o644);
    const chunk = Buffer.concat(Array.from({ length: 256 }, () => unit));
    for (let i = 0; i < copies; i += 256) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    assert.ok(fs.statSync(abs(rel.huge)).blocks * 512 >= 100 * 1024 * 1024, 'the big file really occupies 100 MB');
    put(path.join(rel.locked, 'inside.txt'), readFixture('clean.txt'));
    if (asRoot) {
      // The folder belongs to the user the CLI runs as, so --fix may write there.
      const chown = (p: string): void => {
        fs.lchownSync(p, 65534, 65534);
        if (fs.lstatSync(p).isDirectory()) for (const e of fs.readdirSync(p)) chown(path.join(p, e));
      };
      chown(dir);
    }
    fs.chmodSync(abs(rel.locked), 0o000);
    fs.symlinkSync(rel.loopB, abs(rel.loopA));
    fs.symlinkSync(rel.loopA, abs(rel.loopB));
  });

  after(() => {
    if (!dir) return;
    fs.chmodSync(abs(rel.locked), 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('json: a clear message per bad input, exit 2, every other file checked like the engine checks it', () => {
    const before = snapshot(dir);
    const r = run(['check', '--lang', 'en', '--format', 'json']);
    assert.equal(r.code, 2, r.stderr);
    const lines = r.stderr.trim().split('\n');
    const reason = (r2: string): string | undefined => lines.find((l) => l.includes(abs(r2)));
    assert.match(reason(rel.binary) ?? '', /not a text file/);
    assert.match(reason(rel.garbage) ?? '', /neither valid UTF-8 nor valid GB18030/);
    assert.match(reason(rel.huge) ?? '', /file too large.*--max-size/);
    assert.match(reason(rel.locked) ?? '', /permission denied/);
    assert.match(reason(rel.loopA) ?? '', /too many levels of symbolic links/);
    assert.match(reason(rel.loopB) ?? '', /too many levels of symbolic links/);
    assert.equal(reason(rel.png), undefined, 'a .png in a folder is not an input');
    assert.equal(lines.length, 6, `one line per bad input:\n${r.stderr}`);

    const arr = JSON.parse(r.stdout) as JsonFile[];
    const byRel = new Map(arr.map((o) => [path.relative(dir, o.file), o]));
    assert.deepEqual([...byRel.keys()].sort(), [rel.good, rel.gb, rel.empty].sort());
    assert.deepEqual(byRel.get(rel.good)!.diagnostics.map(strip), expectedDiagnostics(readFixture('wrong-total.txt'), 'en'));
    assert.deepEqual(byRel.get(rel.gb)!.diagnostics.map(strip), expectedDiagnostics(readFixture('wrong-total.txt'), 'en'));
    assert.deepEqual(byRel.get(rel.empty)!.diagnostics.map((d) => `${d.code} ${d.severity}`), ['not-a-report error'], 'the empty file says so');
    assert.deepEqual(snapshot(dir), before, 'nothing written');
  });

  it('text and sarif: the same inputs unread, exit 2, the summary counts them; nothing written', () => {
    const before = snapshot(dir);
    const text = run(['check']);
    assert.equal(text.code, 2);
    assert.match(text.stdout, /已检查 3 个文件：.*6 个输入无法读取/);
    assert.ok(text.stdout.includes(abs(rel.gb)), 'the GB18030 file with spaces and Chinese in its name is named as it is');
    const sarif = run(['check', '--format', 'sarif']);
    assert.equal(sarif.code, 2);
    const log = JSON.parse(sarif.stdout) as { runs: { artifacts?: { location: { uri: string } }[]; invocations?: { toolExecutionNotifications?: unknown[] }[] }[] };
    const notes = log.runs[0].invocations?.[0]?.toolExecutionNotifications ?? [];
    assert.equal(notes.length, 6, 'every unread input is recorded in the SARIF log');
    assert.deepEqual(snapshot(dir), before, 'nothing written');
  });

  it('--fix writes only the fixable reports (the GB18030 one in GB18030); binary, empty and refused files stay byte for byte', () => {
    const before = snapshot(dir);
    const r = run(['check', '--lang', 'en', '--format', 'json', '--fix']);
    assert.equal(r.code, 2, 'inputs still unreadable');
    const after = snapshot(dir);
    const changed = Object.keys(after).filter((k) => before[k]?.sha !== after[k].sha);
    assert.deepEqual(changed.sort(), [rel.good, rel.gb].sort(), r.stderr);
    assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort(), 'no file added or removed (no temp files left)');
    const fixed = fs.readFileSync(abs(rel.good), 'utf8');
    const arr = JSON.parse(r.stdout) as JsonFile[];
    assert.deepEqual(arr.find((o) => o.file === abs(rel.good))!.diagnostics.map(strip), expectedDiagnostics(fixed, 'en'));
    const gbFixed = new TextDecoder('gb18030', { fatal: true }).decode(fs.readFileSync(abs(rel.gb)));
    assert.equal(gbFixed, fixed, 'the same fix, written back in GB18030');
    fs.writeFileSync(abs(rel.good), readFixture('wrong-total.txt'));
    fs.writeFileSync(abs(rel.gb), encodeGb18030ForTest(readFixture('wrong-total.txt')));
  });

  it('a symlink loop named on the command line: its message, exit 2, the other file checked', () => {
    const r = runCli(['check', '--lang', 'en', '--format', 'json', abs(rel.loopA), abs(rel.good)]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /loop-a\.txt: too many levels of symbolic links/);
    assert.deepEqual((JSON.parse(r.stdout) as JsonFile[]).map((o) => o.file), [abs(rel.good)]);
  });

  it('extract over the same folder: the readable files extracted, the others reported, exit 2, nothing written', () => {
    const before = snapshot(dir);
    const r = run(['extract', '--lang', 'en', '--format', 'json']);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 6, r.stderr);
    assert.deepEqual(snapshot(dir), before);
  });
});
