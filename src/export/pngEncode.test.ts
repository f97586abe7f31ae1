import { describe, expect, it } from 'vitest';
import { unzlibSync } from 'fflate';
import { encodePng, toBase64 } from './pngEncode';
import { crc32, pngSize } from './pngText';

/** Decodes what encodePng writes (PNG spec 1.2 §4, §6: chunks, zlib, filter type 1 per row), checking every CRC. */
function decode(png: Uint8Array): { width: number; height: number; colourType: number; rgba: Uint8Array } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  let width = 0, height = 0, colourType = 0;
  const idat: Uint8Array[] = [];
  const types: string[] = [];
  for (let o = 8; o < png.length;) {
    const len = v.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    types.push(type);
    expect(crc32(png.subarray(o + 4, o + 8 + len)), type).toBe(v.getUint32(o + 8 + len));
    if (type === 'IHDR') { width = v.getUint32(o + 8); height = v.getUint32(o + 12); colourType = png[o + 17]; expect(png[o + 16]).toBe(8); }
    if (type === 'IDAT') idat.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  expect(types[0]).toBe('IHDR');
  expect(types[types.length - 1]).toBe('IEND');
  const raw = unzlibSync(idat.length === 1 ? idat[0] : new Uint8Array(idat.flatMap((d) => [...d])));
  const bpp = colourType === 2 ? 3 : 4;
  const stride = width * bpp + 1;
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride]).toBe(1);
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        if (c === 3 && bpp === 3) { rgba[(y * width + x) * 4 + 3] = 255; continue; }
        const left = x ? rgba[(y * width + x - 1) * 4 + c] : 0;
        rgba[(y * width + x) * 4 + c] = (raw[y * stride + 1 + x * bpp + c] + left) & 255;
      }
    }
  }
  return { width, height, colourType, rgba };
}

/** Seeded pixels (mulberry32): flat runs like a map, with noise. */
function image(width: number, height: number, seed: number, opaque: boolean): Uint8Array {
  let a = seed >>> 0;
  const rnd = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const px = new Uint8Array(width * height * 4);
  let colour = [0, 0, 0, 255];
  for (let i = 0; i < width * height; i++) {
    if (rnd() < 0.05) colour = [rnd() * 256, rnd() * 256, rnd() * 256, opaque ? 255 : rnd() * 256].map(Math.floor);
    px.set(colour, i * 4);
  }
  return px;
}

describe('encodePng', () => {
  it('round-trips RGB (opaque) and RGBA images exactly, with valid chunks', () => {
    for (const [w, h, seed, opaque] of [[1, 1, 1, true], [37, 11, 2, true], [64, 40, 3, false], [5, 300, 4, false]] as const) {
      const px = image(w, h, seed, opaque);
      const png = encodePng(px, w, h);
      expect(pngSize(png)).toEqual({ width: w, height: h });
      const d = decode(png);
      expect(d.colourType).toBe(opaque ? 2 : 6);
      expect(Buffer.from(d.rgba).equals(Buffer.from(px))).toBe(true);
    }
  });
  it('compresses flat colour (a map\'s fills) well', () => {
    const px = new Uint8Array(400 * 300 * 4);
    for (let i = 0; i < px.length; i += 4) px.set(i < px.length / 2 ? [223, 232, 238, 255] : [244, 241, 234, 255], i);
    expect(encodePng(px, 400, 300).length).toBeLessThan(3000);
  });
  it('rejects a buffer of the wrong size', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(/10 bytes for 2 × 2/);
  });
  it('base64 equals Node\'s', () => {
    const b = image(100, 100, 9, false);
    expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
  });
});
