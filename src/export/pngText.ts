/**
 * Text inside a PNG file (PNG spec 1.2 §11.3.4.5 iTXt: UTF-8 keyword/text), so an exported image
 * carries its footer as data too: a reader — or a test — can get the sources and settings back
 * without OCR. Also reads the IHDR size. Pure byte work, runs in Node and the browser.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as PNG computes it (ISO 3309 / ITU-T V.42). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function isPng(b: Uint8Array): boolean {
  return SIGNATURE.every((x, i) => b[i] === x);
}

/** Width and height from the IHDR chunk. */
export function pngSize(b: Uint8Array): { width: number; height: number } {
  if (!isPng(b)) throw new Error('not a PNG file');
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** Insert iTXt chunks (uncompressed) right after IHDR. */
export function addPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  if (!isPng(png)) throw new Error('not a PNG file');
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const [key, text] of Object.entries(entries)) {
    const k = enc.encode(key), t = enc.encode(text);
    // keyword \0 compression-flag compression-method language-tag \0 translated-keyword \0 text
    const data = new Uint8Array(k.length + 5 + t.length);
    data.set(k, 0);
    data.set(t, k.length + 5);
    const type = enc.encode('iTXt');
    const chunk = new Uint8Array(12 + data.length);
    const v = new DataView(chunk.buffer);
    v.setUint32(0, data.length);
    chunk.set(type, 4);
    chunk.set(data, 8);
    v.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
    chunks.push(chunk);
  }
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  const total = png.length + chunks.reduce((a, c) => a + c.length, 0);
  const out = new Uint8Array(total);
  out.set(png.subarray(0, ihdrEnd), 0);
  let o = ihdrEnd;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  out.set(png.subarray(ihdrEnd), o);
  return out;
}

/** All iTXt entries of a PNG (keyword → text), checking each chunk's CRC. */
export function readPngText(png: Uint8Array): Record<string, string> {
  if (!isPng(png)) throw new Error('not a PNG file');
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const dec = new TextDecoder();
  const out: Record<string, string> = {};
  for (let o = 8; o + 12 <= png.length;) {
    const len = v.getUint32(o);
    const type = dec.decode(png.subarray(o + 4, o + 8));
    if (type === 'iTXt') {
      if (crc32(png.subarray(o + 4, o + 8 + len)) !== v.getUint32(o + 8 + len)) throw new Error('iTXt chunk with a bad CRC');
      const data = png.subarray(o + 8, o + 8 + len);
      const z = data.indexOf(0);
      const key = dec.decode(data.subarray(0, z));
      // skip flag, method, language tag \0, translated keyword \0
      let p = z + 3;
      p = data.indexOf(0, p) + 1;
      p = data.indexOf(0, p) + 1;
      out[key] = dec.decode(data.subarray(p));
    }
    if (type === 'IEND') break;
    o += 12 + len;
  }
  return out;
}
