import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { decodeColumnar, encodeColumnar } from '../columnar';
import { decodeTpmapCountsBinary, encodeTpmapCountsBinary, encodeTpmapCountsPacked, readTpmapCounts, type TpmapCounts } from './countsFile';
import { CodeIndex, CountTable } from './countTable';
import type { DatasetManifest } from '../datasetFormat';

/** Counts with a common table and two subsets; some codes absent from a table, some values missing (NaN), some ≥ 128 (multi-byte varints). */
function sample(): TpmapCounts {
  const index = new CodeIndex();
  const tables = new Map<string, CountTable>();
  const width = 4;
  const rows: [string, string, number[]][] = [
    ['common', '10', [1200, 5000, NaN, 3]],
    ['common', '1001', [600, 2500, 7, 0]],
    ['common', '10010101', [12, 40, 1, 0]],
    ['11111', '10', [300, 129, 16_384, 2]],
    ['11111', '10010101', [3, 9, NaN, 0]],
    ['10000', '1001', [44, 0, 1, 127]],
  ];
  for (const [key, code, values] of rows) {
    let t = tables.get(key);
    if (!t) tables.set(key, (t = new CountTable(width, index)));
    t.set(code, Float64Array.from(values));
  }
  return { year: 2561, tables, villageNames: new Map([['10010101', 'บ้านทดสอบ']]), communities: new Map() };
}

const rowsOf = (c: TpmapCounts) => Object.fromEntries([...c.tables].map(([k, t]) => [k, [...t].map(([code, v]) => [code, Array.from(v)])]));

describe('TPMAP counts file, packed (each table compressed on its own)', () => {
  it('decodes to the same tables as the single-gzip form, which is still read', async () => {
    const c = sample();
    const packed = await encodeTpmapCountsPacked(c);
    const old = encodeTpmapCountsBinary(c);
    const fromPacked = decodeTpmapCountsBinary(packed, 'tpmap-2561.bin', 2561);
    const fromOld = decodeTpmapCountsBinary(old, 'tpmap-2561.bin.gz', 2561);
    expect(rowsOf(fromPacked)).toEqual(rowsOf(c));
    expect(rowsOf(fromOld)).toEqual(rowsOf(c));
    expect(fromPacked.villageNames.get('10010101')).toBe('บ้านทดสอบ');
    // Through the manifest, by name: the packed file as written, the old one gzipped.
    const files = new Map<string, Uint8Array>([['tpmap-2561.bin', packed], ['tpmap-2561.bin.gz', new Uint8Array(gzipSync(old))]]);
    const read = async (n: string) => files.get(n)!;
    for (const name of ['tpmap-2561.bin', 'tpmap-2561.bin.gz']) {
      const m = { files: { tpmapCounts: { '2561': name } } } as unknown as DatasetManifest;
      expect(rowsOf(await readTpmapCounts(read, m, 2561))).toEqual(rowsOf(c));
    }
  });

  it('inflates a table only when it is first read', async () => {
    const packed = await encodeTpmapCountsPacked(sample());
    const { columns, meta } = decodeColumnar(packed);
    // The stored values column is the compressed one: its raw length is in meta.
    const raw = (meta.rawLengths as Record<string, number>)['values:11111'];
    expect(raw).toBeGreaterThan(0);
    expect(meta.packing).toBe('zlib');
    // Corrupt one table's values: opening works (presence is intact), reading that table says which.
    const bad = packed.slice();
    const col = columns['values:11111'] as Uint8Array;
    const at = col.byteOffset - packed.byteOffset;
    bad.fill(0xff, at + 2, at + col.length);
    const c = decodeTpmapCountsBinary(bad, 'tpmap-2561.bin', 2561);
    expect(rowsOf({ ...c, tables: new Map([['common', c.tables.get('common')!]]) })).toEqual({ common: rowsOf(sample()).common });
    expect(() => c.tables.get('11111')!.data).toThrow(/tpmap-2561\.bin: table 11111: values:11111/);
  });

  it('refuses an unknown packing, naming the file', () => {
    const { columns, meta } = decodeColumnar(encodeTpmapCountsBinary(sample()));
    expect(meta.packing).toBeUndefined();
    expect(() => decodeTpmapCountsBinary(encodeColumnar(columns, { ...meta, packing: 'lz4' }), 'x.bin', 2561)).toThrow(/x\.bin: unknown packing lz4/);
  });
});
