import { interpolateInferno } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { ntlColour, ntlImageRgba, ntlLegendTicks, ntlRampPosition, suggestedMaxRadianceNw } from './ntlColour';
import { seededGrid } from './seededRaster';

// Expected colours come from d3-scale-chromatic's inferno itself at the log-scaled position.
const hexRgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

describe('ntl colour ramp', () => {
  it('maps log(1 + v) / log(1 + max) through inferno; zero and nodata are transparent', () => {
    expect(ntlColour(0)).toEqual([0, 0, 0, 0]);
    expect(ntlColour(NaN)).toEqual([0, 0, 0, 0]);
    expect(ntlColour(-1)).toEqual([0, 0, 0, 0]);
    expect(ntlColour(100, 100).slice(0, 3)).toEqual(hexRgb(interpolateInferno(1)));
    expect(ntlColour(1000, 100).slice(0, 3)).toEqual(hexRgb(interpolateInferno(1)));
    const t = Math.log1p(9) / Math.log1p(99);
    expect(ntlRampPosition(9, 99)).toBeCloseTo(t, 12);
    expect(ntlColour(9, 99).slice(0, 3)).toEqual(hexRgb(interpolateInferno(Math.round(t * 255) / 255)));
  });

  it('legend ticks are increasing, end at the maximum and carry the ramp colour', () => {
    const ticks = ntlLegendTicks(300);
    expect(ticks.map((t) => t.radianceNw)).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 300]);
    expect(ticks[ticks.length - 1].position).toBe(1);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i].position).toBeGreaterThan(ticks[i - 1].position);
    const [r, g, b] = ntlColour(50, 300);
    expect(ticks[8].colour).toBe(`rgb(${r}, ${g}, ${b})`);
  });

  it('the image has the grid size and pixel colours equal to ntlColour', () => {
    const grid = seededGrid({ width: 13, height: 7, west: 100, north: 14, pixelWidthDeg: 1 / 240, seed: 2, noDataShare: 0.2, zeroShare: 0.3 });
    const img = ntlImageRgba(grid, 20);
    expect([img.width, img.height, img.data.length]).toEqual([13, 7, 13 * 7 * 4]);
    grid.values.forEach((v, i) => expect(Array.from(img.data.slice(4 * i, 4 * i + 4))).toEqual(ntlColour(v, 20)));
  });

  it('suggests the 99.9th percentile of positive pixels as the top of the ramp', () => {
    const grid = seededGrid({ width: 100, height: 100, west: 100, north: 14, pixelWidthDeg: 1 / 240, seed: 3, zeroShare: 0.5 });
    const positive = Array.from(grid.values).filter((v) => v > 0).sort((a, b) => a - b);
    expect(suggestedMaxRadianceNw(grid)).toBe(Math.max(1, positive[Math.floor(positive.length * 0.999)]));
  });
});
