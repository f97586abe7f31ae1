/**
 * Seeded fixtures and the brute-force haversine reference shared by the access tests and the
 * acceptance script: the reference scans every service with haversineKm (geo.ts) — no index —
 * so the indexed results must equal it exactly.
 */
import { haversineKm } from '../geo';
import { mulberry32 } from '../random';

/** Seeded uniform [0, 1) numbers for fixtures (mulberry32, domain/random.ts). */
export function seededRandom(seed: number): () => number {
  return mulberry32(seed);
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
