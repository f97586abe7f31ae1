/**
 * TPMAP tables (a dimension set or `common`) for every area: code → a row of counts, held in one
 * Float32Array per table, with ONE code index shared by all the tables of a year (CodeIndex).
 * A national export is ~91,000 areas (82,000 villages, 7,400 subdistricts …) × 32 tables: a Map
 * and a string per row per table would cost ~150 MB of index alone, a Float64Array per row
 * ~450 bytes a row (4 GB); here the index is paid once and a row is width × 4 bytes. Counts of
 * people per area are integers far below 2^24, which float32 holds exactly; sums up the
 * hierarchy are taken in float64 (rollUpTable).
 *
 * The interface is the part of Map<string, Float64Array> the importers and measures use;
 * get() and iteration return fresh Float64Array copies of a row (callers may keep them). The
 * importer writes rows in place (rowOf, data) so that parsing builds no per-row objects.
 */

/** Area codes of one year, each with a row number used by every table of the year. */
export class CodeIndex {
  readonly codes: string[] = [];
  private readonly map = new Map<string, number>();
  /**
   * How many codes the index is expected to hold once an import is done (0: unknown), set by an
   * importer that can estimate it (TpmapImporter.plan). Tables sharing the index grow straight to
   * it instead of by 25 % steps: a national import grew 32 tables of ~90,000 rows some 30 times
   * each, and those fresh arrays and copies were 4.7 s of the worker's ~21 s of work in a browser
   * import (issue 16 profile).
   */
  expectedSize = 0;

  get size(): number {
    return this.codes.length;
  }

  find(code: string): number | undefined {
    return this.map.get(code);
  }

  ensure(code: string): number {
    let i = this.map.get(code);
    if (i === undefined) {
      i = this.codes.length;
      this.map.set(code, i);
      this.codes.push(code);
    }
    return i;
  }

  /** Give row i another code (letter-coded TPMAP communities get their numeric code at the end of an import). */
  rename(i: number, code: string): void {
    if (this.map.has(code)) throw new Error(`code ${code} is already in use`);
    this.map.delete(this.codes[i]);
    this.codes[i] = code;
    this.map.set(code, i);
  }
}

/** Growth factor of a table's storage: small, so a national import wastes at most a quarter. */
const GROWTH = 1.25;

export class CountTable implements Iterable<[string, Float64Array]> {
  present: Uint8Array;
  private count = 0;
  private rows: Float32Array | null;
  /** A table read from a counts file decodes its values on first use (lazy()). */
  private decode: (() => Float32Array) | null = null;

  constructor(readonly width: number, readonly index: CodeIndex = new CodeIndex(), capacity = Math.max(64, index.size)) {
    this.rows = new Float32Array(width * capacity);
    this.present = new Uint8Array(capacity);
  }

  /**
   * A table whose rows (present given) are decoded only when first read: a national counts file
   * has 32 tables, and opening a workspace needs two of them (issue 16: restore ≤ 3 s; the
   * other 30 cost ~300 MB and most of the open time when decoded up front).
   */
  static lazy(width: number, index: CodeIndex, present: Uint8Array, decode: () => Float32Array): CountTable {
    const t = new CountTable(width, index, 0);
    t.present = present;
    let count = 0;
    for (let i = 0; i < present.length; i++) count += present[i];
    t.count = count;
    t.rows = null;
    t.decode = decode;
    return t;
  }

  /** Row i at data[i·width … (i+1)·width) (valid where present[i]). */
  get data(): Float32Array {
    if (!this.rows) {
      this.rows = this.decode!();
      this.decode = null;
    }
    return this.rows;
  }

  /** Whether the rows are in memory (a lazy table decodes on first read). */
  get decoded(): boolean {
    return this.rows !== null;
  }

  set data(d: Float32Array) {
    this.rows = d;
    this.decode = null;
  }

  get size(): number {
    return this.count;
  }

  /** Makes room for row i. */
  reserve(i: number): void {
    if (i < this.present.length) return;
    const capacity = Math.max(Math.ceil(this.present.length * GROWTH), i + 1, this.index.size, this.index.expectedSize);
    const data = new Float32Array(capacity * this.width);
    data.set(this.data);
    const present = new Uint8Array(capacity);
    present.set(this.present);
    this.data = data;
    this.present = present;
  }

  /** Storage trimmed to the rows of the index (after an import; saves the growth slack). */
  trim(): void {
    const n = this.index.size;
    if (this.present.length === n) return;
    this.data = this.data.slice(0, n * this.width);
    this.present = this.present.slice(0, n);
  }

  isPresent(i: number): boolean {
    return i < this.present.length && this.present[i] === 1;
  }

  /** Marks row i present (its values written by the caller into data). */
  markPresent(i: number): void {
    this.reserve(i);
    if (!this.present[i]) {
      this.present[i] = 1;
      this.count += 1;
    }
  }

  has(code: string): boolean {
    const i = this.index.find(code);
    return i !== undefined && this.isPresent(i);
  }

  get(code: string): Float64Array | undefined {
    const i = this.index.find(code);
    return i === undefined || !this.isPresent(i) ? undefined : this.row(i);
  }

  /** Value j of an area's row without a copy (NaN when absent). */
  value(code: string, j: number): number {
    const i = this.index.find(code);
    return i === undefined || !this.isPresent(i) ? NaN : this.data[i * this.width + j];
  }

  set(code: string, values: ArrayLike<number>): this {
    const i = this.index.ensure(code);
    this.markPresent(i);
    for (let j = 0; j < this.width; j++) this.data[i * this.width + j] = values[j];
    return this;
  }

  /** Adds values into an existing row (split village records), or sets it. */
  add(code: string, values: ArrayLike<number>): void {
    const i = this.index.find(code);
    if (i === undefined || !this.isPresent(i)) {
      this.set(code, values);
      return;
    }
    for (let j = 0; j < this.width; j++) this.data[i * this.width + j] += values[j];
  }

  *keys(): IterableIterator<string> {
    const codes = this.index.codes;
    const n = Math.min(codes.length, this.present.length);
    for (let i = 0; i < n; i++) if (this.present[i]) yield codes[i];
  }

  *entries(): IterableIterator<[string, Float64Array]> {
    const codes = this.index.codes;
    const n = Math.min(codes.length, this.present.length);
    for (let i = 0; i < n; i++) if (this.present[i]) yield [codes[i], this.row(i)];
  }

  [Symbol.iterator](): IterableIterator<[string, Float64Array]> {
    return this.entries();
  }

  private row(i: number): Float64Array {
    return Float64Array.from(this.data.subarray(i * this.width, (i + 1) * this.width));
  }
}

/**
 * Every code with a row in any of the tables, once each: tables sharing a CodeIndex (all the
 * tables of one import) are merged by their present flags, so a national year (32 tables ×
 * ~91,000 rows) costs one pass over the index instead of 2.9 M string look-ups (issue 16).
 * Order: each index's row order, indexes in the order of their first table.
 */
export function presentCodes(tables: Iterable<CountTable>): string[] {
  const byIndex = new Map<CodeIndex, Uint8Array>();
  for (const t of tables) {
    const n = Math.min(t.index.size, t.present.length);
    let any = byIndex.get(t.index);
    if (!any) byIndex.set(t.index, (any = new Uint8Array(t.index.size)));
    const p = t.present;
    for (let i = 0; i < n; i++) any[i] |= p[i];
  }
  const out: string[] = [];
  const seen = byIndex.size > 1 ? new Set<string>() : null;
  for (const [index, any] of byIndex) {
    const codes = index.codes;
    for (let i = 0; i < any.length; i++) {
      if (!any[i]) continue;
      if (seen) {
        if (seen.has(codes[i])) continue;
        seen.add(codes[i]);
      }
      out.push(codes[i]);
    }
  }
  return out;
}
