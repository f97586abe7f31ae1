import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIN_LEVELS, COUNTRY_CODE } from '../adminCodes';
import { DIMENSION_IDS, INDICATORS, INDICATOR_COUNT, indicatorIndex } from '../indicators';
import { computeAreaDetail, computeCountColumn, computeMeasures, type MpiResult } from './compute';
import { referenceFigures, type ReferenceHousehold } from './reference';
import { resolveSettings, type MpiSettings } from './settings';
import { household, householdsArb, prepareHouseholds, settingsArb } from './testProfiles';

const SEED = 20_260_127;
const runs = (numRuns: number) => ({ seed: SEED, numRuns });
const ALL: MpiSettings = { measure: 'af', dimensions: DIMENSION_IDS, k: 1 / 3, weights: null, welfare: 'all' };
/** Oracles are exact fractions; the computation is in doubles, so "exact" means to 1e-12. */
const DIGITS = 12;

function areaValue(result: MpiResult, code: string, key: 'headcountRatio' | 'intensity' | 'adjustedHeadcount' | 'poor' | 'people'): number {
  for (const level of ADMIN_LEVELS) {
    const l = result.levels[level];
    const i = l.codes.indexOf(code);
    if (i >= 0) return l[key][i];
  }
  throw new Error(`no area ${code}`);
}

describe('Alkire & Foster (2011) 4 × 4 example (DESIGN.md §2.2 oracle)', () => {
  // y = [[13.1,14,4,1],[15.2,7,5,0],[12.5,10,1,0],[20,11,3,1]], z = (13,12,3,1): deprived when y < z.
  const y = [[13.1, 14, 4, 1], [15.2, 7, 5, 0], [12.5, 10, 1, 0], [20, 11, 3, 1]];
  const z = [13, 12, 3, 1];
  // Four indicators of equal weight, one per dimension; the other 13 weigh 0.
  const used = ['h1', 'l1', 'e1', 'i1'].map(indicatorIndex);
  const weights = Object.fromEntries(['h1', 'l1', 'e1', 'i1'].map((id) => [id, 1]));
  const people = y.map((row) => household('10010101', used.filter((_, d) => row[d] < z[d])));
  const prep = prepareHouseholds(people);
  const af = (k: number): MpiSettings => ({ measure: 'af', dimensions: DIMENSION_IDS, k, weights, welfare: 'all' });

  it('k = 2 of 4: H = 1/2, A = 3/4, M0 = 3/8, CH = (1/4,1/2,1/4,1/2), contributions (1/6,1/3,1/6,1/3)', () => {
    const d = computeAreaDetail(prep, af(2 / 4), COUNTRY_CODE);
    expect(d.headcountRatio).toBeCloseTo(1 / 2, DIGITS);
    expect(d.intensity).toBeCloseTo(3 / 4, DIGITS);
    expect(d.adjustedHeadcount).toBeCloseTo(3 / 8, DIGITS);
    [1 / 4, 1 / 2, 1 / 4, 1 / 2].forEach((ch, i) => expect(d.censoredHeadcountRatio[used[i]]).toBeCloseTo(ch, DIGITS));
    [1 / 6, 1 / 3, 1 / 6, 1 / 3].forEach((c, i) => expect(d.contributionByIndicator[used[i]]).toBeCloseTo(c, DIGITS));
    const r = computeMeasures(prep, af(2 / 4), { detail: true });
    expect(r.levels.country.adjustedHeadcount[0]).toBeCloseTo(3 / 8, DIGITS);
    [1 / 6, 1 / 3, 1 / 6, 1 / 3].forEach((c, i) => expect(r.levels.village.detail!.contributionByIndicator[used[i]]).toBeCloseTo(c, DIGITS));
  });
  it('k = 1 of 4: H = 3/4, A = 7/12, M0 = 7/16', () => {
    const r = computeMeasures(prep, af(1 / 4));
    expect(r.levels.country.headcountRatio[0]).toBeCloseTo(3 / 4, DIGITS);
    expect(r.levels.country.intensity[0]).toBeCloseTo(7 / 12, DIGITS);
    expect(r.levels.country.adjustedHeadcount[0]).toBeCloseTo(7 / 16, DIGITS);
  });
  it('k = 3 or 4 of 4: H = 1/4, A = 1, M0 = 1/4', () => {
    for (const k of [3 / 4, 1]) {
      const r = computeMeasures(prep, af(k));
      expect(r.levels.country.headcountRatio[0]).toBeCloseTo(1 / 4, DIGITS);
      expect(r.levels.country.intensity[0]).toBeCloseTo(1, DIGITS);
      expect(r.levels.country.adjustedHeadcount[0]).toBeCloseTo(1 / 4, DIGITS);
    }
  });
});

describe('nested weights and subgroups (DESIGN.md §2.2 oracle)', () => {
  // a1 a2 | b1 | c1 c2 → health h1 h2 | living l1 | education e1 e2, w = (1/6,1/6,1/3,1/6,1/6).
  const [a1, a2, b1, c1, c2] = ['h1', 'h2', 'l1', 'e1', 'e2'].map(indicatorIndex);
  const weights = { h1: 1 / 6, h2: 1 / 6, l1: 1 / 3, e1: 1 / 6, e2: 1 / 6 };
  const row = (v: string, g: number[]) => household(v, [a1, a2, b1, c1, c2].filter((_, i) => g[i] === 1));
  // North = province 50 (Chiang Mai), South = province 90 (Songkhla).
  const people = [
    row('50010101', [1, 1, 0, 0, 0]), row('50010101', [0, 0, 1, 1, 1]), row('50010101', [1, 0, 0, 1, 0]),
    row('90010101', [0, 1, 0, 0, 0]), row('90010101', [0, 0, 0, 0, 0]), row('90010101', [1, 1, 1, 1, 1]),
  ];
  const prep = prepareHouseholds(people);
  const af = (k: number): MpiSettings => ({ measure: 'af', dimensions: ['health', 'living', 'education'], k, weights, welfare: 'all' });

  it('k = 1/3: national H = 2/3, A = 7/12, M0 = 7/18, CH = (1/2,1/3,1/3,1/2,1/3); North 4/9, South 1/3', () => {
    const r = computeMeasures(prep, af(1 / 3), { detail: true });
    expect(areaValue(r, 'TH', 'headcountRatio')).toBeCloseTo(2 / 3, DIGITS);
    expect(areaValue(r, 'TH', 'intensity')).toBeCloseTo(7 / 12, DIGITS);
    expect(areaValue(r, 'TH', 'adjustedHeadcount')).toBeCloseTo(7 / 18, DIGITS);
    const d = computeAreaDetail(prep, af(1 / 3), 'TH');
    [1 / 2, 1 / 3, 1 / 3, 1 / 2, 1 / 3].forEach((ch, i) => expect(d.censoredHeadcountRatio[[a1, a2, b1, c1, c2][i]]).toBeCloseTo(ch, DIGITS));
    expect(areaValue(r, '50', 'adjustedHeadcount')).toBeCloseTo(4 / 9, DIGITS);
    expect(areaValue(r, '90', 'adjustedHeadcount')).toBeCloseTo(1 / 3, DIGITS);
    expect((1 / 2) * (4 / 9) + (1 / 2) * (1 / 3)).toBeCloseTo(7 / 18, DIGITS);
  });
  it('k = 1/6: H = 5/6', () => {
    expect(areaValue(computeMeasures(prep, af(1 / 6)), 'TH', 'headcountRatio')).toBeCloseTo(5 / 6, DIGITS);
  });
  it('dimension toggles zero the excluded weights: all 5 dimensions with these weights give the same result', () => {
    const r = computeMeasures(prep, { ...af(1 / 3), dimensions: DIMENSION_IDS });
    expect(areaValue(r, 'TH', 'adjustedHeadcount')).toBeCloseTo(7 / 18, DIGITS);
  });
});

describe('TPMAP headcount (union)', () => {
  it('counts people, target poor = poor AND card, poor per dimension overlaps', () => {
    const [h1, l2, i3] = ['h1', 'l2', 'i3'].map(indicatorIndex);
    const prep = prepareHouseholds([
      household('73010101', [h1, l2], 4, true), // poor in health and living, target
      household('73010101', [i3], 3, false), // poor in income, no card
      household('73010101', [], 5, true), // not poor
    ]);
    const s: MpiSettings = { measure: 'tpmap', dimensions: DIMENSION_IDS, k: NaN, weights: null, welfare: 'all' };
    const d = computeAreaDetail(prep, s, '73010101');
    expect([d.people, d.households, d.poor, d.targetPoor, d.poorNoCard]).toEqual([12, 3, 7, 4, 3]);
    expect(d.rate).toBe(4 / 12);
    expect(Array.from(d.poorByDimension)).toEqual([4, 4, 0, 3, 0]);
    expect(Array.from(d.targetPoorByDimension)).toEqual([4, 4, 0, 0, 0]);
    expect(d.failing[h1]).toBe(4);
    expect(d.targetPoorFailing[i3]).toBe(0);
    // Health only: the income-poor household is no longer poor; other dimensions report 0 (TPMAP's 10000 tables).
    const health = computeAreaDetail(prep, { ...s, dimensions: ['health'] }, '73010101');
    expect([health.poor, health.targetPoor]).toEqual([4, 4]);
    expect(Array.from(health.poorByDimension)).toEqual([4, 0, 0, 0, 0]);
    expect(health.targetPoorFailing[l2]).toBe(4); // TPMAP counts target poor failing other dimensions' indicators too
    expect(computeAreaDetail(prep, { ...s, welfare: 'nocard' }, 'TH').rate).toBe(3 / 12);
  });
});

/** Every figure of every area of `result` against the brute-force reference on the households. */
function expectMatchesReference(households: readonly ReferenceHousehold[], settings: MpiSettings, result: MpiResult): void {
  for (const level of ADMIN_LEVELS) {
    const l = result.levels[level];
    l.codes.forEach((code, i) => {
      const ref = referenceFigures(households, settings, code);
      const where = `${level} ${code}`;
      for (const key of ['people', 'households', 'poor', 'targetPoor', 'poorNoCard'] as const) expect(l[key][i], `${where} ${key}`).toBe(ref[key]);
      for (const key of ['rate', 'headcountRatio', 'intensity', 'adjustedHeadcount'] as const) {
        if (Number.isNaN(ref[key])) expect(l[key][i], `${where} ${key}`).toBeNaN();
        else expect(l[key][i], `${where} ${key}`).toBeCloseTo(ref[key], 10);
      }
      const d = l.detail!;
      for (const key of ['failing', 'censored', 'targetPoorFailing'] as const) {
        expect(Array.from(d[key].subarray(i * INDICATOR_COUNT, (i + 1) * INDICATOR_COUNT)), `${where} ${key}`).toEqual(ref[key]);
      }
      for (const key of ['poorByDimension', 'targetPoorByDimension'] as const) expect(Array.from(d[key].subarray(i * 5, i * 5 + 5)), `${where} ${key}`).toEqual(ref[key]);
      ref.contributionByIndicator.forEach((c, j) => {
        const got = d.contributionByIndicator[i * INDICATOR_COUNT + j];
        if (Number.isNaN(c)) expect(got).toBeNaN();
        else expect(got, `${where} contribution ${INDICATORS[j].id}`).toBeCloseTo(c, 10);
      });
    });
  }
}

describe('against the brute-force per-household reference', () => {
  it('every figure at every level, random households and settings', () => {
    fc.assert(
      fc.property(householdsArb, settingsArb, (households, settings) => {
        const prep = prepareHouseholds(households);
        expectMatchesReference(households, settings, computeMeasures(prep, settings, { detail: true }));
      }),
      runs(150),
    );
  });
  it('ties: k equal to the score of some household (summed indicator by indicator) counts it poor', () => {
    fc.assert(
      fc.property(householdsArb, settingsArb, fc.nat(), (households, s0, pick) => {
        const rs = resolveSettings(s0);
        const h = households[pick % households.length];
        const k = h.deprived.reduce((c, g, j) => c + (g ? rs.weights[j] : 0), 0);
        fc.pre(k > 0);
        const s = { ...s0, measure: 'af' as const, k };
        expectMatchesReference(households, s, computeMeasures(prepareHouseholds(households), s, { detail: true }));
      }),
      runs(150),
    );
  });
  it('computeAreaDetail agrees with the national detail pass for every area', () => {
    fc.assert(
      fc.property(householdsArb, settingsArb, (households, settings) => {
        const prep = prepareHouseholds(households);
        const r = computeMeasures(prep, settings, { detail: true });
        for (const level of ADMIN_LEVELS) {
          r.levels[level].codes.forEach((code, i) => {
            const d = computeAreaDetail(prep, settings, code);
            expect(d.poor).toBe(r.levels[level].poor[i]);
            expect(d.adjustedHeadcount).toBeCloseTo(r.levels[level].adjustedHeadcount[i], 12);
            expect(Array.from(d.censored)).toEqual(Array.from(r.levels[level].detail!.censored.subarray(i * 17, i * 17 + 17)));
          });
        }
      }),
      runs(60),
    );
  });
});

describe('computeCountColumn (map fast path)', () => {
  it('equals the matching detail column at every level', () => {
    fc.assert(
      fc.property(householdsArb, settingsArb, fc.nat(16), fc.nat(4), (households, s, j, d) => {
        const prep = prepareHouseholds(households);
        const r = computeMeasures(prep, s, { detail: true });
        const id = INDICATORS[j].id;
        const dim = DIMENSION_IDS[d];
        const cases = [
          [computeCountColumn(prep, s, { indicator: id, group: 'all' }), 'failing', 17, j],
          [computeCountColumn(prep, s, { indicator: id, group: 'poor' }), 'censored', 17, j],
          [computeCountColumn(prep, s, { indicator: id, group: 'target' }), 'targetPoorFailing', 17, j],
          [computeCountColumn(prep, s, { dimension: dim, group: 'poor' }), 'poorByDimension', 5, d],
          [computeCountColumn(prep, s, { dimension: dim, group: 'target' }), 'targetPoorByDimension', 5, d],
        ] as const;
        for (const [col, key, width, at] of cases) {
          for (const level of ADMIN_LEVELS) {
            const detail = r.levels[level].detail![key];
            expect(Array.from(col[level])).toEqual(Array.from(col[level], (_, i) => detail[i * width + at]));
          }
        }
      }),
      runs(80),
    );
  });
});

describe('properties (DESIGN.md §2.2)', () => {
  it('0 ≤ M0 ≤ H ≤ 1, CH_j ≤ h_j and Σ contributions = 1 wherever someone is poor', () => {
    fc.assert(
      fc.property(householdsArb, settingsArb, (households, settings) => {
        const r = computeMeasures(prepareHouseholds(households), settings, { detail: true });
        for (const level of ADMIN_LEVELS) {
          const l = r.levels[level];
          for (let i = 0; i < l.codes.length; i++) {
            const [m0, h] = [l.adjustedHeadcount[i], l.headcountRatio[i]];
            expect(m0).toBeGreaterThanOrEqual(0);
            expect(m0).toBeLessThanOrEqual(h + 1e-12);
            expect(h).toBeLessThanOrEqual(1);
            const d = l.detail!;
            for (let j = 0; j < INDICATOR_COUNT; j++) expect(d.censored[i * 17 + j]).toBeLessThanOrEqual(d.failing[i * 17 + j]);
            if (m0 > 0) {
              const sum = d.contributionByIndicator.subarray(i * 17, i * 17 + 17).reduce((a, b) => a + b, 0);
              expect(sum).toBeCloseTo(1, 12);
              expect(d.contributionByDimension.subarray(i * 5, i * 5 + 5).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
            }
          }
        }
      }),
      runs(150),
    );
  });
  it('raising k never raises H', () => {
    fc.assert(
      fc.property(householdsArb, settingsArb, fc.double({ min: 0.01, max: 1, noNaN: true }), (households, s, k2) => {
        const prep = prepareHouseholds(households);
        const [lo, hi] = [Math.min(s.k, k2), Math.max(s.k, k2)];
        const hLo = computeMeasures(prep, { ...s, measure: 'af', k: lo }).levels;
        const hHi = computeMeasures(prep, { ...s, measure: 'af', k: hi }).levels;
        for (const level of ADMIN_LEVELS) hHi[level].poor.forEach((q, i) => expect(q).toBeLessThanOrEqual(hLo[level].poor[i]));
      }),
      runs(150),
    );
  });
  it('a new deprivation of a poor person raises M0; a change to a non-poor person leaves M0 unchanged', () => {
    fc.assert(
      fc.property(householdsArb, settingsArb, fc.nat(), fc.nat(), (households, s0, pick, pickJ) => {
        const s = { ...s0, measure: 'af' as const };
        const rs = resolveSettings(s);
        const before = computeMeasures(prepareHouseholds(households), s).levels.country.adjustedHeadcount[0];
        const score = (h: ReferenceHousehold) => h.deprived.reduce((c, g, j) => c + (g ? rs.weights[j] : 0), 0);
        const poorIdx = households.map((h, i) => (score(h) >= s.k - 1e-9 ? i : -1)).filter((i) => i >= 0);
        const nonPoorIdx = households.map((h, i) => (score(h) < s.k - 1e-9 ? i : -1)).filter((i) => i >= 0);
        if (poorIdx.length) {
          const i = poorIdx[pick % poorIdx.length];
          const free = households[i].deprived.map((g, j) => (!g && rs.weights[j] > 0 ? j : -1)).filter((j) => j >= 0);
          if (free.length) {
            const changed = households.map((h, x) => (x === i ? { ...h, deprived: h.deprived.map((g, j) => g || j === free[pickJ % free.length]) } : h));
            expect(computeMeasures(prepareHouseholds(changed), s).levels.country.adjustedHeadcount[0]).toBeGreaterThan(before);
          }
        }
        if (nonPoorIdx.length) {
          // Removing a deprivation of a non-poor household keeps it non-poor (scores only fall).
          const i = nonPoorIdx[pick % nonPoorIdx.length];
          const had = households[i].deprived.map((g, j) => (g ? j : -1)).filter((j) => j >= 0);
          if (had.length) {
            const changed = households.map((h, x) => (x === i ? { ...h, deprived: h.deprived.map((g, j) => g && j !== had[pickJ % had.length]) } : h));
            expect(computeMeasures(prepareHouseholds(changed), s).levels.country.adjustedHeadcount[0]).toBeCloseTo(before, 14);
          }
        }
      }),
      runs(200),
    );
  });
  it('k = smallest weight reproduces the union headcount', () => {
    fc.assert(
      fc.property(householdsArb, settingsArb, (households, s) => {
        const prep = prepareHouseholds(households);
        const union = computeMeasures(prep, { ...s, measure: 'tpmap' });
        const k = union.settings.unionCutoff;
        const af = computeMeasures(prep, { ...s, measure: 'af', k });
        for (const level of ADMIN_LEVELS) {
          expect(Array.from(af.levels[level].poor)).toEqual(Array.from(union.levels[level].poor));
          expect(Array.from(af.levels[level].targetPoor)).toEqual(Array.from(union.levels[level].targetPoor));
        }
      }),
      runs(150),
    );
  });
  it('aggregation of children equals the parent: counts sum, M0 and H population-weighted, A poor-weighted', () => {
    fc.assert(
      fc.property(householdsArb, settingsArb, (households, s) => {
        const r = computeMeasures(prepareHouseholds(households), s);
        for (let li = 0; li < ADMIN_LEVELS.length - 1; li++) {
          const parent = r.levels[ADMIN_LEVELS[li]];
          const child = r.levels[ADMIN_LEVELS[li + 1]];
          parent.codes.forEach((_, a) => {
            let [people, poor, target, m0w, hw, aw] = [0, 0, 0, 0, 0, 0];
            child.codes.forEach((__, c) => {
              if (child.parent[c] !== a) return;
              people += child.people[c];
              poor += child.poor[c];
              target += child.targetPoor[c];
              m0w += child.people[c] * child.adjustedHeadcount[c];
              hw += child.people[c] * child.headcountRatio[c];
              if (child.poor[c] > 0) aw += child.poor[c] * child.intensity[c];
            });
            expect([parent.people[a], parent.poor[a], parent.targetPoor[a]]).toEqual([people, poor, target]);
            expect(parent.adjustedHeadcount[a]).toBeCloseTo(m0w / people, 12);
            expect(parent.headcountRatio[a]).toBeCloseTo(hw / people, 12);
            if (poor > 0) expect(parent.intensity[a]).toBeCloseTo(aw / poor, 12);
          });
        }
      }),
      runs(150),
    );
  });
});
