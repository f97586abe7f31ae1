/**
 * Cutting and shrinking a RasterGrid for display: the map draws a tile from the full-resolution
 * pixels that intersect it, and a national image no larger than one texture. Pure (no DOM), so
 * it runs in the nighttime-lights worker and in Node tests.
 */
import type { BBox, RasterGrid } from './grid';

/**
 * The sub-grid of every pixel that intersects `bbox` (touching edges excluded), with its own
 * outer edges; null when they do not overlap. Values are copied.
 *
 * With `centres: true`, only the pixels whose centre lies in the box (west and north edges
 * inclusive, east and south exclusive), so boxes that tile the plane — map tiles — share no
 * pixel: semi-transparent tiles drawn side by side then have no darker seams where a pixel
 * straddling the tile edge would be drawn twice, and no gaps.
 */
export function cropGrid(grid: RasterGrid, bbox: BBox, options: { centres?: boolean } = {}): RasterGrid | null {
  const eps = 1e-9;
  const pw = grid.pixelWidthDeg;
  const ph = grid.pixelHeightDeg;
  const half = options.centres ? 0.5 : 0;
  const col0 = Math.max(0, options.centres ? Math.ceil((bbox.west - grid.west) / pw - half) : Math.floor((bbox.west - grid.west) / pw + eps));
  const col1 = Math.min(grid.width, Math.ceil((bbox.east - grid.west) / pw - (options.centres ? half : eps)));
  const row0 = Math.max(0, options.centres ? Math.ceil((grid.north - bbox.north) / ph - half) : Math.floor((grid.north - bbox.north) / ph + eps));
  const row1 = Math.min(grid.height, Math.ceil((grid.north - bbox.south) / ph - (options.centres ? half : eps)));
  if (col1 <= col0 || row1 <= row0) return null;
  const width = col1 - col0;
  const height = row1 - row0;
  const values = new Float32Array(width * height);
  for (let r = 0; r < height; r++) {
    const from = (row0 + r) * grid.width + col0;
    values.set(grid.values.subarray(from, from + width), r * width);
  }
  const west = grid.west + col0 * grid.pixelWidthDeg;
  const north = grid.north - row0 * grid.pixelHeightDeg;
  return {
    ...grid,
    width,
    height,
    values,
    west,
    north,
    east: west + width * grid.pixelWidthDeg,
    south: north - height * grid.pixelHeightDeg,
  };
}

/**
 * Block mean by an integer `factor`: each output pixel is the mean of the valid (non-NaN) input
 * pixels of its factor × factor block, NaN when none is valid — GDAL's "average" overview
 * resampling, which ignores nodata. Edge blocks are partial; the output keeps the input's west
 * and north edges and its pixel size is factor × the input's, so the last column/row may reach
 * past the input's east/south edge by less than one output pixel.
 */
export function downsampleGridMean(grid: RasterGrid, factor: number): RasterGrid {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`downsampleGridMean: factor must be a positive integer (got ${factor})`);
  if (factor === 1) return grid;
  const width = Math.ceil(grid.width / factor);
  const height = Math.ceil(grid.height / factor);
  const sum = new Float64Array(width * height);
  const count = new Uint32Array(width * height);
  const src = grid.values;
  for (let r = 0; r < grid.height; r++) {
    const orow = Math.floor(r / factor) * width;
    const base = r * grid.width;
    for (let c = 0; c < grid.width; c++) {
      const v = src[base + c];
      if (v !== v) continue;
      const o = orow + Math.floor(c / factor);
      sum[o] += v;
      count[o]++;
    }
  }
  const values = new Float32Array(width * height);
  for (let i = 0; i < values.length; i++) values[i] = count[i] ? sum[i] / count[i] : NaN;
  const pixelWidthDeg = grid.pixelWidthDeg * factor;
  const pixelHeightDeg = grid.pixelHeightDeg * factor;
  return {
    ...grid,
    width,
    height,
    values,
    pixelWidthDeg,
    pixelHeightDeg,
    east: grid.west + width * pixelWidthDeg,
    south: grid.north - height * pixelHeightDeg,
  };
}
