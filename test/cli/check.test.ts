// `disclosure-report check`: text and JSON output, exit codes, usage errors — on the seeds and our fixtures.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, LineIndex, rules } from '../../server/src/engine';
import { REPORT_EXTENSIONS } from '../../server/src/formats';
import { seedFiles } from '../support/seeds';
import { engineErrors, expectedDiagnostics, fixture, lspLines, readFixture, runCli, tempDir } from './helpers';

const SEVERITIES = ['error', 'warning', 'information', 'hint'];

function assertPosition(p: unknown, lines: string[], where: string): void {
  assert.ok(p && typeof p === 'object', `${where}: position object`);
  const { line, character } = p as { line: unknown; character: unknown };
  assert.deepEqual(Object.keys(p as object).sort(), ['character', 'line'], `${where}: position keys`);
  assert.ok(Number.isInteger(line) && (line as number) >= 0 && (line as number) < lines.length, `${where}: line ${line} inside the document`);
  const len = lines[line as number].length;
  assert.ok(Number.isInteger(character) && (character as number) >= 0 && (character as number) <= len, `${where}: character ${character} inside line ${line} (length ${len})`);
}

/** Strict validation of one file object of `check --format json` against the contract of docs/cli.md. */
function assertFileObject(o: Record<string, unknown>, text: string): void {
  const lines = lspLines(text);
  for (const k of ['file', 'year', 'formatVersion', 'sections', 'tables', 'diagnostics']) assert.ok(k in o, `missing key ${k}`);
  assert.equal(typeof o.file, 'string');
  assert.ok(o.year === null || Number.isInteger(o.year), 'year is an integer or null');
  assert.ok(o.formatVersion === null || o.formatVersion === '2021' || o.formatVersion === '2019', 'formatVersion');
  assert.ok(Array.isArray(o.sections));
  for (const s of o.sections as Record<string, unknown>[]) {
    assert.deepEqual(Object.keys(s).sort(), ['line', 'number', 'title']);
    assert.ok(Number.isInteger(s.number) && (s.number as number) >= 1 && (s.number as number) <= 6);
    assert.equal(typeof s.title, 'string');
    assert.ok(Number.isInteger(s.line) && (s.line as number) >= 0 && (s.line as number) < lines.length);
    assert.ok(lines[s.line as number].includes(s.title as string), `section title ${s.title} is on line ${s.line}`);
  }
  assert.ok(Array.isArray(o.tables));
  for (const t of o.tables as Record<string, unknown>[]) {
    assert.deepEqual(Object.keys(t).sort(), ['id', 'line', 'readable']);
    assert.ok(['proactive', 'requests', 'appeals'].includes(t.id as string));
    assert.ok(Number.isInteger(t.line) && (t.line as number) >= 0 && (t.line as number) < lines.length);
    assert.ok(t.readable === true || t.readable === false || t.readable === 'partial');
  }
  assert.ok(Array.isArray(o.diagnostics));
  for (const [i, d] of (o.diagnostics as Record<string, unknown>[]).entries()) {
    const where = `diagnostic ${i}`;
    for (const k of ['code', 'severity', 'message', 'range']) assert.ok(k in d, `${where}: missing ${k}`);
    for (const k of Object.keys(d)) assert.ok(['code', 'severity', 'message', 'range', 'relatedInformation', 'data', 'fix'].includes(k), `${where}: unexpected key ${k}`);
    assert.ok(rules.some((r) => r.id === d.code), `${where}: code ${d.code} is a registered rule`);
    assert.ok(SEVERITIES.includes(d.severity as string));
    assert.ok(typeof d.message === 'string' && d.message.length > 0);
    const range = d.range as { start: unknown; end: unknown };
    assert.deepEqual(Object.keys(range).sort(), ['end', 'start']);
    assertPosition(range.start, lines, `${where} start`);
    assertPosition(range.end, lines, `${where} end`);
  }
}

describe('cli check: exit codes and usage', () => {
  it('prints the version of package.json and the usage', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    const v = runCli(['--version']);
    assert.equal(v.code, 0);
    assert.equal(v.stdout.trim(), pkg.version);
    const h = runCli(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /^用法：/);
    assert.match(h.stdout, /disclosure-report check/);
    assert.match(h.stdout, /disclosure-report extract/);
    const en = runCli(['--help', '--lang', 'en']);
    assert.match(en.stdout, /^Usage:/);
  });

  for (const args of [
    [],
    ['check'],
    ['frobnicate', 'x.txt'],
    ['check', '--format', 'xml', 'x.txt'],
    ['check', '--lang', 'fr', 'x.txt'],
    ['check', '--bogus', 'x.txt'],
    ['check', '--rule', 'no-such-rule=error', 'x.txt'],
    ['check', '--rule', 'row-total=fatal', 'x.txt'],
    ['check', '--max-size', 'lots', 'x.txt'],
    ['extract', '--format', 'sarif', 'x.txt'],
    ['extract', '--fix', 'x.txt'],
  ]) {
    it(`exits 2 with a message on stderr for: ${args.join(' ') || '(no arguments)'}`, () => {
      const r = runCli(args);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^disclosure-report: .+/);
      assert.match(r.stderr, /用法：/);
    });
  }

  it('usage errors are in Chinese by default, in English with --lang en, and name the problem', () => {
    const cases: [string[], string, string][] = [
      [[], '缺少命令：check 或 extract', 'missing command: check or extract'],
      [['check', '--format', 'xml', 'x.txt'], '--format：应为 text、json、sarif 之一，实为 "xml"', '--format: must be one of text, json, sarif, got "xml"'],
      [['check', '--max-size', 'lots', 'x.txt'], '--max-size：不是大小："lots"（例如 1048576、500K、50M）', '--max-size: not a size: "lots" (e.g. 1048576, 500K, 50M)'],
      [['check', '--bogus', 'x.txt'], '未知选项 --bogus', 'unknown option --bogus'],
      [['check', 'x.txt', '--format'], '--format 需要一个值', '--format needs a value'],
      [['check', '--format', '--fix', 'x.txt'], '--format 需要一个值', '--format needs a value'],
      [['check', '--fix=yes', 'x.txt'], '--fix 不带值', '--fix takes no value'],
      [['check', '--rule', 'row-total=fatal', 'x.txt'], '--rule row-total：级别应为 error、warning、information、hint 或 off，实为 "fatal"', '--rule row-total: severity must be one of error, warning, information, hint or off, got "fatal"'],
      [['extract', '--fix', 'x.txt'], 'extract：--fix 只用于 check', 'extract: --fix is only for check'],
    ];
    for (const [args, zh, en] of cases) {
      assert.equal(runCli(args).stderr.split('\n')[0], `disclosure-report: ${zh}`, args.join(' '));
      assert.equal(runCli(['--lang', 'en', ...args]).stderr.split('\n')[0], `disclosure-report: ${en}`, args.join(' '));
    }
  });

  it('without --lang the language comes from LC_ALL, then LC_MESSAGES, then LANG; --lang wins', () => {
    const first = (env: NodeJS.ProcessEnv, extra: string[] = []) => runCli(['check', '--format', 'xml', ...extra, 'x.txt'], { env }).stderr.split('\n')[0];
    const zh = 'disclosure-report: --format：应为 text、json、sarif 之一，实为 "xml"';
    const en = 'disclosure-report: --format: must be one of text, json, sarif, got "xml"';
    assert.equal(first({ LANG: 'en_US.UTF-8' }), en);
    assert.equal(first({ LANG: 'zh_CN.UTF-8' }), zh);
    assert.equal(first({ LANG: 'C.UTF-8' }), zh, 'the C locale keeps the default');
    assert.equal(first({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' }), en);
    assert.equal(first({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' }), zh);
    assert.equal(first({ LANG: 'en_US.UTF-8' }, ['--lang', 'zh']), zh);
    const summary = runCli(['check', fixture('clean.txt')], { env: { LANG: 'en_US.UTF-8' } });
    assert.match(summary.stdout, /1 file checked: 0 errors/);
    // A wrong --lang is itself reported in the locale's language.
    assert.equal(runCli(['check', '--lang', 'fr', 'x.txt'], { env: { LANG: 'en_US.UTF-8' } }).stderr.split('\n')[0], 'disclosure-report: --lang: must be one of zh, en, got "fr"');
  });

  it('each command has its own help: check its options and exit codes, extract its own; a usage error shows the help of its command', () => {
    const check = runCli(['check', '--help', '--lang', 'en']);
    assert.equal(check.code, 0);
    assert.match(check.stdout, /^Usage: disclosure-report check \[options\]/);
    for (const option of ['--format text|json|sarif', '--fix', '--rule', '--max-size', '--lang']) assert.ok(check.stdout.includes(option), option);
    assert.match(check.stdout, /Examples:/);
    assert.match(check.stdout, /Exit code: 0 no error found; 1 at least one error/);
    const extract = runCli(['extract', '--help', '--lang', 'en']);
    assert.match(extract.stdout, /^Usage: disclosure-report extract \[options\]/);
    assert.ok(extract.stdout.includes('--format json|csv'));
    assert.ok(!extract.stdout.includes('--fix') && !extract.stdout.includes('--rule'), 'extract has no --fix or --rule');
    assert.match(extract.stdout, /Exit code: 0 every input was read/);
    assert.equal(runCli(['help', 'extract', '--lang', 'en']).stdout, extract.stdout);
    assert.match(runCli(['check', '-h']).stdout, /^用法：disclosure-report check \[选项\]/);
    assert.match(runCli(['extract', '--help']).stdout, /^用法：disclosure-report extract \[选项\]/);
    assert.notEqual(runCli(['--help']).stdout, runCli(['check', '--help']).stdout);
    const wrong = runCli(['extract', '--format', 'sarif', 'x.txt']);
    assert.match(wrong.stderr, /\n\n用法：disclosure-report extract \[选项\]/);
  });

  it('a folder with no report file (empty, or other files only): says so, names the extensions searched, exit 2', () => {
    const empty = tempDir();
    const others = tempDir();
    fs.writeFileSync(path.join(others, 'data.json'), '{}');
    fs.mkdirSync(path.join(others, 'node_modules'));
    fs.writeFileSync(path.join(others, 'node_modules', 'skipped.txt'), '一、总体情况\n');
    const zhList = REPORT_EXTENSIONS.join('、');
    const enList = REPORT_EXTENSIONS.join(', ');
    for (const dir of [empty, others]) {
      const zh = runCli(['check', dir]);
      assert.equal(zh.code, 2);
      assert.equal(zh.stderr, `disclosure-report: ${dir}: 没有找到年度报告文件（查找的扩展名：${zhList}）\n`);
      assert.match(zh.stdout, /已检查 0 个文件：.*；1 个文件夹中没有年度报告文件。/);
      const en = runCli(['check', '--lang', 'en', dir]);
      assert.equal(en.code, 2);
      assert.equal(en.stderr, `disclosure-report: ${dir}: no report file found (searched for ${enList})\n`);
      assert.match(en.stdout, /0 files checked: .*; 1 folder held no report file\./);
      const extract = runCli(['extract', dir]);
      assert.equal(extract.code, 2);
      assert.equal(extract.stdout, '[]\n');
    }
    // Beside a folder that holds a report, the empty one still makes the run exit 2; the report is checked.
    const r = runCli(['check', '--format', 'json', fixture('clean.txt'), empty]);
    assert.equal(r.code, 2);
    assert.equal(JSON.parse(r.stdout).length, 1);
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '--lang', 'en', empty]).stdout);
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
    assert.match(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /no report file found/);
    fs.rmSync(empty, { recursive: true });
    fs.rmSync(others, { recursive: true });
  });

  it('exits 0 on a clean report and prints the summary in Chinese by default', () => {
    const text = readFixture('clean.txt');
    const r = runCli(['check', fixture('clean.txt')]);
    assert.equal(engineErrors(text), 0, 'the clean fixture has no error according to the engine');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /已检查 1 个文件：0 个错误/);
    const en = runCli(['check', '--lang', 'en', fixture('clean.txt')]);
    assert.match(en.stdout, /1 file checked: 0 errors/);
  });

  it('exits 1 when the engine finds an error (a wrong row total)', () => {
    const text = readFixture('wrong-total.txt');
    const errors = engineErrors(text);
    assert.ok(errors > 0, 'the engine reports the wrong total in wrong-total.txt as an error');
    const r = runCli(['check', fixture('wrong-total.txt')]);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, new RegExp(`已检查 1 个文件：${errors} 个错误`));
  });

  it('--rule id=off silences a rule and id=warning lowers it, changing the exit code', () => {
    const text = readFixture('wrong-total.txt');
    // A mistyped cell is one finding under the first rule it breaks; the other relations it breaks
    // (data.relations, ids 「rule/…」) belong to their own rules, which must be off too to silence it.
    const errorFindings = check(text).findings.filter((f) => f.severity === 'error');
    const ids = [...new Set(errorFindings.flatMap((f) => [f.ruleId, ...((f.data?.relations as string[] | undefined) ?? []).map((r) => r.split('/')[0])]))];
    assert.ok(ids.length > 0, 'the fixture has error findings');
    const off = runCli(['check', '--format', 'json', ...ids.flatMap((id) => ['--rule', `${id}=off`]), fixture('wrong-total.txt')]);
    const offCodes = JSON.parse(off.stdout)[0].diagnostics.map((d: { code: string }) => d.code);
    for (const id of ids) assert.ok(!offCodes.includes(id), `${id} is off`);
    assert.equal(off.code, 0);
    const warn = runCli(['check', '--format', 'json', ...ids.flatMap((id) => ['--rule', `${id}=warning`]), fixture('wrong-total.txt')]);
    const diags = JSON.parse(warn.stdout)[0].diagnostics as { code: string; severity: string }[];
    for (const d of diags.filter((x) => ids.includes(x.code))) assert.equal(d.severity, 'warning');
    assert.equal(warn.code, 0);
  });
});

describe('cli check: text output', () => {
  const LINE = /^(.+):(\d+):(\d+) (error|warning|information|hint) (.+) \[([a-z0-9-]+)\]$/;

  for (const file of seedFiles()) {
    it(`lists exactly the engine's findings for ${path.basename(file)}, 1-based, with an excerpt`, () => {
      const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
      const { findings } = check(text);
      const lines = new LineIndex(text);
      const r = runCli(['check', '--lang', 'en', file]);
      const out = r.stdout.split('\n');
      const heads = out.filter((l) => LINE.test(l));
      assert.equal(heads.length, findings.length);
      findings.forEach((f, i) => {
        const m = LINE.exec(heads[i])!;
        const p = lines.positionAt(f.start);
        assert.equal(m[1], file);
        assert.equal(Number(m[2]), p.line + 1);
        assert.equal(Number(m[3]), p.character + 1);
        assert.equal(m[4], f.severity);
        assert.equal(m[5], f.message.en);
        assert.equal(m[6], f.ruleId);
        // The excerpt follows: the line number gutter and a caret line.
        const at = out.indexOf(heads[i]);
        assert.match(out[at + 1], new RegExp(`^ ${p.line + 1} \\| `));
        assert.match(out[at + 2], /^ +\| +\^~*$/);
      });
      const errors = findings.filter((f) => f.severity === 'error').length;
      const warnings = findings.filter((f) => f.severity === 'warning').length;
      assert.match(r.stdout, new RegExp(`1 file checked: ${errors} errors?, ${warnings} warnings?`));
      assert.equal(r.code, errors > 0 ? 1 : 0);
      assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when stdout is not a terminal');
    });
  }

  it('colours only on a terminal, and never with NO_COLOR set', function () {
    // `script` gives the CLI a pseudo-terminal.
    const cmd = `${process.execPath} ${require('./helpers').BIN} check ${fixture('wrong-total.txt')}`;
    const tty = require('node:child_process').spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
    assert.match(tty.stdout, /\x1b\[/, 'colour on a terminal');
    const noColor = require('node:child_process').spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.match(noColor.stdout, /已检查/);
    assert.doesNotMatch(noColor.stdout, /\x1b\[/, 'no colour with NO_COLOR=1');
  });
});

describe('cli check: --format json', () => {
  it('is exactly one object per file, in order, matching the engine through LineIndex', () => {
    const files = [...seedFiles(), fixture('clean.txt'), fixture('wrong-total.txt')];
    for (const lang of ['zh', 'en'] as const) {
      // Copies of one report on purpose: the folder pairs them as one body's twins and cross-year notes
      // that on each title (pipeline.test.ts); here each file's reading is compared with the engine's.
      const r = runCli(['check', '--format', 'json', '--lang', lang, '--rule', 'cross-year=off', ...files]);
      assert.equal(r.stderr, '');
      const arr = JSON.parse(r.stdout) as Record<string, unknown>[];
      assert.ok(Array.isArray(arr));
      assert.deepEqual(arr.map((o) => o.file), files);
      let errors = 0;
      arr.forEach((o, i) => {
        const text = fs.readFileSync(files[i], 'utf8').replace(/^\ufeff/, '');
        assertFileObject(o, text);
        const { report } = check(text);
        const lines = new LineIndex(text);
        assert.equal(o.year, report.year);
        assert.equal(o.formatVersion, report.formatVersion);
        assert.deepEqual(o.sections, report.sections.map((s) => ({ number: s.number, title: s.title, line: lines.positionAt(s.heading.start).line })));
        assert.deepEqual(o.tables, report.tables.map((t) => ({ id: t.id, line: lines.positionAt(t.start).line, readable: t.reading === 'full' ? true : t.reading === 'partial' ? 'partial' : false })));
        const strip = (d: Record<string, unknown>) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range });
        const expected = expectedDiagnostics(text, lang);
        assert.deepEqual((o.diagnostics as Record<string, unknown>[]).map(strip), expected);
        errors += expected.filter((d) => d.severity === 'error').length;
      });
      assert.equal(r.code, errors > 0 ? 1 : 0);
    }
  });

  it('reads the six sections and three tables of every seed (the parser is wired through)', () => {
    const r = runCli(['check', '--format', 'json', ...seedFiles()]);
    for (const o of JSON.parse(r.stdout)) {
      assert.deepEqual(o.sections.map((s: { number: number }) => s.number), [1, 2, 3, 4, 5, 6], o.file);
      assert.deepEqual(o.tables.map((t: { id: string }) => t.id), ['proactive', 'requests', 'appeals'], o.file);
    }
  });

  it('counts positions in UTF-16 after astral characters, CRLF and a BOM', () => {
    const dir = tempDir();
    // 𠮷 (two UTF-16 units) before the wrong total, CRLF line ends and a BOM.
    const text = readFixture('wrong-total.txt').replace('示例县档案馆2024年', '示例县𠮷档案馆2024年').replace(/\n/g, '\r\n');
    const file = path.join(dir, 'astral.txt');
    fs.writeFileSync(file, '\ufeff' + text);
    const r = runCli(['check', '--format', 'json', file]);
    const [o] = JSON.parse(r.stdout);
    assertFileObject(o, text);
    assert.deepEqual(o.diagnostics.map((d: Record<string, unknown>) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })), expectedDiagnostics(text));
    assert.ok(o.diagnostics.length > 0, 'the wrong total is reported');
  });
});
