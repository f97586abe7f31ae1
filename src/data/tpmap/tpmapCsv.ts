/**
 * TPMAP's public CSV exports (NESDC/NECTEC), as seen in ../shared/realdata/tpmap2561:
 *   {yy}_{province}_{village|tambol|amphur}_{table}.csv   and   {yy}_province_{table}.csv
 * where table is a 5-digit dimension set (health,living,education,income,access; 11111 = all)
 * or `common` (surveyed households and people, BMN indicator counts), plus village name lists
 * `bmn{yy}.village_name_{province}.csv`. Ids: village_ID is 10 digits (8-digit DOPA code + 2),
 * tumbol_ID 6, amphur_ID 4, province_ID 2. In the dimension tables `poor.JPT.MOFval.CNT` is the
 * target poor (poor AND validated welfare card), `poor.JPT.MOFval.<dimension>` the target poor
 * per dimension and `poor.JPT.MOFval.ind<n>.CNT` the target poor failing BMN indicator n.
 *
 * Parsed with papaparse from strings, so the same code runs in a browser worker (drop a file on
 * the app) and in Node (the CLI). Every problem names the file, the line and the column.
 */
import Papa from 'papaparse';
import { normaliseAdminCode, type AdminLevel } from '../../domain/adminCodes';
import { DIMENSIONS, INDICATORS } from '../../domain/indicators';
import { quoteForMessage } from '../privacy';

/** Fields of a `common` row, in this order (also the counts-file columns). */
export const COMMON_FIELDS = ['households', 'people', 'card_registered_people', 'card_people', ...INDICATORS.map((i) => `failing_${i.id}`)] as const;
/** Fields of a dimension-table row, in this order (also the counts-file columns). */
export const TABLE_FIELDS = [
  'poor_households',
  'poor',
  'poor_card_registered',
  'target_poor',
  ...DIMENSIONS.map((d) => `target_poor_${d.id}`),
  ...INDICATORS.map((i) => `target_poor_${i.id}`),
] as const;

const TPMAP_DIMENSION_COLUMN: Record<string, string> = { health: 'health', living: 'living', education: 'education', income: 'income', access: 'accessibility' };

/** Source column of each field (TPMAP's names). */
const COMMON_SOURCE: string[] = ['household.CNT', 'HOUSEMEMBER_CNT', 'MOF_REG_CNT', 'MOF_VAL_CNT', ...INDICATORS.map((i) => `indicator${i.bmn}.CNT`)];
const TABLE_SOURCE: string[] = [
  'poor.household.CNT',
  'poor.JPT.CNT',
  'poor.JPT.MOFreg.CNT',
  'poor.JPT.MOFval.CNT',
  ...DIMENSIONS.map((d) => `poor.JPT.MOFval.${TPMAP_DIMENSION_COLUMN[d.id]}`),
  ...INDICATORS.map((i) => `poor.JPT.MOFval.ind${i.bmn}.CNT`),
];
const COMMON_REQUIRED = ['household.CNT', 'HOUSEMEMBER_CNT'];
const TABLE_REQUIRED = ['poor.JPT.CNT', 'poor.JPT.MOFval.CNT'];

const ID_COLUMNS: Record<Exclude<AdminLevel, 'country'>, string[]> = {
  village: ['village_ID'],
  subdistrict: ['tumbol_ID', 'tambol_ID'],
  district: ['amphur_ID'],
  province: ['province_ID'],
};
const FILE_LEVEL: Record<string, Exclude<AdminLevel, 'country'>> = { village: 'village', tambol: 'subdistrict', tumbol: 'subdistrict', amphur: 'district' };
const CODE_DIGITS = { province: 2, district: 4, subdistrict: 6, village: 8 } as const;

export type TpmapFileKind =
  | { kind: 'table'; year: number; level: Exclude<AdminLevel, 'country'>; table: string; province?: string }
  | { kind: 'names'; year: number; province: string };

/** Recognise a TPMAP export by its file name (any directory part is ignored); null if not one. */
export function classifyTpmapFile(path: string): TpmapFileKind | null {
  const name = path.split(/[\\/]/).pop() ?? path;
  let m = /^(\d{2})_(\d{2})_(village|tambol|tumbol|amphur)_(\d{5}|common)\.csv$/i.exec(name);
  if (m) return { kind: 'table', year: 2500 + Number(m[1]), province: m[2], level: FILE_LEVEL[m[3].toLowerCase()], table: m[4].toLowerCase() };
  m = /^(\d{2})_province_(\d{5}|common)\.csv$/i.exec(name);
  if (m) return { kind: 'table', year: 2500 + Number(m[1]), level: 'province', table: m[2].toLowerCase() };
  m = /^bmn(\d{2})\.village_name_(\d{2})\.csv$/i.exec(name);
  if (m) return { kind: 'names', year: 2500 + Number(m[1]), province: m[2] };
  return null;
}

export interface CellProblem {
  file: string;
  line: number;
  column?: string;
  message: string;
}

export interface TpmapTable {
  file: string;
  year: number;
  level: Exclude<AdminLevel, 'country'>;
  /** 'common' or a 5-digit dimension set. */
  table: string;
  /** DOPA code → values in COMMON_FIELDS or TABLE_FIELDS order (NaN where the column is absent). */
  rows: Map<string, Float64Array>;
  /** Rows skipped, with why (file, line, column). */
  problems: CellProblem[];
  /** Columns of TABLE_/COMMON_SOURCE the file does not have. */
  missingColumns: string[];
  /** Data rows read (records), before split villages were summed. */
  records: number;
  /**
   * Villages published as several records (`…01`, `…02`: one moo split between local
   * administrations, disjoint households): how many villages, and how many records they had.
   */
  split: { villages: number; records: number };
}

function parseCsv(text: string, file: string): string[][] {
  const res = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  if (res.errors.length) {
    const e = res.errors[0];
    throw new Error(`${file}: line ${(e.row ?? 0) + 1}: ${e.message}`);
  }
  return res.data;
}

/** Parse one dimension or common table. Throws on a wrong header; bad rows become problems. */
export function parseTpmapTable(text: string, file: string): TpmapTable {
  const kind = classifyTpmapFile(file);
  if (!kind || kind.kind !== 'table') throw new Error(`${file}: not a TPMAP table name ({yy}_{province}_{village|tambol|amphur}_{11111|…|common}.csv or {yy}_province_{…}.csv)`);
  const data = parseCsv(text, file);
  if (!data.length) throw new Error(`${file}: empty file`);
  const header = data[0].map((h) => h.trim());
  const idColumn = header.findIndex((h) => ID_COLUMNS[kind.level].includes(h));
  if (idColumn < 0) throw new Error(`${file}: line 1: no ${ID_COLUMNS[kind.level].join(' or ')} column for a ${kind.level} table (header starts ${header.slice(0, 3).join(',')})`);
  const isCommon = kind.table === 'common';
  const source = isCommon ? COMMON_SOURCE : TABLE_SOURCE;
  const required = isCommon ? COMMON_REQUIRED : TABLE_REQUIRED;
  const missingRequired = required.filter((c) => !header.includes(c));
  if (missingRequired.length) throw new Error(`${file}: line 1: missing column${missingRequired.length > 1 ? 's' : ''} ${missingRequired.join(', ')}`);
  const position = source.map((c) => header.indexOf(c));
  const table: TpmapTable = { file, year: kind.year, level: kind.level, table: kind.table, rows: new Map(), problems: [], missingColumns: source.filter((_, f) => position[f] < 0), records: 0, split: { villages: 0, records: 0 } };
  const digits = CODE_DIGITS[kind.level];
  // TPMAP's 10-digit village_ID is the 8-digit DOPA code plus a 2-digit part number: a moo split
  // between a municipality and an SAO is published as one record per part. The parts hold
  // disjoint households, so they are summed into their village; only a repeated raw id is a
  // duplicate. rawIds: 8-digit code → the raw ids seen for it.
  const rawIds = new Map<string, string[]>();
  for (let r = 1; r < data.length; r++) {
    const line = r + 1;
    const row = data[r];
    const rawId = (row[idColumn] ?? '').trim();
    const code = normaliseAdminCode(rawId);
    if (code === null || code.length !== digits) {
      table.problems.push({ file, line, column: header[idColumn], message: `"${quoteForMessage(rawId)}" is not a ${kind.level} code (${digits === 8 ? '10-digit TPMAP id or 8 digits' : `${digits} digits`})` });
      continue;
    }
    if (kind.province && !code.startsWith(kind.province)) {
      table.problems.push({ file, line, column: header[idColumn], message: `code ${code} is outside province ${kind.province} named in the file name` });
      continue;
    }
    const seenIds = rawIds.get(code);
    const normalisedRaw = rawId.replace(/\.0+$/, '');
    if (seenIds?.includes(normalisedRaw) || (seenIds && digits !== 8)) {
      table.problems.push({ file, line, column: header[idColumn], message: `code ${code} appears twice` });
      continue;
    }
    const values = new Float64Array(source.length).fill(NaN);
    let bad: CellProblem | null = null;
    for (let f = 0; f < source.length; f++) {
      const p = position[f];
      if (p < 0) continue;
      const raw = (row[p] ?? '').trim();
      const v = Number(raw);
      if (raw === '' || !Number.isInteger(v) || v < 0) {
        bad = { file, line, column: source[f], message: `"${raw}" is not a count (a whole number ≥ 0)` };
        break;
      }
      values[f] = v;
    }
    if (bad) {
      table.problems.push(bad);
      continue;
    }
    table.records += 1;
    const earlier = table.rows.get(code);
    if (earlier) {
      for (let f = 0; f < source.length; f++) earlier[f] += values[f];
      // The first extra part makes the village split: count its first record too.
      if (seenIds!.length === 1) {
        table.split.villages += 1;
        table.split.records += 1;
      }
      table.split.records += 1;
      seenIds!.push(normalisedRaw);
    } else {
      table.rows.set(code, values);
      rawIds.set(code, [normalisedRaw]);
    }
  }
  return table;
}

/** Village names list (village_ID,village_name): 8-digit code → Thai name. */
export function parseVillageNames(text: string, file: string): { names: Map<string, string>; problems: CellProblem[] } {
  const data = parseCsv(text, file);
  const header = (data[0] ?? []).map((h) => h.trim());
  const idCol = header.indexOf('village_ID');
  const nameCol = header.indexOf('village_name');
  if (idCol < 0 || nameCol < 0) throw new Error(`${file}: line 1: expected columns village_ID,village_name`);
  const names = new Map<string, string>();
  const problems: CellProblem[] = [];
  for (let r = 1; r < data.length; r++) {
    const raw = (data[r][idCol] ?? '').trim();
    const code = normaliseAdminCode(raw);
    if (code === null || code.length !== 8) problems.push({ file, line: r + 1, column: 'village_ID', message: `"${quoteForMessage(raw)}" is not a village code` });
    else names.set(code, (data[r][nameCol] ?? '').trim());
  }
  return { names, problems };
}
