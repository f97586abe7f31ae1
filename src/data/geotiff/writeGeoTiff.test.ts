import { fromArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { seededGrid } from '../../domain/raster/seededRaster';
import { writeGeoTiff, type WriteGeoTiffInput } from './writeGeoTiff';

// Expected values come from the input itself (a lossless round trip) or from a brute-force
// 2×2 mean; the reader is geotiff.js, written independently of this writer.
const grid = seededGrid({ width: 37, height: 29, west: 100, north: 15, pixelWidthDeg: 1 / 240, seed: 7, noDataShare: 0.05, zeroShare: 0.3 });
const base: WriteGeoTiffInput = { width: grid.width, height: grid.height, west: grid.west, north: grid.north, pixelWidth: grid.pixelWidthDeg, pixelHeight: grid.pixelHeightDeg, values: grid.values };

async function readBack(bytes: Uint8Array, index = 0) {
  const tiff = await fromArrayBuffer(bytes.slice().buffer);
  const image = await tiff.getImage(index);
  const [band] = await image.readRasters({ interleave: false });
  return { tiff, image, values: band as Float32Array };
}

const encodings: [string, Partial<WriteGeoTiffInput>][] = [
  ['tiled 16, deflate', { layout: { tiled: true, tileSize: 16 }, compression: 'deflate' }],
  ['tiled 32, deflate, float predictor', { layout: { tiled: true, tileSize: 32 }, compression: 'deflate', predictor: 3 }],
  ['tiled 16, none, horizontal predictor', { layout: { tiled: true, tileSize: 16 }, compression: 'none', predictor: 2 }],
  ['strips of 7 rows, deflate', { layout: { tiled: false, rowsPerStrip: 7 }, compression: 'deflate' }],
  ['one strip, none', { layout: { tiled: false, rowsPerStrip: 1000 }, compression: 'none' }],
  ['strips of 1 row, deflate, float predictor', { layout: { tiled: false, rowsPerStrip: 1 }, compression: 'deflate', predictor: 3 }],
];

describe('writeGeoTiff', () => {
  it.each(encodings)('%s round-trips bit-exactly through geotiff.js', async (_, enc) => {
    const { image, values } = await readBack(writeGeoTiff({ ...base, ...enc, noData: 'nan' }));
    expect(image.getWidth()).toBe(37);
    expect(image.getHeight()).toBe(29);
    expect(Array.from(values)).toEqual(Array.from(grid.values));
    expect(image.getOrigin().slice(0, 2)).toEqual([100, 15]);
    expect(image.getResolution().slice(0, 2)).toEqual([1 / 240, -1 / 240]);
    expect(image.getGeoKeys()).toMatchObject({ GTModelTypeGeoKey: 2, GTRasterTypeGeoKey: 1, GeographicTypeGeoKey: 4326, GeogAngularUnitsGeoKey: 9102, GeogCitationGeoKey: 'WGS 84' });
    expect(image.getGDALNoData()).toBeNaN();
  });

  it('writes numeric nodata in place of NaN and the exact GDAL_NODATA text', async () => {
    const { image, values } = await readBack(writeGeoTiff({ ...base, noData: -3.4e38, noDataText: '-3.39999999999999996e+38' }));
    expect(image.getFileDirectory().getValue('GDAL_NODATA')).toBe('-3.39999999999999996e+38\0');
    grid.values.forEach((v, i) => expect(values[i]).toBe(Number.isNaN(v) ? Math.fround(-3.4e38) : v));
  });

  it('adds overviews whose pixels are the mean of the valid pixels of each 2×2 block', async () => {
    const bytes = writeGeoTiff({ ...base, layout: { tiled: true, tileSize: 16 }, overviews: 2, noData: -9999 });
    const { tiff } = await readBack(bytes);
    expect(await tiff.getImageCount()).toBe(3);
    const ov1 = await readBack(bytes, 1);
    expect([ov1.image.getWidth(), ov1.image.getHeight()]).toEqual([19, 15]);
    expect(ov1.image.getFileDirectory().getValue('NewSubfileType')).toBe(1);
    for (let r = 0; r < 15; r++) {
      for (let c = 0; c < 19; c++) {
        const vs: number[] = [];
        for (const [dr, dc] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
          const sr = 2 * r + dr, sc = 2 * c + dc;
          if (sr < 29 && sc < 37 && !Number.isNaN(grid.values[sr * 37 + sc])) vs.push(grid.values[sr * 37 + sc]);
        }
        const want = vs.length ? Math.fround(vs.reduce((a, b) => a + b, 0) / vs.length) : -9999;
        expect(ov1.values[r * 19 + c]).toBe(want);
      }
    }
    const ov2 = await readBack(bytes, 2);
    expect([ov2.image.getWidth(), ov2.image.getHeight()]).toEqual([10, 8]);
  });

  it('writes several bands pixel-interleaved with their descriptions', async () => {
    const b2 = grid.values.map((v) => v * 2);
    const bytes = writeGeoTiff({ ...base, values: [grid.values, b2], bandDescriptions: ['2024-03', '2025-03'], predictor: 3 });
    const tiff = await fromArrayBuffer(bytes.slice().buffer);
    const image = await tiff.getImage(0);
    expect(image.getSamplesPerPixel()).toBe(2);
    const [x, y] = (await image.readRasters({ interleave: false })) as Float32Array[];
    expect(Array.from(x)).toEqual(Array.from(grid.values));
    expect(Array.from(y)).toEqual(Array.from(b2));
    expect(await image.getGDALMetadata(1)).toMatchObject({ DESCRIPTION: '2025-03' });
  });

  it('is deterministic: the same input gives the same bytes', () => {
    const a = writeGeoTiff({ ...base, overviews: 1, predictor: 3 });
    const b = writeGeoTiff({ ...base, overviews: 1, predictor: 3 });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('refuses a band of the wrong length', () => {
    expect(() => writeGeoTiff({ ...base, values: new Float32Array(3) })).toThrow(/band 1 has 3 values/);
  });
});
