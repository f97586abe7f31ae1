import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { haversineKmCos } from '../geo';
import { buildPointIndex, circleBox, nearestByGeokdbush, nearestPoint, pointsWithinKm } from './pointIndex';
import { haversineKm } from '../geo';

describe('circleBox', () => {
  it('contains every point at most r km away (property over random bearings)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: 0.001, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (lon, lat, r, bearing) => {
          // Destination point at distance r along `bearing` (spherical direct problem, same R as haversineKm).
          const rad = Math.PI / 180;
          const delta = r / 6371.0088;
          const p1 = lat * rad;
          const p2 = Math.asin(Math.sin(p1) * Math.cos(delta) + Math.cos(p1) * Math.sin(delta) * Math.cos(bearing));
          const l2 = lon * rad + Math.atan2(Math.sin(bearing) * Math.sin(delta) * Math.cos(p1), Math.cos(delta) - Math.sin(p1) * Math.sin(p2));
          const b = circleBox(lon, lat, r);
          const lon2 = l2 / rad;
          const lat2 = p2 / rad;
          if (lon2 > 180 || lon2 < -180) return; // antimeridian boxes are not split (documented)
          expect(lat2).toBeGreaterThanOrEqual(b.minLat);
          expect(lat2).toBeLessThanOrEqual(b.maxLat);
          expect(lon2).toBeGreaterThanOrEqual(b.minLon);
          expect(lon2).toBeLessThanOrEqual(b.maxLon);
        },
      ),
      { seed: 1980, numRuns: 2000 },
    );
  });
});

describe('nearestPoint', () => {
  it('breaks ties between points at one position by the lowest id, like a brute-force scan', () => {
    const index = buildPointIndex([100.5, 100.2, 100.2, 100.2], [14, 14, 14, 14]);
    expect(nearestPoint(index, 100.21, 14)).toEqual({ id: 1, distanceKm: haversineKm(100.21, 14, 100.2, 14) });
  });
  it('finds nothing in an empty index', () => {
    const index = buildPointIndex([], []);
    expect(nearestPoint(index, 100, 14)).toEqual({ id: -1, distanceKm: Infinity });
    expect(pointsWithinKm(index, 100, 14, 10)).toEqual([]);
  });
  it('pointsWithinKm is inclusive at the radius', () => {
    const index = buildPointIndex([100, 100.1], [14, 14]);
    const d = haversineKm(100, 14, 100.1, 14);
    expect(pointsWithinKm(index, 100, 14, d).sort()).toEqual([0, 1]);
    expect(pointsWithinKm(index, 100, 14, d * (1 - 1e-12))).toEqual([0]);
  });
});

describe('nearestPoint over the globe (box search and the geokdbush fallback)', () => {
  it('equals a brute-force haversine scan, including across the antimeridian and beyond 2,000 km', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -179.9, max: 179.9, noNaN: true }), fc.double({ min: -80, max: 80, noNaN: true })), { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -85, max: 85, noNaN: true })), { minLength: 1, maxLength: 20 }),
        (points, queries) => {
          const index = buildPointIndex(points.map((p) => p[0]), points.map((p) => p[1]));
          for (const [qLon, qLat] of queries) {
            let best = -1;
            let bestKm = Infinity;
            points.forEach(([pLon, pLat], j) => {
              const d = haversineKm(qLon, qLat, pLon, pLat);
              if (d < bestKm) {
                best = j;
                bestKm = d;
              }
            });
            expect(nearestPoint(index, qLon, qLat)).toEqual({ id: best, distanceKm: bestKm });
            expect(nearestByGeokdbush(index, qLon, qLat)).toEqual({ id: best, distanceKm: bestKm });
          }
        },
      ),
      { seed: 2010, numRuns: 300 },
    );
  });
});

describe('haversineKmCos', () => {
  it('is bit-identical to haversineKm (geo.ts)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -90, max: 90, noNaN: true }),
        (lon1, lat1, lon2, lat2) => {
          const rad = Math.PI / 180;
          expect(haversineKmCos(lon1, lat1, Math.cos(lat1 * rad), lon2, lat2, Math.cos(lat2 * rad))).toBe(haversineKm(lon1, lat1, lon2, lat2));
        },
      ),
      { seed: 1984, numRuns: 5000 },
    );
  });
});
