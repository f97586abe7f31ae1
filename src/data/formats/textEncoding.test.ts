/**
 * Oracles: files written by GNU iconv (scripts/fixtures/make-format-fixtures.sh: Windows-874 with
 * CRLF as Thai Excel saves CSV, and UTF-16 LE with a BOM as Excel's "Unicode Text"), whose source
 * text is plain UTF-8 there; and the 7,425 Thai subdistrict names of OCHA's gazetteer encoded in
 * TIS-620 by its code chart (U+0E01–U+0E5B ↔ 0xA1–0xFB, TIS 620-2533).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeTextChunks, detectTextEncoding, utf8Sequences } from './textEncoding';
import { encodeCp874 } from './pointShapefileFixture';
import gazetteer from '../gazetteer/th-admin-gazetteer.json';

const fx = (f: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${f}`, import.meta.url)));
const SOURCE = ['VILL_CODE,VILL_NAME,lon,lat', '73010101,บ้านหนองกระโดน,100.061234,13.819876', '73010102,บ้านดอนยายหอม,100.072345,13.801234', '73010203,บ้านห้วยจรเข้,100.035678,13.832109', ''];

describe('text encodings of office files', () => {
  it('Windows-874 as Thai Excel saves CSV (iconv): detected and decoded to the source text', () => {
    const b = fx('villages_cp874.csv');
    expect(detectTextEncoding(b)).toBe('windows-874');
    expect(decodeText(b)).toBe(SOURCE.join('\r\n'));
    // A head cut anywhere still says Windows-874 once it holds a Thai name.
    expect(detectTextEncoding(b.subarray(0, 60))).toBe('windows-874');
  });
  it('UTF-16 LE with a BOM (Excel "Unicode Text", iconv): decoded without the BOM', () => {
    const b = fx('villages_utf16.txt');
    expect(detectTextEncoding(b)).toBe('utf-16le');
    expect(decodeText(b)).toBe(SOURCE.map((l) => l.replace(/,/g, '\t')).join('\r\n'));
  });
  it('UTF-8 with and without a BOM, and a head cut inside a Thai character, stay UTF-8', () => {
    const text = SOURCE.join('\n');
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toBe(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    const cut = utf8.subarray(0, new TextEncoder().encode(SOURCE[0] + '\n73010101,บ').length - 1); // mid-บ
    expect(detectTextEncoding(cut)).toBe('utf-8');
  });
  it('a UTF-8 file broken in one byte reads as UTF-8 with that character replaced, not as Windows-874', () => {
    const utf8 = new TextEncoder().encode(SOURCE.join('\n'));
    const damaged = utf8.slice();
    damaged[40] = 0xff;
    const text = decodeText(damaged);
    expect(text).toContain('บ้านดอนยายหอม');
    // Byte 40 is the lead byte of the tone mark ้ (E0 B9 89) of the first name: it and its two
    // orphaned continuation bytes become one U+FFFD each (WHATWG Encoding, UTF-8 decoder).
    expect(text.match(/\uFFFD/g)?.length).toBe(3);
    expect(text.replace('\uFFFD\uFFFD\uFFFD', '้')).toBe(SOURCE.join('\n'));
  });
  it('every subdistrict name of the gazetteer in TIS-620 is read back, alone and as one file', () => {
    const names = (gazetteer as unknown as { subdistricts: [string, string, string][] }).subdistricts.map((s) => s[1]);
    expect(names.length).toBeGreaterThan(7000);
    const file = names.map((n, i) => `${i},${n}`).join('\r\n');
    expect(decodeText(encodeCp874(file))).toBe(file);
    // Alone, a name of a few letters may by chance be well-formed UTF-8 (โคกแฝด is E2 A4 A1 E1 BD B4,
    // two valid 3-byte sequences): 47 of the 7,425 names are, so a file whose only Thai is one such
    // name is read as UTF-8 (a known limit); a file of names is not.
    const misread = names.filter((n) => decodeText(encodeCp874(n)) !== n);
    expect(misread.length).toBeLessThan(names.length * 0.01);
    expect(misread).toContain('โคกแฝด');
  });
  it('counts well-formed and broken UTF-8 sequences', () => {
    expect(utf8Sequences(new TextEncoder().encode('aบ้าน€😀'))).toEqual({ wellFormed: 6, broken: 0 });
    // บ้าน in TIS-620: BA out of place, E9 without its two continuations, then D2 B9 well-formed by chance.
    expect(utf8Sequences(new Uint8Array([0xba, 0xe9, 0xd2, 0xb9]))).toEqual({ wellFormed: 1, broken: 2 });
  });
  it('decodes a file read in pieces, characters split between pieces included (Windows-874 and UTF-8)', async () => {
    // The encoding is detected on the first piece (1 MiB in the CLI), here the first 60 bytes,
    // which hold the first Thai name; the rest comes in pieces of 1, 2, 7 or 50 bytes.
    const text = SOURCE.join('\r\n');
    for (const bytes of [encodeCp874(text), new TextEncoder().encode(text)]) {
      for (const size of [1, 2, 7, 50]) {
        async function* pieces() {
          yield bytes.subarray(0, 60);
          for (let i = 60; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
        }
        let out = '';
        for await (const t of decodeTextChunks(pieces())) out += t;
        expect(out).toBe(text);
      }
    }
  });
});
