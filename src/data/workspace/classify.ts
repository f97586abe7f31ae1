/**
 * The one file classifier (issue 8 item 7, issue 14): what a dropped, opened or named file is,
 * the same in the browser and the CLI. It walks ONE list of format readers (src/data/formats/):
 * the first that recognises a file (from its name and first bytes) reads it into the common form
 * — features, a table, or the file itself for text formats — and the kind of data is decided
 * after reading, from columns and geometry, the same way for every format (kinds.ts).
 *
 * Order matters: names and magic numbers first (TPMAP export names, GeoTIFF, KMZ, Excel, ZIP,
 * Shapefile parts, KML), GeoJSON and CSV last, so that no binary file is read as CSV columns.
 * A new format is one reader file and its test, added to FORMAT_READERS.
 */
import type { FeatureCollection } from 'geojson';
import { zipReader } from '../formats/archive';
import { csvReader } from '../formats/csv';
import { excelReader } from '../formats/excel';
import { geojsonReader } from '../formats/geojson';
import { geotiffReader } from '../formats/geotiff';
import { kmlReader, kmzReader } from '../formats/kml';
import { baseName, startsWith, type FormatReader, type InputFile, type ReadLayer, type ReadOptions } from '../formats/reader';
import { shapefileReader, shapefileStem } from '../formats/shapefile';
import { tpmapReader } from '../formats/tpmap';
import type { RawTable } from '../services/rawTable';
import { kindOfFeatures, kindOfTable, type Classified, type FileKind } from './kinds';

export type { Classified, FileKind } from './kinds';

/** Every format Cheepao reads, in the order the classifier tries them. */
export const FORMAT_READERS: FormatReader[] = [tpmapReader, geotiffReader, kmzReader, excelReader, zipReader, shapefileReader, kmlReader, geojsonReader, csvReader];

/** Binary files that are no format we read, named by kind (never shown as CSV columns). */
const OTHER_BINARIES: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip-compressed file (unpack it first)'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive (Cheepao reads ZIP archives)'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive (Cheepao reads ZIP archives)'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'an SQLite database (GeoPackage: export the layer as Shapefile, GeoJSON or CSV)'],
];

/** A head that is not text: NUL bytes, or many control characters. */
function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control > n * 0.05;
}

export interface HeadClass extends Classified {
  /** The reader that takes the file; for binary formats the kind is known only after reading ('later'). */
  reader?: FormatReader;
  later?: boolean;
}

/**
 * The kind of a file from its name and first bytes: final for text formats; for binary formats
 * (Shapefile parts, ZIP, KMZ, Excel) `later` — they are read whole, then classified.
 */
export function classifyFile(name: string, head: Uint8Array): HeadClass {
  const base = baseName(name);
  const reader = FORMAT_READERS.find((r) => r.recognise(base, head));
  if (reader && !reader.text) return { kind: 'unknown', reason: reader.label, reader, later: true };
  if (reader?.kindOfHead && !(reader === csvReader && looksBinary(head))) return { ...reader.kindOfHead(base, head), reader };
  const other = OTHER_BINARIES.find(([m]) => startsWith(head, m));
  if (other) return { kind: 'unknown', reason: `${other[1]}, not a data file Cheepao reads` };
  if (looksBinary(head)) return { kind: 'unknown', reason: 'a binary file of no format Cheepao reads (expected CSV, GeoJSON, GeoTIFF, Shapefile, KML/KMZ or Excel)' };
  return { kind: 'unknown', reason: 'neither CSV, GeoJSON, GeoTIFF, Shapefile, KML nor Excel' };
}

/**
 * Whether the name alone decides the file (TPMAP export names, the first reader): then its head
 * is never read. A national TPMAP folder is 7,328 files, and a Blob slice + read per file cost
 * ~10 s in the worker and ~20 s on the page (issue 16, CDP profile of the browser import).
 */
export function knownByName(name: string): boolean {
  return tpmapReader.recognise(baseName(name), NO_HEAD);
}
const NO_HEAD = new Uint8Array(0);

/** Whether the browser's drop zone takes the file for the workspace import. */
export function acceptsFile(name: string, head: Uint8Array): boolean {
  const c = classifyFile(name, head);
  return c.later === true || c.kind !== 'unknown';
}

/** A layer read from the inputs, with its kind. */
export interface ReadItem {
  name: string;
  kind: FileKind;
  reason: string;
  sources: InputFile[];
  /** Text formats: the file, read by its importer. */
  input?: InputFile;
  features?: FeatureCollection;
  table?: RawTable;
  notes: string[];
  /** The features' CRS before the reader converted them to WGS 84. */
  crs?: string;
}

export interface ReadInputsResult {
  items: ReadItem[];
  refused: { file: string; message: string }[];
}

const EXPECTED = 'expected TPMAP CSV exports, a household CSV, boundaries (GeoJSON, Shapefile, KML), village points, village basic data, services (CSV, GeoJSON, Shapefile, KML, Excel) or a GeoTIFF';

/**
 * Every input → the layers it holds, each with its kind: Shapefile parts dropped together (or
 * from a folder) are grouped by name into one layer; an archive or a workbook may give several.
 * A file or layer that cannot be used is refused with a one-line reason naming it.
 */
export async function readInputs(inputs: InputFile[], options: ReadOptions & { codeField?: string } = {}): Promise<ReadInputsResult> {
  const items: ReadItem[] = [];
  const refused: { file: string; message: string }[] = [];
  const shapefileGroups = new Map<string, InputFile[]>();
  const binaries: { reader: FormatReader; inputs: InputFile[] }[] = [];
  for (const f of inputs) {
    const c = classifyFile(f.name, knownByName(f.name) ? NO_HEAD : await f.head());
    if (c.reader === shapefileReader) {
      const key = shapefileStem(f.name).toLowerCase();
      if (!shapefileGroups.has(key)) {
        shapefileGroups.set(key, []);
        binaries.push({ reader: shapefileReader, inputs: shapefileGroups.get(key)! });
      }
      shapefileGroups.get(key)!.push(f);
    } else if (c.later && c.reader) binaries.push({ reader: c.reader, inputs: [f] });
    else if (c.kind === 'unknown') refused.push({ file: f.name, message: `${f.name}: not a file Cheepao reads (${c.reason}); ${EXPECTED}` });
    // A 0-byte table (an export or a copy that failed) holds nothing to read: refused by name, so
    // that one such file among a folder's thousands does not stop the others from being read.
    else if (f.size === 0) refused.push({ file: f.name, message: `${f.name}: empty file (0 bytes)${c.kind === 'tpmap' ? '; export this TPMAP table again (the other tables are read)' : ''} / ไฟล์ว่าง${c.kind === 'tpmap' ? ' ส่งออกตารางนี้จาก TPMAP ใหม่ (ตารางอื่นนำเข้าแล้ว)' : ''}` });
    else items.push({ name: f.name, kind: c.kind, reason: c.reason, sources: [f], input: f, notes: [] });
  }
  for (const b of binaries) {
    let layers: ReadLayer[];
    try {
      layers = await b.reader.read(b.inputs, options);
    } catch (e) {
      refused.push({ file: b.inputs.map((f) => f.name).join(', '), message: (e as Error).message });
      continue;
    }
    for (const l of layers) {
      const c = l.features ? kindOfFeatures(l.features, b.reader.label, options.codeField) : l.table ? kindOfTable(l.table) : { kind: 'unknown' as const, reason: b.reader.label };
      if (c.kind === 'unknown') refused.push({ file: l.name, message: `${l.name}: not a layer Cheepao reads (${c.reason}); ${EXPECTED}` });
      else if (c.kind === 'tpmap' || c.kind === 'lights') refused.push({ file: l.name, message: `${l.name}: ${c.reason}, but TPMAP tables are read from TPMAP's own CSV exports; save the sheet as CSV with its original file name` });
      else items.push({ name: l.name, kind: c.kind, reason: c.reason, sources: l.sources, features: l.features, table: l.table, notes: l.notes, ...(l.crs ? { crs: l.crs } : {}) });
    }
  }
  return { items, refused };
}
