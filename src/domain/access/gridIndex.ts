/**
 * A uniform lon/lat grid over a static point set, for the access pass's many small box queries
 * (accessMeasures.ts: one 10 km box per village per service class).
 *
 * Points are counting-sorted by cell (row-major, rows of latitude), so the cells a box covers in
 * one grid row are one contiguous run of the sorted arrays: a box query is a few linear scans with
 * no allocation and no tree walk, where kdbush's `range()` builds a result array per call. Within
 * a cell points keep ascending id order (the counting sort is stable).
 *
 * Exactness: a point's cell is ⌊(x − min) / size⌋, clamped — a monotone function of x (correctly
 * rounded subtraction and division, then floor) — so every point with minLon ≤ lon ≤ maxLon and
 * minLat ≤ lat ≤ maxLat lies in the cells between the box corners' cells, and the caller's
 * inclusive box test then keeps exactly the points kdbush's inclusive `range()` returns.
 */
import { EARTH_RADIUS_KM, haversineKmCos } from '../geo';
import { circleBox, MAX_BOX_SEARCH_KM } from './pointIndex';

export interface GridIndex {
  /** Indexed points with finite coordinates (the others can match no box and are left out). */
  count: number;
  minLon: number;
  minLat: number;
  /** Cell size in degrees. */
  cellLonDeg: number;
  cellLatDeg: number;
  cols: number;
  rows: number;
  /** Cell c = row · cols + col holds sorted positions cellStart[c] .. cellStart[c + 1] − 1. */
  cellStart: Uint32Array;
  /** Per sorted position: coordinates, cos(lat) as the caller supplied it, and the point's id. */
  lon: Float64Array;
  lat: Float64Array;
  cosLat: Float64Array;
  id: Uint32Array;
}

/** Upper bound on cells per point (sparse, far-flung sets get coarser cells instead of a huge table). */
const MAX_CELLS_PER_POINT = 4;
const MIN_CELLS = 1024;

/**
 * Builds the grid with cells of about `cellKm` (lat) × `cellKm` (lon at the points' mean
 * latitude); ids are positions 0..n−1 in lon/lat. `cosLat[i]` is stored beside each point so the
 * caller's haversineKmCos sees the value it would read from its own index.
 */
export function buildGridIndex(lon: ArrayLike<number>, lat: ArrayLike<number>, cosLat: ArrayLike<number>, cellKm: number): GridIndex {
  const n = lon.length;
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity, count = 0, latSum = 0;
  for (let i = 0; i < n; i++) {
    const x = lon[i], y = lat[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    count++;
    latSum += y;
    if (x < minLon) minLon = x;
    if (x > maxLon) maxLon = x;
    if (y < minLat) minLat = y;
    if (y > maxLat) maxLat = y;
  }
  if (count === 0) {
    minLon = minLat = 0;
    maxLon = maxLat = 0;
  }
  // 1° of latitude ≈ 111.2 km; the lon size follows the mean latitude (cells roughly square on the ground).
  let cellLatDeg = Math.max(cellKm, 1e-6) / 111.2;
  const cosMean = Math.max(0.05, Math.cos(((count ? latSum / count : 0) * Math.PI) / 180));
  let cellLonDeg = cellLatDeg / cosMean;
  let cols = 0, rows = 0;
  const maxCells = Math.max(MIN_CELLS, MAX_CELLS_PER_POINT * count);
  for (;;) {
    cols = Math.floor((maxLon - minLon) / cellLonDeg) + 1;
    rows = Math.floor((maxLat - minLat) / cellLatDeg) + 1;
    if (cols * rows <= maxCells) break;
    cellLatDeg *= 2;
    cellLonDeg *= 2;
  }
  const cellOf = new Uint32Array(n);
  const cellStart = new Uint32Array(cols * rows + 1);
  for (let i = 0; i < n; i++) {
    const x = lon[i], y = lat[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      cellOf[i] = 0xffffffff;
      continue;
    }
    const c = cellRow(y, minLat, cellLatDeg, rows) * cols + cellCol(x, minLon, cellLonDeg, cols);
    cellOf[i] = c;
    cellStart[c + 1]++;
  }
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, cols * rows);
  const sLon = new Float64Array(count), sLat = new Float64Array(count), sCos = new Float64Array(count), sId = new Uint32Array(count);
  for (let i = 0; i < n; i++) {
    const c = cellOf[i];
    if (c === 0xffffffff) continue;
    const p = fill[c]++;
    sLon[p] = lon[i];
    sLat[p] = lat[i];
    sCos[p] = cosLat[i];
    sId[p] = i;
  }
  return { count, minLon, minLat, cellLonDeg, cellLatDeg, cols, rows, cellStart, lon: sLon, lat: sLat, cosLat: sCos, id: sId };
}

/** Column of longitude x, clamped to the grid (monotone in x; NaN → 0). */
export function cellCol(x: number, minLon: number, cellLonDeg: number, cols: number): number {
  const c = Math.floor((x - minLon) / cellLonDeg);
  return c >= cols ? cols - 1 : c >= 0 ? c : 0;
}

/** Row of latitude y, clamped to the grid (monotone in y; NaN → 0). */
export function cellRow(y: number, minLat: number, cellLatDeg: number, rows: number): number {
  const r = Math.floor((y - minLat) / cellLatDeg);
  return r >= rows ? rows - 1 : r >= 0 ? r : 0;
}

/**
 * Ids of the points inside the box (inclusive on every side, as kdbush's range), in cell order.
 * The reference form of the scan accessMeasures.ts inlines; tests hold both to a full scan.
 */
export function gridRange(g: GridIndex, minLon: number, minLat: number, maxLon: number, maxLat: number): number[] {
  const out: number[] = [];
  if (g.count === 0 || !(minLon <= maxLon) || !(minLat <= maxLat)) return out;
  const c0 = cellCol(minLon, g.minLon, g.cellLonDeg, g.cols), c1 = cellCol(maxLon, g.minLon, g.cellLonDeg, g.cols);
  const r0 = cellRow(minLat, g.minLat, g.cellLatDeg, g.rows), r1 = cellRow(maxLat, g.minLat, g.cellLatDeg, g.rows);
  for (let r = r0; r <= r1; r++) {
    const end = g.cellStart[r * g.cols + c1 + 1];
    for (let p = g.cellStart[r * g.cols + c0]; p < end; p++) {
      const x = g.lon[p], y = g.lat[p];
      if (x >= minLon && x <= maxLon && y >= minLat && y <= maxLat) out.push(g.id[p]);
    }
  }
  return out;
}

const RAD = Math.PI / 180;

/**
 * The haversine's inner term at a distance: d = 2R·asin(√s) (geo.ts) ⇔ s = sin²(d / 2R). Box
 * scans compare the trig-free upper bound u = (Δφ/2)² + cos φ₁ cos φ₂ (Δλ/2)² ≥ s (sin x ≤ x)
 * with it, and u·(1 − x²/3) ≤ s for half-angles up to x (sin x ≥ x − x³/6): a point whose bound
 * is clearly on one side of a cut-off (by BOUND_MARGIN, far beyond the few ulps haversineKmCos
 * can be off) is decided without sine or arcsine; the rest are measured with haversineKmCos.
 */
export function havOf(km: number): number {
  const t = Math.sin(km / (2 * EARTH_RADIUS_KM));
  return t * t;
}

/** Relative slack of the bound tests (the Taylor gap x²/3 is added per query). */
export const BOUND_MARGIN = 1e-9;

/** A box search gave up: the caller answers with geokdbush (pointIndex.ts nearestByGeokdbush). */
export const GIVE_UP = -2;

/**
 * pointIndex.ts nearestPoint's growing-box search on the grid: boxes of r km (circleBox) with r
 * doubling from startKm up to maxKm, the nearest by haversineKmCos (ties → lowest id; `cosLat` = cos of the query's latitude) among the
 * points in the box, accepted once it lies within r (every point outside the box is farther).
 * Writes into `out` and returns the id, -1 for an empty grid, or GIVE_UP past maxKm or when a box
 * would cross the antimeridian — exactly where nearestPoint hands over to geokdbush.
 */
export function nearestInGrid(
  g: GridIndex,
  lon: number,
  lat: number,
  cosLat: number,
  startKm: number,
  out: { id: number; distanceKm: number },
  maxKm = MAX_BOX_SEARCH_KM,
): number {
  out.id = -1;
  out.distanceKm = Infinity;
  if (g.count === 0) return -1;
  const { cols, cellStart } = g;
  for (let r = Math.max(startKm, 1e-3); r <= maxKm; r *= 2) {
    const b = circleBox(lon, lat, r);
    if (b.minLon < -180 || b.maxLon > 180) break;
    let best = -1;
    let bestKm = Infinity;
    if (b.minLon <= b.maxLon && b.minLat <= b.maxLat) {
      const c0 = cellCol(b.minLon, g.minLon, g.cellLonDeg, cols), c1 = cellCol(b.maxLon, g.minLon, g.cellLonDeg, cols);
      const r0 = cellRow(b.minLat, g.minLat, g.cellLatDeg, g.rows), r1 = cellRow(b.maxLat, g.minLat, g.cellLatDeg, g.rows);
      // As in accessMeasures.ts: the trig-free upper bound u ≥ the haversine's inner term finds the
      // likely nearest (smallest u) first; then only points whose bound could reach that distance
      // are measured, and haversineKmCos with the lowest-id rule decides among them.
      const hx = (Math.max(lat - b.minLat, b.maxLat - lat, lon - b.minLon, b.maxLon - lon) * RAD) / 2;
      const lowF = 1 - (hx * hx) / 3 - BOUND_MARGIN;
      const bounded = lowF > 0.99;
      let minU = Infinity, minP = -1;
      if (bounded) {
        for (let row = r0; row <= r1; row++) {
          const end = cellStart[row * cols + c1 + 1];
          for (let p = cellStart[row * cols + c0]; p < end; p++) {
            const x = g.lon[p], y = g.lat[p];
            if (x < b.minLon || x > b.maxLon || y < b.minLat || y > b.maxLat) continue;
            const ha = ((y - lat) * RAD) / 2, ho = ((x - lon) * RAD) / 2;
            const u = ha * ha + cosLat * g.cosLat[p] * (ho * ho);
            if (u < minU) {
              minU = u;
              minP = p;
            }
          }
        }
      }
      let bestOut = Infinity;
      if (minP >= 0) {
        best = g.id[minP];
        bestKm = haversineKmCos(lon, lat, cosLat, g.lon[minP], g.lat[minP], g.cosLat[minP]);
        bestOut = (havOf(bestKm) * (1 + BOUND_MARGIN)) / lowF;
      }
      for (let row = r0; row <= r1; row++) {
        const end = cellStart[row * cols + c1 + 1];
        for (let p = cellStart[row * cols + c0]; p < end; p++) {
          if (p === minP) continue;
          const x = g.lon[p], y = g.lat[p];
          if (x < b.minLon || x > b.maxLon || y < b.minLat || y > b.maxLat) continue;
          if (bounded) {
            const ha = ((y - lat) * RAD) / 2, ho = ((x - lon) * RAD) / 2;
            if (ha * ha + cosLat * g.cosLat[p] * (ho * ho) > bestOut) continue; // surely farther than the best
          }
          const d = haversineKmCos(lon, lat, cosLat, x, y, g.cosLat[p]);
          const j = g.id[p];
          if (d < bestKm || (d === bestKm && j < best)) {
            best = j;
            bestKm = d;
            if (bounded) bestOut = (havOf(d) * (1 + BOUND_MARGIN)) / lowF;
          }
        }
      }
    }
    if (bestKm <= r) {
      out.id = best;
      out.distanceKm = bestKm;
      return best;
    }
  }
  return GIVE_UP;
}
