/**
 * Reference implementations of the buffer rule, written for clarity, not speed: the oracle for
 * bufferZonalStats in tests and the baseline it is timed against in `npm run bench -- ntl`.
 */
import { haversineKm } from '../geo';
import { columnCentreLon, rowCentreLat, type RasterGrid } from './grid';
import { DEFAULT_LIT_THRESHOLD_NW, emptyZonalStats, finishZonalStats, type ZonalStats } from './zonalStats';
import type { BufferOptions } from './bufferZonalStats';

/** Every pixel of the grid against every buffer, with haversineKm (O(points × pixels)). */
export function bufferZonalStatsBruteForce(grid: RasterGrid, lon: ArrayLike<number>, lat: ArrayLike<number>, options: BufferOptions = {}): ZonalStats {
  return scan(grid, lon, lat, options, () => [0, grid.height - 1, 0, grid.width - 1]);
}

/**
 * The naive loop the issue describes: haversineKm for every pixel of each buffer's bounding box
 * (generous box: radius / 111 km per degree, widened by 1/cos φ, plus one pixel).
 */
export function bufferZonalStatsNaive(grid: RasterGrid, lon: ArrayLike<number>, lat: ArrayLike<number>, options: BufferOptions = {}): ZonalStats {
  const radiusKm = options.radiusKm ?? 2;
  return scan(grid, lon, lat, options, (lon0, lat0) => {
    const dLat = radiusKm / 110 + grid.pixelHeightDeg;
    const dLon = radiusKm / 110 / Math.cos((lat0 * Math.PI) / 180) + grid.pixelWidthDeg;
    return [
      Math.max(0, Math.floor((grid.north - lat0 - dLat) / grid.pixelHeightDeg)),
      Math.min(grid.height - 1, Math.floor((grid.north - lat0 + dLat) / grid.pixelHeightDeg)),
      Math.max(0, Math.floor((lon0 - dLon - grid.west) / grid.pixelWidthDeg)),
      Math.min(grid.width - 1, Math.floor((lon0 + dLon - grid.west) / grid.pixelWidthDeg)),
    ];
  });
}

function scan(grid: RasterGrid, lon: ArrayLike<number>, lat: ArrayLike<number>, options: BufferOptions, box: (lon0: number, lat0: number) => number[]): ZonalStats {
  const radiusKm = options.radiusKm ?? 2;
  const threshold = options.thresholdNw ?? DEFAULT_LIT_THRESHOLD_NW;
  const out = emptyZonalStats(lon.length);
  for (let i = 0; i < lon.length; i++) {
    const [r0, r1, c0, c1] = box(lon[i], lat[i]);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        if (haversineKm(lon[i], lat[i], columnCentreLon(grid, c), rowCentreLat(grid, r)) > radiusKm) continue;
        const v = grid.values[r * grid.width + c];
        if (Number.isNaN(v)) continue;
        out.sum[i] += v;
        out.validPixels[i]++;
        if (v > threshold) out.litPixels[i]++;
      }
    }
  }
  return finishZonalStats(out);
}
