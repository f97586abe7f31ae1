import { describe, expect, it } from 'vitest';
import { it as fit, fc } from '@fast-check/vitest';
import { rankAreas, type TargetingAreas } from './rankAreas';
import { rankByScoreReference } from './rank';
import { NEED_ONLY_HIGH, NEED_ONLY_LOW } from './needOnly';
import { NO_QUADRANT } from './typology';

// A workspace of TPMAP tables and boundaries only: every potential input column is empty.
const needOnlyAreas = (): TargetingAreas => ({
  level: 'subdistrict',
  codes: ['100102', '100101', '100103', '200101', '200102'],
  people: [100, 200, 100, 50, 0],
  targetPoor: [10, 10, 30, 5, 0],
  inputs: { road: [NaN, NaN, NaN, NaN, NaN] },
  needColumns: [{ id: 'target_poor', kind: 'count', values: [10, 10, 30, 5, 0] }],
});

describe('rankAreas with no potential input (need alone)', () => {
  it('hand-checked: ranks by need rate, classes split at the need median, potential left unknown', () => {
    const r = rankAreas(needOnlyAreas());
    // rates [0.1, 0.05, 0.3, 0.1, NaN (no people)] → minmax over the four [0.2, 0, 1, 0.2]
    expect(Array.from(r.need.slice(0, 4))).toEqual([0.2, 0, 1, 0.2]);
    expect(r.settings.needOnly).toBe(true);
    expect(r.settings.inputs).toEqual([]);
    expect(r.settings.unavailableInputs).toEqual(['road']);
    expect(r.formula).toBe('score = need');
    // ties (0.2, 0.2) broken by code: 100102 before 200101.
    expect(Array.from(r.rank)).toEqual([2, 4, 1, 3, 0]);
    expect(r.unranked[4]).toBe(2);
    // need median over [0.2, 0, 1, 0.2] = 0.2: ≥ median is high.
    expect(r.thresholds.need).toBeCloseTo(0.2, 12);
    expect(Array.from(r.quadrant)).toEqual([NEED_ONLY_HIGH, NEED_ONLY_LOW, NEED_ONLY_HIGH, NEED_ONLY_HIGH, NO_QUADRANT]);
    expect(Number.isNaN(r.potential[0])).toBe(true);
    expect(r.notes[0]).toMatch(/need alone.*missing: road/);
  });

  it('a repeated ranking (need-as back and forth) equals the first and owns its arrays', () => {
    const areas = needOnlyAreas();
    const first = rankAreas(areas, { bothRankings: true });
    const count = rankAreas(areas, { bothRankings: true, need: { as: 'count' } });
    // Detach the first answer's arrays the way the worker's transfer does, then scribble on the second.
    const buffers = [first.rank, first.order, first.score, first.need, first.needRaw, first.quadrant, first.rankOther!].map((a) => a.buffer as ArrayBuffer);
    structuredClone(buffers, { transfer: buffers });
    count.rank.fill(9);
    const again = rankAreas(areas, { bothRankings: true });
    expect(Array.from(again.rank)).toEqual([2, 4, 1, 3, 0]);
    expect(Array.from(again.need.slice(0, 4))).toEqual([0.2, 0, 1, 0.2]);
    // The count form ranks the area with no people too (0 target poor is a count): [3, 2, 1, 4, 5].
    // count need [10, 10, 30, 5] among the rate-ranked four → 30 first, the 10s by code (100101 before 100102), then 5.
    expect(Array.from(again.rankOther!)).toEqual([3, 2, 1, 4, 0]);
    expect(Array.from(rankAreas(areas, { bothRankings: true, need: { as: 'count' } }).rank)).toEqual([3, 2, 1, 4, 5]);
    expect(again.rank.buffer).not.toBe(first.rank.buffer);
  });

  it('scope: areas outside `within` are unranked and statistics are taken inside it', () => {
    const r = rankAreas(needOnlyAreas(), { within: '1001' });
    expect(Array.from(r.rank)).toEqual([2, 3, 1, 0, 0]);
    expect(Array.from(r.unranked.slice(3))).toEqual([1, 1]);
  });

  fit.prop([fc.array(fc.record({ poor: fc.integer({ min: 0, max: 500 }), people: fc.integer({ min: 1, max: 1000 }) }), { minLength: 1, maxLength: 60 })])(
    'the order equals a brute-force sort by need rate (ties by code)',
    (rows) => {
      const codes = rows.map((_, i) => String(100000 + i * 7));
      const areas: TargetingAreas = {
        level: 'subdistrict',
        codes,
        people: rows.map((r) => r.people),
        targetPoor: rows.map((r) => r.poor),
        inputs: {},
        needColumns: [{ id: 'target_poor', kind: 'count', values: rows.map((r) => r.poor) }],
      };
      const r = rankAreas(areas);
      const rate = rows.map((x) => x.poor / x.people);
      const ref = rankByScoreReference(rate, new Uint8Array(rows.length).fill(1), codes);
      expect(Array.from(r.rank)).toEqual(Array.from(ref));
    },
  );
});

describe('the exported table of a need-only ranking', () => {
  it('names the classes by need alone, never as a potential quadrant', async () => {
    const { targetingRows } = await import('./exportTable');
    const rows = targetingRows(rankAreas(needOnlyAreas()));
    expect(rows.map((r) => [r.code, r.quadrant, r.potential])).toEqual([
      ['100103', 'high_need', null],
      ['100102', 'high_need', null],
      ['200101', 'high_need', null],
      ['100101', 'low_need', null],
      ['200102', null, null],
    ]);
  });
});
