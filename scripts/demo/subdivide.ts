/**
 * Synthetic administrative subdivision: seeded points inside a polygon, their Voronoi cells
 * (turf.voronoi, i.e. d3-voronoi) clipped to the polygon (turf.intersect, polyclip-ts). Seeds are
 * spread by Mitchell's best-candidate sampling (Mitchell 1991, "Spectrally optimal sampling for
 * distribution ray tracing"), with the spacing scaled by the settlement density so cells are
 * small in the plains and large in the mountains, as real districts and subdistricts are.
 */
import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import type { Area } from './provincePolygons';
import type { Rng } from './rng';
import { settlementDensity } from './geography';

export type LonLat = [number, number];

export interface PreparedArea {
  area: Area;
  bbox: [number, number, number, number];
}

export function prepare(area: Area): PreparedArea {
  return { area, bbox: turf.bbox(area) as [number, number, number, number] };
}

function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even–odd point-in-polygon (holes included); faster than turf's for millions of tests. */
export function contains(p: PreparedArea, x: number, y: number): boolean {
  const [x0, y0, x1, y1] = p.bbox;
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const g = p.area.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    if (!inRing(x, y, poly[0])) continue;
    let inHole = false;
    for (let h = 1; h < poly.length; h++) if (inRing(x, y, poly[h])) inHole = true;
    if (!inHole) return true;
  }
  return false;
}

/** A uniform random point inside the area (rejection sampling in its bounding box). */
export function pointIn(rng: Rng, p: PreparedArea): LonLat {
  const [x0, y0, x1, y1] = p.bbox;
  for (let tries = 0; tries < 2000; tries++) {
    const x = rng.range(x0, x1);
    const y = rng.range(y0, y1);
    if (contains(p, x, y)) return [x, y];
  }
  // Degenerate sliver: fall back to a point turf guarantees is on the surface.
  return turf.pointOnFeature(p.area).geometry.coordinates as LonLat;
}

function cosLat(lat: number): number {
  return Math.cos((lat * Math.PI) / 180);
}

/**
 * n well-spread seeds inside the area. `densityPower` > 0 packs seeds closer where the settlement
 * density is high. `first`, when given, is the first seed (e.g. the province capital).
 */
export function spreadSeeds(rng: Rng, p: PreparedArea, n: number, densityPower: number, first?: LonLat, candidates = 12): LonLat[] {
  const seeds: LonLat[] = [];
  if (first) seeds.push(first);
  while (seeds.length < n) {
    let best: LonLat | null = null;
    let bestScore = -1;
    for (let c = 0; c < candidates; c++) {
      const q = pointIn(rng, p);
      let minD2 = Infinity;
      const k = cosLat(q[1]);
      for (const s of seeds) {
        const dx = (q[0] - s[0]) * k;
        const dy = q[1] - s[1];
        const d2 = dx * dx + dy * dy;
        if (d2 < minD2) minD2 = d2;
      }
      const score = seeds.length === 0 ? rng.next() : Math.sqrt(minD2) * settlementDensity(q[0], q[1]) ** densityPower;
      if (score > bestScore) {
        bestScore = score;
        best = q;
      }
    }
    seeds.push(best!);
  }
  return seeds;
}

/** The most "town-like" point of an area: high settlement density, not far from its centre. */
export function townSite(rng: Rng, p: PreparedArea): LonLat {
  const c = turf.centroid(p.area).geometry.coordinates;
  const [x0, y0, x1, y1] = p.bbox;
  const scale = Math.max(x1 - x0, y1 - y0) / 2;
  let best: LonLat = pointIn(rng, p);
  let bestScore = -Infinity;
  for (let i = 0; i < 60; i++) {
    const q = pointIn(rng, p);
    const d = Math.hypot(q[0] - c[0], q[1] - c[1]) / scale;
    const score = Math.log(settlementDensity(q[0], q[1])) - 1.5 * d + 0.3 * rng.next();
    if (score > bestScore) {
      bestScore = score;
      best = q;
    }
  }
  return best;
}

/**
 * Voronoi cells of the seeds clipped to the area, in seed order. A cell whose clip is empty
 * (cannot happen for seeds inside the area, but guards degenerate geometry) becomes a tiny
 * square around its seed so every code keeps a polygon.
 */
export function voronoiCells(seeds: LonLat[], p: PreparedArea): Area[] {
  const [x0, y0, x1, y1] = p.bbox;
  const pad = Math.max(x1 - x0, y1 - y0) * 0.05 + 0.01;
  if (seeds.length === 1) return [turf.feature(p.area.geometry, {}) as Area];
  const pts = turf.featureCollection(seeds.map((s) => turf.point(s)));
  const vor = turf.voronoi(pts, { bbox: [x0 - pad, y0 - pad, x1 + pad, y1 + pad] });
  return seeds.map((s, i) => {
    const cell = vor.features[i];
    const clipped = cell ? (turf.intersect(turf.featureCollection([cell, p.area])) as Area | null) : null;
    if (clipped) return turf.feature(clipped.geometry, {}) as Area;
    const e = 0.002;
    return turf.feature({ type: 'Polygon', coordinates: [[[s[0] - e, s[1] - e], [s[0] + e, s[1] - e], [s[0] + e, s[1] + e], [s[0] - e, s[1] + e], [s[0] - e, s[1] - e]]] }, {}) as Area;
  });
}

/** Area in km² (turf geodesic area). */
export function areaKm2(a: Area): number {
  return turf.area(a) / 1e6;
}

/** Allocate `total` units over weights with per-item bounds (largest remainder; deterministic). */
export function allocate(weights: number[], total: number, min: number, max: number): number[] {
  const n = weights.length;
  if (n * min > total || n * max < total) throw new Error(`allocate: cannot place ${total} in ${n} items within [${min}, ${max}]`);
  let scale = total / weights.reduce((a, b) => a + b, 0);
  let out = new Array<number>(n).fill(min);
  // Find a scale so the clamped, floored shares sum to at most total, then hand out remainders.
  for (let iter = 0; iter < 60; iter++) {
    out = weights.map((w) => Math.min(max, Math.max(min, Math.floor(w * scale))));
    const s = out.reduce((a, b) => a + b, 0);
    if (s === total) return out;
    if (s > total) scale *= 0.97;
    else scale *= 1 + Math.min(0.5, (total - s) / total);
    if (s <= total && total - s < n) break;
  }
  out = weights.map((w) => Math.min(max, Math.max(min, Math.floor(w * scale))));
  let s = out.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => ({ i, frac: w * scale - Math.floor(w * scale) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  while (s < total) {
    for (const { i } of order) {
      if (s >= total) break;
      if (out[i] < max) {
        out[i]++;
        s++;
      }
    }
  }
  while (s > total) {
    for (const { i } of [...order].reverse()) {
      if (s <= total) break;
      if (out[i] > min) {
        out[i]--;
        s--;
      }
    }
  }
  return out;
}
