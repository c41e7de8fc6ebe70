// `check --fix`: only changed files are written, atomically, in their own encoding; never without --fix.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, check } from '../../server/src/engine';
import { encodeGb18030ForTest, readFixture, runCli, snapshot, tempDir, utf16le } from './helpers';

/** The fixed text as the engine's API gives it (fix rounds until nothing more applies). */
function engineFixed(text: string): string {
  for (let round = 0; round < 5; round++) {
    const fixes = check(text).findings.flatMap((f) => (f.fix ? [f.fix] : []));
    const next = applyFixes(text, fixes).text;
    if (next === text) break;
    text = next;
  }
  return text;
}

/** Our own expectation for the wrong-total fixture: the first row's 总计 goes back from 5 to 4. */
function handFixed(text: string): string {
  const before = '一、本年新收政府信息公开申请数量\t\t\t3\t0\t0\t0\t0\t1\t5';
  assert.ok(text.includes(before));
  return text.replace(before, before.slice(0, -1) + '4');
}

describe('cli check --fix', () => {
  const wrong = readFixture('wrong-total.txt');
  const clean = readFixture('clean.txt');

  it('the fixture really holds a fixable wrong total (the engine offers a fix)', () => {
    assert.ok(check(wrong).findings.some((f) => f.fix), 'the engine offers a fix for wrong-total.txt');
    assert.equal(engineFixed(wrong), handFixed(wrong));
  });

  it('writes only the changed files, in their own encoding (UTF-8, GB18030, UTF-16), and leaves no temp files', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'clean.txt'), clean);
    fs.writeFileSync(path.join(dir, 'utf8.txt'), wrong);
    fs.writeFileSync(path.join(dir, 'gb.txt'), encodeGb18030ForTest(wrong));
    fs.writeFileSync(path.join(dir, 'utf16.txt'), utf16le(wrong.replace(/\n/g, '\r\n')));
    fs.chmodSync(path.join(dir, 'utf8.txt'), 0o640);
    const before = snapshot(dir);
    const expected = handFixed(wrong);

    const r = runCli(['check', '--fix', dir]);
    const after = snapshot(dir);
    assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort(), 'no temp file left, no file added');
    assert.deepEqual(after['clean.txt'], before['clean.txt'], 'the clean file is untouched (content and mtime)');
    assert.equal(fs.readFileSync(path.join(dir, 'utf8.txt'), 'utf8'), expected);
    assert.equal((fs.statSync(path.join(dir, 'utf8.txt')).mode & 0o777).toString(8), '640', 'file mode kept');
    assert.deepEqual(fs.readFileSync(path.join(dir, 'gb.txt')), encodeGb18030ForTest(expected));
    assert.deepEqual(fs.readFileSync(path.join(dir, 'utf16.txt')), utf16le(expected.replace(/\n/g, '\r\n')));
    // What was fixed is printed, one line per fix, with the file's name.
    for (const name of ['utf8.txt', 'gb.txt', 'utf16.txt']) assert.match(r.stdout, new RegExp(`${name}:\\d+:\\d+ 已修复 .+ \\[[a-z-]+\\]`));
    assert.doesNotMatch(r.stdout, /clean\.txt:\d+:\d+ 已修复/);
    const remainingErrors = check(expected).findings.filter((f) => f.severity === 'error').length;
    assert.equal(r.code, remainingErrors > 0 ? 1 : 0, r.stdout + r.stderr);

    // Fixing again changes nothing more.
    const again = snapshot(dir);
    runCli(['check', '--fix', dir]);
    assert.deepEqual(snapshot(dir), again);
  });

  it('without --fix nothing is written, whatever the format', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'wrong.txt'), wrong);
    const before = snapshot(dir);
    for (const format of ['text', 'json', 'sarif']) runCli(['check', '--format', format, dir]);
    runCli(['extract', '--format', 'csv', dir]);
    assert.deepEqual(snapshot(dir), before);
  });

  it('with --format json the fixed file is reported as it now is, and notes go to stderr', () => {
    const dir = tempDir();
    const f = path.join(dir, 'wrong.txt');
    fs.writeFileSync(f, wrong);
    const r = runCli(['check', '--fix', '--format', 'json', f]);
    const [o] = JSON.parse(r.stdout);
    const expected = handFixed(wrong);
    assert.equal(fs.readFileSync(f, 'utf8'), expected);
    assert.equal(o.diagnostics.length, check(expected).findings.length);
    assert.match(r.stderr, /wrong\.txt:\d+:\d+ 已修复/);
  });

  it('writes through a symlink and keeps the link', () => {
    const dir = tempDir();
    const real = path.join(dir, 'real.txt');
    const link = path.join(dir, 'link.txt');
    fs.writeFileSync(real, wrong);
    fs.symlinkSync(real, link);
    runCli(['check', '--fix', link]);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(real, 'utf8'), handFixed(wrong));
  });

  it('refuses to write a GB18030 file whose bytes would not re-encode identically, and says so', () => {
    const dir = tempDir();
    const f = path.join(dir, 'odd.txt');
    // 0x80 decodes to € in GB18030 but € encodes as A2E3: writing would change bytes we did not fix.
    const bytes = Buffer.concat([encodeGb18030ForTest(wrong), Buffer.from([0x80, 0x0a])]);
    assert.equal(new TextDecoder('gb18030').decode(bytes.subarray(-2)), '€\n');
    fs.writeFileSync(f, bytes);
    const before = snapshot(dir);
    const r = runCli(['check', '--fix', '--lang', 'en', f]);
    assert.deepEqual(snapshot(dir), before, 'the file is untouched');
    assert.match(r.stderr, /odd\.txt: not written: its gb18030 encoding cannot be reproduced byte for byte/);
    assert.equal(r.code, 2);
  });
});
