/**
 * The union (TPMAP headcount) measures that TPMAP's published aggregate tables allow, in the same
 * shape as computeMeasures (src/domain/mpi/compute.ts) so the map, panel and CLI use one path.
 *
 * What the tables give: per area and dimension set, poor people, target poor, target poor per
 * dimension and per indicator; per area, households, people and people failing each indicator.
 * What they cannot give: anything that needs to know who is deprived in what together — the
 * Alkire–Foster score, H/A/M0 for a cutoff k, censored headcounts, contributions, or dimension
 * sets other than the tables exported. Those are NaN here, and asking for AF throws
 * AF_NEEDS_HOUSEHOLDS (the sentence the UI shows).
 *
 * An area's numbers are its own published row when imported, otherwise the exact sum of its
 * children's (counts only, never averaged rates); the import report compares the two when both exist.
 */
import { ADMIN_LEVELS, COUNTRY_CODE, LEVEL_DIGITS, type AdminLevel } from '../../domain/adminCodes';
import { DIMENSIONS, INDICATOR_COUNT, type DimensionId } from '../../domain/indicators';
import type { LevelDetail, LevelMeasures, MpiResult } from '../../domain/mpi/compute';
import { resolveSettings, type MpiSettings } from '../../domain/mpi/settings';
import type { TpmapCounts } from './countsFile';
import { COMMON_FIELDS, TABLE_FIELDS } from './tpmapCsv';

export const AF_NEEDS_HOUSEHOLDS =
  'Alkire–Foster measures (k, weights, H, A, M0) need household data — one row per household with its deprivations; TPMAP’s published tables give counts per area only, so only the TPMAP headcount measures are shown.';

/** TPMAP's file suffix for a dimension set: health,living,education,income,access → "11111". */
export function dimensionSetKey(dimensions: readonly DimensionId[]): string {
  return DIMENSIONS.map((d) => (dimensions.includes(d.id) ? '1' : '0')).join('');
}

export interface TpmapResult extends MpiResult {
  afAvailable: false;
  afUnavailableReason: string;
  /** The dimension-set table used. */
  table: string;
  availableTables: string[];
}

type ByLevel = Record<AdminLevel, Map<string, Float64Array>>;

/** Published rows where present, else exact sums of the finer level; country = Σ provinces. */
export function rollUpTable(rows: Iterable<[string, Float64Array]>, width: number): ByLevel {
  const out = {} as ByLevel;
  for (const level of ADMIN_LEVELS) out[level] = new Map();
  for (const [code, v] of rows) {
    if (code === COUNTRY_CODE) continue;
    const level = (['province', 'district', 'subdistrict', 'village'] as const).find((l) => LEVEL_DIGITS[l] === code.length);
    if (level) out[level].set(code, v);
  }
  for (let li = ADMIN_LEVELS.length - 2; li >= 0; li--) {
    const level = ADMIN_LEVELS[li];
    const fine = out[ADMIN_LEVELS[li + 1]];
    const sums = new Map<string, Float64Array>();
    for (const [code, v] of fine) {
      const parent = level === 'country' ? COUNTRY_CODE : code.slice(0, LEVEL_DIGITS[level]);
      let s = sums.get(parent);
      if (!s) sums.set(parent, (s = new Float64Array(width)));
      for (let j = 0; j < width; j++) s[j] += v[j];
    }
    for (const [code, s] of sums) if (!out[level].has(code)) out[level].set(code, s);
  }
  return out;
}

export function tpmapMeasures(counts: TpmapCounts, settings: MpiSettings): TpmapResult {
  if (settings.measure === 'af') throw new Error(AF_NEEDS_HOUSEHOLDS);
  const rs = resolveSettings({ ...settings, measure: 'tpmap' });
  const key = dimensionSetKey(rs.dimensions);
  const availableTables = [...counts.tables.keys()].filter((k) => k !== 'common').sort().reverse();
  const table = counts.tables.get(key);
  if (!table) {
    throw new Error(`TPMAP tables for the dimension set ${key} (${rs.dimensions.join(', ')}) were not imported; available: ${availableTables.join(', ') || 'none'}`);
  }
  const t = rollUpTable(table, TABLE_FIELDS.length);
  const c = rollUpTable(counts.tables.get('common') ?? [], COMMON_FIELDS.length);
  const T = (name: (typeof TABLE_FIELDS)[number]) => TABLE_FIELDS.indexOf(name);
  const C = (name: (typeof COMMON_FIELDS)[number]) => COMMON_FIELDS.indexOf(name);
  const levels = {} as Record<AdminLevel, LevelMeasures>;
  let coarserIndex = new Map<string, number>();
  for (const level of ADMIN_LEVELS) {
    const codes = [...new Set([...t[level].keys(), ...c[level].keys()])].sort();
    const n = codes.length;
    const col = () => new Float64Array(n).fill(NaN);
    const [households, people, poor, targetPoor, poorNoCard, rate, headcountRatio] = [col(), col(), col(), col(), col(), col(), col()];
    const detail: LevelDetail = {
      poorByDimension: new Float64Array(n * 5).fill(NaN),
      targetPoorByDimension: new Float64Array(n * 5).fill(NaN),
      failing: new Float64Array(n * INDICATOR_COUNT).fill(NaN),
      censored: new Float64Array(n * INDICATOR_COUNT).fill(NaN),
      targetPoorFailing: new Float64Array(n * INDICATOR_COUNT).fill(NaN),
      contributionByIndicator: new Float64Array(n * INDICATOR_COUNT).fill(NaN),
      contributionByDimension: new Float64Array(n * 5).fill(NaN),
    };
    const parent = new Int32Array(n).fill(-1);
    const index = new Map<string, number>();
    codes.forEach((code, i) => {
      index.set(code, i);
      if (level !== 'country') parent[i] = coarserIndex.get(level === 'province' ? COUNTRY_CODE : code.slice(0, code.length - 2)) ?? -1;
      const cv = c[level].get(code);
      if (cv) {
        households[i] = cv[C('households')];
        people[i] = cv[C('people')];
        for (let j = 0; j < INDICATOR_COUNT; j++) detail.failing[i * INDICATOR_COUNT + j] = cv[4 + j];
      }
      const tv = t[level].get(code);
      if (tv) {
        poor[i] = tv[T('poor')];
        targetPoor[i] = tv[T('target_poor')];
        for (let d = 0; d < 5; d++) detail.targetPoorByDimension[i * 5 + d] = tv[4 + d];
        for (let j = 0; j < INDICATOR_COUNT; j++) detail.targetPoorFailing[i * INDICATOR_COUNT + j] = tv[9 + j];
      }
      poorNoCard[i] = poor[i] - targetPoor[i];
      rate[i] = people[i] > 0 ? (rs.welfare === 'nocard' ? poorNoCard[i] : targetPoor[i]) / people[i] : NaN;
      headcountRatio[i] = people[i] > 0 ? poor[i] / people[i] : NaN;
    });
    coarserIndex = index;
    levels[level] = {
      level,
      codes,
      parent,
      households,
      people,
      poor,
      targetPoor,
      poorNoCard,
      rate,
      headcountRatio,
      intensity: col(),
      adjustedHeadcount: col(),
      poorScore: col(),
      detail,
    };
  }
  return { settings: rs, levels, afAvailable: false, afUnavailableReason: AF_NEEDS_HOUSEHOLDS, table: key, availableTables };
}
