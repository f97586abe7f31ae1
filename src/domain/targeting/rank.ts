/**
 * Ranks as a permutation 1..n with deterministic ties: score descending, then code ascending
 * (issue 9 item 5). Rank 1 = highest priority. Areas that cannot be ranked (missing need or
 * inputs) get rank 0 and are not part of the permutation.
 *
 * Sorting is a stable least-significant-digit radix sort on the IEEE-754 bit pattern of the score
 * (8-bit digits, passes whose digit is the same for every key skipped), run over the areas in
 * code order, so equal scores keep code order without a comparator. That keeps a national
 * re-rank of 75,000 villages at a few milliseconds and a Monte Carlo draw cheap.
 */

/** Indices of `codes` in ascending code order (plain string comparison: codes of one level have equal length). */
export function codeOrder(codes: readonly string[]): Uint32Array {
  const idx = Array.from({ length: codes.length }, (_, i) => i);
  idx.sort((a, b) => (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : a - b));
  return Uint32Array.from(idx);
}

/** Reusable buffers so repeated sorts (Monte Carlo draws) allocate nothing. */
export class RadixScratch {
  hi: Uint32Array;
  lo: Uint32Array;
  idx: Uint32Array;
  hi2: Uint32Array;
  lo2: Uint32Array;
  idx2: Uint32Array;
  readonly count = new Uint32Array(256);
  private readonly f64 = new Float64Array(1);
  private readonly u32 = new Uint32Array(this.f64.buffer);
  constructor(public capacity: number) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.idx = new Uint32Array(capacity);
    this.hi2 = new Uint32Array(capacity);
    this.lo2 = new Uint32Array(capacity);
    this.idx2 = new Uint32Array(capacity);
  }
  /** Writes the descending sort key of x at position k. */
  setKey(k: number, x: number, index: number): void {
    this.f64[0] = x + 0; // −0 → +0, so the two zeros tie
    // Little-endian: u32[1] holds sign, exponent and the high mantissa bits.
    let h = this.u32[1];
    let l = this.u32[0];
    // Map to an unsigned ascending key (negatives: flip all bits; positives: flip the sign bit), then
    // complement for descending order.
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else h ^= 0x80000000;
    this.hi[k] = ~h >>> 0;
    this.lo[k] = ~l >>> 0;
    this.idx[k] = index;
  }
}

/**
 * Stable sort of the first m keys written into `s` (setKey), descending by score; returns the
 * indices in order (a view of the scratch buffer: copy it before the next sort).
 */
export function radixSortDesc(s: RadixScratch, m: number): Uint32Array {
  let hi = s.hi, lo = s.lo, idx = s.idx, hi2 = s.hi2, lo2 = s.lo2, idx2 = s.idx2;
  const count = s.count;
  for (let pass = 0; pass < 8; pass++) {
    const word = pass < 4 ? lo : hi;
    const shift = (pass & 3) * 8;
    count.fill(0);
    for (let k = 0; k < m; k++) count[(word[k] >>> shift) & 255]++;
    if (m === 0 || count[(word[0] >>> shift) & 255] === m) continue; // every key has this digit
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let k = 0; k < m; k++) {
      const d = (word[k] >>> shift) & 255;
      const to = count[d]++;
      hi2[to] = hi[k];
      lo2[to] = lo[k];
      idx2[to] = idx[k];
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [idx, idx2] = [idx2, idx];
  }
  // Keep the buffers' roles consistent for the next call.
  s.hi = hi; s.lo = lo; s.idx = idx; s.hi2 = hi2; s.lo2 = lo2; s.idx2 = idx2;
  return idx.subarray(0, m);
}

export interface Ranking {
  /** Rank 1..ranked per area, 0 when unranked. */
  rank: Int32Array;
  /** Ranked area indices, best first. */
  order: Uint32Array;
}

/**
 * Ranks areas with `eligible[i] = 1` by score (descending), ties by code (ascending).
 * @param order indices in ascending code order (codeOrder)
 */
export function rankByScore(score: ArrayLike<number>, eligible: Uint8Array, order: Uint32Array, scratch?: RadixScratch): Ranking {
  const n = score.length;
  const s = scratch && scratch.capacity >= n ? scratch : new RadixScratch(n);
  let m = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (eligible[i]) s.setKey(m++, score[i], i);
  }
  const sorted = radixSortDesc(s, m).slice();
  const rank = new Int32Array(n);
  for (let r = 0; r < m; r++) rank[sorted[r]] = r + 1;
  return { rank, order: sorted };
}

/** The same ranking by an obvious comparator sort: the reference the tests hold rankByScore to. */
export function rankByScoreReference(score: ArrayLike<number>, eligible: Uint8Array, codes: readonly string[]): Int32Array {
  const idx: number[] = [];
  for (let i = 0; i < score.length; i++) if (eligible[i]) idx.push(i);
  idx.sort((a, b) => (score[b] + 0) - (score[a] + 0) || (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : 0));
  const rank = new Int32Array(score.length);
  idx.forEach((i, r) => (rank[i] = r + 1));
  return rank;
}
