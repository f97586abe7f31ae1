/**
 * Getis–Ord local G_i and G_i* (Getis & Ord 1992, "The analysis of spatial association by use of
 * distance statistics", Geographical Analysis 24(3); Ord & Getis 1995, "Local spatial
 * autocorrelation statistics: distributional issues and an application", GA 27(4)), with the
 * analytic z-scores exactly as PySAL esda's G_Local computes them (its doctest is our oracle):
 *
 *   G_i  = Σ_{j≠i} w_ij y_j / Σ_{j≠i} y_j          (Gi: the focal area excluded everywhere, N = n − 1)
 *   G_i* = Σ_j w_ij y_j / Σ_j y_j, w_ii = 1        (Gi*: the focal area included,           N = n)
 *   W_i = Σ_j w_ij,  ȳ = (sum over the N areas)/N,  s² = (Σ y²)/N − ȳ²   (over the same N areas)
 *   E[G] = W_i / N,  Var[G] = W_i (N − W_i) / (N − 1) / N² · s² / ȳ²,  z = (G − E[G]) / √Var[G]
 *
 * Use binary weights (weights.ts `binaryWeights`); Gi* adds the self weight 1 (esda's fill_diagonal
 * for binary weights, and what ArcGIS's Hot Spot Analysis uses). The statistics assume y ≥ 0
 * (counts, rates). Islands get G = z = NaN: with no neighbours there is no local statistic.
 *
 * Optional conditional permutation p (permutation.ts): y_i fixed, the others permuted; the
 * denominator is then constant, so the permuted G only depends on the neighbours' sum.
 */
import { exactPermutationCounts, foldedPseudoP, permutationCounts, type PermutationOptions } from './permutation';
import type { SpatialWeights } from './weights';

export interface GetisOrdResult {
  /** G_i or G_i* (NaN for islands). */
  g: Float64Array;
  /** E[G] under the null. */
  expected: Float64Array;
  /** Var[G] under the null. */
  variance: Float64Array;
  /** Analytic z-score (NaN for islands or when the values do not vary). */
  z: Float64Array;
  /** Two-sided normal p of z: 2·(1 − Φ(|z|)). */
  pNormal: Float64Array;
  /** Folded conditional-permutation pseudo p (only when permutations were requested). */
  pSim: Float64Array | null;
}

export interface GetisOrdOptions extends PermutationOptions {
  /** true for Gi* (focal area included, the default), false for Gi. */
  star?: boolean;
  /** 'none' (default): analytic z only; 'monte_carlo' or 'exact': also a permutation p. */
  inference?: 'none' | 'monte_carlo' | 'exact';
}

/** Getis–Ord Gi / Gi* with analytic z (and optionally permutation p). */
export function getisOrd(y: ArrayLike<number>, w: SpatialWeights, options: GetisOrdOptions = {}): GetisOrdResult {
  const star = options.star ?? true;
  const n = w.n;
  if (y.length !== n) throw new Error(`Getis–Ord: ${y.length} values for ${n} areas`);
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i])) throw new Error(`Getis–Ord: value ${i} is not a finite number (${y[i]})`);
    sum += y[i];
    sumSq += y[i] * y[i];
  }
  const removeSelf = star ? 0 : 1;
  const N = n - removeSelf;
  const g = new Float64Array(n);
  const expected = new Float64Array(n);
  const variance = new Float64Array(n);
  const z = new Float64Array(n);
  const pNormal = new Float64Array(n);
  const denominators = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = w.offsets[i];
    const b = w.offsets[i + 1];
    if (a === b) {
      g[i] = expected[i] = variance[i] = z[i] = pNormal[i] = NaN;
      continue;
    }
    let lag = star ? y[i] : 0;
    let wSum = star ? 1 : 0;
    for (let t = a; t < b; t++) {
      lag += w.weights[t] * y[w.neighbours[t]];
      wSum += w.weights[t];
    }
    const den = sum - removeSelf * y[i];
    denominators[i] = den;
    g[i] = lag / den;
    const mean = den / N;
    const s2 = (sumSq - removeSelf * y[i] * y[i]) / N - mean * mean;
    expected[i] = wSum / N;
    variance[i] = (((wSum * (N - wSum)) / (N - 1)) * (1 / (N * N)) * s2) / (mean * mean);
    z[i] = variance[i] > 0 ? (g[i] - expected[i]) / Math.sqrt(variance[i]) : NaN;
    pNormal[i] = Number.isFinite(z[i]) ? 2 * normalUpperTail(Math.abs(z[i])) : NaN;
  }
  let pSim: Float64Array | null = null;
  const inference = options.inference ?? 'none';
  if (inference !== 'none') {
    const x = Float64Array.from(y);
    const counts = inference === 'exact' ? exactPermutationCounts(x, w, denominators) : permutationCounts(x, w, denominators, options);
    pSim = foldedPseudoP(counts, denominators);
  }
  return { g, expected, variance, z, pNormal, pSim };
}

/**
 * Upper tail 1 − Φ(x) of the standard normal: ½ erfc(x / √2), with erfc from the Chebyshev
 * expansion of Numerical Recipes (Press et al., 3rd ed. 2007, §6.2.2; ~1e-16 relative accuracy,
 * also far in the tail where 1 − Φ would cancel).
 */
export function normalUpperTail(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2);
}

// Numerical Recipes (3rd ed., §6.2.2) Chebyshev coefficients for erfc on z ≥ 0: relative accuracy ~1e-16.
const ERFC_COF = [
  -1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4, 3.66839497852761e-4,
  4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9,
  5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12, 8.94487e-13, 3.13092e-13,
  -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
];

function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  const t = 2 / (2 + x);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = ERFC_COF.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + ERFC_COF[j];
    dd = tmp;
  }
  return t * Math.exp(-x * x + 0.5 * (ERFC_COF[0] + ty * d) - dd);
}
