/**
 * Dataset totals for `cli summary` (a stable, documented interface: keys are snake_case).
 * Target poor and poor with no welfare card follow TPMAP's rule over all 5 dimensions
 * (DESIGN.md §2.2).
 */
import { sum, villageTotals, type ProfileColumns } from './areaTotals';

export interface YearSummary {
  households: number;
  people: number;
  target_poor: number;
  poor_no_card: number;
  target_poor_rate: number;
}

export interface DatasetSummary {
  title: string;
  synthetic: boolean;
  provinces: number;
  districts: number;
  subdistricts: number;
  villages: number;
  services: Record<string, number>;
  by_year: Record<string, YearSummary>;
}

export function summariseYear(p: ProfileColumns): YearSummary {
  const t = villageTotals(p);
  const people = sum(t.people);
  const targetPoor = sum(t.targetPoor);
  return {
    households: sum(t.households),
    people,
    target_poor: targetPoor,
    poor_no_card: sum(t.poorNoCard),
    target_poor_rate: people > 0 ? targetPoor / people : 0,
  };
}

/** Count of services by their `type` value, plus `total`. */
export function countByType(types: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  let total = 0;
  for (const ty of types) {
    out[ty] = (out[ty] ?? 0) + 1;
    total++;
  }
  return { ...Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b))), total };
}
