import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { Polygon } from 'geojson';
import { haversineKm } from '../geo';
import { mulberry32 } from '../random';
import { binaryWeights, distanceBandWeights, knnWeights, neighbourCounts, queenContiguity, rowStandardise, subsetWeights, weightsFromNeighbourLists, type SpatialWeights } from './weights';
import { rookLattice } from './testLattice';

const rows = (w: SpatialWeights) => Array.from({ length: w.n }, (_, i) => [...w.neighbours.subarray(w.offsets[i], w.offsets[i + 1])]);
const square = (x: number, y: number, s = 1): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });

describe('queen contiguity', () => {
  it('a 3 × 3 grid of squares: corners 3 neighbours, edges 5, centre 8 (queen includes diagonals)', () => {
    const g = Array.from({ length: 9 }, (_, i) => square(100 + (i % 3) * 0.1, 14 + Math.floor(i / 3) * 0.1, 0.1));
    const w = queenContiguity(g);
    expect([...neighbourCounts(w)]).toEqual([3, 5, 3, 5, 8, 5, 3, 5, 3]);
    expect(rows(w)[0]).toEqual([1, 3, 4]);
    expect(rows(w)[4]).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
  });
  it('matches vertices within the snapping grid, not beyond; MultiPolygons and null geometries', () => {
    const a = square(100, 14);
    const b: Polygon = { type: 'Polygon', coordinates: [[[101 + 1e-9, 14], [102, 14], [102, 15], [101, 15 - 2e-9], [101 + 1e-9, 14]]] };
    const far: Polygon = { type: 'Polygon', coordinates: [[[101 + 1e-5, 14], [102, 16], [101 + 1e-5, 16], [101 + 1e-5, 14]]] };
    expect(rows(queenContiguity([a, b]))).toEqual([[1], [0]]);
    expect(rows(queenContiguity([a, far]))).toEqual([[], []]);
    expect(rows(queenContiguity([a, far], 1e-3))).toEqual([[1], [0]]);
    const multi = { type: 'MultiPolygon' as const, coordinates: [square(90, 10).coordinates, square(101, 15).coordinates] };
    expect(rows(queenContiguity([a, null, multi]))).toEqual([[2], [], [0]]);
  });
});

describe('k nearest neighbours (great circle)', () => {
  it('equals a brute-force haversine sort on seeded random points', () => {
    const rnd = mulberry32(9);
    const n = 400;
    const lon = Array.from({ length: n }, () => 97.5 + rnd() * 8);
    const lat = Array.from({ length: n }, () => 5.6 + rnd() * 15);
    const w = knnWeights(lon, lat, 8);
    for (let i = 0; i < n; i++) {
      const ref = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i).sort((a, b) => haversineKm(lon[i], lat[i], lon[a], lat[a]) - haversineKm(lon[i], lat[i], lon[b], lat[b]) || a - b).slice(0, 8);
      expect(rows(w)[i]).toEqual(ref);
    }
  });
  it('with fewer points than k, every other point', () => {
    // 1 is equidistant from 0 and 2 (same latitude): the lower index comes first.
    expect(rows(knnWeights([100, 101, 102], [14, 14, 14], 8))).toEqual([[1, 2], [0, 2], [1, 0]]);
    expect(() => knnWeights([1], [1], 0)).toThrow(/k must be/);
  });
});

describe('distance band', () => {
  it('PySAL esda G_Local doctest points, threshold 15 (inclusive): libpysal DistanceBand neighbours', () => {
    const pts = [[10, 10], [20, 10], [40, 10], [15, 20], [30, 20], [30, 30]];
    const w = distanceBandWeights(pts.map((p) => p[0]), pts.map((p) => p[1]), 15);
    // Distances by hand: 0–1 10, 0–3 11.18, 1–3 11.18, 1–4 14.14, 2–4 14.14, 3–4 15 (kept), 4–5 10.
    expect(rows(w)).toEqual([[1, 3], [0, 3, 4], [4], [0, 1, 4], [1, 2, 3, 5], [4]]);
  });
});

describe('transforms', () => {
  test.prop([fc.array(fc.array(fc.nat(19), { maxLength: 6 }), { minLength: 1, maxLength: 20 })])('row-standardised rows sum to 1 (islands stay empty); binary weights are 1', (lists) => {
    const w = weightsFromNeighbourLists(lists.map((l) => l.filter((j) => j < lists.length)));
    const r = rowStandardise(w);
    for (let i = 0; i < r.n; i++) {
      let s = 0;
      for (let t = r.offsets[i]; t < r.offsets[i + 1]; t++) s += r.weights[t];
      if (r.offsets[i + 1] > r.offsets[i]) expect(s).toBeCloseTo(1, 12);
    }
    expect([...binaryWeights(r).weights].every((v) => v === 1)).toBe(true);
    expect(binaryWeights(r).description).toBe('custom (binary)');
  });
  it('subsetWeights drops areas and their links, keeping order', () => {
    const w = weightsFromNeighbourLists(rookLattice(2, 2));
    const { weights, kept } = subsetWeights(w, [1, 0, 1, 1]);
    expect([...kept]).toEqual([0, 2, 3]);
    expect(rows(weights)).toEqual([[1], [0, 2], [1]]);
  });
});
