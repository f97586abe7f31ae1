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

/** Below this many keys the radix sort is as quick and needs no bucket arrays. */
const BUCKET_MIN = 64;

/** Reusable buffers so repeated sorts (Monte Carlo draws) allocate nothing. */
export class RadixScratch {
  /** Scores to sort, written by the caller at positions 0..m-1 (setKey or keys[k] = x directly). */
  readonly keys: Float64Array;
  /** Area index for each position. */
  readonly index: Uint32Array;
  private readonly words: Uint32Array;
  private hi: Uint32Array;
  private lo: Uint32Array;
  private idx: Uint32Array;
  private hi2: Uint32Array;
  private lo2: Uint32Array;
  private idx2: Uint32Array;
  private readonly hist = new Uint32Array(6 * 2048);
  constructor(public capacity: number) {
    this.keys = new Float64Array(capacity);
    this.index = new Uint32Array(capacity);
    this.words = new Uint32Array(this.keys.buffer);
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.idx = new Uint32Array(capacity);
    this.hi2 = new Uint32Array(capacity);
    this.lo2 = new Uint32Array(capacity);
    this.idx2 = new Uint32Array(capacity);
  }
  setKey(k: number, x: number, index: number): void {
    this.keys[k] = x;
    this.index[k] = index;
  }

  /**
   * Stable sort of positions 0..m-1 by key descending; returns the area indices in order (a view
   * of the scratch: copy it before the next sort).
   *
   * Finite keys: one bucket pass (bucketSortDesc). Otherwise (NaN, ±Infinity, tiny m) the
   * radix sort: 64-bit keys as six 11-bit digits; all six histograms are counted in one pass and
   * passes whose digit is the same for every key skipped.
   */
  sortDesc(m: number): Uint32Array {
    if (m >= BUCKET_MIN) {
      const got = this.bucketSortDesc(m);
      if (got) return got;
    }
    return this.radixSortDesc(m);
  }

  /**
   * sortDesc when position k holds area k (keys written directly, `index` unused): returns the
   * positions in order, saving the index lookup per key (the Monte Carlo's draws).
   */
  sortPositionsDesc(m: number): Uint32Array {
    if (m >= BUCKET_MIN) {
      const got = this.bucketSortDesc(m, false);
      if (got) return got;
    }
    for (let k = 0; k < m; k++) this.index[k] = k;
    return this.radixSortDesc(m);
  }

  private buckets = new Uint32Array(0);
  private bucketOf = new Uint32Array(0);

  /**
   * Bucket sort (a distribution sort, Knuth TAOCP vol. 3 §5.2.5) for finite keys: key x goes to
   * bucket ⌊(max − x) · B / (max − min)⌋ with B = m buckets, filled in position order (stable),
   * then each bucket is put in order by (key descending, position ascending) — insertion sort for
   * the few keys a bucket holds, a comparator sort for a crowded one. The bucket number is a
   * monotone function of x (a correctly rounded subtraction and product, then floor), so a larger
   * key never lands in a later bucket and the order equals the radix sort's exactly. About three
   * passes over m keys instead of six radix passes: the national re-rank and every Monte Carlo
   * draw sort this way. Returns null when a key is not finite (the radix sort orders those).
   */
  private bucketSortDesc(m: number, mapIndex = true): Uint32Array | null {
    const { keys } = this;
    let min = Infinity, max = -Infinity;
    for (let k = 0; k < m; k++) {
      const x = (keys[k] += 0); // −0 → +0, so the two zeros tie
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const span = max - min;
    if (!(span < Infinity)) return null; // NaN or ±Infinity among the keys (or overflowing span)
    if (span === 0) {
      for (let k = 0; k < m; k++) this.idx[k] = mapIndex ? this.index[k] : k;
      return this.idx.subarray(0, m);
    }
    if (this.buckets.length < m + 1) {
      this.buckets = new Uint32Array(this.capacity + 1);
      this.bucketOf = new Uint32Array(this.capacity);
    }
    const B = m;
    const scale = B / span;
    if (!(scale < Infinity)) return null; // a subnormal span: B / span overflows
    const count = this.buckets;
    const of = this.bucketOf;
    count.fill(0, 0, B + 1);
    for (let k = 0; k < m; k++) {
      let b = Math.floor((max - keys[k]) * scale);
      if (b >= B) b = B - 1;
      of[k] = b;
      count[b + 1]++;
    }
    for (let b = 0; b < B; b++) count[b + 1] += count[b];
    // pos: positions (into keys) in bucket order; count[b] now runs from bucket b's start.
    const pos = this.hi;
    for (let k = 0; k < m; k++) pos[count[of[k]]++] = k;
    // After the scatter count[b] is bucket b's end; bucket b starts at count[b − 1] (0 for b = 0).
    let start = 0;
    for (let b = 0; b < B; b++) {
      const end = count[b];
      const size = end - start;
      if (size > 1) {
        if (size <= 32) {
          for (let a = start + 1; a < end; a++) {
            const p = pos[a];
            const x = keys[p];
            let c = a - 1;
            // Positions enter in ascending order, so moving only past strictly smaller keys keeps ties stable.
            while (c >= start && keys[pos[c]] < x) {
              pos[c + 1] = pos[c];
              c--;
            }
            pos[c + 1] = p;
          }
        } else {
          const part = Array.from(pos.subarray(start, end));
          part.sort((p, q) => keys[q] - keys[p] || p - q);
          pos.set(part, start);
        }
      }
      start = end;
    }
    if (!mapIndex) return pos.subarray(0, m);
    const out = this.idx;
    for (let k = 0; k < m; k++) out[k] = this.index[pos[k]];
    return out.subarray(0, m);
  }

  private radixSortDesc(m: number): Uint32Array {
    const { keys, words, hist } = this;
    let hi = this.hi, lo = this.lo, idx = this.idx, hi2 = this.hi2, lo2 = this.lo2, idx2 = this.idx2;
    hist.fill(0);
    for (let k = 0; k < m; k++) {
      keys[k] += 0; // −0 → +0, so the two zeros tie
      // Little-endian: words[2k+1] holds sign, exponent and the high mantissa bits. Map to an
      // unsigned ascending key (negatives: flip all bits; positives: flip the sign bit), then
      // complement for descending order.
      let h = words[2 * k + 1];
      let l = words[2 * k];
      if (h & 0x80000000) {
        h = ~h;
        l = ~l;
      } else h ^= 0x80000000;
      h = ~h >>> 0;
      l = ~l >>> 0;
      hi[k] = h;
      lo[k] = l;
      idx[k] = this.index[k];
      hist[l & 2047]++;
      hist[2048 + ((l >>> 11) & 2047)]++;
      hist[4096 + (((l >>> 22) | (h << 10)) & 2047)]++;
      hist[6144 + ((h >>> 1) & 2047)]++;
      hist[8192 + ((h >>> 12) & 2047)]++;
      hist[10240 + ((h >>> 23) & 2047)]++;
    }
    for (let pass = 0; pass < 6; pass++) {
      const off = pass * 2048;
      if (m === 0 || hist[off + digit(hi[0], lo[0], pass)] === m) continue; // every key has this digit
      let sum = 0;
      for (let b = 0; b < 2048; b++) {
        const c = hist[off + b];
        hist[off + b] = sum;
        sum += c;
      }
      // Specialised loops (no per-key switch): the digit is 11 bits of lo, of hi, or straddles both.
      if (pass === 2) {
        for (let k = 0; k < m; k++) {
          const h = hi[k], l = lo[k];
          const to = hist[off + (((l >>> 22) | (h << 10)) & 2047)]++;
          hi2[to] = h;
          lo2[to] = l;
          idx2[to] = idx[k];
        }
      } else {
        const word = pass < 2 ? lo : hi;
        const shift = pass === 0 ? 0 : pass === 1 ? 11 : pass === 3 ? 1 : pass === 4 ? 12 : 23;
        for (let k = 0; k < m; k++) {
          const to = hist[off + ((word[k] >>> shift) & 2047)]++;
          hi2[to] = hi[k];
          lo2[to] = lo[k];
          idx2[to] = idx[k];
        }
      }
      let t = hi; hi = hi2; hi2 = t;
      t = lo; lo = lo2; lo2 = t;
      t = idx; idx = idx2; idx2 = t;
    }
    this.hi = hi; this.lo = lo; this.idx = idx; this.hi2 = hi2; this.lo2 = lo2; this.idx2 = idx2;
    return idx.subarray(0, m);
  }
}

function digit(h: number, l: number, pass: number): number {
  switch (pass) {
    case 0: return l & 2047;
    case 1: return (l >>> 11) & 2047;
    case 2: return ((l >>> 22) | (h << 10)) & 2047;
    case 3: return (h >>> 1) & 2047;
    case 4: return (h >>> 12) & 2047;
    default: return (h >>> 23) & 2047;
  }
}

/** Stable descending sort of the first m keys written into `s`; see RadixScratch.sortDesc. */
export function radixSortDesc(s: RadixScratch, m: number): Uint32Array {
  return s.sortDesc(m);
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
