/**
 * Settings-independent facts of one year's profiles, computed once per dataset and year so that
 * every slider move only pays for what the settings change (DESIGN.md §2.3).
 */
import type { AdminLevel } from '../adminCodes';
import { ADMIN_LEVELS } from '../adminCodes';
import { WELFARE_CARD_BIT } from '../indicators';
import { buildHierarchy, sumIntoParents, type Hierarchy } from './hierarchy';

/** Household deprivation profiles (structurally the Profiles type of src/data/dataset.ts). */
export interface ProfileRows {
  year?: number;
  /** Rows of village v are villageStart[v] .. villageStart[v+1]-1. */
  villageStart: Uint32Array;
  /** Bits 0..16 = INDICATORS, bit 17 = welfare card. */
  mask: Uint32Array;
  households: Uint32Array;
  persons: Uint32Array;
}

export interface PreparedProfiles {
  year?: number;
  hierarchy: Hierarchy;
  rows: ProfileRows;
  /** People and households per area, every level. */
  people: Record<AdminLevel, Float64Array>;
  households: Record<AdminLevel, Float64Array>;
  /** The country's distinct masks with their people: country-wide detail without a row scan. */
  national: { mask: Uint32Array; persons: Float64Array };
}

const MAX_MASK = (1 << (WELFARE_CARD_BIT + 1)) - 1;

/** Check the profile arrays against the village list; errors name the column and row. */
export function validateProfiles(villageCount: number, p: ProfileRows): void {
  const { villageStart: vs, mask, households, persons } = p;
  if (vs.length !== villageCount + 1) throw new Error(`profiles: villageStart has ${vs.length} entries, expected ${villageCount + 1} (villages + 1)`);
  const rows = mask.length;
  if (households.length !== rows || persons.length !== rows) throw new Error(`profiles: mask, households and persons must have equal length (${rows}, ${households.length}, ${persons.length})`);
  if (vs[0] !== 0 || vs[villageCount] !== rows) throw new Error(`profiles: villageStart must run from 0 to ${rows} (got ${vs[0]} … ${vs[villageCount]})`);
  for (let v = 0; v < villageCount; v++) if (vs[v + 1] < vs[v]) throw new Error(`profiles: villageStart decreases at village index ${v}`);
  for (let r = 0; r < rows; r++) {
    if (mask[r] > MAX_MASK) throw new Error(`profiles: row ${r} has mask ${mask[r]} with bits above ${WELFARE_CARD_BIT}`);
  }
}

/** Prepare a year's profiles over the villages (8-digit codes ascending, as in villages.bin). */
export function prepareProfiles(villageCodes: Uint32Array, rows: ProfileRows): PreparedProfiles {
  const hierarchy = buildHierarchy(villageCodes);
  validateProfiles(villageCodes.length, rows);
  const n = villageCodes.length;
  const vPeople = new Float64Array(n);
  const vHouseholds = new Float64Array(n);
  const personsByMask = new Float64Array(MAX_MASK + 1);
  const { villageStart: vs, mask, persons, households } = rows;
  for (let v = 0; v < n; v++) {
    let p = 0;
    let h = 0;
    for (let r = vs[v]; r < vs[v + 1]; r++) {
      p += persons[r];
      h += households[r];
      personsByMask[mask[r]] += persons[r];
    }
    vPeople[v] = p;
    vHouseholds[v] = h;
  }
  const people = rollUp(hierarchy, vPeople);
  const householdsByLevel = rollUp(hierarchy, vHouseholds);
  const present: number[] = [];
  for (let m = 0; m <= MAX_MASK; m++) if (personsByMask[m] > 0) present.push(m);
  const national = { mask: Uint32Array.from(present), persons: Float64Array.from(present, (m) => personsByMask[m]) };
  return { year: rows.year, hierarchy, rows, people, households: householdsByLevel, national };
}

/** Village column → every level by exact sums (width values per area). */
export function rollUp(h: Hierarchy, village: Float64Array, width = 1): Record<AdminLevel, Float64Array> {
  const out = { village } as Record<AdminLevel, Float64Array>;
  for (let li = ADMIN_LEVELS.length - 2; li >= 0; li--) {
    const level = ADMIN_LEVELS[li];
    out[level] = sumIntoParents(h.levels[level], out[ADMIN_LEVELS[li + 1]], width);
  }
  return out;
}
