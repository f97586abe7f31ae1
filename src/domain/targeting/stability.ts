/**
 * Rank stability (issue 9 item 6): a Monte Carlo uncertainty analysis of the priority ranking
 * (OECD/JRC Handbook on Constructing Composite Indicators 2008, §1.7 "uncertainty and sensitivity
 * analysis"; COINr `get_sensitivity`, whose rank summary is Nominal, Median, Q5, Q95).
 *
 * Each draw perturbs
 *   - the potential weights: Dirichlet around the chosen effective weights with concentration α
 *     (dirichlet.ts; mean = the chosen weights, α = ∞ = no perturbation);
 *   - optionally the need/potential weights of the priority formula the same way;
 *   - optionally the normalisation method: minmax, z or rank, uniformly;
 * and records every area's rank and whether its quadrant differs from the nominal one. The set of
 * ranked areas is the nominal one (no draw changes which inputs an area has).
 *
 * Speed: normalised input matrices are prepared once per method (potential.ts) and gathered into
 * compact arrays of the ranked areas; a draw is one weighted sum over m × k values, the priority
 * formula, a median and a radix sort (rank.ts). Quantiles are R's type 7 (COINr uses
 * stats::quantile).
 */
import { mulberry32 } from '../random';
import { GammaSampler } from './dirichlet';
import { NORMALISATION_METHODS, quantileSorted, type NormalisationMethod } from './normalise';
import { GEOMETRIC_HIGH, GEOMETRIC_LOW, weightedRowSums } from './potential';
import { rankAreas, prepareRanking, resolveRankSettings, type RankOptions, type TargetingAreas, type TargetingResult } from './rankAreas';
import { radixSortDesc, RadixScratch } from './rank';
import { medianOf } from './typology';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export interface StabilityOptions {
  /** Number of draws (default 1,000). */
  draws?: number;
  seed?: number;
  /** Dirichlet concentration around the chosen weights (default 50; Infinity = weights fixed). */
  concentration?: number;
  /** Choose the normalisation method uniformly among minmax, z and rank in each draw (default true). */
  varyNormalisation?: boolean;
  /** Also perturb the need/potential weights of the priority formula (default false). */
  varyPriorityWeights?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Checked between draws; when it returns true the run throws CancelledError. */
  shouldCancel?: () => boolean;
}

export interface StabilityResult {
  draws: number;
  seed: number;
  concentration: number;
  varyNormalisation: boolean;
  varyPriorityWeights: boolean;
  /** Per area (NaN when unranked): COINr's Nominal, Median, Q5, Q95. */
  rankNominal: Float64Array;
  rankMedian: Float64Array;
  rankQ05: Float64Array;
  rankQ95: Float64Array;
  /** Share of draws whose quadrant differs from the nominal quadrant. */
  quadrantFlipShare: Float64Array;
  /** Draws per method actually used. */
  methodCounts: Record<NormalisationMethod, number>;
}

/** Largest m × draws the rank store holds (2 bytes each up to 65,535 areas, else 4): 30 M ≈ 60–120 MB. */
export const MAX_RANK_CELLS = 30_000_000;

/** A Monte Carlo run that can be advanced step by step (sync here, with yields in the async form). */
class StabilityRun {
  readonly total: number;
  done = 0;
  private readonly m: number;
  private readonly k: number;
  private readonly idx: Uint32Array;
  /** Draw-major ranks; 16-bit while m ≤ 65,535 (every subdistrict run): half the memory traffic of the scatter and the summary. */
  private readonly ranks: Uint16Array | Uint32Array;
  private readonly flips: Uint32Array;
  private readonly nominalQuadrant: Uint8Array;
  private readonly perMethod = new Map<NormalisationMethod, { x: Float64Array; need: Float64Array }>();
  private readonly avail: Uint8Array;
  /** 1 when the area has every input: its weight sum is the draw's total weight. */
  private readonly full: Uint8Array;
  private readonly rng: GammaSampler;
  private readonly uniform: () => number;
  private readonly w: Float64Array;
  private readonly wPri = new Float64Array(2);
  private readonly P: Float64Array;
  private readonly sortBuf: Float64Array;
  private readonly people: Float64Array | null;
  private readonly scratch: RadixScratch;
  readonly methodCounts: Record<NormalisationMethod, number> = { minmax: 0, z: 0, rank: 0 };

  constructor(
    private readonly areas: TargetingAreas,
    private readonly options: RankOptions,
    readonly nominal: TargetingResult,
    readonly o: Required<Pick<StabilityOptions, 'draws' | 'seed' | 'concentration' | 'varyNormalisation' | 'varyPriorityWeights'>>,
  ) {
    const p = prepareRanking(areas, options);
    const s = resolveRankSettings(p, options);
    this.settings = s;
    this.total = o.draws;
    this.k = p.potential.inputs.length;
    const idx: number[] = [];
    for (let c = 0; c < p.codeOrder.length; c++) if (nominal.rank[p.codeOrder[c]] > 0) idx.push(p.codeOrder[c]);
    this.idx = Uint32Array.from(idx);
    this.m = idx.length;
    if (this.m * o.draws > MAX_RANK_CELLS) throw new Error(`stability: ${this.m} areas × ${o.draws} draws is more than ${MAX_RANK_CELLS.toLocaleString('en')} ranks to hold; use fewer draws (≤ ${Math.floor(MAX_RANK_CELLS / Math.max(1, this.m))})`);
    this.ranks = this.m <= 0xffff ? new Uint16Array(this.m * o.draws) : new Uint32Array(this.m * o.draws);
    this.flips = new Uint32Array(this.m);
    this.nominalQuadrant = Uint8Array.from(idx, (i) => nominal.quadrant[i]);
    const k = this.k;
    this.avail = new Uint8Array(this.m * k);
    for (let e = 0; e < this.m; e++) for (let j = 0; j < k; j++) this.avail[e * k + j] = p.potential.available[idx[e] * k + j];
    this.full = Uint8Array.from(idx, (i) => p.potential.rowFull[i]);
    const methods = o.varyNormalisation ? NORMALISATION_METHODS : [s.method];
    for (const method of methods) {
      const X = s.aggregate === 'linear' ? p.potential.matrix(method) : p.potential.logMatrix(method);
      const x = new Float64Array(this.m * k);
      for (let e = 0; e < this.m; e++) for (let j = 0; j < k; j++) x[e * k + j] = X[idx[e] * k + j];
      const needAll = p.needNormalised(method);
      this.perMethod.set(method, { x, need: Float64Array.from(idx, (i) => needAll[i]) });
    }
    this.uniform = mulberry32(o.seed);
    this.rng = new GammaSampler(this.uniform);
    this.w = new Float64Array(k);
    this.P = new Float64Array(this.m);
    this.sortBuf = new Float64Array(this.m);
    const rule = s.rule;
    this.people = rule.kind === 'median' && rule.weighting === 'people' ? Float64Array.from(idx, (i) => areas.people[i]) : null;
    this.scratch = new RadixScratch(this.m);
    this.medianScratch = new RadixScratch(this.m);
  }
  private readonly settings: ReturnType<typeof resolveRankSettings>;
  private readonly medianScratch: RadixScratch;

  /** Runs up to `count` more draws. */
  step(count: number): void {
    const { m, k, settings: s, o } = this;
    const end = Math.min(this.total, this.done + count);
    const ones = new Uint8Array(m).fill(1);
    const span = GEOMETRIC_HIGH - GEOMETRIC_LOW;
    for (let d = this.done; d < end; d++) {
      const method = o.varyNormalisation ? NORMALISATION_METHODS[Math.min(2, Math.floor(this.uniform() * 3))] : s.method;
      this.methodCounts[method]++;
      const { x, need } = this.perMethod.get(method)!;
      const w = this.rng.dirichlet(s.weights.effective, o.concentration, this.w);
      let wn = s.priorityWeights.need, wp = s.priorityWeights.potential;
      if (o.varyPriorityWeights) {
        this.rng.dirichlet([wn, wp], o.concentration, this.wPri);
        wn = this.wPri[0];
        wp = this.wPri[1];
      }
      const P = this.P;
      const a = this.avail;
      const full = this.full;
      const linear = s.aggregate === 'linear';
      // Rows with every input: a_ij = 1, so w_j·a_ij = w_j and the weight sum is the same for all
      // of them (summed once, in the same order); the weighted sums run four rows at a time
      // (weightedRowSums). The same operations as the general loop: bit-identical.
      let wFull = 0;
      for (let j = 0; j < k; j++) wFull += w[j] * 1;
      weightedRowSums(x, w, m, k, P);
      for (let e = 0; e < m; e++) {
        if (full[e]) {
          P[e] = linear ? P[e] / wFull : (Math.exp(P[e] / wFull) - GEOMETRIC_LOW) / span;
          continue;
        }
        const row = e * k;
        let ws = 0, acc = 0;
        for (let j = 0; j < k; j++) {
          const aw = w[j] * a[row + j];
          ws += aw;
          acc += aw * x[row + j];
        }
        // Dirichlet draws keep every nominally weighted input positive, so ws > 0 for ranked areas.
        P[e] = linear ? acc / ws : (Math.exp(acc / ws) - GEOMETRIC_LOW) / span;
      }
      const protect = s.strategy === 'protection';
      // Scores straight into the sort keys; area e is position e, so the sorted positions are the order.
      const keys = this.scratch.keys;
      if (protect) for (let e = 0; e < m; e++) keys[e] = wn * need[e] + wp * (1 - P[e]);
      else for (let e = 0; e < m; e++) keys[e] = wn * need[e] + wp * P[e];
      const order = this.scratch.sortPositionsDesc(m);
      const base = d;
      // Draw-major: this draw's m ranks are one contiguous block (cache-friendly scatter).
      const block = base * m;
      for (let r = 0; r < m; r++) this.ranks[block + order[r]] = r + 1;
      // Quadrants under this draw's thresholds.
      let tn: number, tp: number;
      if (s.rule.kind === 'given') {
        tn = s.rule.need;
        tp = s.rule.potential;
      } else {
        tn = this.needMedian(method, need);
        tp = medianOf(P, ones, this.people, this.sortBuf, this.medianScratch);
      }
      const nq = this.nominalQuadrant;
      const flips = this.flips;
      for (let e = 0; e < m; e++) flips[e] += +((((+(need[e] >= tn)) << 1) | +(P[e] >= tp)) !== nq[e]); // branch-free
    }
    this.done = end;
  }

  private needMedians = new Map<NormalisationMethod, number>();
  private needMedian(method: NormalisationMethod, need: Float64Array): number {
    let t = this.needMedians.get(method);
    if (t === undefined) {
      t = medianOf(need, new Uint8Array(this.m).fill(1), this.people);
      this.needMedians.set(method, t);
    }
    return t;
  }

  finish(): StabilityResult {
    const n = this.areas.codes.length;
    const { m, o } = this;
    const D = this.done;
    const res: StabilityResult = {
      draws: D,
      seed: o.seed,
      concentration: o.concentration,
      varyNormalisation: o.varyNormalisation,
      varyPriorityWeights: o.varyPriorityWeights,
      rankNominal: new Float64Array(n).fill(NaN),
      rankMedian: new Float64Array(n).fill(NaN),
      rankQ05: new Float64Array(n).fill(NaN),
      rankQ95: new Float64Array(n).fill(NaN),
      quadrantFlipShare: new Float64Array(n).fill(NaN),
      methodCounts: this.methodCounts,
    };
    // Transpose draw-major → area-major one tile of TILE areas at a time into a small buffer (it
    // stays in cache), then pick each area's order statistics from rank counts (selectRankOrderStats).
    const quantilePositions = typeSevenPositions(D, [0.5, 0.05, 0.95]);
    const TILE = 64;
    const tile = new Uint32Array(TILE * D);
    const select = new RankSelectScratch(m);
    const ranks = this.ranks;
    for (let e0 = 0; e0 < m; e0 += TILE) {
      const e1 = Math.min(m, e0 + TILE);
      for (let d = 0; d < D; d++) {
        const row = d * m;
        for (let e = e0; e < e1; e++) tile[(e - e0) * D + d] = ranks[row + e];
      }
      for (let e = e0; e < e1; e++) {
        const i = this.idx[e];
        const col = tile.subarray((e - e0) * D, (e - e0) * D + D);
        // Only the order statistics the three type-7 quantiles read are put in place.
        selectRankOrderStats(col, quantilePositions, select);
        res.rankNominal[i] = this.nominal.rank[i];
        res.rankMedian[i] = quantileSorted(col, 0.5);
        res.rankQ05[i] = quantileSorted(col, 0.05);
        res.rankQ95[i] = quantileSorted(col, 0.95);
        res.quadrantFlipShare[i] = D ? this.flips[e] / D : NaN;
      }
    }
    return res;
  }
}

/** Sorted distinct positions quantileSorted reads for these probabilities over n sorted values. */
export function typeSevenPositions(n: number, ps: readonly number[]): number[] {
  const at = new Set<number>();
  for (const p of ps) {
    const lo = Math.floor((n - 1) * p);
    at.add(lo);
    at.add(Math.min(n - 1, lo + 1));
  }
  return [...at].filter((x) => x >= 0).sort((a, b) => a - b);
}

/** Count buffers for selectRankOrderStats, sized for ranks 0..maxRank. */
export class RankSelectScratch {
  readonly shift: number;
  readonly coarse: Uint32Array;
  /** Coarse bucket → slot of the fine counts (-1 = no position falls in it). */
  readonly slot: Int16Array;
  fine: Uint32Array;
  constructor(readonly maxRank: number) {
    const bits = 32 - Math.clz32(Math.max(1, maxRank));
    // ≤ 256 coarse buckets of 2^shift ranks each.
    this.shift = Math.max(0, bits - 8);
    this.coarse = new Uint32Array((maxRank >>> this.shift) + 1);
    this.slot = new Int16Array(this.coarse.length).fill(-1);
    this.fine = new Uint32Array(8 << this.shift);
  }
}

/**
 * Writes into col[q], for every q in `positions` (sorted ascending), the value a full ascending
 * sort of col would put there (other entries are left as they are). The values are ranks
 * 0..scratch.maxRank: one pass counts them in ≤ 256 coarse buckets (rank >> shift), the
 * cumulative counts name the bucket and the offset of each position, and a second pass counts
 * the ranks of just those buckets one by one. Integers are only counted, so the result is the
 * sorted order's exactly (a distribution count, Knuth TAOCP vol. 3 §5.2); two passes without
 * the comparisons of a quickselect, whose branches the CPU cannot predict.
 */
export function selectRankOrderStats(col: Uint32Array, positions: readonly number[], scratch: RankSelectScratch): void {
  const n = col.length;
  if (n === 0 || positions.length === 0) return;
  const { shift, coarse, slot } = scratch;
  const width = 1 << shift;
  coarse.fill(0);
  for (let t = 0; t < n; t++) coarse[col[t] >>> shift]++;
  // Bucket and offset within it of each position; distinct buckets get a slot of fine counts.
  const P = positions.length;
  const bucketOf: number[] = new Array(P);
  const offsetOf: number[] = new Array(P);
  const used: number[] = [];
  let b = 0, before = 0;
  for (let q = 0; q < P; q++) {
    const pos = positions[q];
    while (before + coarse[b] <= pos) before += coarse[b++];
    bucketOf[q] = b;
    offsetOf[q] = pos - before;
    if (slot[b] < 0) {
      slot[b] = used.length;
      used.push(b);
    }
  }
  if (scratch.fine.length < used.length * width) scratch.fine = new Uint32Array(used.length * width);
  const fine = scratch.fine;
  fine.fill(0, 0, used.length * width);
  const mask = width - 1;
  for (let t = 0; t < n; t++) {
    const v = col[t];
    const s = slot[v >>> shift];
    if (s >= 0) fine[s * width + (v & mask)]++;
  }
  for (let q = 0; q < P; q++) {
    const base = slot[bucketOf[q]] * width;
    let c = 0, r = 0;
    const off = offsetOf[q];
    while (c + fine[base + r] <= off) c += fine[base + r++];
    col[positions[q]] = (bucketOf[q] << shift) + r;
  }
  for (const u of used) slot[u] = -1;
}

function resolveOptions(mc: StabilityOptions) {
  const draws = mc.draws ?? 1000;
  if (!Number.isInteger(draws) || draws < 1) throw new Error(`stability: draws must be a whole number ≥ 1 (got ${draws})`);
  const concentration = mc.concentration ?? 50;
  if (!(concentration > 0)) throw new Error(`stability: concentration must be > 0 (got ${concentration})`);
  return { draws, seed: mc.seed ?? 1, concentration, varyNormalisation: mc.varyNormalisation ?? true, varyPriorityWeights: mc.varyPriorityWeights ?? false };
}

/**
 * Monte Carlo rank stability, synchronous (Node, tests, a worker that only needs progress).
 * `shouldCancel` is polled every few draws; cancelling throws CancelledError.
 */
export function rankStability(areas: TargetingAreas, options: RankOptions, mc: StabilityOptions = {}, nominal?: TargetingResult): StabilityResult {
  const o = resolveOptions(mc);
  const run = new StabilityRun(areas, options, nominal ?? rankAreas(areas, options), o);
  const chunk = Math.max(1, Math.floor(o.draws / 100));
  while (run.done < run.total) {
    if (mc.shouldCancel?.()) throw new CancelledError();
    run.step(chunk);
    mc.onProgress?.(run.done, run.total);
  }
  return run.finish();
}

/**
 * The same run, yielding to the event loop about every `sliceMs` so a worker can receive a cancel
 * message between slices (shouldCancel then reads the flag that message set).
 */
export async function rankStabilityAsync(areas: TargetingAreas, options: RankOptions, mc: StabilityOptions & { sliceMs?: number } = {}, nominal?: TargetingResult): Promise<StabilityResult> {
  const o = resolveOptions(mc);
  const run = new StabilityRun(areas, options, nominal ?? rankAreas(areas, options), o);
  const sliceMs = mc.sliceMs ?? 50;
  let perSlice = 1;
  while (run.done < run.total) {
    if (mc.shouldCancel?.()) throw new CancelledError();
    const t0 = performance.now();
    run.step(perSlice);
    const dt = performance.now() - t0;
    mc.onProgress?.(run.done, run.total);
    if (dt < sliceMs / 2) perSlice *= 2;
    await new Promise((r) => setTimeout(r, 0));
  }
  return run.finish();
}
