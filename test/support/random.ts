// Deterministic pseudo-random numbers for tests and the benchmark: the same seed gives the same
// sequence on every machine, so a failing seed can be replayed and every benchmark run measures
// the same text.

/** mulberry32: a small, fast 32-bit generator; returns numbers in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
