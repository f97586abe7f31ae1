/**
 * Near-duplicate services: the same class within a few metres of each other, as happens when
 * two lists of the same facilities are merged or a point was digitised twice.
 */
import KDBush from 'kdbush';
import { haversineKm } from '../../domain/geo';
import { circleBox } from '../../domain/access/pointIndex';

export interface NearDuplicate {
  /** The later point (by position in the input). */
  index: number;
  /** The earliest point it duplicates. */
  of: number;
  distanceM: number;
}

/** For each point with an earlier point of the same class within toleranceM (haversine), that earlier point. */
export function findNearDuplicates(
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  typeCode: ArrayLike<number>,
  toleranceM: number,
): NearDuplicate[] {
  const n = lon.length;
  if (n < 2) return [];
  const tree = new KDBush(n, 64, Float64Array);
  for (let i = 0; i < n; i++) tree.add(lon[i], lat[i]);
  tree.finish();
  const out: NearDuplicate[] = [];
  const toleranceKm = toleranceM / 1000;
  for (let i = 0; i < n; i++) {
    const b = circleBox(lon[i], lat[i], toleranceKm);
    let of = -1;
    let dKm = Infinity;
    for (const j of tree.range(b.minLon, b.minLat, b.maxLon, b.maxLat)) {
      if (j >= i || typeCode[j] !== typeCode[i] || (of >= 0 && j > of)) continue;
      const d = haversineKm(lon[i], lat[i], lon[j], lat[j]);
      if (d <= toleranceKm) {
        of = j;
        dKm = d;
      }
    }
    if (of >= 0) out.push({ index: i, of, distanceM: dKm * 1000 });
  }
  return out;
}
