// Renders what the hardening tests recorded (test-output/reliability.json, written by
// test/engine/fuzz.test.ts, test/protocol/chaos.test.ts and the CLI input suites during `npm test`)
// into docs/reliability.md, and prints the short markdown block for the README's reliability
// section. Only what the record holds is written: a suite that did not run is not claimed.
//   npm test; npx tsc -p . && node out/scripts/reliability.js [--readme]
// --readme also replaces the text between <!-- reliability:start --> and <!-- reliability:end -->
// in README.md (only when both markers are there). With bench/results.json present, the block
// for <!-- bench:start --> … <!-- bench:end --> is printed too (and written with --readme).
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const RECORD = path.join(REPO_ROOT, 'test-output', 'reliability.json');

interface Property {
  name: string;
  runs: number;
  seed: number;
  checks: number;
  fixesApplied: number;
  failed?: boolean;
}
interface Record_ {
  fuzz?: { date: string; fuzzRuns: number | null; seed: number; corpus: string[]; properties: Property[]; totalRuns: number; totalChecks: number; totalFixesApplied: number; slowestCheck?: { ms: number; length: number } };
  chaos?: { date: string; seed: number; operations: number; counts: Record<string, number>; held?: Record<string, boolean> };
  /** Per describe block of the CLI input suites: how its tests ended. */
  cli?: Record<string, { date: string; file: string; passed: number; failed: number; tests: string[] }>;
}

function cliTotals(cli: NonNullable<Record_['cli']>): { passed: number; failed: number; files: string[]; date: string } {
  const suites = Object.values(cli);
  return {
    passed: suites.reduce((s, x) => s + x.passed, 0),
    failed: suites.reduce((s, x) => s + x.failed, 0),
    files: [...new Set(suites.map((x) => x.file))].sort(),
    date: suites.map((x) => x.date).sort().pop() ?? '',
  };
}

const n = (x: number): string => x.toLocaleString('en-US');

export function readmeBlock(r: Record_): string {
  const lines: string[] = [];
  if (r.fuzz) {
    const failed = r.fuzz.properties.filter((p) => p.failed).length;
    lines.push(
      `- **Engine fuzzing** (fast-check, ${r.fuzz.properties.length} properties, seed ${r.fuzz.seed}): ${n(r.fuzz.totalRuns)} generated documents ` +
        `(random text, mutated seeds and examples, random tables), ${n(r.fuzz.totalChecks)} checks, ${n(r.fuzz.totalFixesApplied)} fixes applied — ` +
        (failed ? `**${failed} propert${failed === 1 ? 'y' : 'ies'} failed** (see docs/reliability.md).` : 'every property held.'),
    );
  }
  if (r.chaos) {
    lines.push(
      `- **Language-server chaos** (seed ${r.chaos.seed}): ${n(r.chaos.operations)} interleaved operations — ` +
        Object.entries(r.chaos.counts).filter(([k]) => k !== 'final check').map(([k, v]) => `${n(v)} ${k}`).join(', ') +
        (r.chaos.held?.chaos === false
          ? '; **the run failed** (see docs/reliability.md).'
          : '; no internal error, the server stayed up, final diagnostics equal a fresh check.') +
        (r.chaos.held?.['malformed notifications'] === false ? ' Malformed notifications still make a handler log an error.' : ''),
    );
  }
  if (r.cli) {
    const t = cliTotals(r.cli);
    lines.push(
      `- **CLI bad input** (${t.files.join(', ')}): binary files, a 100 MB file, unreadable files and folders, symlink loops, FIFOs, empty files, GB18030 and UTF-16 files, names with spaces and Chinese — ` +
        (t.failed ? `**${t.failed} of ${t.passed + t.failed} tests failed** (see docs/reliability.md).` : `${t.passed} tests passed.`),
    );
  }
  const date = r.fuzz?.date ?? r.chaos?.date ?? (r.cli ? cliTotals(r.cli).date : undefined);
  if (date) lines.push(`\n<sub>Recorded by \`npm test\` on ${date.slice(0, 10)}; details and how to reproduce in [docs/reliability.md](docs/reliability.md).</sub>`);
  return lines.join('\n');
}

export function page(r: Record_): string {
  const out: string[] = ['# Reliability record', '', 'Written by `node out/scripts/reliability.js` from `test-output/reliability.json`, which the hardening tests fill in during `npm test`. Do not edit by hand.', ''];
  if (r.fuzz) {
    const f = r.fuzz;
    out.push('## Engine fuzzing (test/engine/fuzz.test.ts)', '');
    out.push(`Run of ${f.date}; fast-check seed ${f.seed}${f.fuzzRuns ? `, FUZZ_RUNS=${f.fuzzRuns}` : ' (bounded default run)'}. Corpus for mutations: ${f.corpus.join(', ')}.`, '');
    out.push('| property | runs | checks | fixes applied | result |', '|---|---:|---:|---:|---|');
    for (const p of f.properties) out.push(`| ${p.name} | ${n(p.runs)} | ${n(p.checks)} | ${n(p.fixesApplied)} | ${p.failed ? '**failed**' : 'held'} |`);
    out.push(`| **total** | ${n(f.totalRuns)} | ${n(f.totalChecks)} | ${n(f.totalFixesApplied)} | |`, '');
    if (f.slowestCheck) out.push(`Slowest single check: ${f.slowestCheck.ms} ms (${n(f.slowestCheck.length)} UTF-16 units).`, '');
    out.push(
      'Properties: the engine never throws and no rule crashes (every check’s `ruleFailures` is empty); every finding, related and fix range lies inside the document and never between the halves of a surrogate pair; every fix applies, applying it twice changes nothing more, and the fixed text no longer reports that rule with that message at the fixed spot; fix-all applies every edit that overlaps no other; checking is deterministic (twice, on a copy, with other documents checked in between); rule settings only turn rules off and change severities.',
      '',
      'Reproduce (only this suite; `--no-config` leaves out the other suites `.mocharc.json` lists): `npx tsc -p . && FUZZ_SEED=<seed> npx mocha --no-config out/test/engine/fuzz.test.js`; run longer with `FUZZ_RUNS=2000`. A failing property writes its shrunk counterexample to `test-output/fuzz-counterexample-*.json`; each one found is kept as a regression case in the test.',
      '',
    );
  }
  if (r.chaos) {
    const c = r.chaos;
    out.push('## Language-server chaos (test/protocol/chaos.test.ts)', '');
    out.push(`Run of ${c.date}; PRNG seed ${c.seed}; ${n(c.operations)} operations against the bundled server over stdio JSON-RPC.`, '');
    out.push('| operation | count |', '|---|---:|');
    for (const [k, v] of Object.entries(c.counts)) out.push(`| ${k} | ${n(v)} |`);
    const verdict = (k: string): string => (c.held?.[k] === false ? '**failed**' : 'held');
    out.push(
      '',
      `- Interleaved operations (${verdict('chaos')}): no response with an internal error (-32603), no error logged by the server, the process stayed up, and every open document’s final diagnostics equal a fresh engine check of its final text under the final settings.`,
      `- Malformed didOpen/didChange/didClose notifications are ignored without a handler logging an error (${verdict('malformed notifications')}).`,
      '',
      'Reproduce (only this suite, against the bundled server): `node esbuild.mjs && npx tsc -p . && CHAOS_SEED=<seed> CHAOS_OPS=<n> npx mocha --no-config out/test/protocol/chaos.test.js`.',
      '',
    );
  }
  if (r.cli) {
    const t = cliTotals(r.cli);
    out.push(`## CLI bad input (${t.files.join(', ')})`, '');
    out.push(`Run of ${t.date}: ${t.passed} tests passed, ${t.failed} failed.`, '');
    out.push('| suite | passed | failed |', '|---|---:|---:|');
    for (const [title, x] of Object.entries(r.cli)) out.push(`| ${title} (${x.file}) | ${x.passed} | ${x.failed} |`);
    out.push(
      '',
      'Binary files (alone and in a folder), bytes valid in neither UTF-8 nor GB18030, a sparse and a real 100 MB file (refused by size with a message naming `--max-size`), files and folders without read permission, FIFOs, symlink loops (in a folder and named directly), missing files, empty files, UTF-8 with and without BOM, UTF-16 LE/BE, GB18030, names with spaces and Chinese. Each gets a message or a result, the other files are still checked, the exit code is 2 when an input could not be read, and nothing is written without `--fix` (then only the fixed files, atomically, in their own encoding).',
      '',
      'Reproduce (only these suites, against the bundled CLI): `node esbuild.mjs && npx tsc -p . && npx mocha --no-config --timeout 60000 out/test/cli/input.test.js out/test/cli/hardening.test.js`.',
      '',
    );
  }
  return out.join('\n');
}

function replaceBetween(text: string, start: string, end: string, body: string): string | null {
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return null;
  return `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`;
}

function benchBlock(): string | null {
  const file = path.join(REPO_ROOT, 'bench', 'results.json');
  if (!fs.existsSync(file)) return null;
  type BenchFigure = { group: string; name: string; value: number; unit: string; min?: number; max?: number; runs?: number; cpu?: number; target?: string; meets?: boolean };
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { date: string; node: string; cores: number; cpu: string; loadAverage?: number[]; peers?: Record<string, string | null>; growthFlagged?: string[]; figures: BenchFigure[] };
  const fmt = (x: number | undefined): string =>
    x === undefined ? '' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3);
  const rows = r.figures
    // Raw peer and floor times are in bench/results.json; the README shows the paired ratios.
    .filter((f) => f.group !== 'markdownlint' && f.group !== 'floor' && !f.name.startsWith('throughput'))
    .filter((f) => f.group !== 'growth' || f.unit === '×' || /20 MB/.test(f.name))
    .map((f) => {
      const spread = f.min !== undefined && f.max !== undefined ? `${fmt(f.min)} – ${fmt(f.max)}` : '';
      return `| ${f.name} | ${fmt(f.value)} ${f.unit} | ${spread} | ${fmt(f.cpu)} | ${f.runs ?? ''} | ${f.target ? `${f.target} ${f.meets ? '✓' : '✗'}` : ''} |`;
    });
  const load = r.loadAverage ? `, load average ${r.loadAverage[0]}` : '';
  const peers = r.peers ? `; markdownlint ${r.peers.markdownlint}, markdownlint-cli2 ${r.peers['markdownlint-cli2']}` : '';
  const growth = r.growthFlagged === undefined ? '' : r.growthFlagged.length === 0 ? ' Growth check passed.' : ` Growth check flagged: ${r.growthFlagged.join('; ')}.`;
  return [
    `Measured ${r.date.slice(0, 10)} with ${r.node} on ${r.cores} × ${r.cpu}${load}${peers} (\`npm run bench\`). Contenders alternated round by round; median, min – max and CPU time (median, this process) of n samples; a ratio is the median and range of n paired samples.${growth}`,
    '',
    '| figure | median | min – max | cpu | n | target |',
    '|---|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

function main(): void {
  if (!fs.existsSync(RECORD)) {
    process.stderr.write(`no ${path.relative(REPO_ROOT, RECORD)}: run npm test first\n`);
    process.exit(1);
  }
  const r = JSON.parse(fs.readFileSync(RECORD, 'utf8')) as Record_;
  fs.writeFileSync(path.join(REPO_ROOT, 'docs', 'reliability.md'), page(r));
  const block = readmeBlock(r);
  process.stdout.write(`<!-- reliability:start -->\n${block}\n<!-- reliability:end -->\n`);
  const writeReadme = process.argv.includes('--readme');
  if (writeReadme) fillReadme('reliability', block);
  const bench = benchBlock();
  if (!bench) return;
  process.stdout.write(`\n<!-- bench:start -->\n${bench}\n<!-- bench:end -->\n`);
  if (writeReadme) fillReadme('bench', bench);
}

/** Replace the text between <!-- name:start --> and <!-- name:end --> in README.md. */
function fillReadme(name: string, body: string): void {
  const readme = path.join(REPO_ROOT, 'README.md');
  const next = replaceBetween(fs.readFileSync(readme, 'utf8'), `<!-- ${name}:start -->`, `<!-- ${name}:end -->`, body);
  if (next === null) process.stderr.write(`README.md has no ${name} markers: not changed\n`);
  else fs.writeFileSync(readme, next);
}

main();
