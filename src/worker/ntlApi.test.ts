import { describe, expect, it } from 'vitest';
import { writeGeoTiff } from '../data/geotiff/writeGeoTiff';
import { openRaster } from '../data/geotiff/readRasterGrid';
import { readNationalDisplay } from '../data/geotiff/readDisplay';
import { bufferZonalStatsBruteForce } from '../domain/raster/bufferZonalStatsReference';
import { mulberry32 } from '../domain/raster/seededRaster';
import { createNtlApi } from './ntlApi';

// A seeded float32 raster over Thailand's bbox at 0.05° (168 × 300), zero background, with nodata.
const W = 168;
const H = 300;
const rand = mulberry32(44);
const values = Float32Array.from({ length: W * H }, () => {
  const u = rand();
  return u < 0.05 ? NaN : u < 0.6 ? 0 : Math.fround(-Math.log(rand()) * 8);
});
const base = { width: W, height: H, west: 97.3, north: 20.5, pixelWidth: 0.05, pixelHeight: 0.05, values, noData: -9999 } as const;
const good = writeGeoTiff({ ...base, overviews: 2, layout: { tiled: true, tileSize: 64 }, compression: 'deflate' });
const plain = writeGeoTiff({ ...base, layout: { tiled: false, rowsPerStrip: 16 } });
const projected = writeGeoTiff({ ...base, west: 600_000, north: 1_600_000, pixelWidth: 500, pixelHeight: 500, crs: { projectedEpsg: 32647 } });
const file = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name);

describe('readNationalDisplay', () => {
  it('reads the finest overview that fits the texture limit', async () => {
    const r = await openRaster(good, 'good.tif');
    // Levels 168 × 300, 84 × 150, 42 × 75: only the last fits in 100 px.
    const d = await readNationalDisplay(r, 1, 100);
    expect([d.level, d.factor, d.grid.width, d.grid.height, d.full]).toEqual([2, 1, 42, 75, undefined]);
  });
  it('block-averages the full grid when no overview fits', async () => {
    const r = await openRaster(plain, 'plain.tif');
    const d = await readNationalDisplay(r, 1, 100);
    expect([d.level, d.factor, d.grid.width, d.grid.height]).toEqual([0, 3, 56, 100]);
    expect(d.full!.width).toBe(W);
  });
});

describe('the lights worker API', () => {
  it('loads a file, serves its full grid, tiles and village statistics (= brute force)', async () => {
    const api = createNtlApi();
    const lon = Float32Array.from([100.5018, 98.9853, 104.0, 97.31]);
    const lat = Float32Array.from([13.7563, 18.7883, 15.2, 20.49]);
    api.setVillages(lon, lat);
    const loaded = await api.load({ file: file(good, 'good.tif') });
    expect(loaded.info).toMatchObject({ name: 'good.tif', width: W, height: H, windowWidth: W, windowHeight: H, overviewCount: 2, noData: -9999, bandCount: 1, band: 1 });
    expect(loaded.info.display).toEqual({ level: 0, computedFactor: 1, width: W, height: H });
    expect(loaded.image.data.length).toBe(W * H * 4);
    const full = (await api.fullGrid(loaded.gen))!;
    expect(Array.from(full.grid.values)).toEqual(Array.from(values));
    const tile = (await api.tile(loaded.gen, { west: 100, east: 101.4, south: 13, north: 14.4 }))!;
    // Pixel centres from 100.025 to 101.375 and 14.375 to 13.025: 28 × 28.
    expect([tile.width, tile.height]).toEqual([28, 28]);
    expect(tile.bounds.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([100, 13, 101.4, 14.4]);
    const z = (await api.zonal(loaded.gen, 12, 0.5))!;
    const ref = bufferZonalStatsBruteForce(full.grid, lon, lat, { radiusKm: 12, thresholdNw: 0.5 });
    expect(Array.from(z.village.validPixels)).toEqual(Array.from(ref.validPixels));
    expect(Array.from(z.village.litPixels)).toEqual(Array.from(ref.litPixels));
    z.village.sum.forEach((s, i) => expect(s).toBeCloseTo(ref.sum[i], 6));
  });

  it('refuses a projected file with its CRS named, and keeps the raster already loaded', async () => {
    const api = createNtlApi();
    const first = await api.load({ file: file(good, 'good.tif') });
    await expect(api.load({ file: file(projected, 'utm.tif') })).rejects.toThrow(/utm\.tif: is in a projected CRS \(EPSG:32647\).*expected EPSG:4326/);
    expect(await api.tile(first.gen, { west: 100, east: 101, south: 13, north: 14 })).not.toBeNull();
    expect((await api.fullGrid(first.gen))!.grid.sourceName).toBe('good.tif');
    // A newer raster makes the old generation stale.
    const second = await api.load({ file: file(plain, 'plain.tif') });
    expect(second.gen).toBeGreaterThan(first.gen);
    expect(await api.tile(first.gen, { west: 100, east: 101, south: 13, north: 14 })).toBeNull();
    expect(await api.zonal(first.gen, 2, 0.5)).toBeNull();
  });

  it('refuses a raster whose Thailand window is over the pixel budget, naming file and sizes', async () => {
    const api = createNtlApi({ pixelBudget: 40_000 });
    await expect(api.load({ file: file(good, 'big.tif') })).rejects.toThrow(/big\.tif: the window over Thailand is 168 × 300 = 50,400 px at full resolution, over the budget of 40,000 px/);
  });

  it('refuses a raster outside Thailand', async () => {
    const api = createNtlApi();
    const europe = writeGeoTiff({ ...base, west: 2, north: 50 });
    await expect(api.load({ file: file(europe, 'europe.tif') })).rejects.toThrow(/europe\.tif: .*outside Thailand|does not overlap/);
  });
});
