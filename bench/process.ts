// Whole-process figures: a fresh `node` per sample, wall time from spawn to exit, contenders
// alternated round by round (A B, B A, …) so both sides see the same state of the machine.
//   · `disclosure-report check <seed>` against `node -e ''` (the floor any Node CLI pays to start);
//   · `disclosure-report check <1 MB file>` against `markdownlint-cli2 <same file>`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Figure, Target } from './figures';
import { ratioFigure, timeFigure } from './engine';
import { summarize, type Summary } from './stats';

interface Command {
  name: string;
  args: string[];
  cwd: string;
}

/** Wall time of one run, ms. Throws when the process could not run (a crash is no figure). */
function runOnce(c: Command): number {
  const t0 = performance.now();
  // markdownlint-cli2 prints its findings on stderr, hence the large buffer.
  const r = spawnSync(process.execPath, c.args, { cwd: c.cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t0;
  // check exits 1 when it finds an error, markdownlint-cli2 when it finds an issue: both normal.
  if (r.error || r.status === null || r.status > 1) throw new Error(`${c.name} failed (${r.status ?? r.signal}): ${r.error ?? r.stderr}`);
  return ms;
}

/** Alternated runs of a and b; the paired ratio is a's run over b's run of the same round. */
function alternateProcesses(a: Command, b: Command, rounds: number): { a: Summary; b: Summary; ratio: Summary } {
  runOnce(a); // the first run of each warms the file cache, not measured
  runOnce(b);
  const xa: number[] = [];
  const xb: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      xa.push(runOnce(a));
      xb.push(runOnce(b));
    } else {
      xb.push(runOnce(b));
      xa.push(runOnce(a));
    }
  }
  return { a: summarize(xa), b: summarize(xb), ratio: summarize(xa.map((x, i) => x / xb[i])) };
}

const START_TARGET: Target = { value: 1.5, text: '≤ 1.5 ×' };
const PEER_TARGET: Target = { value: 0.2, text: '≤ 0.2 ×' };

export interface LargeFile {
  name: string;
  text: string;
}

export function benchProcesses(repoRoot: string, seed: { name: string; text: string }, large: LargeFile[], log: (s: string) => void, quick = false): Figure[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disclosure-bench-'));
  const cli = path.join(repoRoot, 'bin', 'disclosure-report.js');
  const peer = path.join(repoRoot, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const figures: Figure[] = [];
  try {
    const seedFile = path.join(dir, 'seed.txt');
    fs.writeFileSync(seedFile, seed.text);
    log(`process: check ${seed.name} vs node -e '' alternated`);
    const start = alternateProcesses(
      { name: 'check', args: [cli, 'check', seedFile], cwd: dir },
      { name: "node -e ''", args: ['-e', ''], cwd: dir },
      quick ? 5 : 15,
    );
    figures.push(timeFigure('process', `node -e '' (start-up floor)`, start.b));
    figures.push(timeFigure('process', `disclosure-report check ${seed.name}`, start.a));
    figures.push(ratioFigure(`check ${seed.name} / node -e ''`, start.ratio, 'whole process, paired runs', START_TARGET));

    if (!fs.existsSync(peer)) {
      log('process: markdownlint-cli2 not installed, peer comparison left out');
      return figures;
    }
    for (const f of large) {
      // The same file for both, named .md so markdownlint-cli2 reads it; a folder of its own, so no
      // configuration file of the repository applies.
      const file = path.join(dir, 'report.md');
      fs.writeFileSync(file, f.text);
      log(`process: check vs markdownlint-cli2, ${f.name}, alternated`);
      const vs = alternateProcesses(
        { name: 'check', args: [cli, 'check', file], cwd: dir },
        { name: 'markdownlint-cli2', args: [peer, file], cwd: dir },
        quick ? 3 : 7,
      );
      figures.push(timeFigure('process', `disclosure-report check ${f.name}`, vs.a));
      figures.push(timeFigure('process', `markdownlint-cli2 ${f.name}`, vs.b));
      figures.push(ratioFigure(`check / markdownlint-cli2, ${f.name}`, vs.ratio, 'whole process, paired runs', PEER_TARGET));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
