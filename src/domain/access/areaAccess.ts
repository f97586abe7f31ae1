/**
 * Access summarised per area (issue 5 item 3): population-weighted mean distance to the nearest
 * service of each class, and the people beyond a chosen distance. Areas are any grouping of
 * villages; groupByCodePrefix gives the admin levels from 8-digit DOPA village codes.
 */
import type { AccessResult } from './accessMeasures';
import { villageCodeString } from '../adminCodes';

export interface VillageGroups {
  /** Group keys, e.g. subdistrict codes, ascending. */
  keys: string[];
  /** Group index of each village. */
  groupOf: Uint32Array;
}

/**
 * Groups villages by the first `digits` digits of their 8-digit DOPA code
 * (2 = province, 4 = district, 6 = subdistrict, 8 = the village itself).
 */
export function groupByCodePrefix(codes: ArrayLike<number | string>, digits: 2 | 4 | 6 | 8): VillageGroups {
  const keyOf = (c: number | string) => villageCodeString(c).slice(0, digits);
  const keySet = new Set<string>();
  for (let i = 0; i < codes.length; i++) keySet.add(keyOf(codes[i]));
  const keys = [...keySet].sort();
  const pos = new Map(keys.map((k, g) => [k, g]));
  const groupOf = new Uint32Array(codes.length);
  for (let i = 0; i < codes.length; i++) groupOf[i] = pos.get(keyOf(codes[i]))!;
  return { keys, groupOf };
}

export interface AreaAccess {
  type: string;
  beyondKm: number;
  /** Per group: Σ people. */
  people: Float64Array;
  /** Per group: Σ P_i·d_i / Σ P_i (km); NaN for a group without people or a class without services. */
  meanNearestKm: Float64Array;
  /** Per group: people in villages whose nearest service is farther than beyondKm. */
  peopleBeyond: Float64Array;
  /** Per group: peopleBeyond / people (NaN without people). */
  shareBeyond: Float64Array;
  /** Per group: villages farther than beyondKm. */
  villagesBeyond: Uint32Array;
  /** Per group: people-weighted mean 2SFCA score (per 1,000 people), NaN without people. */
  meanTwoSfca: Float64Array;
}

/**
 * Per-area access for one class. "Beyond" is strictly farther than beyondKm, matching
 * villagesFartherThan, so a panel's count and the map filter agree.
 */
export function accessByArea(result: AccessResult, type: string, people: ArrayLike<number>, groups: VillageGroups, beyondKm: number): AreaAccess {
  const t = result.byType[type];
  if (!t) throw new Error(`access: no results for service class "${type}" (have ${result.types.join(', ') || 'none'})`);
  if (people.length !== result.villageCount || groups.groupOf.length !== result.villageCount) {
    throw new Error(`access: people and groups must have one entry per village (${result.villageCount})`);
  }
  const g = groups.keys.length;
  const sumPeople = new Float64Array(g);
  const sumDist = new Float64Array(g);
  const sumScore = new Float64Array(g);
  const peopleBeyond = new Float64Array(g);
  const villagesBeyond = new Uint32Array(g);
  for (let i = 0; i < result.villageCount; i++) {
    const k = groups.groupOf[i];
    const p = people[i];
    const d = t.nearestKm[i];
    sumPeople[k] += p;
    sumDist[k] += p === 0 ? 0 : p * d; // 0·Infinity would be NaN
    sumScore[k] += p * t.twoSfca[i];
    if (d > beyondKm) {
      peopleBeyond[k] += p;
      villagesBeyond[k]++;
    }
  }
  const meanNearestKm = new Float64Array(g);
  const shareBeyond = new Float64Array(g);
  const meanTwoSfca = new Float64Array(g);
  for (let k = 0; k < g; k++) {
    const p = sumPeople[k];
    meanNearestKm[k] = p > 0 && Number.isFinite(sumDist[k]) ? sumDist[k] / p : NaN;
    shareBeyond[k] = p > 0 ? peopleBeyond[k] / p : NaN;
    meanTwoSfca[k] = p > 0 ? sumScore[k] / p : NaN;
  }
  return { type, beyondKm, people: sumPeople, meanNearestKm, peopleBeyond, shareBeyond, villagesBeyond, meanTwoSfca };
}
