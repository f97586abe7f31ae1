/**
 * A small GeoTIFF writer for float32 EPSG:4326 rasters: enough for the demo nighttime-light COG
 * and for test fixtures in several encodings (tiled/stripped, deflate/none, predictors 2 and 3,
 * reduced-resolution overviews, GDAL_NODATA, band descriptions).
 *
 * Node only (node:zlib). The browser never writes GeoTIFFs; it reads them with geotiff.js.
 *
 * Format references: TIFF 6.0 (Adobe 1992) §2 (structure), §8 (tiles), §14 (predictor 2);
 * Adobe Photoshop TIFF Technical Note 3 (floating-point predictor 3); OGC GeoTIFF 1.1 (19-008r4)
 * for ModelPixelScale / ModelTiepoint / GeoKeyDirectory; GDAL's GeoTIFF driver for the
 * GDAL_METADATA (42112) and GDAL_NODATA (42113) tags; the COG layout (IFDs first, then pixel
 * data, overviews before full resolution) follows GDAL's COG driver.
 */
import { deflateSync } from 'node:zlib';

export type GeoTiffCrs =
  | 'EPSG:4326'
  /** No GeoKeys, no ModelTiepoint/ModelPixelScale: an image without georeferencing. */
  | 'none'
  | { projectedEpsg: number }
  /** User-defined geographic CRS on another ellipsoid (e.g. 7004 Bessel 1841), for refusal tests. */
  | { userGeographicEllipsoid: number };

export interface WriteGeoTiffInput {
  width: number;
  height: number;
  /** Outer edge of the first column (degrees, or metres for a projected CRS). */
  west: number;
  /** Outer edge of the first row. */
  north: number;
  pixelWidth: number;
  pixelHeight: number;
  /** One band, or several bands (written pixel-interleaved like GDAL's default). NaN = nodata. */
  values: Float32Array | Float32Array[];
  layout?: { tiled: true; tileSize: number } | { tiled: false; rowsPerStrip: number };
  /** 'zstd-stored': a valid zstd frame of raw (uncompressed) blocks, to exercise zstd readers without an encoder. */
  compression?: 'none' | 'deflate' | 'zstd-stored';
  /** 1 none, 2 horizontal differencing (on the 32-bit words), 3 floating point. */
  predictor?: 1 | 2 | 3;
  /** How many 2× reduced-resolution levels to add (COG-style). */
  overviews?: number;
  /** The nodata value written for NaN pixels; 'nan' keeps NaN and writes GDAL_NODATA "nan". */
  noData?: number | 'nan';
  /** Exact text for GDAL_NODATA (e.g. "-3.39999999999999996e+38" as GDAL writes it). */
  noDataText?: string;
  bandDescriptions?: string[];
  /** Dataset-level GDAL metadata items (e.g. UNITS, SOURCE). */
  metadata?: Record<string, string>;
  /** GDAL per-band scale/offset (applied by readers: value = raw × scale + offset). */
  scale?: number;
  offset?: number;
  crs?: GeoTiffCrs;
  /** GTRasterTypeGeoKey 2: the tiepoint is the centre of the first pixel. */
  pixelIsPoint?: boolean;
  deflateLevel?: number;
}

const enum T {
  BYTE = 1,
  ASCII = 2,
  SHORT = 3,
  LONG = 4,
  DOUBLE = 12,
}
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 12: 8 };

interface Entry {
  tag: number;
  type: T;
  values: number[] | string;
}

interface Level {
  width: number;
  height: number;
  bands: Float32Array[];
}

/** Mean of the valid (non-NaN) pixels of each 2×2 block, as `gdaladdo -r average` does. */
function halve(level: Level): Level {
  const width = Math.ceil(level.width / 2);
  const height = Math.ceil(level.height / 2);
  const bands = level.bands.map((src) => {
    const out = new Float32Array(width * height);
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        let sum = 0;
        let n = 0;
        for (let dr = 0; dr < 2; dr++) {
          const sr = 2 * r + dr;
          if (sr >= level.height) continue;
          for (let dc = 0; dc < 2; dc++) {
            const sc = 2 * c + dc;
            if (sc >= level.width) continue;
            const v = src[sr * level.width + sc];
            if (v === v) {
              sum += v;
              n++;
            }
          }
        }
        out[r * width + c] = n ? sum / n : NaN;
      }
    }
    return out;
  });
  return { width, height, bands };
}

/** Floating-point predictor (TN3): bytes of each row split into planes (most significant first), then byte differences. */
function floatPredict(row: Uint8Array, samples: number): Uint8Array {
  const wc = row.length / 4;
  const planes = new Uint8Array(row.length);
  for (let i = 0; i < wc; i++) for (let b = 0; b < 4; b++) planes[b * wc + i] = row[4 * i + (3 - b)];
  for (let i = planes.length - 1; i >= samples; i--) planes[i] = (planes[i] - planes[i - samples]) & 0xff;
  return planes;
}

/** Horizontal differencing (TIFF 6.0 §14) on 32-bit words, per sample. */
function horizontalPredict(row: Uint8Array, samples: number): Uint8Array {
  const out = new Uint8Array(row);
  const words = new Uint32Array(out.buffer, out.byteOffset, out.length / 4);
  for (let i = words.length - 1; i >= samples; i--) words[i] = (words[i] - words[i - samples]) >>> 0;
  return out;
}

/** One block (tile or strip) as little-endian float32, pixel-interleaved, padded with nodata. */
function encodeBlock(level: Level, x0: number, y0: number, w: number, h: number, fill: number, input: WriteGeoTiffInput): Uint8Array {
  const nb = level.bands.length;
  const raw = new Float32Array(w * h * nb);
  for (let r = 0; r < h; r++) {
    const sr = y0 + r;
    for (let c = 0; c < w; c++) {
      const sc = x0 + c;
      for (let b = 0; b < nb; b++) {
        let v = sr < level.height && sc < level.width ? level.bands[b][sr * level.width + sc] : fill;
        if (v !== v) v = fill;
        raw[(r * w + c) * nb + b] = v;
      }
    }
  }
  let bytes = new Uint8Array(raw.buffer);
  const predictor = input.predictor ?? 1;
  if (predictor !== 1) {
    const rowBytes = w * nb * 4;
    const out = new Uint8Array(bytes.length);
    for (let r = 0; r < h; r++) {
      const row = bytes.subarray(r * rowBytes, (r + 1) * rowBytes);
      out.set(predictor === 3 ? floatPredict(row, nb) : horizontalPredict(row, nb), r * rowBytes);
    }
    bytes = out;
  }
  if ((input.compression ?? 'deflate') === 'deflate') return new Uint8Array(deflateSync(bytes, { level: input.deflateLevel ?? 6 }));
  if (input.compression === 'zstd-stored') return zstdStoredFrame(bytes);
  return bytes;
}

/**
 * A zstd frame (RFC 8878 §3.1.1) holding the bytes in raw blocks: single segment, 4-byte
 * content size, no checksum; blocks of at most 128 KiB (Block_Maximum_Size).
 */
export function zstdStoredFrame(bytes: Uint8Array): Uint8Array {
  const max = 128 * 1024;
  const blocks = Math.max(1, Math.ceil(bytes.length / max));
  const out = new Uint8Array(4 + 1 + 4 + blocks * 3 + bytes.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0xfd2fb528, true);
  out[4] = 0xa0; // FCS flag 2 (4 bytes), Single_Segment
  dv.setUint32(5, bytes.length, true);
  let p = 9;
  for (let b = 0; b < blocks; b++) {
    const chunk = bytes.subarray(b * max, Math.min(bytes.length, (b + 1) * max));
    const header = (chunk.length << 3) | (0 << 1) | (b === blocks - 1 ? 1 : 0);
    out[p] = header & 0xff;
    out[p + 1] = (header >>> 8) & 0xff;
    out[p + 2] = (header >>> 16) & 0xff;
    out.set(chunk, p + 3);
    p += 3 + chunk.length;
  }
  return out;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function gdalMetadataXml(input: WriteGeoTiffInput, bandCount: number): string | null {
  const items: string[] = [];
  for (const [k, v] of Object.entries(input.metadata ?? {})) items.push(`<Item name="${xmlEscape(k)}">${xmlEscape(v)}</Item>`);
  for (let b = 0; b < bandCount; b++) {
    const d = input.bandDescriptions?.[b];
    if (d !== undefined) items.push(`<Item name="DESCRIPTION" sample="${b}" role="description">${xmlEscape(d)}</Item>`);
    if (input.offset !== undefined) items.push(`<Item name="OFFSET" sample="${b}" role="offset">${input.offset}</Item>`);
    if (input.scale !== undefined) items.push(`<Item name="SCALE" sample="${b}" role="scale">${input.scale}</Item>`);
  }
  return items.length ? `<GDALMetadata>\n${items.map((i) => `  ${i}\n`).join('')}</GDALMetadata>\n` : null;
}

/** GeoKeyDirectory (OGC 19-008r4 §7.1.3) plus the ASCII params it points into. */
function geoKeys(crs: GeoTiffCrs, pixelIsPoint: boolean): { directory: number[]; ascii: string } | null {
  if (crs === 'none') return null;
  const keys: [number, number, number, number][] = []; // key, location, count, value
  let ascii = '';
  const asciiKey = (key: number, text: string) => {
    keys.push([key, 34737, text.length + 1, ascii.length]);
    ascii += `${text}|`;
  };
  const rasterType = pixelIsPoint ? 2 : 1;
  if (crs === 'EPSG:4326') {
    keys.push([1024, 0, 1, 2], [1025, 0, 1, rasterType], [2048, 0, 1, 4326]);
    asciiKey(2049, 'WGS 84');
    keys.push([2054, 0, 1, 9102]);
  } else if ('projectedEpsg' in crs) {
    keys.push([1024, 0, 1, 1], [1025, 0, 1, rasterType], [3072, 0, 1, crs.projectedEpsg]);
  } else {
    keys.push([1024, 0, 1, 2], [1025, 0, 1, rasterType], [2048, 0, 1, 32767], [2050, 0, 1, 32767], [2054, 0, 1, 9102], [2056, 0, 1, crs.userGeographicEllipsoid]);
  }
  keys.sort((a, b) => a[0] - b[0]);
  return { directory: [1, 1, 0, keys.length, ...keys.flat()], ascii };
}

/**
 * Encodes a GeoTIFF (classic TIFF, little-endian). Deterministic: the same input gives the same
 * bytes (zlib's deflate is deterministic for a given level).
 */
export function writeGeoTiff(input: WriteGeoTiffInput): Uint8Array {
  const bands = Array.isArray(input.values) ? input.values : [input.values];
  const nb = bands.length;
  for (const [i, b] of bands.entries()) {
    if (b.length !== input.width * input.height) throw new Error(`writeGeoTiff: band ${i + 1} has ${b.length} values, expected ${input.width} × ${input.height}`);
  }
  const layout = input.layout ?? { tiled: true, tileSize: 256 };
  if (layout.tiled && layout.tileSize % 16 !== 0) throw new Error(`writeGeoTiff: tile size must be a multiple of 16 (TIFF 6.0 §15), got ${layout.tileSize}`);
  const fill = input.noData === undefined || input.noData === 'nan' ? NaN : input.noData;
  const crs = input.crs ?? 'EPSG:4326';

  const levels: Level[] = [{ width: input.width, height: input.height, bands }];
  for (let i = 0; i < (input.overviews ?? 0); i++) levels.push(halve(levels[levels.length - 1]));

  const gk = geoKeys(crs, input.pixelIsPoint ?? false);
  const mdXml = gdalMetadataXml(input, nb);
  const noDataText = input.noDataText ?? (input.noData === undefined ? null : input.noData === 'nan' ? 'nan' : String(input.noData));

  // Encode every block and build each level's IFD entries (offsets filled in once laid out).
  const ifds = levels.map((level, li) => {
    const blocks: Uint8Array[] = [];
    const bw = layout.tiled ? layout.tileSize : level.width;
    const bh = layout.tiled ? layout.tileSize : Math.min(layout.rowsPerStrip, level.height);
    const across = Math.ceil(level.width / bw);
    const down = Math.ceil(level.height / bh);
    for (let by = 0; by < down; by++) {
      for (let bx = 0; bx < across; bx++) {
        const h = layout.tiled ? bh : Math.min(bh, level.height - by * bh);
        blocks.push(encodeBlock(level, bx * bw, by * bh, bw, h, fill, input));
      }
    }
    const scaleFactor = input.width / level.width;
    const entries: Entry[] = [];
    if (li > 0) entries.push({ tag: 254, type: T.LONG, values: [1] }); // NewSubfileType: reduced resolution
    entries.push(
      { tag: 256, type: T.LONG, values: [level.width] },
      { tag: 257, type: T.LONG, values: [level.height] },
      { tag: 258, type: T.SHORT, values: new Array(nb).fill(32) },
      { tag: 259, type: T.SHORT, values: [{ deflate: 8, none: 1, 'zstd-stored': 50000 }[input.compression ?? 'deflate']] },
      { tag: 262, type: T.SHORT, values: [1] }, // BlackIsZero
    );
    if (!layout.tiled) entries.push({ tag: 273, type: T.LONG, values: new Array(blocks.length).fill(0) });
    entries.push({ tag: 277, type: T.SHORT, values: [nb] });
    if (!layout.tiled) {
      entries.push({ tag: 278, type: T.LONG, values: [bh] }, { tag: 279, type: T.LONG, values: blocks.map((b) => b.length) });
    }
    entries.push({ tag: 284, type: T.SHORT, values: [1] }); // chunky (pixel-interleaved)
    if ((input.predictor ?? 1) !== 1) entries.push({ tag: 317, type: T.SHORT, values: [input.predictor!] });
    if (layout.tiled) {
      entries.push(
        { tag: 322, type: T.SHORT, values: [bw] },
        { tag: 323, type: T.SHORT, values: [bh] },
        { tag: 324, type: T.LONG, values: new Array(blocks.length).fill(0) },
        { tag: 325, type: T.LONG, values: blocks.map((b) => b.length) },
      );
    }
    // Bands beyond the first grey one are "unspecified" extra samples (TIFF 6.0 §18), as GDAL writes.
    if (nb > 1) entries.push({ tag: 338, type: T.SHORT, values: new Array(nb - 1).fill(0) });
    entries.push({ tag: 339, type: T.SHORT, values: new Array(nb).fill(3) }); // IEEE float
    if (gk && li === 0) {
      const sx = input.pixelWidth * scaleFactor;
      const sy = input.pixelHeight * scaleFactor;
      const pt = input.pixelIsPoint ? 0.5 : 0;
      entries.push(
        { tag: 33550, type: T.DOUBLE, values: [sx, sy, 0] },
        { tag: 33922, type: T.DOUBLE, values: [0, 0, 0, input.west + pt * sx, input.north - pt * sy, 0] },
        { tag: 34735, type: T.SHORT, values: gk.directory },
      );
      if (gk.ascii) entries.push({ tag: 34737, type: T.ASCII, values: gk.ascii });
    } else if (gk) {
      // Overviews carry their own scale and tiepoint so that any reader places them correctly.
      const sx = input.pixelWidth * (input.width / level.width);
      const sy = input.pixelHeight * (input.height / level.height);
      entries.push(
        { tag: 33550, type: T.DOUBLE, values: [sx, sy, 0] },
        { tag: 33922, type: T.DOUBLE, values: [0, 0, 0, input.west, input.north, 0] },
      );
    }
    if (mdXml && li === 0) entries.push({ tag: 42112, type: T.ASCII, values: mdXml });
    if (noDataText !== null) entries.push({ tag: 42113, type: T.ASCII, values: noDataText });
    entries.sort((a, b) => a.tag - b.tag);
    return { entries, blocks, offsetsTag: layout.tiled ? 324 : 273 };
  });

  const valueBytes = (e: Entry) => (typeof e.values === 'string' ? e.values.length + 1 : e.values.length * TYPE_SIZE[e.type]);
  const even = (n: number) => n + (n & 1);

  // Layout: header, then every IFD with its out-of-line values, then pixel data, coarsest level first.
  let pos = 8;
  const ifdPos: number[] = [];
  const extPos: Map<Entry, number>[] = [];
  for (const ifd of ifds) {
    ifdPos.push(pos);
    pos += 2 + 12 * ifd.entries.length + 4;
    const m = new Map<Entry, number>();
    for (const e of ifd.entries) {
      const n = valueBytes(e);
      if (n > 4) {
        m.set(e, pos);
        pos = even(pos + n);
      }
    }
    extPos.push(m);
  }
  for (let li = ifds.length - 1; li >= 0; li--) {
    const ifd = ifds[li];
    const offsets = ifd.entries.find((e) => e.tag === ifd.offsetsTag)!.values as number[];
    ifd.blocks.forEach((b, i) => {
      offsets[i] = pos;
      pos = even(pos + b.length);
    });
  }
  if (pos > 0xffffffff) throw new Error('writeGeoTiff: result exceeds 4 GB; BigTIFF is not supported');

  const out = new Uint8Array(pos);
  const dv = new DataView(out.buffer);
  out[0] = 0x49;
  out[1] = 0x49; // "II" little-endian
  dv.setUint16(2, 42, true);
  dv.setUint32(4, ifdPos[0], true);
  const writeValues = (e: Entry, at: number) => {
    if (typeof e.values === 'string') {
      for (let i = 0; i < e.values.length; i++) out[at + i] = e.values.charCodeAt(i) & 0x7f;
      out[at + e.values.length] = 0;
      return;
    }
    e.values.forEach((v, i) => {
      if (e.type === T.SHORT) dv.setUint16(at + 2 * i, v, true);
      else if (e.type === T.LONG) dv.setUint32(at + 4 * i, v, true);
      else if (e.type === T.DOUBLE) dv.setFloat64(at + 8 * i, v, true);
      else out[at + i] = v;
    });
  };
  ifds.forEach((ifd, li) => {
    let p = ifdPos[li];
    dv.setUint16(p, ifd.entries.length, true);
    p += 2;
    for (const e of ifd.entries) {
      dv.setUint16(p, e.tag, true);
      dv.setUint16(p + 2, e.type, true);
      dv.setUint32(p + 4, typeof e.values === 'string' ? e.values.length + 1 : e.values.length, true);
      const ext = extPos[li].get(e);
      if (ext !== undefined) {
        dv.setUint32(p + 8, ext, true);
        writeValues(e, ext);
      } else writeValues(e, p + 8);
      p += 12;
    }
    dv.setUint32(p, li + 1 < ifds.length ? ifdPos[li + 1] : 0, true);
    const offsets = ifd.entries.find((e) => e.tag === ifd.offsetsTag)!.values as number[];
    ifd.blocks.forEach((b, i) => out.set(b, offsets[i]));
  });
  return out;
}
