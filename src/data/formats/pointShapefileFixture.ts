/**
 * Writes point Shapefiles for tests, e2e and benches (generated, never copies of real files):
 * .shp/.shx/.dbf/.prj as ogr2ogr writes them for a layer of points (ESRI Shapefile Technical
 * Description, July 1998: big-endian file code and lengths in 16-bit words, little-endian shape
 * records; dBASE III table, header 32 + 32·fields + 1 bytes), in UTM 47N or WGS 84, with the
 * DBF in Thai Windows-874 (TIS-620: U+0E01…U+0E5B ↔ 0xA1…0xFB) or UTF-8, and a .cpg only when asked.
 * Checked against ogr2ogr's own output of the same villages in pointShapefileFixture.test.ts.
 */
import { zipSync } from 'fflate';
import proj4 from 'proj4';
import { PROJECTED_CRS } from '../villages/villageLocations';

export interface DbfField {
  name: string;
  type: 'C' | 'N';
  width: number;
  decimals?: number;
}

export interface PointRow {
  lon: number;
  lat: number;
  values: (string | number | null)[];
}

export interface PointShapefileOptions {
  /** Layer name (the parts are `<name>.shp` …). */
  name: string;
  /** EPSG:32647 (UTM 47N, WGS 84) or EPSG:4326. */
  crs: 'EPSG:32647' | 'EPSG:32648' | 'EPSG:4326';
  fields: DbfField[];
  rows: PointRow[];
  encoding: 'windows-874' | 'utf-8';
  /** Write a .cpg naming the encoding (many office files come without one). */
  cpg?: boolean;
}

/** The .prj GDAL 3.6 writes (ESRI WKT1). */
export const PRJ: Record<PointShapefileOptions['crs'], string> = {
  'EPSG:32647': 'PROJCS["WGS_1984_UTM_Zone_47N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",99.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
  'EPSG:32648': 'PROJCS["WGS_1984_UTM_Zone_48N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
  'EPSG:4326': 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
};

/** Text → Windows-874 bytes (ASCII and the Thai block; anything else is a test-writer error). */
export function encodeCp874(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out[i] = c;
    else if (c >= 0x0e01 && c <= 0x0e5b) out[i] = c - 0x0e00 + 0xa0;
    else throw new Error(`encodeCp874: U+${c.toString(16)} is not in TIS-620`);
  }
  return out;
}

function header(view: DataView, fileWords: number, shapeType: number, bbox: number[]): void {
  view.setInt32(0, 9994, false);
  view.setInt32(24, fileWords, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  bbox.forEach((v, k) => view.setFloat64(36 + 8 * k, v, true));
}

/** The layer's parts: name → bytes. */
export function writePointShapefile(o: PointShapefileOptions): Record<string, Uint8Array> {
  const n = o.rows.length;
  const t = PROJECTED_CRS[o.crs] ? proj4('EPSG:4326', PROJECTED_CRS[o.crs]) : null;
  const xy = o.rows.map((r) => (t ? t.forward([r.lon, r.lat]) : [r.lon, r.lat]));
  const bbox = n ? [Math.min(...xy.map((p) => p[0])), Math.min(...xy.map((p) => p[1])), Math.max(...xy.map((p) => p[0])), Math.max(...xy.map((p) => p[1]))] : [0, 0, 0, 0];
  // .shp: 100-byte header, then per point an 8-byte record header and 20 bytes (type, x, y).
  const shp = new Uint8Array(100 + 28 * n);
  const shx = new Uint8Array(100 + 8 * n);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  header(sv, shp.length / 2, 1, bbox);
  header(xv, shx.length / 2, 1, bbox);
  for (let i = 0; i < n; i++) {
    const o0 = 100 + 28 * i;
    sv.setInt32(o0, i + 1, false);
    sv.setInt32(o0 + 4, 10, false);
    sv.setInt32(o0 + 8, 1, true);
    sv.setFloat64(o0 + 12, xy[i][0], true);
    sv.setFloat64(o0 + 20, xy[i][1], true);
    xv.setInt32(100 + 8 * i, o0 / 2, false);
    xv.setInt32(104 + 8 * i, 10, false);
  }
  // .dbf: dBASE III, fields as declared; C left-aligned, N right-aligned, space-padded.
  const enc = o.encoding === 'windows-874' ? encodeCp874 : (s: string) => new TextEncoder().encode(s);
  const headerLength = 32 + 32 * o.fields.length + 1;
  const recordLength = 1 + o.fields.reduce((s, f) => s + f.width, 0);
  const dbf = new Uint8Array(headerLength + recordLength * n + 1).fill(0x20, headerLength);
  const dv = new DataView(dbf.buffer);
  dbf[0] = 0x03;
  dbf.set([126, 12, 3], 1); // last update 2026-12-03 (years since 1900)
  dv.setUint32(4, n, true);
  dv.setUint16(8, headerLength, true);
  dv.setUint16(10, recordLength, true);
  o.fields.forEach((f, k) => {
    const at = 32 + 32 * k;
    dbf.set(new TextEncoder().encode(f.name.slice(0, 10)), at);
    dbf[at + 11] = f.type.charCodeAt(0);
    dbf[at + 16] = f.width;
    dbf[at + 17] = f.decimals ?? 0;
  });
  dbf[headerLength - 1] = 0x0d;
  for (let i = 0; i < n; i++) {
    let at = headerLength + recordLength * i + 1;
    o.fields.forEach((f, k) => {
      const v = o.rows[i].values[k];
      if (v !== null && v !== undefined) {
        const text = f.type === 'N' && typeof v === 'number' ? v.toFixed(f.decimals ?? 0) : String(v);
        const bytes = enc(text);
        if (bytes.length > f.width) throw new Error(`writePointShapefile: "${text}" is wider than ${f.name} (${f.width})`);
        dbf.set(bytes, f.type === 'N' ? at + f.width - bytes.length : at);
      }
      at += f.width;
    });
  }
  dbf[dbf.length - 1] = 0x1a;
  const out: Record<string, Uint8Array> = {
    [`${o.name}.shp`]: shp,
    [`${o.name}.shx`]: shx,
    [`${o.name}.dbf`]: dbf,
    [`${o.name}.prj`]: new TextEncoder().encode(PRJ[o.crs]),
  };
  if (o.cpg) out[`${o.name}.cpg`] = new TextEncoder().encode(o.encoding === 'windows-874' ? '874' : 'UTF-8');
  return out;
}

/** The parts zipped, as layers travel (STORE-free deflate, fflate). */
export function zipPointShapefile(o: PointShapefileOptions): Uint8Array {
  return zipSync(writePointShapefile(o), { level: 6, mtime: new Date('2026-12-03T00:00:00Z') });
}
