import { describe, expect, it } from 'vitest';
import { columnOf, rowOf, sampleRaster, type RasterGrid } from './grid';

// Hand-checkable 3 × 2 grid of 1° pixels from (100 E, 15 N): values are row·10 + column.
const grid: RasterGrid = {
  width: 3, height: 2, west: 100, south: 13, east: 103, north: 15, pixelWidthDeg: 1, pixelHeightDeg: 1,
  values: new Float32Array([0, 1, 2, 10, NaN, 12]), band: 1, bandCount: 1, bandDescriptions: [null], overviewLevel: 0, sourceName: 't', noData: null,
};

describe('sampleRaster', () => {
  it('returns the pixel containing the point (as gdallocationinfo -wgs84)', () => {
    expect(sampleRaster(grid, 100.5, 14.5)).toBe(0);
    expect(sampleRaster(grid, 102.99, 13.01)).toBe(12);
    // (101, 14) is the north-west corner of row 1, column 1, which holds nodata.
    expect(sampleRaster(grid, 101, 14)).toBeNaN();
    expect(sampleRaster(grid, 100.999, 13.999)).toBe(10);
  });
  it('is NaN outside the grid and on nodata', () => {
    expect(sampleRaster(grid, 99.9, 14)).toBeNaN();
    expect(sampleRaster(grid, 101.5, 15.01)).toBeNaN();
    expect(sampleRaster(grid, 103, 14)).toBeNaN();
    expect(sampleRaster(grid, 101.5, 13.5)).toBeNaN();
    expect([columnOf(grid, 102.5), rowOf(grid, 13.5)]).toEqual([2, 1]);
  });
});
