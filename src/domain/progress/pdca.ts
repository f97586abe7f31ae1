/**
 * The PDCA board of one area (the resolution runs the programme on Plan–Do–Check–Act): the
 * numbers behind each column, taken from one ProgressResult so the board, the map and the CLI
 * agree. Pure: the UI only lays them out.
 *   Plan   the target group, by TPMAP dimension (people; they overlap), the start and deadline
 *   Do     people visited (reached), helped, in progress
 *   Check  people resolved, the resolution rate, stages reached, debt resolved, on schedule or not
 *   Act    child areas behind (furthest first) and dimensions behind their own schedule line
 */
import { childLevel, type AdminLevel } from '../adminCodes';
import { furthestBehind, type BehindArea, type ProgressResult } from './compute';
import { isoOfDay } from './days';
import { RECORD_DIMENSIONS, RECORD_DIMENSION_COUNT, RECORD_STAGES, type RecordDimension, type RecordStage } from './records';

const D = RECORD_DIMENSION_COUNT;

export interface DimensionBehind {
  dimension: RecordDimension;
  /** Target poor in the dimension; for debt (no poverty-layer indicator) the people recorded with a debt problem. */
  targetPeople: number;
  resolvedPeople: number;
  expectedByNow: number;
  shortfallPeople: number;
}

export interface PdcaBoard {
  code: string;
  level: AdminLevel;
  plan: { targetGroup: number | null; targetByDimension: Record<RecordDimension, number | null>; startIso: string; deadlineIso: string; asOfIso: string };
  do: { recorded: number; visited: number; helped: number; inProgress: number };
  check: { resolved: number; resolutionRate: number | null; byStage: Record<RecordStage, number>; debtResolvedBaht: number; expectedByNow: number | null; behind: boolean; foundOutsideTarget: number };
  act: { childLevel: AdminLevel | null; childrenBehind: BehindArea[]; dimensionsBehind: DimensionBehind[] };
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Board for `code`, or null when the code is no area of the result. `limit` caps the child list. */
export function pdcaBoard(result: ProgressResult, code: string, limit = 10): PdcaBoard | null {
  const where = result.find(code);
  if (!where) return null;
  const l = result.levels[where.level];
  const i = where.index;
  const f = result.schedule.expectedFraction;
  const targetByDimension = {} as Record<RecordDimension, number | null>;
  const dimensionsBehind: DimensionBehind[] = [];
  RECORD_DIMENSIONS.forEach((dim, j) => {
    const t = l.targetByDimension[i * D + j];
    targetByDimension[dim] = num(t);
    const target = dim === 'debt' ? l.recordedByDimension[i * D + j] : t;
    if (!Number.isFinite(target) || target <= 0) return;
    const resolvedPeople = l.resolvedByDimension[i * D + j];
    const expectedByNow = target * f;
    if (resolvedPeople < expectedByNow) dimensionsBehind.push({ dimension: dim, targetPeople: target, resolvedPeople, expectedByNow, shortfallPeople: expectedByNow - resolvedPeople });
  });
  dimensionsBehind.sort((a, b) => b.shortfallPeople - a.shortfallPeople);
  const byStage = Object.fromEntries(RECORD_STAGES.map((s, j) => [s, l.byStage[i * RECORD_STAGES.length + j]])) as Record<RecordStage, number>;
  const cl = childLevel(where.level);
  let childrenBehind: BehindArea[] = [];
  if (cl) {
    const children = result.levels[cl];
    const idx: number[] = [];
    for (let a = 0; a < children.codes.length; a++) if (children.parent[a] === i) idx.push(a);
    childrenBehind = furthestBehind(children, 'shortfall', limit, idx);
  }
  const s = result.schedule;
  return {
    code,
    level: where.level,
    plan: { targetGroup: num(l.targetGroup[i]), targetByDimension, startIso: isoOfDay(s.startDay), deadlineIso: isoOfDay(s.deadlineDay), asOfIso: isoOfDay(s.asOfDay) },
    do: { recorded: l.recorded[i], visited: l.reached[i], helped: l.helped[i], inProgress: l.inProgress[i] },
    check: {
      resolved: l.resolved[i],
      resolutionRate: num(l.resolutionRate[i]),
      byStage,
      debtResolvedBaht: l.debtResolvedBaht[i],
      expectedByNow: num(l.expectedByNow[i]),
      behind: l.behind[i] === 1,
      foundOutsideTarget: l.foundOutsideTarget[i],
    },
    act: { childLevel: cl, childrenBehind, dimensionsBehind },
  };
}
