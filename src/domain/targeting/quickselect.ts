/**
 * Hoare's quickselect (Hoare 1961, "Algorithm 65: FIND", CACM 4(7)), median-of-three pivot: the
 * selection loop behind typology.ts's medians (stability.ts's rank quantiles count ranks instead:
 * selectRankOrderStats).
 */

/** A typed array of numbers that can be reordered in place (Float64Array, Uint32Array, …). */
export type NumericArray = { [index: number]: number; readonly length: number };

/**
 * Reorders a[lo..hi] so that a[k] holds the value a full ascending sort would put there, with
 * a[lo..k−1] ≤ a[k] ≤ a[k+1..hi]; returns a[k]. Values are only compared and swapped (exact).
 * The median-of-three pivot keeps sorted or constant input from going quadratic. With NaN among
 * the values the loop still ends but the order is unspecified (every comparison with NaN is
 * false); callers with non-finite values take what it gives (typology.ts medianOf).
 */
export function selectInPlace(a: NumericArray, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    const x = a[lo], y = a[(lo + hi) >>> 1], z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break; // j < k < i: a[k] equals the pivot and sits in place
  }
  return a[k];
}
