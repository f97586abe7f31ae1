/**
 * Hand-counted fixture (every expected number below is counted by hand from the table):
 *
 *   row case vil members date        status         dims           stage        debt b/a       outside
 *    0  c1   A     4    2022-01-10  targeted       health,debt
 *    1  c1   A     4    2022-03-15  resolved       health,debt    sufficiency  100000/40000
 *    2  c1   A     4    2022-06-15  in_progress    health                      100000/90000   (reopened)
 *    3  c2   A     3    2022-02-01  visited        income
 *    4  c2   A     3    2022-02-01  helped         income                                     (same day, later row)
 *    5  c3   B     5    2022-04-30  self_resolved  living         survival
 *    6  c4   C     2    2022-05-01  resolved       education      sustainable  5000/0
 *    7  c5   C     6    2022-05-02  visited                                                   1
 *    8  c5   C     6    2022-07-01  resolved                                                  (blank: flag sticks)
 *    9  c6   D     7    2022-08-01  resolved       access                                     (file order: before row 10)
 *   10  c6   D     7    2022-03-01  helped         access
 *   11  c7   D     1    2022-10-15  resolved       debt                                       (after the deadline)
 *
 * A = 50010101, B = 50010102 (subdistrict 500101), C = 50020101 (district 5002), D = 90010101.
 * Targets (people): A 20, B 10, C 10, D 10 → province 50: 40, 90: 10, TH: 50.
 */
import { describe, expect, it } from 'vitest';
import { computeBurnUp, computeProgress, alignTargets, furthestBehind, expectedFractionAt, progressBuffers } from './compute';
import { dayOfYmd, DEFAULT_DEADLINE_DAY, isoOfDay } from './days';
import { pdcaBoard } from './pdca';
import { prepareRecords } from './prepare';
import { RECORD_DIMENSIONS, RECORD_STAGES, RECORD_STATUSES, type AssistanceRecords, type RecordDimension, type RecordStage, type RecordStatus } from './records';
import { flattenProgressRow, progressRows, SUPPRESSED } from './table';
import { mulberry32 } from '../random';

const A = 50010101, B = 50010102, C = 50020101, D = 90010101;
type Row = [string, number, number, string, RecordStatus, RecordDimension[], RecordStage | null, number, number, 0 | 1];
const ROWS: Row[] = [
  ['c1', A, 4, '2022-01-10', 'targeted', ['health', 'debt'], null, NaN, NaN, 0],
  ['c1', A, 4, '2022-03-15', 'resolved', ['health', 'debt'], 'sufficiency', 100000, 40000, 0],
  ['c1', A, 4, '2022-06-15', 'in_progress', ['health'], null, 100000, 90000, 0],
  ['c2', A, 3, '2022-02-01', 'visited', ['income'], null, NaN, NaN, 0],
  ['c2', A, 3, '2022-02-01', 'helped', ['income'], null, NaN, NaN, 0],
  ['c3', B, 5, '2022-04-30', 'self_resolved', ['living'], 'survival', NaN, NaN, 0],
  ['c4', C, 2, '2022-05-01', 'resolved', ['education'], 'sustainable', 5000, 0, 0],
  ['c5', C, 6, '2022-05-02', 'visited', [], null, NaN, NaN, 1],
  ['c5', C, 6, '2022-07-01', 'resolved', [], null, NaN, NaN, 0],
  ['c6', D, 7, '2022-08-01', 'resolved', ['access'], null, NaN, NaN, 0],
  ['c6', D, 7, '2022-03-01', 'helped', ['access'], null, NaN, NaN, 0],
  ['c7', D, 1, '2022-10-15', 'resolved', ['debt'], null, NaN, NaN, 0],
];

const iso = (s: string) => dayOfYmd(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));

function records(rows: Row[]): AssistanceRecords {
  const ids = [...new Set(rows.map((r) => r[0]))];
  return {
    count: rows.length,
    caseIndex: Uint32Array.from(rows, (r) => ids.indexOf(r[0])),
    caseCount: ids.length,
    villageCode: Uint32Array.from(rows, (r) => r[1]),
    members: Uint16Array.from(rows, (r) => r[2]),
    day: Int32Array.from(rows, (r) => iso(r[3])),
    status: Uint8Array.from(rows, (r) => RECORD_STATUSES.indexOf(r[4])),
    dimensionMask: Uint8Array.from(rows, (r) => r[5].reduce((m, d) => m | (1 << RECORD_DIMENSIONS.indexOf(d)), 0)),
    stage: Uint8Array.from(rows, (r) => (r[6] ? RECORD_STAGES.indexOf(r[6]) + 1 : 0)),
    agency: new Uint16Array(rows.length),
    agencies: [''],
    debtBeforeBaht: Float64Array.from(rows, (r) => r[7]),
    debtAfterBaht: Float64Array.from(rows, (r) => r[8]),
    outsideTarget: Uint8Array.from(rows, (r) => r[9]),
  };
}

const prep = prepareRecords(records(ROWS));
const targets = alignTargets(prep, {
  village: { codes: ['50010101', '50010102', '50020101', '90010101'], targetPeople: [20, 10, 10, 10], targetPeopleByDimension: [8, 4, 2, 6, 0, 5, 5, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 10] },
});

function at(asOf: string, extra: { startDay?: number; deadlineDay?: number } = {}) {
  return computeProgress(prep, targets, { asOfDay: iso(asOf), ...extra });
}
function area(r: ReturnType<typeof at>, code: string) {
  const w = r.find(code)!;
  const l = r.levels[w.level];
  const i = w.index;
  return { target: l.targetGroup[i], recorded: l.recorded[i], reached: l.reached[i], helped: l.helped[i], resolved: l.resolved[i], inProgress: l.inProgress[i], debt: l.debtResolvedBaht[i], outside: l.foundOutsideTarget[i], expected: l.expectedByNow[i], behind: l.behind[i] === 1, rate: l.resolutionRate[i] };
}

describe('day numbers', () => {
  it('dayOfYmd agrees with Date.UTC on every day 1860–2189 and refuses days that do not exist', () => {
    for (let d = -40000; d < 80000; d++) {
      const x = new Date(d * 86_400_000);
      if (dayOfYmd(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate()) !== d) throw new Error(`day ${d}`);
    }
    expect([dayOfYmd(2022, 2, 29), dayOfYmd(2022, 4, 31), dayOfYmd(2022, 13, 1)]).toEqual([NaN, NaN, NaN]);
    expect(isoOfDay(dayOfYmd(2024, 2, 29))).toBe('2024-02-29');
  });
});

describe('progress measures (hand-counted)', () => {
  it('as of the deadline: latest record per case, ties by later row, reopened cases, outside target apart', () => {
    const r = at('2022-09-30');
    // c1 in progress (4, reopened), c2 helped (3, the later of two rows on one day), c3 self-resolved (5),
    // c4 resolved (2), c6 resolved (7: its 08-01 row comes first in the file but is the latest by date);
    // c5 (6) found outside the target list; c7 dated after as-of.
    expect(area(r, 'TH')).toMatchObject({ target: 50, recorded: 21, reached: 21, helped: 16, resolved: 14, inProgress: 4, debt: 10000 + 5000, outside: 6 });
    expect(area(r, '50')).toMatchObject({ target: 40, reached: 14, helped: 9, resolved: 7, inProgress: 4, debt: 15000, outside: 6, expected: 40, behind: true });
    expect(area(r, '90')).toMatchObject({ target: 10, reached: 7, helped: 7, resolved: 7, inProgress: 0, outside: 0, expected: 10, behind: true });
    expect(area(r, '50010101')).toMatchObject({ reached: 7, helped: 7, resolved: 0, inProgress: 4, debt: 10000 });
    expect(area(r, '500101')).toMatchObject({ target: 30, resolved: 5, rate: 5 / 30 });
    expect(area(r, '5002')).toMatchObject({ reached: 2, resolved: 2, outside: 6 });
    const l = r.levels.province;
    const i = l.codes.indexOf('50');
    expect(Array.from(l.recordedByDimension.subarray(i * 6, i * 6 + 6))).toEqual([4, 5, 2, 3, 0, 0]); // c1 latest row names health only
    expect(Array.from(l.resolvedByDimension.subarray(i * 6, i * 6 + 6))).toEqual([0, 5, 2, 0, 0, 0]);
    expect(Array.from(l.byStage.subarray(i * 3, i * 3 + 3))).toEqual([5, 0, 2]); // c1's latest row judges no stage
    expect(Array.from(l.targetByDimension.subarray(i * 6, i * 6 + 6))).toEqual([8 + 5, 4 + 5, 2 + 3, 6, 0, NaN]);
  });

  it('as of 31 Mar 2022: c1 counts as resolved (before it was reopened), c6 only helped', () => {
    const r = at('2022-03-31');
    expect(area(r, '50')).toMatchObject({ reached: 7, helped: 7, resolved: 4, inProgress: 0, debt: 60000, outside: 0 });
    expect(area(r, '90')).toMatchObject({ reached: 7, helped: 7, resolved: 0 });
    const l = r.levels.province;
    expect(Array.from(l.byStage.subarray(0, 3))).toEqual([0, 4, 0]);
    expect(area(at('2021-12-31'), 'TH')).toMatchObject({ recorded: 0, resolved: 0, outside: 0, expected: 0, behind: false });
    expect(area(at('2022-10-15'), 'TH')).toMatchObject({ resolved: 15, recorded: 22 }); // c7 (1) on its own day
  });

  it('expected by now and behind follow the straight schedule line', () => {
    const startDay = iso('2022-01-01');
    // 2022-01-01 → 2022-09-30 is 272 days; → 2022-05-01 is 120 days.
    const r = at('2022-05-01', { startDay });
    expect(r.schedule.expectedFraction).toBeCloseTo(120 / 272, 15);
    expect(area(r, '50010102')).toMatchObject({ target: 10, resolved: 5, behind: false }); // 5 ≥ 4.41
    expect(area(r, '50010102').expected).toBeCloseTo((10 * 120) / 272, 12);
    expect(area(r, '50020101')).toMatchObject({ resolved: 2, behind: true }); // 2 < 4.41
    expect(area(r, '90')).toMatchObject({ resolved: 0, behind: true });
    // Default start = the earliest record (2022-01-10), default deadline 2022-09-30.
    expect(at('2022-05-01').schedule).toMatchObject({ startDay: iso('2022-01-10'), deadlineDay: DEFAULT_DEADLINE_DAY });
    expect(isoOfDay(DEFAULT_DEADLINE_DAY)).toBe('2022-09-30');
    // Clamped: before the start nothing is expected, after the deadline the whole group.
    expect(expectedFractionAt(iso('2021-06-01'), startDay, DEFAULT_DEADLINE_DAY)).toBe(0);
    expect(area(at('2023-01-01', { startDay }), '90')).toMatchObject({ expected: 10, resolved: 8 });
    const behind = furthestBehind(at('2022-09-30').levels.village);
    // Shortfalls: A 20−0, C 10−2, D 10−7, B 10−5.
    expect(behind.map((b) => [b.code, b.shortfallPeople])).toEqual([['50010101', 20], ['50020101', 8], ['50010102', 5], ['90010101', 3]]);
    expect(furthestBehind(at('2022-09-30').levels.village, 'ratio').map((b) => b.code)).toEqual(['50010101', '50020101', '50010102', '90010101']);
  });

  it('burn-up: cumulative resolved per month end by latest status, null after as-of', () => {
    const b = computeBurnUp(prep, targets, 'TH', { asOfDay: iso('2022-07-15') });
    expect(b.points.map((p) => [p.iso, p.resolved])).toEqual([
      ['2022-01-10', 0], ['2022-01-31', 0], ['2022-02-28', 0], ['2022-03-31', 4], ['2022-04-30', 9], ['2022-05-31', 11],
      ['2022-06-30', 7], // c1 reopened on 15 June
      ['2022-07-15', 7], // c5 resolved on 1 July but found outside the target list
      ['2022-08-31', null], ['2022-09-30', null],
    ]);
    expect(b.targetGroup).toBe(50);
    expect(b.points[3].expected).toBeCloseTo((50 * 80) / 263, 12); // 2022-01-10 → 03-31: 80 of 263 days
    expect(b.points.at(-1)!.expected).toBe(50);
    const d = computeBurnUp(prep, targets, '90', { asOfDay: iso('2022-09-30') });
    // Month ends Jan … Sep; c6 resolved on 1 Aug.
    expect(d.points.slice(1).map((p) => p.resolved)).toEqual([0, 0, 0, 0, 0, 0, 0, 7, 7]);
  });

  it('PDCA board numbers', () => {
    const board = pdcaBoard(at('2022-09-30'), '50')!;
    expect(board.plan).toMatchObject({ targetGroup: 40, deadlineIso: '2022-09-30', startIso: '2022-01-10', targetByDimension: { health: 13, living: 9, education: 5, income: 6, access: 0, debt: null } });
    expect(board.do).toEqual({ recorded: 14, visited: 14, helped: 9, inProgress: 4 });
    expect(board.check).toMatchObject({ resolved: 7, resolutionRate: 7 / 40, byStage: { survival: 5, sufficiency: 0, sustainable: 2 }, debtResolvedBaht: 15000, behind: true, foundOutsideTarget: 6 });
    expect(board.act.childLevel).toBe('district');
    expect(board.act.childrenBehind.map((c) => [c.code, c.shortfallPeople])).toEqual([['5001', 25], ['5002', 8]]);
    // Dimension targets 13/9/5/6; resolved 0/5/2/0 → all four behind at fraction 1, most people first.
    expect(board.act.dimensionsBehind.map((d) => [d.dimension, d.shortfallPeople])).toEqual([['health', 13], ['income', 6], ['living', 4], ['education', 3]]);
    expect(pdcaBoard(at('2022-09-30'), '99')).toBeNull();
  });

  it('rows for export: small counts suppressed under the PDPA option, nothing else changed', () => {
    const r = at('2022-09-30');
    const name = (code: string) => (code === '50' ? 'เชียงใหม่' : null);
    const [row50, row90] = progressRows(r.levels.province, name, { suppressSmall: true });
    expect(row50).toMatchObject({ code: '50', name: 'เชียงใหม่', target_group: 40, reached: 14, helped: 9, resolved: 7, in_progress: SUPPRESSED, found_outside_target: 6, behind: true, debt_resolved_baht: SUPPRESSED });
    expect(row50.by_stage).toEqual({ survival: 5, sufficiency: 0, sustainable: SUPPRESSED });
    expect(row90).toMatchObject({ target_group: 10, resolved: 7, resolution_rate: 0.7, expected_by_now: 10 });
    const plain = progressRows(r.levels.province, name)[0];
    expect(plain).toMatchObject({ in_progress: 4, debt_resolved_baht: 15000, by_stage: { sustainable: 2 } });
    expect(Object.keys(flattenProgressRow(plain))).toContain('by_dimension.debt.resolved');
  });
});

describe('results leave the prepared state intact', () => {
  it('transferable buffers are fresh per call: targets and hierarchy are not among them', () => {
    const r1 = at('2022-09-30');
    const bufs = progressBuffers(r1);
    expect(bufs).not.toContain(targets.people.province.buffer);
    expect(new Set(bufs).size).toBe(bufs.length);
    for (const b of bufs) structuredClone(b, { transfer: [b] }); // detach them all
    expect(area(at('2022-09-30'), '50')).toMatchObject({ target: 40, resolved: 7 });
  });
});

describe('computeProgress against a per-area scan of the cases (seeded random records)', () => {
  it('every count, dimension, stage and debt sum at every level equals the scan, at several as-of dates', () => {
    const rnd = mulberry32(1111);
    const villageCodes: number[] = [];
    for (const p of [10, 11, 50]) for (let d = 1; d <= 3; d++) for (let s = 1; s <= 3; s++) for (let v = 1; v <= 4; v++) villageCodes.push(p * 1e6 + d * 1e4 + s * 100 + v);
    const n = 4000, cases = 1300;
    const pick = (k: number) => Math.floor(rnd() * k);
    // Debts in quarter baht: every sum of them is exact, so any summing order must agree bit for bit.
    const quarter = () => (rnd() < 0.3 ? NaN : pick(400000) / 4);
    const rec: AssistanceRecords = {
      count: n,
      caseIndex: Uint32Array.from({ length: n }, () => pick(cases)),
      caseCount: cases,
      villageCode: Uint32Array.from({ length: n }, () => villageCodes[pick(villageCodes.length)]),
      members: Uint16Array.from({ length: n }, () => 1 + pick(9)),
      day: Int32Array.from({ length: n }, () => iso('2021-10-01') + pick(420)),
      status: Uint8Array.from({ length: n }, () => pick(RECORD_STATUSES.length)),
      dimensionMask: Uint8Array.from({ length: n }, () => (rnd() < 0.2 ? 0 : pick(64))),
      stage: Uint8Array.from({ length: n }, () => pick(RECORD_STAGES.length + 1)),
      agency: new Uint16Array(n),
      agencies: [''],
      debtBeforeBaht: Float64Array.from({ length: n }, quarter),
      debtAfterBaht: Float64Array.from({ length: n }, quarter),
      outsideTarget: Uint8Array.from({ length: n }, () => (rnd() < 0.05 ? 1 : 0)),
    };
    const p = prepareRecords(rec);
    for (const asOf of ['2021-09-30', '2021-12-31', '2022-04-15', '2022-09-30', '2023-01-01']) {
      const r = computeProgress(p, null, { asOfDay: iso(asOf) });
      // The latest record of each case as of the date (prepared order: date, then file row).
      const latest: number[] = [];
      for (let c = 0; c < p.caseCount; c++) {
        let k = -1;
        for (let q = p.caseStart[c]; q < p.caseStart[c + 1]; q++) if (p.day[q] <= iso(asOf)) k = q;
        latest.push(k);
      }
      for (const level of ['country', 'province', 'district', 'subdistrict', 'village'] as const) {
        const l = r.levels[level];
        for (let a = 0; a < l.codes.length; a++) {
          const code = l.codes[a];
          const want = { recorded: 0, reached: 0, helped: 0, resolved: 0, inProgress: 0, debt: 0, debtCases: 0, outside: 0, dims: new Array(12).fill(0), stages: [0, 0, 0] };
          for (const k of latest) {
            if (k < 0 || (level !== 'country' && !String(p.villageCode[k]).startsWith(code))) continue;
            const m = p.members[k];
            if (p.outsideSoFar[k]) {
              want.outside += m;
              continue;
            }
            const st = RECORD_STATUSES[p.status[k]];
            const resolved = st === 'resolved' || st === 'self_resolved';
            want.recorded += m;
            if (st !== 'targeted') want.reached += m;
            if (st === 'helped' || st === 'in_progress' || st === 'resolved') want.helped += m;
            if (resolved) want.resolved += m;
            if (st === 'in_progress') want.inProgress += m;
            for (let j = 0; j < 6; j++) {
              if (!((p.dimensionMask[k] >> j) & 1)) continue;
              want.dims[j] += m;
              if (resolved) want.dims[6 + j] += m;
            }
            if (p.stage[k]) want.stages[p.stage[k] - 1] += m;
            if (p.debtReducedBaht[k] > 0) {
              want.debt += p.debtReducedBaht[k];
              want.debtCases++;
            }
          }
          const got = {
            recorded: l.recorded[a], reached: l.reached[a], helped: l.helped[a], resolved: l.resolved[a], inProgress: l.inProgress[a],
            debt: l.debtResolvedBaht[a], debtCases: l.debtCases[a], outside: l.foundOutsideTarget[a],
            dims: [...l.recordedByDimension.subarray(a * 6, a * 6 + 6), ...l.resolvedByDimension.subarray(a * 6, a * 6 + 6)],
            stages: [...l.byStage.subarray(a * 3, a * 3 + 3)],
          };
          expect(got, `${asOf} ${level} ${code}`).toEqual(want);
        }
      }
    }
  });
});
