/**
 * Sequential ColorBrewer YlOrRd (Brewer 2003, via d3-scale-chromatic) for need: light = low,
 * dark red = high; legible on projectors and for the common colour-vision deficiencies.
 */
import { schemeYlOrRd } from 'd3-scale-chromatic';

export type Rgba = [number, number, number, number];

export function hexToRgba(hex: string, alpha = 255): Rgba {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

export function sequentialPalette(classes: number): string[] {
  const k = Math.max(3, Math.min(9, classes));
  return schemeYlOrRd[k].slice(0, classes) as string[];
}

export const NO_DATA_RGBA: Rgba = [200, 200, 200, 160];
