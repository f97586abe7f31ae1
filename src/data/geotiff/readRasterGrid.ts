/**
 * Reading a nighttime-light GeoTIFF into a RasterGrid with geotiff.js (Node, browser and Web
 * Worker alike; no DOM). geotiff.js 3.0.5 decodes none, LZW, deflate/Adobe deflate, PackBits,
 * JPEG, LERC, WebP and zstd (50000, through the bundled zstddec WebAssembly decoder: no
 * registration needed), predictors 2 and 3, stripped and tiled, chunky and planar layouts.
 *
 * Only the requested window is decoded, and from a Blob/File or URL only the bytes of the IFDs
 * and of the strips/tiles that cover it are fetched, so a multi-gigabyte global VNL tile is never
 * read whole. Where the file has overviews (COG reduced-resolution IFDs) the finest level whose
 * window fits the pixel budget is used.
 */
import { fromArrayBuffer, fromFile, fromUrl, type GeoTIFF, type GeoTIFFImage } from 'geotiff';
import { THAILAND_BBOX, type BBox, type RasterGrid } from '../../domain/raster/grid';
import { fromBlobSlices } from './blobSource';
import { assertWgs84Geographic } from './crs';
import { noDataMatcher, parseGdalNoData } from './noData';
import { GeoTiffRefusal } from './refusal';

export { GeoTiffRefusal } from './refusal';
export { THAILAND_BBOX } from '../../domain/raster/grid';

/** Bytes in memory, a dropped File/Blob (read by slices), a URL (HTTP range requests), or a path in Node. */
export type RasterSource = ArrayBuffer | Uint8Array | Blob | { url: string } | { path: string };

/** Default budget: 16 Mpx (64 MB of float32) — Thailand at 15″ is 2016 × 3600 = 7.3 Mpx. */
export const DEFAULT_PIXEL_BUDGET = 16_000_000;

export interface RasterLevel {
  width: number;
  height: number;
  pixelWidthDeg: number;
  pixelHeightDeg: number;
}

export interface RasterInfo {
  sourceName: string;
  width: number;
  height: number;
  bandCount: number;
  bandDescriptions: (string | null)[];
  noData: number | null;
  /** Outer edges of the full raster, degrees. */
  bbox: BBox;
  /** Level 0 = full resolution, then overviews from fine to coarse. */
  levels: RasterLevel[];
  compression: number;
}

export interface ReadWindowOptions {
  /** 1-based band, default 1. */
  band?: number;
  /** Area to read (degrees); default THAILAND_BBOX; 'full' = the whole raster. */
  bbox?: BBox | 'full';
  /** Largest window to decode, in pixels; the finest level whose window fits is chosen. */
  pixelBudget?: number;
  /** Use exactly this level (0 = full resolution). */
  overviewLevel?: number;
  /** Refuse rather than fall back to an overview (zonal statistics need full resolution). */
  requireFullResolution?: boolean;
  signal?: AbortSignal;
}

export interface OpenedRaster {
  info: RasterInfo;
  read(options?: ReadWindowOptions): Promise<RasterGrid>;
  close(): void;
}

function sourceNameOf(source: RasterSource, name?: string): string {
  if (name) return name;
  if (typeof Blob !== 'undefined' && source instanceof Blob && 'name' in source && typeof source.name === 'string') return source.name;
  if (typeof source === 'object' && 'url' in source) return source.url.split('/').pop() || source.url;
  if (typeof source === 'object' && 'path' in source) return source.path.split(/[\\/]/).pop() || source.path;
  return 'raster';
}

async function openTiff(source: RasterSource, signal?: AbortSignal): Promise<GeoTIFF> {
  if (source instanceof ArrayBuffer) return fromArrayBuffer(source, signal);
  if (source instanceof Uint8Array) {
    const copy = source.byteOffset === 0 && source.byteLength === source.buffer.byteLength ? (source.buffer as ArrayBuffer) : source.slice().buffer;
    return fromArrayBuffer(copy, signal);
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) return fromBlobSlices(source, signal);
  if ('url' in source) return fromUrl(source.url, {}, signal);
  if ('path' in source) return fromFile(source.path, signal);
  throw new Error('unsupported raster source');
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** GDAL metadata item of one band (GDAL_METADATA XML, `sample` attribute is 0-based). */
async function bandItem(image: GeoTIFFImage, sample: number, name: string): Promise<string | null> {
  const md = await image.getGDALMetadata(sample).catch(() => null);
  const v = md?.[name];
  return typeof v === 'string' && v !== '' ? v : null;
}

/**
 * Opens a GeoTIFF, checks that it is usable (geographic WGS 84, float or integer samples) and
 * returns its description plus a window reader. Throws GeoTiffRefusal with a message naming the
 * file for anything the app will not draw.
 */
export async function openRaster(source: RasterSource, name?: string, signal?: AbortSignal): Promise<OpenedRaster> {
  const sourceName = sourceNameOf(source, name);
  let tiff: GeoTIFF;
  let image: GeoTIFFImage;
  try {
    tiff = await openTiff(source, signal);
    image = await tiff.getImage(0);
  } catch (e) {
    throw new GeoTiffRefusal(`${sourceName}: not a readable GeoTIFF (${errorText(e)})`);
  }
  const fd = image.getFileDirectory();
  const hasTiepoint = fd.hasTag('ModelTiepoint') && fd.hasTag('ModelPixelScale');
  const hasTransform = fd.hasTag('ModelTransformation');
  assertWgs84Geographic(image.getGeoKeys(), hasTiepoint || hasTransform, sourceName);

  if (hasTransform && !hasTiepoint) {
    const m = fd.getValue('ModelTransformation') as number[];
    if (m[1] !== 0 || m[4] !== 0) throw new GeoTiffRefusal(`${sourceName}: is rotated or sheared (ModelTransformation); expected a north-up EPSG:4326 raster`);
  }
  const [ox, oy] = image.getOrigin();
  const [rx, ry] = image.getResolution();
  const pixelWidthDeg = Math.abs(rx);
  const pixelHeightDeg = Math.abs(ry);
  if (!(rx > 0) || !(ry < 0)) throw new GeoTiffRefusal(`${sourceName}: is not north-up (pixel size ${rx}, ${ry}); expected a north-up EPSG:4326 raster`);
  // PixelIsPoint: the tiepoint is the centre of the first pixel (GDAL shifts by half a pixel too).
  const pixelIsPoint = image.getGeoKeys()?.GTRasterTypeGeoKey === 2;
  const west = pixelIsPoint ? ox - pixelWidthDeg / 2 : ox;
  const north = pixelIsPoint ? oy + pixelHeightDeg / 2 : oy;
  const width = image.getWidth();
  const height = image.getHeight();
  const bbox = { west, north, east: west + width * pixelWidthDeg, south: north - height * pixelHeightDeg };
  if (bbox.west < -180.5 || bbox.east > 360.5 || bbox.south < -90.5 || bbox.north > 90.5) {
    throw new GeoTiffRefusal(`${sourceName}: says EPSG:4326 but spans x ${bbox.west}…${bbox.east}, y ${bbox.south}…${bbox.north}, which are not degrees`);
  }

  const bandCount = image.getSamplesPerPixel();
  const sampleFormat = image.getSampleFormat(0);
  const bits = image.getBitsPerSample(0);
  if (![1, 2, 3].includes(sampleFormat)) throw new GeoTiffRefusal(`${sourceName}: has sample format ${sampleFormat} (complex or unknown); expected float or integer samples`);
  const bandDescriptions: (string | null)[] = [];
  for (let s = 0; s < bandCount; s++) bandDescriptions.push(await bandItem(image, s, 'DESCRIPTION'));
  const noDataText = fd.hasTag('GDAL_NODATA') ? (fd.getValue('GDAL_NODATA') as string) : null;
  const noData = parseGdalNoData(noDataText);

  // Full resolution plus reduced-resolution IFDs (NewSubfileType bit 0), excluding masks (bit 2).
  const images: GeoTIFFImage[] = [image];
  const count = await tiff.getImageCount();
  for (let i = 1; i < count; i++) {
    const im = await tiff.getImage(i);
    const subfile = (im.getFileDirectory().getValue('NewSubfileType') as number | undefined) ?? 0;
    if (subfile & 4 || !(subfile & 1) || im.getSamplesPerPixel() !== bandCount) continue;
    images.push(im);
  }
  images.sort((a, b) => b.getWidth() - a.getWidth());
  const levels: RasterLevel[] = images.map((im) => ({
    width: im.getWidth(),
    height: im.getHeight(),
    // As GDAL: an overview covers the same extent, so its pixel size is the extent over its size.
    pixelWidthDeg: (bbox.east - bbox.west) / im.getWidth(),
    pixelHeightDeg: (bbox.north - bbox.south) / im.getHeight(),
  }));
  const info: RasterInfo = {
    sourceName,
    width,
    height,
    bandCount,
    bandDescriptions,
    noData,
    bbox,
    levels,
    compression: (fd.getValue('Compression') as number | undefined) ?? 1,
  };

  const read = async (options: ReadWindowOptions = {}): Promise<RasterGrid> => {
    const band = options.band ?? 1;
    if (!Number.isInteger(band) || band < 1 || band > bandCount) {
      throw new GeoTiffRefusal(`${sourceName}: has ${bandCount} band${bandCount > 1 ? 's' : ''}; band ${band} does not exist`);
    }
    const want = options.bbox === 'full' ? bbox : (options.bbox ?? THAILAND_BBOX);
    const budget = options.pixelBudget ?? DEFAULT_PIXEL_BUDGET;
    const windows = levels.map((lv) => pixelWindow(lv, bbox, want));
    if (windows[0] === null) {
      throw new GeoTiffRefusal(
        `${sourceName}: covers lon ${fmt(bbox.west)}…${fmt(bbox.east)}, lat ${fmt(bbox.south)}…${fmt(bbox.north)}, which does not overlap the requested area lon ${fmt(want.west)}…${fmt(want.east)}, lat ${fmt(want.south)}…${fmt(want.north)}`,
      );
    }
    let level: number;
    if (options.overviewLevel !== undefined) {
      level = options.overviewLevel;
      if (!levels[level]) throw new GeoTiffRefusal(`${sourceName}: has ${levels.length - 1} overview level(s); level ${level} does not exist`);
    } else {
      const candidates = options.requireFullResolution ? [0] : levels.map((_, i) => i);
      const fit = candidates.find((i) => windows[i]!.pixels <= budget);
      if (fit === undefined) {
        const w = windows[0]!;
        const coarsest = windows[candidates[candidates.length - 1]]!;
        throw new GeoTiffRefusal(
          `${sourceName}: the window to read is ${w.cols} × ${w.rows} = ${w.pixels.toLocaleString('en')} px at full resolution` +
            (candidates.length > 1 ? ` (${coarsest.pixels.toLocaleString('en')} px at the coarsest overview)` : options.requireFullResolution ? '' : ' and the file has no overviews') +
            `, over the budget of ${budget.toLocaleString('en')} px; clip it to Thailand first (gdal_translate -projwin 97.3 20.5 105.7 5.5 in.tif out.tif) or add overviews (gdaladdo)`,
        );
      }
      level = fit;
    }
    const win = windows[level]!;
    if (win.pixels > budget) {
      throw new GeoTiffRefusal(`${sourceName}: the window at level ${level} is ${win.pixels.toLocaleString('en')} px, over the budget of ${budget.toLocaleString('en')} px`);
    }
    const im = images[level];
    let raw: ArrayLike<number>;
    try {
      const r = await im.readRasters({ window: [win.col0, win.row0, win.col0 + win.cols, win.row0 + win.rows], samples: [band - 1], interleave: false, signal: options.signal });
      raw = r[0] as ArrayLike<number>;
    } catch (e) {
      throw new GeoTiffRefusal(`${sourceName}: cannot decode band ${band} (${errorText(e)})`);
    }
    const isNoData = noDataMatcher(noData, sampleFormat, bits);
    const scaleText = await bandItem(image, band - 1, 'SCALE');
    const offsetText = await bandItem(image, band - 1, 'OFFSET');
    const scale = scaleText === null ? 1 : Number(scaleText);
    const offset = offsetText === null ? 0 : Number(offsetText);
    const values = new Float32Array(win.cols * win.rows);
    for (let i = 0; i < values.length; i++) {
      const v = raw[i];
      values[i] = isNoData(v) ? NaN : v * scale + offset;
    }
    const lv = levels[level];
    const gw = bbox.west + win.col0 * lv.pixelWidthDeg;
    const gn = bbox.north - win.row0 * lv.pixelHeightDeg;
    return {
      width: win.cols,
      height: win.rows,
      west: gw,
      north: gn,
      east: gw + win.cols * lv.pixelWidthDeg,
      south: gn - win.rows * lv.pixelHeightDeg,
      pixelWidthDeg: lv.pixelWidthDeg,
      pixelHeightDeg: lv.pixelHeightDeg,
      values,
      band,
      bandCount,
      bandDescriptions,
      overviewLevel: level,
      sourceName,
      noData,
    };
  };

  return { info, read, close: () => void tiff.close() };
}

/** Opens and reads one window in one call (see openRaster and ReadWindowOptions). */
export async function readRasterGrid(source: RasterSource, options: ReadWindowOptions & { name?: string } = {}): Promise<RasterGrid> {
  const r = await openRaster(source, options.name, options.signal);
  try {
    return await r.read(options);
  } finally {
    r.close();
  }
}

function fmt(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

/**
 * The pixel window of one level that covers `want` (every pixel that intersects it), clamped to
 * the raster; null when they do not overlap.
 */
export function pixelWindow(level: RasterLevel, full: BBox, want: BBox): { col0: number; row0: number; cols: number; rows: number; pixels: number } | null {
  const eps = 1e-9;
  const col0 = Math.max(0, Math.floor((want.west - full.west) / level.pixelWidthDeg + eps));
  const col1 = Math.min(level.width, Math.ceil((want.east - full.west) / level.pixelWidthDeg - eps));
  const row0 = Math.max(0, Math.floor((full.north - want.north) / level.pixelHeightDeg + eps));
  const row1 = Math.min(level.height, Math.ceil((full.north - want.south) / level.pixelHeightDeg - eps));
  if (col1 <= col0 || row1 <= row0) return null;
  return { col0, row0, cols: col1 - col0, rows: row1 - row0, pixels: (col1 - col0) * (row1 - row0) };
}
