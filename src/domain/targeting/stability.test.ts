import { describe, expect, it } from 'vitest';
import { it as fit, fc } from '@fast-check/vitest';
import { quantileSorted } from './normalise';
import { mulberry32 } from '../random';
import { GammaSampler } from './dirichlet';
import { rankAreas } from './rankAreas';
import { CancelledError, rankStability, rankStabilityAsync, selectOrderStats, typeSevenPositions } from './stability';
import { syntheticAreas } from './testAreas';

const areas = syntheticAreas(300, 11, 0.05, 'subdistrict');

function bandWidths(s: ReturnType<typeof rankStability>) {
  const w: number[] = [];
  for (let i = 0; i < s.rankQ05.length; i++) if (Number.isFinite(s.rankQ05[i])) w.push(s.rankQ95[i] - s.rankQ05[i]);
  return w;
}

describe('rank stability', () => {
  it('identical alternatives (α = ∞, one method) leave every rank where it was', () => {
    for (const aggregate of ['linear', 'geometric'] as const) {
      const nominal = rankAreas(areas, { aggregate, thresholds: { kind: 'median', weighting: 'people' } });
      const s = rankStability(areas, { aggregate, thresholds: { kind: 'median', weighting: 'people' } }, { draws: 50, concentration: Infinity, varyNormalisation: false, seed: 3 });
      expect(Math.max(...bandWidths(s))).toBe(0);
      for (let i = 0; i < 300; i++) {
        if (!nominal.rank[i]) continue;
        expect(s.rankMedian[i]).toBe(nominal.rank[i]);
        expect(s.rankNominal[i]).toBe(nominal.rank[i]);
        expect(s.quadrantFlipShare[i]).toBe(0);
      }
    }
  });

  it('a single input and a single method: band width 0 at any concentration', () => {
    const s = rankStability(areas, { weights: { lights_per_capita: 1 } }, { draws: 40, concentration: 2, varyNormalisation: false, seed: 9 });
    expect(Math.max(...bandWidths(s))).toBe(0);
    expect(Math.max(...Array.from(s.quadrantFlipShare).filter(Number.isFinite))).toBe(0);
  });

  it('perturbations move ranks, more with lower concentration; seeded', () => {
    const loose = rankStability(areas, {}, { draws: 100, concentration: 2, seed: 5 });
    const tight = rankStability(areas, {}, { draws: 100, concentration: 500, varyNormalisation: false, seed: 5 });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(bandWidths(loose))).toBeGreaterThan(mean(bandWidths(tight)));
    expect(mean(bandWidths(tight))).toBeGreaterThan(0);
    const again = rankStability(areas, {}, { draws: 100, concentration: 2, seed: 5 });
    expect(Array.from(again.rankQ95)).toEqual(Array.from(loose.rankQ95));
    expect(loose.methodCounts.minmax + loose.methodCounts.z + loose.methodCounts.rank).toBe(100);
    for (let i = 0; i < 300; i++) {
      if (!Number.isFinite(loose.rankQ05[i])) continue;
      expect(loose.rankQ05[i]).toBeLessThanOrEqual(loose.rankMedian[i]);
      expect(loose.rankMedian[i]).toBeLessThanOrEqual(loose.rankQ95[i]);
    }
  });

  it('reports progress and cancels', async () => {
    const seen: number[] = [];
    rankStability(areas, {}, { draws: 200, onProgress: (d, t) => (expect(t).toBe(200), seen.push(d)) });
    expect(seen[seen.length - 1]).toBe(200);
    let calls = 0;
    expect(() => rankStability(areas, {}, { draws: 200, shouldCancel: () => ++calls > 3 })).toThrow(CancelledError);
    await expect(rankStabilityAsync(areas, {}, { draws: 200, shouldCancel: () => ++calls > 10 })).rejects.toBeInstanceOf(CancelledError);
    const a = await rankStabilityAsync(areas, {}, { draws: 30, seed: 2 });
    const b = rankStability(areas, {}, { draws: 30, seed: 2 });
    expect(Array.from(a.rankMedian)).toEqual(Array.from(b.rankMedian));
  });
});

describe('gamma and Dirichlet sampler', () => {
  it('Marsaglia–Tsang gamma has mean a and variance a (shape ≥ 1 and < 1)', () => {
    const g = new GammaSampler(mulberry32(42));
    for (const a of [0.3, 1, 2.5, 20]) {
      const xs = Array.from({ length: 40_000 }, () => g.gamma(a));
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
      // Standard errors: √(a/N) for the mean; generous 5σ-ish bounds.
      expect(Math.abs(m - a)).toBeLessThan(5 * Math.sqrt(a / xs.length));
      expect(Math.abs(v / a - 1)).toBeLessThan(0.1);
    }
  });
  it('Dirichlet(α·w) has mean w and Var = w(1 − w)/(α + 1)', () => {
    const g = new GammaSampler(mulberry32(7));
    const w = [0.5, 0.3, 0.2, 0];
    const out = new Float64Array(4);
    const N = 20_000, alpha = 10;
    const sum = [0, 0, 0, 0], sq = [0, 0, 0, 0];
    for (let t = 0; t < N; t++) {
      g.dirichlet(w, alpha, out);
      for (let j = 0; j < 4; j++) {
        sum[j] += out[j];
        sq[j] += out[j] * out[j];
      }
    }
    for (let j = 0; j < 3; j++) {
      const m = sum[j] / N;
      expect(m).toBeCloseTo(w[j], 2);
      expect(sq[j] / N - m * m).toBeCloseTo((w[j] * (1 - w[j])) / (alpha + 1), 3);
    }
    expect(sum[3]).toBe(0);
  });

  fit.prop([fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 400 }), fc.subarray([0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99])])(
    'the selected order statistics equal a full sort at every position the quantiles read',
    (ranks, ps) => {
      const a = Uint32Array.from(ranks);
      const positions = typeSevenPositions(a.length, ps);
      selectOrderStats(a, positions);
      const sorted = Uint32Array.from(ranks).sort();
      for (const q of positions) expect(a[q]).toBe(sorted[q]);
      for (const p of ps) expect(quantileSorted(a, p)).toBe(quantileSorted(sorted, p));
      expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from(sorted)); // a permutation
    },
  );
});
