import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { haversineKm } from '../geo';
import { mulberry32 } from '../random';
import { buildGridIndex, GIVE_UP, gridRange, nearestInGrid } from './gridIndex';

/** As geo.ts computes it: haversineKm takes cos(lat · RAD). */
const RAD = Math.PI / 180;

/** Seeded points: clustered, with exact duplicates, a few on cell edges, and a non-finite one. */
function points(seed: number, n: number) {
  const rnd = mulberry32(seed);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i > 0 && rnd() < 0.05) {
      lon[i] = lon[i - 1];
      lat[i] = lat[i - 1];
    } else if (rnd() < 0.05) {
      // Round values land on or next to cell boundaries.
      lon[i] = 99 + Math.round(rnd() * 40) / 20;
      lat[i] = 14 + Math.round(rnd() * 40) / 20;
    } else {
      lon[i] = 99 + rnd() * 2;
      lat[i] = 14 + rnd() * 2 * rnd();
    }
  }
  lon[n >> 1] = NaN;
  return { lon, lat, cosLat: Float64Array.from(lat, (y) => Math.cos(y * RAD)) };
}

describe('buildGridIndex / gridRange', () => {
  it('returns exactly the points of a full scan with the inclusive box test (property)', () => {
    const { lon, lat, cosLat } = points(3, 1500);
    fc.assert(
      fc.property(
        fc.double({ min: 98.5, max: 101.5, noNaN: true }),
        fc.double({ min: 13.5, max: 16.5, noNaN: true }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        fc.double({ min: 0.05, max: 80, noNaN: true }),
        (x, y, w, h, cellKm) => {
          const g = buildGridIndex(lon, lat, cosLat, cellKm);
          const got = gridRange(g, x, y, x + w, y + h).sort((a, b) => a - b);
          const want: number[] = [];
          for (let i = 0; i < lon.length; i++) if (lon[i] >= x && lon[i] <= x + w && lat[i] >= y && lat[i] <= y + h) want.push(i);
          expect(got).toEqual(want);
        },
      ),
      { seed: 16, numRuns: 300 },
    );
  });

  it('finds points lying exactly on the box edges and on cell boundaries', () => {
    const { lon, lat, cosLat } = points(5, 800);
    const g = buildGridIndex(lon, lat, cosLat, 5);
    for (let i = 0; i < lon.length; i += 7) {
      if (!Number.isFinite(lon[i])) continue;
      expect(gridRange(g, lon[i], lat[i], lon[i], lat[i])).toContain(i);
    }
    expect(g.count).toBe(799); // the NaN point is left out
  });

  it('keeps ascending ids within a cell and caps the cell count for far-flung points', () => {
    const g = buildGridIndex([0, 100, 100, -100, 100], [0, 10, 10, 60, 10], [1, 1, 1, 1, 1], 0.01);
    expect(g.cols * g.rows).toBeLessThanOrEqual(1024);
    expect(gridRange(g, 100, 10, 100, 10)).toEqual([1, 2, 4]);
    expect(gridRange(g, -180, -90, 180, 90).sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('nearestInGrid', () => {
  it('equals a brute-force haversine scan, ties to the lowest id (seeded queries)', () => {
    const { lon, lat, cosLat } = points(9, 600);
    const g = buildGridIndex(lon, lat, cosLat, 4);
    const rnd = mulberry32(10);
    const out = { id: -1, distanceKm: Infinity };
    for (let q = 0; q < 400; q++) {
      // Queries at indexed points (distance 0, duplicates tie) and anywhere around, some far away.
      const k = Math.floor(rnd() * lon.length);
      const far = rnd() < 0.1;
      const x = q % 3 === 0 && Number.isFinite(lon[k]) ? lon[k] : 99 + (rnd() - 0.5) * (far ? 12 : 3);
      const y = q % 3 === 0 && Number.isFinite(lon[k]) ? lat[k] : 15 + (rnd() - 0.5) * (far ? 12 : 3);
      let best = -1, bestKm = Infinity;
      for (let j = 0; j < lon.length; j++) {
        const d = haversineKm(x, y, lon[j], lat[j]);
        if (d < bestKm) {
          best = j;
          bestKm = d;
        }
      }
      const got = nearestInGrid(g, x, y, Math.cos(y * RAD), 0.5, out);
      expect(got).toBe(best);
      expect(out).toEqual({ id: best, distanceKm: bestKm });
    }
  });

  it('gives up past the largest box (the caller then asks geokdbush) and finds nothing in an empty grid', () => {
    const g = buildGridIndex([100], [14], [Math.cos(14 * RAD)], 5);
    const out = { id: -1, distanceKm: Infinity };
    expect(nearestInGrid(g, -60, -30, Math.cos(30 * RAD), 1, out)).toBe(GIVE_UP);
    expect(nearestInGrid(buildGridIndex([], [], [], 5), 100, 14, 1, 1, out)).toBe(-1);
    expect(out.distanceKm).toBe(Infinity);
  });
});
