// Timing helpers: warm up, then take several samples; each sample runs the operation enough times
// to last a few milliseconds (so sub-millisecond operations are not lost in timer noise).

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[k];
}

export function summarize(xs: number[]): Summary {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length };
}

/** A sink the optimiser cannot see through, so measured work is never dead code. */
export let sink = 0;
export function consume(x: unknown): void {
  sink = (sink + (typeof x === 'number' ? x : x == null ? 0 : 1)) | 0;
}

export interface TimeOptions {
  /** Samples after warm-up. */
  samples?: number;
  /** Minimum wall time of the warm-up, ms. */
  warmupMs?: number;
  /** Target duration of one sample, ms (the operation is repeated inside a sample to reach it). */
  sampleMs?: number;
  /** Upper bound on the whole measurement, ms (fewer samples when an operation is slow). */
  budgetMs?: number;
}

/** Milliseconds per call of fn: median/min/max over samples, after a warm-up. */
export function timeIt(fn: () => unknown, opts: TimeOptions = {}): Summary {
  const samples = opts.samples ?? 15;
  const warmupMs = opts.warmupMs ?? 300;
  const sampleMs = opts.sampleMs ?? 20;
  const budgetMs = opts.budgetMs ?? 15000;
  // Warm-up: at least 3 calls and warmupMs of work (lets the JIT settle).
  let calls = 0;
  const w0 = performance.now();
  let one = 0;
  while (calls < 3 || performance.now() - w0 < warmupMs) {
    const t = performance.now();
    consume(fn());
    one = performance.now() - t;
    calls++;
  }
  const perSample = Math.max(1, Math.ceil(sampleMs / Math.max(one, 0.001)));
  const xs: number[] = [];
  const b0 = performance.now();
  for (let s = 0; s < samples; s++) {
    const t = performance.now();
    for (let k = 0; k < perSample; k++) consume(fn());
    xs.push((performance.now() - t) / perSample);
    if (s >= 4 && performance.now() - b0 > budgetMs) break;
  }
  return summarize(xs);
}
