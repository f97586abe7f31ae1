import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { decodeColumnar, encodeColumnar, encodeColumnarParts } from './columnar';
import { gunzipIfNeeded } from './gzip';

describe('columnar container', () => {
  it('round-trips typed arrays and metadata through gzip', async () => {
    const a = new Uint32Array([1, 2, 4294967295]);
    const b = new Float32Array([0.5, -1.25]);
    const c = new Uint8Array([7, 8, 9, 10, 11]);
    const bytes = encodeColumnar({ a, c, b }, { year: 2565 });
    const t = decodeColumnar(await gunzipIfNeeded(new Uint8Array(gzipSync(bytes))));
    expect(Array.from(t.columns.a)).toEqual([1, 2, 4294967295]);
    expect(Array.from(t.columns.b)).toEqual([0.5, -1.25]);
    expect(Array.from(t.columns.c)).toEqual([7, 8, 9, 10, 11]);
    expect(t.meta.year).toBe(2565);
  });
  it('names the file when the bytes are not ours', () => {
    expect(() => decodeColumnar(new Uint8Array(16), 'villages.bin.gz')).toThrow(/villages\.bin\.gz/);
  });
});

describe('encodeColumnarParts', () => {
  it('the streamed pieces, concatenated, equal encodeColumnar byte for byte (odd lengths, every type)', () => {
    const cols = { a: Uint8Array.from([1, 2, 3]), b: Float64Array.from([0.5, -1]), c: Uint16Array.from([7]), d: Int32Array.from([-5, 6, 7, 8, 9]), e: Float32Array.from([1.25]), f: Uint32Array.from([4e9]) };
    const whole = encodeColumnar(cols, { year: 2561 });
    const parts = [...encodeColumnarParts(Object.entries(cols).map(([name, col]) => ({ name, type: ({ a: 'u8', b: 'f64', c: 'u16', d: 'i32', e: 'f32', f: 'u32' } as const)[name as 'a'], length: col.length, make: () => col })), { year: 2561 })];
    const joined = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) {
      joined.set(p, o);
      o += p.length;
    }
    expect(joined).toEqual(whole);
  });
});
