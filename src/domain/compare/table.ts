/**
 * Comparing areas (issue 10): the national table of provinces, the year-over-year change by
 * dimension, an area's key numbers and the distribution of the need measure across its parts.
 * Pure functions over the measure columns the compute worker returns (one typed column per
 * measure, aligned with the level's codes). Counts are people; rates are recomputed from counts,
 * never averaged (DESIGN.md §2.2).
 */
import { DIMENSIONS, type DimensionId } from '../indicators';

/** The columns of one level this module reads (a structural subset of the worker's LevelColumns). */
export interface AreaColumns {
  people: ArrayLike<number>;
  households: ArrayLike<number>;
  targetPoor: ArrayLike<number>;
  rate: ArrayLike<number>;
  adjustedHeadcount: ArrayLike<number>;
  /** Target poor deprived in each dimension, 5 per area, row-major (DIMENSIONS order). */
  targetPoorByDimension?: ArrayLike<number>;
}

export interface KeyNumbers {
  people: number;
  households: number;
  targetPoor: number;
  /** target poor ÷ people (or poor with no card ÷ people, as the settings say). */
  rate: number;
  /** M0 = H·A; NaN when the workspace has no household data. */
  adjustedHeadcount: number;
  /** Target poor in each dimension (overlapping), NaN without detail. */
  targetPoorByDimension: number[];
  /** Target poor in the dimension ÷ people surveyed: the profile on one common scale. */
  dimensionRate: number[];
}

export interface Change {
  before: number;
  after: number;
  /** after − before (NaN when either is missing). */
  change: number;
  direction: 'up' | 'down' | 'same' | 'unknown';
}

export interface NationalRow extends KeyNumbers {
  code: string;
  /** Target-poor change from the earlier data year (null when there is only one year). */
  changeTargetPoor: Change | null;
  /** Rate change, in fraction points (0.01 = 1 percentage point). */
  changeRate: Change | null;
  /** 1 = most target poor / highest rate (ties share the better rank). */
  rankTargetPoor: number;
  rankRate: number;
  /** Targeting potential (0–1) at this level with the current targeting settings; NaN when none. */
  potential: number;
  /** Targeting priority rank (1 = first); NaN when unranked or not computed. */
  priorityRank: number;
}

const D = DIMENSIONS.length;

/** The key numbers of area `i` of a level. */
export function keyNumbers(cols: AreaColumns, i: number, hasHouseholdData = true): KeyNumbers {
  const people = cols.people[i];
  const byDim = DIMENSIONS.map((_, d) => (cols.targetPoorByDimension ? cols.targetPoorByDimension[i * D + d] : NaN));
  return {
    people,
    households: cols.households[i],
    targetPoor: cols.targetPoor[i],
    rate: cols.rate[i],
    adjustedHeadcount: hasHouseholdData ? cols.adjustedHeadcount[i] : NaN,
    targetPoorByDimension: byDim,
    dimensionRate: byDim.map((x) => (people > 0 ? x / people : NaN)),
  };
}

export function change(before: number, after: number): Change {
  if (!Number.isFinite(before) || !Number.isFinite(after)) return { before, after, change: NaN, direction: 'unknown' };
  const c = after - before;
  return { before, after, change: c, direction: c > 0 ? 'up' : c < 0 ? 'down' : 'same' };
}

/**
 * Competition ranks ("1224"): 1 for the largest value; NaN values rank last. Stable for ties so
 * the table and the CLI agree on who shares a rank.
 */
export function ranksDescending(values: ArrayLike<number>): number[] {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const x = values[a], y = values[b];
    const xn = Number.isNaN(x), yn = Number.isNaN(y);
    if (xn || yn) return xn === yn ? a - b : xn ? 1 : -1;
    return y - x || a - b;
  });
  const rank = new Array<number>(n);
  order.forEach((idx, k) => {
    const prev = k > 0 ? order[k - 1] : -1;
    rank[idx] = prev >= 0 && values[prev] === values[idx] ? rank[prev] : k + 1;
  });
  return rank;
}

/**
 * One row per area of a level (the provinces, for the national table): key numbers for the
 * current year, the change since `previous` (another data year's columns for the same codes,
 * same settings), and ranks by target poor and by rate.
 */
export function nationalRows(codes: readonly string[], current: AreaColumns, previous: AreaColumns | null, hasHouseholdData = true): NationalRow[] {
  const rankTp = ranksDescending(current.targetPoor);
  const rankRate = ranksDescending(current.rate);
  return codes.map((code, i) => ({
    code,
    ...keyNumbers(current, i, hasHouseholdData),
    changeTargetPoor: previous ? change(previous.targetPoor[i], current.targetPoor[i]) : null,
    changeRate: previous ? change(previous.rate[i], current.rate[i]) : null,
    rankTargetPoor: rankTp[i],
    rankRate: rankRate[i],
    potential: NaN,
    priorityRank: NaN,
  }));
}

/**
 * Rows with the targeting potential and priority rank of the same areas, matched by code (the
 * ranking's area order need not be the table's). Rank 0 (unranked) becomes NaN, so it sorts last.
 */
export function withTargeting(rows: readonly NationalRow[], codes: readonly string[], potential: ArrayLike<number> | null, rank: ArrayLike<number> | null): NationalRow[] {
  const at = new Map(codes.map((c, i) => [c, i]));
  return rows.map((r) => {
    const i = at.get(r.code);
    return {
      ...r,
      potential: potential && i !== undefined ? potential[i] : NaN,
      priorityRank: rank && i !== undefined && rank[i] > 0 ? rank[i] : NaN,
    };
  });
}

export type SortKey = 'code' | 'targetPoor' | 'rate' | 'adjustedHeadcount' | 'changeTargetPoor' | 'changeRate' | 'potential' | 'priorityRank' | `dimension:${DimensionId}`;

export function sortValue(r: NationalRow, key: SortKey): number {
  switch (key) {
    case 'code': return Number(r.code);
    case 'targetPoor': return r.targetPoor;
    case 'rate': return r.rate;
    case 'adjustedHeadcount': return r.adjustedHeadcount;
    case 'changeTargetPoor': return r.changeTargetPoor?.change ?? NaN;
    case 'changeRate': return r.changeRate?.change ?? NaN;
    case 'potential': return r.potential;
    case 'priorityRank': return r.priorityRank;
  }
  const d = DIMENSIONS.findIndex((x) => `dimension:${x.id}` === key);
  return r.dimensionRate[d];
}

/** Sorted copy; NaN (missing) always last, whatever the direction; ties by code. */
export function sortRows(rows: readonly NationalRow[], key: SortKey, dir: 'asc' | 'desc'): NationalRow[] {
  const s = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key), y = sortValue(b, key);
    const xn = Number.isNaN(x), yn = Number.isNaN(y);
    if (xn || yn) return xn === yn ? a.code.localeCompare(b.code) : xn ? 1 : -1;
    return (x - y) * s || a.code.localeCompare(b.code);
  });
}

/** Year-over-year change in target poor per dimension for area i (current vs previous year's columns). */
export function changeByDimension(current: AreaColumns, previous: AreaColumns, i: number, iPrev = i): { dimension: DimensionId; change: Change }[] {
  const a = keyNumbers(previous, iPrev);
  const b = keyNumbers(current, i);
  return DIMENSIONS.map((d, k) => ({ dimension: d.id, change: change(a.targetPoorByDimension[k], b.targetPoorByDimension[k]) }));
}

/**
 * The values of one measure over the parts of an area (the subdistricts or villages whose code
 * starts with `prefix`), with people > 0, sorted ascending: the distribution the compare view
 * draws on one common axis. `quantiles` are the 0, 25, 50, 75 and 100 % points (type-7, as R and
 * simple-statistics compute them).
 */
export function distribution(codes: readonly string[], values: ArrayLike<number>, people: ArrayLike<number>, prefix: string): { values: number[]; quantiles: number[] } {
  const out: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    if (people[i] > 0 && Number.isFinite(values[i]) && codes[i].startsWith(prefix)) out.push(values[i]);
  }
  out.sort((a, b) => a - b);
  const q = (p: number) => {
    if (!out.length) return NaN;
    const h = (out.length - 1) * p;
    const lo = Math.floor(h);
    return out[lo] + (h - lo) * ((out[Math.min(lo + 1, out.length - 1)] ?? out[lo]) - out[lo]);
  };
  return { values: out, quantiles: [0, 0.25, 0.5, 0.75, 1].map(q) };
}

/** Parse a `compare=` list: 2–4 distinct DOPA province or district codes, in order; others dropped. */
export function parseCompareCodes(raw: string | null | undefined, max = 4): string[] {
  if (!raw) return [];
  const out: string[] = [];
  for (const part of raw.split(',')) {
    const c = part.trim();
    if (/^(\d{2}|\d{4})$/.test(c) && !out.includes(c)) out.push(c);
    if (out.length === max) break;
  }
  return out;
}
