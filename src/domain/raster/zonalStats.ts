/**
 * Zonal statistics of a radiance grid, shared by village buffers and area polygons. The rules
 * are fixed by issue 4 so that any tool can check the numbers: nodata (NaN) pixels count
 * nowhere; `sum` is the plain sum of pixel values; `mean` = sum ÷ valid pixels; `litShare` =
 * pixels above the threshold ÷ valid pixels.
 */
export interface ZonalStats {
  /** Plain sum of the valid pixel values (nW/cm²/sr × pixels); 0 when no pixel is valid. */
  sum: Float64Array;
  /** sum ÷ validPixels; NaN when no pixel is valid. */
  mean: Float64Array;
  validPixels: Uint32Array;
  /** Valid pixels whose value is strictly above the threshold. */
  litPixels: Uint32Array;
  /** litPixels ÷ validPixels; NaN when no pixel is valid. */
  litShare: Float64Array;
}

/** VIIRS "lit" threshold used by default, nW/cm²/sr (issue 4). */
export const DEFAULT_LIT_THRESHOLD_NW = 0.5;

export function emptyZonalStats(n: number): ZonalStats {
  return { sum: new Float64Array(n), mean: new Float64Array(n), validPixels: new Uint32Array(n), litPixels: new Uint32Array(n), litShare: new Float64Array(n) };
}

/** Fills mean and litShare from sum, validPixels and litPixels. */
export function finishZonalStats(s: ZonalStats): ZonalStats {
  for (let i = 0; i < s.sum.length; i++) {
    const n = s.validPixels[i];
    s.mean[i] = n ? s.sum[i] / n : NaN;
    s.litShare[i] = n ? s.litPixels[i] / n : NaN;
  }
  return s;
}

/** Sum of lights per person (nW/cm²/sr × pixels per person); NaN without people. */
export function perCapita(sum: number, population: number): number {
  return population > 0 ? sum / population : NaN;
}

/** Sum of lights per km² of area; NaN without area. */
export function perKm2(sum: number, areaKm2: number): number {
  return areaKm2 > 0 ? sum / areaKm2 : NaN;
}
