import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { sampleRaster, type RasterGrid } from './grid';
import { cropGrid, downsampleGridMean } from './resample';
import { seededGrid } from './seededRaster';

// Hand-checkable 3 × 2 grid of 1° pixels from (100 E, 15 N): values are row·10 + column.
const grid: RasterGrid = {
  width: 3, height: 2, west: 100, south: 13, east: 103, north: 15, pixelWidthDeg: 1, pixelHeightDeg: 1,
  values: new Float32Array([0, 1, 2, 10, NaN, 12]), band: 1, bandCount: 1, bandDescriptions: [null], overviewLevel: 0, sourceName: 't', noData: null,
};

describe('cropGrid', () => {
  it('keeps every pixel that intersects the box, at its own edges', () => {
    const c = cropGrid(grid, { west: 101.2, east: 102.5, south: 13.5, north: 14.5 })!;
    expect([c.width, c.height, c.west, c.east, c.south, c.north]).toEqual([2, 2, 101, 103, 13, 15]);
    expect(Array.from(c.values)).toEqual([1, 2, NaN, 12]);
    // A box that only touches the grid's edge does not overlap it.
    expect(cropGrid(grid, { west: 103, east: 104, south: 13, north: 15 })).toBeNull();
    expect(cropGrid(grid, { west: 90, east: 95, south: 13, north: 15 })).toBeNull();
  });

  test.prop([fc.integer({ min: 1, max: 1000 }), fc.double({ min: 99, max: 104, noNaN: true }), fc.double({ min: 12, max: 16, noNaN: true }), fc.double({ min: 0.01, max: 3, noNaN: true }), fc.double({ min: 0.01, max: 3, noNaN: true })])(
    'samples the same value as the full grid everywhere inside the crop',
    (seed, west, south, w, h) => {
      const g = seededGrid({ width: 13, height: 9, west: 100, north: 15.5, pixelWidthDeg: 0.25, seed, noDataShare: 0.1 });
      const c = cropGrid(g, { west, south, east: west + w, north: south + h });
      if (!c) return;
      for (let r = 0; r < c.height; r++) for (let k = 0; k < c.width; k++) {
        const lon = c.west + (k + 0.5) * c.pixelWidthDeg;
        const lat = c.north - (r + 0.5) * c.pixelHeightDeg;
        expect(Object.is(sampleRaster(c, lon, lat), sampleRaster(g, lon, lat))).toBe(true);
      }
    },
  );
});

describe('cropGrid with centres (map tiles)', () => {
  it('takes the pixels whose centre is in the box, west/north inclusive', () => {
    // Centres at lon 100.5, 101.5, 102.5 and lat 14.5, 13.5.
    const c = cropGrid(grid, { west: 100.5, east: 102.5, south: 13.5, north: 14.5 }, { centres: true })!;
    expect([c.width, c.height, c.west, c.east, c.north, c.south]).toEqual([2, 1, 100, 102, 15, 14]);
    expect(Array.from(c.values)).toEqual([0, 1]);
    expect(cropGrid(grid, { west: 100.6, east: 101.4, south: 13, north: 15 }, { centres: true })).toBeNull();
  });

  test.prop([fc.integer({ min: 1, max: 1000 }), fc.double({ min: 99.5, max: 103.5, noNaN: true }), fc.double({ min: 12.5, max: 15.5, noNaN: true })])(
    'four boxes meeting at a point share no pixel and together hold every pixel of their union',
    (seed, x, y) => {
      const g = seededGrid({ width: 13, height: 9, west: 100, north: 15.5, pixelWidthDeg: 0.25, seed });
      const boxes = [
        { west: 99, east: x, south: y, north: 16 }, { west: x, east: 104, south: y, north: 16 },
        { west: 99, east: x, south: 12, north: y }, { west: x, east: 104, south: 12, north: y },
      ];
      const seen = new Map<string, number>();
      for (const b of boxes) {
        const c = cropGrid(g, b, { centres: true });
        if (!c) continue;
        for (let r = 0; r < c.height; r++) for (let k = 0; k < c.width; k++) {
          const key = `${Math.round((c.west - g.west) / g.pixelWidthDeg) + k},${Math.round((g.north - c.north) / g.pixelHeightDeg) + r}`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
      }
      expect(seen.size).toBe(g.width * g.height);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    },
  );
});

describe('downsampleGridMean', () => {
  it('averages the valid pixels of each block (partial blocks at the edges)', () => {
    const d = downsampleGridMean(grid, 2);
    expect([d.width, d.height, d.pixelWidthDeg, d.west, d.north, d.east, d.south]).toEqual([2, 1, 2, 100, 15, 104, 13]);
    // Block (0,0): 0, 1, 10, NaN → 11 / 3; block (0,1): 2, 12 → 7.
    expect(d.values[0]).toBeCloseTo(11 / 3, 6);
    expect(d.values[1]).toBe(7);
    expect(downsampleGridMean(grid, 1)).toBe(grid);
  });

  test.prop([fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 2, max: 5 })])('keeps the total of valid values (brute-force block sums)', (seed, factor) => {
    const g = seededGrid({ width: 11, height: 7, west: 100, north: 15, pixelWidthDeg: 0.1, seed, noDataShare: 0.2 });
    const d = downsampleGridMean(g, factor);
    for (let R = 0; R < d.height; R++) for (let C = 0; C < d.width; C++) {
      let s = 0;
      let n = 0;
      for (let r = R * factor; r < Math.min(g.height, (R + 1) * factor); r++) for (let c = C * factor; c < Math.min(g.width, (C + 1) * factor); c++) {
        const v = g.values[r * g.width + c];
        if (v === v) { s += v; n++; }
      }
      if (n === 0) expect(d.values[R * d.width + C]).toBeNaN();
      else expect(d.values[R * d.width + C]).toBeCloseTo(s / n, 4);
    }
  });
});
