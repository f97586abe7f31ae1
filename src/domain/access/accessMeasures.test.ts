import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeAccess, TWOSFCA_PER_PEOPLE, type ServicePoints } from './accessMeasures';
import { bruteForceNearest, seededRandom } from './bruteForceReference';
import { haversineKm } from '../geo';
import { pairsFromDistances, twoStepFloatingCatchment } from './twoStepFca';

const TYPES = ['hospital', 'health_promoting_hospital', 'school'] as const;

/** Seeded villages and services over a Thailand-sized box; a few exact duplicates to exercise ties. */
function fixture(seed: number, villages: number, perType: number[], spanDeg = 8) {
  const rnd = seededRandom(seed);
  const vLon = new Float32Array(villages);
  const vLat = new Float32Array(villages);
  const people = new Float64Array(villages);
  for (let i = 0; i < villages; i++) {
    vLon[i] = 97.5 + rnd() * spanDeg;
    vLat[i] = 6 + rnd() * spanDeg * 1.7;
    people[i] = Math.floor(rnd() * 2000);
  }
  const lon: number[] = [];
  const lat: number[] = [];
  const typeCode: number[] = [];
  const capacity: number[] = [];
  perType.forEach((count, t) => {
    for (let k = 0; k < count; k++) {
      const dup = k > 0 && rnd() < 0.05; // same position as the previous service of the class
      lon.push(dup ? lon[lon.length - 1] : 97.5 + rnd() * spanDeg);
      lat.push(dup ? lat[lat.length - 1] : 6 + rnd() * spanDeg * 1.7);
      typeCode.push(t);
      capacity.push(rnd() < 0.1 ? NaN : 1 + Math.floor(rnd() * 300));
    }
  });
  const services: ServicePoints = {
    count: lon.length,
    lon: Float64Array.from(lon),
    lat: Float64Array.from(lat),
    typeCode: Uint8Array.from(typeCode),
    typeNames: TYPES,
    capacity: Float64Array.from(capacity),
  };
  return { villages: { lon: vLon, lat: vLat, people }, services };
}

describe('computeAccess against a brute-force haversine scan', () => {
  it('nearest distance, nearest row and within-radius counts are identical (seeded random data)', () => {
    const { villages, services } = fixture(7, 3000, [40, 400, 2500]);
    const r = computeAccess(villages, services, { radiusKm: 5, catchmentKm: 10 });
    expect(r.types).toEqual([...TYPES]);
    for (const type of TYPES) {
      const t = r.byType[type];
      const sLon = Array.from(t.serviceRows, (row) => services.lon[row]);
      const sLat = Array.from(t.serviceRows, (row) => services.lat[row]);
      const ref = bruteForceNearest(villages.lon, villages.lat, sLon, sLat, 5);
      for (let i = 0; i < villages.lon.length; i++) {
        expect(t.nearestKm[i]).toBe(ref.nearestKm[i]);
        expect(t.nearestRow[i]).toBe(t.serviceRows[ref.nearestId[i]]);
        expect(t.withinRadius[i]).toBe(ref.withinRadius[i]);
      }
    }
  });

  it('holds for any seed, radius and catchment (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        (seed, radiusKm, catchmentKm, nServices) => {
          const { villages, services } = fixture(seed, 150, [nServices], 3);
          const t = computeAccess(villages, services, { radiusKm, catchmentKm, types: ['hospital'] }).byType.hospital;
          const ref = bruteForceNearest(villages.lon, villages.lat, services.lon, services.lat, radiusKm);
          expect(Array.from(t.nearestKm)).toEqual(Array.from(ref.nearestKm));
          expect(Array.from(t.nearestRow)).toEqual(Array.from(ref.nearestId));
          expect(Array.from(t.withinRadius)).toEqual(Array.from(ref.withinRadius));
        },
      ),
      { seed: 5, numRuns: 60 },
    );
  });

  it('decides points exactly at the radius and the catchment as the scan does (inclusive), and 2SFCA to the bit', () => {
    // Radius and catchment set to the haversine distance of actual pairs, so some services lie at
    // exactly d = radiusKm or d = catchmentKm: the trig-free bound must hand those to haversineKm.
    const { villages, services } = fixture(23, 1200, [0, 0, 900], 2);
    const d = (i: number, j: number) => haversineKm(villages.lon[i], villages.lat[i], services.lon[j], services.lat[j]);
    for (const [radiusKm, catchmentKm] of [[d(0, 0), d(1, 1)], [d(2, 3), d(2, 3)], [d(5, 7), d(6, 8) * 3]]) {
      const t = computeAccess(villages, services, { radiusKm, catchmentKm, types: ['school'] }).byType.school;
      const ref = bruteForceNearest(villages.lon, villages.lat, services.lon, services.lat, radiusKm);
      expect(Array.from(t.nearestKm)).toEqual(Array.from(ref.nearestKm));
      expect(Array.from(t.nearestRow)).toEqual(Array.from(ref.nearestId));
      expect(Array.from(t.withinRadius)).toEqual(Array.from(ref.withinRadius));
      const fca = twoStepFloatingCatchment(pairsFromDistances(1200, services.count, d, catchmentKm), villages.people, t.supply);
      expect(Array.from(t.twoSfca)).toEqual(Array.from(fca.accessibility, (a) => a * TWOSFCA_PER_PEOPLE));
    }
  });

  it('2SFCA equals the all-pairs computation and conserves supply within reach', () => {
    const { villages, services } = fixture(11, 800, [0, 0, 300], 3);
    const catchmentKm = 12;
    const t = computeAccess(villages, services, { catchmentKm, types: ['school'] }).byType.school;
    // Reference: every pair's haversine distance, no index.
    const dist = (i: number, j: number) =>
      haversineKm(villages.lon[i], villages.lat[i], services.lon[t.serviceRows[j]], services.lat[t.serviceRows[j]]);
    const ref = twoStepFloatingCatchment(pairsFromDistances(800, t.serviceRows.length, dist, catchmentKm), villages.people, t.supply);
    let sumAP = 0;
    for (let i = 0; i < 800; i++) {
      expect(t.twoSfca[i]).toBeCloseTo(ref.accessibility[i] * TWOSFCA_PER_PEOPLE, 9);
      sumAP += (t.twoSfca[i] / TWOSFCA_PER_PEOPLE) * villages.people[i];
    }
    expect(sumAP).toBeCloseTo(t.supplyWithinReach, 6);
    expect(t.supplyWithinReach).toBeGreaterThan(0);
  });

  it('imputes unknown capacity with the class median, or 1 when none is known', () => {
    const services: ServicePoints = {
      count: 4,
      lon: [100, 100.1, 100.2, 100.3],
      lat: [14, 14, 14, 14],
      typeCode: [0, 0, 0, 1],
      typeNames: ['hospital', 'school'],
      capacity: [10, NaN, 30, NaN],
    };
    const r = computeAccess({ lon: [100], lat: [14], people: [1] }, services);
    expect(Array.from(r.byType.hospital.supply)).toEqual([10, 20, 30]);
    expect(r.byType.hospital.capacityImputed).toBe(1);
    expect(Array.from(r.byType.school.supply)).toEqual([1]);
  });

  it('reports Infinity and row -1 for a requested class without services', () => {
    const { villages, services } = fixture(3, 10, [5]);
    const t = computeAccess(villages, services, { types: ['school'] }).byType.school;
    expect(Array.from(t.nearestKm)).toEqual(new Array(10).fill(Infinity));
    expect(Array.from(t.nearestRow)).toEqual(new Array(10).fill(-1));
  });
});
