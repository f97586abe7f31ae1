import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { benjaminiHochbergAdjusted, correctPValues } from './multipleTesting';

describe('multiple testing', () => {
  it('issue 9: BH on [.001, .03, .031, .032, .2] at α = .05 keeps 4', () => {
    // Hand check: thresholds α·k/5 = .01 .02 .03 .04 .05; p_(4) = .032 ≤ .04 is the largest passing rank.
    const r = correctPValues([0.001, 0.03, 0.031, 0.032, 0.2], 0.05, 'fdr');
    expect([...r.significant]).toEqual([1, 1, 1, 1, 0]);
    expect(r.cutoff).toBe(0.032);
    expect(correctPValues([0.001, 0.03, 0.031, 0.032, 0.2], 0.05, 'bonferroni').count).toBe(1);
    expect(correctPValues([0.001, 0.03, 0.031, 0.032, 0.2], 0.05, 'none').count).toBe(4);
  });
  it('NaN p-values are not tests', () => {
    const r = correctPValues([0.01, NaN, 0.02], 0.05, 'bonferroni');
    expect(r.tests).toBe(2);
    expect([...r.significant]).toEqual([1, 0, 1]);
  });
  test.prop([fc.array(fc.double({ min: 1e-6, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.double({ min: 0.001, max: 0.5, noNaN: true })])(
    'BH = the step-up definition by brute force; q ≤ α exactly on the same set; bonferroni ⊆ fdr ⊆ none',
    (p, alpha) => {
      const m = p.length;
      let kMax = 0;
      const sorted = [...p].sort((a, b) => a - b);
      for (let k = 1; k <= m; k++) if (sorted[k - 1] <= (alpha * k) / m) kMax = k;
      const fdr = correctPValues(p, alpha, 'fdr');
      const expected = p.map((v) => (kMax > 0 && v <= sorted[kMax - 1] ? 1 : 0));
      expect([...fdr.significant]).toEqual(expected);
      const q = benjaminiHochbergAdjusted(p);
      // q·(1 + 1e-12): the adjusted value is m·p/k in floating point, the rule compares p with α·k/m.
      q.forEach((v, i) => expect(v <= alpha * (1 + 1e-12) || !expected[i]).toBe(true));
      const bon = correctPValues(p, alpha, 'bonferroni').significant;
      const none = correctPValues(p, alpha, 'none').significant;
      p.forEach((_, i) => expect(bon[i] <= fdr.significant[i] && fdr.significant[i] <= none[i]).toBe(true));
    },
  );
  it('refuses a bad alpha', () => expect(() => correctPValues([0.1], 1.5, 'fdr')).toThrow(/alpha/));
});
