import { fc, test } from '@fast-check/vitest';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { columnCentreLon, rowCentreLat, type RasterGrid } from './grid';
import { polygonZonalStats, type AreaGeometry } from './polygonZonalStats';
import { mulberry32, seededGrid } from './seededRaster';

// Oracle: turf booleanPointInPolygon on every pixel centre (a different algorithm from the
// scanline), on seeded rasters with nodata; areas from a spherical-cap-free closed form.
const grid = seededGrid({ width: 80, height: 60, west: 100, north: 15, pixelWidthDeg: 1 / 240, seed: 9, noDataShare: 0.1, zeroShare: 0.3 });

function reference(g: RasterGrid, geom: AreaGeometry, threshold = 0.5) {
  let sum = 0, valid = 0, lit = 0;
  for (let r = 0; r < g.height; r++) {
    for (let c = 0; c < g.width; c++) {
      if (!booleanPointInPolygon(point([columnCentreLon(g, c), rowCentreLat(g, r)]), geom)) continue;
      const v = g.values[r * g.width + c];
      if (Number.isNaN(v)) continue;
      sum += v, valid++, v > threshold && lit++;
    }
  }
  return { sum, valid, lit };
}

/** A random star-shaped ring around (cx, cy): simple (non-self-intersecting) by construction. */
function starRing(rand: () => number, cx: number, cy: number, radius: number, n: number): number[][] {
  const ring: number[][] = [];
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n;
    const r = radius * (0.4 + 0.6 * rand());
    ring.push([cx + r * Math.cos(t), cy + r * Math.sin(t)]);
  }
  ring.push(ring[0]);
  return ring;
}

function holeRing(cx: number, cy: number, r: number): number[][] {
  // Clockwise square inside the star's minimum radius.
  return [[cx - r, cy - r], [cx - r, cy + r], [cx + r, cy + r], [cx + r, cy - r], [cx - r, cy - r]];
}

function check(g: RasterGrid, geom: AreaGeometry) {
  const s = polygonZonalStats(g, [geom]);
  const ref = reference(g, geom);
  expect(s.validPixels[0]).toBe(ref.valid);
  expect(s.litPixels[0]).toBe(ref.lit);
  expect(s.sum[0]).toBeCloseTo(ref.sum, 9);
}

describe('polygonZonalStats', () => {
  const cx = (grid.west + grid.east) / 2, cy = (grid.north + grid.south) / 2;
  it('matches turf point-in-polygon for a polygon with a hole', () => {
    const rand = mulberry32(3);
    const poly: Polygon = { type: 'Polygon', coordinates: [starRing(rand, cx, cy, 0.12, 40), holeRing(cx, cy, 0.03)] };
    check(grid, poly);
    const noHole = polygonZonalStats(grid, [{ type: 'Polygon', coordinates: [poly.coordinates[0]] }]);
    expect(noHole.validPixels[0]).toBeGreaterThan(polygonZonalStats(grid, [poly]).validPixels[0]);
  });

  it('matches turf for a MultiPolygon whose parts cross the raster edge', () => {
    const rand = mulberry32(4);
    const mp: MultiPolygon = { type: 'MultiPolygon', coordinates: [[starRing(rand, grid.west, grid.north, 0.08, 25)], [starRing(rand, grid.east - 0.02, grid.south + 0.03, 0.07, 30)]] };
    check(grid, mp);
  });

  it('axis-aligned box: exactly the pixels whose centres are inside, mean = sum / valid', () => {
    const w = grid.west, n = grid.north, p = grid.pixelWidthDeg;
    // Box from column 5.2 to 9.7 and row 3.1 to 6.9 → centres of columns 5..9? centre c+0.5 in [5.2, 9.7] → c = 5..9; rows 3..6.
    const box: Polygon = { type: 'Polygon', coordinates: [[[w + 5.2 * p, n - 3.1 * p], [w + 9.7 * p, n - 3.1 * p], [w + 9.7 * p, n - 6.9 * p], [w + 5.2 * p, n - 6.9 * p], [w + 5.2 * p, n - 3.1 * p]]] };
    let sum = 0, valid = 0;
    for (let r = 3; r <= 6; r++) for (let c = 5; c <= 8; c++) { const v = grid.values[r * grid.width + c]; if (!Number.isNaN(v)) sum += v, valid++; }
    // Column 9's centre is 9.5 ≤ 9.7, so it is inside too.
    for (let r = 3; r <= 6; r++) { const v = grid.values[r * grid.width + 9]; if (!Number.isNaN(v)) sum += v, valid++; }
    const s = polygonZonalStats(grid, [box]);
    expect(s.validPixels[0]).toBe(valid);
    expect(s.sum[0]).toBeCloseTo(sum, 9);
    expect(s.mean[0]).toBeCloseTo(sum / valid, 12);
  });

  it('area of a 1° × 1° cell at the equator is 2πR²·sin(1°)/360 (turf radius 6,371,008.8 m)', () => {
    const cell: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    const R = 6371.0088;
    expect(polygonZonalStats(grid, [cell]).areaKm2[0]).toBeCloseTo(((2 * Math.PI * R * R) / 360) * Math.sin(Math.PI / 180), 0);
  });

  it('null geometry and a polygon outside the grid give empty statistics', () => {
    const s = polygonZonalStats(grid, [null, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }]);
    expect(Array.from(s.validPixels)).toEqual([0, 0]);
    expect(s.mean[1]).toBeNaN();
  });

  test.prop([fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 3, max: 30 })], { numRuns: 25 })('matches turf for random star polygons with holes', (seed, n) => {
    const rand = mulberry32(seed);
    const g = seededGrid({ width: 30, height: 25, west: 101, north: 14, pixelWidthDeg: 1 / 240, seed, noDataShare: 0.1 });
    const x = g.west + rand() * 0.125, y = g.south + rand() * 0.104;
    const coords = [starRing(rand, x, y, 0.01 + rand() * 0.08, n)];
    if (rand() < 0.5) coords.push(holeRing(x, y, 0.003));
    check(g, { type: 'Polygon', coordinates: coords });
  });

  test.prop([fc.integer({ min: 1, max: 1e6 })], { numRuns: 15 })('disjoint parts add up: stats(A ∪ B) = stats(A) + stats(B)', (seed) => {
    const rand = mulberry32(seed);
    const a = starRing(rand, grid.west + 0.08, grid.south + 0.1, 0.06, 12);
    const b = starRing(rand, grid.west + 0.25, grid.south + 0.1, 0.06, 12);
    const s = polygonZonalStats(grid, [{ type: 'Polygon', coordinates: [a] }, { type: 'Polygon', coordinates: [b] }, { type: 'MultiPolygon', coordinates: [[a], [b]] }]);
    expect(s.validPixels[2]).toBe(s.validPixels[0] + s.validPixels[1]);
    expect(s.sum[2]).toBeCloseTo(s.sum[0] + s.sum[1], 9);
  });
});
