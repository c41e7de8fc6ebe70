// `npm run bench`: engine, peer, floor, growth, whole processes, language server and bundle sizes in
// one run. No network. Comparisons are alternated (A B, B A, …): in this warm process for the
// engine, in fresh processes for whole-process figures; ratios are medians of paired samples, with
// their range. Prints a table and writes bench/results.json. Targets are printed beside the figures
// and never asserted. BENCH_QUICK=1 for a short smoke run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { benchEngine, inputs, packageVersion, wholeReports } from './engine';
import { benchFolders, type Seed } from './folder';
import { benchFormats } from './formats';
import { factsOf, parseReport } from '../server/src/engine';
import type { Figure } from './figures';
import { growthCheck, GROWTH_LIMIT } from './growth';
import { benchLocalize } from './localize';
import { benchProcesses } from './process';
import { TestClient } from '../test/protocol/harness';
import { coldStart, editLatency, memory, nodeBaselineRss } from './lsp';
import { sink } from './stats';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SEEDS_DIR = process.env.DISCLOSURE_SEEDS ?? path.resolve(REPO_ROOT, '..', 'shared', 'seeds');
const QUICK = !!process.env.BENCH_QUICK;
/** BENCH_ONLY=folder: only the folder figures (written to bench/results.folder.json); BENCH_ONLY=formats: only .docx/.pdf/.html. */
const ONLY = process.env.BENCH_ONLY;

function log(s: string): void {
  process.stderr.write(`· ${s}\n`);
}

function sizes(): Figure[] {
  const files = ['client/out/extension.js', 'server/out/server.js', 'server/out/cli.js', 'disclosure-report.vsix'];
  const out: Figure[] = [];
  for (const f of files) {
    const p = path.join(REPO_ROOT, f);
    if (!fs.existsSync(p)) continue;
    out.push({ group: 'size', name: f, value: fs.statSync(p).size / 1000, unit: 'kB', note: f.endsWith('.vsix') ? `built ${fs.statSync(p).mtime.toISOString()}` : 'development build (node esbuild.mjs)' });
  }
  return out;
}

function fmt(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '';
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  if (Math.abs(x) >= 1) return x.toFixed(2);
  return x.toFixed(3);
}

/** Display width: CJK and full-width characters count two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

function table(figures: Figure[]): string {
  const head = ['group', 'figure', 'median', 'min', 'max', 'cpu', 'unit', 'n', 'target'];
  const rows = figures.map((f) => [
    f.group,
    f.name,
    fmt(f.value),
    fmt(f.min),
    fmt(f.max),
    fmt(f.cpu),
    f.unit,
    f.runs === undefined ? '' : String(f.runs),
    f.target ? `${f.target} ${f.meets ? '✓' : '✗'}` : '',
  ]);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const pad = (s: string, i: number): string => {
    const p = ' '.repeat(widths[i] - width(s));
    return i >= 2 && i <= 5 ? p + s : s + p;
  };
  const line = (r: string[]): string => r.map(pad).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** The seeds with the organ and year the generated folder varies. */
function folderSeeds(seeds: { text: string }[]): Seed[] {
  const out: Seed[] = [];
  for (const { text } of seeds) {
    const facts = factsOf(parseReport(text));
    if (facts.organ && facts.year) out.push({ text, organ: facts.organ, year: facts.year });
  }
  return out;
}

function machine(): string {
  return `${process.version} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`;
}

function folderOnly(seeds: { text: string }[], started: number): void {
  const before = machine();
  const figures = benchFolders(REPO_ROOT, folderSeeds(seeds), log, QUICK);
  const results = { date: new Date().toISOString(), commit: gitCommit(), before, after: machine(), seconds: Math.round((performance.now() - started) / 1000), figures };
  fs.writeFileSync(path.join(REPO_ROOT, 'bench', 'results.folder.json'), JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(`\n${table(figures)}\n\nbefore: ${before}\nafter:  ${results.after}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!fs.existsSync(path.join(REPO_ROOT, 'server', 'out', 'server.js'))) throw new Error('server/out/server.js missing: run `node esbuild.mjs`');
  const all = inputs(REPO_ROOT, SEEDS_DIR);
  if (!all.some((i) => i.name.startsWith('seed'))) log(`no seeds at ${SEEDS_DIR}: generated reports only`);
  const figures: Figure[] = [];
  if (ONLY === 'folder') return folderOnly(all.filter((i) => i.kind === 'seed'), started);
  if (ONLY === 'formats') {
    const formats = await benchFormats(REPO_ROOT, log, QUICK);
    process.stdout.write(`\n${table(formats)}\n\nmachine: ${machine()}\n`);
    return;
  }

  figures.push(...(await benchEngine(QUICK ? all.filter((i) => i.bytes < 200_000) : all, log, QUICK)));
  // Error localization with 0, 1, 2 and 3 mistyped cells in each seed.
  figures.push(...benchLocalize(all.filter((i) => i.kind === 'seed'), log));
  figures.push(...(await benchFormats(REPO_ROOT, log, QUICK)));
  const growth = growthCheck(REPO_ROOT, wholeReports(REPO_ROOT, SEEDS_DIR), log, QUICK);
  figures.push(...growth.figures);
  const firstSeed = all.find((i) => i.kind === 'seed') ?? all[0];
  const large = all.filter((i) => i.kind === 'prose' || i.kind === 'concatenated');
  figures.push(...benchProcesses(REPO_ROOT, firstSeed, QUICK ? large.slice(0, 1) : large, log, QUICK));
  figures.push(...benchFolders(REPO_ROOT, folderSeeds(all.filter((i) => i.kind === 'seed')), log, QUICK));

  const seed = all.find((i) => i.name.startsWith('seed'))?.text ?? all[0].text;
  log('lsp: cold start');
  figures.push(await coldStart(seed, QUICK ? 2 : 7));
  const c = await TestClient.start({ locale: 'zh-CN', settings: {} });
  try {
    const ten = all.find((i) => i.name === 'generated 10 KB')!;
    log('lsp: edit latency, 10 KB');
    figures.push(...(await editLatency(c, ten.text, `10 KB report (${(ten.bytes / 1000).toFixed(1)} kB)`, QUICK ? 50 : 400, 30, { ms: 15, text: '< 15 ms' })));
    if (!QUICK) {
      const mb = all.find((i) => i.kind === 'generated' && i.bytes > 500_000)!;
      log('lsp: edit latency, 1 MB');
      figures.push(...(await editLatency(c, mb.text, `1 MB document (${(mb.bytes / 1000).toFixed(0)} kB)`, 60, 5)));
    }
  } finally {
    await c.stop();
  }
  log('lsp: memory');
  const reports = all.filter((i) => i.bytes < 20_000).map((i) => i.text);
  const bare = await nodeBaselineRss();
  if (bare) figures.push(bare);
  figures.push(...(await memory(reports, 100, QUICK ? 1000 : 10_000)));
  figures.push(...sizes());

  const seconds = (performance.now() - started) / 1000;
  const results = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    quick: QUICK,
    seconds: Math.round(seconds),
    method:
      'contenders alternated round by round (A B, B A, …) after an interleaved warm-up, in one warm process for in-process figures and in fresh processes for whole-process figures; min / median / max of each; ratios are the median and range of paired samples (same round); sub-millisecond operations repeated within a sample; sizes in UTF-8 bytes, 1 kB = 1000 bytes, 1 MB = 10^6 bytes',
    peers: { markdownlint: packageVersion(REPO_ROOT, 'markdownlint'), 'markdownlint-cli2': packageVersion(REPO_ROOT, 'markdownlint-cli2') },
    growthFlagged: growth.flagged,
    inputs: all.map((i) => ({ name: i.name, kind: i.kind, bytes: i.bytes, utf16: i.text.length, lines: i.text.split('\n').length })),
    figures,
  };
  fs.writeFileSync(path.join(REPO_ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(`\n${table(figures)}\n\n`);
  process.stdout.write(
    growth.flagged.length === 0
      ? `growth check passed: no size's time per byte exceeds ${GROWTH_LIMIT}× the 100 KB figure\n`
      : `growth check FLAGGED (time per byte > ${GROWTH_LIMIT}× the 100 KB figure): ${growth.flagged.join('; ')}\n`,
  );
  process.stdout.write(`peers: markdownlint ${results.peers.markdownlint}, markdownlint-cli2 ${results.peers['markdownlint-cli2']}\n`);
  process.stdout.write(`inputs: ${results.inputs.map((i) => `${i.name} ${i.bytes} B`).join(', ')}\n`);
  process.stdout.write(`${results.node} on ${results.cores} × ${results.cpu}, load average ${results.loadAverage.join(' ')}; ${results.seconds} s; written to bench/results.json (sink ${sink & 1})\n`);
  process.stdout.write('targets are goals, printed beside the figures and never asserted; on a busy machine medians move: read min and the paired ratios\n');
  if (os.loadavg()[0] > os.cpus().length) process.stdout.write(`the load average (${results.loadAverage[0]}) exceeds the ${results.cores} cores: other work shared the machine during this run\n`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
