import { describe, expect } from 'vitest';
import { it as fit, fc } from '@fast-check/vitest';
import { codeOrder, rankByScore, rankByScoreReference } from './rank';

describe('rankByScore', () => {
  fit.prop([
    fc.array(fc.tuple(fc.constantFrom(-1, -0, 0, 0.5, 1, 2, 1e-300, -1e300), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.boolean(), fc.boolean()), { minLength: 0, maxLength: 200 }),
  ])('is a permutation 1..m with ties broken by code, equal to a comparator sort', (cells) => {
    // Mix exact ties (small constant set) with continuous scores.
    const score = cells.map(([c, d, tie]) => (tie ? c : d));
    const eligible = Uint8Array.from(cells, ([, , , e]) => (e ? 1 : 0));
    // Codes deliberately not in index order.
    const codes = cells.map((_, i) => String(90_000_000 - i * 7));
    const r = rankByScore(score, eligible, codeOrder(codes));
    const ref = rankByScoreReference(score, eligible, codes);
    expect(Array.from(r.rank)).toEqual(Array.from(ref));
    const m = eligible.reduce((s, e) => s + e, 0);
    expect([...r.rank].filter((x) => x > 0).sort((a, b) => a - b)).toEqual(Array.from({ length: m }, (_, i) => i + 1));
    expect(r.order.length).toBe(m);
    r.order.forEach((i, k) => expect(r.rank[i]).toBe(k + 1));
  });

  fit.prop([fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 100 })])('handles any finite doubles', (score) => {
    const codes = score.map((_, i) => String(10_000_000 + i));
    const el = new Uint8Array(score.length).fill(1);
    expect(Array.from(rankByScore(score, el, codeOrder(codes)).rank)).toEqual(Array.from(rankByScoreReference(score, el, codes)));
  });
});

describe('RadixScratch.sortDesc (bucket and radix paths)', () => {
  // Key sets that stress the bucket sort: crowded buckets (a tight cluster plus one outlier),
  // many exact ties, −0 and +0, subnormals, non-finite keys (radix path), sizes around BUCKET_MIN.
  const kinds = ['uniform', 'cluster', 'ties', 'tiny', 'nonfinite', 'huge'] as const;
  fit.prop([fc.constantFrom(...kinds), fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 1e9 })], { numRuns: 120 })(
    'equals the comparator reference for every kind of key set',
    (kind, n, seed) => {
      let s = seed >>> 0;
      const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
      const score = Array.from({ length: n }, (_, i) => {
        const u = rand();
        switch (kind) {
          case 'uniform': return u * 2 - 0.5;
          case 'cluster': return i === 0 ? 1e6 : 0.5 + u * 1e-9;
          case 'ties': return [0, -0, 0.25, 0.5, 1][Math.floor(u * 5)];
          case 'tiny': return u < 0.5 ? 5e-324 * Math.floor(u * 8) : -5e-324;
          case 'nonfinite': return u < 0.1 ? Infinity : u < 0.2 ? -Infinity : u;
          default: return (u - 0.5) * 1.7e308;
        }
      });
      const codes = score.map((_, i) => String(50_000_000 + ((i * 7919) % 100_003)).padStart(8, '0'));
      const el = Uint8Array.from(score, () => (rand() < 0.9 ? 1 : 0));
      expect(Array.from(rankByScore(score, el, codeOrder(codes)).rank)).toEqual(Array.from(rankByScoreReference(score, el, codes)));
    },
  );
});
