/**
 * Nighttime-light statistics in a circular buffer around every village (issue 4): a pixel
 * belongs to a buffer when its centre is within `radiusKm` by great-circle distance (haversine,
 * R = 6,371.0088 km).
 *
 * Speed (75,000 villages × ~80 pixels at 15″): haversine d ≤ r is equivalent to
 * a ≤ sin²(r / 2R) with a = sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2) (Sinnott 1984), so no asin
 * or sqrt per pixel, and only the buffer's bounding box is scanned. Trigonometry is hoisted out
 * of the loops: sin and cos of half of every row's latitude and every column's longitude are
 * tabulated once per grid, and sin(Δ/2) = sin(x/2)cos(y/2) − cos(x/2)sin(y/2) turns the per-row
 * and per-column terms into multiplications — a handful of Math calls per village instead of
 * one per pixel. Each row's members are one run of columns, found by moving the previous row's run
 * ends (a step or two) and summed without a per-pixel branch (issue 16 item 5: 55 → 34 ms for the
 * national demo, quiet machine); the additions happen in the same order as the pixel-by-pixel
 * loop, so sums are bit-identical. Membership equals haversineKm(…) ≤ r except within rounding (~1e-15 relative)
 * of the circle's edge; the tests compare with the brute-force reference pixel for pixel.
 *
 * The per-village set-up (trigonometry, bounding box) runs here in JS, where V8's Math.sin is
 * fast; the rows-and-pixels loop runs in WebAssembly (wasm/bufferZonalKernel.ts, 21.6 → 17.5 ms
 * for the national demo), or in its JS twin kernelJs where WebAssembly is unavailable (a page
 * served with a CSP that forbids it, memory that cannot grow). Both do the same double operations
 * in the same order, so the engine never changes a result. The first call of a session costs
 * ≈ 120 ms more than the JS engine's (Node, national demo: 170 against 47 ms): copying the 29 MB grid
 * into fresh WebAssembly memory page-faults it in (≈ 90 ms), and the kernel's first run is in V8's
 * baseline tier. Later calls reuse the memory, and a call on the same grid with as many villages as
 * the one before (a radius or threshold change) also reuses the copied window and the grid tables
 * (`resident`; 16.4 → 14 ms for the national demo). It runs in the workers (lights, targeting), off the main thread.
 */
import { EARTH_RADIUS_KM } from '../geo';
import type { RasterGrid } from './grid';
import { BUFFER_ZONAL_KERNEL_WASM_BASE64 } from './bufferZonalKernelWasm';
import { DEFAULT_LIT_THRESHOLD_NW, emptyZonalStats, finishZonalStats, type ZonalStats } from './zonalStats';

const RAD = Math.PI / 180;

export interface BufferOptions {
  /** Buffer radius, km; default 2. */
  radiusKm?: number;
  /** Lit when strictly above this radiance, nW/cm²/sr; default 0.5. */
  thresholdNw?: number;
  /**
   * Who runs the pixel loop: 'auto' (default) WebAssembly when it can, else JS; 'js' or 'wasm'
   * to force one (tests and the bench; 'wasm' throws where WebAssembly is unavailable).
   */
  engine?: 'auto' | 'js' | 'wasm';
  /**
   * Most bytes of WebAssembly memory the kernel may hold (default WASM_MAX_BYTES): a larger job
   * runs in JS ('auto') or throws ('wasm').
   */
  wasmMaxBytes?: number;
}

/**
 * The wasm kernel works on a copy of the grid in its own memory, and WebAssembly memory never
 * shrinks: a worker that once computed buffers on a 1.6 GB raster would keep a second 1.6 GB for
 * the rest of the session. Past this size the JS engine (≈ 20 % slower, no copy) runs instead; the
 * national 15″ grid needs ≈ 36 MB.
 */
export const WASM_MAX_BYTES = 256 * 1024 * 1024;

type GridTables = ReturnType<typeof computeGridTables>;

/** The last grid shape's tables (a few hundred kB for the national grid), reused while it repeats. */
let lastTables: { geometry: string; tables: GridTables } | null = null;

/** gridTables of `grid`, computed once per grid shape and georeferencing. */
function gridTables(grid: RasterGrid): GridTables {
  const geometry = geometryKey(grid);
  if (lastTables?.geometry !== geometry) lastTables = { geometry, tables: computeGridTables(grid) };
  return lastTables.tables;
}

/** Half-angle sines and cosines of every row's and column's pixel centre, and cos φ per row. */
function computeGridTables(grid: RasterGrid) {
  const sinHalfLat = new Float64Array(grid.height);
  const cosHalfLat = new Float64Array(grid.height);
  const cosLat = new Float64Array(grid.height);
  for (let r = 0; r < grid.height; r++) {
    const phi = (grid.north - (r + 0.5) * grid.pixelHeightDeg) * RAD;
    sinHalfLat[r] = Math.sin(phi / 2);
    cosHalfLat[r] = Math.cos(phi / 2);
    cosLat[r] = Math.cos(phi);
  }
  const sinHalfLon = new Float64Array(grid.width);
  const cosHalfLon = new Float64Array(grid.width);
  for (let c = 0; c < grid.width; c++) {
    const lambda = (grid.west + (c + 0.5) * grid.pixelWidthDeg) * RAD;
    sinHalfLon[c] = Math.sin(lambda / 2);
    cosHalfLon[c] = Math.cos(lambda / 2);
  }
  return { sinHalfLat, cosHalfLat, cosLat, sinHalfLon, cosHalfLon };
}

/** Rows per band of the visiting order (spatialOrder). */
const BAND_ROWS = 16;
/** Columns per tile within a band. */
const TILE_COLS = 16;

/**
 * The points with finite coordinates in the order they are visited: band by band of BAND_ROWS
 * grid rows from the north, within a band tile by tile of TILE_COLS columns from the west, file
 * order within a tile (a stable counting sort). Consecutive buffers then read the same few rows
 * of the raster, which stay in cache, instead of jumping across the 29 MB national grid as the
 * file's order does from one district to the next. Each buffer's own pixels are summed in the
 * same order whatever the visiting order, so results are unchanged.
 */
function spatialOrder(grid: RasterGrid, lon: ArrayLike<number>, lat: ArrayLike<number>): Uint32Array {
  const n = lon.length;
  const bands = Math.ceil(grid.height / BAND_ROWS) + 2;
  const tiles = Math.ceil(grid.width / TILE_COLS) + 2;
  const cells = bands * tiles;
  const cellOf = new Int32Array(n);
  const count = new Uint32Array(cells + 1);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = lon[i], y = lat[i];
    if (!(Number.isFinite(x) && Number.isFinite(y))) {
      cellOf[i] = -1;
      continue;
    }
    // Points off the grid go to the edge bands (they read nothing or the edge rows).
    const b = Math.min(bands - 1, Math.max(0, Math.floor((grid.north - y) / grid.pixelHeightDeg / BAND_ROWS) + 1));
    const t = Math.min(tiles - 1, Math.max(0, Math.floor((x - grid.west) / grid.pixelWidthDeg / TILE_COLS) + 1));
    const c = b * tiles + t;
    cellOf[i] = c;
    count[c + 1]++;
    m++;
  }
  for (let c = 0; c < cells; c++) count[c + 1] += count[c];
  const order = new Uint32Array(m);
  for (let i = 0; i < n; i++) if (cellOf[i] >= 0) order[count[cellOf[i]]++] = i;
  return order;
}

/** Float64 slots per village in `params`, Int32 slots in `box` (the kernel's layout). */
const PARAMS = 5;
const BOX = 5;

/** The arrays the kernel reads and writes (views into one buffer for WebAssembly). */
interface KernelArrays {
  values: Float32Array;
  sinHalfLat: Float64Array;
  cosHalfLat: Float64Array;
  cosLat: Float64Array;
  sinHalfLon: Float64Array;
  cosHalfLon: Float64Array;
  params: Float64Array;
  box: Int32Array;
  order: Uint32Array;
  sum: Float64Array;
  valid: Uint32Array;
  lit: Uint32Array;
  colTerm: Float64Array;
}

/**
 * Per village, in visiting order: cos φ₀, sin and cos of φ₀/2 and λ₀/2 (params), and the bounding
 * box of its cap with the column nearest its centre (box; r0 > r1 or c0 > c1 when it misses the grid).
 */
function villageParams(grid: RasterGrid, lon: ArrayLike<number>, lat: ArrayLike<number>, radiusKm: number, order: Uint32Array, params: Float64Array, box: Int32Array) {
  const { width, height, west, north, pixelWidthDeg: pw, pixelHeightDeg: ph } = grid;
  const { sinHalfLat, cosHalfLat, sinHalfLon, cosHalfLon } = gridTables(grid);
  const delta = radiusKm / EARTH_RADIUS_KM; // angular radius, radians
  const sinDelta = Math.sin(delta);
  const capRows = delta / RAD / ph;
  const rowsPerDeg = 1 / ph;
  const colsPerDeg = 1 / pw;
  for (let o = 0; o < order.length; o++) {
    const i = order[o];
    const lon0 = lon[i];
    const lat0 = lat[i];
    const phi0 = lat0 * RAD;
    const lambda0 = lon0 * RAD;
    // Fractional row and column of the centre (pixel centres at whole numbers).
    const y = (north - lat0) * rowsPerDeg - 0.5;
    const x = (lon0 - west) * colsPerDeg - 0.5;
    // sin and cos of φ₀/2 and λ₀/2 by angle addition from the nearest row's and column's tabulated
    // half-angles, sin(a + d) = sin a cos d + cos a sin d, with d (a quarter pixel at most) in short
    // Taylor series: multiplications instead of four Math.sin/cos per village (≈ 1 ms of a national
    // call). Truncation error < d⁶/720 ≤ 1.4e-21 for |d| < 1e-3 rad; otherwise (a coarse grid, a
    // point off the grid) Math.sin/cos. The result may differ from Math.sin in the last bit or two,
    // like any other rounding in the set-up: membership still equals haversineKm(…) ≤ r except
    // within rounding of the edge, and both engines read the same params.
    const at = o * PARAMS;
    const rN = Math.round(y);
    halfAngleSinCos(phi0, rN >= 0 && rN < height ? rN : -1, (north - (rN + 0.5) * ph) * RAD, sinHalfLat, cosHalfLat, params, at + 1);
    const cN = Math.round(x);
    halfAngleSinCos(lambda0, cN >= 0 && cN < width ? cN : -1, (west + (cN + 0.5) * pw) * RAD, sinHalfLon, cosHalfLon, params, at + 3);
    const sinHalfPhi0 = params[at + 1];
    const cosHalfPhi0 = params[at + 2];
    const cosPhi0 = (cosHalfPhi0 - sinHalfPhi0) * (cosHalfPhi0 + sinHalfPhi0); // cos²(φ/2) − sin²(φ/2)
    params[at] = cosPhi0;
    // Bounding box of the spherical cap, in fractional rows and columns from the grid's corner
    // (y and x above); one pixel of margin absorbs rounding, the exact test decides.
    const r0 = Math.max(0, Math.ceil(y - capRows) - 1);
    const r1 = Math.min(height - 1, Math.floor(y + capRows) + 1);
    // Half-width of the cap in longitude is asin(sin δ / cos φ) (circleBox in access/pointIndex.ts);
    // tan(asin x) = x / √(1 − x²) ≥ asin x bounds it from above without an asin per village: the
    // box may only grow (by ~x³/3 rad, far below a pixel), and the exact test decides membership.
    const sinRatio = sinDelta / cosPhi0;
    const capCols = Math.abs(lat0) + delta / RAD < 89 && sinRatio < 1 ? (sinRatio / Math.sqrt(1 - sinRatio * sinRatio) / RAD) * colsPerDeg : 180 * colsPerDeg;
    const c0 = Math.max(0, Math.ceil(x - capCols) - 1);
    const c1 = Math.min(width - 1, Math.floor(x + capCols) + 1);
    // sin²(Δλ/2) is smallest at the column nearest the centre and grows outwards, so each row's
    // members are one run that contains it (when the row has any).
    const kc = Math.min(c1 - c0, Math.max(0, Math.round(x) - c0));
    box[o * BOX] = r0;
    box[o * BOX + 1] = r1;
    box[o * BOX + 2] = c0;
    box[o * BOX + 3] = c1;
    box[o * BOX + 4] = kc;
  }
}

/**
 * sin(x/2) and cos(x/2) into out[at], out[at + 1]: by angle addition from the tabulated half-angle
 * sines and cosines of the grid angle xk of row or column k (−1: off the grid), see villageParams.
 */
function halfAngleSinCos(x: number, k: number, xk: number, sinT: Float64Array, cosT: Float64Array, out: Float64Array, at: number): void {
  const d = k >= 0 ? (x - xk) / 2 : Infinity;
  if (d < 1e-3 && d > -1e-3) {
    const d2 = d * d;
    const sd = d * (1 - (d2 / 6) * (1 - d2 / 20));
    const cd = 1 - (d2 / 2) * (1 - (d2 / 12) * (1 - d2 / 30));
    out[at] = sinT[k] * cd + cosT[k] * sd;
    out[at + 1] = cosT[k] * cd - sinT[k] * sd;
  } else {
    out[at] = Math.sin(x / 2);
    out[at + 1] = Math.cos(x / 2);
  }
}

/**
 * The part of the grid the kernel reads: rows wr0… and columns wc0… of the grid, `ww` columns wide,
 * row-major in `values` (the whole grid for the JS kernel; only the villages' boxes are copied
 * into WebAssembly memory).
 */
interface ValueWindow {
  wr0: number;
  wc0: number;
  ww: number;
}

/**
 * The rows-and-pixels loop in JS: the twin of run() in wasm/bufferZonalKernel.ts, operation for
 * operation (keep them in step; the tests compare the two engines bit for bit).
 */
function kernelJs({ wr0, wc0, ww }: ValueWindow, aMax: number, threshold: number, a: KernelArrays) {
  const { values, sinHalfLat, cosHalfLat, cosLat, sinHalfLon, cosHalfLon, params, box, order, colTerm } = a;
  for (let o = 0; o < order.length; o++) {
    const cosPhi0 = params[o * PARAMS];
    const sinHalfPhi0 = params[o * PARAMS + 1];
    const cosHalfPhi0 = params[o * PARAMS + 2];
    const sinHalfLambda0 = params[o * PARAMS + 3];
    const cosHalfLambda0 = params[o * PARAMS + 4];
    const r0 = box[o * BOX];
    const r1 = box[o * BOX + 1];
    const c0 = box[o * BOX + 2];
    const c1 = box[o * BOX + 3];
    const kc = box[o * BOX + 4];
    let sum = 0;
    let valid = 0;
    let lit = 0;
    if (r0 <= r1 && c0 <= c1) {
      const nc = c1 - c0 + 1;
      for (let k = 0; k < nc; k++) {
        const s = sinHalfLon[c0 + k] * cosHalfLambda0 - cosHalfLon[c0 + k] * sinHalfLambda0; // sin(Δλ/2)
        colTerm[k] = s * s;
      }
      // The run of the previous row (−1: none yet). Along the cap the runs widen then narrow by a
      // pixel or two per row, so starting from the last run and moving its ends takes a step or two
      // instead of walking out from the centre; because colTerm only grows away from kc, both walks
      // end at the same maximal run.
      let kL = -1;
      let kR = -1;
      for (let r = r0; r <= r1; r++) {
        const s = sinHalfLat[r] * cosHalfPhi0 - cosHalfLat[r] * sinHalfPhi0; // sin(Δφ/2)
        const latTerm = s * s;
        const cosProd = cosPhi0 * cosLat[r];
        if (latTerm + cosProd * colTerm[kc] > aMax) {
          kL = kR = -1;
          continue;
        }
        if (kL < 0) kL = kR = kc;
        if (latTerm + cosProd * colTerm[kL] <= aMax) {
          while (kL > 0 && latTerm + cosProd * colTerm[kL - 1] <= aMax) kL--;
        } else {
          do kL++;
          while (latTerm + cosProd * colTerm[kL] > aMax);
        }
        if (latTerm + cosProd * colTerm[kR] <= aMax) {
          while (kR < nc - 1 && latTerm + cosProd * colTerm[kR + 1] <= aMax) kR++;
        } else {
          do kR--;
          while (latTerm + cosProd * colTerm[kR] > aMax);
        }
        const start = (r - wr0) * ww + (c0 - wc0) + kL;
        const end = start + (kR - kL);
        // Optimistic run: no nodata test per pixel (NaN > threshold is false, so lit is right
        // anyway); a NaN in the run turns the sum into NaN, and then the run is summed again pixel
        // by pixel skipping nodata — the same additions in the same order either way.
        const before = sum;
        for (let p = start; p <= end; p++) {
          const v = values[p];
          sum += v;
          lit += +(v > threshold);
        }
        if (sum === sum) valid += end - start + 1;
        else {
          sum = before;
          for (let p = start; p <= end; p++) {
            const v = values[p];
            if (v === v) {
              sum += v;
              valid++;
            }
          }
        }
      }
    }
    const i = order[o];
    a.sum[i] = sum;
    a.valid[i] = valid;
    a.lit[i] = lit;
  }
}

type WasmRun = (m: number, ww: number, wr0: number, wc0: number, aMax: number, threshold: number, ...offsets: number[]) => void;

/**
 * The WebAssembly kernel, instantiated on first use with a memory that grows to the largest job (at most WASM_MAX_BYTES)
 * seen and is then reused (a worker that computes national buffers keeps ~35 MB for it); null
 * when WebAssembly is unavailable here.
 */
let wasm: { memory: WebAssembly.Memory; run: WasmRun } | null | undefined;

function wasmKernel() {
  if (wasm !== undefined) return wasm;
  try {
    const bytes = Uint8Array.from(atob(BUFFER_ZONAL_KERNEL_WASM_BASE64), (ch) => ch.charCodeAt(0));
    const memory = new WebAssembly.Memory({ initial: 1 });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    wasm = { memory, run: instance.exports.run as WasmRun };
  } catch {
    wasm = null;
  }
  return wasm;
}

/**
 * Byte offsets of the kernel's arrays in WebAssembly memory, `values` last because its size
 * (the window) is known only once the boxes are.
 */
function layout(width: number, height: number, n: number, m: number) {
  let bytes = 0;
  const take = (size: number) => {
    const at = bytes;
    bytes += Math.ceil(size / 8) * 8;
    return at;
  };
  const o = {
    sinHalfLat: take(height * 8),
    cosHalfLat: take(height * 8),
    cosLat: take(height * 8),
    sinHalfLon: take(width * 8),
    cosHalfLon: take(width * 8),
    params: take(m * PARAMS * 8),
    box: take(m * BOX * 4),
    order: take(m * 4),
    sum: take(n * 8),
    valid: take(n * 4),
    lit: take(n * 4),
    colTerm: take(width * 8),
    values: 0,
  };
  o.values = bytes;
  return o;
}

/** Grows the WebAssembly memory to at least `bytes`; false if it cannot (32-bit memory, 4 GiB at most) or may not (maxBytes). */
function ensureBytes(memory: WebAssembly.Memory, bytes: number, maxBytes: number): boolean {
  if (bytes > maxBytes) return false;
  const pages = Math.ceil(bytes / 65536) - memory.buffer.byteLength / 65536;
  try {
    if (pages > 0) memory.grow(pages);
    return true;
  } catch {
    return false;
  }
}

/** The rows and columns every village's box covers (empty: ww = 0). */
function boxWindow(box: Int32Array, m: number): ValueWindow & { wr1: number } {
  let wr0 = Infinity, wr1 = -1, wc0 = Infinity, wc1 = -1;
  for (let o = 0; o < m; o++) {
    const r0 = box[o * BOX], r1 = box[o * BOX + 1], c0 = box[o * BOX + 2], c1 = box[o * BOX + 3];
    if (r0 > r1 || c0 > c1) continue;
    if (r0 < wr0) wr0 = r0;
    if (r1 > wr1) wr1 = r1;
    if (c0 < wc0) wc0 = c0;
    if (c1 > wc1) wc1 = c1;
  }
  return wr1 < 0 ? { wr0: 0, wr1: -1, wc0: 0, ww: 0 } : { wr0, wr1, wc0, ww: wc1 - wc0 + 1 };
}

/**
 * What the kernel's memory still holds from the last call: the grid tables, and the window of
 * `values` (held weakly, so that a replaced raster is not kept alive) copied at byte offset `at`.
 * A later call on the same grid with the same layout — as many villages, as when the user changes
 * the radius or the lit threshold — whose window lies inside that one reads them again instead of
 * recomputing the tables and copying ≈ 29 MB (national demo: ≈ 2 ms of a 16 ms call). Any call that
 * lays its arrays out differently may overwrite that memory, so it drops this first.
 */
let resident: {
  values: WeakRef<Float32Array>;
  geometry: string;
  at: number;
  wr0: number;
  wr1: number;
  wc0: number;
  wc1: number;
} | null = null;

/** The grid's shape and georeferencing: what the tables and the window's indexing depend on. */
function geometryKey(g: RasterGrid): string {
  return `${g.width}|${g.height}|${g.west}|${g.north}|${g.pixelWidthDeg}|${g.pixelHeightDeg}`;
}

/** The pixel loop in WebAssembly; false (nothing written) when its memory cannot hold the job. */
function runWasm(k: { memory: WebAssembly.Memory; run: WasmRun }, maxBytes: number, grid: RasterGrid, lon: ArrayLike<number>, lat: ArrayLike<number>, radiusKm: number, aMax: number, threshold: number, order: Uint32Array, out: ZonalStats): boolean {
  const { width, height } = grid;
  const n = lon.length;
  const m = order.length;
  const o = layout(width, height, n, m);
  const geometry = geometryKey(grid);
  const kept = resident !== null && resident.at === o.values && resident.geometry === geometry && resident.values.deref() === grid.values ? resident : null;
  resident = null; // set again below once the memory holds this call's tables and window
  if (!ensureBytes(k.memory, o.values, maxBytes)) return false;
  let buffer = k.memory.buffer;
  const params = new Float64Array(buffer, o.params, m * PARAMS);
  const box = new Int32Array(buffer, o.box, m * BOX);
  villageParams(grid, lon, lat, radiusKm, order, params, box);
  let win = boxWindow(box, m);
  if (kept && win.wr0 >= kept.wr0 && win.wr1 <= kept.wr1 && win.wc0 >= kept.wc0 && win.wc0 + win.ww - 1 <= kept.wc1) {
    // The kept window covers every box: the kernel indexes it with the kept window's origin and width.
    win = { wr0: kept.wr0, wr1: kept.wr1, wc0: kept.wc0, ww: kept.wc1 - kept.wc0 + 1 };
  } else {
    // Growing detaches the old ArrayBuffer; its contents stay in the memory, so views are remade.
    if (!ensureBytes(k.memory, o.values + win.ww * (win.wr1 - win.wr0 + 1) * 4, maxBytes)) return false;
    buffer = k.memory.buffer;
    const values = new Float32Array(buffer, o.values, win.ww * (win.wr1 - win.wr0 + 1));
    if (win.ww === width) values.set(grid.values.subarray(win.wr0 * width, (win.wr1 + 1) * width));
    else for (let r = win.wr0; r <= win.wr1; r++) values.set(grid.values.subarray(r * width + win.wc0, r * width + win.wc0 + win.ww), (r - win.wr0) * win.ww);
  }
  if (!kept) {
    const tables = gridTables(grid);
    new Float64Array(buffer, o.sinHalfLat, height).set(tables.sinHalfLat);
    new Float64Array(buffer, o.cosHalfLat, height).set(tables.cosHalfLat);
    new Float64Array(buffer, o.cosLat, height).set(tables.cosLat);
    new Float64Array(buffer, o.sinHalfLon, width).set(tables.sinHalfLon);
    new Float64Array(buffer, o.cosHalfLon, width).set(tables.cosHalfLon);
  }
  if (win.ww > 0) resident = { values: new WeakRef(grid.values), geometry, at: o.values, wr0: win.wr0, wr1: win.wr1, wc0: win.wc0, wc1: win.wc0 + win.ww - 1 };
  new Uint32Array(buffer, o.order, m).set(order);
  const sum = new Float64Array(buffer, o.sum, n).fill(0);
  const valid = new Uint32Array(buffer, o.valid, n).fill(0);
  const lit = new Uint32Array(buffer, o.lit, n).fill(0);
  k.run(m, win.ww, win.wr0, win.wc0, aMax, threshold, o.values, o.sinHalfLat, o.cosHalfLat, o.cosLat, o.sinHalfLon, o.cosHalfLon, o.params, o.box, o.order, o.sum, o.valid, o.lit, o.colTerm);
  out.sum.set(sum);
  out.validPixels.set(valid);
  out.litPixels.set(lit);
  return true;
}

/**
 * Buffer statistics for points given as parallel lon/lat arrays (degrees). Points outside the
 * grid, or with only nodata around them, get validPixels 0, sum 0, mean and litShare NaN.
 */
export function bufferZonalStats(grid: RasterGrid, lon: ArrayLike<number>, lat: ArrayLike<number>, options: BufferOptions = {}): ZonalStats {
  const radiusKm = options.radiusKm ?? 2;
  const threshold = options.thresholdNw ?? DEFAULT_LIT_THRESHOLD_NW;
  const engine = options.engine ?? 'auto';
  const out = emptyZonalStats(lon.length);
  if (!(radiusKm >= 0)) throw new Error(`bufferZonalStats: radiusKm must be ≥ 0 (got ${radiusKm})`);
  const aMax = Math.sin(radiusKm / EARTH_RADIUS_KM / 2) ** 2; // haversine a at the buffer's edge
  const order = spatialOrder(grid, lon, lat);
  const k = engine === 'js' ? null : wasmKernel();
  const done = k !== null && runWasm(k, options.wasmMaxBytes ?? WASM_MAX_BYTES, grid, lon, lat, radiusKm, aMax, threshold, order, out);
  if (!done) {
    if (engine === 'wasm') throw new Error('bufferZonalStats: WebAssembly is not available here, or this job needs more memory than it may hold');
    const params = new Float64Array(order.length * PARAMS);
    const box = new Int32Array(order.length * BOX);
    villageParams(grid, lon, lat, radiusKm, order, params, box);
    const a = { values: grid.values, ...gridTables(grid), params, box, order, sum: out.sum, valid: out.validPixels, lit: out.litPixels, colTerm: new Float64Array(grid.width) };
    kernelJs({ wr0: 0, wc0: 0, ww: grid.width }, aMax, threshold, a);
  }
  return finishZonalStats(out);
}
