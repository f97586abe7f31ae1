/**
 * TPMAP aggregate counts of one year, in memory and as the dataset's `tpmapCounts` file:
 * `tpmap-YYYY.bin.gz` (columnar, below; issue 16: a national export's 2.6 M rows are ~10 MB
 * gzipped and load in well under a second), or the earlier gzip CSV `tpmap-YYYY.csv.gz`, still
 * read (columns documented at DatasetManifest.files.tpmapCounts in src/data/datasetFormat.ts).
 */
import { levelOfCode, normaliseAdminCode } from '../../domain/adminCodes';
import { decodeColumnar, encodeColumnarParts, type LazyColumn } from '../columnar';
import type { ByteReader } from '../dataset';
import { readText } from '../dataset';
import type { DatasetManifest } from '../datasetFormat';
import { unzlibSync } from 'fflate';
import { gunzipIfNeeded } from '../gzip';
import { COMMON_FIELDS, TABLE_FIELDS } from './tpmapCsv';
import { CodeIndex, CountTable, presentCodes } from './countTable';

export interface TpmapCounts {
  year: number;
  /** 'common' or a 5-digit dimension set → DOPA code (any level) → values (COMMON_/TABLE_FIELDS order). */
  tables: Map<string, CountTable>;
  /** 8-digit village code → Thai name (from bmn village name lists). */
  villageNames: Map<string, string>;
  /** Village code → TPMAP id of a letter-coded community kept as a village (`90115199` → `901151A001`). */
  communities?: Map<string, string>;
}

/**
 * The binary counts file (columnar.ts container, gzipped; or packed, see encodeTpmapCountsPacked). Columns:
 *   code            u32, one per area: the DOPA code as a number (2/4/6/8 digits; DOPA codes
 *                   never start with 0, so the number gives back the string)
 *   present:<key>   u8 per area: 1 when table <key> has a row for it
 *   values:<key>    u8, the present rows' counts in field order (COMMON_/TABLE_FIELDS), each as
 *                   an unsigned LEB128 varint of count + 1 (0 = no value, i.e. the column was
 *                   absent): counts are small whole numbers, so most take one byte
 * meta: {year, tables: [{key, width}], names: [[code, name]…], communities: [[code, tpmapId]…]}.
 */
export const COUNTS_BINARY_KIND = 'tpmap-counts';

export function encodeTpmapCountsBinary(c: TpmapCounts): Uint8Array {
  return concatBytes([...encodeTpmapCountsParts(c)]);
}

/** The parts one after the other (the first part itself when there is only one). */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The binary counts file in pieces, one table's values made at a time (gzipParts). */
export function encodeTpmapCountsParts(c: TpmapCounts): Generator<Uint8Array> {
  const { columns, meta } = countsColumns(c);
  return encodeColumnarParts(columns, meta);
}

/**
 * The packed form, `tpmap-YYYY.bin` (issue 16 item 2): the same columns, each table's presence
 * flags and values zlib-compressed on their own inside an uncompressed container, instead of one
 * gzip over the whole file. Opening a national workspace gunzipped all 72 MB of 32 tables (2.1 s
 * of a 4 s restore in headless Chromium, bench) to use two of them; now each table inflates when
 * it is first read (~2 MB, tens of ms). `deflate` is zlib (RFC 1950): CompressionStream('deflate')
 * in the browser and the CLI, fflate's unzlibSync on the way back (synchronous, as a lazy table
 * decodes inside a getter). Costs ~1.6× the bytes of the single gzip (no shared window across
 * tables): 22 MB for the generated national export.
 */
export async function encodeTpmapCountsPacked(c: TpmapCounts, deflate: (bytes: Uint8Array) => Promise<Uint8Array> = zlibCompress): Promise<Uint8Array> {
  const { columns, meta } = countsColumns(c);
  const packed: LazyColumn[] = [];
  const rawLengths: Record<string, number> = {};
  for (const col of columns) {
    if (col.name === 'code') {
      packed.push(col);
      continue;
    }
    const raw = col.make() as Uint8Array;
    rawLengths[col.name] = raw.length;
    const z = await deflate(raw);
    packed.push({ name: col.name, type: 'u8', length: z.length, make: () => z });
  }
  return concatBytes([...encodeColumnarParts(packed, { ...meta, packing: 'zlib', rawLengths })]);
}

async function zlibCompress(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function countsColumns(c: TpmapCounts): { columns: LazyColumn[]; meta: Record<string, unknown> } {
  // One code list for all tables (they share an index when imported; merged ones may not).
  const codeRow = new Map<string, number>();
  for (const code of presentCodes(c.tables.values())) codeRow.set(code, codeRow.size);
  const n = codeRow.size;
  const codeList = [...codeRow.keys()];
  const code = new Uint32Array(n);
  codeList.forEach((k, i) => (code[i] = Number(k)));
  const columns: LazyColumn[] = [{ name: 'code', type: 'u32', length: n, make: () => code }];
  const tables: { key: string; width: number }[] = [];
  for (const key of [...c.tables.keys()].sort()) {
    const t = c.tables.get(key)!;
    const w = t.width;
    // The table's own row of each code in code-list order (-1: no row).
    const rowsOf = () => {
      const rowOf = new Int32Array(n).fill(-1);
      t.index.codes.forEach((k, i) => {
        if (!t.isPresent(i)) return;
        const r = codeRow.get(k);
        if (r !== undefined) rowOf[r] = i;
      });
      return rowOf;
    };
    const rowOf = rowsOf();
    const data = t.data;
    let bytes = 0;
    for (let r = 0; r < n; r++) {
      const i = rowOf[r];
      if (i < 0) continue;
      for (let j = 0; j < w; j++) bytes += varintBytes(data[i * w + j]);
    }
    columns.push({ name: `present:${key}`, type: 'u8', length: n, make: () => Uint8Array.from(rowsOf(), (i) => (i >= 0 ? 1 : 0)) });
    columns.push({
      name: `values:${key}`,
      type: 'u8',
      length: bytes,
      make: () => {
        const rowOf = rowsOf();
        const values = new Uint8Array(bytes);
        let o = 0;
        for (let r = 0; r < n; r++) {
          const i = rowOf[r];
          if (i < 0) continue;
          for (let j = 0; j < w; j++) {
            const v = data[i * w + j];
            let x = Number.isNaN(v) ? 0 : v + 1;
            if (!(Number.isInteger(x) && x >= 0)) throw new Error(`TPMAP counts: table ${key}, code ${codeList[r]}: ${v} is not a count`);
            while (x >= 128) {
              values[o++] = (x % 128) | 128;
              x = Math.floor(x / 128);
            }
            values[o++] = x;
          }
        }
        return values;
      },
    });
    tables.push({ key, width: w });
  }
  return {
    columns,
    meta: {
      kind: COUNTS_BINARY_KIND,
      year: c.year,
      tables,
      names: [...c.villageNames].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
      communities: [...(c.communities ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    },
  };
}

function varintBytes(v: number): number {
  let x = Number.isNaN(v) ? 0 : v + 1;
  let b = 1;
  while (x >= 128) {
    x = Math.floor(x / 128);
    b++;
  }
  return b;
}

export function decodeTpmapCountsBinary(bytes: Uint8Array, file: string, year: number): TpmapCounts {
  const { columns, meta } = decodeColumnar(bytes, file);
  if (meta.kind !== COUNTS_BINARY_KIND) throw new Error(`${file}: not a TPMAP counts file (kind ${String(meta.kind)})`);
  const code = columns.code as Uint32Array;
  const n = code.length;
  const index = new CodeIndex();
  for (let i = 0; i < n; i++) index.ensure(String(code[i]));
  const out: TpmapCounts = { year, tables: new Map(), villageNames: new Map((meta.names as [string, string][]) ?? []), communities: new Map((meta.communities as [string, string][]) ?? []) };
  // Packed files (encodeTpmapCountsPacked) hold each column zlib-compressed; its raw length is in meta.
  const packed = meta.packing === 'zlib';
  if (meta.packing !== undefined && !packed) throw new Error(`${file}: unknown packing ${String(meta.packing)}`);
  const rawLengths = (meta.rawLengths ?? {}) as Record<string, number>;
  const unpack = (name: string, key: string): Uint8Array => {
    const col = columns[name] as Uint8Array;
    if (!packed) return col;
    let out: Uint8Array;
    try {
      out = unzlibSync(col);
    } catch (e) {
      throw new Error(`${file}: table ${key}: ${name} does not inflate (${(e as Error).message})`);
    }
    if (out.length !== rawLengths[name]) throw new Error(`${file}: table ${key}: ${name} inflates to ${out.length} bytes, not ${rawLengths[name]}`);
    return out;
  };
  for (const { key, width } of meta.tables as { key: string; width: number }[]) {
    if (!columns[`present:${key}`] || !columns[`values:${key}`]) throw new Error(`${file}: table ${key} is incomplete`);
    const present = unpack(`present:${key}`, key);
    if (present.length !== n) throw new Error(`${file}: table ${key} has ${present.length} presence flags for ${n} codes`);
    // Values decode when the table is first read (CountTable.lazy); the file was read whole and
    // its structure checked here, so a short table still fails at open time, below.
    let rows = 0;
    for (let i = 0; i < n; i++) rows += present[i];
    const valuesLength = packed ? rawLengths[`values:${key}`] : (columns[`values:${key}`] as Uint8Array).length;
    if (!(valuesLength >= rows * width)) throw new Error(`${file}: table ${key} ends early`);
    const decode = () => {
      const values = unpack(`values:${key}`, key);
      const data = new Float32Array(n * width);
      let o = 0;
      for (let i = 0; i < n; i++) {
        if (!present[i]) continue;
        for (let j = 0; j < width; j++) {
          let b = values[o++];
          let x = b & 127;
          // Most counts are one byte (< 127); longer varints continue 7 bits at a time.
          for (let m = 128; b & 128; m *= 128) {
            if (o >= values.length) throw new Error(`${file}: table ${key} ends early`);
            b = values[o++];
            x += (b & 127) * m;
          }
          data[i * width + j] = x === 0 ? NaN : x - 1;
        }
      }
      return data;
    };
    out.tables.set(key, CountTable.lazy(width, index, packed ? present : present.slice(), decode));
  }
  return out;
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
  const index = new CodeIndex();
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
    if (!t) out.tables.set(key, (t = new CountTable(fields.length, index)));
    t.set(code, values);
    if (common && name && levelOfCode(code) === 'village') out.villageNames.set(code, name);
  }
  return out;
}

/** Read a year's counts from a dataset directory (manifest.files.tpmapCounts). */
export async function readTpmapCounts(read: ByteReader, m: DatasetManifest, year: number, step: (what: string) => void = () => {}): Promise<TpmapCounts> {
  const name = m.files.tpmapCounts?.[String(year)];
  if (!name) throw new Error(`manifest.json: no TPMAP counts for year ${year}`);
  if (/\.bin(\.gz)?$/.test(name)) {
    const stored = await read(name);
    step(`counts ${year} read`);
    const bytes = await gunzipIfNeeded(stored);
    step(`counts ${year} gunzipped`);
    const counts = decodeTpmapCountsBinary(bytes, name, year);
    step(`counts ${year} decoded`);
    return counts;
  }
  return decodeTpmapCounts(await readText(read, name), name, year);
}
