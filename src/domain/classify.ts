/**
 * Class breaks for choropleth legends. Quantiles use simple-statistics (type-7 quantiles, as R
 * and numpy's default) so the break values can be checked against another tool.
 */
import { ckmeans, quantileSorted } from 'simple-statistics';

/** n-1 interior breaks splitting finite values into n classes of (about) equal count. */
export function quantileBreaks(values: ArrayLike<number>, classes: number): number[] {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  if (finite.length === 0) return [];
  finite.sort((a, b) => a - b);
  const breaks: number[] = [];
  for (let c = 1; c < classes; c++) breaks.push(quantileSorted(finite, c / classes));
  // Ties (many zeros) collapse classes; keep breaks strictly increasing.
  return breaks.filter((b, i) => i === 0 || b > breaks[i - 1]);
}

/**
 * Breaks at or below the smallest value would open with an empty class ("< 0 %" when a quarter
 * of the areas have no target poor): the first class starts at the minimum instead.
 */
function dropEmptyFirst(breaks: number[], values: ArrayLike<number>): number[] {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] < min) min = values[i];
  return breaks.filter((b) => b > min);
}

/**
 * Fewest decimals (from `from`, at most `max`) at which every break reads differently and no
 * positive break reads as zero: a legend never repeats a value or shows "< 0.0 %".
 */
export function distinctDigits(breaks: readonly number[], format: (x: number, digits: number) => string, from = 1, max = 6): number {
  for (let d = from; d <= max; d++) {
    const labels = breaks.map((b) => format(b, d));
    const zero = format(0, d);
    if (new Set(labels).size === labels.length && breaks.every((b, i) => b <= 0 || labels[i] !== zero)) return d;
  }
  return max;
}

/** Class of a value: 0 .. breaks.length (value ≥ break i ⇒ class > i); -1 for non-finite. */
export function classOf(value: number, breaks: readonly number[]): number {
  if (!Number.isFinite(value)) return -1;
  let c = 0;
  while (c < breaks.length && value >= breaks[c]) c++;
  return c;
}

export type ClassMethod = 'quantile' | 'ckmeans' | 'equal' | 'custom';

/** Largest number of values ckmeans clusters directly (see classBreaks). */
export const CKMEANS_MAX = 10_000;

/**
 * Breaks by method: quantiles (equal counts), ckmeans natural breaks (Wang & Song 2011, optimal
 * 1-D k-means, via simple-statistics), equal intervals, or the user's own sorted breaks.
 */
export function classBreaks(values: ArrayLike<number>, classes: number, method: ClassMethod, custom: readonly number[] = []): number[] {
  if (method === 'custom') return [...custom].filter(Number.isFinite).sort((a, b) => a - b);
  if (method === 'quantile') return dropEmptyFirst(quantileBreaks(values, classes), values);
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  if (finite.length === 0) return [];
  if (method === 'equal') {
    let lo = Infinity, hi = -Infinity;
    for (const v of finite) { if (v < lo) lo = v; if (v > hi) hi = v; }
    if (!(hi > lo)) return [];
    return Array.from({ length: classes - 1 }, (_, i) => lo + ((hi - lo) * (i + 1)) / classes);
  }
  const k = Math.min(classes, new Set(finite).size);
  if (k < 2) return [];
  // ckmeans is O(k·n·log n): ~140 ms for 75,000 villages, too long for the main thread while a
  // slider moves. Above CKMEANS_MAX values it clusters evenly spaced order statistics of the
  // sorted values (a 10,000-point empirical-quantile sketch), which keeps the natural gaps.
  let basis = finite;
  if (finite.length > CKMEANS_MAX) {
    const sorted = finite.slice().sort((a, b) => a - b);
    basis = Array.from({ length: CKMEANS_MAX }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (CKMEANS_MAX - 1))]);
  }
  // ckmeans returns the clusters; a break is where each cluster after the first starts.
  return ckmeans(basis, k).slice(1).map((cluster) => cluster[0]);
}
