import { describe, expect, it } from 'vitest';
import { it as fit, fc } from '@fast-check/vitest';
import { classifyQuadrants, medianOf, QUADRANT_IDS, QUADRANTS, thresholds } from './typology';

// Colour-vision-deficiency check: Machado, Oliveira & Fernandes (2009), "A physiologically-based
// model for simulation of color vision deficiency", IEEE TVCG 15(6), severity-1.0 matrices on
// linear RGB; distances as CIE76 ΔE in CIELAB (D65).
const MACHADO = {
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
const toLinear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const hexLinear = (h: string) => [1, 3, 5].map((i) => toLinear(parseInt(h.slice(i, i + 2), 16)));
function lab([r, g, b]: number[]): number[] {
  const cl = (x: number) => Math.min(1, Math.max(0, x));
  [r, g, b] = [cl(r), cl(g), cl(b)];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const X = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, Y = 0.2126 * r + 0.7152 * g + 0.0722 * b, Z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}
const simulate = (rgb: number[], m: number[][]) => m.map((row) => row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]);
const deltaE = (a: number[], b: number[]) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));
function minDeltaE(colours: string[], m?: number[][]): number {
  const c = colours.map(hexLinear).map((x) => (m ? simulate(x, m) : x));
  let min = Infinity;
  for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) min = Math.min(min, deltaE(c[i], c[j]));
  return min;
}

describe('typology', () => {
  it('names four quadrants with their intervention families', () => {
    expect(QUADRANTS.high_need_high_potential.familyEn).toBe('Livelihoods and market linkage');
    expect(QUADRANTS.high_need_low_potential.familyEn).toBe('Social protection and basic infrastructure');
    expect(QUADRANTS.low_need_high_potential.familyEn).toBe('Growth poles to link to');
    expect(QUADRANTS.low_need_low_potential.familyEn).toBe('Monitor');
  });

  it('classifies at ≥ threshold as high', () => {
    const q = classifyQuadrants([0.1, 0.5, 0.9, 0.5], [0.9, 0.5, 0.1, 0.2], Uint8Array.of(1, 1, 1, 0), { need: 0.5, potential: 0.5 });
    expect([q[0], q[1], q[2]].map((c) => QUADRANT_IDS[c])).toEqual(['low_need_high_potential', 'high_need_high_potential', 'high_need_low_potential']);
    expect(q[3]).toBe(255);
  });

  it('medians over areas (type 7) and over people (lower weighted median)', () => {
    const el = Uint8Array.of(1, 1, 1, 1);
    expect(medianOf([4, 1, 3, 2], el)).toBe(2.5);
    // People 1, 1, 1, 10 at values 1..4: half of 13 = 6.5 is reached at value 4.
    expect(medianOf([1, 2, 3, 4], el, [1, 1, 1, 10])).toBe(4);
    expect(thresholds({ kind: 'given', need: 0.3, potential: 0.7 }, [], [], el, [])).toEqual({ need: 0.3, potential: 0.7 });
  });

  it('the bivariate palette stays distinguishable under simulated colour-vision deficiency', () => {
    const colours = QUADRANT_IDS.map((id) => QUADRANTS[id].colour);
    expect(minDeltaE(colours)).toBeGreaterThan(40);
    for (const m of Object.values(MACHADO)) expect(minDeltaE(colours, m)).toBeGreaterThan(40);
    // The reason for not using Joshua Stevens' teal–pink corners: they collapse under deuteranopia.
    expect(minDeltaE(['#e8e8e8', '#5ac8c8', '#be64ac', '#3b4994'], MACHADO.deuteranopia)).toBeLessThan(20);
  });

  // Reference: sort the eligible values and take R's type 7 median.
  fit.prop([fc.constantFrom('spread', 'ties', 'cluster', 'nonfinite'), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 1e9 })], { numRuns: 60 })(
    'by areas: the bucket selection equals a full sort, for any kind of values',
    (kind, n, seed) => {
      let s = seed >>> 0;
      const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
      const values = Float64Array.from({ length: n }, (_, i) => {
        const u = rand();
        if (kind === 'ties') return Math.floor(u * 4) / 4;
        if (kind === 'cluster') return i === 0 ? -1e9 : 0.3 + u * 1e-12;
        if (kind === 'nonfinite') return u < 0.05 ? Infinity : u;
        return u * 10 - 3;
      });
      const el = Uint8Array.from(values, () => (rand() < 0.8 ? 1 : 0));
      const xs = Array.from(values).filter((_, i) => el[i]).sort((a, b) => a - b);
      const h = (xs.length - 1) / 2;
      const lo = xs[Math.floor(h)], hi = xs[Math.ceil(h)];
      const ref = xs.length === 0 ? NaN : lo + (h - Math.floor(h)) * (hi - lo);
      expect(medianOf(values, el)).toBe(ref);
    },
  );
});
