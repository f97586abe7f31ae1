/**
 * TPMAP aggregate counts of one year, in memory and as the dataset's `tpmapCounts` file (a gzip
 * CSV; columns documented at DatasetManifest.files.tpmapCounts in src/data/datasetFormat.ts).
 */
import Papa from 'papaparse';
import { levelOfCode, normaliseAdminCode } from '../../domain/adminCodes';
import type { ByteReader } from '../dataset';
import { readText } from '../dataset';
import type { DatasetManifest } from '../datasetFormat';
import { COMMON_FIELDS, TABLE_FIELDS } from './tpmapCsv';

export interface TpmapCounts {
  year: number;
  /** 'common' or a 5-digit dimension set → DOPA code (any level) → values (COMMON_/TABLE_FIELDS order). */
  tables: Map<string, Map<string, Float64Array>>;
  /** 8-digit village code → Thai name (from bmn village name lists). */
  villageNames: Map<string, string>;
}

export const COUNTS_COLUMNS = ['code', 'table', ...COMMON_FIELDS, ...TABLE_FIELDS, 'name'] as const;

/** The counts as CSV text (codes sorted; tables in key order). */
export function encodeTpmapCounts(c: TpmapCounts): string {
  const lines: string[] = [COUNTS_COLUMNS.join(',')];
  const emptyCommon = COMMON_FIELDS.map(() => '');
  const emptyTable = TABLE_FIELDS.map(() => '');
  const cell = (v: number) => (Number.isFinite(v) ? String(v) : '');
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const key of [...c.tables.keys()].sort()) {
    const rows = c.tables.get(key)!;
    for (const code of [...rows.keys()].sort()) {
      const v = Array.from(rows.get(code)!, cell);
      const common = key === 'common';
      const name = common ? c.villageNames.get(code) ?? '' : '';
      lines.push([code, key, ...(common ? v : emptyCommon), ...(common ? emptyTable : v), quote(name)].join(','));
    }
  }
  return lines.join('\n') + '\n';
}

export function decodeTpmapCounts(text: string, file: string, year: number): TpmapCounts {
  const res = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  if (res.errors.length) throw new Error(`${file}: line ${(res.errors[0].row ?? 0) + 2}: ${res.errors[0].message}`);
  const missing = COUNTS_COLUMNS.filter((c) => !res.meta.fields?.includes(c));
  if (missing.length) throw new Error(`${file}: line 1: missing columns ${missing.join(', ')}`);
  const out: TpmapCounts = { year, tables: new Map(), villageNames: new Map() };
  res.data.forEach((row, i) => {
    const line = i + 2;
    const code = normaliseAdminCode(row.code);
    if (code === null || code === 'TH') throw new Error(`${file}: line ${line}: code "${row.code}" is not a DOPA code`);
    const key = row.table;
    if (key !== 'common' && !/^[01]{5}$/.test(key)) throw new Error(`${file}: line ${line}: table "${key}" is neither common nor a 5-digit dimension set`);
    const fields = key === 'common' ? COMMON_FIELDS : TABLE_FIELDS;
    const values = new Float64Array(fields.length);
    fields.forEach((f, j) => {
      const raw = row[f];
      values[j] = raw === '' ? NaN : Number(raw);
      if (raw !== '' && !(values[j] >= 0)) throw new Error(`${file}: line ${line}: column ${f}: "${raw}" is not a count`);
    });
    if (!out.tables.has(key)) out.tables.set(key, new Map());
    out.tables.get(key)!.set(code, values);
    if (key === 'common' && row.name && levelOfCode(code) === 'village') out.villageNames.set(code, row.name);
  });
  return out;
}

/** Read a year's counts from a dataset directory (manifest.files.tpmapCounts). */
export async function readTpmapCounts(read: ByteReader, m: DatasetManifest, year: number): Promise<TpmapCounts> {
  const name = m.files.tpmapCounts?.[String(year)];
  if (!name) throw new Error(`manifest.json: no TPMAP counts for year ${year}`);
  return decodeTpmapCounts(await readText(read, name), name, year);
}
