/**
 * One TPMAP table (a dimension set or `common`) for every area: code → a row of counts, held in
 * one growing Float32Array instead of a Float64Array per row. A national export is ~2.6 M rows
 * (82,000 village records × 32 tables); separate arrays cost ~450 bytes a row (4 GB for the
 * whole export), this ~110. Counts of people per village, subdistrict, district and province are
 * integers far below 2^24, which float32 holds exactly; sums up the hierarchy are taken in
 * float64 (rollUpTable). Codes are interned, so the 32 tables share one string per area.
 *
 * The interface is the part of Map<string, Float64Array> the importers and measures use;
 * get() and iteration return fresh Float64Array copies of a row (callers may keep them).
 */
const interned = new Map<string, string>();
function intern(code: string): string {
  let s = interned.get(code);
  if (s === undefined) interned.set(code, (s = code));
  return s;
}

export class CountTable implements Iterable<[string, Float64Array]> {
  private data: Float32Array;
  private index = new Map<string, number>();
  private order: string[] = [];

  constructor(readonly width: number, capacity = 64) {
    this.data = new Float32Array(width * capacity);
  }

  get size(): number {
    return this.order.length;
  }

  has(code: string): boolean {
    return this.index.has(code);
  }

  get(code: string): Float64Array | undefined {
    const i = this.index.get(code);
    return i === undefined ? undefined : this.row(i);
  }

  /** Value j of an area's row without a copy (NaN when absent). */
  value(code: string, j: number): number {
    const i = this.index.get(code);
    return i === undefined ? NaN : this.data[i * this.width + j];
  }

  set(code: string, values: ArrayLike<number>): this {
    let i = this.index.get(code);
    if (i === undefined) {
      i = this.order.length;
      if ((i + 1) * this.width > this.data.length) {
        const grown = new Float32Array(Math.max(this.data.length * 2, (i + 1) * this.width));
        grown.set(this.data);
        this.data = grown;
      }
      const c = intern(code);
      this.index.set(c, i);
      this.order.push(c);
    }
    for (let j = 0; j < this.width; j++) this.data[i * this.width + j] = values[j];
    return this;
  }

  /** Adds values into an existing row (split village records), or sets it. */
  add(code: string, values: ArrayLike<number>): void {
    const i = this.index.get(code);
    if (i === undefined) {
      this.set(code, values);
      return;
    }
    for (let j = 0; j < this.width; j++) this.data[i * this.width + j] += values[j];
  }

  keys(): IterableIterator<string> {
    return this.order[Symbol.iterator]();
  }

  *entries(): IterableIterator<[string, Float64Array]> {
    for (let i = 0; i < this.order.length; i++) yield [this.order[i], this.row(i)];
  }

  [Symbol.iterator](): IterableIterator<[string, Float64Array]> {
    return this.entries();
  }

  private row(i: number): Float64Array {
    return Float64Array.from(this.data.subarray(i * this.width, (i + 1) * this.width));
  }
}
