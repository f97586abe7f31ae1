import { describe, expect, it } from 'vitest';
import { aggregatePotential, preparePotential } from './potential';

// Three areas, two inputs; hand-computed min–max after direction alignment:
//   road  [0, 0.5, 1]            → [0, 0.5, 1]
//   school_km [10, 20, NaN] (−1) → aligned [−10, −20] → [1, 0, NaN]
const cols = { road: [0, 0.5, 1], school_km: [10, 20, NaN] };
const half = Float64Array.of(0.5, 0.5);

describe('potential', () => {
  it('aligns direction and normalises (farther = less potential)', () => {
    const p = preparePotential(cols, 3);
    expect(Array.from(p.matrix('minmax'))).toEqual([0, 1, 0.5, 0, 1, 0]);
    expect(Array.from(p.available)).toEqual([1, 1, 1, 1, 1, 0]);
  });
  it('linear, missing renormalised over the inputs an area has', () => {
    const r = aggregatePotential(preparePotential(cols, 3), 'minmax', half, 'linear', 'renormalise');
    expect(Array.from(r.potential)).toEqual([0.5, 0.25, 1]); // area 3 has road only: 1
    expect(Array.from(r.weightCoverage)).toEqual([1, 1, 0.5]);
    expect(Array.from(r.parts)).toEqual([0, 0.5, 0.25, 0, 1, 0]);
  });
  it('missing excluded: the area is left without potential, never zero', () => {
    const r = aggregatePotential(preparePotential(cols, 3), 'minmax', half, 'linear', 'exclude');
    expect(r.potential[2]).toBeNaN();
    expect(Array.from(r.hasPotential)).toEqual([1, 1, 0]);
    // An input that weighs 0 does not count as missing.
    const onlyRoad = aggregatePotential(preparePotential(cols, 3), 'minmax', Float64Array.of(1, 0), 'linear', 'exclude');
    expect(Array.from(onlyRoad.potential)).toEqual([0, 0.5, 1]);
  });
  it('geometric: inputs rescaled to [1, 100], (G − 1)/99, parts sum to potential', () => {
    const r = aggregatePotential(preparePotential(cols, 3), 'minmax', half, 'geometric', 'renormalise');
    // Area 1: y = 1 and 100 → G = √100 = 10 → (10 − 1)/99.
    expect(r.potential[0]).toBeCloseTo(9 / 99, 12);
    // Area 2: y = 50.5 and 1 → G = √50.5.
    expect(r.potential[1]).toBeCloseTo((Math.sqrt(50.5) - 1) / 99, 12);
    expect(r.potential[2]).toBeCloseTo(1, 12);
    for (let i = 0; i < 3; i++) expect(r.parts[2 * i] + r.parts[2 * i + 1]).toBeCloseTo(r.potential[i], 12);
    // Geometric is only partly compensatory: a zero input pulls harder than under linear.
    const lin = aggregatePotential(preparePotential(cols, 3), 'minmax', half, 'linear', 'renormalise');
    expect(r.potential[0]).toBeLessThan(lin.potential[0]);
  });
  it('log1p by default for lights, drops inputs nobody has', () => {
    const p = preparePotential({ lights_per_capita: [0, Math.E - 1, Math.E ** 2 - 1], road: [NaN, NaN, NaN] }, 3);
    expect(p.unavailable).toEqual(['road']);
    expect(Array.from(p.matrix('minmax'))).toEqual([0, 0.5, 1]);
  });
});
