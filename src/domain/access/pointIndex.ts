/**
 * A static spatial index over lon/lat points with exact great-circle queries.
 *
 * kdbush (Agafonkin) stores the points; geokdbush's `around()` walks the tree in great-circle
 * order for nearest-neighbour fallbacks. geokdbush uses R = 6371 km internally, so every distance
 * this module reports or compares is recomputed with `haversineKm` (R = 6371.0088 km, geo.ts):
 * the tree only proposes candidates, haversineKm decides. That keeps results bit-identical to a
 * brute-force haversine scan, which is what the tests compare against.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { EARTH_RADIUS_KM, haversineKm, haversineKmCos } from '../geo';

const DEG = 180 / Math.PI;
const RAD = Math.PI / 180;
/** geokdbush's own Earth radius; used only to convert our km cut-offs into its angle. */
const GEOKDBUSH_RADIUS_KM = 6371;
/** Slack added to bounding boxes and tree cut-offs so rounding can never exclude a true hit. */
const BOX_SLACK_DEG = 1e-9;

export interface PointIndex {
  /** Number of indexed points. */
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  /** cos(lat) of each point, for haversineKmCos. */
  cosLat: Float64Array;
  /** The kd-tree (built on first read); ids are positions 0..count-1 in lon/lat. */
  readonly tree: KDBush;
  /** Typical distance between neighbouring points (√(box area / count)), the first radius a nearest search tries. */
  spacingKm: number;
}

/** Builds the index over points (lon, lat in degrees, WGS84). An empty set gives an index that finds nothing. */
export function buildPointIndex(lon: ArrayLike<number>, lat: ArrayLike<number>): PointIndex {
  const count = lon.length;
  const lonCopy = Float64Array.from(lon);
  const latCopy = Float64Array.from(lat);
  const cosLat = new Float64Array(count);
  for (let i = 0; i < count; i++) cosLat[i] = Math.cos(latCopy[i] * RAD);
  // The kd-tree is built on first use: the access pass answers from its grid (gridIndex.ts) and
  // needs the tree only for a far nearest-neighbour hand-over.
  let tree: KDBush | null = null;
  return {
    count,
    lon: lonCopy,
    lat: latCopy,
    cosLat,
    get tree() {
      if (!tree) {
        // kdbush refuses zero items; a one-slot dummy tree is never queried because count is 0.
        tree = new KDBush(Math.max(1, count), 64, Float64Array);
        for (let i = 0; i < count; i++) tree.add(lonCopy[i], latCopy[i]);
        if (count === 0) tree.add(0, 0);
        tree.finish();
      }
      return tree;
    },
    spacingKm: typicalSpacingKm(lonCopy, latCopy),
  };
}

function typicalSpacingKm(lon: Float64Array, lat: Float64Array): number {
  if (lon.length === 0) return 1;
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (let i = 0; i < lon.length; i++) {
    minLon = Math.min(minLon, lon[i]);
    maxLon = Math.max(maxLon, lon[i]);
    minLat = Math.min(minLat, lat[i]);
    maxLat = Math.max(maxLat, lat[i]);
  }
  const kmPerDeg = (Math.PI / 180) * EARTH_RADIUS_KM;
  const widthKm = (maxLon - minLon) * kmPerDeg * Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const heightKm = (maxLat - minLat) * kmPerDeg;
  return Math.max(1, Math.sqrt((Math.max(widthKm, 1) * Math.max(heightKm, 1)) / lon.length));
}


export interface Box {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/**
 * The lon/lat box that contains every point within `radiusKm` great-circle distance of (lon, lat).
 * Latitude extent is the angular radius δ; longitude extent is asin(sin δ / cos φ), the
 * tangent-meridian bound of a spherical cap (Bullock, "Finding points within a distance of a
 * latitude/longitude using bounding coordinates", 2010). Near a pole the box spans all longitudes.
 */
export function circleBox(lon: number, lat: number, radiusKm: number): Box {
  const delta = radiusKm / EARTH_RADIUS_KM;
  const dLatDeg = delta * DEG + BOX_SLACK_DEG;
  const minLat = lat - dLatDeg;
  const maxLat = lat + dLatDeg;
  const s = Math.sin(delta) / Math.cos((lat * Math.PI) / 180);
  if (minLat <= -90 || maxLat >= 90 || !(s < 1)) return { minLon: -180, minLat: Math.max(-90, minLat), maxLon: 180, maxLat: Math.min(90, maxLat) };
  const dLonDeg = Math.asin(s) * DEG + BOX_SLACK_DEG;
  return { minLon: lon - dLonDeg, minLat, maxLon: lon + dLonDeg, maxLat };
}

/**
 * Ids of indexed points within `radiusKm` (haversine, inclusive) of (lon, lat), in no
 * particular order. Boxes crossing the antimeridian are not split: Thailand never needs it.
 */
export function pointsWithinKm(index: PointIndex, lon: number, lat: number, radiusKm: number): number[] {
  if (index.count === 0) return [];
  const b = circleBox(lon, lat, radiusKm);
  const candidates = index.tree.range(b.minLon, b.minLat, b.maxLon, b.maxLat);
  const out: number[] = [];
  for (const id of candidates) if (haversineKm(lon, lat, index.lon[id], index.lat[id]) <= radiusKm) out.push(id);
  return out;
}

export interface Nearest {
  /** Position of the nearest point in the index, -1 when the index is empty. */
  id: number;
  /** Haversine distance in km (Infinity when the index is empty). */
  distanceKm: number;
}

/** Beyond this search radius the box search hands over to geokdbush (boxes get loose, may cross ±180°). */
export const MAX_BOX_SEARCH_KM = 2000;

/**
 * The nearest indexed point by haversine distance; ties go to the lowest id, exactly as a
 * brute-force scan with a strict `<` would choose.
 *
 * Growing boxes first: all points within r km are fetched from the kd-tree (circleBox, exact
 * haversine test) with r doubling from `startKm` until one is found — a hit at d ≤ r is the
 * nearest, because every point outside the box is farther than r. On Thailand's densities that
 * takes one or two cheap box queries. Past MAX_BOX_SEARCH_KM, or when a box would cross the
 * antimeridian, geokdbush's great-circle `around()` (Agafonkin) answers instead, with a second
 * `around()` just past the found distance to apply the same tie rule.
 * @param startKm first search radius; default the index's typical point spacing
 */
export function nearestPoint(index: PointIndex, lon: number, lat: number, startKm = index.spacingKm): Nearest {
  if (index.count === 0) return { id: -1, distanceKm: Infinity };
  const cosLat = Math.cos(lat * RAD);
  for (let r = Math.max(startKm, 1e-3); r <= MAX_BOX_SEARCH_KM; r *= 2) {
    const b = circleBox(lon, lat, r);
    if (b.minLon < -180 || b.maxLon > 180) break;
    let best = -1;
    let bestKm = Infinity;
    const candidates = index.tree.range(b.minLon, b.minLat, b.maxLon, b.maxLat);
    for (let c = 0; c < candidates.length; c++) {
      const j = candidates[c];
      const d = haversineKmCos(lon, lat, cosLat, index.lon[j], index.lat[j], index.cosLat[j]);
      if (d < bestKm || (d === bestKm && j < best)) {
        best = j;
        bestKm = d;
      }
    }
    if (bestKm <= r) return { id: best, distanceKm: bestKm };
  }
  return nearestByGeokdbush(index, lon, lat);
}

/** geokdbush's great-circle nearest neighbour, re-measured with haversineKm and the lowest-id tie rule. */
export function nearestByGeokdbush(index: PointIndex, lon: number, lat: number): Nearest {
  if (index.count === 0) return { id: -1, distanceKm: Infinity };
  const first = around(index.tree, lon, lat, 1)[0];
  const d = haversineKm(lon, lat, index.lon[first], index.lat[first]);
  // Our km → geokdbush's km (same angle), plus slack so rounding keeps every equidistant point.
  const cutoff = (d / EARTH_RADIUS_KM) * GEOKDBUSH_RADIUS_KM * (1 + 1e-12) + 1e-12;
  let best = first;
  let bestKm = d;
  for (const id of around(index.tree, lon, lat, Infinity, cutoff)) {
    const dk = haversineKm(lon, lat, index.lon[id], index.lat[id]);
    if (dk < bestKm || (dk === bestKm && id < best)) {
      best = id;
      bestKm = dk;
    }
  }
  return { id: best, distanceKm: bestKm };
}
