import { describe, expect, it } from 'vitest';
import { it as fit, fc } from '@fast-check/vitest';
import { syntheticAreas } from './testAreas';
import { GEOMETRIC_HIGH, GEOMETRIC_LOW } from './potential';
import { aggregatePotential, preparePotential } from './potential';
import { mulberry32 } from '../random';

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

  // The textbook loop every row once went through (w_j·a_ij·x_ij, sums in input order, scaled by
  // 1 / Σ w_j·a_ij): the fast path for rows with every input must give the same bits.
  // Without parts the linear potential is s / Σw (one division) rather than s · (1 / Σw).
  function textbook(p: ReturnType<typeof preparePotential>, method: 'minmax' | 'z' | 'rank', w: Float64Array, aggregate: 'linear' | 'geometric', missing: 'renormalise' | 'exclude', lean = false) {
    const n = p.n, k = p.inputs.length, a = p.available;
    const x = aggregate === 'linear' ? p.matrix(method) : p.logMatrix(method);
    const potential = new Float64Array(n), parts = new Float64Array(n * k);
    let weighted = 0;
    for (let j = 0; j < k; j++) if (w[j] > 0) weighted++;
    for (let i = 0; i < n; i++) {
      let wSum = 0, s = 0, have = 0;
      for (let j = 0; j < k; j++) {
        const aw = w[j] * a[i * k + j];
        parts[i * k + j] = aw * x[i * k + j];
        wSum += aw;
        s += parts[i * k + j];
        if (aw > 0) have++;
      }
      if (!(wSum > 0) || (missing === 'exclude' && have < weighted)) {
        potential[i] = NaN;
        for (let j = 0; j < k; j++) parts[i * k + j] = NaN;
      } else if (aggregate === 'linear') {
        potential[i] = lean ? s / wSum : s * (1 / wSum);
        for (let j = 0; j < k; j++) parts[i * k + j] *= 1 / wSum;
      } else {
        const lnG = s / wSum;
        potential[i] = (Math.exp(lnG) - GEOMETRIC_LOW) / (GEOMETRIC_HIGH - GEOMETRIC_LOW);
        const f = lnG > 0 ? potential[i] / wSum / lnG : 0;
        for (let j = 0; j < k; j++) parts[i * k + j] *= f;
      }
    }
    return { potential, parts };
  }
  fit.prop([fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(0, 0.02, 0.3), fc.constantFrom('minmax', 'z', 'rank'), fc.constantFrom('linear', 'geometric'), fc.constantFrom('renormalise', 'exclude')], { numRuns: 40 })(
    'equals the textbook loop bit for bit (rows with every input take a shortcut)',
    (seed, missingShare, method, aggregate, missing) => {
      const areas = syntheticAreas(123, seed, missingShare);
      const p = preparePotential(areas.inputs, 123);
      const k = p.inputs.length;
      const w = new Float64Array(k);
      for (let j = 0; j < k; j++) w[j] = (j * 7 + seed) % 5 === 0 ? 0 : ((j * 13 + seed) % 11) + 1;
      const total = w.reduce((a, b) => a + b, 0);
      for (let j = 0; j < k; j++) w[j] /= total;
      const ref = textbook(p, method, w, aggregate, missing);
      const got = aggregatePotential(p, method, w, aggregate, missing);
      expect(Array.from(got.potential).map(String)).toEqual(Array.from(ref.potential).map(String));
      expect(Array.from(got.parts).map(String)).toEqual(Array.from(ref.parts).map(String));
      const lean = aggregatePotential(p, method, w, aggregate, missing, undefined, undefined, false);
      expect(Array.from(lean.potential).map(String)).toEqual(Array.from(textbook(p, method, w, aggregate, missing, true).potential).map(String));
    },
  );
});

describe('aggregatePotential against the plain per-row loop (seeded random inputs)', () => {
  /** Steps 5–6 written once for every row, as Handbook §1.6 states them: the reference. */
  function reference(p: ReturnType<typeof preparePotential>, method: 'minmax' | 'z' | 'rank', w: Float64Array, aggregate: 'linear' | 'geometric', missing: 'renormalise' | 'exclude', scope: Uint8Array, divide = false) {
    const k = p.inputs.length;
    const x = aggregate === 'linear' ? p.matrix(method) : p.logMatrix(method);
    const potential = new Float64Array(p.n), parts = new Float64Array(p.n * k);
    let weighted = 0;
    for (let j = 0; j < k; j++) if (w[j] > 0) weighted++;
    for (let i = 0; i < p.n; i++) {
      let wSum = 0, s = 0, have = 0;
      const t = new Float64Array(k);
      for (let j = 0; j < k; j++) {
        const aw = w[j] * p.available[i * k + j];
        t[j] = aw * x[i * k + j];
        wSum += aw;
        s += t[j];
        if (aw > 0) have++;
      }
      const ok = scope[i] === 1 && wSum > 0 && !(missing === 'exclude' && have < weighted);
      if (!ok) {
        potential[i] = NaN;
        parts.fill(NaN, i * k, i * k + k);
      } else if (aggregate === 'linear') {
        const inv = 1 / wSum;
        // With parts the sum is scaled by 1 / W (the parts share the factor); without, divided by W.
        potential[i] = divide ? s / wSum : s * inv;
        for (let j = 0; j < k; j++) parts[i * k + j] = t[j] * inv;
      } else {
        const lnG = s / wSum;
        potential[i] = (Math.exp(lnG) - GEOMETRIC_LOW) / (GEOMETRIC_HIGH - GEOMETRIC_LOW);
        const f = lnG > 0 ? potential[i] / wSum / lnG : 0;
        for (let j = 0; j < k; j++) parts[i * k + j] = t[j] * f;
      }
    }
    return { potential, parts };
  }

  it('potential and every part equal the reference bit for bit (linear and geometric, both missing rules, a scope)', () => {
    const rnd = mulberry32(2008);
    const n = 500;
    const col = (missingShare: number) => Array.from({ length: n }, () => (rnd() < missingShare ? NaN : rnd() * 100));
    const columns = { road: col(0.1), school_km: col(0), lit_share: col(0.3), hospital_2sfca: col(0.05) };
    const scope = Uint8Array.from({ length: n }, () => (rnd() < 0.9 ? 1 : 0));
    const p = preparePotential(columns, n, {}, scope);
    for (const method of ['minmax', 'z', 'rank'] as const)
      for (const aggregate of ['linear', 'geometric'] as const)
        for (const missing of ['renormalise', 'exclude'] as const)
          for (const w of [Float64Array.of(0.25, 0.25, 0.25, 0.25), Float64Array.of(0.5, 0.1, 0, 0.4)]) {
            const got = aggregatePotential(p, method, w, aggregate, missing, scope);
            const tag = `${method} ${aggregate} ${missing} ${w[1]}`;
            const want = reference(p, method, w, aggregate, missing, scope);
            expect(Array.from(got.potential), tag).toEqual(Array.from(want.potential));
            expect(Array.from(got.parts), tag).toEqual(Array.from(want.parts));
            const lean = aggregatePotential(p, method, w, aggregate, missing, scope, undefined, false);
            expect(Array.from(lean.potential), tag + ' lean').toEqual(Array.from(reference(p, method, w, aggregate, missing, scope, true).potential));
          }
  });
});
