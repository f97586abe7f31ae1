/**
 * What a file format is to the import (issue 14, "shape of the code"): one reader per format,
 * in one list that the classifier walks (src/data/workspace/classify.ts). A reader recognises its
 * files from the name and first bytes, and reads them into the common form every importer takes:
 *
 *   - features: a GeoJSON FeatureCollection in WGS 84 longitude/latitude (Shapefile, KML/KMZ);
 *   - table: rows of strings by column, each with the row number it came from (Excel sheets;
 *     rawTable.ts, the same form CSV files are read into);
 *   - input: the file itself, for the text formats whose importers read it as they need
 *     (TPMAP CSV one file at a time, CSV, GeoJSON, GeoTIFF by slices).
 *
 * The kind of data (boundaries, villages, services, records, village basic data, households …)
 * is NOT the reader's business: it is decided after reading, from the columns and geometry, the
 * same way for every format (kindOfTable / kindOfFeatures in classify.ts).
 */
import type { FeatureCollection } from 'geojson';
import type { RawTable } from '../services/rawTable';
import type { Classified } from '../workspace/kinds';

/** A file to import: name, size and lazy readers (a browser File, a Node file). */
export interface InputFile {
  name: string;
  size: number;
  text(): Promise<string>;
  bytes(): Promise<Uint8Array>;
  /** The first bytes (up to 64 KiB) for recognising the file, without reading it whole. */
  head(): Promise<Uint8Array>;
  /** For rasters in the browser: the Blob itself (geotiff reads slices, not the whole file). */
  blob?: Blob;
  /** The file in pieces as read (large TPMAP tables are parsed as they stream in). */
  chunks?(): AsyncIterable<Uint8Array>;
  /** Attribution given with the file (e.g. by the user, or for a layer taken from the demo). */
  attribution?: string;
  /** A layer taken from the demo workspace at the user's request. */
  fromDemo?: boolean;
}

/** What a reader needs from the import options. */
export interface ReadOptions {
  /** CRS the user chose for data without one (Shapefile without .prj, x/y columns). */
  crs?: string;
}

/** One usable layer read from a file (a workbook or an archive may give several). */
export interface ReadLayer {
  /** Shown in the report: "a.zip › tambon.shp", "book.xlsx › sheet บริการ". */
  name: string;
  /** The files it came from (layer sources). */
  sources: InputFile[];
  features?: FeatureCollection;
  table?: RawTable;
  /** Text formats: the file itself, read by its importer. */
  input?: InputFile;
  /** How it was read (encoding, CRS, header row …), for the report's details. */
  notes: string[];
  /** The CRS the features were in before the reader converted them to WGS 84 (a Shapefile's .prj). */
  crs?: string;
}

/** A format's reader: recognise + read to the common form. */
export interface FormatReader {
  id: string;
  /** Human name for messages ("Shapefile", "Excel workbook"). */
  label: string;
  /** Whether this reader takes the file, from its name and first bytes (up to 64 KiB). */
  recognise(name: string, head: Uint8Array): boolean;
  /**
   * Read one file (or, for a Shapefile, the parts that share its name) into layers. Throws an
   * Error whose message names the file and says why it cannot be read, in one line.
   */
  read(inputs: InputFile[], options: ReadOptions): Promise<ReadLayer[]>;
  /** Text formats: the importer reads the file itself, and the kind is decided from its head (kindOfHead). */
  text?: boolean;
  kindOfHead?(name: string, head: Uint8Array): Classified;
}

export class FormatError extends Error {}

/** File name without folders. */
export function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

/** Lower-case extension without the dot ('' when none). */
export function extensionOf(name: string): string {
  const b = baseName(name);
  const i = b.lastIndexOf('.');
  return i > 0 ? b.slice(i + 1).toLowerCase() : '';
}

export function startsWith(head: Uint8Array, magic: number[]): boolean {
  return head.length >= magic.length && magic.every((b, i) => head[i] === b);
}

/** ZIP local file header "PK\x03\x04" (also an empty archive's "PK\x05\x06"). */
export const isZip = (head: Uint8Array) => startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]);
/** OLE2 compound document (legacy .xls). */
export const isOle2 = (head: Uint8Array) => startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
