/**
 * Poverty-measure settings and their resolution into effective indicator weights, the poverty
 * cutoff and the two 9-bit score lookup tables (DESIGN.md §2.2–2.3).
 *
 * How the dimension set interacts with Alkire–Foster: the chosen dimensions are the universe of
 * the measure. Indicators of excluded dimensions get weight 0 and the remaining weights are
 * renormalised to sum to 1, so k stays "a fraction of the total weight that counts". With the
 * default (nested equal) weights every selected dimension gets 1/|S| and its indicators share it
 * equally — Alkire, Foster, Seth, Santos, Roche & Ballon (2015) "Multidimensional Poverty
 * Measurement and Analysis", ch. 6 (nested weights).
 *
 * Floating point: a score is a sum of at most 17 doubles, so it carries a rounding error below
 * 1e-15, while k and the weights come from sliders and typed fractions. A person is therefore
 * poor when c ≥ k − POVERTY_CUTOFF_EPSILON (1e-9): k = 1/3 with weights 1/6 + 1/6 behaves as the
 * exact fractions would, and no two scores an analyst could tell apart are merged.
 */
import { DIMENSION_IDS, DIMENSION_MASK, INDICATORS, INDICATOR_COUNT, type DimensionId } from '../indicators';

/** Tolerance of the poverty cutoff comparison c ≥ k (see the module comment). */
export const POVERTY_CUTOFF_EPSILON = 1e-9;

/** `tpmap`: poor when deprived in any indicator of a selected dimension (union). `af`: c ≥ k. */
export type PovertyMeasure = 'tpmap' | 'af';
/** `all`: rate = target poor ÷ people; `nocard`: rate = poor without a welfare card ÷ people. */
export type WelfareView = 'all' | 'nocard';

/** Raw user weights: 17 numbers in INDICATORS order, or by indicator id (a missing id weighs 0). */
export type IndicatorWeightsInput = readonly number[] | Float64Array | Readonly<Partial<Record<string, number>>>;

export interface MpiSettings {
  /** Identification rule used for poor, target poor, H, A and M0. */
  measure: PovertyMeasure;
  /** Any non-empty subset of the 5 dimensions (TPMAP's 31 subsets). */
  dimensions: readonly DimensionId[];
  /** Alkire–Foster poverty cutoff as a fraction of the total weight, 0 < k ≤ 1 (ignored by `tpmap`). */
  k: number;
  /** Per-indicator weights; null/undefined = nested equal weights over the selected dimensions. */
  weights?: IndicatorWeightsInput | null;
  welfare: WelfareView;
}

export const DEFAULT_MPI_SETTINGS: Readonly<MpiSettings> = {
  measure: 'tpmap',
  dimensions: DIMENSION_IDS,
  k: 1 / 3,
  weights: null,
  welfare: 'all',
};

export interface ResolvedSettings {
  measure: PovertyMeasure;
  welfare: WelfareView;
  dimensions: readonly DimensionId[];
  /** Bits of the indicators of the selected dimensions. */
  selectedMask: number;
  /** Effective weights in INDICATORS order: 0 outside the selected dimensions, summing to 1. */
  weights: Float64Array;
  /** The user's cutoff k (NaN for `tpmap`, which identifies by union). */
  k: number;
  /** Smallest positive effective weight: k at the union end of the slider. */
  unionCutoff: number;
  /** Score of bits 0..8 of a mask. */
  scoreLow: Float64Array;
  /** Score of bits 9..17 of a mask (bit 17, the welfare card, weighs nothing). */
  scoreHigh: Float64Array;
}

const LOW_BITS = 9;

function dimensionSet(dims: readonly DimensionId[]): DimensionId[] {
  if (!Array.isArray(dims) || dims.length === 0) throw new Error('dimensions: choose at least one of ' + DIMENSION_IDS.join(', '));
  for (const d of dims) if (!DIMENSION_IDS.includes(d)) throw new Error(`dimensions: unknown dimension "${d}" (expected ${DIMENSION_IDS.join(', ')})`);
  return DIMENSION_IDS.filter((d) => dims.includes(d));
}

/**
 * Nested weights: each dimension gets its share (equal by default) and splits it equally among
 * its indicators; shares are normalised over the listed dimensions. Alkire et al. (2015) ch. 6.
 */
export function nestedWeights(
  dimensions: readonly DimensionId[] = DIMENSION_IDS,
  dimensionShares?: Readonly<Partial<Record<DimensionId, number>>>,
): Float64Array {
  const dims = dimensionSet(dimensions);
  const w = new Float64Array(INDICATOR_COUNT);
  let total = 0;
  for (const d of dims) {
    const share = dimensionShares?.[d] ?? 1;
    if (!Number.isFinite(share) || share < 0) throw new Error(`weights: dimension ${d} has share ${share}, expected a number ≥ 0`);
    total += share;
  }
  if (!(total > 0)) throw new Error('weights: the selected dimensions have zero total weight');
  for (const d of dims) {
    const members = INDICATORS.filter((ind) => ind.dimension === d).length;
    const share = (dimensionShares?.[d] ?? 1) / total;
    INDICATORS.forEach((ind, j) => {
      if (ind.dimension === d) w[j] = share / members;
    });
  }
  return w;
}

function rawWeights(input: IndicatorWeightsInput): Float64Array {
  const w = new Float64Array(INDICATOR_COUNT);
  if (Array.isArray(input) || input instanceof Float64Array) {
    const a = input as ArrayLike<number>;
    if (a.length !== INDICATOR_COUNT) throw new Error(`weights: expected ${INDICATOR_COUNT} numbers in indicator order (${INDICATORS.map((i) => i.id).join(',')}), got ${a.length}`);
    for (let j = 0; j < INDICATOR_COUNT; j++) w[j] = a[j];
  } else {
    const rec = input as Readonly<Partial<Record<string, number>>>;
    for (const key of Object.keys(rec)) {
      const j = INDICATORS.findIndex((ind) => ind.id === key);
      if (j < 0) throw new Error(`weights: unknown indicator "${key}" (expected ${INDICATORS.map((i) => i.id).join(', ')})`);
      w[j] = rec[key] ?? 0;
    }
  }
  for (let j = 0; j < INDICATOR_COUNT; j++) {
    if (!Number.isFinite(w[j]) || w[j] < 0) throw new Error(`weights: ${INDICATORS[j].id} is ${w[j]}, expected a number ≥ 0`);
  }
  return w;
}

/** Effective weights: raw (or nested equal) weights, zero outside the selected dimensions, normalised to sum 1. */
export function effectiveWeights(dimensions: readonly DimensionId[], weights?: IndicatorWeightsInput | null): Float64Array {
  const dims = dimensionSet(dimensions);
  if (weights === null || weights === undefined) return nestedWeights(dims);
  const w = rawWeights(weights);
  let selected = 0;
  for (const d of dims) selected |= DIMENSION_MASK[d];
  let total = 0;
  for (let j = 0; j < INDICATOR_COUNT; j++) {
    if (!(selected & (1 << j))) w[j] = 0;
    total += w[j];
  }
  if (!(total > 0)) throw new Error(`weights: the indicators of ${dims.join(', ')} all weigh 0`);
  for (let j = 0; j < INDICATOR_COUNT; j++) w[j] /= total;
  return w;
}

/** Two 9-bit tables whose sum scoreLow[m & 511] + scoreHigh[m >>> 9] is c = Σ w_j g_j for mask m. */
export function scoreTables(weights: Float64Array): { scoreLow: Float64Array; scoreHigh: Float64Array } {
  const size = 1 << LOW_BITS;
  const scoreLow = new Float64Array(size);
  const scoreHigh = new Float64Array(size);
  for (let t = 1; t < size; t++) {
    let lo = 0;
    let hi = 0;
    for (let b = 0; b < LOW_BITS; b++) {
      if (t & (1 << b)) {
        lo += weights[b];
        const j = b + LOW_BITS;
        if (j < INDICATOR_COUNT) hi += weights[j];
      }
    }
    scoreLow[t] = lo;
    scoreHigh[t] = hi;
  }
  return { scoreLow, scoreHigh };
}

/** Validate settings and precompute what every pass needs. Throws with the offending field named. */
export function resolveSettings(settings: MpiSettings): ResolvedSettings {
  const { measure, welfare } = settings;
  if (measure !== 'tpmap' && measure !== 'af') throw new Error(`measure: expected tpmap or af, got "${measure}"`);
  if (welfare !== 'all' && welfare !== 'nocard') throw new Error(`welfare: expected all or nocard, got "${welfare}"`);
  const dimensions = dimensionSet(settings.dimensions);
  const weights = effectiveWeights(dimensions, settings.weights);
  let selectedMask = 0;
  for (const d of dimensions) selectedMask |= DIMENSION_MASK[d];
  let unionCutoff = Infinity;
  for (let j = 0; j < INDICATOR_COUNT; j++) if (weights[j] > 0 && weights[j] < unionCutoff) unionCutoff = weights[j];
  let k = NaN;
  if (measure === 'af') {
    k = settings.k;
    if (!Number.isFinite(k) || k <= 0 || k > 1) throw new Error(`k: the poverty cutoff must be in (0, 1], got ${settings.k}`);
  }
  return { measure, welfare, dimensions, selectedMask, weights, k, unionCutoff, ...scoreTables(weights) };
}

/** c ≥ k with the documented tolerance; the one place the comparison is defined. */
export function reachesCutoff(score: number, k: number): boolean {
  return score >= k - POVERTY_CUTOFF_EPSILON;
}
