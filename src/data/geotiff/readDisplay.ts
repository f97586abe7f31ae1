/**
 * The national display grid of a raster: what the map draws before any zoom. WebGL2 guarantees
 * textures of 2048 px a side (MAX_TEXTURE_SIZE ≥ 2048), so the finest level whose window over
 * Thailand fits in 2048 × 2048 is read — a COG overview where the file has them (the demo's
 * level 1, 1008 × 1800) — and a file without a fitting overview is read at full resolution and
 * block-averaged to fit (the full grid is returned too, since zonal statistics need it anyway).
 */
import { THAILAND_BBOX, type RasterGrid } from '../../domain/raster/grid';
import { downsampleGridMean } from '../../domain/raster/resample';
import { pixelWindow, type OpenedRaster } from './readRasterGrid';

/** WebGL2's guaranteed minimum MAX_TEXTURE_SIZE. */
export const MAX_TEXTURE_PX = 2048;

export interface NationalDisplay {
  grid: RasterGrid;
  /** File level read (0 = full resolution). */
  level: number;
  /** Block-mean factor applied after reading (1 = none). */
  factor: number;
  /** The full-resolution window, when it had to be read. */
  full?: RasterGrid;
}

export async function readNationalDisplay(raster: OpenedRaster, band = 1, maxPx = MAX_TEXTURE_PX): Promise<NationalDisplay> {
  const { info } = raster;
  const windows = info.levels.map((lv) => pixelWindow(lv, info.bbox, THAILAND_BBOX));
  const level = windows.findIndex((w) => w !== null && w.cols <= maxPx && w.rows <= maxPx);
  if (level >= 0) return { grid: await raster.read({ band, overviewLevel: level }), level, factor: 1 };
  const full = await raster.read({ band, requireFullResolution: true });
  const factor = Math.ceil(Math.max(full.width, full.height) / maxPx);
  return { grid: downsampleGridMean(full, factor), level: 0, factor, full };
}
