import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mulberry32 } from '../random';
import { pairsFromDistances, twoStepFloatingCatchment } from './twoStepFca';

describe('2SFCA (Luo & Wang 2003)', () => {
  it('reproduces the DESIGN.md §2.4 oracle', () => {
    // Oracle: villages 1000/500/2000 people; facilities capacity 2 and 1; d0 = 10 km;
    // V1–H1 4, V2–H1 8, V3–H1 15, V1–H2 12, V2–H2 6, V3–H2 9 km.
    const d = [
      [4, 12],
      [8, 6],
      [15, 9],
    ];
    const pairs = pairsFromDistances(3, 2, (i, j) => d[i][j], 10);
    const r = twoStepFloatingCatchment(pairs, [1000, 500, 2000], [2, 1]);
    const per1000 = Array.from(r.accessibility, (a) => a * 1000);
    expect(per1000[0]).toBeCloseTo(1.3333, 4);
    expect(per1000[1]).toBeCloseTo(1.7333, 4);
    expect(per1000[2]).toBeCloseTo(0.4, 4);
    expect(r.accessibility[0] * 1000 + r.accessibility[1] * 500 + r.accessibility[2] * 2000).toBeCloseTo(3, 12);
  });

  it('treats the catchment as inclusive (d = d0 is inside)', () => {
    const r = twoStepFloatingCatchment(pairsFromDistances(1, 1, () => 10, 10), [100], [1]);
    expect(r.accessibility[0]).toBeCloseTo(0.01, 15);
  });

  it('conserves supply: Σ A_i·P_i = Σ S_j over facilities with population within reach', () => {
    const scenario = fc.record({
      population: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 25 }),
      supply: fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 1, maxLength: 12 }),
      seedDistances: fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { minLength: 300, maxLength: 300 }),
      catchmentKm: fc.double({ min: 0, max: 30, noNaN: true }),
    });
    fc.assert(
      fc.property(scenario, ({ population, supply, seedDistances, catchmentKm }) => {
        const dist = (i: number, j: number) => seedDistances[(i * supply.length + j) % seedDistances.length];
        const pairs = pairsFromDistances(population.length, supply.length, dist, catchmentKm);
        const r = twoStepFloatingCatchment(pairs, population, supply);
        let lhs = 0;
        for (let i = 0; i < population.length; i++) lhs += r.accessibility[i] * population[i];
        // Reference: a facility is "within reach" when some village with people lies within d0.
        let rhs = 0;
        for (let j = 0; j < supply.length; j++) {
          let reached = false;
          for (let i = 0; i < population.length; i++) if (population[i] > 0 && dist(i, j) <= catchmentKm) reached = true;
          if (reached) rhs += supply[j];
        }
        expect(lhs).toBeCloseTo(rhs, 6);
      }),
      { seed: 20031, numRuns: 300 },
    );
  });

  it('gives the same bits whatever order a village lists its facilities in (sums in facility order)', () => {
    const rnd = mulberry32(77);
    const villages = 60, facilities = 40;
    const population = Array.from({ length: villages }, () => Math.floor(rnd() * 3000));
    const supply = Array.from({ length: facilities }, () => rnd() * 300);
    const dist = Array.from({ length: villages * facilities }, () => rnd() * 20);
    const pairs = pairsFromDistances(villages, facilities, (i, j) => dist[i * facilities + j], 12);
    // The reference: step 2 written out as Luo & Wang state it, R_j added in ascending j.
    const demand = new Float64Array(facilities);
    for (let i = 0; i < villages; i++) for (let j = 0; j < facilities; j++) if (dist[i * facilities + j] <= 12) demand[j] += population[i];
    const expected = Array.from({ length: villages }, (_, i) => {
      let a = 0;
      for (let j = 0; j < facilities; j++) if (dist[i * facilities + j] <= 12 && demand[j] > 0) a += supply[j] / demand[j];
      return a;
    });
    // Each village's pairs reversed and rotated: a spatial index lists them in its own order.
    const shuffled = pairs.facility.slice();
    for (let i = 0; i < villages; i++) {
      const part = Array.from(pairs.facility.subarray(pairs.start[i], pairs.start[i + 1])).reverse();
      if (part.length > 2) part.push(...part.splice(0, 2));
      shuffled.set(part, pairs.start[i]);
    }
    expect(Array.from(shuffled)).not.toEqual(Array.from(pairs.facility));
    const a = twoStepFloatingCatchment(pairs, population, supply);
    const b = twoStepFloatingCatchment({ ...pairs, facility: shuffled }, population, supply);
    expect(Array.from(a.accessibility)).toEqual(expected);
    expect(Array.from(b.accessibility)).toEqual(expected);
  });

  it('names the mismatch when array lengths disagree', () => {
    const pairs = pairsFromDistances(2, 1, () => 1, 5);
    expect(() => twoStepFloatingCatchment(pairs, [1], [1])).toThrow(/population has 1 entries, expected 2/);
  });
});
