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
 * Tables are read from bytes, whole or streamed in chunks, straight into the compact count
 * tables (TpmapTableReader; issue 16: the national export's 7,328 files at read speed), so the
 * same code runs in a browser worker (drop a folder on the app) and in Node (the CLI). Headers
 * and the small village name lists go through papaparse. Every problem names the file, the line
 * and the column.
 */
import Papa from 'papaparse';
import { normaliseAdminCode, type AdminLevel } from '../../domain/adminCodes';
import { DIMENSIONS, INDICATORS } from '../../domain/indicators';
import { quoteForMessage } from '../privacy';
import { CountTable } from './countTable';

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

/**
 * A TPMAP community whose village_ID carries a letter (`901151A001`, `340151A101`: 16 records in
 * the national 2561 export, provinces 34 and 90). It belongs to the subdistrict in its first 6
 * digits; the importer gives it a numeric village code there (assignCommunityCodes).
 */
export const COMMUNITY_ID = /^\d{6}[A-Z]\d{3}$/;

/**
 * Per row of a year's code index: the file that last wrote it and the record parts (`…01`,
 * `…02`) that file gave, so split records are summed and a repeated raw id is caught without a
 * per-row object. Shared by every table of the year (files are read one after another).
 */
export class RowStamps {
  file = new Int32Array(0);
  /** Bit k: part k (0–30) seen in that file. */
  parts = new Uint32Array(0);
  /** Records of the row in that file. */
  records = new Uint16Array(0);
  reserve(i: number, expected = 0): void {
    if (i < this.file.length) return;
    const n = Math.max(1024, Math.ceil(this.file.length * 1.5), i + 1, expected);
    const f = new Int32Array(n).fill(-1);
    f.set(this.file);
    const p = new Uint32Array(n);
    p.set(this.parts);
    const r = new Uint16Array(n);
    r.set(this.records);
    this.file = f;
    this.parts = p;
    this.records = r;
  }
}

export interface TableReadResult {
  /** Data rows read (records), before split villages were summed. */
  records: number;
  /** Distinct areas the file gave. */
  rows: number;
  split: { villages: number; records: number };
  skipped: number;
  missingColumns: string[];
}

const enum Byte {
  LF = 10,
  CR = 13,
  QUOTE = 34,
  COMMA = 44,
  SPACE = 32,
  DOT = 46,
  ZERO = 48,
  NINE = 57,
}
const latin = new TextDecoder('utf-8');

/**
 * One TPMAP table file read straight into its CountTable: bytes in (whole or in chunks, as a
 * stream delivers them), one pass, counts parsed from the bytes and written into the table's
 * Float32Array; no string per cell and no object per row. Only the columns Cheepao keeps are
 * parsed; the others are skipped. A wrong header throws (the file is refused whole); a bad row
 * is a problem naming the file, the line and the column, and is skipped.
 */
export class TpmapTableReader {
  readonly result: TableReadResult = { records: 0, rows: 0, split: { villages: 0, records: 0 }, skipped: 0, missingColumns: [] };
  private carry: Uint8Array | null = null;
  private line = 0;
  private started = false;
  private idColumn = -1;
  private idName = '';
  /** The header's column names, for messages. */
  private header: string[] = [];
  /** Field number of each column (-1: not kept). */
  private fieldOf = new Int16Array(0);
  private readonly source: string[];
  private readonly values: Float64Array;
  /** 1 where the field's column is in the file. */
  private kept: Uint8Array;
  private readonly digits: number;
  /** Raw ids of this file whose part is ≥ 31 or absent: rare, so a Set. */
  private otherIds: Set<string> | null = null;

  constructor(
    readonly file: string,
    private readonly kind: Extract<TpmapFileKind, { kind: 'table' }>,
    private readonly table: CountTable,
    private readonly stamps: RowStamps,
    private readonly fileNo: number,
    private readonly problem: (p: CellProblem) => void,
  ) {
    this.source = kind.table === 'common' ? COMMON_SOURCE : TABLE_SOURCE;
    this.values = new Float64Array(this.source.length);
    this.kept = new Uint8Array(this.source.length);
    this.digits = CODE_DIGITS[kind.level];
  }

  push(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.carry) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
      this.carry = null;
    }
    let s = 0;
    if (!this.started && buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) s = 3;
    const n = buf.length;
    for (;;) {
      const nl = buf.indexOf(Byte.LF, s);
      if (nl < 0) break;
      this.lineAt(buf, s, nl);
      s = nl + 1;
    }
    if (s < n) this.carry = buf.slice(s);
    if (n > 0) this.started = true;
  }

  end(): TableReadResult {
    if (this.carry) {
      const c = this.carry;
      this.carry = null;
      this.lineAt(c, 0, c.length);
    }
    if (this.line === 0) throw new Error(`${this.file}: empty file`);
    return this.result;
  }

  private lineAt(buf: Uint8Array, s: number, e: number): void {
    this.line++;
    if (e > s && buf[e - 1] === Byte.CR) e--;
    if (e <= s) {
      if (this.line === 1) this.line = 0; // a leading empty line is not the header
      return;
    }
    if (this.idColumn < 0) this.readHeader(latin.decode(buf.subarray(s, e)));
    else this.readRow(buf, s, e);
  }

  private readHeader(text: string): void {
    const kind = this.kind;
    const header = (Papa.parse<string[]>(text).data[0] ?? []).map((h) => h.trim());
    const idColumn = header.findIndex((h) => ID_COLUMNS[kind.level].includes(h));
    if (idColumn < 0) throw new Error(`${this.file}: line 1: no ${ID_COLUMNS[kind.level].join(' or ')} column for a ${kind.level} table (header starts ${header.slice(0, 3).join(',')})`);
    const required = kind.table === 'common' ? COMMON_REQUIRED : TABLE_REQUIRED;
    const missingRequired = required.filter((c) => !header.includes(c));
    if (missingRequired.length) throw new Error(`${this.file}: line 1: missing column${missingRequired.length > 1 ? 's' : ''} ${missingRequired.join(', ')}`);
    this.fieldOf = new Int16Array(header.length).fill(-1);
    this.source.forEach((c, f) => {
      const p = header.indexOf(c);
      if (p >= 0) {
        this.fieldOf[p] = f;
        this.kept[f] = 1;
      } else this.result.missingColumns.push(c);
    });
    this.idColumn = idColumn;
    this.idName = header[idColumn];
    this.header = header;
  }

  private readRow(buf: Uint8Array, s: number, e: number): void {
    const { fieldOf, values, idColumn } = this;
    values.fill(NaN);
    let rawId = '';
    let col = 0;
    let p = s;
    const nCols = fieldOf.length;
    while (p <= e && col < nCols) {
      // One cell: [p, q) up to the next comma outside quotes.
      let q = p;
      let inQuote = false;
      while (q < e) {
        const c = buf[q];
        if (c === Byte.QUOTE) inQuote = !inQuote;
        else if (c === Byte.COMMA && !inQuote) break;
        q++;
      }
      const f = fieldOf[col];
      if (col === idColumn) rawId = cellText(buf, p, q);
      else if (f >= 0) {
        const v = parseCount(buf, p, q);
        if (v >= 0) values[f] = v;
        else if (!this.badCells.has(f)) this.badCells.set(f, cellText(buf, p, q));
      }
      col++;
      p = q + 1;
    }
    // Every TPMAP export row has its header's fields (all of ../shared/realdata/tpmap2561 do). Fewer
    // is a row cut short — a copy or download that stopped mid-file — and more is a comma outside
    // quotes shifting the cells after it: either would drop counts or put them in the wrong
    // columns without a word, so the row is refused by name and line.
    if (col < nCols) return this.skip(this.header[col], `missing: the row has ${col} field${col === 1 ? '' : 's'} where the header has ${nCols} (a file cut short?)`);
    if (p <= e) return this.skip(this.header[nCols - 1], `the row has more fields than the header's ${nCols} (a comma outside quotes?)`);
    this.commit(rawId);
  }

  private skip(column: string, message: string): void {
    this.result.skipped += 1;
    this.problem({ file: this.file, line: this.line, column, message });
    this.badCells.clear();
  }

  /** Cells that are not counts in the current row (rare): field → text. */
  private readonly badCells = new Map<number, string>();

  private commit(rawIdIn: string): void {
    const { kind, idName, digits, source, values, badCells, kept } = this;
    const rawId = rawIdIn.trim();
    let code: string | null;
    let part = -1; // record part (…01, …02) of a 10-digit village id
    const plain = isDigits(rawId);
    const upper = plain ? rawId : rawId.toUpperCase();
    const community = !plain && digits === 8 && COMMUNITY_ID.test(upper);
    if (community) code = upper;
    else if (digits === 8 && rawId.length === 10 && plain) {
      code = validProvince(rawId) ? rawId.slice(0, 8) : null;
      part = (rawId.charCodeAt(8) - 48) * 10 + rawId.charCodeAt(9) - 48;
    } else if (rawId.length === digits && plain) code = validProvince(rawId) ? rawId : null;
    else code = normaliseAdminCode(rawId);
    if (code === null || (code.length !== digits && !community)) return this.skip(idName, `"${quoteForMessage(rawId)}" is not a ${kind.level} code (${digits === 8 ? '10-digit TPMAP id or 8 digits' : `${digits} digits`})`);
    if (kind.province && !code.startsWith(kind.province)) return this.skip(idName, `code ${code} is outside province ${kind.province} named in the file name`);
    // Cells: the first bad one in field order names the row's problem (a short row: "").
    for (let f = 0; f < source.length; f++) {
      if (kept[f] && Number.isNaN(values[f])) return this.skip(source[f], `"${quoteForMessage(badCells.get(f) ?? '')}" is not a count (a whole number ≥ 0)`);
    }
    const { table, stamps, fileNo } = this;
    const i = table.index.ensure(code);
    stamps.reserve(i, table.index.expectedSize);
    table.reserve(i);
    const width = table.width;
    const data = table.data;
    const o = i * width;
    const bit = part >= 0 && part < 31 ? 1 << part : 0;
    if (stamps.file[i] !== fileNo) {
      if (table.isPresent(i)) return this.skip(idName, `code ${code} of table ${kind.table} already came from another file; this row ignored`);
      for (let j = 0; j < width; j++) data[o + j] = values[j];
      table.markPresent(i);
      stamps.file[i] = fileNo;
      stamps.parts[i] = bit;
      stamps.records[i] = 1;
      if (!bit) (this.otherIds ??= new Set()).add(rawId.replace(/\.0+$/, ''));
      this.result.records += 1;
      this.result.rows += 1;
      return;
    }
    // Seen in this file: another part of a split village, or a repeated id.
    const repeated = digits !== 8 || community || (bit ? (stamps.parts[i] & bit) !== 0 : this.otherIds?.has(rawId.replace(/\.0+$/, '')) === true);
    if (repeated) return this.skip(idName, `code ${code} appears twice`);
    for (let j = 0; j < width; j++) data[o + j] += values[j];
    // The first extra part makes the village split: count its first record too.
    if (stamps.records[i] === 1) {
      this.result.split.villages += 1;
      this.result.split.records += 1;
    }
    this.result.split.records += 1;
    stamps.records[i] += 1;
    if (bit) stamps.parts[i] |= bit;
    else (this.otherIds ??= new Set()).add(rawId.replace(/\.0+$/, ''));
    this.result.records += 1;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function isDigits(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/** DOPA province digits 10–96 (normaliseAdminCode's rule). */
function validProvince(code: string): boolean {
  const p = (code.charCodeAt(0) - 48) * 10 + code.charCodeAt(1) - 48;
  return p >= 10 && p <= 96;
}

/** A cell's text without its surrounding quotes (ids are ASCII; anything else is decoded). */
function cellText(buf: Uint8Array, p: number, q: number): string {
  while (p < q && buf[p] === Byte.SPACE) p++;
  while (q > p && buf[q - 1] === Byte.SPACE) q--;
  if (q - p >= 2 && buf[p] === Byte.QUOTE && buf[q - 1] === Byte.QUOTE) {
    p++;
    q--;
  }
  let ascii = true;
  for (let k = p; k < q; k++) if (buf[k] > 127) ascii = false;
  if (!ascii) return latin.decode(buf.subarray(p, q)).replace(/""/g, '"');
  let s = '';
  for (let k = p; k < q; k++) s += String.fromCharCode(buf[k]);
  return s.indexOf('""') >= 0 ? s.replace(/""/g, '"') : s;
}

/**
 * A count (whole number ≥ 0) from a cell's bytes, or -1. Plain digits (TPMAP writes them so) are
 * read directly; `12.0`, `1e3` and other spellings go through Number() as before.
 */
const THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;

function parseCount(buf: Uint8Array, p: number, q: number): number {
  while (p < q && buf[p] === Byte.SPACE) p++;
  while (q > p && buf[q - 1] === Byte.SPACE) q--;
  if (q - p >= 2 && buf[p] === Byte.QUOTE && buf[q - 1] === Byte.QUOTE) {
    p++;
    q--;
  }
  if (p >= q) return -1;
  let v = 0;
  let k = p;
  for (; k < q; k++) {
    const c = buf[k];
    if (c < Byte.ZERO || c > Byte.NINE) break;
    v = v * 10 + (c - Byte.ZERO);
  }
  if (k === q && q - p < 16) return v;
  const raw = cellText(buf, p, q).trim();
  // "1,234": a table re-saved from a spreadsheet whose cells had a number format (quoted, since
  // the comma would otherwise split the cell); thousands groups only, so "1,23" stays an error.
  const n = Number(THOUSANDS.test(raw) ? raw.replace(/,/g, '') : raw);
  return raw !== '' && Number.isInteger(n) && n >= 0 ? n : -1;
}

/** Parse one dimension or common table on its own (tests; the importer reads into shared tables). */
export function parseTpmapTable(text: string, file: string): TpmapTable {
  const kind = classifyTpmapFile(file);
  if (!kind || kind.kind !== 'table') throw new Error(`${file}: not a TPMAP table name ({yy}_{province}_{village|tambol|amphur}_{11111|…|common}.csv or {yy}_province_{…}.csv)`);
  const width = kind.table === 'common' ? COMMON_FIELDS.length : TABLE_FIELDS.length;
  const table = new CountTable(width);
  const problems: CellProblem[] = [];
  const reader = new TpmapTableReader(file, kind, table, new RowStamps(), 0, (p) => problems.push(p));
  reader.push(new TextEncoder().encode(text));
  const r = reader.end();
  return { file, year: kind.year, level: kind.level, table: kind.table, rows: new Map(table.entries()), problems, missingColumns: r.missingColumns, records: r.records, split: r.split };
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
    const code = COMMUNITY_ID.test(raw.toUpperCase()) ? raw.toUpperCase() : normaliseAdminCode(raw);
    if (code === null || (code.length !== 8 && !COMMUNITY_ID.test(code))) problems.push({ file, line: r + 1, column: 'village_ID', message: `"${quoteForMessage(raw)}" is not a village code` });
    else names.set(code, (data[r][nameCol] ?? '').trim());
  }
  return { names, problems };
}
