import { describe, expect, it } from 'vitest';
import { THAILAND_BBOX } from '../../domain/raster/grid';
import { seededGrid } from '../../domain/raster/seededRaster';
import { GeoTiffRefusal, openRaster, readRasterGrid } from './readRasterGrid';
import { writeGeoTiff, type WriteGeoTiffInput } from './writeGeoTiff';

// Fixtures are written by writeGeoTiff (checked against geotiff.js in its own test and by
// gdalinfo once by hand); expected values are the seeded input itself.
const g = seededGrid({ width: 61, height: 47, west: 100, north: 15, pixelWidthDeg: 1 / 240, seed: 11, noDataShare: 0.04, zeroShare: 0.4 });
const base: WriteGeoTiffInput = { width: g.width, height: g.height, west: g.west, north: g.north, pixelWidth: g.pixelWidthDeg, pixelHeight: g.pixelHeightDeg, values: g.values };
const same = (a: Float32Array, b: Float32Array) => expect(Array.from(a).map(String)).toEqual(Array.from(b).map(String));

describe('readRasterGrid', () => {
  const encodings: [string, Partial<WriteGeoTiffInput>][] = [
    ['tiled deflate + float predictor, nodata -9999', { layout: { tiled: true, tileSize: 16 }, predictor: 3, noData: -9999 }],
    ['stripped uncompressed, NaN nodata', { layout: { tiled: false, rowsPerStrip: 5 }, compression: 'none', noData: 'nan' }],
    ['stripped deflate + horizontal predictor, nodata "-3.39999999999999996e+38"', { layout: { tiled: false, rowsPerStrip: 3 }, predictor: 2, noData: -3.4e38, noDataText: '-3.39999999999999996e+38' }],
    ['tiled, no nodata tag (NaN still nodata)', { layout: { tiled: true, tileSize: 32 } }],
    ['tiled zstd (stored blocks) + float predictor', { layout: { tiled: true, tileSize: 32 }, compression: 'zstd-stored', predictor: 3, noData: -9999 }],
  ];
  it.each(encodings)('%s: reads the same grid, nodata as NaN', async (_, enc) => {
    const grid = await readRasterGrid(writeGeoTiff({ ...base, ...enc }), { name: 'fixture.tif', bbox: 'full' });
    same(grid.values, g.values);
    expect(grid).toMatchObject({ width: 61, height: 47, west: 100, north: 15, band: 1, bandCount: 1, overviewLevel: 0, sourceName: 'fixture.tif' });
    expect(grid.east).toBeCloseTo(100 + 61 / 240, 12);
    expect(grid.south).toBeCloseTo(15 - 47 / 240, 12);
  });

  it('matches "-3.4e+38" nodata only after float32 rounding', async () => {
    // The tag text parses to -3.4e38 as a double, which is not the stored float32 value.
    expect(Math.fround(-3.4e38)).not.toBe(-3.4e38);
    const grid = await readRasterGrid(writeGeoTiff({ ...base, noData: -3.4e38, noDataText: '-3.4e+38' }), { bbox: 'full' });
    expect(grid.noData).toBe(-3.4e38);
    expect(grid.values.filter((v) => Number.isNaN(v)).length).toBe(g.values.filter((v) => Number.isNaN(v)).length);
  });

  it('chooses a band and reports the band descriptions', async () => {
    const b2 = g.values.map((v) => v + 1);
    const bytes = writeGeoTiff({ ...base, values: [g.values, b2], bandDescriptions: ['2024-03', '2025-03'], noData: -9999 });
    const grid = await readRasterGrid(bytes, { band: 2, bbox: 'full' });
    same(grid.values, b2);
    expect(grid.bandDescriptions).toEqual(['2024-03', '2025-03']);
    expect(grid.band).toBe(2);
    await expect(readRasterGrid(bytes, { band: 3, name: 'two.tif' })).rejects.toThrow('two.tif: has 2 bands; band 3 does not exist');
  });

  it('applies GDAL scale and offset after the nodata test', async () => {
    const grid = await readRasterGrid(writeGeoTiff({ ...base, noData: -9999, scale: 0.5, offset: 2 }), { bbox: 'full' });
    g.values.forEach((v, i) => expect(grid.values[i]).toBe(Number.isNaN(v) ? NaN : Math.fround(v * 0.5 + 2)));
  });

  it('reads only the window covering a bbox, snapped to whole pixels', async () => {
    const bytes = writeGeoTiff({ ...base, layout: { tiled: true, tileSize: 16 } });
    const bbox = { west: 100.05, south: 14.85, east: 100.1, north: 14.95 };
    const grid = await readRasterGrid(bytes, { bbox });
    const c0 = Math.floor(0.05 * 240), c1 = Math.ceil(0.1 * 240), r0 = Math.floor(0.05 * 240), r1 = Math.ceil(0.15 * 240);
    expect([grid.width, grid.height]).toEqual([c1 - c0, r1 - r0]);
    expect(grid.west).toBeCloseTo(100 + c0 / 240, 12);
    expect(grid.north).toBeCloseTo(15 - r0 / 240, 12);
    for (let r = 0; r < grid.height; r++) for (let c = 0; c < grid.width; c++) expect(String(grid.values[r * grid.width + c])).toBe(String(g.values[(r + r0) * 61 + c + c0]));
  });

  it('reads from a Blob by slices: a small window of a large file fetches a small part of it', async () => {
    const big = seededGrid({ width: 1024, height: 1024, west: 100, north: 15, pixelWidthDeg: 1 / 240, seed: 5 });
    const bytes = writeGeoTiff({ width: 1024, height: 1024, west: 100, north: 15, pixelWidth: 1 / 240, pixelHeight: 1 / 240, values: big.values, layout: { tiled: true, tileSize: 256 } });
    let sliced = 0;
    class CountingBlob extends Blob {
      override slice(start?: number, end?: number, type?: string): Blob {
        sliced += (end ?? this.size) - (start ?? 0);
        return super.slice(start, end, type);
      }
    }
    const grid = await readRasterGrid(new CountingBlob([bytes as BlobPart]), { bbox: { west: 100.01, south: 14.97, east: 100.02, north: 14.99 } });
    expect(grid.values[0]).toBe(big.values[Math.floor(0.01 * 240) * 1024 + Math.floor(0.01 * 240)]);
    expect(sliced).toBeLessThan(bytes.length / 4);
  });

  it('uses the finest overview that fits the pixel budget, and reports its level', async () => {
    const bytes = writeGeoTiff({ ...base, layout: { tiled: true, tileSize: 16 }, overviews: 2 });
    const r = await openRaster(bytes, 'cog.tif');
    expect(r.info.levels.map((l) => [l.width, l.height])).toEqual([[61, 47], [31, 24], [16, 12]]);
    const ov = await r.read({ bbox: 'full', pixelBudget: 1000 });
    expect(ov.overviewLevel).toBe(1);
    expect([ov.width, ov.height]).toEqual([31, 24]);
    expect(ov.east).toBeCloseTo(g.east, 12);
    expect((await r.read({ bbox: 'full', pixelBudget: 200 })).overviewLevel).toBe(2);
    await expect(r.read({ bbox: 'full', pixelBudget: 100 })).rejects.toThrow(/cog\.tif: the window to read is 61 × 47 = 2,867 px at full resolution \(192 px at the coarsest overview\), over the budget of 100 px/);
    await expect(r.read({ bbox: 'full', pixelBudget: 1000, requireFullResolution: true })).rejects.toThrow(GeoTiffRefusal);
  });

  it('places PixelIsPoint rasters half a pixel up and left, as GDAL does', async () => {
    const grid = await readRasterGrid(writeGeoTiff({ ...base, pixelIsPoint: true }), { bbox: 'full' });
    expect(grid.west).toBeCloseTo(100, 12);
    expect(grid.north).toBeCloseTo(15, 12);
  });

  it('refuses a raster outside the requested area, naming both extents', async () => {
    const far = writeGeoTiff({ ...base, west: 140, north: -30 });
    await expect(readRasterGrid(far, { name: 'aus.tif' })).rejects.toThrow(/aus\.tif: covers lon 140…140\.254, lat -30\.196…-30, which does not overlap the requested area lon 97\.3…105\.7/);
    expect(THAILAND_BBOX.west).toBe(97.3);
  });

  it.each([
    [{ projectedEpsg: 32647 }, /utm47\.tif: is in a projected CRS \(EPSG:32647\); expected EPSG:4326/],
    ['none', /utm47\.tif: has no georeferencing \(no GeoTIFF GeoKeys\).*expected EPSG:4326/],
    [{ userGeographicEllipsoid: 7004 }, /utm47\.tif: is in a user-defined geographic CRS on ellipsoid EPSG:7004 \(Bessel 1841\), not WGS 84; expected EPSG:4326/],
  ] as const)('refuses CRS %j with a message naming the file and the CRS', async (crs, message) => {
    await expect(readRasterGrid(writeGeoTiff({ ...base, crs }), { name: 'utm47.tif' })).rejects.toThrow(message);
  });

  it('accepts a user-defined geographic CRS on the WGS 84 ellipsoid', async () => {
    const grid = await readRasterGrid(writeGeoTiff({ ...base, crs: { userGeographicEllipsoid: 7030 } }), { bbox: 'full' });
    expect(grid.width).toBe(61);
  });

  it('refuses bytes that are not a TIFF', async () => {
    await expect(readRasterGrid(new TextEncoder().encode('village,lon,lat\n'), { name: 'v.csv' })).rejects.toThrow(/v\.csv: not a readable GeoTIFF/);
  });
});
