import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS, INDICATORS, INDICATOR_COUNT, indicatorIndex } from '../indicators';
import { effectiveWeights, nestedWeights, resolveSettings, scoreTables } from './settings';
import { dimensionsArb } from './testProfiles';

describe('weights', () => {
  it('nested equal by default: 1/5 per dimension, equal within it (DESIGN.md §2.2)', () => {
    const w = nestedWeights();
    // health, living, education have 4 indicators, income 3, access 2 (DESIGN.md §2.1 table).
    expect(w[indicatorIndex('h1')]).toBeCloseTo(1 / 20, 15);
    expect(w[indicatorIndex('i3')]).toBeCloseTo(1 / 15, 15);
    expect(w[indicatorIndex('a2')]).toBeCloseTo(1 / 10, 15);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
  });
  it('dimension toggles zero the excluded dimensions and renormalise; user weights are normalised', () => {
    fc.assert(
      fc.property(dimensionsArb, fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: 17, maxLength: 17 }), (dims, raw) => {
        for (const w of [effectiveWeights(dims, null), effectiveWeights(dims, raw)]) {
          expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          INDICATORS.forEach((ind, j) => {
            if (!dims.includes(ind.dimension)) expect(w[j]).toBe(0);
            else expect(w[j]).toBeGreaterThan(0);
          });
        }
      }),
      { seed: 7, numRuns: 100 },
    );
    const byId = effectiveWeights(DIMENSION_IDS, { h1: 2, l1: 2 });
    expect(byId[indicatorIndex('h1')]).toBe(0.5);
    expect(byId[indicatorIndex('e1')]).toBe(0);
  });
  it('refuses bad input, naming the field', () => {
    expect(() => effectiveWeights([], null)).toThrow(/dimensions/);
    expect(() => effectiveWeights(DIMENSION_IDS, { zz: 1 })).toThrow(/unknown indicator "zz"/);
    expect(() => effectiveWeights(DIMENSION_IDS, [1, 2])).toThrow(/expected 17/);
    expect(() => effectiveWeights(DIMENSION_IDS, { h1: -1 })).toThrow(/h1/);
    expect(() => effectiveWeights(['income'], { h1: 1 })).toThrow(/all weigh 0/);
    expect(() => resolveSettings({ measure: 'af', dimensions: DIMENSION_IDS, k: 0, welfare: 'all' })).toThrow(/^k:/);
    expect(() => resolveSettings({ measure: 'af', dimensions: DIMENSION_IDS, k: 1.5, welfare: 'all' })).toThrow(/^k:/);
  });
  it('the two 9-bit tables give Σ w_j g_j for every one of the 2^18 masks (brute force)', () => {
    const w = Float64Array.from({ length: INDICATOR_COUNT }, (_, j) => (j + 1) / 153);
    const { scoreLow, scoreHigh } = scoreTables(w);
    for (let m = 0; m < 1 << 18; m += 7) {
      let c = 0;
      for (let j = 0; j < INDICATOR_COUNT; j++) if (m & (1 << j)) c += w[j];
      expect(scoreLow[m & 511] + scoreHigh[m >>> 9]).toBeCloseTo(c, 14);
    }
  });
  it('union cutoff is the smallest positive weight', () => {
    expect(resolveSettings({ measure: 'tpmap', dimensions: DIMENSION_IDS, k: NaN, welfare: 'all' }).unionCutoff).toBeCloseTo(1 / 20, 15);
    expect(resolveSettings({ measure: 'tpmap', dimensions: ['access'], k: NaN, welfare: 'all' }).unionCutoff).toBeCloseTo(1 / 2, 15);
  });
});
