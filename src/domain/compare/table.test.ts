import { describe, expect, it } from 'vitest';
import { changeByDimension, distribution, keyNumbers, nationalRows, parseCompareCodes, ranksDescending, sortRows, withTargeting, type AreaColumns } from './table';

// Three hand-made provinces; every expected value below is worked out by hand from these columns.
const cur: AreaColumns = {
  people: [1000, 500, 0],
  households: [300, 150, 0],
  targetPoor: [50, 50, 0],
  rate: [0.05, 0.1, NaN],
  adjustedHeadcount: [0.02, 0.04, NaN],
  targetPoorByDimension: [10, 20, 30, 40, 0, 5, 5, 5, 5, 50, 0, 0, 0, 0, 0],
};
const prev: AreaColumns = {
  people: [1000, 500, 0],
  households: [300, 150, 0],
  targetPoor: [60, 40, 0],
  rate: [0.06, 0.08, NaN],
  adjustedHeadcount: [0.03, 0.03, NaN],
  targetPoorByDimension: [10, 25, 20, 40, 1, 5, 5, 5, 5, 50, 0, 0, 0, 0, 0],
};

describe('compare table', () => {
  it('key numbers: dimension rate = target poor in the dimension ÷ people', () => {
    const k = keyNumbers(cur, 0);
    expect(k.targetPoorByDimension).toEqual([10, 20, 30, 40, 0]);
    expect(k.dimensionRate).toEqual([0.01, 0.02, 0.03, 0.04, 0]);
    expect(keyNumbers(cur, 0, false).adjustedHeadcount).toBeNaN();
  });

  it('competition ranks, largest first, NaN last', () => {
    expect(ranksDescending([5, 9, 5, NaN, 1])).toEqual([2, 1, 2, 5, 4]);
  });

  it('national rows carry the change between years with its sign', () => {
    const rows = nationalRows(['50', '58', '99'], cur, prev);
    expect(rows[0].changeTargetPoor).toEqual({ before: 60, after: 50, change: -10, direction: 'down' });
    expect(rows[1].changeTargetPoor?.direction).toBe('up');
    expect(rows[1].changeRate?.change).toBeCloseTo(0.02, 12);
    expect(rows[2].changeTargetPoor?.direction).toBe('same');
    expect(rows.map((r) => r.rankTargetPoor)).toEqual([1, 1, 3]);
    expect(rows.map((r) => r.rankRate)).toEqual([2, 1, 3]);
    expect(nationalRows(['50'], cur, null)[0].changeTargetPoor).toBeNull();
  });

  it('sorting keeps missing values last in both directions', () => {
    const rows = nationalRows(['50', '58', '99'], cur, prev);
    expect(sortRows(rows, 'rate', 'desc').map((r) => r.code)).toEqual(['58', '50', '99']);
    expect(sortRows(rows, 'rate', 'asc').map((r) => r.code)).toEqual(['50', '58', '99']);
    expect(sortRows(rows, 'changeTargetPoor', 'asc').map((r) => r.code)).toEqual(['50', '99', '58']);
    expect(sortRows(rows, 'dimension:access', 'desc').map((r) => r.code)).toEqual(['58', '50', '99']);
  });

  it('targeting potential and rank matched by code; unranked and absent areas sort last', () => {
    const rows = nationalRows(['50', '58', '99'], cur, prev);
    expect(rows[0].potential).toBeNaN();
    // The ranking lists its areas in its own order, and area 99 is unranked (rank 0).
    const t = withTargeting(rows, ['58', '99', '50'], [0.2, NaN, 0.7], [1, 0, 2]);
    expect(t.map((r) => r.potential)).toEqual([0.7, 0.2, NaN]);
    expect(t.map((r) => r.priorityRank)).toEqual([2, 1, NaN]);
    expect(sortRows(t, 'priorityRank', 'asc').map((r) => r.code)).toEqual(['58', '50', '99']);
    expect(sortRows(t, 'potential', 'desc').map((r) => r.code)).toEqual(['50', '58', '99']);
    expect(withTargeting(rows, ['50'], null, null).every((r) => Number.isNaN(r.potential) && Number.isNaN(r.priorityRank))).toBe(true);
  });

  it('change by dimension', () => {
    const c = changeByDimension(cur, prev, 0);
    expect(c.map((x) => x.change.change)).toEqual([0, -5, 10, 0, -1]);
    expect(c.map((x) => x.change.direction)).toEqual(['same', 'down', 'up', 'same', 'down']);
  });

  it('distribution over the parts of an area, with type-7 quantiles', () => {
    const codes = ['500101', '500102', '500201', '580101', '500301'];
    const values = [0.1, 0.4, 0.2, 0.9, 0.3];
    const people = [10, 10, 10, 10, 0];
    const d = distribution(codes, values, people, '50');
    expect(d.values).toEqual([0.1, 0.2, 0.4]);
    expect(d.quantiles[0]).toBe(0.1);
    expect(d.quantiles[2]).toBe(0.2);
    expect(d.quantiles[1]).toBeCloseTo(0.15, 12);
    expect(d.quantiles[3]).toBeCloseTo(0.3, 12);
    expect(distribution(codes, values, people, '99').quantiles[2]).toBeNaN();
  });

  it('compare codes from the URL: provinces or districts, distinct, at most 4', () => {
    expect(parseCompareCodes('50,58')).toEqual(['50', '58']);
    expect(parseCompareCodes('50, 5001,x,50,123,10,11,12')).toEqual(['50', '5001', '10', '11']);
    expect(parseCompareCodes(null)).toEqual([]);
  });
});
