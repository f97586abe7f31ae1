/**
 * Treating and normalising one indicator column (OECD/JRC Handbook on Constructing Composite
 * Indicators, 2008, §1.5 "normalisation", Table 3; COINr `qTreat` / `Normalise`): optional
 * log(1 + x), optional winsorising at chosen percentiles, then min–max, z-score or percentile
 * rank. Missing values are NaN and stay NaN: they are never counted as zero (Handbook §1.4).
 *
 * Statistics are taken over the areas of the column that have a value and are in scope (the mask),
 * so "within a province" normalises against that province only.
 */
import type { Transform } from './inputs';

export type NormalisationMethod = 'minmax' | 'z' | 'rank';
export const NORMALISATION_METHODS: readonly NormalisationMethod[] = ['minmax', 'z', 'rank'];

/** Values of `mask` (or all) that are finite, in index order. */
function present(values: ArrayLike<number>, mask?: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if ((!mask || mask[i]) && Number.isFinite(values[i])) out.push(values[i]);
  return out;
}

/** Quantile of sorted values, R's type 7 (linear interpolation; COINr and stats::quantile default). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** log(1 + x) for skewed non-negative inputs (lights); x ≤ −1 becomes missing, not −∞. */
export function transformColumn(values: ArrayLike<number>, transform: Transform): Float64Array {
  const out = Float64Array.from(values as ArrayLike<number>);
  if (transform === 'log1p') for (let i = 0; i < out.length; i++) out[i] = out[i] > -1 ? Math.log1p(out[i]) : NaN;
  return out;
}

/**
 * Winsorising (Handbook §1.5, COINr's outlier treatment): values below the pLow quantile are set
 * to it, above the pHigh quantile to it (type-7 quantiles over the present, in-scope values).
 */
export function winsoriseColumn(values: Float64Array, pLow: number, pHigh: number, mask?: Uint8Array): Float64Array {
  if (!(pLow >= 0 && pHigh <= 1 && pLow < pHigh)) throw new Error(`winsorise: need 0 ≤ low < high ≤ 1 (got ${pLow}, ${pHigh})`);
  const s = present(values, mask).sort((a, b) => a - b);
  const lo = quantileSorted(s, pLow);
  const hi = quantileSorted(s, pHigh);
  const out = values.slice();
  for (let i = 0; i < out.length; i++) if (Number.isFinite(out[i])) out[i] = Math.min(hi, Math.max(lo, out[i]));
  return out;
}

export interface NormalisedColumn {
  values: Float64Array;
  /** The column had no spread in scope: every present value became 0.5 (minmax, rank) or 0 (z). */
  constant: boolean;
  /** Present, in-scope values the statistics used. */
  count: number;
}

/**
 * Normalises a (direction-aligned) column.
 *   minmax: (x − min) / (max − min) ∈ [0, 1]
 *   z:      (x − mean) / sd, sd with n − 1 (R's sd(), as COINr's n_zscore)
 *   rank:   percentile rank (r − 1) / (m − 1) ∈ [0, 1], r the ascending rank among the m present
 *           values with ties given their average rank (Handbook Table 3 "ranking", scaled)
 * Values out of scope are normalised with the in-scope statistics (minmax may then leave [0, 1]);
 * rank gives them NaN.
 */
export function normaliseColumn(values: ArrayLike<number>, method: NormalisationMethod, mask?: Uint8Array): NormalisedColumn {
  const n = values.length;
  const out = new Float64Array(n).fill(NaN);
  const xs = present(values, mask);
  const m = xs.length;
  if (m === 0) return { values: out, constant: true, count: 0 };
  if (method === 'minmax') {
    let min = Infinity, max = -Infinity;
    for (const x of xs) {
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const constant = !(max > min);
    for (let i = 0; i < n; i++) if (Number.isFinite(values[i])) out[i] = constant ? 0.5 : (values[i] - min) / (max - min);
    return { values: out, constant, count: m };
  }
  if (method === 'z') {
    let mean = 0;
    for (const x of xs) mean += x;
    mean /= m;
    let ss = 0;
    for (const x of xs) ss += (x - mean) * (x - mean);
    const sd = m > 1 ? Math.sqrt(ss / (m - 1)) : 0;
    const constant = !(sd > 0);
    for (let i = 0; i < n; i++) if (Number.isFinite(values[i])) out[i] = constant ? 0 : (values[i] - mean) / sd;
    return { values: out, constant, count: m };
  }
  // Percentile rank with average ranks for ties.
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if ((!mask || mask[i]) && Number.isFinite(values[i])) idx.push(i);
  idx.sort((a, b) => values[a] - values[b]);
  const constant = values[idx[0]] === values[idx[m - 1]];
  for (let s = 0; s < m; ) {
    let e = s;
    while (e + 1 < m && values[idx[e + 1]] === values[idx[s]]) e++;
    const avgRank = (s + e) / 2 + 1; // 1-based average of ranks s+1 … e+1
    const p = m > 1 ? (avgRank - 1) / (m - 1) : 0.5;
    for (let k = s; k <= e; k++) out[idx[k]] = p;
    s = e + 1;
  }
  return { values: out, constant, count: m };
}
