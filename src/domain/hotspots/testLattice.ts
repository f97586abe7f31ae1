/** Shared fixtures of the hot-spot tests (not part of the public API). */

/** Rook neighbours of an r × c lattice, row-major. */
export function rookLattice(rows: number, cols: number): number[][] {
  return Array.from({ length: rows * cols }, (_, i) => {
    const a = Math.floor(i / cols);
    const b = i % cols;
    const out: number[] = [];
    if (a > 0) out.push(i - cols);
    if (b > 0) out.push(i - 1);
    if (b < cols - 1) out.push(i + 1);
    if (a < rows - 1) out.push(i + cols);
    return out;
  });
}

/** The issue-9 oracle lattice values (3 × 3, row-major). */
export const LATTICE_Y = [1.3, 2.7, 3.1, 2.2, 9.4, 8.1, 3.6, 7.7, 10.5];
/** Its local Moran's I (rook, row-standardised, z with the n − 1 sd), as given in issue 9. */
export const LATTICE_LOCAL_I = [0.992818, 0.177304, 0, 0.166359, -0.073876, 0.50236, 0.066489, 0.459402, 1.046583];

/** Every k-subset of items (lexicographic). */
export function* subsets<T>(items: readonly T[], k: number, start = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length === k) {
    yield acc.slice();
    return;
  }
  for (let a = start; a < items.length; a++) {
    acc.push(items[a]);
    yield* subsets(items, k, a + 1, acc);
    acc.pop();
  }
}
