import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { mulberry32 } from '../random';
import { checkPermutations, exactPermutationCounts, foldedPseudoP, permutationCounts, TIE_TOLERANCE } from './permutation';
import { weightsFromNeighbourLists, type SpatialWeights } from './weights';

/** Random small weights with varying cardinalities (neighbour lists of up to 3 other areas). */
const graph = fc.integer({ min: 5, max: 8 }).chain((n) =>
  fc.tuple(fc.constant(n), fc.array(fc.uniqueArray(fc.nat(n - 1), { maxLength: 3 }), { minLength: n, maxLength: n }), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n })),
);

describe('conditional permutation engine', () => {
  test.prop([graph], { numRuns: 15 })('shared-stream Monte Carlo counts agree with exact enumeration (binomial tolerance)', ([n, lists, x]) => {
    const w = weightsFromNeighbourLists(lists.map((l, i) => l.filter((j) => j !== i && j < n)));
    const xs = Float64Array.from(x);
    const sign = xs.map((v, i) => (i % 2 ? -1 : 1));
    const R = 20_000;
    const mc = permutationCounts(xs, w, sign, { permutations: R, seed: 11 });
    const ex = exactPermutationCounts(xs, w, sign);
    for (let i = 0; i < n; i++) {
      if (ex.total[i] === 0) continue;
      const f = ex.larger[i] / ex.total[i];
      expect(Math.abs(mc.larger[i] / R - f)).toBeLessThan(5 * Math.sqrt((f * (1 - f)) / R) + 1e-9);
    }
  });

  it('rows with unequal weights take the general path and agree with the ordered enumeration', () => {
    const base = weightsFromNeighbourLists([[1, 2], [0], [0, 1, 3], [2], []]);
    const w: SpatialWeights = { ...base, weights: Float64Array.from([0.7, 0.3, 1, 0.2, 0.5, 0.3, 1]) };
    const x = Float64Array.from([1, 4, 2, 8, 3]);
    const f = Float64Array.from([1, 1, -1, 1, 1]);
    const R = 40_000;
    const mc = permutationCounts(x, w, f, { permutations: R, seed: 3 });
    const ex = exactPermutationCounts(x, w, f);
    expect([...ex.total]).toEqual([12, 4, 24, 4, 0]);
    for (let i = 0; i < 4; i++) {
      const p = ex.larger[i] / ex.total[i];
      expect(Math.abs(mc.larger[i] / R - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / R) + 1e-9);
    }
  });

  it('folds as esda: (1 + min(larger, R − larger)) / (R + 1); NaN for islands, 1 when the factor is 0', () => {
    const p = foldedPseudoP({ larger: Uint32Array.from([0, 999, 500, 3, 0]), total: Float64Array.from([999, 999, 999, 999, 0]) }, [1, 1, 1, 0, 1]);
    expect([...p]).toEqual([1 / 1000, 1 / 1000, 500 / 1000, 1, NaN]);
  });

  it('bounds on the number of permutations', () => {
    expect(checkPermutations(99_999)).toBe(99_999);
    expect(() => checkPermutations(100_000)).toThrow(/1 … 99999/);
    expect(() => checkPermutations(0)).toThrow();
  });

  it('refuses self-loops', () => {
    const w = weightsFromNeighbourLists([[1], [0]]);
    w.neighbours[0] = 0;
    expect(() => permutationCounts(Float64Array.from([1, 2]), w, [1, 1])).toThrow(/itself/);
  });
});

describe('fast counting equals the pair-by-pair loop over the same draws', () => {
  /** Reference: the same mulberry32 stream and partial Fisher–Yates, every (area, draw) visited. */
  function naive(x: Float64Array, w: SpatialWeights, factor: number[], R: number, seed: number): number[] {
    const n = w.n;
    const rand = mulberry32(seed);
    let K = 0;
    for (let i = 0; i < n; i++) K = Math.max(K, w.offsets[i + 1] - w.offsets[i]);
    const m = Math.min(n, K + 1);
    const perm = Array.from({ length: n }, (_, i) => i);
    const maxAbs = Math.max(...x.map(Math.abs));
    const larger = new Array(n).fill(0);
    for (let r = 0; r < R; r++) {
      for (let t = 0; t < m; t++) {
        const j = t + Math.floor(rand() * (n - t));
        [perm[t], perm[j]] = [perm[j], perm[t]];
      }
      for (let i = 0; i < n; i++) {
        const k = w.offsets[i + 1] - w.offsets[i];
        if (k === 0) continue;
        const drawn = perm.slice(0, m).filter((v) => v !== i).slice(0, k);
        const s = drawn.reduce((a, v) => a + x[v], 0);
        let obs = 0;
        for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) obs += x[w.neighbours[t]];
        const tol = TIE_TOLERANCE * (k + 1) * maxAbs;
        if (factor[i] > 0 ? s >= obs - tol : factor[i] < 0 ? s <= obs + tol : true) larger[i]++;
      }
    }
    return larger;
  }
  test.prop([graph, fc.integer({ min: 0, max: 1000 })], { numRuns: 25 })('same counts (ties within floating-point noise aside)', ([n, lists, x], seed) => {
    const w = weightsFromNeighbourLists(lists.map((l, i) => l.filter((j) => j !== i && j < n)));
    // Integers: sums are exact in any order, so the two paths cannot differ by rounding.
    const xs = Float64Array.from(x, (v) => Math.round(v));
    const sign = Array.from({ length: n }, (_, i) => (i % 3) - 1);
    expect([...permutationCounts(xs, w, sign, { permutations: 300, seed }).larger]).toEqual(naive(xs, w, sign, 300, seed));
  });
});
