/**
 * Village basic data (กชช.2ค-style, issue 8 item 4): one row per village, keyed by the 8-digit
 * code (or a TPMAP 10-digit id), with a yes/no (or level) per infrastructure item. Thai and
 * English header spellings are mapped to VILLAGE_BASIC_FIELDS, as the service import maps its
 * columns (normaliseHeader: case, spaces, dots and parenthesised suffixes ignored).
 *
 * Stored per village as u8: 1 = has it, 0 = does not, MISSING (255) = not reported. Levels are
 * reduced to "has it": any coverage ("all", "partial", ทั่วถึง, บางส่วน, a count or share > 0)
 * is 1, none (ไม่มี, 0) is 0 — กชช.2ค asks about access in the village, and a partial network is
 * access for some households; the choice is stated in the import report.
 */
import { normaliseAdminCode } from '../../domain/adminCodes';
import { VILLAGE_BASIC_FIELDS, type VillageBasicField } from '../datasetFormat';
import { citizenIdColumns, normaliseHeader } from '../services/columns';
import { readCsvTable, rowPlace, type RawTable } from '../services/rawTable';
import { detectVillageCodeColumn } from './villageLocations';

export const MISSING = 255;

/** Header spellings (normalised) per field. */
export const BASIC_HEADERS: Record<VillageBasicField, string[]> = {
  all_season_road: ['allseasonroad', 'road', 'roads', 'ถนน', 'ถนนใช้ได้ตลอดปี', 'ถนนทุกฤดู', 'ถนนสัญจรได้ตลอดปี'],
  electricity: ['electricity', 'electric', 'power', 'ไฟฟ้า', 'มีไฟฟ้า', 'ไฟฟ้าใช้'],
  piped_water: ['pipedwater', 'water', 'tapwater', 'waterpipe', 'ประปา', 'น้ำประปา', 'มีประปา'],
  irrigation: ['irrigation', 'irrigated', 'ชลประทาน', 'แหล่งน้ำเพื่อการเกษตร', 'น้ำเพื่อการเกษตร'],
  market: ['market', 'markets', 'ตลาด', 'ตลาดในหมู่บ้าน'],
  internet: ['internet', 'broadband', 'wifi', 'อินเทอร์เน็ต', 'อินเตอร์เน็ต', 'อินเทอร์เน็ตหมู่บ้าน'],
  community_enterprise: ['communityenterprise', 'enterprise', 'วิสาหกิจชุมชน', 'กลุ่มอาชีพ'],
};

const YES = /^(1|y|yes|true|t|มี|ใช่|มีครบ|ทั่วถึง|ทุกครัวเรือน|all|full|partial|บางส่วน|some)$/i;
const NO = /^(0|n|no|false|f|ไม่มี|ไม่ใช่|none)$/i;

export interface VillageBasicReport {
  file: string;
  rows: number;
  villages: number;
  codeField: string;
  fields: Partial<Record<VillageBasicField, string>>;
  ignoredColumns: string[];
  badCells: { count: number; examples: string[] };
  duplicates: number;
  notes: string[];
}

export interface VillageBasicImport {
  /** 8-digit codes (numbers), ascending. */
  code: Uint32Array;
  columns: Record<VillageBasicField, Uint8Array>;
  report: VillageBasicReport;
}

/** A cell → 1 / 0 / MISSING; undefined for a value we cannot read. */
export function basicValue(raw: string): number | undefined {
  const s = raw.trim();
  if (s === '' || s === '-' || /^(na|n\/a|ไม่ทราบ|ไม่ระบุ)$/i.test(s)) return MISSING;
  if (YES.test(s)) return 1;
  if (NO.test(s)) return 0;
  const n = Number(s.replace(/[,%\s]/g, ''));
  if (Number.isFinite(n) && n >= 0) return n > 0 ? 1 : 0;
  return undefined;
}

export function looksLikeVillageBasic(columns: string[]): boolean {
  const norm = columns.map(normaliseHeader);
  const hits = VILLAGE_BASIC_FIELDS.filter((f) => BASIC_HEADERS[f].some((h) => norm.includes(h))).length;
  return hits >= 2;
}

export function importVillageBasic(text: string | RawTable, file: string, options: { codeField?: string } = {}): VillageBasicImport {
  const table = typeof text === 'string' ? readCsvTable(text, file) : text; // a table: an Excel sheet
  const citizen = citizenIdColumns(table.columns, table.rows);
  const columns = table.columns.filter((c) => !citizen.includes(c));
  const codeField = options.codeField ?? detectVillageCodeColumn({ ...table, columns });
  if (!codeField) throw new Error(`${file}: no village code column (8-digit DOPA code or TPMAP 10-digit id) among ${columns.join(', ')}`);
  const fields: Partial<Record<VillageBasicField, string>> = {};
  for (const f of VILLAGE_BASIC_FIELDS) {
    const c = columns.find((col) => BASIC_HEADERS[f].includes(normaliseHeader(col)));
    if (c) fields[f] = c;
  }
  if (!Object.keys(fields).length) throw new Error(`${file}: no village basic data column recognised (road, electricity, water, irrigation, market, internet … or ถนน, ไฟฟ้า, ประปา, ชลประทาน, ตลาด, อินเทอร์เน็ต) among ${columns.join(', ')}`);
  const used = new Set([codeField, ...Object.values(fields)]);
  const report: VillageBasicReport = {
    file, rows: table.rows.length, villages: 0, codeField, fields, ignoredColumns: columns.filter((c) => !used.has(c)), badCells: { count: 0, examples: [] }, duplicates: 0,
    notes: [...citizen.map((c) => `column "${c}" holds 13-digit citizen ids: dropped`), 'levels count as "has it" when any coverage is reported (partial = 1)'],
  };
  const byCode = new Map<number, Uint8Array>();
  for (const r of table.rows) {
    const code = normaliseAdminCode(r.values[codeField] ?? '');
    if (!code || code.length !== 8) {
      report.badCells.count++;
      if (report.badCells.examples.length < 50) report.badCells.examples.push(`${rowPlace(table, r.row)}: "${r.values[codeField] ?? ''}" is not a village code`);
      continue;
    }
    const n = Number(code);
    if (byCode.has(n)) {
      report.duplicates++;
      continue;
    }
    const v = new Uint8Array(VILLAGE_BASIC_FIELDS.length).fill(MISSING);
    VILLAGE_BASIC_FIELDS.forEach((f, j) => {
      const col = fields[f];
      if (!col) return;
      const x = basicValue(r.values[col] ?? '');
      if (x === undefined) {
        report.badCells.count++;
        if (report.badCells.examples.length < 50) report.badCells.examples.push(`${rowPlace(table, r.row)}, column ${col}: "${r.values[col]}" is neither yes/no nor a level`);
      } else v[j] = x;
    });
    byCode.set(n, v);
  }
  const codes = Uint32Array.from([...byCode.keys()]).sort();
  const out = Object.fromEntries(VILLAGE_BASIC_FIELDS.map((f) => [f, new Uint8Array(codes.length)])) as Record<VillageBasicField, Uint8Array>;
  codes.forEach((c, i) => VILLAGE_BASIC_FIELDS.forEach((f, j) => (out[f][i] = byCode.get(c)![j])));
  report.villages = codes.length;
  if (report.duplicates) report.notes.push(`${report.duplicates} repeated village codes: first row kept`);
  return { code: codes, columns: out, report };
}
