/**
 * Class breaks for choropleth legends. Quantiles use simple-statistics (type-7 quantiles, as R
 * and numpy's default) so the break values can be checked against another tool.
 */
import { quantileSorted } from 'simple-statistics';

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

/** Class of a value: 0 .. breaks.length (value ≥ break i ⇒ class > i); -1 for non-finite. */
export function classOf(value: number, breaks: readonly number[]): number {
  if (!Number.isFinite(value)) return -1;
  let c = 0;
  while (c < breaks.length && value >= breaks[c]) c++;
  return c;
}
