/**
 * ESRI Shapefile (issue 14 item 1): the .shp geometry and .dbf attributes of one layer, read with
 * shpjs's parseShp (the parts fed to it here so that the DBF encoding and the CRS are ours to
 * decide) and readDbfRecords below (parseDbf's output, at a 65,000-row file's speed), into WGS 84
 * longitude/latitude features.
 *
 * - Parts: .shp and .dbf are required (a .shp alone has no codes or names: refused naming the
 *   missing .dbf); .prj gives the CRS; .cpg the DBF's code page; .shx is not needed to read.
 * - CRS (ESRI Shapefile technical description, 1998; the .prj is ESRI WKT1): recognised by its
 *   datum and projection — WGS 84 geographic (EPSG:4326), UTM 47N/48N on WGS 84
 *   (EPSG:32647/32648) and on Indian 1975 (EPSG:24047/24048, the older Thai survey datum, with
 *   the EPSG 1812 datum shift of villageLocations.ts). Reprojected with proj4. Any other .prj is
 *   refused naming its CRS; a layer without a .prj is read only in the CRS the user chose
 *   (--crs / the CRS choice in the app), never guessed.
 * - DBF encoding: the .cpg when present ("874", "CP874", "TIS-620", "UTF-8" …); otherwise
 *   detected: the records are UTF-8 when every byte ≥ 0x80 forms valid UTF-8, else Thai
 *   Windows-874 (TIS-620 plus a few symbols; what Thai offices' DBFs without a .cpg hold).
 *   `TextDecoder('windows-874')` is native in browsers and in Node with full ICU.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import proj4 from 'proj4';
import { parseShp } from 'shpjs';
import { PROJECTED_CRS } from '../villages/villageLocations';
import { baseName, extensionOf, FormatError, type FormatReader, type InputFile, type ReadLayer, type ReadOptions } from './reader';

/** Extensions of a Shapefile's parts that we read or recognise (.sbn/.sbx/.qix indexes, .xml metadata are ignored). */
export const SHAPEFILE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg', 'sbn', 'sbx', 'qix', 'shp.xml'] as const;

export function isShapefilePart(name: string): boolean {
  const lower = baseName(name).toLowerCase();
  return SHAPEFILE_PARTS.some((p) => lower.endsWith(`.${p}`));
}

/** The layer a part belongs to: its name without the part's extension, lower case. */
export function shapefileStem(name: string): string {
  const lower = name.toLowerCase();
  const ext = SHAPEFILE_PARTS.find((p) => lower.endsWith(`.${p}`));
  return ext ? name.slice(0, -(ext.length + 1)) : name;
}

export interface ShapefileParts {
  shp?: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
  shx?: boolean;
}

/**
 * The EPSG code of a .prj, or a message saying what it is when it is not one we convert.
 * Reads ESRI WKT1 (PROJCS["WGS_1984_UTM_Zone_47N",GEOGCS["GCS_WGS_1984",…]]) and OGC WKT1/WKT2
 * names (written by GDAL), by datum and UTM zone rather than by exact text.
 */
export function crsOfPrj(wkt: string): { epsg: string } | { problem: string } {
  const text = wkt.trim();
  const name = /^(?:PROJCS|PROJCRS|GEOGCS|GEOGCRS|GEODCRS)\s*\[\s*"([^"]*)"/i.exec(text)?.[1] ?? text.slice(0, 60);
  const id = /ID\s*\[\s*"EPSG"\s*,\s*(\d+)\s*\]\s*\]\s*$/i.exec(text)?.[1] ?? /AUTHORITY\s*\[\s*"EPSG"\s*,\s*"(\d+)"\s*\]\s*\]\s*$/i.exec(text)?.[1];
  if (id && (id === '4326' || PROJECTED_CRS[`EPSG:${id}`])) return { epsg: `EPSG:${id}` };
  const flat = text.replace(/[\s_]+/g, ' ').toLowerCase();
  const projected = /^(projcs|projcrs)/i.test(text);
  const datum = /indian 1975|indian_1975/.test(flat) ? 'indian1975' : /wgs 1984|wgs 84|wgs84|world geodetic system 1984/.test(flat) ? 'wgs84' : null;
  if (!projected) {
    if (datum === 'wgs84') return { epsg: 'EPSG:4326' };
    return { problem: `geographic CRS "${name}" is not WGS 84` };
  }
  if (!/transverse mercator|utm/.test(flat)) return { problem: `projected CRS "${name}" is not UTM` };
  let zone = Number(/utm zone (\d+) ?n\b/.exec(flat)?.[1] ?? NaN);
  if (!Number.isFinite(zone)) {
    // Central meridian 99° = zone 47, 105° = zone 48 (zone = (λ0 + 183) / 6), false easting 500 km.
    const cm = Number(/central meridian"? ?, ?(-?[\d.]+)|longitude of natural origin"? ?, ?(-?[\d.]+)/.exec(flat)?.slice(1).find((x) => x !== undefined) ?? NaN);
    if (Number.isFinite(cm)) zone = (cm + 183) / 6;
  }
  const south = /utm zone \d+ ?s\b|false northing"? ?, ?10000000/.test(flat);
  if (south || (zone !== 47 && zone !== 48)) return { problem: `projected CRS "${name}" is not UTM zone 47N or 48N` };
  if (datum === 'wgs84') return { epsg: `EPSG:326${zone}` };
  if (datum === 'indian1975') return { epsg: `EPSG:240${zone}` };
  return { problem: `projected CRS "${name}" is on a datum other than WGS 84 or Indian 1975` };
}

/** The TextDecoder label for a .cpg's text, or null when it names nothing we can decode. */
export function encodingOfCpg(cpg: string): string | null {
  const s = cpg.trim().toLowerCase().replace(/^ansi\s*/, '');
  if (/^(cp|windows-?|ms|dos-?)?874$|^tis-?620$|^iso-?8859-?11$/.test(s)) return 'windows-874';
  if (/^utf-?8$|^65001$/.test(s)) return 'utf-8';
  if (/^\d+$/.test(s)) return trial(`windows-${s}`);
  return trial(s);
}

function trial(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** UTF-8 when the DBF's records decode as UTF-8 without error (ASCII included), else Windows-874. */
export function detectDbfEncoding(dbf: Uint8Array): string {
  const headerLength = dbf.length >= 10 ? dbf[8] | (dbf[9] << 8) : 0;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(0, 32)); // header bytes are binary: not checked
    new TextDecoder('utf-8', { fatal: true }).decode(fieldNames(dbf, headerLength));
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(headerLength));
    return 'utf-8';
  } catch {
    return 'windows-874';
  }
}

/** The field-name bytes of the DBF header (11 bytes each of the 32-byte descriptors). */
function fieldNames(dbf: Uint8Array, headerLength: number): Uint8Array {
  const out: number[] = [];
  for (let o = 32; o + 32 <= headerLength && dbf[o] !== 0x0d; o += 32) for (let k = 0; k < 11 && dbf[o + k] !== 0; k++) out.push(dbf[o + k]);
  return Uint8Array.from(out);
}

/**
 * The DBF's records as shpjs's parseDbf (parsedbf 2.0) gives them — same field names, the same
 * values (text trimmed with NULs removed; N/F/O through parseFloat; D as a local Date; L as
 * y/t) — but decoded with ONE TextDecoder over views of the bytes: parsedbf builds a decoder
 * and copies the bytes for every cell, 520,000 times for a 65,000-village file with 8 fields
 * (npm run bench -- formats: before/after). Records start at the header length (dBASE III: the
 * header's bytes 8–9), which for the usual header (32 bytes per field + 33) is where parsedbf
 * starts too. Checked equal to parseDbf in formats.test.ts (fixtures and generated tables).
 */
/** TextDecoder encodings with one byte per character (WHATWG Encoding's single-byte list). */
const SINGLE_BYTE = /^(windows-\d+|iso-8859-\d+|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic)$/;

export function readDbfRecords(dbf: Uint8Array, encoding: string): Record<string, unknown>[] {
  const view = dataView(dbf);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const decoder = new TextDecoder(encoding);
  // A single-byte code page (Windows-874 = TIS-620 + symbols, every byte one character) or a
  // file of ASCII only: the whole file is decoded ONCE and each cell is a slice at its byte
  // offsets. UTF-8 with Thai (1–3 bytes a character) is decoded cell by cell with the one decoder.
  let whole: string | null = null;
  if (SINGLE_BYTE.test(decoder.encoding) || dbf.every((b) => b < 0x80)) {
    whole = decoder.decode(dbf);
    if (whole.length !== dbf.length) whole = null; // not one code unit per byte after all
  }
  const clean = (t: string) => (t.indexOf('\0') >= 0 ? t.replace(/\0/g, '').trim() : t.trim());
  const text = whole !== null ? (from: number, to: number) => clean(whole!.slice(from, to)) : (from: number, to: number) => clean(decoder.decode(dbf.subarray(from, to)));
  const fields: { name: string; type: string; length: number }[] = [];
  for (let o = 32; o < headerLength - 1; o += 32) {
    fields.push({ name: text(o, o + 11), type: String.fromCharCode(dbf[o + 11]), length: dbf[o + 16] });
    if (dbf[o + 32] === 0x0d) break;
  }
  const out: Record<string, unknown>[] = new Array(count);
  let at = headerLength + 1; // past the record's deletion flag
  for (let r = 0; r < count; r++, at += recordLength) {
    const row: Record<string, unknown> = {};
    let o = at;
    for (const f of fields) {
      const t = text(o, Math.min(o + f.length, dbf.length));
      o += f.length;
      switch (f.type) {
        case 'N':
        case 'F':
        case 'O':
          row[f.name] = parseFloat(t);
          break;
        case 'D':
          row[f.name] = new Date(Number(t.slice(0, 4)), parseInt(t.slice(4, 6), 10) - 1, Number(t.slice(6, 8)));
          break;
        case 'L':
          row[f.name] = t.toLowerCase() === 'y' || t.toLowerCase() === 't';
          break;
        default:
          row[f.name] = t;
      }
    }
    out[r] = row;
  }
  return out;
}

function dataView(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function mapPositions(g: Geometry | null, f: (p: Position) => Position): Geometry | null {
  if (!g) return g;
  const ring = (r: Position[]) => r.map(f);
  switch (g.type) {
    case 'Point': return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint': return { type: 'MultiPoint', coordinates: ring(g.coordinates) };
    case 'LineString': return { type: 'LineString', coordinates: ring(g.coordinates) };
    case 'MultiLineString': return { type: 'MultiLineString', coordinates: g.coordinates.map(ring) };
    case 'Polygon': return { type: 'Polygon', coordinates: g.coordinates.map(ring) };
    case 'MultiPolygon': return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
    case 'GeometryCollection': return { type: 'GeometryCollection', geometries: g.geometries.map((x) => mapPositions(x, f)!) };
  }
}

/** DBF values → strings (numbers as written; dates as ISO yyyy-mm-dd, which the date readers take). */
function propertyValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const p = (n: number) => String(n).padStart(2, '0');
    return `${v.getFullYear()}-${p(v.getMonth() + 1)}-${p(v.getDate())}`;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v as string | boolean;
}

/**
 * Read one Shapefile layer from its parts (loose files or archive entries) into WGS 84 features.
 * `name` is the .shp's name as shown in messages.
 */
export function readShapefile(parts: ShapefileParts, name: string, options: ReadOptions = {}): { features: FeatureCollection; notes: string[]; crs: string } {
  const stem = shapefileStem(baseName(name.split(' › ').pop() ?? name));
  if (!parts.shp) throw new FormatError(`${name}: a Shapefile part without its ${stem}.shp (the geometry); add the .shp with the other parts`);
  if (!parts.dbf) throw new FormatError(`${name}: no ${stem}.dbf beside it — a Shapefile's attributes (codes, names) are in the .dbf; add that part (drop it with the .shp, or zip them together)`);
  const notes: string[] = [];
  // CRS.
  let crs: string;
  if (parts.prj !== undefined && parts.prj.trim() !== '') {
    const c = crsOfPrj(parts.prj);
    if ('problem' in c) throw new FormatError(`${name}: its .prj says ${c.problem}; Cheepao reads WGS 84 lon/lat and UTM 47N/48N on WGS 84 or Indian 1975 — reproject the layer first (e.g. QGIS "Export → Save features as", CRS EPSG:4326)`);
    crs = c.epsg;
    notes.push(`${name}: CRS ${crs} from ${stem}.prj`);
    if (options.crs && options.crs.toUpperCase() !== crs) notes.push(`${name}: the chosen CRS ${options.crs} was not used: the .prj says ${crs}`);
  } else {
    if (!options.crs) throw new FormatError(`${name}: no ${stem}.prj (the coordinate system) beside it; choose the CRS it is in (--crs EPSG:32647 for UTM 47N, EPSG:4326 for lon/lat, or the CRS choice in the app), or add the .prj`);
    crs = options.crs.toUpperCase().replace(/^EPSG::?/, 'EPSG:');
    if (crs !== 'EPSG:4326' && crs !== 'CRS84' && !PROJECTED_CRS[crs]) throw new FormatError(`${name}: CRS ${options.crs} is not supported (use EPSG:4326, ${Object.keys(PROJECTED_CRS).join(', ')})`);
    notes.push(`${name}: no .prj; CRS ${crs} as chosen`);
  }
  // DBF encoding.
  let encoding: string;
  const fromCpg = parts.cpg !== undefined ? encodingOfCpg(parts.cpg) : null;
  if (fromCpg) {
    encoding = fromCpg;
    notes.push(`${name}: DBF encoding ${encoding} from ${stem}.cpg ("${parts.cpg!.trim()}")`);
  } else {
    encoding = detectDbfEncoding(parts.dbf);
    notes.push(`${name}: DBF encoding ${encoding} (detected${parts.cpg !== undefined ? `; .cpg "${parts.cpg.trim()}" not understood` : ', no .cpg'})`);
  }
  let geometries: (Geometry | null)[];
  let records: Record<string, unknown>[];
  try {
    geometries = parseShp(dataView(parts.shp), false) as (Geometry | null)[];
  } catch (e) {
    throw new FormatError(`${name}: the .shp cannot be read (${(e as Error).message}); the file may be cut short or not a Shapefile`);
  }
  try {
    records = readDbfRecords(parts.dbf, encoding);
  } catch (e) {
    throw new FormatError(`${stem}.dbf: the attribute table cannot be read (${(e as Error).message})`);
  }
  if (records.length !== geometries.length) notes.push(`${name}: ${geometries.length} shapes but ${records.length} attribute rows; shapes matched to rows in order`);
  const transform = PROJECTED_CRS[crs] ? proj4(PROJECTED_CRS[crs], 'EPSG:4326') : null;
  const project = transform ? (p: Position) => transform.forward([p[0], p[1]]) : null;
  const features: Feature[] = geometries.map((g, i) => {
    const props: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries(records[i] ?? {})) props[k] = propertyValue(v);
    return { type: 'Feature', geometry: (project ? mapPositions(g, project) : g) as Geometry, properties: props };
  });
  if (!parts.shx) notes.push(`${name}: no .shx (the index); not needed to read the layer`);
  return { features: { type: 'FeatureCollection', features }, notes, crs };
}

const decodeText = (b: Uint8Array) => new TextDecoder('utf-8').decode(b).replace(/^\uFEFF/, '');

/** Loose parts sharing one name (dropped together, or a folder): the .shp's group. */
export const shapefileReader: FormatReader = {
  id: 'shapefile',
  label: 'Shapefile',
  recognise: (name) => isShapefilePart(name),
  async read(inputs: InputFile[], options: ReadOptions): Promise<ReadLayer[]> {
    const byExt = new Map<string, InputFile>();
    for (const f of inputs) {
      const lower = f.name.toLowerCase();
      const ext = SHAPEFILE_PARTS.find((p) => lower.endsWith(`.${p}`)) ?? extensionOf(f.name);
      byExt.set(ext, f);
    }
    const shp = byExt.get('shp');
    const name = shp?.name ?? inputs[0].name;
    const parts: ShapefileParts = {
      shp: shp ? await shp.bytes() : undefined,
      dbf: byExt.get('dbf') ? await byExt.get('dbf')!.bytes() : undefined,
      prj: byExt.get('prj') ? decodeText(await byExt.get('prj')!.bytes()) : undefined,
      cpg: byExt.get('cpg') ? decodeText(await byExt.get('cpg')!.bytes()) : undefined,
      shx: byExt.has('shx'),
    };
    const { features, notes, crs } = readShapefile(parts, name, options);
    return [{ name, sources: inputs, features, notes, crs }];
  },
};
