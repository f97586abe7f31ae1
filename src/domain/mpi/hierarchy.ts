/**
 * The admin hierarchy implied by village codes alone: a village's subdistrict, district and
 * province are its first 6, 4 and 2 digits (DOPA), so an imported dataset aggregates without
 * boundaries. Villages are sorted by code, so every area is a contiguous run of villages (and of
 * profile rows): aggregation is a sum over runs, never a lookup.
 */
import { ADMIN_LEVELS, COUNTRY_CODE, type AdminLevel } from '../adminCodes';

export interface AreaLevel {
  level: AdminLevel;
  /** DOPA codes ascending ("TH" for the country). */
  codes: string[];
  /** Area i covers villages villageStart[i] .. villageStart[i+1]-1. */
  villageStart: Uint32Array;
  /** Area i covers areas childStart[i] .. childStart[i+1]-1 of the next finer level (villages: empty). */
  childStart: Uint32Array;
  /** Index of each area's parent in the next coarser level (country: -1). */
  parent: Int32Array;
}

export interface Hierarchy {
  villageCount: number;
  levels: Record<AdminLevel, AreaLevel>;
  /** Finds the level and index of a code; undefined when no village has it as an ancestor. */
  find(code: string): { level: AdminLevel; index: number } | undefined;
}

const DIVISOR: Record<Exclude<AdminLevel, 'country'>, number> = { province: 1e6, district: 1e4, subdistrict: 100, village: 1 };
const DIGITS: Record<Exclude<AdminLevel, 'country'>, number> = { province: 2, district: 4, subdistrict: 6, village: 8 };

/** Build the hierarchy from 8-digit village codes (ascending, distinct, as in villages.bin). */
export function buildHierarchy(villageCodes: Uint32Array): Hierarchy {
  const n = villageCodes.length;
  for (let v = 0; v < n; v++) {
    const c = villageCodes[v];
    if (c < 10_000_000 || c > 96_999_999) throw new Error(`villages: code ${c} at index ${v} is not an 8-digit DOPA village code`);
    if (v > 0 && c <= villageCodes[v - 1]) throw new Error(`villages: codes must be ascending and distinct (index ${v}: ${villageCodes[v - 1]} then ${c})`);
  }
  const levels = {} as Record<AdminLevel, AreaLevel>;
  levels.country = { level: 'country', codes: [COUNTRY_CODE], villageStart: Uint32Array.of(0, n), childStart: new Uint32Array(0), parent: Int32Array.of(-1) };
  for (const level of ['province', 'district', 'subdistrict', 'village'] as const) {
    const div = DIVISOR[level];
    const starts: number[] = [];
    const codes: string[] = [];
    let prev = -1;
    for (let v = 0; v < n; v++) {
      const key = Math.floor(villageCodes[v] / div);
      if (key !== prev) {
        starts.push(v);
        codes.push(String(key).padStart(DIGITS[level], '0'));
        prev = key;
      }
    }
    starts.push(n);
    levels[level] = { level, codes, villageStart: Uint32Array.from(starts), childStart: new Uint32Array(0), parent: new Int32Array(codes.length) };
  }
  // Link each level to its finer one: both are runs over the same villages.
  for (let li = 0; li < ADMIN_LEVELS.length - 1; li++) {
    const coarse = levels[ADMIN_LEVELS[li]];
    const fine = levels[ADMIN_LEVELS[li + 1]];
    const childStart = new Uint32Array(coarse.codes.length + 1);
    let f = 0;
    for (let a = 0; a < coarse.codes.length; a++) {
      childStart[a] = f;
      const end = coarse.villageStart[a + 1];
      while (f < fine.codes.length && fine.villageStart[f] < end) fine.parent[f++] = a;
    }
    childStart[coarse.codes.length] = f;
    coarse.childStart = childStart;
  }
  const indexByCode = new Map<string, { level: AdminLevel; index: number }>();
  for (const level of ADMIN_LEVELS) levels[level].codes.forEach((code, index) => indexByCode.set(code, { level, index }));
  return { villageCount: n, levels, find: (code) => indexByCode.get(code) };
}

/**
 * Sum a per-area column of `fine` into its parents (exact: counts are summed, never averaged).
 * `width` values per area (row-major), e.g. 17 for per-indicator counts.
 */
export function sumIntoParents(coarse: AreaLevel, fineValues: Float64Array, width = 1): Float64Array {
  const out = new Float64Array(coarse.codes.length * width);
  const cs = coarse.childStart;
  for (let a = 0; a < coarse.codes.length; a++) {
    const end = cs[a + 1];
    if (width === 1) {
      let s = 0;
      for (let f = cs[a]; f < end; f++) s += fineValues[f];
      out[a] = s;
    } else {
      const base = a * width;
      for (let f = cs[a]; f < end; f++) {
        const fb = f * width;
        for (let j = 0; j < width; j++) out[base + j] += fineValues[fb + j];
      }
    }
  }
  return out;
}
