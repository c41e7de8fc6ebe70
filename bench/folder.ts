// Folder figures: a folder of 1,000 and 10,000 reports generated at run time from the seeds, with
// small changes (the organ renamed per body, the years moved to 2021–2024 so every body has a
// chain of reports to pair, one table cell changed per report), through `check` and `summary`
// with `--jobs 1` and `--jobs 2` (and `check` with the default), beside markdownlint-cli2 on the
// same folder; fresh processes, runs alternated.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Figure, Target } from './figures';
import { summarize, type Summary } from './stats';
import { rng } from '../test/support/random';

const DIGITS = '〇一二三四五六七八九';
/** A body's distinct name part in Chinese numerals (digits could be read as a year). */
const bodyName = (b: number): string => `第${[...String(b)].map((d) => DIGITS[Number(d)]).join('')}`;

export interface Seed {
  text: string;
  /** The organ as the title names it, and the report year. */
  organ: string;
  year: number;
}

/**
 * Report k of a generated folder: body ⌊k/4⌋ (its seed by turn, its organ renamed), year
 * 2021 + k mod 4 (every year of the seed's text moved with it), and one digit of a table row changed.
 */
export function variant(seeds: readonly Seed[], k: number): string {
  const body = Math.floor(k / 4);
  const seed = seeds[body % seeds.length];
  const shift = 2021 + (k % 4) - seed.year;
  const organ = seed.organ.replace(/(市|县|区)/, `$1${bodyName(body)}`);
  let text = seed.text.split(seed.organ).join(organ);
  text = text.replace(/(?<!\d)(20[12]\d)(?!\d)/g, (y) => String(Number(y) + shift));
  const random = rng(k + 1);
  const rows = [...text.matchAll(/^[^\n]*\t[^\n]*\d[^\n]*$/gm)];
  if (rows.length > 0) {
    const row = rows[Math.floor(random() * rows.length)];
    const digits = [...row[0].matchAll(/\d/g)];
    const d = digits[Math.floor(random() * digits.length)];
    const at = row.index! + d.index!;
    text = text.slice(0, at) + String((Number(d[0]) + 1) % 10) + text.slice(at + 1);
  }
  return text;
}

/** Writes n reports as .md files (both tools read them) into a new folder; returns it. */
export function writeFolder(seeds: readonly Seed[], n: number, parent: string): string {
  const dir = path.join(parent, `reports-${n}`);
  fs.mkdirSync(dir, { recursive: true });
  for (let k = 0; k < n; k++) fs.writeFileSync(path.join(dir, `${String(k).padStart(5, '0')}.md`), variant(seeds, k));
  return dir;
}

interface Contender {
  name: string;
  args: string[];
}

interface Sample {
  ms: number;
  /** Peak resident set of the process, its worker threads included (kB), from /usr/bin/time when present. */
  maxRssKb: number | null;
  /** CPU time of the process, every thread (user + system, ms), from /usr/bin/time when present. */
  cpuMs: number | null;
}

const TIME = '/usr/bin/time';

function runOnce(c: Contender, cwd: string): Sample {
  const withTime = fs.existsSync(TIME);
  const cmd = withTime ? TIME : process.execPath;
  const args = withTime ? ['-f', '%M %U %S', process.execPath, ...c.args] : c.args;
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t0;
  if (r.error || r.status === null || r.status > 1) throw new Error(`${c.name} failed (${r.status ?? r.signal}): ${r.error ?? r.stderr.toString().slice(-2000)}`);
  const m = withTime ? /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr.toString()) : null;
  return { ms, maxRssKb: m ? Number(m[1]) : null, cpuMs: m ? Math.round((Number(m[2]) + Number(m[3])) * 1000) : null };
}

const FOLDER_TARGET: Target = { value: 10_000, text: '< 10 s' };

export function benchFolders(repoRoot: string, seeds: readonly Seed[], log: (s: string) => void, quick = false): Figure[] {
  const cli = path.join(repoRoot, 'bin', 'disclosure-report.js');
  const peer = path.join(repoRoot, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'disclosure-folder-'));
  const figures: Figure[] = [];
  try {
    for (const n of quick ? [1000] : [1000, 10_000]) {
      log(`folder: writing ${n} reports`);
      const dir = writeFolder(seeds, n, parent);
      const contenders: Contender[] = [
        { name: 'check --jobs 1', args: [cli, 'check', '--jobs', '1', dir] },
        { name: 'check --jobs 2', args: [cli, 'check', '--jobs', '2', dir] },
        // The default: one worker per 2,000 files up to the cores (server/src/cli/pipeline/run.ts).
        { name: 'check (default --jobs)', args: [cli, 'check', dir] },
        { name: 'summary --jobs 1', args: [cli, 'summary', '--format', 'csv', '--jobs', '1', dir] },
        { name: 'summary --jobs 2', args: [cli, 'summary', '--format', 'csv', '--jobs', '2', dir] },
      ];
      if (fs.existsSync(peer)) contenders.push({ name: 'markdownlint-cli2', args: [peer, `${dir}/*.md`] });
      // BENCH_FOLDER_ROUNDS: fewer rounds on a busy machine (a 10,000-report round is minutes there).
      const rounds = Number(process.env.BENCH_FOLDER_ROUNDS) || (quick ? 1 : n >= 10_000 ? 3 : 5);
      const samples = contenders.map(() => [] as Sample[]);
      // The folder was just written, so its files are in the page cache; with several rounds one
      // unmeasured run of each warms the rest (the bundle, the compile cache).
      if (rounds > 1) for (const c of contenders) runOnce(c, parent);
      for (let r = 0; r < rounds; r++) {
        // Alternated: A B C, C B A, …, so each sees the same state of the machine on average.
        const order = r % 2 === 0 ? contenders.map((_, i) => i) : contenders.map((_, i) => contenders.length - 1 - i);
        for (const i of order) {
          log(`folder: ${contenders[i].name}, ${n} reports, round ${r + 1}/${rounds}`);
          samples[i].push(runOnce(contenders[i], parent));
        }
      }
      contenders.forEach((c, i) => {
        const wall: Summary = summarize(samples[i].map((s) => s.ms));
        const rss = samples[i].map((s) => s.maxRssKb).filter((x): x is number => x !== null);
        const cpu = samples[i].map((s) => s.cpuMs).filter((x): x is number => x !== null);
        const cpuMedian = cpu.length ? summarize(cpu).median : null;
        const target = c.name === 'check --jobs 2' && n === 10_000 ? FOLDER_TARGET : undefined;
        figures.push({
          group: 'folder',
          name: `${c.name}, ${n} reports`,
          value: wall.median,
          unit: 'ms',
          min: wall.min,
          max: wall.max,
          runs: wall.runs,
          note:
            `${Math.round((n / wall.median) * 1000)} reports/s (median)` +
            (cpuMedian !== null ? `; CPU ${(cpuMedian / 1000).toFixed(1)} s (${(cpuMedian / wall.median).toFixed(2)} cores)` : '') +
            (rss.length ? `; peak RSS of the process (workers included) ${Math.round(Math.max(...rss) / 1024)} MB` : ''),
          ...(target ? { target: target.text, meets: wall.median < target.value } : {}),
        });
      });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
  return figures;
}
