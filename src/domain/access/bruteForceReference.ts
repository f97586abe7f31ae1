/**
 * Seeded fixtures and the brute-force haversine reference shared by the access tests and the
 * acceptance script: the reference scans every service with haversineKm (geo.ts) — no index —
 * so the indexed results must equal it exactly.
 */
import { haversineKm } from '../geo';

/** Park & Miller minimal standard generator (CACM 31(10), 1988): small, seedable, reproducible. */
export function seededRandom(seed: number): () => number {
  let s = seed % 2147483647;
  if (s <= 0) s += 2147483646;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

export interface BruteNearest {
  nearestKm: Float64Array;
  /** Position in the candidate list; ties → lowest position (strict <). */
  nearestId: Int32Array;
  withinRadius: Uint32Array;
}

/** Nearest and within-radius by scanning every (village, service) pair. */
export function bruteForceNearest(
  villageLon: ArrayLike<number>,
  villageLat: ArrayLike<number>,
  serviceLon: ArrayLike<number>,
  serviceLat: ArrayLike<number>,
  radiusKm: number,
): BruteNearest {
  const n = villageLon.length;
  const nearestKm = new Float64Array(n).fill(Infinity);
  const nearestId = new Int32Array(n).fill(-1);
  const withinRadius = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < serviceLon.length; j++) {
      const d = haversineKm(villageLon[i], villageLat[i], serviceLon[j], serviceLat[j]);
      if (d < nearestKm[i]) {
        nearestKm[i] = d;
        nearestId[i] = j;
      }
      if (d <= radiusKm) withinRadius[i]++;
    }
  }
  return { nearestKm, nearestId, withinRadius };
}
