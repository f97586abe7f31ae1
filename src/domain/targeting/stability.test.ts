import { describe, expect, it } from 'vitest';
import { it as fit, fc } from '@fast-check/vitest';
import { NORMALISATION_METHODS, quantileSorted } from './normalise';
import { GEOMETRIC_HIGH, GEOMETRIC_LOW } from './potential';
import { mulberry32 } from '../random';
import { GammaSampler } from './dirichlet';
import { prepareRanking, rankAreas, resolveRankSettings, type RankOptions, type TargetingAreas } from './rankAreas';
import { CancelledError, RankSelectScratch, rankStability, rankStabilityAsync, selectRankOrderStats, typeSevenPositions } from './stability';
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

  fit.prop([fc.integer({ min: 1, max: 70_000 }).chain((max) => fc.tuple(fc.constant(max), fc.array(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 400 }))), fc.subarray([0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99])])(
    'the selected order statistics equal a full sort at every position the quantiles read',
    ([maxRank, ranks], ps) => {
      const a = Uint32Array.from(ranks);
      const positions = typeSevenPositions(a.length, ps);
      selectRankOrderStats(a, positions, new RankSelectScratch(maxRank));
      const sorted = Uint32Array.from(ranks).sort();
      for (const q of positions) expect(a[q]).toBe(sorted[q]);
      for (const p of ps) expect(quantileSorted(a, p)).toBe(quantileSorted(sorted, p));
    },
  );
  it('one scratch serves many columns (slots are reset)', () => {
    const r = mulberry32(4);
    const scratch = new RankSelectScratch(9000);
    const positions = typeSevenPositions(1000, [0.5, 0.05, 0.95]);
    for (let c = 0; c < 50; c++) {
      const a = Uint32Array.from({ length: 1000 }, () => 1 + Math.floor(r() * (c % 2 ? 9000 : 300)));
      const sorted = a.slice().sort();
      selectRankOrderStats(a, positions, scratch);
      for (const q of positions) expect(a[q]).toBe(sorted[q]);
    }
  });
});

/**
 * The Monte Carlo written the obvious way, from the formulas in stability.ts's header: the same
 * seeded draws (method, Dirichlet weights), each area's potential as Σ w_j·a_ij·x_ij / Σ w_j·a_ij,
 * a comparator sort for the ranks (ties by code order), medians from a full sort, and every
 * area's ranks fully sorted before the type-7 quantiles. rankStability must give the same numbers
 * exactly: its bucket sorts, selections and rank histograms only reorder comparisons of the same
 * values.
 */
function naiveStability(areas: TargetingAreas, options: RankOptions, mc: { draws: number; seed: number; concentration: number; varyNormalisation: boolean; varyPriorityWeights: boolean }) {
  const p = prepareRanking(areas, options);
  const s = resolveRankSettings(p, options);
  const nominal = rankAreas(areas, options);
  const k = p.potential.inputs.length;
  const idx = Array.from(p.codeOrder).filter((i) => nominal.rank[i] > 0);
  const m = idx.length;
  const uniform = mulberry32(mc.seed);
  const rng = new GammaSampler(uniform);
  const w = new Float64Array(k), wPri = new Float64Array(2);
  const ranks = idx.map(() => [] as number[]);
  const flips = new Array<number>(m).fill(0);
  const people = s.rule.kind === 'median' && s.rule.weighting === 'people' ? idx.map((i) => areas.people[i]) : null;
  const median = (v: number[]): number => {
    const order = v.map((_, e) => e).sort((a, b) => v[a] - v[b]);
    if (!people) {
      const h = (m - 1) / 2, lo = Math.floor(h);
      return h === lo ? v[order[lo]] : v[order[lo]] + 0.5 * (v[order[lo + 1]] - v[order[lo]]);
    }
    const total = people.reduce((a, b) => a + (b > 0 ? b : 0), 0);
    let c = 0;
    for (const e of order) if ((c += people[e] > 0 ? people[e] : 0) >= total / 2) return v[e];
    return v[order[m - 1]];
  };
  for (let d = 0; d < mc.draws; d++) {
    const method = mc.varyNormalisation ? NORMALISATION_METHODS[Math.min(2, Math.floor(uniform() * 3))] : s.method;
    rng.dirichlet(s.weights.effective, mc.concentration, w);
    let wn = s.priorityWeights.need, wp = s.priorityWeights.potential;
    if (mc.varyPriorityWeights) {
      rng.dirichlet([wn, wp], mc.concentration, wPri);
      [wn, wp] = [wPri[0], wPri[1]];
    }
    const X = s.aggregate === 'linear' ? p.potential.matrix(method) : p.potential.logMatrix(method);
    const needAll = p.needNormalised(method);
    const need = idx.map((i) => needAll[i]);
    const P = idx.map((i) => {
      let ws = 0, acc = 0;
      for (let j = 0; j < k; j++) {
        const aw = w[j] * p.potential.available[i * k + j];
        ws += aw;
        acc += aw * X[i * k + j];
      }
      return s.aggregate === 'linear' ? acc / ws : (Math.exp(acc / ws) - GEOMETRIC_LOW) / (GEOMETRIC_HIGH - GEOMETRIC_LOW);
    });
    const key = P.map((x, e) => wn * need[e] + wp * (s.strategy === 'protection' ? 1 - x : x) + 0);
    const order = key.map((_, e) => e).sort((a, b) => (key[a] < key[b] ? 1 : key[a] > key[b] ? -1 : a - b));
    order.forEach((e, r) => ranks[e].push(r + 1));
    const tn = s.rule.kind === 'given' ? s.rule.need : median(need);
    const tp = s.rule.kind === 'given' ? s.rule.potential : median(P);
    for (let e = 0; e < m; e++) if ((((need[e] >= tn ? 1 : 0) << 1) | (P[e] >= tp ? 1 : 0)) !== nominal.quadrant[idx[e]]) flips[e]++;
  }
  const n = areas.codes.length;
  const out = { median: new Float64Array(n).fill(NaN), q05: new Float64Array(n).fill(NaN), q95: new Float64Array(n).fill(NaN), flip: new Float64Array(n).fill(NaN) };
  idx.forEach((i, e) => {
    const sorted = [...ranks[e]].sort((a, b) => a - b);
    out.median[i] = quantileSorted(sorted, 0.5);
    out.q05[i] = quantileSorted(sorted, 0.05);
    out.q95[i] = quantileSorted(sorted, 0.95);
    out.flip[i] = flips[e] / mc.draws;
  });
  return out;
}

/** Areas with codes in shuffled order (so code order ≠ index order) and, with `coarse`, every area a copy of one of the first 40 (many tied scores in every draw). */
function shuffledAreas(n: number, seed: number, coarse: boolean): TargetingAreas {
  const a = syntheticAreas(n, seed, 0.05, 'subdistrict');
  const src = (i: number) => (coarse ? i % 40 : i);
  const r = mulberry32(seed + 1);
  const codes = [...a.codes];
  for (let i = codes.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [codes[i], codes[j]] = [codes[j], codes[i]];
  }
  const inputs: Record<string, Float64Array> = {};
  for (const [id, col] of Object.entries(a.inputs)) inputs[id] = Float64Array.from(col, (_, i) => col[src(i)]);
  const people = Float64Array.from(a.people, (_, i) => a.people[src(i)]);
  const targetPoor = Float64Array.from(a.targetPoor, (_, i) => a.targetPoor[src(i)]);
  return { ...a, codes, inputs, people, targetPoor, needColumns: [{ id: 'target_poor', kind: 'count', values: targetPoor }] };
}

describe('rank stability against the naive Monte Carlo', () => {
  const cases: [string, RankOptions, Partial<{ draws: number; concentration: number; varyNormalisation: boolean; varyPriorityWeights: boolean }>][] = [
    ['defaults', {}, {}],
    ['geometric, people-weighted medians, priority weights drawn', { aggregate: 'geometric', thresholds: { kind: 'median', weighting: 'people' } }, { varyPriorityWeights: true, concentration: 5 }],
    ['protection, given thresholds, one method', { strategy: 'protection', thresholds: { kind: 'given', need: 0.4, potential: 0.5 }, normalise: 'rank' }, { varyNormalisation: false, concentration: 20 }],
    ['exclude missing, odd draws', { missing: 'exclude' }, { draws: 37 }],
  ];
  for (const coarse of [false, true]) {
    for (const [name, options, mcPart] of cases) {
      it(`${name}${coarse ? ', tied scores' : ''}: identical ranks quantiles and flip shares`, () => {
        const areas = shuffledAreas(coarse ? 257 : 411, coarse ? 21 : 22, coarse);
        const mc = { draws: 120, seed: 77, concentration: 50, varyNormalisation: true, varyPriorityWeights: false, ...mcPart };
        const got = rankStability(areas, options, mc);
        const want = naiveStability(areas, options, mc);
        expect(Array.from(got.rankMedian)).toEqual(Array.from(want.median));
        expect(Array.from(got.rankQ05)).toEqual(Array.from(want.q05));
        expect(Array.from(got.rankQ95)).toEqual(Array.from(want.q95));
        expect(Array.from(got.quadrantFlipShare)).toEqual(Array.from(want.flip));
      });
    }
  }
});
