/**
 * Conditional permutation inference for local statistics (Anselin 1995, §4): area i keeps its own
 * value; the other n − 1 values are permuted over the remaining locations and |N_i| of them land
 * on i's neighbours. The pseudo p-value is the one PySAL esda (`crand`, alternative 'directed',
 * the default of Moran_Local) and GeoDa report:
 *
 *   larger = #{draws with T_sim ≥ T_obs};  if R − larger < larger then larger = R − larger;
 *   p = (larger + 1) / (R + 1)
 *
 * i.e. the more extreme tail chosen by the data, the observed value counted once (Hope 1968;
 * North, Curtis & Sham 2002 for the (1 + b)/(R + 1) estimator). The smallest p is 1/(R + 1).
 *
 * Every statistic handled here has the form T_i = s_i · Σ_j w_ij x_{π(j)} with a per-area factor
 * s_i that permutation does not change (z_i for local Moran, 1/Σ others for Getis–Ord), so
 * T_sim ≥ T_obs is decided on the neighbour sum alone, in the direction of sign(s_i).
 *
 * Speed (75,000 areas × 9,999 draws): like esda's `vec_permutations`, one stream of draws is shared
 * by all areas. Draw r is a random ordered sample of K + 1 distinct areas out of all n (partial
 * Fisher–Yates; K = the largest neighbour count), and area i takes the first |N_i| sampled areas
 * that are not i itself. For each i that is a uniform random |N_i|-subset of the other n − 1
 * areas, exactly the conditional null. When a row's weights are equal (all queen, knn and band
 * weights, binary or row-standardised) its permuted neighbour sum is the sample's prefix sum
 * P[k] (or P[k + 1] − x_i when i itself was sampled), so areas are counted against sorted prefix
 * sums instead of being visited draw by draw (see `permutationCounts`). As in esda, p-values of
 * different areas are dependent through the shared draws; each one's null distribution is exact.
 *
 * Ties: sums that differ only by floating-point order count as equal (relative tolerance
 * TIE_TOLERANCE), so a permuted set with the observed neighbours' values is "as extreme".
 * An area whose factor s_i is exactly 0 (its value equals the mean) has T ≡ 0 under every
 * permutation: it gets p = 1 (esda's fold would give it the minimum 1/(R + 1)).
 */
import { mulberry32 } from '../random';
import { runSteps, type Steps } from './steps';
import type { SpatialWeights } from './weights';

export const DEFAULT_PERMUTATIONS = 999;
export const MAX_PERMUTATIONS = 99_999;
/** Relative tolerance for deciding that a permuted neighbour sum ties the observed one. */
export const TIE_TOLERANCE = 1e-10;

export { CancelledError } from './steps';

export interface PermutationOptions {
  /** Number of random draws R (1 … 99,999; default 999). */
  permutations?: number;
  /** Seed of the mulberry32 stream (default 1): the same seed gives the same p-values. */
  seed?: number;
  /** Called after each chunk of draws with (draws done, R) (steps.ts: once per new count). */
  onProgress?: (done: number, total: number) => void;
  /** Checked after each chunk of draws and each tail sort; returning true throws CancelledError. */
  shouldCancel?: () => boolean;
}

export interface PermutationCounts {
  /** Draws with T_sim ≥ T_obs (ties included), per area; 0 for islands. */
  larger: Uint32Array;
  /** Number of draws (reference-distribution size) per area: R, or the subsets enumerated in exact mode; 0 for islands. */
  total: Float64Array;
}

/**
 * Validated number of permutations (integer in 1 … MAX_PERMUTATIONS).
 */
export function checkPermutations(r: number): number {
  if (!(Number.isInteger(r) && r >= 1 && r <= MAX_PERMUTATIONS)) throw new Error(`permutations must be a whole number in 1 … ${MAX_PERMUTATIONS} (got ${r})`);
  return r;
}

interface Prepared {
  n: number;
  card: Uint32Array;
  maxCard: number;
  /** Weight of the row when all its weights are equal, NaN otherwise (general path). */
  rowWeight: Float64Array;
  obs: Float64Array;
  /** A permuted neighbour sum s is "as extreme" when s ≥ lo (sign +), s ≤ hi (sign −), always (sign 0). */
  lo: Float64Array;
  hi: Float64Array;
  sign: Int8Array;
}

/** The one comparison every path uses, so sorted counting and per-draw checks agree exactly. */
function passes(pr: Prepared, i: number, s: number): boolean {
  const g = pr.sign[i];
  return g > 0 ? s >= pr.lo[i] : g < 0 ? s <= pr.hi[i] : true;
}

function prepare(x: Float64Array, w: SpatialWeights, factor: ArrayLike<number>): Prepared {
  const n = w.n;
  if (x.length !== n || factor.length !== n) throw new Error(`permutation: ${x.length} values and ${factor.length} factors for ${n} areas`);
  const card = new Uint32Array(n);
  const rowWeight = new Float64Array(n);
  const obs = new Float64Array(n);
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const sign = new Int8Array(n);
  let maxAbsX = 0;
  for (let i = 0; i < n; i++) maxAbsX = Math.max(maxAbsX, Math.abs(x[i]));
  let maxCard = 0;
  for (let i = 0; i < n; i++) {
    const a = w.offsets[i];
    const b = w.offsets[i + 1];
    card[i] = b - a;
    maxCard = Math.max(maxCard, b - a);
    let uniform = true;
    let s = 0;
    let maxW = 0;
    for (let t = a; t < b; t++) {
      if (w.neighbours[t] === i) throw new Error(`permutation: area ${i} lists itself as a neighbour (self weights are not permuted)`);
      if (w.weights[t] !== w.weights[a]) uniform = false;
      maxW = Math.max(maxW, Math.abs(w.weights[t]));
    }
    rowWeight[i] = uniform && b > a ? w.weights[a] : NaN;
    // Uniform rows compare raw sums Σ x_j (the weight is a positive constant factor).
    for (let t = a; t < b; t++) s += (uniform ? 1 : w.weights[t]) * x[w.neighbours[t]];
    obs[i] = s;
    const tol = TIE_TOLERANCE * (b - a + 1) * maxAbsX * (uniform ? 1 : maxW);
    lo[i] = s - tol;
    hi[i] = s + tol;
    const f = factor[i];
    sign[i] = f > 0 ? 1 : f < 0 ? -1 : 0;
    if (uniform && b > a && !(w.weights[a] > 0)) throw new Error(`permutation: row ${i} has non-positive weights`);
  }
  return { n, card, maxCard, rowWeight, obs, lo, hi, sign };
}

/**
 * Monte Carlo conditional permutation counts for T_i = factor_i · Σ_j w_ij x_{π(j)} (see the
 * module header). `w` must have no self-loops.
 *
 * Counting without visiting every (area, draw) pair: for areas with equal row weights and |N_i| = k
 * the permuted sum of draw r is the sample's prefix sum P_r[k], the same number for all of them,
 * except for the ≤ K + 1 areas sampled in that draw (they must skip themselves). So the R values
 * P_r[k] are sorted once per k, each area counts its passing draws by binary search, and the
 * sampled areas are corrected draw by draw: O(R·K·log R + n·log R) instead of O(R·n), with exactly
 * the counts the pair-by-pair loop gives (`passes` is the one comparison).
 */
export function permutationCounts(x: Float64Array, w: SpatialWeights, factor: ArrayLike<number>, options: PermutationOptions = {}): PermutationCounts {
  return runSteps(permutationCountsSteps(x, w, factor, options), checkPermutations(options.permutations ?? DEFAULT_PERMUTATIONS), options);
}

/**
 * `permutationCounts` as chunked steps (steps.ts): yields the draws done after each chunk of
 * ≤ ~2 M operations, then after each of the K sorts (they are the tail of a long run), so the
 * driver can report progress, poll for cancellation or yield to the event loop in between.
 */
export function* permutationCountsSteps(x: Float64Array, w: SpatialWeights, factor: ArrayLike<number>, options: PermutationOptions = {}): Steps<PermutationCounts> {
  const R = checkPermutations(options.permutations ?? DEFAULT_PERMUTATIONS);
  const rand = mulberry32(options.seed ?? 1);
  const pr = prepare(x, w, factor);
  const { n, card, rowWeight, lo, hi, sign } = pr;
  const larger = new Uint32Array(n);
  const total = new Float64Array(n);
  for (let i = 0; i < n; i++) if (card[i] > 0) total[i] = R;
  if (pr.maxCard === 0) return { larger, total };
  yield 0; // preparing 75,000 rows is a step of its own
  const K = pr.maxCard;
  const m = Math.min(n, K + 1);
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  /** sums[(k − 1)·R + r] = P_r[k], the sum of the first k sampled values of draw r. */
  const sums = new Float64Array(K * R);
  const prefix = new Float64Array(m + 1);
  const general: number[] = [];
  for (let i = 0; i < n; i++) if (card[i] > 0 && Number.isNaN(rowWeight[i])) general.push(i);
  /** Correction to the sorted count of sampled areas: +1/−1 per draw where the two answers differ. */
  const fix = new Int32Array(n);
  // ≤ ~2 M operations per chunk: progress and cancellation several times a second.
  const chunk = Math.max(1, Math.min(1000, Math.floor(2_000_000 / (m + general.length * K + 1))));
  for (let r = 0; r < R; r++) {
    // Partial Fisher–Yates continuing from the previous arrangement: still a uniform ordered sample.
    for (let t = 0; t < m; t++) {
      const j = t + Math.floor(rand() * (n - t));
      const v = perm[j];
      perm[j] = perm[t];
      perm[t] = v;
      prefix[t + 1] = prefix[t] + x[v];
    }
    for (let k = 1; k <= K; k++) sums[(k - 1) * R + r] = prefix[k];
    // Sampled areas among their own first k: the true sum skips them and takes the (k+1)-th.
    for (let t = 0; t < m; t++) {
      const v = perm[t];
      const k = card[v];
      if (t >= k || k === 0 || rowWeight[v] !== rowWeight[v]) continue;
      const wrong = passes(pr, v, prefix[k]);
      const right = passes(pr, v, prefix[k + 1] - x[v]);
      if (wrong !== right) fix[v] += right ? 1 : -1;
    }
    for (let g = 0; g < general.length; g++) {
      const i = general[g];
      const a = w.offsets[i];
      const k = card[i];
      let s = 0;
      for (let t = 0, c = 0; c < k; t++) {
        const v = perm[t];
        if (v === i) continue;
        s += w.weights[a + c] * x[v];
        c++;
      }
      if (passes(pr, i, s)) larger[i]++;
    }
    if ((r + 1) % chunk === 0 && r + 1 < R) yield r + 1;
  }
  for (let k = 1; k <= K; k++) {
    sums.subarray((k - 1) * R, k * R).sort();
    yield R;
  }
  for (let i = 0; i < n; i++) {
    const k = card[i];
    if (k === 0 || rowWeight[i] !== rowWeight[i]) continue;
    const sorted = sums.subarray((k - 1) * R, k * R);
    const g = sign[i];
    const c = g > 0 ? R - firstIndex(sorted, (v) => v >= lo[i]) : g < 0 ? firstIndex(sorted, (v) => v > hi[i]) : R;
    larger[i] = c + fix[i];
  }
  return { larger, total };
}

/** First index of a sorted array where pred turns true (pred monotone false → true); length if never. */
function firstIndex(a: Float64Array, pred: (v: number) => boolean): number {
  let l = 0;
  let h = a.length;
  while (l < h) {
    const mid = (l + h) >>> 1;
    if (pred(a[mid])) h = mid;
    else l = mid + 1;
  }
  return l;
}

/** Largest number of subsets per area that `exactPermutationCounts` will enumerate by default. */
export const MAX_EXACT_SUBSETS = 1_000_000;

/**
 * Exact conditional permutation counts: every |N_i|-subset of the other n − 1 areas, each once,
 * is a draw (for a statistic with equal weights per row the order within the subset does not
 * matter; rows with unequal weights enumerate ordered arrangements instead). `total` is the number
 * of subsets. For small n (tests, tiny study areas); throws beyond `maxSubsets` per area.
 */
export function exactPermutationCounts(x: Float64Array, w: SpatialWeights, factor: ArrayLike<number>, maxSubsets = MAX_EXACT_SUBSETS): PermutationCounts {
  const pr = prepare(x, w, factor);
  const { n, card, rowWeight } = pr;
  const larger = new Uint32Array(n);
  const total = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = card[i];
    if (k === 0) continue;
    const others: number[] = [];
    for (let j = 0; j < n; j++) if (j !== i) others.push(j);
    const uniform = rowWeight[i] === rowWeight[i];
    const count = uniform ? binomial(n - 1, k) : fallingFactorial(n - 1, k);
    if (count > maxSubsets) throw new Error(`exact permutation: area ${i} has ${count} neighbour sets (limit ${maxSubsets}); use Monte Carlo`);
    const wRow = w.weights.subarray(w.offsets[i], w.offsets[i + 1]);
    let hits = 0;
    let seen = 0;
    const chosen: number[] = [];
    const used = new Uint8Array(n - 1);
    const visit = (start: number, sum: number) => {
      const depth = chosen.length;
      if (depth === k) {
        seen++;
        if (passes(pr, i, sum)) hits++;
        return;
      }
      for (let a = uniform ? start : 0; a < n - 1; a++) {
        if (!uniform && used[a]) continue;
        used[a] = 1;
        chosen.push(a);
        visit(a + 1, sum + (uniform ? 1 : wRow[depth]) * x[others[a]]);
        chosen.pop();
        used[a] = 0;
      }
    };
    visit(0, 0);
    larger[i] = hits;
    total[i] = seen;
  }
  return { larger, total };
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let t = 1; t <= k; t++) c = (c * (n - k + t)) / t;
  return Math.round(c);
}

function fallingFactorial(n: number, k: number): number {
  let c = 1;
  for (let t = 0; t < k; t++) c *= n - t;
  return c;
}

/**
 * Folded pseudo p-values from the counts (esda 'directed' / GeoDa): (1 + min(larger, R − larger)) / (R + 1).
 * NaN for islands (no draws), 1 where the factor is 0 (the statistic cannot vary).
 */
export function foldedPseudoP(counts: PermutationCounts, factor: ArrayLike<number>): Float64Array {
  const n = counts.larger.length;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const R = counts.total[i];
    if (R === 0) p[i] = NaN;
    else if (factor[i] === 0) p[i] = 1;
    else {
      const l = counts.larger[i];
      p[i] = (1 + Math.min(l, R - l)) / (R + 1);
    }
  }
  return p;
}
