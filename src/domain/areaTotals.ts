/**
 * Headline counts per village under TPMAP's default rule (all 5 dimensions, union approach):
 * people and households surveyed, target poor (poor AND State Welfare Card) and poor with no
 * welfare card — the numbers of the detail panel and of `cli summary` (DESIGN.md §2.2).
 * Counting is in people: a household-level failure counts for every member.
 */
import { ALL_INDICATORS_MASK, WELFARE_CARD_MASK } from './indicators';

export interface ProfileColumns {
  villageStart: Uint32Array;
  mask: Uint32Array;
  households: Uint32Array;
  persons: Uint32Array;
}

export interface VillageTotals {
  households: Float64Array;
  people: Float64Array;
  targetPoor: Float64Array;
  poorNoCard: Float64Array;
}

export function villageTotals(p: ProfileColumns, indicatorMask = ALL_INDICATORS_MASK): VillageTotals {
  const n = p.villageStart.length - 1;
  const households = new Float64Array(n);
  const people = new Float64Array(n);
  const targetPoor = new Float64Array(n);
  const poorNoCard = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let hh = 0, pp = 0, tp = 0, nc = 0;
    for (let r = p.villageStart[v], end = p.villageStart[v + 1]; r < end; r++) {
      const m = p.mask[r];
      const persons = p.persons[r];
      hh += p.households[r];
      pp += persons;
      if ((m & indicatorMask) !== 0) {
        if ((m & WELFARE_CARD_MASK) !== 0) tp += persons;
        else nc += persons;
      }
    }
    households[v] = hh;
    people[v] = pp;
    targetPoor[v] = tp;
    poorNoCard[v] = nc;
  }
  return { households, people, targetPoor, poorNoCard };
}

export function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
