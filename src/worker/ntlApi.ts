/**
 * The nighttime-lights worker's methods (issue 4; exposed by ntl.worker.ts): opens GeoTIFFs (the demo raster by URL, dropped Files by
 * slices), decodes them, colours the images the map draws and computes zonal statistics — all off
 * the main thread, so neither a 7 Mpx decode nor 75,000 buffers ever freezes the page
 * (DESIGN.md §5). Exposed with comlink.
 *
 * Sequence for a raster: `load` opens it, checks CRS and size, reads the national display grid
 * (the finest overview that fits a 2048 px texture, or a block mean of the full grid when the file
 * has no overviews), and only then replaces the current raster, so a refused file never disturbs
 * the one on the map. The full-resolution window over Thailand decodes right after, in the
 * background: `fullGrid` hands a copy to the page (tooltip values), `tile` crops map tiles from
 * it when zoomed in, and `zonal` computes village-buffer and area-polygon statistics on it.
 */
import { transfer } from 'comlink';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { DEFAULT_PIXEL_BUDGET, openRaster, pixelWindow, type OpenedRaster } from '../data/geotiff/readRasterGrid';
import { MAX_TEXTURE_PX, readNationalDisplay } from '../data/geotiff/readDisplay';
import { GeoTiffRefusal } from '../data/geotiff/refusal';
import { THAILAND_BBOX, type BBox, type RasterGrid } from '../domain/raster/grid';
import { ntlImageRgba, suggestedMaxRadianceNw } from '../domain/raster/ntlColour';
import { bufferZonalStats } from '../domain/raster/bufferZonalStats';
import { polygonZonalStats, type AreaGeometry } from '../domain/raster/polygonZonalStats';
import { cropGrid, downsampleGridMean } from '../domain/raster/resample';
import { idbBlob, readerOf, type WorkspaceRef } from '../data/workspace/storage';
import { readText } from '../data/dataset';


export type PolygonLevel = 'province' | 'district' | 'subdistrict';
export const POLYGON_LEVELS: PolygonLevel[] = ['province', 'district', 'subdistrict'];

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  /** [west, south, east, north] outer pixel edges, degrees. */
  bounds: [number, number, number, number];
}

export interface NtlRasterInfo {
  name: string;
  /** Whole file, full resolution. */
  width: number;
  height: number;
  /** The window over Thailand that is read, full resolution. */
  windowWidth: number;
  windowHeight: number;
  windowBounds: [number, number, number, number];
  bandCount: number;
  band: number;
  bandDescriptions: (string | null)[];
  noData: number | null;
  compression: number;
  /** Reduced-resolution levels in the file (0 = none). */
  overviewCount: number;
  pixelArcSec: number;
  /** What the national image shows: a file overview level (≥ 1), 0 = full resolution, or a computed block mean. */
  display: { level: number; computedFactor: number; width: number; height: number };
  /** Top of the colour ramp, nW/cm²/sr (99.9th percentile of the lit pixels of the national grid). */
  maxRadianceNw: number;
  bytes: number;
}

export interface NtlLoaded {
  gen: number;
  info: NtlRasterInfo;
  image: RgbaImage;
  /** Open + read + colour of the national image in the worker, ms. */
  displayMs: number;
}

export interface FullGrid {
  gen: number;
  grid: RasterGrid;
  decodeMs: number;
}

export interface StatsColumns {
  sum: Float64Array;
  mean: Float64Array;
  validPixels: Uint32Array;
  litPixels: Uint32Array;
  litShare: Float64Array;
}

export interface AreaStats extends StatsColumns {
  codes: string[];
  areaKm2: Float64Array;
}

export interface NtlZonal {
  gen: number;
  radiusKm: number;
  thresholdNw: number;
  /** Aligned with the dataset's villages (the order given to setVillages). */
  village: StatsColumns;
  areas: Partial<Record<PolygonLevel, AreaStats>>;
  ms: { villages: number; polygons: number };
}

/** A dropped file, or a workspace's own raster (the demo's over HTTP, a user's from IndexedDB). */
export type NtlSource = { url: string; name: string } | { file: File } | { workspace: WorkspaceRef; name: string; displayName?: string };

interface Current {
  gen: number;
  raster: OpenedRaster;
  info: NtlRasterInfo;
  full: Promise<RasterGrid>;
  /** Time to decode the full-resolution window (set when done), ms. */
  decodeMs: number;
}

const bounds = (g: { west: number; south: number; east: number; north: number }): [number, number, number, number] => [g.west, g.south, g.east, g.north];

async function openSource(source: NtlSource): Promise<{ raster: OpenedRaster; bytes: number }> {
  if ('file' in source) return { raster: await openRaster(source.file, source.file.name), bytes: source.file.size };
  if ('workspace' in source && !source.workspace.baseUrl) {
    // geotiff.js reads the Blob by slices: a large raster is never held whole.
    const blob = await idbBlob(source.workspace.id, source.name);
    return { raster: await openRaster(blob, source.displayName ?? source.name), bytes: blob.size };
  }
  if ('workspace' in source) source = { url: new URL(source.name, source.workspace.baseUrl).href, name: source.displayName ?? source.name };
  // The embedded raster is small (≈ 3 MB): one request, then decoded from memory.
  const res = await fetch(source.url);
  if (!res.ok) throw new Error(`${source.name}: HTTP ${res.status} from ${source.url}`);
  const buf = await res.arrayBuffer();
  return { raster: await openRaster(buf, source.name), bytes: buf.byteLength };
}

function imageOf(grid: RasterGrid, maxNw: number): RgbaImage {
  const img = ntlImageRgba(grid, maxNw);
  return { width: img.width, height: img.height, data: img.data, bounds: bounds(grid) };
}

/**
 * One worker's state and methods (the worker exposes one; tests create their own).
 * `pixelBudget`: largest full-resolution window over Thailand accepted (default 16 Mpx, 64 MB).
 */
export function createNtlApi(options: { pixelBudget?: number } = {}) {
  const pixelBudget = options.pixelBudget ?? DEFAULT_PIXEL_BUDGET;
  let current: Current | null = null;
  let genCounter = 0;
  let villages: { lon: Float32Array; lat: Float32Array } | null = null;
  let boundaries: Promise<Partial<Record<PolygonLevel, { codes: string[]; geometries: (AreaGeometry | null)[] }>>> | null = null;
  const polygonCache = new Map<string, NtlZonal['areas']>();

  return {
    /** Opens a raster and makes it the current one; throws (GeoTiffRefusal message) and keeps the current one otherwise. */
    async load(source: NtlSource, band = 1): Promise<NtlLoaded> {
      const t0 = performance.now();
      const { raster, bytes } = await openSource(source);
      try {
        const { info } = raster;
        if (band > info.bandCount) band = 1;
        const w0 = pixelWindow(info.levels[0], info.bbox, THAILAND_BBOX);
        if (!w0) {
          const f = (v: number) => Math.round(v * 1000) / 1000;
          throw new GeoTiffRefusal(
            `${info.sourceName}: covers lon ${f(info.bbox.west)}…${f(info.bbox.east)}, lat ${f(info.bbox.south)}…${f(info.bbox.north)} (EPSG:4326), which is outside Thailand (lon ${THAILAND_BBOX.west}…${THAILAND_BBOX.east}, lat ${THAILAND_BBOX.south}…${THAILAND_BBOX.north})`,
          );
        }
        // Zonal statistics need the full-resolution window: refuse now rather than after drawing.
        if (w0.pixels > pixelBudget) {
          throw new GeoTiffRefusal(
            `${info.sourceName}: the window over Thailand is ${w0.cols} × ${w0.rows} = ${w0.pixels.toLocaleString('en')} px at full resolution, over the budget of ${pixelBudget.toLocaleString('en')} px (${((pixelBudget * 4) / 1e6).toFixed(0)} MB of float32); resample it first (gdalwarp -tr 0.00416666667 0.00416666667 -te 97.3 5.5 105.7 20.5 in.tif out.tif)`,
          );
        }
        const tDisplay = performance.now();
        const display = await readNationalDisplay(raster, band);
        const displayDecodeMs = performance.now() - tDisplay;
        const maxNw = suggestedMaxRadianceNw(display.grid);
        const image = imageOf(display.grid, maxNw);
        const windowBounds: [number, number, number, number] = [
          info.bbox.west + w0.col0 * info.levels[0].pixelWidthDeg,
          info.bbox.north - (w0.row0 + w0.rows) * info.levels[0].pixelHeightDeg,
          info.bbox.west + (w0.col0 + w0.cols) * info.levels[0].pixelWidthDeg,
          info.bbox.north - w0.row0 * info.levels[0].pixelHeightDeg,
        ];
        const out: NtlRasterInfo = {
          name: info.sourceName,
          width: info.width,
          height: info.height,
          windowWidth: w0.cols,
          windowHeight: w0.rows,
          windowBounds,
          bandCount: info.bandCount,
          band,
          bandDescriptions: info.bandDescriptions,
          noData: info.noData,
          compression: info.compression,
          overviewCount: info.levels.length - 1,
          pixelArcSec: info.levels[0].pixelWidthDeg * 3600,
          display: { level: display.level, computedFactor: display.factor, width: display.grid.width, height: display.grid.height },
          maxRadianceNw: maxNw,
          bytes,
        };
        // Commit: from here on this is the raster on the map.
        current?.raster.close();
        const gen = ++genCounter;
        const tFull = performance.now();
        const full = display.full ? Promise.resolve(display.full) : raster.read({ band, requireFullResolution: true });
        const c: Current = { gen, raster, info: out, full, decodeMs: display.full ? displayDecodeMs : NaN };
        full.then(() => { if (!display.full) c.decodeMs = performance.now() - tFull; }, () => undefined); // errors reach fullGrid/zonal
        current = c;
        polygonCache.clear();
        const loaded: NtlLoaded = { gen, info: out, image, displayMs: performance.now() - t0 };
        return transfer(loaded, [image.data.buffer]);
      } catch (e) {
        raster.close();
        throw e;
      }
    },

    /** The full-resolution window of raster `gen` (a copy for the page: tooltip values). */
    async fullGrid(gen: number): Promise<FullGrid | null> {
      const c = current;
      if (!c || c.gen !== gen) return null;
      const grid = await c.full;
      const copy: RasterGrid = { ...grid, values: grid.values.slice() };
      return transfer({ gen, grid: copy, decodeMs: c.decodeMs }, [copy.values.buffer]);
    },

    /**
     * A map tile: the full-resolution pixels whose centre is in `bbox` (so neighbouring tiles
     * share none), coloured, at their own pixel edges (no resampling). Null for a stale
     * generation or outside the raster.
     */
    async tile(gen: number, bbox: BBox): Promise<RgbaImage | null> {
      const c = current;
      if (!c || c.gen !== gen) return null;
      const grid = await c.full;
      if (current?.gen !== gen) return null;
      const crop = cropGrid(grid, bbox, { centres: true });
      if (!crop) return null;
      const factor = Math.ceil(Math.max(crop.width, crop.height) / MAX_TEXTURE_PX);
      const img = imageOf(factor > 1 ? downsampleGridMean(crop, factor) : crop, c.info.maxRadianceNw);
      return transfer(img, [img.data.buffer]);
    },

    /** Village positions (dataset order), once. */
    setVillages(lon: Float32Array, lat: Float32Array): void {
      villages = { lon, lat };
    },

    /** The workspace's boundary files (GeoJSON with a `code` property, full geometry), read here. */
    setBoundaries(ref: WorkspaceRef, files: Partial<Record<PolygonLevel, string>>): void {
      polygonCache.clear();
      const read = readerOf(ref);
      boundaries = (async () => {
        const out: Partial<Record<PolygonLevel, { codes: string[]; geometries: (AreaGeometry | null)[] }>> = {};
        await Promise.all(
          POLYGON_LEVELS.map(async (level) => {
            const name = files[level];
            if (!name) return;
            const fc = JSON.parse(await readText(read, name)) as FeatureCollection<Polygon | MultiPolygon>;
            out[level] = {
              codes: fc.features.map((f, i) => String(f.properties?.code ?? i)),
              geometries: fc.features.map((f) => (f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') ? f.geometry : null)),
            };
          }),
        );
        return out;
      })();
      boundaries.catch(() => undefined);
    },

    /** Village-buffer and area-polygon statistics of raster `gen`; null when it is no longer current. */
    async zonal(gen: number, radiusKm: number, thresholdNw: number): Promise<NtlZonal | null> {
      const c = current;
      if (!c || c.gen !== gen) return null;
      const grid = await c.full;
      if (current?.gen !== gen) return null;
      const t0 = performance.now();
      const v = villages
        ? bufferZonalStats(grid, villages.lon, villages.lat, { radiusKm, thresholdNw })
        : bufferZonalStats(grid, [], [], { radiusKm, thresholdNw });
      const t1 = performance.now();
      const key = `${gen}|${thresholdNw}`;
      let areas = polygonCache.get(key);
      if (!areas) {
        areas = {};
        const b = boundaries ? await boundaries : {};
        for (const level of POLYGON_LEVELS) {
          const set = b[level];
          if (!set) continue;
          const s = polygonZonalStats(grid, set.geometries, { thresholdNw });
          areas[level] = { codes: set.codes, sum: s.sum, mean: s.mean, validPixels: s.validPixels, litPixels: s.litPixels, litShare: s.litShare, areaKm2: s.areaKm2 };
        }
        polygonCache.set(key, areas);
      }
      const t2 = performance.now();
      const village: StatsColumns = { sum: v.sum, mean: v.mean, validPixels: v.validPixels, litPixels: v.litPixels, litShare: v.litShare };
      // Areas stay cached here for the next radius change, so they are copied, villages transferred.
      const result: NtlZonal = { gen, radiusKm, thresholdNw, village, areas, ms: { villages: t1 - t0, polygons: t2 - t1 } };
      return transfer(result, [v.sum.buffer, v.mean.buffer, v.validPixels.buffer, v.litPixels.buffer, v.litShare.buffer]);
    },
  };
}

export type NtlApi = ReturnType<typeof createNtlApi>;
