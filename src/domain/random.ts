/**
 * Seeded randomness for tests, fixtures, benches and generated inputs (never Math.random: every
 * run sees the same numbers). The demo generator keeps its own keyed sfc32 streams
 * (scripts/demo/rng.ts) because its committed bytes depend on them.
 */

/** mulberry32 (Tommy Ettinger, public domain): a 32-bit seeded PRNG returning [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
