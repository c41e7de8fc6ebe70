// Engine, peer (markdownlint, default rules) and floor (one pass over the text), on the same texts,
// in the same process.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../server/src/engine';
import type { Figure } from './figures';
import { generateReport, utf8Bytes } from './generate';
import { timeIt, type Summary } from './stats';

export interface Input {
  name: string;
  text: string;
  bytes: number;
  /** Size class of a generated report, for the targets. */
  generated?: '10 KB' | '100 KB' | '1 MB';
}

export function inputs(repoRoot: string, seedsDir: string): Input[] {
  const out: Input[] = [];
  if (fs.existsSync(seedsDir)) {
    for (const f of fs.readdirSync(seedsDir).filter((x) => x.endsWith('.txt')).sort()) {
      const text = fs.readFileSync(path.join(seedsDir, f), 'utf8');
      out.push({ name: `seed ${f.slice(0, 3)}`, text, bytes: utf8Bytes(text) });
    }
  }
  for (const [label, n] of [['10 KB', 10_000], ['100 KB', 100_000], ['1 MB', 1_000_000]] as const) {
    const text = generateReport(repoRoot, n);
    out.push({ name: `generated ${label}`, text, bytes: utf8Bytes(text), generated: label });
  }
  return out;
}

/** The unavoidable pass: split into lines, then look at every character once. */
export function floorPass(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  let h = lines.length;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) h = (h * 31 + line.charCodeAt(i)) | 0;
  }
  return h;
}

// A variable specifier: typed loosely, and tsc keeps it a real import() in CommonJS output.
const MARKDOWNLINT_SYNC: string = 'markdownlint/sync';

type LintSync = (options: { strings: Record<string, string>; config?: Record<string, unknown> }) => Record<string, unknown[]>;

export async function loadMarkdownlint(): Promise<LintSync> {
  // markdownlint 0.40 is ESM-only; this file compiles to CommonJS, so load it with a real import().
  const mod = (await import(MARKDOWNLINT_SYNC)) as unknown as { lint: LintSync };
  return mod.lint;
}

const TARGETS: Record<string, { ms: number; text: string }> = {
  '10 KB': { ms: 0.5, text: '< 0.5 ms' },
  '1 MB': { ms: 50, text: '< 50 ms' },
};

function mbPerSec(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

export async function benchEngine(all: Input[], log: (s: string) => void): Promise<Figure[]> {
  const lint = await loadMarkdownlint();
  const figures: Figure[] = [];
  for (const input of all) {
    const big = input.bytes > 500_000;
    const opts = { samples: big ? 9 : 15, warmupMs: big ? 1000 : 300, sampleMs: big ? 1 : 25, budgetMs: 20000 };
    log(`engine: ${input.name} (${input.bytes} bytes)`);
    const ours = timeIt(() => check(input.text).findings.length, opts);
    const md = timeIt(() => lint({ strings: { doc: input.text } }).doc.length, opts);
    const floor = timeIt(() => floorPass(input.text), { ...opts, sampleMs: 25 });
    const size = `${(input.bytes / 1000).toFixed(1)} kB`;
    const target = input.generated ? TARGETS[input.generated] : undefined;
    const t = (s: Summary, group: Figure['group'], what: string, tgt?: { ms: number; text: string }): Figure => ({
      group,
      name: `${what} ${input.name} (${size})`,
      value: s.median,
      unit: 'ms',
      min: s.min,
      max: s.max,
      runs: s.runs,
      ...(tgt ? { target: tgt.text, meets: s.median < tgt.ms } : {}),
    });
    figures.push(t(ours, 'engine', 'check', target));
    figures.push({ group: 'engine', name: `throughput ${input.name}`, value: mbPerSec(input.bytes, ours.median), unit: 'MB/s', min: mbPerSec(input.bytes, ours.max), max: mbPerSec(input.bytes, ours.min), runs: ours.runs });
    figures.push(t(md, 'markdownlint', 'lint'));
    figures.push(t(floor, 'floor', 'one pass'));
    figures.push({ group: 'ratio', name: `ours / markdownlint ${input.name}`, value: ours.median / md.median, unit: '×', note: '< 1 means we are faster' });
    figures.push({ group: 'ratio', name: `ours / floor ${input.name}`, value: ours.median / floor.median, unit: '×', note: 'how many passes over the text our check costs' });
  }
  // Linearity: time per byte of 1 MB relative to 10 KB (1.0 = perfectly linear).
  const per = (label: string): number | undefined => {
    const inp = all.find((i) => i.generated === label);
    const f = inp && figures.find((x) => x.group === 'engine' && x.unit === 'ms' && x.name.includes(inp.name));
    return inp && f ? f.value / inp.bytes : undefined;
  };
  const a = per('10 KB');
  const b = per('100 KB');
  const c = per('1 MB');
  if (a && b) figures.push({ group: 'ratio', name: 'time per byte, 100 KB / 10 KB', value: b / a, unit: '×', note: '≈1 when linear' });
  if (b && c) figures.push({ group: 'ratio', name: 'time per byte, 1 MB / 100 KB', value: c / b, unit: '×', note: '≈1 when linear' });
  if (a && c) figures.push({ group: 'ratio', name: 'time per byte, 1 MB / 10 KB', value: c / a, unit: '×', note: '≈1 when linear' });
  return figures;
}
