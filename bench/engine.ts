// Engine, peer (markdownlint, default rules) and floor (one plain pass over the text), on the same
// texts, in the same warm process, measured in alternation (see alternate in stats.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../server/src/engine';
import type { Figure, Target } from './figures';
import { concatenatedReports, generateProse, generateReport, utf8Bytes } from './generate';
import { alternate, type Summary } from './stats';
import { toOneLine, toPdfLayout, toSpaces, toTabEmpties } from '../test/support/forms';

export type InputKind = 'seed' | 'form' | 'generated' | 'prose' | 'concatenated';

export interface Input {
  name: string;
  text: string;
  bytes: number;
  kind: InputKind;
  /** The time we hold ourselves to for this input (median), if any. */
  target?: Target;
}

/** A seed-sized report (≈10 KB): the target for the seeds and the generated 10 KB report. */
const REPORT_TARGET: Target = { value: 0.3, text: '< 0.3 ms' };
const MEGABYTE_TARGET: Target = { value: 50, text: '< 50 ms' };
/** Our check of a real report, in plain passes over its text. */
export const FLOOR_RATIO_TARGET: Target = { value: 20, text: '≤ 20 ×' };

export function seedTexts(seedsDir: string): { name: string; text: string }[] {
  if (!fs.existsSync(seedsDir)) return [];
  return fs
    .readdirSync(seedsDir)
    .filter((x) => x.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `seed ${f.slice(0, 3)}`, text: fs.readFileSync(path.join(seedsDir, f), 'utf8') }));
}

/** Whole reports to concatenate: the seeds (when present) and our own examples. */
export function wholeReports(repoRoot: string, seedsDir: string): string[] {
  const examples = fs
    .readdirSync(path.join(repoRoot, 'examples'))
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => fs.readFileSync(path.join(repoRoot, 'examples', f), 'utf8'));
  return [...seedTexts(seedsDir).map((s) => s.text), ...examples];
}

export function inputs(repoRoot: string, seedsDir: string): Input[] {
  const out: Input[] = [];
  const add = (name: string, text: string, kind: InputKind, target?: Target): void => {
    out.push({ name, text, bytes: utf8Bytes(text), kind, ...(target ? { target } : {}) });
  };
  for (const s of seedTexts(seedsDir)) add(s.name, s.text, 'seed', REPORT_TARGET);
  // Our clean example in the forms reports arrive in (rendered as the layout tests render them).
  const example = fs.readFileSync(path.join(repoRoot, 'examples', 'clean-2024.txt'), 'utf8');
  add('example as one line', toOneLine(example), 'form', REPORT_TARGET);
  add('example, tab rows with empty cells', toTabEmpties(example), 'form', REPORT_TARGET);
  add('example, space-aligned', toSpaces(example), 'form', REPORT_TARGET);
  add('example as pdftotext -layout', toPdfLayout(example), 'form', REPORT_TARGET);
  add('generated 10 KB', generateReport(repoRoot, 10_000), 'generated', REPORT_TARGET);
  add('generated 100 KB', generateReport(repoRoot, 100_000), 'generated');
  add('generated 1 MB (prose and table rows)', generateReport(repoRoot, 1_000_000), 'generated', MEGABYTE_TARGET);
  add('report prose 1 MB', generateProse(repoRoot, 1_000_000), 'prose', MEGABYTE_TARGET);
  add('concatenated reports 1 MB', concatenatedReports(wholeReports(repoRoot, seedsDir), 1_000_000), 'concatenated', MEGABYTE_TARGET);
  return out;
}

/**
 * The floor: what any checker must at least do with the text — look at every UTF-16 unit once
 * and split it into lines. Nothing more (no regex, no per-line hashing), so "ours / floor" is
 * the number of such passes our check costs.
 */
export function floorPass(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
  return h + text.split('\n').length;
}

// A variable specifier: typed loosely, and tsc keeps it a real import() in CommonJS output.
const MARKDOWNLINT_SYNC: string = 'markdownlint/sync';

export type LintSync = (options: { strings: Record<string, string>; config?: Record<string, unknown> }) => Record<string, unknown[]>;

export async function loadMarkdownlint(): Promise<LintSync> {
  // markdownlint is ESM-only; this file compiles to CommonJS, so load it with a real import().
  const mod = (await import(MARKDOWNLINT_SYNC)) as unknown as { lint: LintSync };
  return mod.lint;
}

/** The installed version of a package (read from its package.json), for the record. */
export function packageVersion(repoRoot: string, name: string): string | null {
  try {
    return (JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

export function timeFigure(group: Figure['group'], name: string, s: Summary, target?: Target, cpu?: Summary): Figure {
  return {
    ...(cpu ? { cpu: cpu.median } : {}),
    group,
    name,
    value: s.median,
    unit: 'ms',
    min: s.min,
    max: s.max,
    runs: s.runs,
    ...(target ? { target: target.text, meets: s.median < target.value } : {}),
  };
}

export function ratioFigure(name: string, s: Summary, note: string, target?: Target, cpu?: Summary): Figure {
  return {
    ...(cpu ? { cpu: cpu.median } : {}),
    group: 'ratio',
    name,
    value: s.median,
    unit: '×',
    min: s.min,
    max: s.max,
    runs: s.runs,
    note,
    ...(target ? { target: target.text, meets: s.median <= target.value } : {}),
  };
}

export async function benchEngine(all: Input[], log: (s: string) => void, quick = false): Promise<Figure[]> {
  const lint = await loadMarkdownlint();
  const figures: Figure[] = [];
  for (const input of all) {
    const big = input.bytes > 500_000;
    const rounds = quick ? 5 : big ? 7 : 15;
    const opts = { samples: rounds, warmupMs: big ? 800 : 300, sampleMs: big ? 1 : 20, budgetMs: quick ? 4000 : 25_000 };
    log(`engine: ${input.name} (${input.bytes} bytes), ours / markdownlint / floor alternated`);
    const { each, firstOver, cpu, cpuFirstOver } = alternate(
      [
        { name: 'ours', fn: () => check(input.text).findings.length },
        { name: 'markdownlint', fn: () => lint({ strings: { doc: input.text } }).doc.length },
        { name: 'floor', fn: () => floorPass(input.text) },
      ],
      opts,
    );
    const [ours, md, floor] = each;
    const label = `${input.name} (${kB(input.bytes)})`;
    figures.push(timeFigure('engine', `check ${label}`, ours, input.target, cpu[0]));
    figures.push({ group: 'engine', name: `throughput ${input.name}`, value: mbPerSec(input.bytes, ours.median), unit: 'MB/s', min: mbPerSec(input.bytes, ours.max), max: mbPerSec(input.bytes, ours.min), runs: ours.runs });
    figures.push(timeFigure('markdownlint', `lint ${label}`, md, undefined, cpu[1]));
    figures.push(timeFigure('floor', `one pass ${label}`, floor, undefined, cpu[2]));
    figures.push(ratioFigure(`ours / markdownlint, ${input.name}`, firstOver[0], '< 1 means we are faster; paired samples', undefined, cpuFirstOver[0]));
    figures.push(ratioFigure(`ours / floor, ${input.name}`, firstOver[1], 'plain passes over the text our check costs; paired samples', input.kind === 'seed' ? FLOOR_RATIO_TARGET : undefined, cpuFirstOver[1]));
  }
  return figures;
}

function mbPerSec(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}
