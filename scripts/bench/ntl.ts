/**
 * `npm run bench -- ntl`: nighttime lights on the national demo data — decoding the 15″ raster,
 * the time to show the national raster (as the app's lights worker does it), a zoomed-in tile, zonal statistics for every village (2 km buffers) against the
 * naive and brute-force references, and per-area polygon statistics.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { generateNtlGeoTiff } from '../demo/ntl';
import { readManifest, readVillages } from '../../src/data/dataset';
import { openRaster, readRasterGrid } from '../../src/data/geotiff/readRasterGrid';
import { dirReader } from '../../src/data/nodeReader';
import { bufferZonalStats } from '../../src/domain/raster/bufferZonalStats';
import { bufferZonalStatsBruteForce, bufferZonalStatsNaive } from '../../src/domain/raster/bufferZonalStatsReference';
import { ntlImageRgba, suggestedMaxRadianceNw } from '../../src/domain/raster/ntlColour';
import { polygonZonalStats } from '../../src/domain/raster/polygonZonalStats';
import { cropGrid } from '../../src/domain/raster/resample';
import { readNationalDisplay } from '../../src/data/geotiff/readDisplay';
import type { BenchSection } from '../bench';

/** Median of n timed runs after one warm-up, ms. */
function timeMs(n: number, fn: () => void): number {
  fn();
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(n / 2)];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

const bench: BenchSection = async ({ dataDir, report }) => {
  const read = dirReader(dataDir);
  const manifest = await readManifest(read);
  const villages = await readVillages(read, manifest);
  const ntlName = (manifest.files as { ntl?: string }).ntl ?? 'ntl.tif';
  let bytes: Uint8Array;
  if (existsSync(join(dataDir, ntlName))) {
    bytes = new Uint8Array(readFileSync(join(dataDir, ntlName)));
    process.stdout.write(`raster: ${join(dataDir, ntlName)} (${(bytes.length / 1e6).toFixed(2)} MB)\n`);
  } else {
    // No demo raster yet: our own generator on the demo villages, Bangkok as the only town.
    const t0 = performance.now();
    bytes = generateNtlGeoTiff({
      villages: Array.from({ length: villages.count }, (_, i) => ({ lon: villages.lon[i], lat: villages.lat[i], people: 480 })),
      towns: [{ lon: 100.5018, lat: 13.7563, weight: 1 }],
      seed: 2565,
    });
    process.stdout.write(`raster: generated in memory by scripts/demo/ntl.ts (${(bytes.length / 1e6).toFixed(2)} MB, ${(performance.now() - t0).toFixed(0)} ms)\n`);
  }

  // Timings are wall-clock on a shared 2-core machine; the load says how far to trust them.
  report('load average (1 min) before timing', loadavg()[0], '');
  const [grid, decodeMs] = await timeAsync(() => readRasterGrid(bytes, { name: ntlName, requireFullResolution: true }));
  report(`decode full resolution ${grid.width} × ${grid.height} px (in memory)`, decodeMs, 'ms');
  const [, blobMs] = await timeAsync(() => readRasterGrid(new Blob([bytes as BlobPart]), { name: ntlName, requireFullResolution: true }));
  report('decode full resolution from a Blob (as a dropped File)', blobMs, 'ms');

  // What the app's lights worker does before the raster first appears (src/worker/ntlApi.ts load):
  // open, read the finest level that fits a 2048 px texture, colour it.
  const [national, overviewMs] = await timeAsync(async () => {
    const r = await openRaster(bytes, ntlName);
    const d = await readNationalDisplay(r);
    const image = ntlImageRgba(d.grid, suggestedMaxRadianceNw(d.grid));
    return { d, image };
  });
  report(`time to show the national raster (open + level ${national.d.level} ${national.d.grid.width} × ${national.d.grid.height} + RGBA, in the worker)`, overviewMs, 'ms');
  report('full-resolution RGBA image (whole window)', timeMs(3, () => ntlImageRgba(grid, 100)), 'ms');
  // A zoom-7 map tile over Bangkok (512 px web-mercator tile ≈ 2.8° wide = 675 native pixels).
  const z7 = { west: 98.4375, east: 101.25, south: 11.1784, north: 13.9234 };
  report('map tile at zoom 7 (crop + RGBA)', timeMs(5, () => ntlImageRgba(cropGrid(grid, z7, { centres: true })!, 100)), 'ms');

  const n = villages.count;
  // The first call pays for instantiating the wasm kernel and for page-faulting its fresh memory
  // (≈ 36 MB for 75,000 villages); the lights worker pays it once per session, so it is shown apart.
  const tCold = performance.now();
  bufferZonalStats(grid, villages.lon, villages.lat, { radiusKm: 2 });
  report(`zonal stats, first call (wasm instantiate + memory growth)`, performance.now() - tCold, 'ms');
  const jsMs = timeMs(5, () => bufferZonalStats(grid, villages.lon, villages.lat, { radiusKm: 2, engine: 'js' }));
  report(`zonal stats, JS engine (same algorithm, for comparison)`, jsMs, 'ms');
  // The fast call and the naive loop are timed in alternation, five of each, so that both see the
  // same state of this shared VM: timed one after the other, a slow spell (every phase ≈ 1.8×
  // slower for some seconds, seen at load 0.0) that covered only one of them moved the ratio from
  // 20.8× to 12.4× between two runs of the same code (stop 33).
  // Each round times two calls: the first follows a call on another raster of the same shape (as
  // after loading another month), so it copies its window of values into the kernel's memory; the
  // second follows it on the same grid and villages (as on a radius change in the app) and reads
  // the window the first one left there.
  const other = { ...grid, values: grid.values.slice() };
  bufferZonalStats(grid, villages.lon, villages.lat, { radiusKm: 2 });
  bufferZonalStatsNaive(grid, villages.lon, villages.lat, { radiusKm: 2 });
  const newRasterRuns: number[] = [];
  const fastRuns: number[] = [];
  const naiveRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    bufferZonalStats(other, villages.lon, villages.lat, { radiusKm: 2 });
    let t0 = performance.now();
    bufferZonalStats(grid, villages.lon, villages.lat, { radiusKm: 2 });
    newRasterRuns.push(performance.now() - t0);
    t0 = performance.now();
    bufferZonalStats(grid, villages.lon, villages.lat, { radiusKm: 2 });
    fastRuns.push(performance.now() - t0);
    t0 = performance.now();
    bufferZonalStatsNaive(grid, villages.lon, villages.lat, { radiusKm: 2 });
    naiveRuns.push(performance.now() - t0);
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const fastMs = median(fastRuns);
  const naiveMs = median(naiveRuns);
  const newRasterMs = median(newRasterRuns);
  report(`zonal stats, ${n.toLocaleString('en')} villages, 2 km buffers (wasm kernel, as the app runs it on a radius change; median of 5)`, fastMs, 'ms');
  report('naive reference (haversineKm per bbox pixel), all villages (median of 5, alternated with the above)', naiveMs, 'ms');
  report('speed-up over the naive reference', naiveMs / fastMs, '×', '≥ 20× (issue 16)');
  const pairRatios = naiveRuns.map((x, i) => x / fastRuns[i]);
  report('  lowest ratio of the five alternated pairs', Math.min(...pairRatios), '×');
  report('  highest ratio of the five alternated pairs', Math.max(...pairRatios), '×');
  report('  the same right after another raster (window copied into the kernel; median of 5, alternated)', newRasterMs, 'ms');
  report('  its speed-up over the naive reference', naiveMs / newRasterMs, '×');
  const newPairRatios = naiveRuns.map((x, i) => x / newRasterRuns[i]);
  report('  its lowest ratio of the five alternated rounds', Math.min(...newPairRatios), '×');
  report('  its highest ratio of the five alternated rounds', Math.max(...newPairRatios), '×');

  const sample = 4;
  const idx = Array.from({ length: sample }, (_, i) => Math.floor((i * n) / sample));
  const sLon = idx.map((i) => villages.lon[i]);
  const sLat = idx.map((i) => villages.lat[i]);
  const t0 = performance.now();
  const brute = bufferZonalStatsBruteForce(grid, sLon, sLat, { radiusKm: 2 });
  const bruteMs = (performance.now() - t0) / sample;
  const fast = bufferZonalStats(grid, sLon, sLat, { radiusKm: 2 });
  const agree = idx.every((_, k) => fast.validPixels[k] === brute.validPixels[k] && fast.sum[k] === brute.sum[k]);
  report(`brute force (every pixel) per village, ${sample}-village sample${agree ? ', results equal' : ', RESULTS DIFFER'}`, bruteMs, 'ms');
  report('brute force extrapolated to all villages ÷ fast', (bruteMs * n) / fastMs, '×');

  for (const level of ['province', 'district', 'subdistrict'] as const) {
    const file = (manifest.files as { boundaries?: Record<string, string> }).boundaries?.[level];
    if (!file || !existsSync(join(dataDir, file))) continue;
    const fc = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const geoms = fc.features.map((f) => f.geometry);
    report(`polygon zonal stats, ${geoms.length} ${level} polygons (incl. areas)`, timeMs(3, () => polygonZonalStats(grid, geoms)), 'ms');
  }
};

export default bench;
