import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accessByArea, groupByCodePrefix } from './areaAccess';
import { computeAccess, type ServicePoints } from './accessMeasures';
import { villagesFartherThan } from './queries';
import { seededRandom } from './bruteForceReference';

describe('groupByCodePrefix', () => {
  it('groups 8-digit village codes by province, district and subdistrict digits', () => {
    const codes = [73010101, 73010102, 73020101, 10010101];
    expect(groupByCodePrefix(codes, 2)).toEqual({ keys: ['10', '73'], groupOf: Uint32Array.from([1, 1, 1, 0]) });
    expect(groupByCodePrefix(codes, 4).keys).toEqual(['1001', '7301', '7302']);
    expect(Array.from(groupByCodePrefix(codes, 6).groupOf)).toEqual([1, 1, 2, 0]);
  });
});

describe('accessByArea', () => {
  // Hand-checkable: one hospital at (100, 14); villages at known haversine distances.
  const villages = { lon: [100, 100.1, 100.3, 100.05], lat: [14, 14, 14, 14], people: [100, 300, 600, 0] };
  const services: ServicePoints = { count: 1, lon: [100], lat: [14], typeCode: [0], typeNames: ['hospital'] };
  const result = computeAccess(villages, services);
  const groups = groupByCodePrefix([73010101, 73010102, 73020101, 73020102], 4);

  it('weights the mean nearest distance by people and counts people beyond X km', () => {
    const d = result.byType.hospital.nearestKm;
    const a = accessByArea(result, 'hospital', villages.people, groups, 15);
    expect(a.meanNearestKm[0]).toBeCloseTo((100 * d[0] + 300 * d[1]) / 400, 12);
    expect(a.meanNearestKm[1]).toBeCloseTo(d[2], 12); // the zero-people village carries no weight
    expect(d[2]).toBeGreaterThan(15); // ≈ 32.4 km
    expect(Array.from(a.peopleBeyond)).toEqual([0, 600]);
    expect(Array.from(a.shareBeyond)).toEqual([0, 1]);
    expect(Array.from(a.villagesBeyond)).toEqual([0, 1]);
  });

  it('agrees with villagesFartherThan: people beyond = Σ people of the filtered villages (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 0, max: 80, noNaN: true }), (seed, beyondKm) => {
        const rnd = seededRandom(seed);
        const n = 200;
        const v = { lon: new Float64Array(n), lat: new Float64Array(n), people: new Float64Array(n) };
        const codes: number[] = [];
        for (let i = 0; i < n; i++) {
          v.lon[i] = 99 + rnd() * 2;
          v.lat[i] = 13 + rnd() * 2;
          v.people[i] = Math.floor(rnd() * 1000);
          codes.push(73000000 + Math.floor(rnd() * 5) * 10000 + i);
        }
        const s: ServicePoints = { count: 3, lon: [99.5, 100, 100.5], lat: [13.5, 14, 14.5], typeCode: [0, 0, 0], typeNames: ['school'] };
        const r = computeAccess(v, s);
        const g = groupByCodePrefix(codes, 4);
        const a = accessByArea(r, 'school', v.people, g, beyondKm);
        let total = 0;
        for (const i of villagesFartherThan(r, 'school', beyondKm)) total += v.people[i];
        expect(a.peopleBeyond.reduce((x, y) => x + y, 0)).toBe(total);
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});
