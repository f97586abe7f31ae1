import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findNearDuplicates } from './duplicates';
import { haversineKm } from '../../domain/geo';

describe('findNearDuplicates', () => {
  it('equals an all-pairs haversine scan: each point paired with the earliest same-class point within tolerance', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 1 })), { maxLength: 80 }),
        fc.integer({ min: 1, max: 400 }),
        (pts, toleranceM) => {
          // A 40 × 40 grid with 0.00005° (≈ 5.5 m) steps near Bangkok: many pairs near the tolerance.
          const lon = pts.map((p) => 100.5 + p[0] * 0.00005);
          const lat = pts.map((p) => 13.75 + p[1] * 0.00005);
          const type = pts.map((p) => p[2]);
          const expected = [];
          for (let i = 0; i < pts.length; i++) {
            for (let j = 0; j < i; j++) {
              const dKm = haversineKm(lon[i], lat[i], lon[j], lat[j]);
              if (type[i] === type[j] && dKm <= toleranceM / 1000) {
                expected.push({ index: i, of: j, distanceM: dKm * 1000 });
                break;
              }
            }
          }
          expect(findNearDuplicates(lon, lat, type, toleranceM)).toEqual(expected);
        },
      ),
      { seed: 77, numRuns: 200 },
    );
  });
});
