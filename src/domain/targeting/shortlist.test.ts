import { describe, expect, it } from 'vitest';
import { it as fit, fc } from '@fast-check/vitest';
import { rankAreas, type TargetingAreas } from './rankAreas';
import { compareScenarios, makeScenario, shortlist } from './shortlist';

function areasOf(tp: number[], road: number[]): TargetingAreas {
  const people = tp.map((t) => 10 * t + 100);
  return {
    level: 'subdistrict',
    codes: tp.map((_, i) => String(100101 + i)),
    people,
    targetPoor: tp,
    inputs: { road },
    needColumns: [{ id: 'target_poor', kind: 'count', values: tp }],
  };
}

/** Every subset of 0..n-1 (n ≤ 10). */
function* subsets(n: number): Generator<number[]> {
  for (let mask = 0; mask < 1 << n; mask++) yield Array.from({ length: n }, (_, i) => i).filter((i) => mask & (1 << i));
}

const cases = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    tp: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }),
    road: fc.array(fc.integer({ min: 0, max: 4 }).map((x) => x / 4), { minLength: n, maxLength: n }),
    k: fc.integer({ min: 0, max: n }),
    target: fc.integer({ min: 0, max: 200 }),
    budget: fc.integer({ min: 0, max: 12 }),
  }),
);

describe('shortlist: greedy = brute-force optimum with equal costs', () => {
  fit.prop([cases])('cover N: maximal Σ score among N-sets', ({ tp, road, k }) => {
    const r = rankAreas(areasOf(tp, road));
    const got = shortlist(r, { mode: 'count', areas: k });
    const sum = (s: number[]) => s.reduce((a, i) => a + r.score[i], 0);
    let best = -Infinity;
    for (const s of subsets(tp.length)) if (s.length === Math.min(k, r.ranked)) best = Math.max(best, sum(s));
    expect(got.chosen).toHaveLength(Math.min(k, r.ranked));
    expect(sum(got.chosen)).toBeCloseTo(best, 12);
  });

  fit.prop([cases])('reach P, fewest areas: the minimum number of areas reaching P', ({ tp, road, target }) => {
    const r = rankAreas(areasOf(tp, road), { need: { as: 'count' } });
    const got = shortlist(r, { mode: 'reach', targetPoor: target, order: 'fewest_areas' });
    let best = Infinity;
    for (const s of subsets(tp.length)) if (s.reduce((a, i) => a + tp[i], 0) >= target) best = Math.min(best, s.length);
    if (best === Infinity) expect(got.metTarget).toBe(false);
    else {
      expect(got.metTarget).toBe(true);
      expect(got.chosen.length).toBe(best);
      expect(got.targetPoorReached).toBeGreaterThanOrEqual(target);
    }
    // Priority order: the shortest head of the ranking that reaches P.
    const pr = shortlist(r, { mode: 'reach', targetPoor: target });
    expect(pr.chosen).toEqual(Array.from(r.order.subarray(0, pr.chosen.length)));
    if (pr.metTarget && pr.chosen.length) expect(pr.targetPoorReached - tp[pr.chosen[pr.chosen.length - 1]]).toBeLessThan(target);
  });

  fit.prop([cases])('budget, equal cost per area: maximal Σ score within the budget', ({ tp, road, budget }) => {
    const r = rankAreas(areasOf(tp, road));
    const got = shortlist(r, { mode: 'budget', budget, costPerArea: 3 });
    const sum = (s: number[]) => s.reduce((a, i) => a + r.score[i], 0);
    let best = 0;
    for (const s of subsets(tp.length)) if (s.length * 3 <= budget) best = Math.max(best, sum(s));
    expect(sum(got.chosen)).toBeCloseTo(best, 12);
    expect(got.cost).toBeLessThanOrEqual(budget);
  });
});

describe('shortlist results and scenarios', () => {
  const r = rankAreas(areasOf([10, 20, 30, 40], [1, 0.5, 0.25, 0]));
  it('people reached and share of all target poor', () => {
    const s = shortlist(r, { mode: 'count', areas: 2 });
    expect(s.targetPoorReached).toBe(s.chosen.reduce((a, i) => a + [10, 20, 30, 40][i], 0));
    expect(s.shareOfTargetPoor).toBeCloseTo(s.targetPoorReached / 100, 12);
    const perPerson = shortlist(r, { mode: 'budget', budget: 50, costPerPerson: 1 });
    expect(perPerson.cost).toBeLessThanOrEqual(50);
    expect(perPerson.notes[0]).toMatch(/not guaranteed optimal/);
  });
  it('scenarios are plain JSON and compare by overlap and people reached', () => {
    const a = makeScenario('a', 'Top 2', r, shortlist(r, { mode: 'count', areas: 2 }), new Date('2025-01-01T00:00:00Z'));
    const b = makeScenario('b', 'Reach 60', r, shortlist(r, { mode: 'reach', targetPoor: 60, order: 'fewest_areas' }), new Date('2025-01-02T00:00:00Z'));
    const back = JSON.parse(JSON.stringify(a));
    expect(back).toEqual(a);
    expect(a.createdAt).toBe('2025-01-01T00:00:00.000Z');
    const c = compareScenarios(a, b);
    expect(b.codes).toEqual(['100104', '100103']);
    expect(c.overlap).toBe(c.both.length);
    expect(c.targetPoorEither).toBe(c.targetPoorA + c.targetPoorB - c.targetPoorBoth);
    expect(c.onlyA.length + c.overlap).toBe(a.codes.length);
  });
});
