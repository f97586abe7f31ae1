/**
 * Spatial weights W for local statistics, stored as compressed sparse rows (CSR): the neighbours
 * of area i are `neighbours[offsets[i] .. offsets[i+1]-1]` with weights `weights[...]` alongside.
 * No self-loops (w_ii = 0): Gi* adds the focal area itself (getisOrd.ts). Areas without
 * neighbours (islands) are allowed and have an empty row.
 *
 * Builders:
 * - `queenContiguity`: polygons that share at least one vertex (the vertex-sharing rule of
 *   libpysal's `Queen.from_dataframe`, which also matches on shared vertices).
 * - `knnWeights`: k nearest neighbours of lon/lat points by great-circle distance (kdbush box
 *   queries re-measured with haversineKm, src/domain/access/pointIndex.ts; geokdbush fallback).
 * - `distanceBandWeights`: binary planar distance band (libpysal `DistanceBand(binary=True)`:
 *   neighbours at distance ≤ threshold), used by the esda Getis–Ord doctest.
 * - `rowStandardise` (libpysal transform 'R': each row sums to 1), `binaryWeights` ('B': every
 *   weight 1).
 *
 * Anselin (1995) "Local indicators of spatial association — LISA", Geographical Analysis 27(2);
 * Rey & Anselin (2007) "PySAL: a Python library of spatial analytical methods".
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { haversineKm, haversineKmCos } from '../geo';
import { buildPointIndex, circleBox } from '../access/pointIndex';

export interface SpatialWeights {
  /** Number of areas (rows). */
  n: number;
  /** Row starts, length n + 1. */
  offsets: Uint32Array;
  /** Neighbour indices, row by row (ascending within a queen/band row, nearest first for knn). */
  neighbours: Uint32Array;
  /** Weight of each neighbour, aligned with `neighbours`. */
  weights: Float64Array;
  /** How the weights were built and transformed, for display ("queen", "knn:8", "… (row-standardised)"). */
  description: string;
  /**
   * 0 for an area that has no place in the weights at all (no polygon for queen contiguity);
   * absent = every area has one. Such areas are left out of the analysis like a missing value
   * (esda's Moran_Local takes w "aligned with y"; libpysal's w_subset and GeoDa analyse only the
   * observations of the layer), unlike an island, which has a polygon but no neighbour and stays.
   */
  placed?: Uint8Array;
  /** Why areas are unplaced: no polygon (queen) or no position (knn: no located village). */
  unplacedBy?: 'polygon' | 'position';
}

/** Number of neighbours of area i (excluding itself). */
export function neighbourCount(w: SpatialWeights, i: number): number {
  return w.offsets[i + 1] - w.offsets[i];
}

/** All neighbour counts (cardinalities). */
export function neighbourCounts(w: SpatialWeights): Uint32Array {
  const out = new Uint32Array(w.n);
  for (let i = 0; i < w.n; i++) out[i] = w.offsets[i + 1] - w.offsets[i];
  return out;
}

/**
 * Binary weights from neighbour lists (lists[i] = neighbours of i). Duplicates and self-references
 * are dropped; each row is sorted ascending.
 */
export function weightsFromNeighbourLists(lists: readonly (readonly number[])[], description = 'custom'): SpatialWeights {
  const n = lists.length;
  const offsets = new Uint32Array(n + 1);
  const rows = lists.map((l, i) => [...new Set(l)].filter((j) => j !== i).sort((a, b) => a - b));
  for (let i = 0; i < n; i++) {
    for (const j of rows[i]) if (!(Number.isInteger(j) && j >= 0 && j < n)) throw new Error(`weights: neighbour ${j} of area ${i} is not an area index 0..${n - 1}`);
    offsets[i + 1] = offsets[i] + rows[i].length;
  }
  const neighbours = new Uint32Array(offsets[n]);
  rows.forEach((r, i) => neighbours.set(r, offsets[i]));
  return { n, offsets, neighbours, weights: new Float64Array(offsets[n]).fill(1), description };
}

/**
 * Default vertex-matching tolerance of queen contiguity, degrees: coordinates are snapped to a
 * 1e-7° grid (≈ 1.1 cm on the ground), far below any digitising precision, so vertices written
 * from the same source coordinate match even after a float round-trip.
 */
export const QUEEN_TOLERANCE_DEG = 1e-7;

/**
 * Queen contiguity: two areas are neighbours when they share at least one vertex.
 *
 * Every vertex is snapped to a grid of `toleranceDeg` and hashed; areas meeting in a grid cell are
 * neighbours. That is linear in the number of vertices (7,435 subdistrict polygons take tens of
 * milliseconds). Limits, stated because real boundary files break them:
 * - Borders that are shared geometrically but not vertex-for-vertex (a vertex of one polygon lying
 *   on the other's edge, independently simplified borders, slivers and gaps) do not make
 *   neighbours; such files need a larger tolerance or topology cleaning first (GeoDa and libpysal
 *   have the same vertex rule).
 * - Two vertices closer than the tolerance can still straddle a grid line and miss each other;
 *   the tolerance is a snapping grid, not a distance test.
 * A null geometry (an area without a polygon, e.g. TPMAP's municipal pseudo-subdistricts) is
 * marked unplaced (`placed` 0): left out of the analysis, not counted as an island.
 * @param geometries one geometry per area, in area order
 */
export function queenContiguity(geometries: readonly (Polygon | MultiPolygon | null | undefined)[], toleranceDeg = QUEEN_TOLERANCE_DEG): SpatialWeights {
  const n = geometries.length;
  const scale = 1 / toleranceDeg;
  // cell key → the areas with a vertex in it (each area listed once: `lastSeen` dedupes a ring's
  // closing vertex and vertices repeated inside one area).
  const cells = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const g = geometries[i];
    if (!g) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const poly of polys)
      for (const ring of poly)
        for (const c of ring) {
          const key = `${Math.round(c[0] * scale)},${Math.round(c[1] * scale)}`;
          const list = cells.get(key);
          if (!list) cells.set(key, [i]);
          else if (list[list.length - 1] !== i) list.push(i);
        }
  }
  const lists: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (const list of cells.values()) {
    if (list.length < 2) continue;
    for (let a = 0; a < list.length; a++)
      for (let b = 0; b < list.length; b++) if (list[a] !== list[b]) lists[list[a]].add(list[b]);
  }
  const w = weightsFromNeighbourLists(lists.map((s) => [...s]), `queen (vertex tolerance ${toleranceDeg}°)`);
  if (geometries.some((g) => !g)) {
    w.placed = Uint8Array.from(geometries, (g) => (g ? 1 : 0));
    w.unplacedBy = 'polygon';
  }
  return w;
}

/**
 * k nearest neighbours of each lon/lat point (WGS84 degrees) by great-circle distance.
 *
 * The kd-tree (kdbush, via access/pointIndex.ts) returns every point within r km (spherical-cap
 * bounding box, exact haversine test, R = 6,371.0088 km); r starts at twice the typical spacing
 * and doubles until at least k other points are inside, so the k nearest are among them. They are
 * ordered by (distance, index): ties at equal distance go to the lower index, exactly as a
 * brute-force sort. Past 2,000 km geokdbush's great-circle `around()` (Agafonkin) takes over.
 * The relation is not symmetric (j may be among i's k nearest but not the reverse), as in
 * libpysal's KNN. With n ≤ k every other point is a neighbour.
 */
export function knnWeights(lon: ArrayLike<number>, lat: ArrayLike<number>, k: number): SpatialWeights {
  const n = lon.length;
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`knn: k must be a whole number ≥ 1 (got ${k})`);
  const kk = Math.min(k, Math.max(0, n - 1));
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + kk;
  const neighbours = new Uint32Array(n * kk);
  if (kk > 0) {
    const index = buildPointIndex(lon, lat);
    const start = Math.max(1e-3, index.spacingKm * 2);
    // The kk best (distance, id) so far, kept sorted by insertion (kk is small).
    const bestKm = new Float64Array(kk);
    const bestId = new Int32Array(kk);
    for (let i = 0; i < n; i++) {
      const x = index.lon[i];
      const y = index.lat[i];
      const cosY = index.cosLat[i];
      let found = 0;
      for (let r = start; r <= 2000 && found < kk; r *= 2) {
        const b = circleBox(x, y, r);
        found = 0;
        for (const id of index.tree.range(b.minLon, b.minLat, b.maxLon, b.maxLat)) {
          if (id === i) continue;
          const d = haversineKmCos(x, y, cosY, index.lon[id], index.lat[id], index.cosLat[id]);
          if (d > r) continue;
          // Insert (d, id) if it beats the current kk-th, ordering by (distance, index).
          let pos = Math.min(found, kk);
          if (pos === kk && !(d < bestKm[kk - 1] || (d === bestKm[kk - 1] && id < bestId[kk - 1]))) continue;
          if (pos === kk) pos = kk - 1;
          while (pos > 0 && (bestKm[pos - 1] > d || (bestKm[pos - 1] === d && bestId[pos - 1] > id))) {
            bestKm[pos] = bestKm[pos - 1];
            bestId[pos] = bestId[pos - 1];
            pos--;
          }
          bestKm[pos] = d;
          bestId[pos] = id;
          found++;
        }
      }
      if (found < kk) {
        // Sparse or far-flung points: geokdbush walks the whole tree in great-circle order.
        const d = around(index.tree, x, y, kk + 1, Infinity, (id) => id !== i).map((id) => ({ id, km: haversineKm(x, y, index.lon[id], index.lat[id]) }));
        d.sort((p, q) => p.km - q.km || p.id - q.id);
        for (let t = 0; t < kk; t++) bestId[t] = d[t].id;
      }
      for (let t = 0; t < kk; t++) neighbours[i * kk + t] = bestId[t];
    }
  }
  return { n, offsets, neighbours, weights: new Float64Array(n * kk).fill(1), description: `knn:${k} (great-circle)` };
}

/**
 * knnWeights over the areas that have a position; an area without one (NaN lon/lat: no village
 * of it is located) is unplaced — no row, never anyone's neighbour, left out of the analysis as
 * queen contiguity leaves out an area without a polygon (`placed`, `unplacedBy: 'position'`).
 * The placed areas' neighbours are exactly knnWeights on them alone (indices mapped back).
 */
export function knnWeightsOfPlaced(lon: ArrayLike<number>, lat: ArrayLike<number>, k: number): SpatialWeights {
  const n = lon.length;
  const at: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(lon[i]) && Number.isFinite(lat[i])) at.push(i);
  if (at.length === n) return knnWeights(lon, lat, k);
  const w = knnWeights(at.map((i) => lon[i]), at.map((i) => lat[i]), k);
  const offsets = new Uint32Array(n + 1);
  const placed = new Uint8Array(n);
  for (const i of at) placed[i] = 1;
  for (let i = 0, a = 0; i < n; i++) {
    const len = placed[i] ? w.offsets[a + 1] - w.offsets[a++] : 0;
    offsets[i + 1] = offsets[i] + len;
  }
  const neighbours = Uint32Array.from(w.neighbours, (j) => at[j]);
  return { n, offsets, neighbours, weights: w.weights, description: w.description, placed, unplacedBy: 'position' };
}

/**
 * Binary distance band on planar coordinates: j is a neighbour of i when the Euclidean distance is
 * ≤ `threshold` (libpysal `DistanceBand(points, threshold, binary=True)`). Symmetric.
 */
export function distanceBandWeights(x: ArrayLike<number>, y: ArrayLike<number>, threshold: number): SpatialWeights {
  const n = x.length;
  const tree = new KDBush(Math.max(1, n), 64, Float64Array);
  for (let i = 0; i < n; i++) tree.add(x[i], y[i]);
  if (n === 0) tree.add(0, 0);
  tree.finish();
  const lists: number[][] = [];
  for (let i = 0; i < n; i++) {
    // The box is padded so rounding can never drop a pair at exactly the threshold; the exact test decides.
    const pad = threshold * (1 + 1e-12) + 1e-12;
    const ids = tree.range(x[i] - pad, y[i] - pad, x[i] + pad, y[i] + pad);
    lists.push(ids.filter((j) => j !== i && j < n && Math.hypot(x[j] - x[i], y[j] - y[i]) <= threshold));
  }
  return weightsFromNeighbourLists(lists, `distance band ≤ ${threshold}`);
}

/**
 * Row-standardised copy (libpysal transform 'R'): w_ij / Σ_j w_ij, so each non-empty row sums to 1
 * and the spatial lag Σ_j w_ij z_j is the neighbours' mean. Island rows stay empty.
 */
export function rowStandardise(w: SpatialWeights): SpatialWeights {
  const weights = new Float64Array(w.weights.length);
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) s += w.weights[t];
    for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) weights[t] = w.weights[t] / s;
  }
  return { ...w, weights, description: `${baseDescription(w)} (row-standardised)` };
}

/** Binary copy (libpysal transform 'B'): every existing link weighs 1. */
export function binaryWeights(w: SpatialWeights): SpatialWeights {
  return { ...w, weights: new Float64Array(w.weights.length).fill(1), description: `${baseDescription(w)} (binary)` };
}

function baseDescription(w: SpatialWeights): string {
  return w.description.replace(/ \((row-standardised|binary)\)$/, '');
}

/**
 * The weights restricted to the areas with keep[i] true, re-indexed 0..m-1 in the same order
 * (links to dropped areas are removed; areas may become islands). Returns the kept indices too.
 */
export function subsetWeights(w: SpatialWeights, keep: ArrayLike<boolean | number>): { weights: SpatialWeights; kept: Uint32Array } {
  const newIndex = new Int32Array(w.n).fill(-1);
  const keptList: number[] = [];
  for (let i = 0; i < w.n; i++) if (keep[i]) newIndex[i] = keptList.push(i) - 1;
  const m = keptList.length;
  const offsets = new Uint32Array(m + 1);
  const nb: number[] = [];
  const wt: number[] = [];
  for (let a = 0; a < m; a++) {
    const i = keptList[a];
    for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) {
      const j = newIndex[w.neighbours[t]];
      if (j >= 0) {
        nb.push(j);
        wt.push(w.weights[t]);
      }
    }
    offsets[a + 1] = nb.length;
  }
  return { weights: { n: m, offsets, neighbours: Uint32Array.from(nb), weights: Float64Array.from(wt), description: w.description }, kept: Uint32Array.from(keptList) };
}
