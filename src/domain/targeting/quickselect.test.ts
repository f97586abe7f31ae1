import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mulberry32 } from '../random';
import { selectInPlace } from './quickselect';

/** Seeded inputs of the shapes that break naive pivots: random, many ties, sorted, reversed, constant. */
function inputs(seed: number, n: number): number[][] {
  const rnd = mulberry32(seed);
  const random = Array.from({ length: n }, () => rnd() * 1000 - 500);
  const ties = Array.from({ length: n }, () => Math.floor(rnd() * 5));
  return [random, ties, [...random].sort((a, b) => a - b), [...random].sort((a, b) => b - a), new Array(n).fill(7)];
}

describe('selectInPlace (Hoare quickselect)', () => {
  it('puts the k-th smallest at k with smaller values left and larger right, as a full sort does (Float64Array)', () => {
    for (const values of inputs(1961, 301)) {
      const sorted = [...values].sort((a, b) => a - b);
      for (const k of [0, 1, 57, 150, 299, 300]) {
        const a = Float64Array.from(values);
        expect(selectInPlace(a, k)).toBe(sorted[k]);
        expect(a[k]).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(a[k]);
        for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(a[k]);
        expect([...a].sort((x, y) => x - y)).toEqual(sorted); // a permutation: nothing lost
      }
    }
  });

  it('works within a sub-range and on integer ranks (Uint32Array), for any input (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 200 }), fc.nat(), fc.nat(), fc.nat(), (xs, p, q, r) => {
        const lo = p % xs.length, hi = lo + (q % (xs.length - lo));
        const k = lo + (r % (hi - lo + 1));
        const a = Uint32Array.from(xs);
        const want = xs.slice(lo, hi + 1).sort((x, y) => x - y)[k - lo];
        expect(selectInPlace(a, k, lo, hi)).toBe(want);
        expect(Array.from(a.subarray(0, lo))).toEqual(xs.slice(0, lo)); // outside the range untouched
        expect(Array.from(a.subarray(hi + 1))).toEqual(xs.slice(hi + 1));
      }),
      { seed: 65, numRuns: 500 },
    );
  });
});
