// Running the BUNDLED CLI (server/out/cli.js via bin/) against real files, and building the
// expectations independently: through the engine's own check() and LineIndex, never the CLI's code.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, type CheckOptions, LineIndex } from '../../server/src/engine';
import { REPO_ROOT } from '../support/seeds';

export const BIN = path.join(REPO_ROOT, 'bin', 'disclosure-report.js');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {}): Run {
  if (!fs.existsSync(path.join(REPO_ROOT, 'server', 'out', 'cli.js'))) {
    throw new Error('server/out/cli.js is missing: run `node esbuild.mjs` first');
  }
  // The language comes from the locale when --lang is not given: start every run from none.
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...opts.env };
  delete env.NO_COLOR;
  if (opts.env?.NO_COLOR !== undefined) env.NO_COLOR = opts.env.NO_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    uid: opts.uid,
    gid: opts.gid,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const madeDirs: string[] = [];
// The folders the tests write go when the test process ends, passed or failed.
process.once('exit', () => {
  for (const dir of madeDirs) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'dr-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export function readFixture(name: string): string {
  return fs.readFileSync(fixture(name), 'utf8');
}

/** What the CLI's JSON diagnostics must be: the engine's findings through LineIndex (built here). */
export function expectedDiagnostics(text: string, lang: 'zh' | 'en' = 'zh', options: CheckOptions = {}) {
  const { findings } = check(text, options);
  const lines = new LineIndex(text);
  return findings.map((f) => ({
    code: f.ruleId,
    severity: f.severity,
    message: f.message[lang],
    range: { start: lines.positionAt(f.start), end: lines.positionAt(f.end) },
  }));
}

/** Number of error findings the engine reports for a text. */
export function engineErrors(text: string): number {
  return check(text).findings.filter((f) => f.severity === 'error').length;
}

/** The text lines (without line breaks) as LSP counts them: \n, \r\n and a lone \r end a line. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * A GB18030 encoder for tests, independent of the CLI's: for each distinct character, search the
 * two-byte space with the platform decoder. Enough for our fixtures (CJK, ASCII, full-width punctuation).
 */
export function encodeGb18030ForTest(text: string): Buffer {
  const dec = new TextDecoder('gb18030');
  const map = new Map<string, number[]>();
  const need = new Set([...text].filter((ch) => ch.charCodeAt(0) >= 0x80));
  for (let b1 = 0x81; b1 <= 0xfe && need.size > map.size; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      const ch = dec.decode(Uint8Array.from([b1, b2]));
      if (need.has(ch) && !map.has(ch)) map.set(ch, [b1, b2]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) out.push(c);
    else {
      const bytes = map.get(ch);
      if (!bytes) throw new Error(`test encoder: no two-byte GB18030 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

export function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

export function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

export interface Snapshot {
  [file: string]: { mtimeMs: number; sha: string };
}

/** Content and mtime of every file below dir (to prove nothing was written). */
export function snapshot(dir: string): Snapshot {
  const crypto = require('node:crypto') as typeof import('node:crypto');
  const out: Snapshot = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const st = fs.statSync(p);
        out[path.relative(dir, p)] = {
          mtimeMs: st.mtimeMs,
          sha: crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'),
        };
      }
    }
  };
  walk(dir);
  return out;
}
