/**
 * The raw potential inputs (issue 9) and hot-spot weights of a workspace, read from its own files
 * through a ByteReader: shared by `cli rank` / `cli hotspots` (Node) and the compute worker (the
 * app), so both compute the same numbers. No node:* imports here.
 *
 * What each input is: src/domain/targeting/datasetInputs.ts. A workspace may lack a layer (no
 * services, no raster, no village basic data, no polygons of the level, villages without
 * positions, as in a TPMAP-only import): the inputs it would give are left out, and a structured
 * note says which file would fill them — never a silent zero. Villages without a position take
 * no part in access or village-buffer lights (their values are NaN, i.e. missing); area lights
 * come from the area's polygon and need no village positions.
 */
import type { FeatureCollection, MultiPolygon, Polygon, Feature } from 'geojson';
import { readVillageBasic, type ByteReader, type Villages } from './dataset';
import type { DatasetManifest } from './datasetFormat';
import { GeoTiffRefusal, readRasterGrid } from './geotiff/readRasterGrid';
import { readDatasetServices } from './services/datasetServices';
import { computeAccess } from '../domain/access/accessMeasures';
import { villageCodeString } from '../domain/adminCodes';
import { buildHierarchy } from '../domain/mpi/hierarchy';
import type { BBox } from '../domain/raster/grid';
import { bufferZonalStats } from '../domain/raster/bufferZonalStats';
import { polygonZonalStats } from '../domain/raster/polygonZonalStats';
import { datasetInputs, type DatasetInputsSource } from '../domain/targeting/datasetInputs';
import { knnWeightsOfPlaced, queenContiguity, type SpatialWeights } from '../domain/hotspots';

export type TargetingLevel = 'village' | 'subdistrict' | 'district' | 'province';
export const TARGETING_LEVELS: readonly TargetingLevel[] = ['village', 'subdistrict', 'district', 'province'];
export const VILLAGE_BUFFER_KM = 2;

/** Why an input family is missing (the UI words these in Thai or English; `file` names what would fill it). */
export type TargetingInputNote =
  | { kind: 'no_services'; file: 'services' }
  | { kind: 'no_lights'; file: 'ntl' }
  | { kind: 'no_boundaries'; level: TargetingLevel; file: 'boundaries' }
  | { kind: 'no_basic'; file: 'villageBasic' }
  | { kind: 'no_village_positions'; unlocated: number; villages: number; file: 'villages' }
  | { kind: 'lights_unreadable'; message: string; file: 'ntl' };

/** English wording (CLI stderr; the app has its own tables). */
export function describeInputNote(n: TargetingInputNote): string {
  switch (n.kind) {
    case 'no_services': return 'no services file: access inputs left out';
    case 'no_lights': return 'no nighttime-light raster: lights inputs left out';
    case 'no_boundaries': return `no ${n.level} boundaries: lights inputs left out (they are the zonal statistics of each area's polygon)`;
    case 'no_basic': return 'no village basic data: infrastructure inputs left out';
    case 'no_village_positions': return `${n.unlocated.toLocaleString('en')} of ${n.villages.toLocaleString('en')} villages have no location: their access${n.unlocated === n.villages ? ' inputs are left out' : ' values are missing'} (import village locations)`;
    case 'lights_unreadable': return `lights inputs left out: ${n.message}`;
  }
}

function boundsOf(coords: unknown, b: BBox): void {
  if (Array.isArray(coords) && typeof coords[0] === 'number') {
    b.west = Math.min(b.west, coords[0] as number);
    b.east = Math.max(b.east, coords[0] as number);
    b.south = Math.min(b.south, coords[1] as number);
    b.north = Math.max(b.north, coords[1] as number);
  } else if (Array.isArray(coords)) for (const c of coords) boundsOf(c, b);
}

export interface TargetingInputsResult {
  /** Input id → raw value per area of `areaCodes` (NaN = missing). */
  inputs: Record<string, Float64Array>;
  notes: TargetingInputNote[];
  /** Milliseconds per step (access, lights), for logs and the panel. */
  ms: Record<string, number>;
}

/**
 * Raw potential inputs per area of one level, aligned with `areaCodes`.
 * @param villagePeople people per village (workspace village order), the weights of area means
 */
export async function targetingInputs(
  read: ByteReader,
  manifest: DatasetManifest,
  villages: Villages,
  villagePeople: Float64Array,
  level: TargetingLevel,
  areaCodes: readonly string[],
): Promise<TargetingInputsResult> {
  const notes: TargetingInputNote[] = [];
  const ms: Record<string, number> = {};
  const h = buildHierarchy(villages.code);
  const lv = h.levels[level];
  const src: DatasetInputsSource = { villagePeople, areas: { codes: lv.codes, villageStart: lv.villageStart } };
  const located: number[] = [];
  for (let v = 0; v < villages.count; v++) if (Number.isFinite(villages.lon[v]) && Number.isFinite(villages.lat[v])) located.push(v);
  const allLocated = located.length === villages.count;
  if (!allLocated) notes.push({ kind: 'no_village_positions', unlocated: villages.count - located.length, villages: villages.count, file: 'villages' });
  const idx = Uint32Array.from(located);
  /** A per-located-village column scattered back to all villages (NaN for the unlocated). */
  const scatter = (col: ArrayLike<number>): Float64Array => {
    if (allLocated) return col instanceof Float64Array ? col : Float64Array.from(col);
    const out = new Float64Array(villages.count).fill(NaN);
    for (let k = 0; k < idx.length; k++) out[idx[k]] = col[k];
    return out;
  };

  const services = await readDatasetServices(read, manifest);
  if (!services || services.services.count === 0) notes.push({ kind: 'no_services', file: 'services' });
  else if (located.length > 0) {
    const t0 = performance.now();
    const lon = allLocated ? villages.lon : Float64Array.from(idx, (v) => villages.lon[v]);
    const lat = allLocated ? villages.lat : Float64Array.from(idx, (v) => villages.lat[v]);
    const people = allLocated ? villagePeople : Float64Array.from(idx, (v) => villagePeople[v]);
    const acc = computeAccess({ lon, lat, people }, services.services);
    src.access = {
      types: acc.types,
      nearestKm: Object.fromEntries(acc.types.map((t) => [t, scatter(acc.byType[t].nearestKm)])),
      twoSfca: Object.fromEntries(acc.types.map((t) => [t, scatter(acc.byType[t].twoSfca)])),
    };
    ms.access = performance.now() - t0;
  }

  const ntl = manifest.files.ntl;
  if (!ntl) notes.push({ kind: 'no_lights', file: 'ntl' });
  else {
    const t0 = performance.now();
    const bbox: BBox = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
    let polygons: FeatureCollection<Polygon | MultiPolygon> | null = null;
    const boundaryFile = level === 'village' ? undefined : manifest.files.boundaries?.[level];
    if (level !== 'village') {
      if (boundaryFile) {
        polygons = JSON.parse(new TextDecoder().decode(await read(boundaryFile))) as FeatureCollection<Polygon | MultiPolygon>;
        for (const f of polygons.features) if (f.geometry) boundsOf(f.geometry.coordinates, bbox);
      } else notes.push({ kind: 'no_boundaries', level, file: 'boundaries' });
    } else {
      for (const v of located) boundsOf([villages.lon[v], villages.lat[v]], bbox);
      const m = 0.05; // > 2 km in degrees at Thai latitudes
      Object.assign(bbox, { west: bbox.west - m, south: bbox.south - m, east: bbox.east + m, north: bbox.north + m });
    }
    if (polygons || (level === 'village' && located.length > 0)) {
      try {
        const grid = await readRasterGrid(await read(ntl), { name: ntl, bbox, requireFullResolution: true });
        if (polygons) {
          const s = polygonZonalStats(grid, polygons.features.map((f) => f.geometry));
          src.lights = { kind: 'polygons', codes: polygons.features.map((f) => String((f.properties as { code?: unknown } | null)?.code ?? '')), sum: s.sum, litShare: s.litShare, areaKm2: s.areaKm2 };
        } else {
          const lon = Float64Array.from(idx, (v) => villages.lon[v]);
          const lat = Float64Array.from(idx, (v) => villages.lat[v]);
          const s = bufferZonalStats(grid, lon, lat, { radiusKm: VILLAGE_BUFFER_KM });
          src.lights = { kind: 'buffers', sum: scatter(s.sum), litShare: scatter(s.litShare), radiusKm: VILLAGE_BUFFER_KM };
        }
      } catch (e) {
        if (e instanceof GeoTiffRefusal) notes.push({ kind: 'lights_unreadable', message: e.message, file: 'ntl' });
        else notes.push({ kind: 'lights_unreadable', message: `${ntl}: cannot read (${(e as Error).message})`, file: 'ntl' });
      }
      ms.lights = performance.now() - t0;
    }
  }

  src.basic = await readVillageBasic(read, manifest);
  if (!src.basic) notes.push({ kind: 'no_basic', file: 'villageBasic' });
  const raw = datasetInputs(src);

  // Areas of the level that have a polygon but no village (a TPMAP or boundary-only area) still
  // get their polygon's lit share and lights per km² (per capita needs the villages' people).
  const at = new Map(lv.codes.map((c, i) => [c, i]));
  const pos = areaCodes.map((c) => at.get(c) ?? -1);
  const inputs: Record<string, Float64Array> = {};
  for (const [id, col] of Object.entries(raw)) inputs[id] = Float64Array.from(pos, (i) => (i >= 0 ? col[i] : NaN));
  if (src.lights?.kind === 'polygons') {
    const L = src.lights;
    const pAt = new Map(L.codes.map((c, i) => [c, i]));
    areaCodes.forEach((c, a) => {
      if (pos[a] >= 0) return;
      const p = pAt.get(c);
      if (p === undefined) return;
      inputs.lit_share[a] = L.litShare[p];
      inputs.lights_per_km2[a] = L.areaKm2[p] > 0 ? L.sum[p] / L.areaKm2[p] : NaN;
    });
  }
  return { inputs, notes, ms };
}

export type WeightsSpec = { kind: 'queen' } | { kind: 'knn'; k: number };

/**
 * Spatial weights for areas `codes`: queen contiguity of the workspace's subdistrict polygons
 * (features matched by their `code`; an area without a polygon is an island), or k nearest
 * neighbours of the villages' positions (an area level at the mean position of its villages).
 */
export async function hotspotWeights(read: ByteReader, manifest: DatasetManifest, villages: Villages, level: 'subdistrict' | 'village', codes: readonly string[], spec: WeightsSpec): Promise<SpatialWeights> {
  if (spec.kind === 'queen') {
    const name = manifest.files.boundaries?.subdistrict;
    if (!name) throw new Error('queen weights: the workspace has no subdistrict boundaries; use knn:K');
    const fc = JSON.parse(new TextDecoder().decode(await read(name))) as FeatureCollection;
    const byCode = new Map<string, Polygon | MultiPolygon>();
    for (const f of fc.features as Feature[]) {
      const code = f.properties?.code;
      if (code !== undefined && f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')) byCode.set(String(code), f.geometry);
    }
    return queenContiguity(codes.map((c) => byCode.get(c) ?? null));
  }
  const sums = new Map<string, [number, number, number]>();
  const digits = level === 'village' ? 8 : 6;
  for (let v = 0; v < villages.count; v++) {
    if (!Number.isFinite(villages.lon[v]) || !Number.isFinite(villages.lat[v])) continue;
    const c = villageCodeString(villages.code[v]).slice(0, digits);
    const acc = sums.get(c) ?? [0, 0, 0];
    acc[0] += villages.lon[v];
    acc[1] += villages.lat[v];
    acc[2]++;
    sums.set(c, acc);
  }
  // Areas without a located village are unplaced (left out and counted, note without_position),
  // as queen weights leave out an area without a polygon — not a reason to refuse the run.
  const mean = (c: string, k: 0 | 1) => { const s = sums.get(c); return s ? s[k] / s[2] : NaN; };
  return knnWeightsOfPlaced(codes.map((c) => mean(c, 0)), codes.map((c) => mean(c, 1)), spec.k);
}
