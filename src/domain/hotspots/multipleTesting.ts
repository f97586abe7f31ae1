/**
 * Multiple-testing corrections for the n local tests of a hot-spot map.
 *
 * - 'fdr': Benjamini & Hochberg (1995), "Controlling the false discovery rate: a practical and
 *   powerful approach to multiple testing", JRSS B 57(1): 289–300. Sort the m p-values,
 *   p_(1) ≤ … ≤ p_(m); find the largest rank k with p_(k) ≤ α·k/m; reject the k smallest.
 *   (GeoDa's "False Discovery Rate" option and esda's `fdr` compute the same cut-off.)
 * - 'bonferroni': reject p ≤ α/m.
 * - 'none': reject p ≤ α.
 * Non-finite p-values (islands, missing values) are not tests: they are never significant and do
 * not count in m.
 */
export type Correction = 'fdr' | 'bonferroni' | 'none';
export const CORRECTIONS: readonly Correction[] = ['fdr', 'bonferroni', 'none'];

export interface CorrectionResult {
  /** 1 where the test is significant after correction. */
  significant: Uint8Array;
  /** The p-value cut-off actually applied (p ≤ cutoff is significant); 0 when nothing passes FDR. */
  cutoff: number;
  /** Number of tests m (finite p-values). */
  tests: number;
  /** Number significant. */
  count: number;
}

/** Which p-values are significant at `alpha` under the chosen correction. */
export function correctPValues(p: ArrayLike<number>, alpha: number, correction: Correction): CorrectionResult {
  if (!(alpha > 0 && alpha < 1)) throw new Error(`alpha must be in (0, 1) (got ${alpha})`);
  const idx: number[] = [];
  for (let i = 0; i < p.length; i++) if (Number.isFinite(p[i])) idx.push(i);
  const m = idx.length;
  let cutoff: number;
  if (correction === 'none') cutoff = alpha;
  else if (correction === 'bonferroni') cutoff = alpha / m;
  else if (correction === 'fdr') cutoff = benjaminiHochbergCutoff(idx.map((i) => p[i]), alpha);
  else throw new Error(`correction must be one of ${CORRECTIONS.join(', ')} (got "${String(correction)}")`);
  const significant = new Uint8Array(p.length);
  let count = 0;
  for (const i of idx)
    if (p[i] <= cutoff) {
      significant[i] = 1;
      count++;
    }
  return { significant, cutoff, tests: m, count };
}

/**
 * The Benjamini–Hochberg cut-off: p_(k) for the largest k with p_(k) ≤ α·k/m, or 0 when no k
 * qualifies. Every p ≤ the cut-off is rejected (ties with p_(k) included, as the step-up rule does).
 */
export function benjaminiHochbergCutoff(p: readonly number[], alpha: number): number {
  const s = [...p].sort((a, b) => a - b);
  const m = s.length;
  for (let k = m; k >= 1; k--) if (s[k - 1] <= (alpha * k) / m) return s[k - 1];
  return 0;
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values): q_(k) = min_{j ≥ k} min(1, m·p_(j)/j), so
 * q ≤ α exactly where the step-up rule at α rejects. NaN stays NaN.
 */
export function benjaminiHochbergAdjusted(p: ArrayLike<number>): Float64Array {
  const idx: number[] = [];
  for (let i = 0; i < p.length; i++) if (Number.isFinite(p[i])) idx.push(i);
  idx.sort((a, b) => p[a] - p[b]);
  const m = idx.length;
  const q = new Float64Array(p.length).fill(NaN);
  let running = 1;
  for (let k = m; k >= 1; k--) {
    const i = idx[k - 1];
    running = Math.min(running, (m * p[i]) / k);
    q[i] = running;
  }
  return q;
}
