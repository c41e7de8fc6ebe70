// --fix writes atomically: a crash (or a failure) at any point of the write leaves the original
// report whole. The crash is real: a child process is killed with SIGKILL in the middle of writing.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFixed } from '../../server/src/cli/fix';
import { readInput, type ReadFile } from '../../server/src/cli/input';
import { readFixture, tempDir } from './helpers';

const FIX_MODULE = path.resolve(__dirname, '..', '..', 'server', 'src', 'cli', 'fix.js');
const INPUT_MODULE = path.resolve(__dirname, '..', '..', 'server', 'src', 'cli', 'input.js');

/** Run writeFixed in a child whose fs dies (SIGKILL) at the given step. */
function crashAt(step: 'write' | 'fsync' | 'rename', file: string, newText: string): void {
  const script = `
    const fs = require('node:fs');
    const { writeFixed } = require(${JSON.stringify(FIX_MODULE)});
    const { readInput } = require(${JSON.stringify(INPUT_MODULE)});
    const input = readInput(${JSON.stringify(file)}, 1e9);
    const die = () => process.kill(process.pid, 'SIGKILL');
    const step = ${JSON.stringify(step)};
    if (step === 'write') {
      fs.writeFileSync = (fd, bytes) => { fs.writeSync(fd, bytes, 0, bytes.length >> 1); die(); };
    } else if (step === 'fsync') {
      const real = fs.fsyncSync; fs.fsyncSync = (fd) => { real(fd); die(); };
    } else {
      fs.renameSync = () => die();
    }
    writeFixed(input, ${JSON.stringify(newText)});
  `;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(r.signal, 'SIGKILL', `the child was killed mid-write: ${r.stderr}`);
}

describe('cli --fix: atomic writes', () => {
  const original = readFixture('wrong-total.txt');
  const fixed = original.replace('\t1\t5\n', '\t1\t4\n');

  for (const step of ['write', 'fsync', 'rename'] as const) {
    it(`a crash during ${step} leaves the original report whole`, () => {
      const dir = tempDir();
      const file = path.join(dir, '报告.txt');
      fs.writeFileSync(file, original);
      crashAt(step, file, fixed);
      assert.equal(fs.readFileSync(file, 'utf8'), original);
      // Only our hidden temp file can be left behind, never in place of the report.
      for (const name of fs.readdirSync(dir)) assert.ok(name === '报告.txt' || /^\.报告\.txt\.\d+\.\d+\.tmp$/.test(name), name);
    });
  }

  it('a failing rename is reported, the temp file removed, the original kept', () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.txt');
    fs.writeFileSync(file, original);
    const input = readInput(file, 1e9) as ReadFile;
    // The module under test reads fs.renameSync at call time, so patching node:fs reaches it.
    const nodeFs = require('node:fs') as { renameSync: unknown };
    const realRename = nodeFs.renameSync;
    nodeFs.renameSync = () => {
      throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    };
    let reason: { zh: string; en: string } | null;
    try {
      reason = writeFixed(input, fixed);
    } finally {
      nodeFs.renameSync = realRename;
    }
    assert.match(reason!.en, /not written: EXDEV/);
    assert.match(reason!.zh, /未写入：EXDEV/);
    assert.deepEqual(fs.readdirSync(dir), ['r.txt']);
    assert.equal(fs.readFileSync(file, 'utf8'), original);
  });

  it('a file changed on disk since it was read is not overwritten', () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.txt');
    fs.writeFileSync(file, original);
    const input = readInput(file, 1e9) as ReadFile;
    fs.appendFileSync(file, '\n用户刚刚补写的一行。\n');
    const changed = fs.readFileSync(file, 'utf8');
    assert.match(writeFixed(input, fixed)!.en, /changed while it was being checked/);
    assert.equal(fs.readFileSync(file, 'utf8'), changed);
  });

  it('a successful write replaces the content and nothing else is left in the folder', () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.txt');
    fs.writeFileSync(file, original);
    assert.equal(writeFixed(readInput(file, 1e9) as ReadFile, fixed), null);
    assert.equal(fs.readFileSync(file, 'utf8'), fixed);
    assert.deepEqual(fs.readdirSync(dir), ['r.txt']);
  });
});
