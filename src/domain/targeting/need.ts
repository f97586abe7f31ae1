/**
 * Need (DESIGN.md §2.5, issue 9 item 2): any poverty measure column — a count of people (target
 * poor, poor, poor without a welfare card, target poor in a dimension) or a rate (M0, H) — taken
 * as a rate or as a count, then normalised like the potential inputs (normalise.ts). Rate and count
 * give different lists (a big district with a low rate can hold more poor people than a small one
 * with a high rate), so both are offered.
 *
 *   count column, as 'rate'  → count ÷ people      (NaN without people)
 *   count column, as 'count' → count
 *   rate column,  as 'rate'  → rate
 *   rate column,  as 'count' → rate × people        (e.g. M0 × people = Σ c over the poor)
 */
import { normaliseColumn, type NormalisationMethod } from './normalise';

export type NeedAs = 'rate' | 'count';

export interface NeedColumn {
  /** Measure id as the caller names it, e.g. 'target_poor', 'adjusted_headcount', 'dimension:health'. */
  id: string;
  kind: 'count' | 'rate';
  values: ArrayLike<number>;
}

/** Raw need per area for `as` (NaN where it cannot be computed). */
export function needValues(column: NeedColumn, as: NeedAs, people: ArrayLike<number>): Float64Array {
  const n = column.values.length;
  if (people.length !== n) throw new Error(`need: "${column.id}" has ${n} values for ${people.length} areas`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = column.values[i];
    const p = people[i];
    if (column.kind === as) out[i] = Number.isFinite(v) ? v : NaN;
    else if (as === 'rate') out[i] = p > 0 && Number.isFinite(v) ? v / p : NaN;
    else out[i] = Number.isFinite(v) && Number.isFinite(p) ? v * p : NaN;
  }
  return out;
}

/** Normalised need (higher = more need), same method as the potential. */
export function normaliseNeed(values: Float64Array, method: NormalisationMethod, scope?: Uint8Array): Float64Array {
  return normaliseColumn(values, method, scope).values;
}
