/**
 * Dataset totals for `cli summary` (a stable, documented interface: keys are snake_case).
 * Target poor and poor with no welfare card follow TPMAP's rule over all 5 dimensions
 * (DESIGN.md §2.2), computed by the same domain code as everything else (domain/mpi).
 */
import { computeMeasures, prepareProfiles, type ProfileRows } from './mpi';
import { DIMENSION_IDS } from './indicators';

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
  /** What the workspace holds (issue 8 item 7). */
  layers: {
    boundaries: Record<string, number>;
    villages: { total: number; located: number };
    services: Record<string, number>;
    rasters: { file: string; bands: number; width: number; height: number }[];
    village_data: number;
    poverty_years: number[];
  };
  /** Ids of the synthetic layers ([] for a real workspace). */
  synthetic_layers: string[];
  layer_sources: { id: string; synthetic: boolean; summary: string; files: string[]; attribution: string | null }[];
  joins: { poverty_without_polygon: Record<string, number>; polygons_without_poverty: Record<string, number> };
}

export function summariseYear(villageCodes: Uint32Array, rows: ProfileRows): YearSummary {
  const r = computeMeasures(prepareProfiles(villageCodes, rows), { measure: 'tpmap', dimensions: DIMENSION_IDS, k: 1, weights: null, welfare: 'all' });
  const c = r.levels.country;
  return {
    households: c.households[0],
    people: c.people[0],
    target_poor: c.targetPoor[0],
    poor_no_card: c.poorNoCard[0],
    target_poor_rate: c.people[0] > 0 ? c.targetPoor[0] / c.people[0] : 0,
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
