import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildAreaIndex, sumByArea } from './areaIndex';
import { sum, villageTotals } from './areaTotals';
import { WELFARE_CARD_MASK } from './indicators';

describe('villageTotals', () => {
  it('counts people of target-poor and no-card households (hand-worked example)', () => {
    // village A: 2 hh mask 0 (5 persons); 1 hh deprived h1 + card (4 persons); 1 hh deprived l2 no card (3 persons)
    // village B: 3 hh card only, not deprived (9 persons)
    const t = villageTotals({
      villageStart: new Uint32Array([0, 3, 4]),
      mask: new Uint32Array([0, 1 | WELFARE_CARD_MASK, 1 << 5, WELFARE_CARD_MASK]),
      households: new Uint32Array([2, 1, 1, 3]),
      persons: new Uint32Array([5, 4, 3, 9]),
    });
    expect(Array.from(t.households)).toEqual([4, 3]);
    expect(Array.from(t.people)).toEqual([12, 9]);
    expect(Array.from(t.targetPoor)).toEqual([4, 0]);
    expect(Array.from(t.poorNoCard)).toEqual([3, 0]);
  });

  it('area sums equal the brute-force sum over villages with that prefix', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 10, max: 12 }), fc.integer({ min: 1, max: 3 }), fc.nat(1000)), { minLength: 1, maxLength: 40 }), (rows) => {
        const codes = Array.from(new Set(rows.map(([p, d, v]) => p * 1e6 + d * 1e4 + 101 + (v % 5) * 0))).sort();
        const idx = buildAreaIndex(codes);
        const people = codes.map((_, i) => i + 1);
        const byProvince = sumByArea(idx, 'province', people);
        idx.codes.province.forEach((pc, k) => {
          const brute = codes.reduce((s, c, i) => (String(c).startsWith(pc) ? s + people[i] : s), 0);
          expect(byProvince[k]).toBe(brute);
        });
        expect(sum(sumByArea(idx, 'country', people))).toBe(sum(people));
      }),
    );
  });
});
