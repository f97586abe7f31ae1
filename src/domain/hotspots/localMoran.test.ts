import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { globalMoranI, lisaClusters, localMoran, standardise } from './localMoran';
import { CancelledError } from './permutation';
import { rowStandardise, weightsFromNeighbourLists, type SpatialWeights } from './weights';
import { LATTICE_LOCAL_I, LATTICE_Y, rookLattice, subsets } from './testLattice';

const lattice = rowStandardise(weightsFromNeighbourLists(rookLattice(3, 3)));

/**
 * Brute-force reference, written from Anselin (1995) §4 without the module's machinery: for area
 * i, every |N_i|-subset S of the other areas is one conditional permutation; I_i(S) = z_i · mean z_S.
 * Returns the count of subsets with I_i(S) ≥ I_i (ties within 1e-12) and the number of subsets.
 */
function bruteForceCounts(y: number[], nb: number[][]): { ge: number[]; total: number[] } {
  const n = y.length;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const z = y.map((v) => (v - mean) / sd);
  const ge: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = nb[i].length;
    const obs = (z[i] * nb[i].reduce((a, j) => a + z[j], 0)) / k;
    const others = z.filter((_, j) => j !== i);
    let c = 0;
    let m = 0;
    for (const s of subsets(others, k)) {
      m++;
      if ((z[i] * s.reduce((a, b) => a + b, 0)) / k >= obs - 1e-12) c++;
    }
    ge.push(c);
    total.push(m);
  }
  return { ge, total };
}

describe('local Moran: the issue-9 3 × 3 rook lattice', () => {
  const ref = bruteForceCounts(LATTICE_Y, rookLattice(3, 3));

  it('local I equals the published values', () => {
    const r = localMoran(LATTICE_Y, lattice, { inference: 'none' });
    r.localI.forEach((v, i) => expect(v).toBeCloseTo(LATTICE_LOCAL_I[i], 6));
  });

  it('equals esda’s form (n − 1) z_i lag_i / Σ z² with the population sd (ddof 0)', () => {
    const n = LATTICE_Y.length;
    const mean = LATTICE_Y.reduce((a, b) => a + b, 0) / n;
    const sd0 = Math.sqrt(LATTICE_Y.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    const z0 = LATTICE_Y.map((v) => (v - mean) / sd0);
    const den = z0.reduce((a, b) => a + b * b, 0);
    const nb = rookLattice(3, 3);
    const r = localMoran(LATTICE_Y, lattice, { inference: 'none' });
    nb.forEach((l, i) => expect(r.localI[i]).toBeCloseTo(((n - 1) * z0[i] * (l.reduce((a, j) => a + z0[j], 0) / l.length)) / den, 12));
  });

  it('exact mode = the brute-force enumeration of every neighbour set, folded as esda', () => {
    const r = localMoran(LATTICE_Y, lattice, { inference: 'exact' });
    expect([...r.counts!.total]).toEqual(ref.total); // C(8,2) = 28, C(8,3) = 56, C(8,4) = 70
    expect([...r.counts!.larger]).toEqual(ref.ge);
    r.p.forEach((p, i) => expect(p).toBeCloseTo((1 + Math.min(ref.ge[i], ref.total[i] - ref.ge[i])) / (ref.total[i] + 1), 14));
  });

  it('Monte Carlo p at R = 99,999 is within binomial tolerance of the exact tail share', () => {
    const R = 99_999;
    const r = localMoran(LATTICE_Y, lattice, { permutations: R, seed: 20240501 });
    r.p.forEach((p, i) => {
      const f = ref.ge[i] / ref.total[i];
      const limit = Math.min(f, 1 - f); // the R → ∞ limit of (1 + min(larger, R − larger)) / (R + 1)
      expect(Math.abs(p - limit)).toBeLessThan(5 * Math.sqrt((f * (1 - f)) / R) + 2 / (R + 1));
    });
  });
});

describe('local Moran: properties', () => {
  // Magnitudes below 1e-100 are taken as 0: a deviation of 1e-162 squares to a subnormal (~1e-323)
  // that keeps one significant bit, so no identity holds to 9 digits there (CI, stop 18).
  const values = fc.array(fc.double({ min: -100, max: 100, noNaN: true }).map((x) => (Math.abs(x) < 1e-100 ? 0 : x)), { minLength: 12, maxLength: 12 });
  const w = rowStandardise(weightsFromNeighbourLists(rookLattice(3, 4)));

  test.prop([values, fc.integer({ min: 0, max: 2 ** 31 })], { numRuns: 30 })('seeded runs are reproducible; p in (0, 1]', (y, seed) => {
    const a = localMoran(y, w, { permutations: 199, seed });
    const b = localMoran(y, w, { permutations: 199, seed });
    expect([...a.p]).toEqual([...b.p]);
    for (const p of a.p) expect(p > 0 && p <= 1).toBe(true);
  });

  test.prop([values])('Σ I_i = (n − 1)(S0 / n) · global I (row-standardised, no islands: Σ I_i / n = I (n − 1)/n)', (y) => {
    const r = localMoran(y, w, { inference: 'none' });
    const I = globalMoranI(y, w);
    const n = y.length;
    const sum = r.localI.reduce((a, b) => a + b, 0);
    if (Number.isFinite(I)) expect(sum).toBeCloseTo((n - 1) * I, 9);
    else expect(sum).toBe(0);
  });

  it('islands stay in the mean and sd, get I = 0, p NaN and the isolated cluster', () => {
    const nb = [[1], [0, 2], [1], []];
    const wi = rowStandardise(weightsFromNeighbourLists(nb));
    const y = [1, 2, 3, 10];
    const r = localMoran(y, wi, { permutations: 99 });
    expect([...r.z]).toEqual([...standardise(y)]);
    expect(r.localI[3]).toBe(0);
    expect(r.p[3]).toBeNaN();
    expect(lisaClusters(r.z, r.lag, r.neighbours, [1, 1, 1, 1])[3]).toBe('isolated');
    // With an island, S0 = n − 1: Σ I_i = (n − 1)(S0/n) I.
    const I = globalMoranI(y, wi);
    expect(r.localI.reduce((a, b) => a + b, 0)).toBeCloseTo((3 * 3 * I) / 4, 12);
  });

  it('a value at the mean has p = 1 (its statistic cannot vary), constant data gives I = 0 and p = 1', () => {
    const r = localMoran([5, 5, 5, 5], rowStandardise(weightsFromNeighbourLists(rookLattice(2, 2))), { permutations: 99 });
    expect([...r.localI]).toEqual([0, 0, 0, 0]);
    expect([...r.p]).toEqual([1, 1, 1, 1]);
  });

  it('clusters are keyed by name from the quadrant of (z, lag)', () => {
    expect(lisaClusters([1, -1, 1, -1, 0, 1], [1, -1, -1, 1, 0, 1], [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 0])).toEqual(['high-high', 'low-low', 'high-low', 'low-high', 'low-low', 'not_significant']);
  });

  it('reports progress and is cancellable with a named error', () => {
    const seen: number[] = [];
    localMoran(LATTICE_Y, lattice, { permutations: 999, onProgress: (d, t) => (expect(t).toBe(999), seen.push(d)) });
    expect(seen.at(-1)).toBe(999);
    expect(seen.every((d, i) => i === 0 || d > seen[i - 1])).toBe(true);
    let calls = 0;
    const run = () => localMoran(LATTICE_Y, lattice, { permutations: 99_999, shouldCancel: () => ++calls > 2 });
    expect(run).toThrow(CancelledError);
    try {
      run();
    } catch (e) {
      expect((e as Error).name).toBe('CancelledError');
    }
  });

  it('refuses non-finite values and misaligned inputs', () => {
    expect(() => localMoran([1, NaN, 2, 3], weightsFromNeighbourLists(rookLattice(2, 2)) as SpatialWeights)).toThrow(/not a finite number/);
    expect(() => localMoran([1, 2], lattice)).toThrow(/2 values for 9 areas/);
  });
});
