import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { writeGeoTiff } from '../../data/geotiff/writeGeoTiff';
import { columnCentreLon, rowCentreLat } from '../../domain/raster/grid';
import { bufferZonalStatsBruteForce } from '../../domain/raster/bufferZonalStatsReference';
import { seededGrid } from '../../domain/raster/seededRaster';
import { CliError } from '../io';
import zonal from './zonal';

// Expected numbers: the brute-force buffer reference and turf point-in-polygon over the same
// seeded raster, written to a GeoTIFF the command reads back.
const dir = mkdtempSync(join(tmpdir(), 'cheepao-zonal-'));
const grid = seededGrid({ width: 120, height: 100, west: 100, north: 15, pixelWidthDeg: 1 / 240, seed: 21, noDataShare: 0.05, zeroShare: 0.4 });
const raster = join(dir, 'ntl.tif');
writeFileSync(raster, writeGeoTiff({ width: 120, height: 100, west: 100, north: 15, pixelWidth: 1 / 240, pixelHeight: 1 / 240, values: [grid.values, grid.values.map((v) => v * 2)], noData: -9999, predictor: 3, layout: { tiled: true, tileSize: 64 } }));
const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));

async function run(args: string[]) {
  let stdout = '', stderr = '';
  await zonal(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { stdout, stderr };
}

describe('cli zonal', () => {
  const lon = [100.1, 100.25, 100.0, 100.49];
  const lat = [14.9, 14.8, 15.0, 14.6];

  it('points CSV (lng/latitude aliases): one row per point equal to the brute-force reference', async () => {
    const csv = file('p.csv', 'code,lng,Latitude,name\n' + lon.map((x, i) => `V${i},${x},${lat[i]},n${i}`).join('\n') + '\n');
    const out = JSON.parse((await run(['--raster', raster, '--points', csv, '--radius-km', '3'])).stdout);
    const ref = bufferZonalStatsBruteForce(grid, lon, lat, { radiusKm: 3 });
    expect(out.map((r: { id: string }) => r.id)).toEqual(['V0', 'V1', 'V2', 'V3']);
    out.forEach((r: Record<string, number>, i: number) => {
      expect(r.valid_pixels).toBe(ref.validPixels[i]);
      expect(r.sum).toBeCloseTo(ref.sum[i], 5);
      expect(r.mean).toBeCloseTo(ref.mean[i], 5);
      expect(r.lit_share).toBeCloseTo(ref.litShare[i], 5);
    });
  });

  it('GeoJSON points, band 2, threshold and CSV output; ids fall back to the row index', async () => {
    const gj = file('p.geojson', JSON.stringify({ type: 'FeatureCollection', features: lon.map((x, i) => ({ type: 'Feature', properties: i === 0 ? { id: 'A' } : {}, geometry: { type: 'Point', coordinates: [x, lat[i]] } })) }));
    const { stdout } = await run(['--raster', raster, '--points', gj, '--band', '2', '--threshold', '4', '--format', 'csv']);
    const lines = stdout.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('id,sum,mean,valid_pixels,lit_share');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['A', '1', '2', '3']);
    const ref = bufferZonalStatsBruteForce({ ...grid, values: grid.values.map((v) => v * 2) }, lon, lat, { radiusKm: 2, thresholdNw: 4 });
    expect(Number(lines[2].split(',')[1])).toBeCloseTo(ref.sum[1], 5);
    expect(Number(lines[2].split(',')[4])).toBeCloseTo(ref.litShare[1], 5);
  });

  it('polygons: sum, valid pixels and area per feature', async () => {
    const poly: Polygon = { type: 'Polygon', coordinates: [[[100.05, 14.85], [100.3, 14.88], [100.2, 14.65], [100.05, 14.85]]] };
    const gj = file('a.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '10' }, geometry: poly }] }));
    const [r] = JSON.parse((await run(['--raster', raster, '--polygons', gj])).stdout);
    let sum = 0, valid = 0;
    for (let y = 0; y < 100; y++) for (let x = 0; x < 120; x++) {
      const v = grid.values[y * 120 + x];
      if (!Number.isNaN(v) && booleanPointInPolygon(point([columnCentreLon(grid, x), rowCentreLat(grid, y)]), poly)) sum += v, valid++;
    }
    expect(r.id).toBe('10');
    expect(r.valid_pixels).toBe(valid);
    expect(r.sum).toBeCloseTo(sum, 4);
    expect(r.area_km2).toBeGreaterThan(0);
  });

  it.each([
    [['--points', 'x.csv'], /--raster is required/],
    [['--raster', raster], /exactly one of --points or --polygons/],
    [['--raster', raster, '--points', 'BAD'], /p_bad\.csv: row 3: lon "abc" is not a number/],
    [['--raster', raster, '--points', 'NOCOL'], /needs columns lon/],
    [['--raster', raster, '--points', 'CID'], /row 2: id "110…" has 13 digits like a citizen id/],
    [['--raster', raster, '--points', 'UTM'], /row 2: \(650000, 1500000\) is not longitude\/latitude/],
    [['--raster', raster, '--polygons', 'PTS'], /feature 0: geometry is Point, expected Polygon or MultiPolygon/],
    [['--raster', 'PROJ', '--points', 'OK'], /utm\.tif: is in a projected CRS \(EPSG:32647\)/],
    [['--raster', raster, '--points', 'OK', '--band', '3'], /has 2 bands; band 3 does not exist/],
  ])('bad input %j → CliError naming the file and row', async (args, message) => {
    const subst: Record<string, string> = {
      BAD: file('p_bad.csv', 'code,lon,lat\na,100.1,14.9\nb,abc,14.9\n'),
      NOCOL: file('p_nocol.csv', 'code,east,north\na,1,2\n'),
      CID: file('p_cid.csv', 'code,lon,lat\n1100000000001,100.1,14.9\n'),
      UTM: file('p_utm.csv', 'code,lon,lat\na,650000,1500000\n'),
      PTS: file('pts.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [100, 14] } }] })),
      OK: file('ok.csv', 'code,lon,lat\na,100.1,14.9\n'),
      PROJ: file('utm.tif', '') && (writeFileSync(join(dir, 'utm.tif'), writeGeoTiff({ width: 4, height: 4, west: 6e5, north: 1.6e6, pixelWidth: 500, pixelHeight: 500, values: new Float32Array(16), crs: { projectedEpsg: 32647 } })), join(dir, 'utm.tif')),
    };
    const p = run(args.map((a) => subst[a] ?? a));
    await expect(p).rejects.toBeInstanceOf(CliError);
    await expect(p).rejects.toThrow(message);
  });
});
