import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../geo';
import { bufferZonalStats as fastStats } from './bufferZonalStats';
import { bufferZonalStatsBruteForce, bufferZonalStatsNaive } from './bufferZonalStatsReference';
import { mulberry32, seededGrid } from './seededRaster';

// Oracle: the brute-force reference (every pixel of the grid against every buffer with
// haversineKm), on seeded rasters with nodata and zeros.
const grid = seededGrid({ width: 90, height: 70, west: 100, north: 15, pixelWidthDeg: 1 / 240, seed: 42, noDataShare: 0.1, zeroShare: 0.3 });

function points(seed: number, n: number) {
  const rand = mulberry32(seed);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Spread beyond the grid by ~2 km on each side, so buffers cross every edge and some miss it.
    lon[i] = grid.west - 0.03 + rand() * (grid.east - grid.west + 0.06);
    lat[i] = grid.south - 0.03 + rand() * (grid.north - grid.south + 0.06);
  }
  return { lon, lat };
}

const columns = (s: ReturnType<typeof fastStats>) => ({
  sum: Array.from(s.sum),
  mean: Array.from(s.mean).map(String),
  validPixels: Array.from(s.validPixels),
  litPixels: Array.from(s.litPixels),
  litShare: Array.from(s.litShare).map(String),
});

describe.each(['wasm', 'js'] as const)('bufferZonalStats, %s engine', (engine) => {
  const bufferZonalStats = (g: Parameters<typeof fastStats>[0], lon: ArrayLike<number>, lat: ArrayLike<number>, o: Parameters<typeof fastStats>[3] = {}) => fastStats(g, lon, lat, { ...o, engine });
  it('visits points in raster order but answers each as if it were alone (NaN positions included)', () => {
    const { lon, lat } = points(7, 200);
    lon[3] = NaN;
    lat[50] = Infinity;
    const all = bufferZonalStats(grid, lon, lat, { radiusKm: 1.5 });
    for (let i = 0; i < lon.length; i++) {
      const one = bufferZonalStats(grid, [lon[i]], [lat[i]], { radiusKm: 1.5 });
      expect([all.sum[i], all.validPixels[i], all.litPixels[i]]).toEqual([one.sum[0], one.validPixels[0], one.litPixels[0]]);
    }
    expect([all.validPixels[3], all.validPixels[50], all.sum[3]]).toEqual([0, 0, 0]);
  });
  it('equals the brute-force reference, including buffers crossing the raster edge and nodata', () => {
    const { lon, lat } = points(1, 300);
    const fast = bufferZonalStats(grid, lon, lat, { radiusKm: 2, thresholdNw: 0.5 });
    expect(columns(fast)).toEqual(columns(bufferZonalStatsBruteForce(grid, lon, lat, { radiusKm: 2, thresholdNw: 0.5 })));
    // The sample really exercises the edges, the outside and nodata.
    expect(fast.validPixels.some((v) => v === 0)).toBe(true);
    const full = Math.max(...fast.validPixels);
    expect(fast.validPixels.some((v) => v > 0 && v < full * 0.7)).toBe(true);
  });

  it('agrees with the naive bounding-box loop used as the bench baseline', () => {
    const { lon, lat } = points(2, 200);
    expect(columns(bufferZonalStats(grid, lon, lat, { radiusKm: 3 }))).toEqual(columns(bufferZonalStatsNaive(grid, lon, lat, { radiusKm: 3 })));
  });

  it.each([0.1, 1])('equals brute force on a coarse grid (%s° pixels: the set-up by angle addition, or by Math.sin past 1e-3 rad)', (pixelDeg) => {
    const g = seededGrid({ width: 40, height: 30, west: 97, north: 20, pixelWidthDeg: pixelDeg, seed: 3, noDataShare: 0.1, zeroShare: 0.2 });
    const rand = mulberry32(17);
    const lon = Array.from({ length: 80 }, () => g.west - pixelDeg + rand() * (g.east - g.west + 2 * pixelDeg));
    const lat = Array.from({ length: 80 }, () => g.south - pixelDeg + rand() * (g.north - g.south + 2 * pixelDeg));
    const radiusKm = pixelDeg * 111 * 2.5;
    const fast = bufferZonalStats(g, lon, lat, { radiusKm });
    expect(columns(fast)).toEqual(columns(bufferZonalStatsBruteForce(g, lon, lat, { radiusKm })));
    expect(Math.max(...fast.validPixels)).toBeGreaterThan(10);
  });

  it('hand-checkable case: a 1-pixel buffer at a pixel centre holds exactly that pixel', () => {
    const c = 10, r = 20;
    const lon = grid.west + (c + 0.5) * grid.pixelWidthDeg;
    const lat = grid.north - (r + 0.5) * grid.pixelHeightDeg;
    const nearest = haversineKm(lon, lat, lon + grid.pixelWidthDeg, lat);
    const s = bufferZonalStats(grid, [lon], [lat], { radiusKm: nearest * 0.9 });
    const v = grid.values[r * grid.width + c];
    expect(s.validPixels[0]).toBe(Number.isNaN(v) ? 0 : 1);
    if (!Number.isNaN(v)) expect(s.sum[0]).toBe(v);
  });

  it('gives an empty result for points far outside or not finite', () => {
    const s = bufferZonalStats(grid, [0, NaN], [0, 14]);
    expect(Array.from(s.validPixels)).toEqual([0, 0]);
    expect(Array.from(s.sum)).toEqual([0, 0]);
    expect(s.mean[0]).toBeNaN();
    expect(s.litShare[1]).toBeNaN();
  });

  it('runs with nodata and ±Infinity pixels add up as the pixel-by-pixel reference does', () => {
    // The fast path sums a row's run without a nodata test and redoes it when the sum turns NaN;
    // ±Infinity (Inf − Inf = NaN) and whole nodata rows must still give the reference's numbers.
    const g = seededGrid({ width: 40, height: 30, west: 100, north: 15, pixelWidthDeg: 1 / 240, seed: 7, noDataShare: 0.05, zeroShare: 0.2 });
    const v = g.values.slice();
    for (let c = 0; c < g.width; c++) v[12 * g.width + c] = NaN;
    v[5 * g.width + 9] = Infinity;
    v[5 * g.width + 11] = -Infinity;
    v[20 * g.width + 30] = Infinity;
    const g2 = { ...g, values: v };
    const rand = mulberry32(9);
    const lon = Array.from({ length: 60 }, () => g.west + rand() * (g.east - g.west));
    const lat = Array.from({ length: 60 }, () => g.south + rand() * (g.north - g.south));
    // Two buffers on the infinite pixels: (5, 10) holds +∞ and −∞ (sum NaN), (20, 30) only +∞.
    lon.push(g.west + 10.5 * g.pixelWidthDeg, g.west + 30.5 * g.pixelWidthDeg);
    lat.push(g.north - 5.5 * g.pixelHeightDeg, g.north - 20.5 * g.pixelHeightDeg);
    const fast = bufferZonalStats(g2, lon, lat, { radiusKm: 1.5 });
    expect(columns(fast)).toEqual(columns(bufferZonalStatsBruteForce(g2, lon, lat, { radiusKm: 1.5 })));
    expect(Array.from(fast.sum).some((x) => Number.isNaN(x))).toBe(true);
    expect(Array.from(fast.sum).some((x) => x === Infinity)).toBe(true);
  });

  test.prop([fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 0, max: 4, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true })], { numRuns: 40 })(
    'matches brute force for any seed, radius and threshold',
    (seed, radiusKm, thresholdNw) => {
      const g = seededGrid({ width: 24, height: 18, west: 99.5, north: 18.2, pixelWidthDeg: 1 / 240, seed, noDataShare: 0.15, zeroShare: 0.3 });
      const rand = mulberry32(seed + 1);
      const lon = Array.from({ length: 12 }, () => g.west - 0.02 + rand() * 0.14);
      const lat = Array.from({ length: 12 }, () => g.south - 0.02 + rand() * 0.115);
      expect(columns(bufferZonalStats(g, lon, lat, { radiusKm, thresholdNw }))).toEqual(columns(bufferZonalStatsBruteForce(g, lon, lat, { radiusKm, thresholdNw })));
    },
  );

  test.prop([fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 0.1, max: 3, noNaN: true })], { numRuns: 30 })(
    'a larger radius never loses pixels; a higher threshold never adds lit pixels; 0 ≤ litShare ≤ 1',
    (seed, radiusKm) => {
      const { lon, lat } = points(seed, 20);
      const a = bufferZonalStats(grid, lon, lat, { radiusKm, thresholdNw: 0.5 });
      const b = bufferZonalStats(grid, lon, lat, { radiusKm: radiusKm * 1.5, thresholdNw: 0.5 });
      const c = bufferZonalStats(grid, lon, lat, { radiusKm, thresholdNw: 2 });
      for (let i = 0; i < lon.length; i++) {
        expect(b.validPixels[i]).toBeGreaterThanOrEqual(a.validPixels[i]);
        expect(c.litPixels[i]).toBeLessThanOrEqual(a.litPixels[i]);
        if (a.validPixels[i]) expect(a.litShare[i]).toBeGreaterThanOrEqual(0), expect(a.litShare[i]).toBeLessThanOrEqual(1);
      }
    },
  );
});

describe('bufferZonalStats engines', () => {
  it('WebAssembly and JS give bit-identical numbers on a national-size grid and many villages', () => {
    // A grid larger than the first memory reservation, so the wasm memory has to grow, and a
    // radius wide enough that runs span many pixels.
    const g = seededGrid({ width: 700, height: 500, west: 99, north: 16, pixelWidthDeg: 1 / 240, seed: 5, noDataShare: 0.02, zeroShare: 0.3 });
    const rand = mulberry32(11);
    const n = 3000;
    const lon = Array.from({ length: n }, () => g.west - 0.05 + rand() * (g.east - g.west + 0.1));
    const lat = Array.from({ length: n }, () => g.south - 0.05 + rand() * (g.north - g.south + 0.1));
    for (const radiusKm of [0.3, 2, 5]) {
      const w = fastStats(g, lon, lat, { radiusKm, engine: 'wasm' });
      const j = fastStats(g, lon, lat, { radiusKm, engine: 'js' });
      expect(columns(w)).toEqual(columns(j));
      expect(columns(fastStats(g, lon, lat, { radiusKm }))).toEqual(columns(j));
      expect(w.validPixels.some((v) => v > 0)).toBe(true);
    }
  });

  it('a job larger than the wasm memory cap runs in JS (auto) or is refused (wasm), and answers the same', () => {
    const { lon, lat } = points(3, 200);
    const capped = fastStats(grid, lon, lat, { radiusKm: 2, wasmMaxBytes: 4096 });
    expect(columns(capped)).toEqual(columns(fastStats(grid, lon, lat, { radiusKm: 2, engine: 'js' })));
    expect(columns(capped)).toEqual(columns(bufferZonalStatsBruteForce(grid, lon, lat, { radiusKm: 2 })));
    expect(() => fastStats(grid, lon, lat, { radiusKm: 2, engine: 'wasm', wasmMaxBytes: 4096 })).toThrow(/more memory than it may hold/);
  });

  it('reuses the copied window only for the same values: radius down and up, then another grid of the same shape', () => {
    // The wasm kernel keeps the last call's window of values and the grid tables when the next
    // call has the same layout (same grid shape, as many villages). A grid with other values but
    // the same shape and layout must not read the kept copy, nor a larger radius read past it.
    // Points in the middle of the grid, so that the window (the union of the boxes) grows with the radius.
    const rand = mulberry32(21);
    const lon = Array.from({ length: 150 }, () => grid.west + (0.4 + 0.2 * rand()) * (grid.east - grid.west));
    const lat = Array.from({ length: 150 }, () => grid.south + (0.4 + 0.2 * rand()) * (grid.north - grid.south));
    const other = { ...grid, values: grid.values.map((v, i) => (i % 7 === 0 ? NaN : v * 2 + 1)) };
    for (const [g, radiusKm] of [[grid, 3], [grid, 1], [grid, 4], [other, 4], [other, 2], [grid, 2]] as const) {
      const w = fastStats(g, lon, lat, { radiusKm, engine: 'wasm' });
      expect(columns(w)).toEqual(columns(bufferZonalStatsBruteForce(g, lon, lat, { radiusKm })));
    }
  });

  it('a call after a bigger grid (memory reused, smaller window) still matches brute force', () => {
    const { lon, lat } = points(3, 50);
    expect(columns(fastStats(grid, lon, lat, { radiusKm: 1, engine: 'wasm' }))).toEqual(columns(bufferZonalStatsBruteForce(grid, lon, lat, { radiusKm: 1 })));
  });
});
