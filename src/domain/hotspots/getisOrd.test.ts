import { describe, expect, it } from 'vitest';
import { getisOrd, normalUpperTail } from './getisOrd';
import { distanceBandWeights, weightsFromNeighbourLists } from './weights';
import { subsets } from './testLattice';

// PySAL esda G_Local doctest (esda/getisord.py): DistanceBand(points, threshold=15), transform 'B'.
const points = [[10, 10], [20, 10], [40, 10], [15, 20], [30, 20], [30, 30]];
const band = distanceBandWeights(points.map((p) => p[0]), points.map((p) => p[1]), 15);
const y = [2, 3, 3.2, 5, 8, 7];

describe('Getis–Ord: the esda doctest', () => {
  it('Gi z-scores', () => {
    const expected = [-1.0136729, -0.04361589, 1.31558703, -0.31412676, 1.15373986, 1.77833941];
    getisOrd(y, band, { star: false }).z.forEach((z, i) => expect(z).toBeCloseTo(expected[i], 7));
  });
  it('Gi* z-scores', () => {
    const expected = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331];
    getisOrd(y, band, { star: true }).z.forEach((z, i) => expect(z).toBeCloseTo(expected[i], 7));
  });
  it('Gi* statistic and expectation by hand for area 5 (neighbour 4 and itself)', () => {
    const r = getisOrd(y, band);
    expect(r.g[5]).toBeCloseTo((8 + 7) / 28.2, 14);
    expect(r.expected[5]).toBeCloseTo(2 / 6, 14);
  });
});

describe('Getis–Ord: inference', () => {
  it('normal tail matches tabulated values (Abramowitz & Stegun table 26.1)', () => {
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 15);
    expect(normalUpperTail(1.959963984540054)).toBeCloseTo(0.025, 14);
    expect(normalUpperTail(3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalUpperTail(6) / 9.865876450377e-10).toBeCloseTo(1, 10);
    const r = getisOrd(y, band);
    r.pNormal.forEach((p, i) => expect(p).toBeCloseTo(2 * normalUpperTail(Math.abs(r.z[i])), 15));
  });
  it('permutation p of Gi*: exact mode = brute-force enumeration; Monte Carlo close to it', () => {
    const exact = getisOrd(y, band, { inference: 'exact' });
    const mc = getisOrd(y, band, { inference: 'monte_carlo', permutations: 99_999, seed: 5 });
    const nb = [[1, 3], [0, 3, 4], [4], [0, 1, 4], [1, 2, 3, 5], [4]];
    nb.forEach((l, i) => {
      const obs = l.reduce((a, j) => a + y[j], 0);
      const others = y.filter((_, j) => j !== i);
      let ge = 0;
      let m = 0;
      for (const s of subsets(others, l.length)) {
        m++;
        if (s.reduce((a, b) => a + b, 0) >= obs - 1e-12) ge++;
      }
      expect(exact.pSim![i]).toBeCloseTo((1 + Math.min(ge, m - ge)) / (m + 1), 14);
      const f = ge / m;
      expect(Math.abs(mc.pSim![i] - Math.min(f, 1 - f))).toBeLessThan(5 * Math.sqrt((f * (1 - f)) / 99_999) + 2e-5);
    });
  });
  it('islands get NaN', () => {
    const r = getisOrd([1, 2, 3], weightsFromNeighbourLists([[1], [0], []]));
    expect(r.z[2]).toBeNaN();
    expect(r.g[2]).toBeNaN();
  });
});
