import { describe, expect, it } from 'vitest';
import { computeAccess, type ServicePoints } from './accessMeasures';
import { nearestServicesOfVillage, villagesFartherThan } from './queries';
import { haversineKm } from '../geo';

// Three villages along latitude 14° N and one hospital and one school; distances are haversine.
const villages = { lon: [100, 100.1, 100.3], lat: [14, 14, 14], people: [100, 200, 300] };
const services: ServicePoints = {
  count: 2,
  lon: [100, 100.3],
  lat: [14, 14],
  typeCode: [0, 1],
  typeNames: ['hospital', 'school'],
  capacity: [1, 1],
};
const result = computeAccess(villages, services);

describe('villagesFartherThan', () => {
  it('selects villages strictly farther than the distance, by brute-force haversine', () => {
    for (const x of [0, 5, 10.8, 20, 40]) {
      const expected = [0, 1, 2].filter((i) => haversineKm(villages.lon[i], 14, 100, 14) > x);
      expect(Array.from(villagesFartherThan(result, 'hospital', x))).toEqual(expected);
    }
  });
  it('names the class when it was not computed', () => {
    expect(() => villagesFartherThan(result, 'clinic', 5)).toThrow(/"clinic".*hospital, school/);
  });
});

describe('nearestServicesOfVillage', () => {
  it('gives one nearest service per class, nearest first', () => {
    const near = nearestServicesOfVillage(result, services, 1);
    expect(near.map((n) => n.type)).toEqual(['hospital', 'school']);
    expect(near[0]).toEqual({ type: 'hospital', serviceRow: 0, distanceKm: haversineKm(100.1, 14, 100, 14), lon: 100, lat: 14 });
    expect(near[1].serviceRow).toBe(1);
  });
  it('refuses an index outside the villages', () => {
    expect(() => nearestServicesOfVillage(result, services, 3)).toThrow(/out of range/);
  });
});
