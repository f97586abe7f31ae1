/**
 * The demo national nighttime-light raster: synthetic, shaped like a VIIRS VNL v2 annual
 * `average_masked` composite — 15″ (1/240°) float32 nW/cm²/sr in EPSG:4326 over Thailand's
 * bbox, background zeroed (zero is data, not nodata), towns as bright cores with a wide halo
 * (Bangkok's core ~60–300 nW like real VIIRS), dim villages, faint lines along roads between
 * nearby towns, multiplicative speckle, background under 0.5 nW masked to 0, values kept to
 * about two significant digits (file size).
 *
 * Written as a COG-style GeoTIFF: 512 × 512 tiles, deflate (no predictor: with quantised values
 * the floating-point predictor made the file 1.8× larger, measured),
 * 2× overviews down to ≤ 512 px wide so the browser draws the national view from a small IFD.
 * Deterministic: same input, same bytes. Called by scripts/demo/build.ts.
 */
import { writeGeoTiff } from '../../src/data/geotiff/writeGeoTiff';
import { THAILAND_BBOX } from '../../src/domain/raster/grid';
import { mulberry32 } from '../../src/domain/raster/seededRaster';

export const NTL_PIXEL_DEG = 1 / 240;
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_EQ = 111.32;

export interface NtlDemoInput {
  villages: { lon: number; lat: number; people: number }[];
  towns: { lon: number; lat: number; weight: number }[];
  seed: number;
}

interface Canvas {
  width: number;
  height: number;
  values: Float32Array;
}

/**
 * Adds (or, with `max`, raises to) peak·exp(−d²/2σ²) around (lon, lat), out to 3σ, with a local
 * flat-earth distance.
 */
function splat(cv: Canvas, lon: number, lat: number, peakNw: number, sigmaKm: number, max = false): void {
  const kmLon = KM_PER_DEG_LON_EQ * Math.cos((lat * Math.PI) / 180);
  const reachKm = 3 * sigmaKm;
  const { west, north } = THAILAND_BBOX;
  const c0 = Math.max(0, Math.floor((lon - reachKm / kmLon - west) / NTL_PIXEL_DEG));
  const c1 = Math.min(cv.width - 1, Math.floor((lon + reachKm / kmLon - west) / NTL_PIXEL_DEG));
  const r0 = Math.max(0, Math.floor((north - lat - reachKm / KM_PER_DEG_LAT) / NTL_PIXEL_DEG));
  const r1 = Math.min(cv.height - 1, Math.floor((north - lat + reachKm / KM_PER_DEG_LAT) / NTL_PIXEL_DEG));
  const k = -1 / (2 * sigmaKm * sigmaKm);
  for (let r = r0; r <= r1; r++) {
    const dy = (north - (r + 0.5) * NTL_PIXEL_DEG - lat) * KM_PER_DEG_LAT;
    for (let c = c0; c <= c1; c++) {
      const dx = (west + (c + 0.5) * NTL_PIXEL_DEG - lon) * kmLon;
      const d2 = dx * dx + dy * dy;
      if (d2 > reachKm * reachKm) continue;
      const v = peakNw * Math.exp(k * d2);
      const i = r * cv.width + c;
      if (!max) cv.values[i] += v;
      else if (cv.values[i] < v) cv.values[i] = v;
    }
  }
}

/** A faint line between two towns, one pixel wide, as the maximum with what is there. */
function road(roads: Float32Array, cv: Canvas, a: { lon: number; lat: number }, b: { lon: number; lat: number }, nw: number): void {
  const { west, north } = THAILAND_BBOX;
  const steps = Math.ceil((Math.max(Math.abs(b.lon - a.lon), Math.abs(b.lat - a.lat)) / NTL_PIXEL_DEG) * 2);
  for (let s = 0; s <= steps; s++) {
    const t = s / steps;
    const c = Math.floor((a.lon + t * (b.lon - a.lon) - west) / NTL_PIXEL_DEG);
    const r = Math.floor((north - (a.lat + t * (b.lat - a.lat))) / NTL_PIXEL_DEG);
    if (c < 0 || r < 0 || c >= cv.width || r >= cv.height) continue;
    const i = r * cv.width + c;
    if (roads[i] < nw) roads[i] = nw;
  }
}

/**
 * Background below 0.5 nW masked to 0 (as VNL's average_masked does), the rest kept to about
 * two significant digits: real composites carry full float32 precision, but the demo file must
 * stay small and repeated values deflate well.
 */
function quantiseNw(v: number): number {
  if (v < 0.5) return 0;
  if (v < 1) return Math.round(v * 20) / 20;
  if (v < 10) return Math.round(v * 10) / 10;
  return Math.round(v);
}

/** The raster values (row 0 = 20.5°N), before encoding; exported for tests and benches. */
export function generateNtlGrid(input: NtlDemoInput): Canvas {
  const { west, east, south, north } = THAILAND_BBOX;
  const width = Math.round((east - west) / NTL_PIXEL_DEG);
  const height = Math.round((north - south) / NTL_PIXEL_DEG);
  const cv: Canvas = { width, height, values: new Float32Array(width * height) };
  const rand = mulberry32(input.seed ^ 0x4e544c); // "NTL"
  const maxWeight = Math.max(1, ...input.towns.map((t) => t.weight));

  // Town cores combine by maximum, not sum: fifty Bangkok district seats side by side must not
  // stack into radiances no city has; the faint suburban halos do add up.
  const cores = { ...cv, values: new Float32Array(width * height) };
  for (const t of input.towns) {
    const s = Math.sqrt(Math.max(0, t.weight) / maxWeight);
    // The largest town: core ~150 nW before speckle, σ ≈ 8 km, halo σ ≈ 24 km: Bangkok province
    // (1,569 km²) then averages ~50–60 nW, as in VNL composites.
    const peakNw = 4 + 146 * s;
    const sigmaKm = 1 + 7 * s;
    splat(cores, t.lon, t.lat, peakNw, sigmaKm, true);
    splat(cv, t.lon, t.lat, 0.08 * peakNw, 3 * sigmaKm); // suburban halo
  }
  for (let i = 0; i < cv.values.length; i++) cv.values[i] += cores.values[i];
  for (const v of input.villages) splat(cv, v.lon, v.lat, 0.4 + Math.max(0, v.people) / 400, 0.5);

  // Roads: each town to its two nearest towns within 60 km.
  const roads = new Float32Array(width * height);
  const towns = input.towns;
  for (let i = 0; i < towns.length; i++) {
    const kmLon = KM_PER_DEG_LON_EQ * Math.cos((towns[i].lat * Math.PI) / 180);
    const near = towns
      .map((t, j) => ({ j, d: Math.hypot((t.lon - towns[i].lon) * kmLon, (t.lat - towns[i].lat) * KM_PER_DEG_LAT) }))
      .filter((x) => x.j !== i && x.d <= 60)
      .sort((a, b) => a.d - b.d || a.j - b.j)
      .slice(0, 2);
    for (const { j } of near) if (j > i || !near.some((x) => x.j === i)) road(roads, cv, towns[i], towns[j], 0.6 + 0.5 * rand());
  }

  for (let i = 0; i < cv.values.length; i++) {
    let v = cv.values[i] + roads[i];
    if (v > 0) v *= 0.75 + 0.5 * rand(); // speckle
    cv.values[i] = quantiseNw(v);
  }
  return cv;
}

/** The demo raster as GeoTIFF bytes (see the file comment). */
export function generateNtlGeoTiff(input: { villages: { lon: number; lat: number; people: number }[]; towns: { lon: number; lat: number; weight: number }[]; seed: number }): Uint8Array {
  const cv = generateNtlGrid(input);
  let overviews = 0;
  for (let w = cv.width; w > 512; w = Math.ceil(w / 2)) overviews++;
  return writeGeoTiff({
    width: cv.width,
    height: cv.height,
    west: THAILAND_BBOX.west,
    north: THAILAND_BBOX.north,
    pixelWidth: NTL_PIXEL_DEG,
    pixelHeight: NTL_PIXEL_DEG,
    values: cv.values,
    layout: { tiled: true, tileSize: 512 },
    compression: 'deflate',
    predictor: 1,
    deflateLevel: 6,
    overviews,
    noData: -9999,
    bandDescriptions: ['synthetic VIIRS-like annual radiance'],
    metadata: { UNITS: 'nW/cm2/sr', SOURCE: 'Synthetic demonstration data (scripts/demo/ntl.ts), not VIIRS observations' },
  });
}
