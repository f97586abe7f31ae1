/**
 * A PNG encoder for the exports (PNG spec 1.2: IHDR, one zlib IDAT, IEND; 8-bit RGB or RGBA;
 * filter type 1 "Sub" on every row). Chromium's canvas.toBlob took seconds per image on the
 * software-rendered machines this runs on (issue 15 §4, profiled: 20 s of a 26 s deck export);
 * the maps are flat colours, so Sub + fast deflate (fflate, level 1) is quick and still small.
 * Pure byte work: runs in Node (tests) and the browser.
 */
import { zlibSync } from 'fflate';
import { crc32 } from './pngText';

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** PNG bytes of `width × height` RGBA pixels (row-major, 4 bytes each); RGB when every alpha is 255. */
export function encodePng(rgba: ArrayLike<number>, width: number, height: number, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 1): Uint8Array {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: ${rgba.length} bytes for ${width} × ${height} pixels`);
  let opaque = true;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) { opaque = false; break; }
  const bpp = opaque ? 3 : 4;
  const stride = width * bpp + 1;
  const raw = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const o = y * stride;
    raw[o] = 1; // Sub: each byte minus the same channel of the pixel to its left
    let s = y * width * 4;
    for (let x = 0; x < width; x++, s += 4) {
      const d = o + 1 + x * bpp;
      for (let c = 0; c < bpp; c++) raw[d + c] = (rgba[s + c] - (x ? rgba[s - 4 + c] : 0)) & 255;
    }
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = opaque ? 2 : 6; // colour type: truecolour (RGB) or truecolour with alpha
  // compression 0, filter method 0, interlace 0
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw, { level })), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** Base64 of bytes (for data: URLs), in slices so the argument list stays small. */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
