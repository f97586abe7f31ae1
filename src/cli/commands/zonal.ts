/**
 * `npm run cli -- zonal --raster FILE [--band N]
 *                      (--points FILE.csv|FILE.geojson [--radius-km R] | --polygons FILE.geojson)
 *                      [--threshold T] [--format json|csv]`
 *
 * Nighttime-light zonal statistics (issue 4), with the rules of src/domain/raster:
 *   points   a pixel belongs to a point's buffer when its centre is within R km (haversine,
 *            R⊕ = 6,371.0088 km); default R = 2.
 *   polygons a pixel belongs to a polygon when its centre is inside (holes excluded).
 *   Nodata pixels count nowhere; sum = plain sum of pixel values; mean = sum ÷ valid_pixels;
 *   lit_share = pixels above T (default 0.5 nW/cm²/sr) ÷ valid_pixels.
 *
 * Inputs
 *   --raster FILE  an EPSG:4326 GeoTIFF (any compression geotiff.js reads); only the window
 *                  around the points/polygons is decoded, always at full resolution.
 *   --points       CSV with columns code (or id), lon (or lng/longitude/x), lat (or latitude/y) —
 *                  case-insensitive, other columns ignored — or GeoJSON Point features.
 *   --polygons     GeoJSON Polygon/MultiPolygon features.
 *   Ids: the `code` or `id` field (GeoJSON: properties.code, properties.id, then feature.id),
 *   else the 0-based row/feature index.
 *
 * Output (stdout): one row per point or polygon: id, sum, mean, valid_pixels, lit_share
 * (polygons also area_km2 and sum_per_km2). json (default) is an array of objects with null for
 * undefined values (mean and lit_share without valid pixels); csv is UTF-8 with BOM.
 * Messages (raster window, timings) go to stderr. Bad input stops with one line naming the file
 * and the row or field.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { GeoTiffRefusal, readRasterGrid } from '../../data/geotiff/readRasterGrid';
import { EARTH_RADIUS_KM } from '../../domain/geo';
import { bufferZonalStats } from '../../domain/raster/bufferZonalStats';
import type { BBox, RasterGrid } from '../../domain/raster/grid';
import { polygonZonalStats, type AreaGeometry } from '../../domain/raster/polygonZonalStats';
import { DEFAULT_LIT_THRESHOLD_NW, perKm2, type ZonalStats } from '../../domain/raster/zonalStats';
import { CliError, parseFormat, parseNumber, toCsv, type Command } from '../io';
import { join, resolve } from 'node:path';
import { readManifest, readVillages } from '../../data/dataset';
import { dirReader } from '../../data/nodeReader';
import { villageCodeString } from '../../domain/adminCodes';
import { decodeText } from '../../data/formats/textEncoding';

interface Points {
  id: string[];
  lon: Float64Array;
  lat: Float64Array;
}

async function readText(path: string): Promise<string> {
  try {
    return decodeText(new Uint8Array(await readFile(path)));
  } catch (e) {
    throw new CliError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

const isGeoJsonName = (path: string) => /\.(geo)?json$/i.test(path);

/** A 13-digit id looks like a Thai citizen id (PDPA): refused rather than echoed to the output. */
function checkId(path: string, where: string, id: string): string {
  if (/^\d{13}$/.test(id.trim())) throw new CliError(`${path}: ${where}: id "${id.slice(0, 3)}…" has 13 digits like a citizen id; refused (use village or area codes)`);
  return id;
}

function parseJson(path: string, text: string): FeatureCollection | Feature {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const d = doc as { type?: string };
  if (d?.type !== 'FeatureCollection' && d?.type !== 'Feature') throw new CliError(`${path}: expected a GeoJSON FeatureCollection (type is ${JSON.stringify(d?.type)})`);
  return doc as FeatureCollection | Feature;
}

function features(path: string, doc: FeatureCollection | Feature): Feature[] {
  if (doc.type === 'Feature') return [doc];
  if (!Array.isArray(doc.features)) throw new CliError(`${path}: FeatureCollection has no "features" array`);
  return doc.features;
}

function featureId(path: string, f: Feature, i: number): string {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const raw = p.code ?? p.id ?? f.id;
  return checkId(path, `feature ${i}`, raw === undefined || raw === null || raw === '' ? String(i) : String(raw));
}

function checkLonLat(path: string, where: string, lon: number, lat: number): void {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new CliError(`${path}: ${where}: coordinates are not numbers`);
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) throw new CliError(`${path}: ${where}: (${lon}, ${lat}) is not longitude/latitude in degrees (projected coordinates?)`);
}

export function parsePointsCsv(path: string, text: string): Points {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim().toLowerCase() });
  const fields = parsed.meta.fields ?? [];
  const pick = (names: string[]) => names.find((n) => fields.includes(n));
  const idCol = pick(['code', 'id']);
  const lonCol = pick(['lon', 'lng', 'longitude', 'x']);
  const latCol = pick(['lat', 'latitude', 'y']);
  if (!lonCol || !latCol) throw new CliError(`${path}: needs columns lon (or lng/longitude) and lat (or latitude); found ${fields.join(', ') || 'none'}`);
  const rows = parsed.data;
  const out: Points = { id: [], lon: new Float64Array(rows.length), lat: new Float64Array(rows.length) };
  rows.forEach((row, i) => {
    const line = `row ${i + 2}`; // header is row 1
    const lonText = (row[lonCol] ?? '').trim();
    const latText = (row[latCol] ?? '').trim();
    const lon = lonText === '' ? NaN : Number(lonText);
    const lat = latText === '' ? NaN : Number(latText);
    if (!Number.isFinite(lon)) throw new CliError(`${path}: ${line}: ${lonCol} "${lonText}" is not a number`);
    if (!Number.isFinite(lat)) throw new CliError(`${path}: ${line}: ${latCol} "${latText}" is not a number`);
    checkLonLat(path, line, lon, lat);
    const id = idCol ? (row[idCol] ?? '').trim() : '';
    out.id.push(checkId(path, line, id === '' ? String(i) : id));
    out.lon[i] = lon;
    out.lat[i] = lat;
  });
  return out;
}

export function parsePointsGeoJson(path: string, text: string): Points {
  const fs = features(path, parseJson(path, text));
  const out: Points = { id: [], lon: new Float64Array(fs.length), lat: new Float64Array(fs.length) };
  fs.forEach((f, i) => {
    const g = f?.geometry as Geometry | null;
    if (!g || g.type !== 'Point') throw new CliError(`${path}: feature ${i}: geometry is ${g ? g.type : 'missing'}, expected Point`);
    const [lon, lat] = g.coordinates;
    checkLonLat(path, `feature ${i}`, lon, lat);
    out.id.push(featureId(path, f, i));
    out.lon[i] = lon;
    out.lat[i] = lat;
  });
  return out;
}

export function parsePolygons(path: string, text: string): { id: string[]; geometry: (AreaGeometry | null)[] } {
  const fs = features(path, parseJson(path, text));
  const id: string[] = [];
  const geometry: (AreaGeometry | null)[] = [];
  fs.forEach((f, i) => {
    const g = f?.geometry as Geometry | null;
    if (g && g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw new CliError(`${path}: feature ${i}: geometry is ${g.type}, expected Polygon or MultiPolygon`);
    if (g) {
      const first = g.type === 'Polygon' ? g.coordinates[0]?.[0] : g.coordinates[0]?.[0]?.[0];
      if (!first) throw new CliError(`${path}: feature ${i}: empty ${g.type}`);
      checkLonLat(path, `feature ${i}`, first[0], first[1]);
    }
    id.push(featureId(path, f, i));
    geometry.push(g as AreaGeometry | null);
  });
  return { id, geometry };
}

function bboxOfPoints(p: Points, marginDeg: number): BBox {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (let i = 0; i < p.lon.length; i++) {
    west = Math.min(west, p.lon[i]);
    east = Math.max(east, p.lon[i]);
    south = Math.min(south, p.lat[i]);
    north = Math.max(north, p.lat[i]);
  }
  return { west: west - marginDeg, south: south - marginDeg, east: east + marginDeg, north: north + marginDeg };
}

function bboxOfGeometries(gs: (AreaGeometry | null)[]): BBox {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      west = Math.min(west, c[0] as number);
      east = Math.max(east, c[0] as number);
      south = Math.min(south, c[1] as number);
      north = Math.max(north, c[1] as number);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const g of gs) if (g) visit(g.coordinates);
  return { west, south, east, north };
}

const round = (v: number, digits: number) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : null);

function rows(ids: string[], s: ZonalStats, extra?: (i: number) => Record<string, unknown>): Record<string, unknown>[] {
  return ids.map((id, i) => ({
    id,
    sum: round(s.sum[i], 6),
    mean: round(s.mean[i], 6),
    valid_pixels: s.validPixels[i],
    lit_share: round(s.litShare[i], 6),
    ...(extra ? extra(i) : {}),
  }));
}

const zonal: Command = async (argv, io) => {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        raster: { type: 'string' },
        band: { type: 'string' },
        points: { type: 'string' },
        polygons: { type: 'string' },
        'radius-km': { type: 'string' },
        threshold: { type: 'string' },
        format: { type: 'string' },
        data: { type: 'string' },
        level: { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const usage = 'usage: zonal (--raster FILE | --data DIR) [--band N] (--points FILE.csv|geojson [--radius-km R] | --polygons FILE.geojson | --level L | --radius-km R with --data) [--threshold T] [--format json|csv]';
  // --data DIR: the workspace's own raster, its level-L polygons (--level) or its located villages.
  let datasetPoints: Points | null = null;
  if (values.data) {
    const dir = resolve(values.data);
    const read = dirReader(dir);
    const m = await readManifest(read);
    if (!values.raster) {
      if (!m.files.ntl) throw new CliError(`${dir}: the workspace has no nighttime-light raster (import a GeoTIFF into it, or give --raster)`);
      values.raster = join(dir, m.files.ntl);
    }
    if (values.level) {
      if (!['province', 'district', 'subdistrict'].includes(values.level)) throw new CliError(`--level must be province, district or subdistrict (got "${values.level}")`);
      const f = m.files.boundaries?.[values.level as 'province'];
      if (!f) throw new CliError(`${dir}: the workspace has no ${values.level} polygons (import a boundary GeoJSON of that level)`);
      values.polygons = join(dir, f);
    } else if (!values.points && !values.polygons) {
      const v = await readVillages(read, m);
      const keep = Array.from({ length: v.count }, (_, i) => i).filter((i) => Number.isFinite(v.lon[i]) && Number.isFinite(v.lat[i]));
      if (!keep.length) throw new CliError(`${dir}: no village has a location (import village points), or give --level for polygons`);
      datasetPoints = { id: keep.map((i) => villageCodeString(v.code[i])), lon: Float64Array.from(keep, (i) => v.lon[i]), lat: Float64Array.from(keep, (i) => v.lat[i]) } as Points;
      if (keep.length < v.count) io.stderr(`${v.count - keep.length} of ${v.count} villages have no location and are not in the output\n`);
    }
  } else if (values.level) throw new CliError('--level needs --data DIR');
  if (!values.raster) throw new CliError(`--raster is required; ${usage}`);
  if (!datasetPoints && !values.points === !values.polygons) throw new CliError(`give exactly one of --points or --polygons; ${usage}`);
  if (values.polygons && values['radius-km'] !== undefined) throw new CliError('--radius-km applies to --points only');
  const format = parseFormat(values.format, ['json', 'csv'] as const, 'json');
  const band = parseNumber('band', values.band, 1, 1, 65535);
  if (!Number.isInteger(band)) throw new CliError(`--band must be a whole number (got "${values.band}")`);
  const radiusKm = parseNumber('radius-km', values['radius-km'], 2, 0, 1000);
  const thresholdNw = parseNumber('threshold', values.threshold, DEFAULT_LIT_THRESHOLD_NW);

  let points: Points | null = datasetPoints;
  let polygons: ReturnType<typeof parsePolygons> | null = null;
  if (points) {
    /* the workspace's villages */
  } else if (values.points) {
    const text = await readText(values.points);
    points = isGeoJsonName(values.points) ? parsePointsGeoJson(values.points, text) : parsePointsCsv(values.points, text);
  } else {
    polygons = parsePolygons(values.polygons!, await readText(values.polygons!));
  }
  const n = points ? points.id.length : polygons!.id.length;
  if (n === 0) throw new CliError(`${values.points ?? values.polygons}: no rows`);

  // Decode only the window the zones need, at full resolution.
  let maxAbsLat = 0;
  for (const lat of points?.lat ?? []) maxAbsLat = Math.max(maxAbsLat, Math.abs(lat));
  // The buffer's longitude reach grows as 1/cos φ; one extra hundredth of a degree for pixel edges.
  const marginDeg = ((radiusKm / EARTH_RADIUS_KM) * 180) / Math.PI / Math.cos((Math.min(80, maxAbsLat) * Math.PI) / 180) + 0.01;
  const bbox = points ? bboxOfPoints(points, marginDeg) : bboxOfGeometries(polygons!.geometry);
  const t0 = performance.now();
  let grid: RasterGrid;
  try {
    grid = await readRasterGrid({ path: values.raster }, { name: values.raster, band, bbox, requireFullResolution: true });
  } catch (e) {
    if (e instanceof GeoTiffRefusal) throw new CliError(e.message);
    throw new CliError(`${values.raster}: cannot read (${(e as Error).message})`);
  }
  const t1 = performance.now();
  io.stderr(`${values.raster}: band ${band}${grid.bandDescriptions[band - 1] ? ` (${grid.bandDescriptions[band - 1]})` : ''}, window ${grid.width} × ${grid.height} px, decoded in ${(t1 - t0).toFixed(0)} ms\n`);

  let out: Record<string, unknown>[];
  if (points) {
    out = rows(points.id, bufferZonalStats(grid, points.lon, points.lat, { radiusKm, thresholdNw }));
  } else {
    const s = polygonZonalStats(grid, polygons!.geometry, { thresholdNw });
    out = rows(polygons!.id, s, (i) => ({ area_km2: round(s.areaKm2[i], 3), sum_per_km2: round(perKm2(s.sum[i], s.areaKm2[i]), 6) }));
  }
  io.stderr(`${n} ${points ? `buffers of ${radiusKm} km` : 'polygons'} in ${(performance.now() - t1).toFixed(0)} ms\n`);
  io.stdout(format === 'csv' ? toCsv(out) : `[\n${out.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
};

export default zonal;
