/**
 * Per-village access to public services (DESIGN.md §2.4, issue 5): for every village and every
 * service class, the great-circle distance to the nearest service, how many lie within a radius,
 * and the capacity-aware 2SFCA score (Luo & Wang 2003, twoStepFca.ts).
 *
 * One pass per class: a box query on a kd-tree (kdbush) around each village with the larger of
 * the two radii gives, after an exact haversine test, the within-radius count, the 2SFCA pairs
 * and — when any service lies that close — the nearest one. Villages with nothing that close
 * search growing boxes, and past 2,000 km geokdbush's great-circle nearest neighbour
 * (pointIndex.ts nearestPoint). Every distance is
 * haversineKm (R = 6371.0088 km), so results equal a brute-force scan exactly.
 */
import { haversineKmCos } from '../geo';
import { BOUND_MARGIN, buildGridIndex, cellCol, cellRow, GIVE_UP, havOf, nearestInGrid } from './gridIndex';
import { buildPointIndex, circleBox, nearestPoint, type PointIndex } from './pointIndex';

const RAD = Math.PI / 180;
import { twoStepFloatingCatchment, type CatchmentPairs } from './twoStepFca';

export const DEFAULT_RADIUS_KM = 5;
export const DEFAULT_CATCHMENT_KM = 10;
/** 2SFCA scores are shown per this many people (DESIGN.md's oracle is stated per 1,000). */
export const TWOSFCA_PER_PEOPLE = 1000;

export interface VillagePoints {
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  /** People per village (the 2SFCA demand). */
  people: ArrayLike<number>;
}

/** Structural view of a services table (src/data/services/services.ts fits it). */
export interface ServicePoints {
  count: number;
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  /** Index into typeNames for each service. */
  typeCode: ArrayLike<number>;
  typeNames: readonly string[];
  /** Capacity (beds, students, staff …); NaN or negative = unknown. */
  capacity?: ArrayLike<number>;
}

export interface AccessOptions {
  /** `withinRadius` counts services at most this far (km, inclusive). */
  radiusKm?: number;
  /** 2SFCA catchment d0 (km, inclusive). */
  catchmentKm?: number;
  /** Classes to compute; default: every class that has at least one service. */
  types?: readonly string[];
}

export interface TypeAccess {
  type: string;
  /** Services of this class: facility j of this class is row serviceRows[j] of the services table. */
  serviceRows: Uint32Array;
  /** Great-circle km to the nearest service of the class (Infinity when the class has none). */
  nearestKm: Float64Array;
  /** Row in the services table of the nearest service, -1 when the class has none. */
  nearestRow: Int32Array;
  /** Services of the class within radiusKm. */
  withinRadius: Uint32Array;
  /** 2SFCA A_i in capacity units per TWOSFCA_PER_PEOPLE people. */
  twoSfca: Float64Array;
  /** Capacity S_j used for each facility j (after imputation). */
  supply: Float64Array;
  /** Facilities whose capacity was unknown: given the class median of known capacities, or 1 if none is known. */
  capacityImputed: number;
  /** Σ S_j over facilities with population in their catchment (= Σ A_i·P_i / TWOSFCA_PER_PEOPLE). */
  supplyWithinReach: number;
}

export interface AccessResult {
  villageCount: number;
  radiusKm: number;
  catchmentKm: number;
  types: string[];
  byType: Record<string, TypeAccess>;
}

/** Classes present in a services table, in typeNames order. */
export function typesPresent(services: ServicePoints): string[] {
  const seen = new Uint8Array(services.typeNames.length);
  for (let r = 0; r < services.count; r++) seen[services.typeCode[r]] = 1;
  return services.typeNames.filter((_, k) => seen[k] === 1);
}

/** Rows of one class, in table order. */
export function rowsOfType(services: ServicePoints, type: string): Uint32Array {
  const code = services.typeNames.indexOf(type);
  const rows: number[] = [];
  if (code >= 0) for (let r = 0; r < services.count; r++) if (services.typeCode[r] === code) rows.push(r);
  return Uint32Array.from(rows);
}

/** Capacity per facility: known values as given; unknown → class median of known values, or 1 if none is known. */
function supplyOf(services: ServicePoints, rows: Uint32Array): { supply: Float64Array; imputed: number } {
  const supply = new Float64Array(rows.length);
  const known = new Float64Array(rows.length);
  let m = 0;
  for (let j = 0; j < rows.length; j++) {
    const c = services.capacity ? services.capacity[rows[j]] : NaN;
    supply[j] = Number.isFinite(c) && c >= 0 ? c : NaN;
    if (!Number.isNaN(supply[j])) known[m++] = supply[j];
  }
  // A typed-array sort is numeric (no comparator call per step); the middle values are the same.
  const sorted = known.subarray(0, m).sort();
  const fill = m === 0 ? 1 : m % 2 ? sorted[(m - 1) / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
  let imputed = 0;
  for (let j = 0; j < rows.length; j++) {
    if (Number.isNaN(supply[j])) {
      supply[j] = fill;
      imputed++;
    }
  }
  return { supply, imputed };
}

/**
 * Access measures of every village to one class of services, given that class's index.
 *
 * The box queries run on a uniform grid (gridIndex.ts) rather than the kd-tree: the same points
 * are examined, with no result array per village, and most are decided by a bound without
 * trigonometry (gridIndex.ts havOf). Catchment pairs come out in grid order within a village; 2SFCA sums in
 * ascending facility order whatever the pair order (twoStepFca.ts), so the scores equal the
 * brute-force reference's (pairsFromDistances) bit for bit.
 */
export function accessToFacilities(
  villages: VillagePoints,
  index: PointIndex,
  supply: Float64Array,
  radiusKm: number,
  catchmentKm: number,
): { nearestKm: Float64Array; nearestId: Int32Array; withinRadius: Uint32Array; accessibility: Float64Array; supplyWithinReach: number } {
  const n = villages.lon.length;
  const nearestKm = new Float64Array(n);
  const nearestId = new Int32Array(n);
  const withinRadius = new Uint32Array(n);
  const start = new Uint32Array(n + 1);
  let pairs: Uint32Array = new Uint32Array(Math.max(1024, 4 * n));
  let pairCount = 0;
  const searchKm = Math.max(radiusKm, catchmentKm);
  // Cells a third of the search radius: a village's box covers ~7 × 7 cells, ~1.3× the box's area.
  const g = buildGridIndex(index.lon, index.lat, index.cosLat, Math.max(searchKm, index.spacingKm / 4, 0.1) / 3);
  const { cols, rows, cellStart, minLon: gMinLon, minLat: gMinLat, cellLonDeg, cellLatDeg } = g;
  const gLon = g.lon, gLat = g.lat, gCos = g.cosLat, gId = g.id;
  const found = { id: -1, distanceKm: Infinity };
  const candP = new Uint32Array(g.count), candU = new Float64Array(g.count);
  const sRadius = havOf(radiusKm), sCatch = havOf(catchmentKm), sSearch = havOf(searchKm);
  for (let i = 0; i < n; i++) {
    const lon = villages.lon[i];
    const lat = villages.lat[i];
    let best = -1;
    let bestKm = Infinity;
    let count = 0;
    if (index.count > 0) {
      const cosLat = Math.cos(lat * RAD);
      const b = circleBox(lon, lat, searchKm);
      const minLon = b.minLon, maxLon = b.maxLon, minLat = b.minLat, maxLat = b.maxLat;
      if (minLon <= maxLon && minLat <= maxLat && g.count > 0) {
        // Largest half-angle (rad) of a point in the box: sin²x ≥ x²(1 − x²/3) for it. Points the
        // cells hold outside the box are farther than searchKm and, whatever the bound says of
        // them, play no part.
        const hx = (Math.max(lat - minLat, maxLat - lat, lon - minLon, maxLon - lon) * RAD) / 2;
        const lowF = 1 - (hx * hx) / 3 - BOUND_MARGIN;
        const exact = !(lowF > 0.99); // a box too wide for the bound: every point measured
        const radiusIn = exact ? -1 : (sRadius * (1 - BOUND_MARGIN)) / (1 + BOUND_MARGIN), radiusOut = exact ? Infinity : (sRadius * (1 + BOUND_MARGIN)) / lowF;
        const catchIn = exact ? -1 : (sCatch * (1 - BOUND_MARGIN)) / (1 + BOUND_MARGIN), catchOut = exact ? Infinity : (sCatch * (1 + BOUND_MARGIN)) / lowF;
        const searchOut = exact ? Infinity : (sSearch * (1 + BOUND_MARGIN)) / lowF;
        const c0 = cellCol(minLon, gMinLon, cellLonDeg, cols), c1 = cellCol(maxLon, gMinLon, cellLonDeg, cols);
        const r0 = cellRow(minLat, gMinLat, cellLatDeg, rows), r1 = cellRow(maxLat, gMinLat, cellLatDeg, rows);
        if (pairs.length - pairCount < g.count) pairs = grow(pairs, pairCount + g.count);
        // Pass 1: counts and pairs, and the points that could be the nearest (within searchKm).
        let m = 0, minU = Infinity, minAt = 0;
        for (let r = r0; r <= r1; r++) {
          const end = cellStart[r * cols + c1 + 1];
          for (let p = cellStart[r * cols + c0]; p < end; p++) {
            const x = gLon[p], y = gLat[p];
            // Upper bound on the haversine's inner term (sin x ≤ x), no trigonometry.
            const ha = ((y - lat) * RAD) / 2, ho = ((x - lon) * RAD) / 2;
            const u = ha * ha + cosLat * gCos[p] * (ho * ho);
            if (!(u <= searchOut)) continue; // farther than searchKm: plays no part
            let d = NaN;
            let inRadius: boolean, inCatch: boolean;
            if (u < radiusIn) inRadius = true;
            else if (u > radiusOut) inRadius = false;
            else inRadius = (d = haversineKmCos(lon, lat, cosLat, x, y, gCos[p])) <= radiusKm;
            if (u < catchIn) inCatch = true;
            else if (u > catchOut) inCatch = false;
            else inCatch = (d === d ? d : (d = haversineKmCos(lon, lat, cosLat, x, y, gCos[p]))) <= catchmentKm;
            if (inRadius) count++;
            if (inCatch) pairs[pairCount++] = gId[p];
            if (u < minU) {
              minU = u;
              minAt = m;
            }
            candP[m] = p;
            candU[m++] = u;
          }
        }
        // Pass 2: the nearest. The point with the smallest bound is measured first; another can
        // only be as near if its bound is within the Taylor gap of that distance's, so those few
        // are measured too and the exact haversine with the lowest-id rule decides.
        if (m > 0) {
          let p = candP[minAt];
          best = gId[p];
          bestKm = haversineKmCos(lon, lat, cosLat, gLon[p], gLat[p], gCos[p]);
          let bestOut = exact ? Infinity : (havOf(bestKm) * (1 + BOUND_MARGIN)) / lowF;
          for (let e = 0; e < m; e++) {
            if (e === minAt || candU[e] > bestOut) continue;
            p = candP[e];
            const d = haversineKmCos(lon, lat, cosLat, gLon[p], gLat[p], gCos[p]);
            const j = gId[p];
            if (d < bestKm || (d === bestKm && j < best)) {
              best = j;
              bestKm = d;
              if (!exact) bestOut = (havOf(d) * (1 + BOUND_MARGIN)) / lowF;
            }
          }
        }
      }
      // Anything outside the box is farther than searchKm, so a hit within searchKm is the nearest.
      if (!(bestKm <= searchKm)) {
        const startKm = Math.max(2 * searchKm, index.spacingKm);
        // Growing boxes on the grid, as nearestPoint runs them on the tree; non-finite positions
        // and far searches take nearestPoint itself (its geokdbush hand-over).
        const got = Number.isFinite(lon) && Number.isFinite(lat) ? nearestInGrid(g, lon, lat, cosLat, startKm, found) : GIVE_UP;
        if (got === GIVE_UP) {
          const nearest = nearestPoint(index, lon, lat, startKm);
          best = nearest.id;
          bestKm = nearest.distanceKm;
        } else {
          best = found.id;
          bestKm = found.distanceKm;
        }
      }
    }
    nearestKm[i] = bestKm;
    nearestId[i] = best;
    withinRadius[i] = count;
    start[i + 1] = pairCount;
  }
  const catchment: CatchmentPairs = { villageCount: n, facilityCount: index.count, start, facility: pairs.subarray(0, pairCount) };
  const fca = twoStepFloatingCatchment(catchment, villages.people, supply);
  let supplyWithinReach = 0;
  for (let j = 0; j < index.count; j++) if (fca.facilityDemand[j] > 0) supplyWithinReach += supply[j];
  return { nearestKm, nearestId, withinRadius, accessibility: fca.accessibility, supplyWithinReach };
}

function grow(a: Uint32Array, atLeast: number): Uint32Array {
  const next = new Uint32Array(Math.max(atLeast, 2 * a.length));
  next.set(a);
  return next;
}

/**
 * Access of every village to every class of services (issue 5 item 3).
 * @returns per class: nearest distance/row, count within radiusKm, 2SFCA per 1,000 people
 */
export function computeAccess(villages: VillagePoints, services: ServicePoints, options: AccessOptions = {}): AccessResult {
  const radiusKm = options.radiusKm ?? DEFAULT_RADIUS_KM;
  const catchmentKm = options.catchmentKm ?? DEFAULT_CATCHMENT_KM;
  if (!(radiusKm >= 0) || !(catchmentKm >= 0)) throw new Error(`access: radius and catchment must be ≥ 0 km (got ${radiusKm}, ${catchmentKm})`);
  const n = villages.lon.length;
  if (villages.lat.length !== n || villages.people.length !== n) throw new Error('access: village lon, lat and people must have the same length');
  const types = options.types ? [...options.types] : typesPresent(services);
  const byType: Record<string, TypeAccess> = {};
  for (const type of types) {
    const serviceRows = rowsOfType(services, type);
    const lon = new Float64Array(serviceRows.length);
    const lat = new Float64Array(serviceRows.length);
    for (let j = 0; j < serviceRows.length; j++) {
      lon[j] = services.lon[serviceRows[j]];
      lat[j] = services.lat[serviceRows[j]];
    }
    const { supply, imputed } = supplyOf(services, serviceRows);
    const r = accessToFacilities(villages, buildPointIndex(lon, lat), supply, radiusKm, catchmentKm);
    const nearestRow = new Int32Array(n);
    for (let i = 0; i < n; i++) nearestRow[i] = r.nearestId[i] < 0 ? -1 : serviceRows[r.nearestId[i]];
    const twoSfca = r.accessibility;
    // A village without a location has no distance (NaN) and no score, never a silent 0.
    for (let i = 0; i < n; i++) twoSfca[i] = Number.isFinite(villages.lon[i]) && Number.isFinite(villages.lat[i]) ? twoSfca[i] * TWOSFCA_PER_PEOPLE : NaN;
    byType[type] = {
      type,
      serviceRows,
      nearestKm: r.nearestKm,
      nearestRow,
      withinRadius: r.withinRadius,
      twoSfca,
      supply,
      capacityImputed: imputed,
      supplyWithinReach: r.supplyWithinReach,
    };
  }
  return { villageCount: n, radiusKm, catchmentKm, types, byType };
}
