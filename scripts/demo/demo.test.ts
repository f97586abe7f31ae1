/**
 * Determinism and invariants of the demo generator on a small synthetic "province" (a square
 * with a notch near Bangkok's latitude), so the test needs no network and runs in seconds.
 * Expected values come from the definitions themselves (brute-force recounts of the rows).
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { ProvinceName } from '../../src/data/datasetFormat';
import { ALL_INDICATORS_MASK, DIMENSION_MASK, WELFARE_CARD_MASK } from '../../src/domain/indicators';
import { generateDistricts, generateSubdistricts, generateVillages } from './admin';
import { calibratedYear, indicatorWeights, isTargetPoor, villageProfiles, type VillageModel } from './profiles';
import type { Area } from './provincePolygons';
import { Rng } from './rng';
import { nestedWeights, reachesCutoff } from '../../src/domain/mpi/settings';
import { allocate, contains, prepare } from './subdivide';

const PROVINCE: ProvinceName = { code: '73', th: 'นครปฐม', en: 'Nakhon Pathom', region: 'central' };
const POLYGON: Area = {
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[99.9, 13.7], [100.3, 13.7], [100.3, 14.1], [100.1, 14.0], [99.9, 14.1], [99.9, 13.7]]] },
};

function generateProvince(seed: number) {
  const districts = generateDistricts(seed, PROVINCE, POLYGON, 4);
  const subs = districts.flatMap((d) => generateSubdistricts(seed, d, 3, false));
  const villages = subs.flatMap((s, i) => generateVillages(seed, s, i, 5, districts[0].seat, districts[0].seat));
  return { districts, subs, villages };
}

describe('demo generator: one province', () => {
  it('is deterministic: the same seed gives identical output, another seed does not', () => {
    const a = JSON.stringify(generateProvince(7));
    const b = JSON.stringify(generateProvince(7));
    const c = JSON.stringify(generateProvince(8));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('nests: DOPA-pattern codes and every village inside its subdistrict polygon', () => {
    const { districts, subs, villages } = generateProvince(7);
    expect(districts.map((d) => d.code)).toEqual(['7301', '7302', '7303', '7304']);
    expect(districts[0].th).toBe('อำเภอเมืองนครปฐม');
    for (const s of subs) expect(s.code).toMatch(/^730[1-4]0[1-3]$/);
    // Districts tile the province: their areas add up to its area (within clipping round-off).
    const total = districts.reduce((a, d) => a + d.areaKm2, 0);
    const subTotal = subs.reduce((a, s) => a + s.areaKm2, 0);
    expect(subTotal / total).toBeCloseTo(1, 3);
    for (const v of villages) {
      const s = subs[v.subdistrict];
      expect(String(v.code).slice(0, 6)).toBe(s.code);
      expect(contains(prepare(s.cell), v.lon, v.lat)).toBe(true);
    }
  });
});

function models(n: number, seed: number): VillageModel[] {
  const rng = new Rng(seed, 'test-models');
  return Array.from({ length: n }, (_, i) => ({
    code: 73010101 + i,
    region: 'northeast' as const,
    z: rng.normal(),
    households: rng.int(50, 300),
    personsPerHousehold: 2.8,
    deepSouth: false,
  }));
}

describe('demo generator: profiles', () => {
  const w = indicatorWeights('northeast', false, 2562);

  it('keeps every household and no empty rows; masks are distinct and sorted within a village', () => {
    for (const v of models(50, 1)) {
      const r = villageProfiles(v, w, { year: 2562, seed: 1, shift: 0 });
      expect(r.households.reduce((a, b) => a + b, 0)).toBe(v.households);
      for (let k = 0; k < r.mask.length; k++) {
        expect(r.households[k]).toBeGreaterThan(0);
        expect(r.persons[k]).toBeGreaterThanOrEqual(r.households[k]);
        expect(r.mask[k] & ~(ALL_INDICATORS_MASK | WELFARE_CARD_MASK)).toBe(0);
        if (k) expect(r.mask[k]).toBeGreaterThan(r.mask[k - 1]);
      }
    }
  });

  test.prop([fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 2000, max: 20000 })], { numRuns: 8 })(
    'calibration hits the target exactly (recounted by brute force)',
    (seed, target) => {
      const vs = models(60, seed);
      const { rows } = calibratedYear(vs, () => w, 2562, seed, target);
      let t = 0;
      for (let i = 0; i < rows.mask.length; i++) if (isTargetPoor(rows.mask[i])) t += rows.persons[i];
      expect(t).toBe(target);
      for (let i = 0; i < rows.mask.length; i++) expect(rows.persons[i]).toBeGreaterThanOrEqual(rows.households[i]);
      expect(rows.villageStart[vs.length]).toBe(rows.mask.length);
    },
  );
});

describe('demo generator: deprivations cluster in households (for Alkire–Foster)', () => {
  // Brute-force recounts of generated rows; the independence baseline is the product of the
  // observed marginals, and scores use the project's nested equal weights (src/domain/mpi).
  const w = indicatorWeights('northeast', false, 2565);
  const rowsOf = (seed: number) => models(300, seed).map((v) => ({ v, r: villageProfiles(v, w, { year: 2565, seed, shift: 0 }) }));
  const weights = nestedWeights();
  const score = (m: number) => {
    let c = 0;
    for (let j = 0; j < weights.length; j++) if (m & (1 << j)) c += weights[j];
    return c;
  };

  it('income, living and education deprivations co-occur in deprived households more than independence gives', () => {
    let dep = 0, inc = 0, liv = 0, edu = 0, all3 = 0;
    for (const { r } of rowsOf(3)) {
      for (let k = 0; k < r.mask.length; k++) {
        const m = r.mask[k];
        if (!(m & ALL_INDICATORS_MASK)) continue;
        const hh = r.households[k];
        const i = (m & DIMENSION_MASK.income) !== 0, l = (m & DIMENSION_MASK.living) !== 0, e = (m & DIMENSION_MASK.education) !== 0;
        dep += hh;
        if (i) inc += hh;
        if (l) liv += hh;
        if (e) edu += hh;
        if (i && l && e) all3 += hh;
      }
    }
    // Drawing one indicator and then independent extras gives a ratio well below 1 (≈ 0.4).
    expect(all3 / dep / ((inc / dep) * (liv / dep) * (edu / dep))).toBeGreaterThan(1);
  });

  it('at k = 1/3 a sizeable minority of the deprived is AF-poor, more so in poorer villages', () => {
    const share = { low: [0, 0], high: [0, 0] };
    for (const { v, r } of rowsOf(4)) {
      const s = v.z > 0 ? share.high : share.low;
      for (let k = 0; k < r.mask.length; k++) {
        if (!(r.mask[k] & ALL_INDICATORS_MASK)) continue;
        s[0] += r.households[k];
        if (reachesCutoff(score(r.mask[k]), 1 / 3)) s[1] += r.households[k];
      }
    }
    const all = (share.low[1] + share.high[1]) / (share.low[0] + share.high[0]);
    expect(all).toBeGreaterThan(0.08);
    expect(all).toBeLessThan(0.4);
    expect(share.high[1] / share.high[0]).toBeGreaterThan(share.low[1] / share.low[0]);
  });
});

describe('allocate', () => {
  test.prop([fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.integer({ min: 0, max: 400 })])(
    'hands out exactly the total within bounds',
    (weights, extra) => {
      const total = weights.length * 2 + Math.min(extra, weights.length * 8);
      const out = allocate(weights, total, 2, 10);
      expect(out.reduce((a, b) => a + b, 0)).toBe(total);
      for (const n of out) expect(n >= 2 && n <= 10).toBe(true);
    },
  );
});
