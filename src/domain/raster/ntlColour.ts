/**
 * Colour for nighttime-light radiance. Radiance is heavily skewed (Bangkok's core is ~100× a
 * market town), so the ramp runs on log(1 + radiance) (DESIGN.md §2.4), normalised to
 * log(1 + max), through inferno — a perceptually uniform ramp that stays readable in grey and
 * for colour-vision deficiencies (van der Walt & Smith 2015, matplotlib's viridis family, via
 * d3-scale-chromatic). Zero (VIIRS masked background) and nodata are transparent.
 */
import { interpolateInferno } from 'd3-scale-chromatic';
import type { RasterGrid } from './grid';

/** Default top of the ramp, nW/cm²/sr: city cores in VIIRS annual composites are ~60–300. */
export const DEFAULT_MAX_RADIANCE_NW = 100;

const LUT_SIZE = 256;
let lut: Uint8Array | null = null;

/** 256 RGBA entries of inferno; the alpha ramps up over the darkest quarter so faint lights do not hide the base map. */
function colourTable(): Uint8Array {
  if (lut) return lut;
  lut = new Uint8Array(LUT_SIZE * 4);
  for (let i = 0; i < LUT_SIZE; i++) {
    const t = i / (LUT_SIZE - 1);
    const hex = interpolateInferno(t);
    lut[4 * i] = parseInt(hex.slice(1, 3), 16);
    lut[4 * i + 1] = parseInt(hex.slice(3, 5), 16);
    lut[4 * i + 2] = parseInt(hex.slice(5, 7), 16);
    lut[4 * i + 3] = Math.round(110 + 145 * Math.min(1, t / 0.25));
  }
  return lut;
}

/** Position on the ramp in [0, 1] (log(1 + v) / log(1 + max), clamped); NaN for zero/nodata. */
export function ntlRampPosition(radianceNw: number, maxRadianceNw = DEFAULT_MAX_RADIANCE_NW): number {
  if (!(radianceNw > 0)) return NaN;
  return Math.min(1, Math.log1p(radianceNw) / Math.log1p(maxRadianceNw));
}

/** RGBA (0–255) of one radiance; [0, 0, 0, 0] for zero, negative or nodata. */
export function ntlColour(radianceNw: number, maxRadianceNw = DEFAULT_MAX_RADIANCE_NW): [number, number, number, number] {
  if (!(radianceNw > 0)) return [0, 0, 0, 0];
  const table = colourTable();
  // Same arithmetic as ntlImageRgba, so the legend and the map agree to the last bit.
  const i = 4 * Math.min(LUT_SIZE - 1, Math.round(Math.log1p(radianceNw) * ((LUT_SIZE - 1) / Math.log1p(maxRadianceNw))));
  return [table[i], table[i + 1], table[i + 2], table[i + 3]];
}

export interface LegendTick {
  radianceNw: number;
  /** Position on the legend bar, 0 (left) … 1 (right). */
  position: number;
  /** CSS colour of the ramp at this tick. */
  colour: string;
  label: string;
}

/** Legend ticks in nW/cm²/sr at 1–2–5 steps up to the ramp's maximum (which is always the last tick). */
export function ntlLegendTicks(maxRadianceNw = DEFAULT_MAX_RADIANCE_NW): LegendTick[] {
  const values: number[] = [];
  for (let e = -1; e <= 4; e++) for (const m of [1, 2, 5]) {
    const v = m * 10 ** e;
    if (v < maxRadianceNw * 0.8) values.push(Number(v.toPrecision(1)));
  }
  values.push(maxRadianceNw);
  return values.map((v) => {
    const [r, g, b] = ntlColour(v, maxRadianceNw);
    return { radianceNw: v, position: ntlRampPosition(v, maxRadianceNw), colour: `rgb(${r}, ${g}, ${b})`, label: v >= 1 ? String(Math.round(v)) : String(v) };
  });
}

/**
 * A robust top of the ramp for a grid: the 99.9th percentile of its positive pixels (so one
 * saturated pixel does not darken the country), at least 1 nW. Computed on up to ~200,000
 * evenly strided pixels.
 */
export function suggestedMaxRadianceNw(grid: RasterGrid): number {
  const stride = Math.max(1, Math.floor(grid.values.length / 200_000));
  const sample: number[] = [];
  for (let i = 0; i < grid.values.length; i += stride) if (grid.values[i] > 0) sample.push(grid.values[i]);
  if (!sample.length) return 1;
  sample.sort((a, b) => a - b);
  return Math.max(1, sample[Math.min(sample.length - 1, Math.floor(sample.length * 0.999))]);
}

/** RGBA pixels of the grid (row 0 = north), for a BitmapLayer image; transferable from a worker. */
export function ntlImageRgba(grid: RasterGrid, maxRadianceNw = DEFAULT_MAX_RADIANCE_NW): { width: number; height: number; data: Uint8ClampedArray } {
  const table = colourTable();
  const data = new Uint8ClampedArray(grid.width * grid.height * 4);
  const scale = (LUT_SIZE - 1) / Math.log1p(maxRadianceNw);
  const values = grid.values;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v > 0)) continue; // zero, negative and NaN stay transparent
    const k = 4 * Math.min(LUT_SIZE - 1, Math.round(Math.log1p(v) * scale));
    data[4 * i] = table[k];
    data[4 * i + 1] = table[k + 1];
    data[4 * i + 2] = table[k + 2];
    data[4 * i + 3] = table[k + 3];
  }
  return { width: grid.width, height: grid.height, data };
}
