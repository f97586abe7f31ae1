/**
 * Questions the UI asks of an AccessResult: the "villages farther than X km from a <class>"
 * filter and the lines from one village to its nearest services (issue 5 item 4).
 */
import type { AccessResult } from './accessMeasures';

/**
 * Indices of villages whose nearest service of `type` is strictly farther than `distanceKm`
 * (great-circle, as computed). A class with no services at all leaves every village farther.
 * Throws when the class was not computed, so a typo is not read as "nobody is far".
 */
export function villagesFartherThan(result: AccessResult, type: string, distanceKm: number): Uint32Array {
  const t = result.byType[type];
  if (!t) throw new Error(`access: no results for service class "${type}" (have ${result.types.join(', ') || 'none'})`);
  let count = 0;
  const d = t.nearestKm;
  for (let i = 0; i < d.length; i++) if (d[i] > distanceKm) count++;
  const out = new Uint32Array(count);
  let k = 0;
  for (let i = 0; i < d.length; i++) if (d[i] > distanceKm) out[k++] = i;
  return out;
}

export interface NearestService {
  type: string;
  /** Row in the services table. */
  serviceRow: number;
  distanceKm: number;
  lon: number;
  lat: number;
}

/**
 * The nearest service of each computed class for one village, nearest first — the data for
 * drawing lines from a selected village (map/layers/serviceLayers.ts nearestLinesLayer).
 * Classes with no services are left out.
 */
export function nearestServicesOfVillage(
  result: AccessResult,
  services: { lon: ArrayLike<number>; lat: ArrayLike<number> },
  villageIndex: number,
): NearestService[] {
  if (!(villageIndex >= 0 && villageIndex < result.villageCount)) throw new Error(`access: village index ${villageIndex} out of range 0..${result.villageCount - 1}`);
  const out: NearestService[] = [];
  for (const type of result.types) {
    const t = result.byType[type];
    const row = t.nearestRow[villageIndex];
    if (row < 0) continue;
    out.push({ type, serviceRow: row, distanceKm: t.nearestKm[villageIndex], lon: services.lon[row], lat: services.lat[row] });
  }
  return out.sort((a, b) => a.distanceKm - b.distanceKm);
}
