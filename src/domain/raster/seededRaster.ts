/**
 * Seeded randomness and synthetic rasters for tests, fixtures and benches (never Math.random:
 * every run sees the same numbers).
 */
import type { RasterGrid } from './grid';
import { mulberry32 } from '../random';

export { mulberry32 } from '../random';

export interface SeededGridOptions {
  width: number;
  height: number;
  west: number;
  north: number;
  pixelWidthDeg: number;
  pixelHeightDeg?: number;
  seed: number;
  /** Share of pixels set to NaN (nodata). */
  noDataShare?: number;
  /** Share of pixels that are exactly 0 (VIIRS masked background). */
  zeroShare?: number;
}

/** A grid of skewed radiance-like values (exponential tail), some zeros and some nodata. */
export function seededGrid(o: SeededGridOptions): RasterGrid {
  const rand = mulberry32(o.seed);
  const ph = o.pixelHeightDeg ?? o.pixelWidthDeg;
  const values = new Float32Array(o.width * o.height);
  for (let i = 0; i < values.length; i++) {
    const u = rand();
    if (u < (o.noDataShare ?? 0)) values[i] = NaN;
    else if (u < (o.noDataShare ?? 0) + (o.zeroShare ?? 0)) values[i] = 0;
    else values[i] = -Math.log(1 - rand()) * 3;
  }
  return {
    width: o.width,
    height: o.height,
    west: o.west,
    north: o.north,
    east: o.west + o.width * o.pixelWidthDeg,
    south: o.north - o.height * ph,
    pixelWidthDeg: o.pixelWidthDeg,
    pixelHeightDeg: ph,
    values,
    band: 1,
    bandCount: 1,
    bandDescriptions: [null],
    overviewLevel: 0,
    sourceName: `seeded-${o.seed}`,
    noData: null,
  };
}
