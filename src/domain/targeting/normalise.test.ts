import { describe, expect, it } from 'vitest';
import { normaliseColumn, quantileSorted, transformColumn, winsoriseColumn } from './normalise';

// Hand-computed: x = [2, 4, 4, 10]; min 2, max 10; mean 5, deviations −3, −1, −1, 5, Σd² = 36,
// sd (n − 1) = √12; ascending ranks 1, 2.5, 2.5, 4 (ties averaged) → (r − 1)/3.
const x = [2, 4, 4, 10];

describe('normaliseColumn', () => {
  it('min–max on hand-computed values', () => {
    expect(Array.from(normaliseColumn(x, 'minmax').values)).toEqual([0, 0.25, 0.25, 1]);
  });
  it('z-score with the n − 1 standard deviation (R sd(), COINr n_zscore)', () => {
    const z = normaliseColumn(x, 'z').values;
    const sd = Math.sqrt(12);
    [-3 / sd, -1 / sd, -1 / sd, 5 / sd].forEach((v, i) => expect(z[i]).toBeCloseTo(v, 12));
    expect(z[0]).toBeCloseTo(-0.8660254, 7);
  });
  it('percentile rank with ties averaged', () => {
    expect(Array.from(normaliseColumn(x, 'rank').values)).toEqual([0, 0.5, 0.5, 1]);
    expect(Array.from(normaliseColumn([5, 5, 5], 'rank').values)).toEqual([0.5, 0.5, 0.5]);
  });
  it('missing stays missing and does not enter the statistics', () => {
    const r = normaliseColumn([2, NaN, 4, 4, 10], 'minmax');
    expect(r.values[1]).toBeNaN();
    expect(Array.from(r.values).filter(Number.isFinite)).toEqual([0, 0.25, 0.25, 1]);
    expect(r.count).toBe(4);
  });
  it('statistics over the scope only', () => {
    const mask = Uint8Array.of(1, 1, 0, 1);
    const r = normaliseColumn([0, 10, 100, 5], 'minmax', mask);
    expect(Array.from(r.values)).toEqual([0, 1, 10, 0.5]);
    expect(normaliseColumn([0, 10, 100, 5], 'rank', mask).values[2]).toBeNaN();
  });
  it('constant columns are flagged', () => {
    expect(normaliseColumn([3, 3], 'minmax')).toMatchObject({ constant: true });
    expect(Array.from(normaliseColumn([3, 3], 'z').values)).toEqual([0, 0]);
  });
});

describe('treatment', () => {
  it('type-7 quantiles (R stats::quantile default)', () => {
    // quantile(1:10, c(.1, .5, .9)) = 1.9, 5.5, 9.1
    const s = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantileSorted(s, 0.1)).toBeCloseTo(1.9, 12);
    expect(quantileSorted(s, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantileSorted(s, 0.9)).toBeCloseTo(9.1, 12);
  });
  it('winsorises at the chosen percentiles', () => {
    const w = winsoriseColumn(Float64Array.from({ length: 10 }, (_, i) => i + 1), 0.1, 0.9);
    expect(w[0]).toBeCloseTo(1.9, 12);
    expect(w[9]).toBeCloseTo(9.1, 12);
    expect(w[4]).toBe(5);
  });
  it('log1p', () => {
    expect(Array.from(transformColumn([0, Math.E - 1], 'log1p'))).toEqual([0, 1]);
    expect(transformColumn([-2], 'log1p')[0]).toBeNaN();
  });
});
