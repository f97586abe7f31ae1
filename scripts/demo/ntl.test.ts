import { describe, expect, it } from 'vitest';
import { openRaster } from '../../src/data/geotiff/readRasterGrid';
import { THAILAND_BBOX, sampleRaster } from '../../src/domain/raster/grid';
import { generateNtlGeoTiff } from './ntl';

// A small synthetic input: Bangkok, two provincial towns 40 km apart, a few villages.
const input = {
  towns: [
    { lon: 100.5018, lat: 13.7563, weight: 40e6 },
    { lon: 102.0, lat: 15.0, weight: 1e6 },
    { lon: 102.37, lat: 15.0, weight: 0.8e6 },
  ],
  villages: [
    { lon: 99.0, lat: 18.8, people: 600 },
    { lon: 99.1, lat: 18.9, people: 300 },
  ],
  seed: 2565,
};

describe('generateNtlGeoTiff', () => {
  const bytes = generateNtlGeoTiff(input);

  it('is deterministic and small', () => {
    expect(Buffer.from(generateNtlGeoTiff(input)).equals(Buffer.from(bytes))).toBe(true);
    expect(bytes.length).toBeLessThan(1_000_000);
  });

  it('is a 15″ EPSG:4326 raster over Thailand with overviews down to ≤ 512 px', async () => {
    const r = await openRaster(bytes, 'ntl.tif');
    expect(r.info.bbox.west).toBeCloseTo(THAILAND_BBOX.west, 9);
    expect(r.info.bbox.north).toBeCloseTo(THAILAND_BBOX.north, 9);
    expect(r.info.bbox.east).toBeCloseTo(THAILAND_BBOX.east, 9);
    expect(r.info.bbox.south).toBeCloseTo(THAILAND_BBOX.south, 9);
    expect(r.info.levels[0]).toMatchObject({ width: 2016, height: 3600 });
    expect(r.info.levels[0].pixelWidthDeg).toBeCloseTo(1 / 240, 12);
    expect(r.info.levels[r.info.levels.length - 1].width).toBeLessThanOrEqual(512);
  });

  it('has a zero background, Bangkok brightest at VIIRS-like levels, dim villages and a faint road', async () => {
    const grid = await (await openRaster(bytes)).read({ bbox: 'full' });
    let zeros = 0, nan = 0, max = 0, maxAt = -1;
    grid.values.forEach((v, i) => (v === 0 ? zeros++ : Number.isNaN(v) ? nan++ : v > max && ((max = v), (maxAt = i))));
    expect(nan).toBe(0);
    expect(zeros / grid.values.length).toBeGreaterThan(0.9);
    expect(max).toBeGreaterThan(60);
    expect(max).toBeLessThan(300);
    const lonMax = grid.west + ((maxAt % grid.width) + 0.5) * grid.pixelWidthDeg;
    const latMax = grid.north - (Math.floor(maxAt / grid.width) + 0.5) * grid.pixelHeightDeg;
    expect(Math.abs(lonMax - 100.5018)).toBeLessThan(0.05);
    expect(Math.abs(latMax - 13.7563)).toBeLessThan(0.05);
    const village = sampleRaster(grid, 99.0, 18.8);
    expect(village).toBeGreaterThan(0.5);
    expect(village).toBeLessThan(5);
    // Midway between the two provincial towns (40 km apart), beyond both glows, the road is lit.
    let roadMax = 0;
    for (let dy = -2; dy <= 2; dy++) roadMax = Math.max(roadMax, sampleRaster(grid, 102.185, 15.0 + dy / 240));
    expect(roadMax).toBeGreaterThan(0.4);
    expect(roadMax).toBeLessThan(3);
  });
});
