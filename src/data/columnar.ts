/**
 * A tiny columnar container for typed arrays: the on-disk form of villages, profiles and
 * village basic data. Layout (little-endian):
 *   bytes 0..3  magic "CHPC"
 *   bytes 4..7  uint32 header length H
 *   bytes 8..8+H  UTF-8 JSON header {columns: [{name, type, length, offset}], meta}
 *   then each column's bytes at `offset` (from the start of the buffer, 8-byte aligned).
 * Files on disk are gzip-compressed (see gzip.ts); typed arrays read zero-copy from the
 * decompressed buffer. Chosen over JSON/CSV because 1–2 M profile rows must load in well
 * under a second in a browser (DESIGN.md §2.3).
 */

export type ColumnType = 'u8' | 'u16' | 'u32' | 'i32' | 'f32' | 'f64';
export type TypedColumn = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

const CTORS = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;

function typeOf(a: TypedColumn): ColumnType {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Float32Array) return 'f32';
  return 'f64';
}

const MAGIC = 0x43504843; // "CHPC" little-endian

export interface ColumnarTable {
  columns: Record<string, TypedColumn>;
  meta: Record<string, unknown>;
}

export function encodeColumnar(columns: Record<string, TypedColumn>, meta: Record<string, unknown> = {}): Uint8Array {
  const names = Object.keys(columns);
  const { header, head, total } = layout(names.map((name) => ({ name, type: typeOf(columns[name]), length: columns[name].length })), meta);
  const out = new Uint8Array(total);
  out.set(head, 0);
  for (const c of header.columns) {
    const col = columns[c.name];
    out.set(new Uint8Array(col.buffer, col.byteOffset, col.byteLength), c.offset);
  }
  return out;
}

type ColumnHeader = { name: string; type: ColumnType; length: number; offset: number };

/**
 * The file's header and where each column starts (8-byte aligned after the header). The header's
 * length depends on the offsets it lists, so the layout is iterated until the data start no longer
 * moves. `head` holds magic, header length and header, padded to the first column's start.
 */
function layout(columns: readonly { name: string; type: ColumnType; length: number }[], meta: Record<string, unknown>): { header: { columns: ColumnHeader[]; meta: Record<string, unknown> }; head: Uint8Array; total: number } {
  let header = { columns: [] as ColumnHeader[], meta };
  const build = (base: number) => {
    let off = base;
    header = { columns: [], meta };
    for (const c of columns) {
      off = Math.ceil(off / 8) * 8;
      header.columns.push({ name: c.name, type: c.type, length: c.length, offset: off });
      off += c.length * BYTES_PER[c.type];
    }
    return off;
  };
  let base = 0;
  let headerBytes = new Uint8Array(0);
  for (let iter = 0; iter < 4; iter++) {
    build(base);
    headerBytes = new TextEncoder().encode(JSON.stringify(header));
    const nextBase = Math.ceil((8 + headerBytes.length) / 8) * 8;
    if (nextBase === base) break;
    base = nextBase;
  }
  const total = build(base);
  headerBytes = new TextEncoder().encode(JSON.stringify(header));
  if (8 + headerBytes.length > base) throw new Error('columnar header did not converge');
  const head = new Uint8Array(base);
  const dv = new DataView(head.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, headerBytes.length, true);
  head.set(headerBytes, 8);
  return { header, head, total };
}

export function decodeColumnar(bytes: Uint8Array, what = 'columnar file'): ColumnarTable {
  if (bytes.byteLength < 8) throw new Error(`${what}: too short to be a Cheepao columnar file`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) throw new Error(`${what}: not a Cheepao columnar file (bad magic)`);
  const hlen = dv.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + hlen))) as {
    columns: { name: string; type: ColumnType; length: number; offset: number }[];
    meta: Record<string, unknown>;
  };
  // Copy into an aligned buffer when the view is not 8-byte aligned (typed arrays need alignment).
  const buf = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const columns: Record<string, TypedColumn> = {};
  for (const c of header.columns) {
    const Ctor = CTORS[c.type];
    if (!Ctor) throw new Error(`${what}: unknown column type ${c.type}`);
    if (c.offset + c.length * Ctor.BYTES_PER_ELEMENT > buf.byteLength) throw new Error(`${what}: column ${c.name} runs past the end of the file`);
    columns[c.name] = new Ctor(buf.buffer as ArrayBuffer, buf.byteOffset + c.offset, c.length);
  }
  return { columns, meta: header.meta ?? {} };
}

/** A column whose bytes are made only when written (encodeColumnarParts). */
export interface LazyColumn {
  name: string;
  type: ColumnType;
  length: number;
  make: () => TypedColumn;
}

const BYTES_PER: Record<ColumnType, number> = { u8: 1, u16: 2, u32: 4, i32: 4, f32: 4, f64: 8 };

/**
 * The same layout as encodeColumnar, as a sequence of pieces with each column made when its
 * piece is taken: a large file (TPMAP counts, issue 16) goes to gzip one column at a time and is
 * never one buffer. Concatenated, the pieces equal encodeColumnar's bytes.
 */
export function* encodeColumnarParts(columns: readonly LazyColumn[], meta: Record<string, unknown> = {}): Generator<Uint8Array> {
  const { header, head } = layout(columns, meta);
  const base = head.length;
  yield head;
  let at = base;
  for (let k = 0; k < columns.length; k++) {
    const c = header.columns[k];
    if (c.offset > at) yield new Uint8Array(c.offset - at);
    const col = columns[k].make();
    if (col.length !== c.length || typeOf(col) !== c.type) throw new Error(`columnar column ${c.name}: made ${col.length} ${typeOf(col)}, announced ${c.length} ${c.type}`);
    yield new Uint8Array(col.buffer, col.byteOffset, col.byteLength);
    at = c.offset + col.byteLength;
  }
}
