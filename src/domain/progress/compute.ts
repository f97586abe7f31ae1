/**
 * Follow-up measures (issue 11): how many of the target group the teams have reached, helped
 * and resolved, per area and level, as of a chosen date, and whether each area is on schedule.
 *
 * Counting is in people, as TPMAP counts: a case (household) counts its members. Each case
 * counts once, by its latest record with date ≤ as-of (ties: the later file row; prepare.ts).
 *   reached     latest status visited, helped, in progress, resolved or self-resolved
 *   helped      helped, in progress or resolved
 *   resolved    resolved or self-resolved;  in progress: in progress
 *   resolution rate = resolved ÷ target group (the poverty layer's target poor)
 *   debt resolved   = Σ max(0, debt before − debt after) over the cases' latest records (baht)
 * Cases flagged as found outside the target list (exclusion errors) are counted apart, in
 * found outside target, and in none of the other counts.
 *
 * Schedule (a straight line from start to deadline, as the resolution sets one date for the
 * whole group): expected by now = target group × (as-of − start) ÷ (deadline − start), clamped to
 * [0, target group]; an area is behind when resolved < expected by now.
 *
 * Aggregation is exact: people are summed per village in one pass, then summed up the hierarchy
 * by code prefix (villages are sorted by code, so each area is a run; mpi/hierarchy.ts). Rates
 * are divided only at the end.
 */
import { ADMIN_LEVELS, LEVEL_DIGITS, type AdminLevel } from '../adminCodes';
import { sumIntoParents } from '../mpi/hierarchy';
import { rollUp } from '../mpi/prepare';
import { DEFAULT_DEADLINE_DAY, isoOfDay, monthEndOfDay } from './days';
import type { PreparedRecords } from './prepare';
import { HELPED_STATUSES, IN_PROGRESS_STATUSES, REACHED_STATUSES, RECORD_DIMENSION_COUNT, RECORD_STAGES, RESOLVED_STATUSES } from './records';

const D = RECORD_DIMENSION_COUNT; // 6
const S = RECORD_STAGES.length; // 3
/** TPMAP's five dimensions come first in RECORD_DIMENSIONS; debt (index 5) has no poverty-layer target. */
const POVERTY_DIMENSIONS = 5;
const DEBT = 5;

/** computeProgress's packed per-village row: 22 uint32 counts (×6, ×6, ×3 blocks last), then the debt sum as float64. */
const C_RECORDED = 0, C_REACHED = 1, C_HELPED = 2, C_RESOLVED = 3, C_IN_PROGRESS = 4, C_DEBT_CASES = 5, C_OUTSIDE = 6;
const C_DIM_RECORDED = 7, C_DIM_RESOLVED = C_DIM_RECORDED + D, C_STAGES = C_DIM_RESOLVED + D;
const ROW_BYTES = 96, ROW_U32 = ROW_BYTES / 4, ROW_F64 = ROW_BYTES / 8;
/** The debt sum's float64 slot: bytes 88–95, after the 22 counts. */
const F_DEBT = ROW_F64 - 1;

/** Target group of one level as the poverty layer gives it (e.g. MpiResult.levels[level]). */
export interface AreaTargets {
  codes: readonly string[];
  /** Target poor (people) per area. */
  targetPeople: ArrayLike<number>;
  /** Target poor deprived in each TPMAP dimension (health, living, education, income, access), ×5 row-major. */
  targetPeopleByDimension?: ArrayLike<number>;
}
export type TargetsByLevel = Partial<Record<AdminLevel, AreaTargets>>;

/** Targets aligned to the prepared hierarchy (NaN = unknown). byDimension is ×6, debt NaN. */
export interface AlignedTargets {
  people: Record<AdminLevel, Float64Array>;
  byDimension: Record<AdminLevel, Float64Array>;
  /** Target codes that name no area of the hierarchy (not counted anywhere). */
  unmatchedCodes: number;
}

/**
 * Place the poverty layer's target group on the records' hierarchy. Each level uses its own
 * targets when given; a level not given is summed from the next finer level; levels finer than
 * the finest given stay NaN (unknown).
 */
export function alignTargets(prep: PreparedRecords, targets: TargetsByLevel): AlignedTargets {
  const h = prep.hierarchy;
  const people = {} as Record<AdminLevel, Float64Array>;
  const byDimension = {} as Record<AdminLevel, Float64Array>;
  let unmatchedCodes = 0;
  for (let li = ADMIN_LEVELS.length - 1; li >= 0; li--) {
    const level = ADMIN_LEVELS[li];
    const al = h.levels[level];
    const t = targets[level];
    if (t) {
      const p = new Float64Array(al.codes.length);
      const bd = new Float64Array(al.codes.length * D).fill(NaN);
      for (let a = 0; a < al.codes.length; a++) for (let j = 0; j < POVERTY_DIMENSIONS; j++) bd[a * D + j] = t.targetPeopleByDimension ? 0 : NaN;
      const index = new Map(al.codes.map((c, i) => [c, i]));
      for (let i = 0; i < t.codes.length; i++) {
        const a = index.get(t.codes[i]);
        if (a === undefined) {
          if (t.targetPeople[i] > 0) unmatchedCodes++;
          continue;
        }
        p[a] += t.targetPeople[i];
        if (t.targetPeopleByDimension) for (let j = 0; j < POVERTY_DIMENSIONS; j++) bd[a * D + j] += t.targetPeopleByDimension[i * POVERTY_DIMENSIONS + j];
      }
      people[level] = p;
      byDimension[level] = bd;
    } else if (li < ADMIN_LEVELS.length - 1) {
      const finer = ADMIN_LEVELS[li + 1];
      people[level] = sumIntoParents(al, people[finer]);
      byDimension[level] = sumIntoParents(al, byDimension[finer], D);
    } else {
      people[level] = new Float64Array(al.codes.length).fill(NaN);
      byDimension[level] = new Float64Array(al.codes.length * D).fill(NaN);
    }
  }
  return { people, byDimension, unmatchedCodes };
}

export interface ScheduleOptions {
  /** Day number (days.ts) the measures are taken at: records dated after it are ignored. */
  asOfDay: number;
  /** Start of the schedule line; default: the earliest record's day. */
  startDay?: number;
  /** Default: 30 Sep 2565 BE (DEFAULT_DEADLINE_DAY). */
  deadlineDay?: number;
}

export interface ResolvedSchedule {
  asOfDay: number;
  startDay: number;
  deadlineDay: number;
  /** Share of the target group expected resolved by as-of: (asOf − start) ÷ (deadline − start) in [0, 1]. */
  expectedFraction: number;
}

/** The schedule line's share at `day` (a deadline on or before the start is a step at the deadline). */
export function expectedFractionAt(day: number, startDay: number, deadlineDay: number): number {
  if (!(deadlineDay > startDay)) return day >= deadlineDay ? 1 : 0;
  return Math.min(1, Math.max(0, (day - startDay) / (deadlineDay - startDay)));
}

export function resolveSchedule(prep: PreparedRecords, o: ScheduleOptions): ResolvedSchedule {
  const deadlineDay = o.deadlineDay ?? DEFAULT_DEADLINE_DAY;
  const startDay = o.startDay ?? (Number.isFinite(prep.firstDay) ? prep.firstDay : o.asOfDay);
  if (!Number.isFinite(o.asOfDay)) throw new Error('as-of date is not a date / วันที่ไม่ถูกต้อง');
  return { asOfDay: o.asOfDay, startDay, deadlineDay, expectedFraction: expectedFractionAt(o.asOfDay, startDay, deadlineDay) };
}

/** Measures of one level; every column has one entry per area (×6 / ×3 row-major where noted). */
export interface LevelProgress {
  level: AdminLevel;
  codes: readonly string[];
  /** Index of each area's parent in the next coarser level (country: -1). */
  parent: Int32Array;
  /** Target poor (people); NaN when the poverty layer gives none for this level. */
  targetGroup: Float64Array;
  /** People in in-target cases with any record up to as-of (including status targeted). */
  recorded: Float64Array;
  reached: Float64Array;
  helped: Float64Array;
  resolved: Float64Array;
  inProgress: Float64Array;
  /** resolved ÷ target group (NaN without a target group). */
  resolutionRate: Float64Array;
  debtResolvedBaht: Float64Array;
  /** Cases whose latest record reduced debt (for small-count suppression of the baht sum). */
  debtCases: Float64Array;
  /** People in cases found outside the target list (not in any other count). */
  foundOutsideTarget: Float64Array;
  expectedByNow: Float64Array;
  /** 1 when resolved < expected by now. */
  behind: Uint8Array;
  /** ×6 (RECORD_DIMENSIONS): target poor in the dimension (TPMAP dimensions; debt and unknown NaN). */
  targetByDimension: Float64Array;
  /** ×6: people in in-target cases whose latest record names the dimension. */
  recordedByDimension: Float64Array;
  /** ×6: of those, resolved. */
  resolvedByDimension: Float64Array;
  /** ×3 (RECORD_STAGES): people in in-target cases whose latest record judged that stage. */
  byStage: Float64Array;
}

export interface ProgressResult {
  schedule: ResolvedSchedule;
  levels: Record<AdminLevel, LevelProgress>;
  /** Level and index of a code; undefined when the code is no area of the records or targets. */
  find(code: string): { level: AdminLevel; index: number } | undefined;
}

/**
 * Every measure, every level, as of one date: one pass over the sorted records (for each case,
 * walk back from its last record to the first dated ≤ as-of), then exact sums up the hierarchy.
 */
export function computeProgress(prep: PreparedRecords, targets: AlignedTargets | null, options: ScheduleOptions): ProgressResult {
  const schedule = resolveSchedule(prep, options);
  const asOf = schedule.asOfDay;
  const nv = prep.hierarchy.villageCount;
  // One packed row per village: the people counts as 32-bit integers (members are whole people,
  // so integer sums equal the float sums exactly) and the debt sum as a float64, 96 bytes in all,
  // so a case's counts land in two cache lines instead of a dozen scattered arrays (cases are in
  // case order, their villages scattered). Debt is added in the same order as before.
  const rows = new ArrayBuffer(nv * ROW_BYTES);
  const cnt = new Uint32Array(rows);
  const dbt = new Float64Array(rows);
  const { caseStart, day, village, members, status, stage, dimensionMask, debtReducedBaht, outsideSoFar } = prep;
  for (let c = 0; c < prep.caseCount; c++) {
    const s = caseStart[c];
    let k = caseStart[c + 1] - 1;
    while (k >= s && day[k] > asOf) k--;
    if (k < s) continue;
    const v = village[k];
    const b = v * ROW_U32;
    const m = members[k];
    if (outsideSoFar[k]) {
      cnt[b + C_OUTSIDE] += m;
      continue;
    }
    cnt[b + C_RECORDED] += m;
    const st = 1 << status[k];
    if (st & REACHED_STATUSES) cnt[b + C_REACHED] += m;
    if (st & HELPED_STATUSES) cnt[b + C_HELPED] += m;
    const isResolved = (st & RESOLVED_STATUSES) !== 0;
    if (isResolved) cnt[b + C_RESOLVED] += m;
    if (st & IN_PROGRESS_STATUSES) cnt[b + C_IN_PROGRESS] += m;
    const dm = dimensionMask[k];
    if (dm) {
      for (let j = 0; j < D; j++) {
        if ((dm >> j) & 1) {
          cnt[b + C_DIM_RECORDED + j] += m;
          if (isResolved) cnt[b + C_DIM_RESOLVED + j] += m;
        }
      }
    }
    const sg = stage[k];
    if (sg) cnt[b + C_STAGES + sg - 1] += m;
    const d = debtReducedBaht[k];
    if (d > 0) {
      dbt[v * ROW_F64 + F_DEBT] += d;
      cnt[b + C_DEBT_CASES] += 1;
    }
  }
  const h = prep.hierarchy;
  const villageColumn = (at: number, width = 1): Float64Array => {
    const out = new Float64Array(nv * width);
    for (let v = 0; v < nv; v++) for (let j = 0; j < width; j++) out[v * width + j] = cnt[v * ROW_U32 + at + j];
    return out;
  };
  const debt = new Float64Array(nv);
  for (let v = 0; v < nv; v++) debt[v] = dbt[v * ROW_F64 + F_DEBT];
  const up = (col: Float64Array, width = 1) => rollUp(h, col, width);
  const cols = {
    recorded: up(villageColumn(C_RECORDED)), reached: up(villageColumn(C_REACHED)), helped: up(villageColumn(C_HELPED)), resolved: up(villageColumn(C_RESOLVED)), inProgress: up(villageColumn(C_IN_PROGRESS)),
    debt: up(debt), debtCases: up(villageColumn(C_DEBT_CASES)), outside: up(villageColumn(C_OUTSIDE)),
    dimRecorded: up(villageColumn(C_DIM_RECORDED, D), D), dimResolved: up(villageColumn(C_DIM_RESOLVED, D), D), stages: up(villageColumn(C_STAGES, S), S),
  };
  const levels = {} as Record<AdminLevel, LevelProgress>;
  const f = schedule.expectedFraction;
  for (const level of ADMIN_LEVELS) {
    const al = h.levels[level];
    const na = al.codes.length;
    // Copies: results may be transferred out of a worker (progressBuffers) and the aligned targets reused.
    const target = targets ? targets.people[level].slice() : new Float64Array(na).fill(NaN);
    const res = cols.resolved[level];
    const rate = new Float64Array(na), expected = new Float64Array(na), behind = new Uint8Array(na);
    for (let a = 0; a < na; a++) {
      const t = target[a];
      rate[a] = t > 0 ? res[a] / t : NaN;
      expected[a] = Number.isFinite(t) ? t * f : NaN;
      behind[a] = res[a] < expected[a] ? 1 : 0;
    }
    const tbd = targets ? targets.byDimension[level].slice() : new Float64Array(na * D).fill(NaN);
    levels[level] = {
      level,
      codes: al.codes,
      parent: al.parent,
      targetGroup: target,
      recorded: cols.recorded[level],
      reached: cols.reached[level],
      helped: cols.helped[level],
      resolved: res,
      inProgress: cols.inProgress[level],
      resolutionRate: rate,
      debtResolvedBaht: cols.debt[level],
      debtCases: cols.debtCases[level],
      foundOutsideTarget: cols.outside[level],
      expectedByNow: expected,
      behind,
      targetByDimension: tbd,
      recordedByDimension: cols.dimRecorded[level],
      resolvedByDimension: cols.dimResolved[level],
      byStage: cols.stages[level],
    };
  }
  return { schedule, levels, find: (code) => h.find(code) };
}

/**
 * The fresh buffers of a result, to transfer from a worker without copying (codes and parent
 * belong to the prepared hierarchy and are not listed: post them once, or send codes by level).
 */
export function progressBuffers(r: ProgressResult): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const level of ADMIN_LEVELS) {
    const l = r.levels[level];
    for (const a of [l.targetGroup, l.recorded, l.reached, l.helped, l.resolved, l.inProgress, l.resolutionRate, l.debtResolvedBaht, l.debtCases, l.foundOutsideTarget, l.expectedByNow, l.behind, l.targetByDimension, l.recordedByDimension, l.resolvedByDimension, l.byStage]) {
      if (!out.includes(a.buffer as ArrayBuffer)) out.push(a.buffer as ArrayBuffer);
    }
  }
  return out;
}

export interface BurnUpPoint {
  /** Day the point is measured at: a month end, or the as-of date for its own month. */
  day: number;
  iso: string;
  /** Cumulative resolved people by latest-status semantics at `day`; null after the as-of date. */
  resolved: number | null;
  /** The schedule line: target group × expected fraction at `day` (null without a target group). */
  expected: number | null;
}

export interface BurnUp {
  code: string;
  targetGroup: number | null;
  schedule: ResolvedSchedule;
  points: BurnUpPoint[];
}

/**
 * Burn-up series of one area: resolved people (each case by its latest record as of each month
 * end, so a case reopened later drops out again) against the straight target line, from the
 * start's month to the deadline's (or the as-of's, if later). The as-of month's point is taken at
 * the as-of date. One pass over the records: per case a pointer moves forward through the months.
 */
export function computeBurnUp(prep: PreparedRecords, targets: AlignedTargets | null, code: string, options: ScheduleOptions): BurnUp {
  const schedule = resolveSchedule(prep, options);
  const where = prep.hierarchy.find(code);
  const days: number[] = [schedule.startDay];
  const last = monthEndOfDay(Math.max(schedule.deadlineDay, schedule.asOfDay));
  const asOfMonthEnd = monthEndOfDay(schedule.asOfDay);
  for (let me = monthEndOfDay(schedule.startDay); me <= last; me = monthEndOfDay(me + 1)) {
    const d = me === asOfMonthEnd && schedule.asOfDay < me ? schedule.asOfDay : me;
    if (d > days[days.length - 1]) days.push(d);
  }
  const M = days.length;
  let measured = 0; // points at or before as-of
  while (measured < M && days[measured] <= schedule.asOfDay) measured++;
  const resolved = new Float64Array(M);
  const level = where?.level ?? 'country';
  const div = level === 'country' ? 0 : 10 ** (8 - LEVEL_DIGITS[level as Exclude<AdminLevel, 'country'>]);
  const key = level === 'country' ? 0 : Number(code);
  if (where) {
    const { caseStart, day, villageCode, members, status, outsideSoFar } = prep;
    for (let c = 0; c < prep.caseCount; c++) {
      const s = caseStart[c], e = caseStart[c + 1];
      let k = s - 1;
      for (let m = 0; m < measured; m++) {
        const dm = days[m];
        while (k + 1 < e && day[k + 1] <= dm) k++;
        if (k < s || outsideSoFar[k] || !((1 << status[k]) & RESOLVED_STATUSES)) continue;
        if (div && Math.floor(villageCode[k] / div) !== key) continue;
        resolved[m] += members[k];
      }
    }
  }
  const target = where && targets ? targets.people[where.level][where.index] : NaN;
  const points = days.map((d, m) => ({
    day: d,
    iso: isoOfDay(d),
    resolved: m < measured && where ? resolved[m] : m < measured ? 0 : null,
    expected: Number.isFinite(target) ? target * expectedFractionAt(d, schedule.startDay, schedule.deadlineDay) : null,
  }));
  return { code, targetGroup: Number.isFinite(target) ? target : null, schedule, points };
}

export interface BehindArea {
  code: string;
  index: number;
  targetGroup: number;
  resolved: number;
  expectedByNow: number;
  /** expected by now − resolved (people). */
  shortfallPeople: number;
  /** resolved ÷ expected by now (lower is further behind). */
  ratio: number;
}

/**
 * Areas of one level that are behind, furthest first: by shortfall in people (where the most
 * people wait) or by ratio resolved ÷ expected (where the pace is worst, whatever the size).
 * `among`: only these area indices (e.g. one area's children).
 */
export function furthestBehind(l: LevelProgress, by: 'shortfall' | 'ratio' = 'shortfall', limit = 10, among?: Iterable<number>): BehindArea[] {
  const out: BehindArea[] = [];
  const indices = among ?? l.codes.keys();
  for (const a of indices) {
    if (!l.behind[a]) continue;
    const e = l.expectedByNow[a];
    out.push({ code: l.codes[a], index: a, targetGroup: l.targetGroup[a], resolved: l.resolved[a], expectedByNow: e, shortfallPeople: e - l.resolved[a], ratio: l.resolved[a] / e });
  }
  const byCode = (x: BehindArea, y: BehindArea) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0);
  out.sort(by === 'shortfall' ? (x, y) => y.shortfallPeople - x.shortfallPeople || byCode(x, y) : (x, y) => x.ratio - y.ratio || y.shortfallPeople - x.shortfallPeople || byCode(x, y));
  return out.slice(0, limit);
}
