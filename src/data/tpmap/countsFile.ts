/**
 * TPMAP aggregate counts of one year, in memory and as the dataset's `tpmapCounts` file (a gzip
 * CSV; columns documented at DatasetManifest.files.tpmapCounts in src/data/datasetFormat.ts).
 */
import { levelOfCode, normaliseAdminCode } from '../../domain/adminCodes';
import type { ByteReader } from '../dataset';
import { readText } from '../dataset';
import type { DatasetManifest } from '../datasetFormat';
import { COMMON_FIELDS, TABLE_FIELDS } from './tpmapCsv';
import { CountTable } from './countTable';

export interface TpmapCounts {
  year: number;
  /** 'common' or a 5-digit dimension set → DOPA code (any level) → values (COMMON_/TABLE_FIELDS order). */
  tables: Map<string, CountTable>;
  /** 8-digit village code → Thai name (from bmn village name lists). */
  villageNames: Map<string, string>;
}

export const COUNTS_COLUMNS = ['code', 'table', ...COMMON_FIELDS, ...TABLE_FIELDS, 'name'] as const;

/** The counts as CSV text, in chunks of about `chunkLines` lines (codes sorted; tables in key order). */
export function* encodeTpmapCountsChunks(c: TpmapCounts, chunkLines = 20_000): Generator<string> {
  let lines: string[] = [COUNTS_COLUMNS.join(',')];
  const emptyCommon = COMMON_FIELDS.map(() => '').join(',');
  const emptyTable = TABLE_FIELDS.map(() => '').join(',');
  const cell = (v: number) => (Number.isFinite(v) ? String(v) : '');
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const key of [...c.tables.keys()].sort()) {
    const rows = c.tables.get(key)!;
    const common = key === 'common';
    for (const code of [...rows.keys()].sort()) {
      const v = Array.from(rows.get(code)!, cell).join(',');
      const name = common ? c.villageNames.get(code) ?? '' : '';
      lines.push(`${code},${key},${common ? v : emptyCommon},${common ? emptyTable : v},${quote(name)}`);
      if (lines.length >= chunkLines) {
        yield lines.join('\n') + '\n';
        lines = [];
      }
    }
  }
  if (lines.length) yield lines.join('\n') + '\n';
}

/** The counts as one CSV text (small datasets and tests; large ones use the chunks). */
export function encodeTpmapCounts(c: TpmapCounts): string {
  return [...encodeTpmapCountsChunks(c)].join('');
}

/**
 * Reads a counts file. Our own format: plain numeric cells, only the trailing name may be quoted,
 * so lines are split by hand (Papa's header mode would build an object per row: 2.6 M of them for
 * a national export).
 */
export function decodeTpmapCounts(text: string, file: string, year: number): TpmapCounts {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstEnd = body.indexOf('\n');
  const header = (firstEnd < 0 ? body : body.slice(0, firstEnd)).replace(/\r$/, '').split(',');
  const missing = COUNTS_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new Error(`${file}: line 1: missing columns ${missing.join(', ')}`);
  const col = (name: string) => header.indexOf(name);
  const codeCol = col('code');
  const tableCol = col('table');
  const nameCol = col('name');
  const commonCols = COMMON_FIELDS.map(col);
  const tableCols = TABLE_FIELDS.map(col);
  const out: TpmapCounts = { year, tables: new Map(), villageNames: new Map() };
  const commonValues = new Float64Array(COMMON_FIELDS.length);
  const tableValues = new Float64Array(TABLE_FIELDS.length);
  let pos = firstEnd < 0 ? body.length : firstEnd + 1;
  let line = 1;
  while (pos < body.length) {
    let end = body.indexOf('\n', pos);
    if (end < 0) end = body.length;
    const raw = body.slice(pos, end).replace(/\r$/, '');
    pos = end + 1;
    line++;
    if (!raw) continue;
    // The name is last and may be quoted (with commas inside): split it off first.
    let name = '';
    let cellsText = raw;
    const q = raw.indexOf('"');
    if (q >= 0) {
      name = raw.slice(q + 1, raw.lastIndexOf('"')).replace(/""/g, '"');
      cellsText = raw.slice(0, q) + 'NAME';
    }
    const cells = cellsText.split(',');
    if (q < 0) name = cells[nameCol] ?? '';
    const code = normaliseAdminCode(cells[codeCol]);
    if (code === null || code === 'TH') throw new Error(`${file}: line ${line}: code "${cells[codeCol]}" is not a DOPA code`);
    const key = cells[tableCol];
    if (key !== 'common' && !/^[01]{5}$/.test(key)) throw new Error(`${file}: line ${line}: table "${key}" is neither common nor a 5-digit dimension set`);
    const common = key === 'common';
    const fields = common ? COMMON_FIELDS : TABLE_FIELDS;
    const cols = common ? commonCols : tableCols;
    const values = common ? commonValues : tableValues;
    for (let j = 0; j < fields.length; j++) {
      const r = cells[cols[j]] ?? '';
      values[j] = r === '' ? NaN : Number(r);
      if (r !== '' && !(values[j] >= 0)) throw new Error(`${file}: line ${line}: column ${fields[j]}: "${r}" is not a count`);
    }
    let t = out.tables.get(key);
    if (!t) out.tables.set(key, (t = new CountTable(fields.length)));
    t.set(code, values);
    if (common && name && levelOfCode(code) === 'village') out.villageNames.set(code, name);
  }
  return out;
}

/** Read a year's counts from a dataset directory (manifest.files.tpmapCounts). */
export async function readTpmapCounts(read: ByteReader, m: DatasetManifest, year: number): Promise<TpmapCounts> {
  const name = m.files.tpmapCounts?.[String(year)];
  if (!name) throw new Error(`manifest.json: no TPMAP counts for year ${year}`);
  return decodeTpmapCounts(await readText(read, name), name, year);
}
