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
import type { CountTable } from './countTable';
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

/**
 * The areas of one (dimension-set table, common table) pair at every level, sorted, with each
 * one's published row in either table and its parent: built once per pair and kept (a national
 * year is ~91,000 areas; issue 16 asks a subset or level change to repaint in ≤ 200 ms, so a
 * change of subset must not rebuild Maps of row copies).
 */
interface Structure {
  levels: { codes: string[]; parent: Int32Array; rowT: Int32Array; rowC: Int32Array }[];
}
const NO_COMMON = {};
/**
 * Per common table, the structures built so far, each with the presence it was built from: the
 * 31 subset tables of one import have the same rows, so they share one structure (and its code
 * lists, which the worker session maps to its rows once). Tables are not changed once measured.
 */
const structures = new WeakMap<object, { index: CodeIndexLike; present: Uint8Array; s: Structure }[]>();
type CodeIndexLike = CountTable['index'];

function samePresence(a: Uint8Array, b: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return false;
  return true;
}
/** ADMIN_LEVELS order (country, province, district, subdistrict, village): code digits. */
const DIGITS_OF_LEVEL = ADMIN_LEVELS.map((l) => (l === 'country' ? 0 : LEVEL_DIGITS[l]));

function structureOf(t: CountTable, c: CountTable | null): Structure {
  let built = structures.get(c ?? NO_COMMON);
  if (!built) structures.set(c ?? NO_COMMON, (built = []));
  const n0 = t.index.size;
  const cached = built.find((b) => b.index === t.index && samePresence(b.present, t.present, n0));
  if (cached) return cached.s;
  const L = ADMIN_LEVELS.length;
  // Published codes per level, each with its row in t and in c (-1: none).
  const maps: Map<string, [number, number]>[] = ADMIN_LEVELS.map(() => new Map());
  const addRows = (table: CountTable, slot: 0 | 1) => {
    const codes = table.index.codes;
    const n = Math.min(codes.length, table.present.length);
    const present = table.present;
    for (let i = 0; i < n; i++) {
      if (!present[i]) continue;
      const code = codes[i];
      if (code === COUNTRY_CODE) continue;
      const li = DIGITS_OF_LEVEL.indexOf(code.length);
      if (li <= 0) continue;
      let e = maps[li].get(code);
      if (!e) maps[li].set(code, (e = [-1, -1]));
      e[slot] = i;
    }
  };
  addRows(t, 0);
  if (c) addRows(c, 1);
  // Areas implied by finer ones (their sums), finest first; the country when any province exists.
  for (let li = L - 1; li >= 1; li--) {
    const coarser = maps[li - 1];
    const d = DIGITS_OF_LEVEL[li - 1];
    for (const code of maps[li].keys()) {
      const p = li === 1 ? COUNTRY_CODE : code.slice(0, d);
      if (!coarser.has(p)) coarser.set(p, [-1, -1]);
    }
  }
  const levels: Structure['levels'] = [];
  let coarserIndex = new Map<string, number>();
  for (let li = 0; li < L; li++) {
    const codes = [...maps[li].keys()].sort();
    const n = codes.length;
    const parent = new Int32Array(n).fill(-1);
    const rowT = new Int32Array(n);
    const rowC = new Int32Array(n);
    const index = new Map<string, number>();
    for (let k = 0; k < n; k++) {
      const code = codes[k];
      index.set(code, k);
      const e = maps[li].get(code)!;
      rowT[k] = e[0];
      rowC[k] = e[1];
      if (li > 0) parent[k] = coarserIndex.get(li === 1 ? COUNTRY_CODE : code.slice(0, code.length - 2)) ?? -1;
    }
    coarserIndex = index;
    levels.push({ codes, parent, rowT, rowC });
  }
  const s = { levels };
  built.push({ index: t.index, present: t.present.slice(0, n0), s });
  return s;
}

/**
 * One table's rows at every level: published where the table has the row, else the exact sum
 * of the level below (float64; a NaN stays NaN, as a missing column must). `has` marks the areas
 * the table reaches (published, or with a reached child). The finest level is read straight from
 * the table (`rows` into `data`): copying 82,000 villages × 27 counts per call was most of the
 * time and garbage of a subset change.
 */
interface Rolled {
  values: Float64Array | Float32Array;
  /** Row of area k in values (k itself for summed levels; the table's row for the finest). */
  rows: Int32Array | null;
  has: Uint8Array;
}
function rollUp(s: Structure, table: CountTable | null, slot: 'rowT' | 'rowC', w: number): Rolled[] {
  const L = s.levels.length;
  const out: Rolled[] = new Array(L);
  const data = table?.data ?? new Float32Array(0);
  const finest = s.levels[L - 1][slot];
  const finestHas = new Uint8Array(finest.length);
  for (let k = 0; k < finest.length; k++) finestHas[k] = finest[k] >= 0 ? 1 : 0;
  out[L - 1] = { values: data, rows: finest, has: finestHas };
  for (let li = L - 2; li >= 0; li--) {
    const lv = s.levels[li];
    const n = lv.codes.length;
    const values = new Float64Array(n * w);
    const has = new Uint8Array(n);
    const finer = out[li + 1];
    const fp = s.levels[li + 1].parent;
    const fv = finer.values;
    const rows = lv[slot];
    // An area with its own published row takes that row (below): its children's sum would be
    // overwritten, so it is not summed. A TPMAP export publishes every level (amphur and tambol
    // tables), which made these sums ~2/3 of a subset change's compute for nothing.
    for (let k = 0; k < fp.length; k++) {
      const p = fp[k];
      if (!finer.has[k] || p < 0) continue;
      has[p] = 1;
      if (table && rows[p] >= 0) continue;
      const o = (finer.rows ? finer.rows[k] : k) * w;
      for (let j = 0; j < w; j++) values[p * w + j] += fv[o + j];
    }
    if (table) for (let k = 0; k < n; k++) {
      const r = rows[k];
      if (r < 0) continue;
      has[k] = 1;
      for (let j = 0; j < w; j++) values[k * w + j] = data[r * w + j];
    }
    out[li] = { values, rows: null, has };
  }
  return out;
}

/** What a level's result takes from the common table (and the columns TPMAP cannot give): per structure. */
interface CommonPart {
  households: Float64Array;
  people: Float64Array;
  failing: Float64Array;
  /** NaN columns (AF-only), shared by every result of the structure. */
  none: Float64Array;
  noneByDimension: Float64Array;
  noneByIndicator: Float64Array;
}
const commonParts = new WeakMap<Structure, CommonPart[]>();

function commonPartsOf(s: Structure, common: CountTable | null): CommonPart[] {
  let parts = commonParts.get(s);
  if (parts) return parts;
  const wC = COMMON_FIELDS.length;
  const cHouseholds = COMMON_FIELDS.indexOf('households');
  const cPeople = COMMON_FIELDS.indexOf('people');
  const c = rollUp(s, common, 'rowC', wC);
  parts = s.levels.map((lv, li) => {
    const n = lv.codes.length;
    const households = new Float64Array(n).fill(NaN);
    const people = new Float64Array(n).fill(NaN);
    const failing = new Float64Array(n * INDICATOR_COUNT).fill(NaN);
    const { values, rows, has } = c[li];
    for (let i = 0; i < n; i++) {
      if (!has[i]) continue;
      const o = (rows ? rows[i] : i) * wC;
      households[i] = values[o + cHouseholds];
      people[i] = values[o + cPeople];
      for (let j = 0; j < INDICATOR_COUNT; j++) failing[i * INDICATOR_COUNT + j] = values[o + 4 + j];
    }
    return { households, people, failing, none: new Float64Array(n).fill(NaN), noneByDimension: new Float64Array(n * 5).fill(NaN), noneByIndicator: new Float64Array(n * INDICATOR_COUNT).fill(NaN) };
  });
  commonParts.set(s, parts);
  return parts;
}

/** Copies each reached area's poor and target poor out of its row. */
function readRows(values: Float32Array | Float64Array, rows: Int32Array | null, has: Uint8Array, n: number, w: number, tPoor: number, tTarget: number, poor: Float64Array, targetPoor: Float64Array): void {
  for (let i = 0; i < n; i++) {
    if (!has[i]) continue;
    const o = (rows ? rows[i] : i) * w;
    poor[i] = values[o + tPoor];
    targetPoor[i] = values[o + tTarget];
  }
}

/** Copies each reached area's target poor by dimension (×5) and by indicator (×17) out of its row. */
function readDetailRows(values: Float32Array | Float64Array, rows: Int32Array | null, has: Uint8Array, n: number, w: number, byDim: Float64Array, failing: Float64Array): void {
  for (let i = 0; i < n; i++) {
    if (!has[i]) continue;
    const o = (rows ? rows[i] : i) * w;
    for (let d = 0; d < 5; d++) byDim[i * 5 + d] = values[o + 4 + d];
    for (let j = 0; j < INDICATOR_COUNT; j++) failing[i * INDICATOR_COUNT + j] = values[o + 9 + j];
  }
}

/**
 * The target poor by dimension and by indicator, read out of the rows when first asked for: they
 * are 22 of a level's 27 columns (at village level 22 × 82,000 × 8 bytes ≈ 14 MB per subset
 * change), and the map needs them only for the measures that show them and the detail of a few
 * areas. Fresh typed arrays cost about 3 ns a byte in a Chromium worker here (page faults), so
 * allocating them up front was most of a national subset change's compute (issue 16 item 4).
 */
function lazyDetail(base: Omit<LevelDetail, 'targetPoorByDimension' | 'targetPoorFailing'>, read: (byDim: Float64Array, failing: Float64Array) => void, n: number): LevelDetail {
  let byDim: Float64Array | null = null;
  let failing: Float64Array | null = null;
  const make = () => {
    byDim = new Float64Array(n * 5).fill(NaN);
    failing = new Float64Array(n * INDICATOR_COUNT).fill(NaN);
    read(byDim, failing);
  };
  return {
    ...base,
    get targetPoorByDimension() {
      if (!byDim) make();
      return byDim!;
    },
    get targetPoorFailing() {
      if (!failing) make();
      return failing!;
    },
  };
}

/**
 * Published rows where present, else exact sums of the finer level; country = Σ provinces.
 * Columns that do not depend on the settings (households, people, failing, and the AF-only NaN
 * columns) are shared between results of the same tables: read them, never write them.
 */
export function tpmapMeasures(counts: TpmapCounts, settings: MpiSettings): TpmapResult {
  if (settings.measure === 'af') throw new Error(AF_NEEDS_HOUSEHOLDS);
  const rs = resolveSettings({ ...settings, measure: 'tpmap' });
  const key = dimensionSetKey(rs.dimensions);
  const availableTables = [...counts.tables.keys()].filter((k) => k !== 'common').sort().reverse();
  const table = counts.tables.get(key);
  if (!table) {
    throw new Error(`TPMAP tables for the dimension set ${key} (${rs.dimensions.join(', ')}) were not imported; available: ${availableTables.join(', ') || 'none'}`);
  }
  const common = counts.tables.get('common') ?? null;
  const s = structureOf(table, common);
  const wT = TABLE_FIELDS.length;
  const t = rollUp(s, table, 'rowT', wT);
  const cp = commonPartsOf(s, common);
  const tPoor = TABLE_FIELDS.indexOf('poor');
  const tTarget = TABLE_FIELDS.indexOf('target_poor');
  const nocard = rs.welfare === 'nocard';
  const levels = {} as Record<AdminLevel, LevelMeasures>;
  ADMIN_LEVELS.forEach((level, li) => {
    const { codes, parent } = s.levels[li];
    const n = codes.length;
    const { households, people, failing, none, noneByDimension, noneByIndicator } = cp[li];
    const col = () => new Float64Array(n).fill(NaN);
    const [poor, targetPoor, poorNoCard, rate, headcountRatio] = [col(), col(), col(), col(), col()];
    const { values, rows, has } = t[li];
    // A function of its own, not inline in this per-level closure: optimised once, it ran the
    // national village level ~2× faster (Node, 82,000 villages × 24 columns).
    readRows(values, rows, has, n, wT, tPoor, tTarget, poor, targetPoor);
    for (let i = 0; i < n; i++) {
      poorNoCard[i] = poor[i] - targetPoor[i];
      rate[i] = people[i] > 0 ? (nocard ? poorNoCard[i] : targetPoor[i]) / people[i] : NaN;
      headcountRatio[i] = people[i] > 0 ? poor[i] / people[i] : NaN;
    }
    const detail = lazyDetail(
      { poorByDimension: noneByDimension, failing, censored: noneByIndicator, contributionByIndicator: noneByIndicator, contributionByDimension: noneByDimension },
      (byDim, tpf) => readDetailRows(values, rows, has, n, wT, byDim, tpf),
      n,
    );
    levels[level] = { level, codes, parent, households, people, poor, targetPoor, poorNoCard, rate, headcountRatio, intensity: none, adjustedHeadcount: none, poorScore: none, detail };
  });
  return { settings: rs, levels, afAvailable: false, afUnavailableReason: AF_NEEDS_HOUSEHOLDS, table: key, availableTables };
}
