import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { checkPermutations, exactPermutationCounts, foldedPseudoP, permutationCounts } from './permutation';
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
