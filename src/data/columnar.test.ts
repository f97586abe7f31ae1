import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { decodeColumnar, encodeColumnar } from './columnar';
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
