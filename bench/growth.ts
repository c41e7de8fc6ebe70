// Growth check: time per byte of the check at 100 KB, 1 MB, 5 MB and 20 MB, for two kinds of large
// input (report prose; whole reports concatenated, i.e. many tables). A linear engine keeps the
// time per byte flat (or falling, as fixed costs spread); any size whose time per byte is more
// than 1.2× the 100 KB figure is flagged.
import { check } from '../server/src/engine';
import type { Figure } from './figures';
import { concatenatedReports, generateProse, utf8Bytes } from './generate';
import { alternate, summarize } from './stats';

export const GROWTH_LIMIT = 1.2;
const SIZES: [string, number][] = [['100 KB', 100_000], ['1 MB', 1_000_000], ['5 MB', 5_000_000], ['20 MB', 20_000_000]];

export interface GrowthResult {
  figures: Figure[];
  /** Sizes whose time per byte grew more than GROWTH_LIMIT over 100 KB ("prose 20 MB: 1.4×"). */
  flagged: string[];
}

export function growthCheck(repoRoot: string, reports: string[], log: (s: string) => void, quick = false): GrowthResult {
  const kinds: [string, (bytes: number) => string][] = [
    ['report prose', (n) => generateProse(repoRoot, n)],
    ['concatenated reports', (n) => concatenatedReports(reports, n)],
  ];
  const sizes = quick ? SIZES.slice(0, 2) : SIZES;
  const figures: Figure[] = [];
  const flagged: string[] = [];
  for (const [kind, make] of kinds) {
    const texts = sizes.map(([, n]) => make(n));
    const bytes = texts.map(utf8Bytes);
    log(`growth: ${kind}, ${sizes.map(([l]) => l).join(' / ')} alternated`);
    // All sizes in one alternation: the paired ratio compares each size with 100 KB taken in the
    // same round, so a busy moment of the machine does not pass for growth.
    const { each, samples, cpu } = alternate(
      texts.map((t, i) => ({ name: sizes[i][0], fn: () => check(t).findings.length })),
      { samples: quick ? 3 : 5, warmupMs: 0, warmupCalls: 1, sampleMs: 40, budgetMs: quick ? 5000 : 60_000 },
    );
    sizes.forEach(([label], i) => {
      const s = each[i];
      figures.push({ group: 'growth', name: `check ${kind} ${label} (${(bytes[i] / 1e6).toFixed(2)} MB)`, value: s.median, unit: 'ms', min: s.min, max: s.max, runs: s.runs, cpu: cpu[i].median });
      if (i === 0) return;
      const perByte = summarize(samples[i].map((x, r) => x / bytes[i] / (samples[0][r] / bytes[0])));
      const byMin = each[i].min / bytes[i] / (each[0].min / bytes[0]);
      const byCpu = cpu[i].median / bytes[i] / (cpu[0].median / bytes[0]);
      const grew = perByte.median > GROWTH_LIMIT;
      if (grew) flagged.push(`${kind} ${label}: ${perByte.median.toFixed(2)}×`);
      figures.push({
        group: 'growth',
        name: `time per byte, ${kind} ${label} / 100 KB`,
        value: perByte.median,
        unit: '×',
        min: perByte.min,
        max: perByte.max,
        runs: perByte.runs,
        target: `≤ ${GROWTH_LIMIT} ×`,
        meets: !grew,
        cpu: byCpu,
        note: `paired per round; of the minima ${byMin.toFixed(2)}×; of the CPU-time medians ${byCpu.toFixed(2)}×`,
      });
    });
  }
  return { figures, flagged };
}
