/**
 * What does not depend on the as-of date, computed once per records table: records sorted by
 * (case, date, file row), each case a contiguous run, and the admin hierarchy over every village
 * with records or targets. Every as-of change then costs one pass over the sorted arrays
 * (compute.ts): for each case, its latest record up to the date is the last of its run with
 * day ≤ as-of — ties on the same day resolve to the later file row because the sort is stable.
 */
import { buildHierarchy, type Hierarchy } from '../mpi/hierarchy';
import type { AssistanceRecords } from './records';

export interface PreparedRecords {
  /** Areas: every village with records or given in `areaVillageCodes`, and their parents. */
  hierarchy: Hierarchy;
  caseCount: number;
  /** Sorted positions of case c are caseStart[c] … caseStart[c+1]-1, ordered by (day, file row). */
  caseStart: Uint32Array;
  /** Columns in sorted order. `village` is the hierarchy's village index. */
  day: Int32Array;
  village: Uint32Array;
  villageCode: Uint32Array;
  members: Uint16Array;
  status: Uint8Array;
  stage: Uint8Array;
  dimensionMask: Uint8Array;
  /** max(0, debt before − debt after) of the record; 0 when either is missing. */
  debtReducedBaht: Float64Array;
  /**
   * 1 when this or an earlier record of the case (in sorted order) flags it as found outside the
   * target list: the flag sticks, because follow-up rows often leave it blank and a household
   * found outside the list stays outside it.
   */
  outsideSoFar: Uint8Array;
  /** File row (0-based data row) of each sorted position. */
  row: Uint32Array;
  /** Earliest and latest record day (NaN without records). */
  firstDay: number;
  lastDay: number;
}

function sortedUnique(a: Uint32Array): Uint32Array {
  const s = a.slice().sort();
  let n = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) s[n++] = s[i];
  return s.slice(0, n);
}

function mergeUnique(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  let i = 0, j = 0, n = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (n === 0 || out[n - 1] !== x) out[n++] = x;
  }
  return out.slice(0, n);
}

function lowerBound(a: Uint32Array, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sort the records once (counting sort by case — stable, so file order survives — then an
 * insertion sort by day inside each case, whose runs are a handful of rows).
 * `areaVillageCodes`: the dataset's villages, so areas with targets but no records still appear.
 */
export function prepareRecords(r: AssistanceRecords, areaVillageCodes?: Uint32Array): PreparedRecords {
  const n = r.count;
  const villages = mergeUnique(sortedUnique(r.villageCode.subarray(0, n)), sortedUnique(areaVillageCodes ?? new Uint32Array(0)));
  const hierarchy = buildHierarchy(villages);
  const C = r.caseCount;
  const caseStart = new Uint32Array(C + 1);
  for (let i = 0; i < n; i++) {
    const c = r.caseIndex[i];
    if (c >= C) throw new Error(`records: row ${i} has case index ${c}, expected < ${C}`);
    caseStart[c + 1]++;
  }
  for (let c = 0; c < C; c++) caseStart[c + 1] += caseStart[c];
  const fill = caseStart.slice(0, C);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[fill[r.caseIndex[i]]++] = i;
  for (let c = 0; c < C; c++) {
    const s = caseStart[c], e = caseStart[c + 1];
    for (let k = s + 1; k < e; k++) {
      const x = order[k];
      const dx = r.day[x];
      let j = k - 1;
      // Strict > keeps equal days in file order (the later row stays later).
      while (j >= s && r.day[order[j]] > dx) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
  }
  const day = new Int32Array(n), village = new Uint32Array(n), villageCode = new Uint32Array(n), members = new Uint16Array(n);
  const status = new Uint8Array(n), stage = new Uint8Array(n), dimensionMask = new Uint8Array(n), outsideSoFar = new Uint8Array(n);
  const debtReducedBaht = new Float64Array(n);
  let firstDay = Infinity, lastDay = -Infinity;
  let lastCode = -1, lastIndex = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const d = r.day[i];
    day[k] = d;
    if (d < firstDay) firstDay = d;
    if (d > lastDay) lastDay = d;
    const code = r.villageCode[i];
    if (code !== lastCode) {
      lastCode = code;
      lastIndex = lowerBound(villages, code);
    }
    village[k] = lastIndex;
    villageCode[k] = code;
    members[k] = r.members[i];
    status[k] = r.status[i];
    stage[k] = r.stage[i];
    dimensionMask[k] = r.dimensionMask[i];
    const reduced = r.debtBeforeBaht[i] - r.debtAfterBaht[i];
    debtReducedBaht[k] = reduced > 0 ? reduced : 0; // NaN (missing) compares false → 0
  }
  for (let c = 0; c < C; c++) {
    let flag = 0;
    for (let k = caseStart[c]; k < caseStart[c + 1]; k++) {
      flag |= r.outsideTarget[order[k]];
      outsideSoFar[k] = flag;
    }
  }
  return {
    hierarchy,
    caseCount: C,
    caseStart,
    day,
    village,
    villageCode,
    members,
    status,
    stage,
    dimensionMask,
    debtReducedBaht,
    outsideSoFar,
    row: order,
    firstDay: n ? firstDay : NaN,
    lastDay: n ? lastDay : NaN,
  };
}
