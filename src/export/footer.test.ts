import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { footerLines, SYNTHETIC_NOTICE, weightsText } from './footer';
import { addPngText, crc32, pngSize, readPngText } from './pngText';

describe('export footer', () => {
  const base = { lang: 'th' as const, source: 'Cheepao demo', synthetic: true, year: 2565, compareYear: 2562, mpi: { measure: 'af' as const, dimensions: ['health', 'income'], k: 1 / 3, weights: null, welfare: 'all' as const } };
  it('names source, years, rule, k, weights, dimensions and the synthetic notice', () => {
    const l = footerLines(base);
    expect(l[0]).toContain('Cheepao demo');
    expect(l[0]).toContain('2565');
    expect(l[0]).toContain('2562');
    expect(l[1]).toContain('k = 33.3 %');
    expect(l[1]).toContain('น้ำหนักเท่ากัน');
    expect(l[1]).toContain('สุขภาพ, รายได้');
    expect(l[2]).toBe(SYNTHETIC_NOTICE);
    expect(footerLines({ ...base, synthetic: false })).toHaveLength(2);
    expect(footerLines({ ...base, lang: 'en', mpi: { ...base.mpi, measure: 'tpmap' } })[1]).toContain('TPMAP rule');
  });
  it('custom weights are shown normalised to sum 1', () => {
    expect(weightsText({ health: 2, income: 1, living: 1 }, 'en')).toBe('custom weights: health 50 %, income 25 %, living 25 %');
  });
});

/** A real 2 × 1 RGB PNG built here with zlib (the format is simple enough to assemble by hand). */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const c = new Uint8Array(12 + data.length);
    const v = new DataView(c.buffer);
    v.setUint32(0, data.length);
    c.set(new TextEncoder().encode(type), 4);
    c.set(data, 8);
    v.setUint32(8 + data.length, crc32(c.subarray(4, 8 + data.length)));
    return c;
  };
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, 2); v.setUint32(4, 1); ihdr[8] = 8; ihdr[9] = 2;
  const raw = new Uint8Array([0, 255, 0, 0, 0, 0, 255]);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

describe('PNG text chunks', () => {
  it('CRC-32 of "IEND" is the constant every PNG ends with (AE 42 60 82)', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });
  it('iTXt round trip with Thai text, size read back', () => {
    const png = addPngText(tinyPng(), { Description: SYNTHETIC_NOTICE, Title: 'เชียงใหม่' });
    expect(pngSize(png)).toEqual({ width: 2, height: 1 });
    expect(readPngText(png)).toEqual({ Description: SYNTHETIC_NOTICE, Title: 'เชียงใหม่' });
    expect(() => pngSize(new Uint8Array(30))).toThrow('not a PNG');
  });
});
