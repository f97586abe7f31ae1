/**
 * Local Moran's I (Anselin 1995, "Local indicators of spatial association — LISA", Geographical
 * Analysis 27(2): 93–115), with conditional permutation inference (permutation.ts).
 *
 *   z_i = (y_i − ȳ) / s,  s = √(Σ (y − ȳ)² / (n − 1))   (the n − 1 standard deviation)
 *   I_i = z_i · Σ_j w_ij z_j                                (w row-standardised: the lag is the neighbours' mean)
 *
 * PySAL esda's Moran_Local standardises with the population sd (ddof 0) and scales instead:
 * I_i = (n − 1) · z_i · lag_i / Σ z². Both give the same numbers: with the n − 1 sd, Σ z² = n − 1,
 * so the two definitions are identical (and invariant to how z is scaled). Islands (no
 * neighbours) stay in ȳ and s, as in esda, and get I = 0, p = NaN.
 *
 * With row-standardised weights and no islands, Σ_i I_i = (n − 1) · I, where I is global Moran's
 * I (Moran 1950; Anselin 1995 eq. 7 with S0 = n): Σ I_i / n = I · (n − 1)/n. In general
 * Σ I_i = (n − 1) · (S0 / n) · I with S0 = Σ_ij w_ij. `globalMoranI` states it.
 *
 * Clusters are named, never numbered (GeoDa and esda number quadrants differently, and libgeoda
 * swaps high-low and low-high): a significant area with z > 0 and lag > 0 is 'high-high',
 * z ≤ 0 and lag ≤ 0 'low-low', z > 0 and lag ≤ 0 'high-low', z ≤ 0 and lag > 0 'low-high'
 * (esda's `q` uses the same strict/non-strict split).
 */
import { checkPermutations, DEFAULT_PERMUTATIONS, exactPermutationCounts, foldedPseudoP, permutationCountsSteps, type PermutationCounts, type PermutationOptions } from './permutation';
import { runSteps, type Steps } from './steps';
import type { SpatialWeights } from './weights';

export type ClusterLabel = 'high-high' | 'low-low' | 'high-low' | 'low-high' | 'not_significant' | 'isolated' | 'no_data';
export const CLUSTER_LABELS: readonly ClusterLabel[] = ['high-high', 'low-low', 'high-low', 'low-high', 'not_significant', 'isolated', 'no_data'];

export interface LocalMoranResult {
  /** Standardised values (n − 1 sd); all 0 when the values do not vary. */
  z: Float64Array;
  /** Spatial lag of z, Σ_j w_ij z_j (0 for islands). */
  lag: Float64Array;
  /** Local Moran's I_i. */
  localI: Float64Array;
  /** Folded pseudo p-values (NaN for islands, and when permutations are 0). */
  p: Float64Array;
  /** The permutation counts behind p. */
  counts: PermutationCounts | null;
  /** Number of neighbours per area. */
  neighbours: Uint32Array;
}

export interface LocalMoranOptions extends PermutationOptions {
  /** 'monte_carlo' (default): R random draws; 'exact': every neighbour set once (small n only); 'none': no p. */
  inference?: 'monte_carlo' | 'exact' | 'none';
}

/** z-scores with the n − 1 standard deviation; zeros when n < 2 or the values are constant. */
export function standardise(y: ArrayLike<number>): Float64Array {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (y[i] - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const z = new Float64Array(n);
  if (sd > 0) for (let i = 0; i < n; i++) z[i] = (y[i] - mean) / sd;
  return z;
}

/** Spatial lag Σ_j w_ij x_j of every area. */
export function spatialLag(w: SpatialWeights, x: ArrayLike<number>): Float64Array {
  const lag = new Float64Array(w.n);
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) s += w.weights[t] * x[w.neighbours[t]];
    lag[i] = s;
  }
  return lag;
}

/**
 * Local Moran's I with conditional permutation pseudo p-values. Pass row-standardised weights
 * (weights.ts `rowStandardise`) for the usual LISA; any weights without self-loops work.
 * Seeded: the same seed and inputs give the same p. Throws CancelledError when cancelled.
 */
export function localMoran(y: ArrayLike<number>, w: SpatialWeights, options: LocalMoranOptions = {}): LocalMoranResult {
  return runSteps(localMoranSteps(y, w, options), permutationsOf(options), options);
}

/** The draws a run with these options reports progress against (R; 0 without Monte Carlo). */
export function permutationsOf(options: LocalMoranOptions): number {
  return (options.inference ?? 'monte_carlo') === 'monte_carlo' ? checkPermutations(options.permutations ?? DEFAULT_PERMUTATIONS) : 0;
}

/** `localMoran` as chunked steps (steps.ts), for a driver that reports, cancels or yields between chunks. */
export function* localMoranSteps(y: ArrayLike<number>, w: SpatialWeights, options: LocalMoranOptions = {}): Steps<LocalMoranResult> {
  if (y.length !== w.n) throw new Error(`local Moran: ${y.length} values for ${w.n} areas`);
  for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i])) throw new Error(`local Moran: value ${i} is not a finite number (${y[i]})`);
  const z = standardise(y);
  const lag = spatialLag(w, z);
  const localI = new Float64Array(w.n);
  const neighbours = new Uint32Array(w.n);
  for (let i = 0; i < w.n; i++) {
    localI[i] = z[i] * lag[i];
    neighbours[i] = w.offsets[i + 1] - w.offsets[i];
  }
  const inference = options.inference ?? 'monte_carlo';
  yield 0;
  let counts: PermutationCounts | null = null;
  let p: Float64Array;
  if (inference === 'none') p = new Float64Array(w.n).fill(NaN);
  else {
    counts = inference === 'exact' ? exactPermutationCounts(z, w, z) : yield* permutationCountsSteps(z, w, z, options);
    p = foldedPseudoP(counts, z);
  }
  return { z, lag, localI, p, counts, neighbours };
}

/**
 * Global Moran's I = (n / S0) · Σ_i z_i lag_i / Σ_i z_i² (Moran 1950; Cliff & Ord 1981), with the
 * lag taken with the given weights. NaN when the values do not vary or S0 = 0.
 */
export function globalMoranI(y: ArrayLike<number>, w: SpatialWeights): number {
  const z = standardise(y);
  const lag = spatialLag(w, z);
  let num = 0;
  let den = 0;
  let s0 = 0;
  for (let i = 0; i < w.n; i++) {
    num += z[i] * lag[i];
    den += z[i] * z[i];
  }
  for (let t = 0; t < w.weights.length; t++) s0 += w.weights[t];
  return den > 0 && s0 > 0 ? ((w.n / s0) * num) / den : NaN;
}

/**
 * LISA cluster of each area by name: 'isolated' without neighbours, 'not_significant' unless
 * significant[i], else the quadrant of (z_i, lag_i).
 */
export function lisaClusters(z: ArrayLike<number>, lag: ArrayLike<number>, neighbours: ArrayLike<number>, significant: ArrayLike<boolean | number>): ClusterLabel[] {
  const out: ClusterLabel[] = new Array(z.length);
  for (let i = 0; i < z.length; i++) {
    if (neighbours[i] === 0) out[i] = 'isolated';
    else if (!significant[i]) out[i] = 'not_significant';
    else if (z[i] > 0) out[i] = lag[i] > 0 ? 'high-high' : 'high-low';
    else out[i] = lag[i] > 0 ? 'low-high' : 'low-low';
  }
  return out;
}
