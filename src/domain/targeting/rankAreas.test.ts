import { describe, expect, it } from 'vitest';
import { it as fit, fc } from '@fast-check/vitest';
import { potentialPartsOf } from './potential';
import { rankAreas, type TargetingAreas } from './rankAreas';
import { syntheticAreas } from './testAreas';
import { QUADRANT_IDS } from './typology';

const small = (): TargetingAreas => ({
  level: 'subdistrict',
  codes: ['100102', '100101', '100103', '200101'],
  names: ['B', 'A', 'C', 'D'],
  people: [100, 200, 100, 50],
  targetPoor: [10, 10, 30, 5],
  inputs: { road: [0.2, 0.8, 0.5, NaN], school_km: [5, 1, 10, 3] },
  needColumns: [{ id: 'target_poor', kind: 'count', values: [10, 10, 30, 5] }],
});

describe('rankAreas', () => {
  it('hand-checked small case (minmax, linear, livelihoods)', () => {
    const r = rankAreas(small());
    // need rate = [0.1, 0.05, 0.3, 0.1] → minmax [0.2, 0, 1, 0.2]
    expect(Array.from(r.need)).toEqual([0.2, 0, 1, 0.2]);
    // road [0.2, 0.8, 0.5] → [0, 1, 0.5]; school_km aligned −[5, 1, 10, 3] → [5/9, 1, 0, 7/9]
    // weights: one input per pillar → 1/2 each; area 4 has school only.
    const pot = [(0 + 5 / 9) / 2, 1, 0.25, 7 / 9];
    pot.forEach((v, i) => expect(r.potential[i]).toBeCloseTo(v, 12));
    for (let i = 0; i < 4; i++) {
      expect(r.score[i]).toBeCloseTo(0.5 * r.need[i] + 0.5 * pot[i], 12);
      expect(r.parts.need[i] + r.parts.potential[i]).toBeCloseTo(r.score[i], 12);
    }
    expect(r.formula).toBe('score = 0.5 × need + 0.5 × potential');
    expect(r.settings).toMatchObject({ normalise: 'minmax', aggregate: 'linear', missing: 'renormalise', strategy: 'livelihoods', need: { measure: 'target_poor', as: 'rate' } });
    // scores: 0.2389, 0.5, 0.625, 0.4889 → ranks 4, 2, 1, 3
    expect(Array.from(r.rank)).toEqual([4, 2, 1, 3]);
    expect(r.notes.join(' ')).toMatch(/renormalised/);
  });

  it('protection strategy uses 1 − potential, parts named low_potential', () => {
    const r = rankAreas(small(), { strategy: 'protection', priorityWeights: { need: 3, potential: 1 } });
    expect(r.parts.potentialName).toBe('low_potential');
    expect(r.formula).toBe('score = 0.75 × need + 0.25 × (1 − potential)');
    for (let i = 0; i < 4; i++) expect(r.score[i]).toBeCloseTo(0.75 * r.need[i] + 0.25 * (1 - r.potential[i]), 12);
  });

  it('missing inputs: renormalised vs excluded', () => {
    const re = rankAreas(small(), { missing: 'renormalise' });
    const ex = rankAreas(small(), { missing: 'exclude' });
    expect(re.rank[3]).toBeGreaterThan(0);
    expect(ex.rank[3]).toBe(0);
    expect(ex.unranked[3]).toBe(3); // missing_inputs
    expect(ex.quadrant[3]).toBe(255);
    expect(ex.ranked).toBe(3);
    expect(Array.from(ex.rank).filter((x) => x).sort()).toEqual([1, 2, 3]);
    expect(ex.notes.join(' ')).toMatch(/unranked/);
    // With only the input area 4 has, nothing is missing.
    expect(rankAreas(small(), { missing: 'exclude', weights: { school_km: 1 } }).rank[3]).toBeGreaterThan(0);
  });

  it('within a code: statistics and ranks over that area only', () => {
    const r = rankAreas(small(), { within: '1001' });
    expect(r.rank[3]).toBe(0);
    expect(r.unranked[3]).toBe(1);
    expect(r.ranked).toBe(3);
    expect(r.need[2]).toBe(1);
  });

  it('count need, both rankings, quadrants at the median', () => {
    const r = rankAreas(small(), { need: { as: 'count' }, bothRankings: true });
    expect(Array.from(r.needRaw)).toEqual([10, 10, 30, 5]);
    expect(r.rankOther).toBeDefined();
    expect(Array.from(r.rankOther!)).toEqual(Array.from(rankAreas(small()).rank));
    // need threshold = median of minmax need [0.2, 0.2, 1, 0] = 0.2 → areas 1, 2, 3 high.
    expect(r.thresholds.need).toBeCloseTo(0.2, 12);
    for (let i = 0; i < 4; i++) expect(QUADRANT_IDS[r.quadrant[i]].startsWith(r.need[i] >= 0.2 ? 'high_need' : 'low_need')).toBe(true);
  });

  it('refuses unknown measures and inputs, and all-zero weights', () => {
    expect(() => rankAreas(small(), { need: { measure: 'nope' } })).toThrow(/not available/);
    expect(() => rankAreas(small(), { inputs: ['lit_share'] })).toThrow(/not in this dataset/);
    expect(() => rankAreas(small(), { weights: { road: 0 } })).toThrow(/weighs 0/);
  });

  it('a repeated call reuses the preparation and gives the same result as a fresh one', () => {
    const a = syntheticAreas(500, 3, 0.05);
    const opts = { weights: { pillars: { economy: 2 } } };
    rankAreas(a, { weights: { road: 1 } });
    const cached = rankAreas(a, opts);
    const fresh = rankAreas({ ...a }, opts);
    expect(Array.from(cached.rank)).toEqual(Array.from(fresh.rank));
    expect(Array.from(cached.score)).toEqual(Array.from(fresh.score));
  });

  it('the need median kept from the last call is retaken when the ranked areas change', () => {
    // Villages 0–9 have only `road`; giving it weight 0 leaves them unranked, so the need median
    // must be taken over fewer areas than in the call before.
    const a = syntheticAreas(400, 4, 0);
    for (const id of Object.keys(a.inputs)) for (let i = 0; i < 10; i++) if (id !== 'road') (a.inputs[id] as Float64Array)[i] = NaN;
    const w1 = { road: 1, school_km: 1 }, w2 = { road: 0, school_km: 1 };
    for (const [first, second] of [[w1, w2], [w2, w1]]) {
      const areas = { ...a };
      rankAreas(areas, { weights: first });
      const again = rankAreas(areas, { weights: second });
      const fresh = rankAreas({ ...a }, { weights: second });
      expect(again.thresholds).toEqual(fresh.thresholds);
      expect(Array.from(again.quadrant)).toEqual(Array.from(fresh.quadrant));
    }
    expect(rankAreas({ ...a }, { weights: w2 }).ranked).toBe(390);
  });

  it('per-input parts sum to the potential', () => {
    const a = syntheticAreas(200, 5, 0.1);
    for (const aggregate of ['linear', 'geometric'] as const) {
      const r = rankAreas(a, { aggregate, normalise: 'rank' });
      const k = r.inputs.length;
      for (let i = 0; i < 200; i++) {
        if (!r.rank[i]) continue;
        let s = 0;
        for (let j = 0; j < k; j++) s += r.potentialParts[i * k + j];
        expect(s).toBeCloseTo(r.potential[i], 10);
      }
    }
  });

  it('without per-input parts: same ranks, and potentialPartsOf gives the parts of one row', () => {
    const a = syntheticAreas(300, 8, 0.1);
    const full = rankAreas(a, { normalise: 'z' });
    const lean = rankAreas(a, { normalise: 'z', potentialParts: false });
    expect(Array.from(lean.rank)).toEqual(Array.from(full.rank));
    expect(lean.potentialParts.length).toBe(0);
    const k = full.inputs.length;
    const w = full.inputs.map((d) => full.settings.weights[d.id]);
    for (const i of [0, 17, 123]) {
      const parts = potentialPartsOf(lean.inputValues, k, i, w, 'linear', lean.potential[i]);
      for (let j = 0; j < k; j++) expect(parts[j]).toBeCloseTo(full.potentialParts[i * k + j], 12);
    }
  });

  describe('raising an area’s need (others fixed) never lowers its priority', () => {
    fit.prop([
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: 0, max: 39 }),
      fc.double({ min: 0, max: 500, noNaN: true }),
      fc.constantFrom('minmax' as const, 'z' as const, 'rank' as const),
      fc.constantFrom('livelihoods' as const, 'protection' as const),
      fc.constantFrom('linear' as const, 'geometric' as const),
    ])('score never falls; rank never worsens (minmax, rank)', (seed, i, raise, normalise, strategy, aggregate) => {
      const a = syntheticAreas(40, seed, 0.1);
      const base = Float64Array.from(a.targetPoor);
      const more = base.slice();
      more[i] += raise;
      const mk = (tp: Float64Array): TargetingAreas => ({ ...a, targetPoor: tp, needColumns: [{ id: 'target_poor', kind: 'count', values: tp }] });
      const o = { normalise, strategy, aggregate, need: { as: 'count' as const } };
      const r0 = rankAreas(mk(base), o);
      const r1 = rankAreas(mk(more), o);
      if (!r0.rank[i]) return;
      expect(r1.score[i]).toBeGreaterThanOrEqual(r0.score[i] - 1e-12);
      // z-scores shift other areas' scores by different amounts, so only the score is monotone there.
      if (normalise !== 'z') expect(r1.rank[i]).toBeLessThanOrEqual(r0.rank[i]);
    });
  });
});
