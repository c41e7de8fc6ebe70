// Error localization (which cell is wrong) per report, with 0, 1, 2 and 3 mistyped cells of
// tables 2 and 3. The cells and their new values are drawn with a fixed seed, so every run times
// the same reports. Only the localization is timed (relations evaluated, prose witnesses read,
// the search): the report is read once per case.
import { parseReport, type Cell } from '../server/src/engine';
import { localizeReport } from '../server/src/engine/fixes/localize';
import type { Figure } from './figures';
import { rng } from '../test/support/random';
import { timeIt } from './stats';

/** `text` with `count` cells of tables 2 and 3 changed by +1…+9 (fixed seed; different cells). */
export function mistype(text: string, count: number, seed = 11): string {
  const cells = parseReport(text)
    .tables.filter((t) => t.id !== 'proactive')
    .flatMap((t) => t.cells)
    .filter((c) => c.state === 'number');
  const random = rng(seed);
  const picked = new Set<Cell>();
  while (picked.size < Math.min(count, cells.length)) picked.add(cells[Math.floor(random() * cells.length)]);
  let out = text;
  for (const c of [...picked].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, c.start) + String((c.value ?? 0) + 1 + Math.floor(random() * 9)) + out.slice(c.end);
  }
  return out;
}

/**
 * Localization time for each report text with 0, 1, 2 and 3 mistyped cells (median over the
 * given texts' samples; one figure per count). `texts` are whole reports, e.g. the seeds.
 */
export function benchLocalize(texts: { name: string; text: string }[], log: (s: string) => void = () => {}): Figure[] {
  const figures: Figure[] = [];
  for (const wrong of [0, 1, 2, 3]) {
    for (const { name, text } of texts) {
      const changed = mistype(text, wrong);
      const report = parseReport(changed);
      log(`localize: ${name}, ${wrong} wrong`);
      const s = timeIt(
        // A shallow copy is a new key for the per-report caches: the relations, the prose
        // witnesses and the decision are worked out again, the text is not read again.
        () => localizeReport({ ...report }).decisions.length,
        { samples: 9, warmupMs: 100, sampleMs: 10, budgetMs: 5000 },
      );
      figures.push({ group: 'engine', name: `localize ${name}, ${wrong} wrong cell${wrong === 1 ? '' : 's'}`, value: s.median, unit: 'ms', min: s.min, max: s.max, runs: s.runs });
    }
  }
  return figures;
}
