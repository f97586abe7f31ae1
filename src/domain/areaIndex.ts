/**
 * The admin hierarchy implied by village codes: a village's parents follow from its first
 * 6, 4 and 2 digits (DOPA), so any dataset aggregates without boundaries. Built once per
 * dataset; every aggregation is then a pass over villages adding into per-level arrays.
 */
import { COUNTRY_CODE, type AdminLevel } from './adminCodes';

export type AggregateLevel = Exclude<AdminLevel, 'village'>;
export const AGGREGATE_LEVELS: readonly AggregateLevel[] = ['country', 'province', 'district', 'subdistrict'];

export interface AreaIndex {
  villageCount: number;
  /** 8-digit village codes as strings, in dataset order. */
  villageCodes: string[];
  /** Sorted unique codes of each aggregate level (country = ['TH']). */
  codes: Record<AggregateLevel, string[]>;
  /** For each level, the index into codes[level] of each village. */
  villageArea: Record<AggregateLevel, Int32Array>;
  /** Lookup code → index within its level (villages included). */
  position: Map<string, number>;
}

const DIGITS: Record<AggregateLevel, number> = { country: 0, province: 2, district: 4, subdistrict: 6 };

export function buildAreaIndex(villageCodes: ArrayLike<number> | string[]): AreaIndex {
  const n = villageCodes.length;
  const strings: string[] = new Array(n);
  for (let i = 0; i < n; i++) strings[i] = String(villageCodes[i]).padStart(8, '0');
  const codes = {} as Record<AggregateLevel, string[]>;
  const villageArea = {} as Record<AggregateLevel, Int32Array>;
  const position = new Map<string, number>();
  for (const level of AGGREGATE_LEVELS) {
    const d = DIGITS[level];
    const unique = level === 'country' ? [COUNTRY_CODE] : Array.from(new Set(strings.map((s) => s.slice(0, d)))).sort();
    const at = new Map(unique.map((c, i) => [c, i]));
    const idx = new Int32Array(n);
    if (level !== 'country') for (let i = 0; i < n; i++) idx[i] = at.get(strings[i].slice(0, d))!;
    codes[level] = unique;
    villageArea[level] = idx;
    for (const [c, i] of at) position.set(c, i);
  }
  strings.forEach((s, i) => position.set(s, i));
  return { villageCount: n, villageCodes: strings, codes, villageArea, position };
}

/** Sum a per-village column into a per-area column at `level`. */
export function sumByArea(index: AreaIndex, level: AggregateLevel, perVillage: ArrayLike<number>): Float64Array {
  const out = new Float64Array(index.codes[level].length);
  const area = index.villageArea[level];
  for (let i = 0; i < index.villageCount; i++) out[area[i]] += perVillage[i];
  return out;
}
