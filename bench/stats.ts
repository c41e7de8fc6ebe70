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
  /** Calls of each contender in the warm-up, at least (default 3). */
  warmupCalls?: number;
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

export interface Contender {
  name: string;
  fn: () => unknown;
}

export interface Alternation {
  /** One summary per contender, in the order given. */
  each: Summary[];
  /**
   * Per contender after the first: the first contender's sample divided by this one's sample of
   * the same round (paired, so a slow moment of the machine hits both sides of the ratio).
   */
  firstOver: Summary[];
  /** The raw samples (ms per call), one array per contender, index = round. */
  samples: number[][];
  /**
   * The same, in CPU time of this process (user + system, GC threads included) instead of wall
   * time: on a machine shared with other work, wall time also counts the time we waited for a core.
   */
  cpu: Summary[];
  cpuFirstOver: Summary[];
}

/**
 * Milliseconds per call of each contender, measured in alternation (A B, B A, A B, …) in this warm
 * process: each round takes one sample of every contender, the order flipped every round, so
 * no contender gets the quiet (or busy) stretch of the run to itself. A sample repeats the call
 * enough times to last about sampleMs.
 */
export function alternate(contenders: Contender[], opts: TimeOptions = {}): Alternation {
  const rounds = opts.samples ?? 15;
  const warmupMs = opts.warmupMs ?? 300;
  const sampleMs = opts.sampleMs ?? 20;
  const budgetMs = opts.budgetMs ?? 15000;
  // Warm-up, interleaved too, by each contender's own time: a fast contender beside a slow one
  // must still run long enough to be optimised. Every contender gets at least warmupCalls calls
  // and warmupMs of its own work, in slices of about sampleMs.
  const warmupCalls = opts.warmupCalls ?? 3;
  const one = contenders.map(() => 0);
  const spent = contenders.map(() => 0);
  const calls = contenders.map(() => 0);
  const warm = (i: number): boolean => calls[i] >= warmupCalls && spent[i] >= warmupMs;
  while (!contenders.every((_, i) => warm(i))) {
    contenders.forEach((c, i) => {
      if (warm(i)) return;
      const s0 = performance.now();
      let n = 0;
      do {
        consume(c.fn());
        n++;
      } while (performance.now() - s0 < sampleMs);
      const slice = performance.now() - s0;
      one[i] = slice / n; // the latest slice: the most optimised code
      calls[i] += n;
      spent[i] += slice;
    });
  }
  const repeats = one.map((ms) => Math.max(1, Math.ceil(sampleMs / Math.max(ms, 0.001))));
  const xs: number[][] = contenders.map(() => []);
  const cpu: number[][] = contenders.map(() => []);
  const b0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    const order = contenders.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order) {
      const c0 = process.cpuUsage();
      const t = performance.now();
      for (let k = 0; k < repeats[i]; k++) consume(contenders[i].fn());
      xs[i].push((performance.now() - t) / repeats[i]);
      const c = process.cpuUsage(c0);
      cpu[i].push((c.user + c.system) / 1000 / repeats[i]);
    }
    if (r >= 4 && performance.now() - b0 > budgetMs) break;
  }
  const pairs = (ys: number[][]): Summary[] => ys.slice(1).map((other) => summarize(ys[0].map((a, r) => a / other[r])));
  return { each: xs.map(summarize), firstOver: pairs(xs), samples: xs, cpu: cpu.map(summarize), cpuFirstOver: pairs(cpu) };
}
