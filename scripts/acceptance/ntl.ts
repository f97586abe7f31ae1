/**
 * Acceptance of nighttime-light reading and zonal statistics on real files written by other
 * tools (../shared/realdata, see its README). Not a unit test: it needs those files.
 *
 *   npx tsx scripts/acceptance/ntl.ts [REALDATA_DIR]     (default /work/shared/realdata)
 *
 * 1. Every file in ntl/ and geotiff/ is read as the app reads a dropped file (Thailand window,
 *    default pixel budget): a table of loaded (size, min/max, nodata count) or refused (message),
 *    checked against the expected outcome for each file. Files outside Thailand are also read
 *    in full to show they decode.
 * 2. All encodings of thailand_viirs_ntl_5km_2025-03 (deflate, COG, LZW + predictor 2, NaN
 *    nodata, PackBits, band 4 of the 4-band file, and a zstd copy when gdal_translate exists)
 *    give identical grids and identical zonal statistics.
 * 3. The README's known values (Bangkok ≈ 68.7, Chiang Mai ≈ 27.9, rural Loei ≈ 0.44) and zonal
 *    statistics computed with GDAL are reproduced (reference numbers below, with provenance).
 * 4. The same files through the app's lights worker API (as a dropped File): Thailand rasters are
 *    drawn (national image and full-resolution grid), every other file is refused with a message
 *    that starts with its name.
 * Exit code 1 if any check fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromArrayBuffer } from 'geotiff';
import type { MultiPolygon, Polygon } from 'geojson';
import { noDataMatcher, parseGdalNoData } from '../../src/data/geotiff/noData';
import { GeoTiffRefusal, readRasterGrid } from '../../src/data/geotiff/readRasterGrid';
import { bufferZonalStats } from '../../src/domain/raster/bufferZonalStats';
import { sampleRaster, type RasterGrid } from '../../src/domain/raster/grid';
import { polygonZonalStats } from '../../src/domain/raster/polygonZonalStats';
import { createNtlApi } from '../../src/worker/ntlApi';

/** What each real file must do when dropped on the app (Thailand window). */
const EXPECTED: Record<string, RegExp> = {
  'mumbai_april2012_no_georeference.tif': /refused: .*has no georeferencing \(no GeoTIFF GeoKeys\).*expected EPSG:4326/,
  'mumbai_viirs_radiance_2023-01_float32_deflate.tif': /refused: .*covers lon 72\.78\d*…72\.98\d*, .*does not overlap the requested area/,
  'thailand_viirs_ntl_5km_2025-03_float32_cog.tif': /loaded 185 × 331/,
  'thailand_viirs_ntl_5km_2025-03_float32_deflate.tif': /loaded 185 × 331/,
  'thailand_viirs_ntl_5km_2025-03_float32_lzw_pred2.tif': /loaded 185 × 331/,
  'thailand_viirs_ntl_5km_2025-03_float32_nan_nodata_lzw.tif': /loaded 185 × 331/,
  'thailand_viirs_ntl_5km_2025-03_float32_packbits.tif': /loaded 185 × 331/,
  'thailand_viirs_ntl_5km_march_2022-2025_4band_deflate.tif': /loaded 185 × 331 .*4 bands \[2022-03, 2023-03, 2024-03, 2025-03\]/,
  'GeogToWGS84GeoKey5.tif': /refused: .*user-defined geographic CRS on ellipsoid EPSG:7004 \(Bessel 1841\) with a datum shift to WGS 84/,
  'nt_20201024_f18_nrt_s.tif': /refused: .*user-defined projected CRS \(Polar Stereographic\)/,
  'nz_habitat_anticross_4326_1deg.tif': /refused: .*does not overlap the requested area/,
  'utm.tif': /refused: .*projected CRS \(EPSG:32617 "WGS 84 \/ UTM zone 17N"\)/,
  'vestfold.tif': /refused: .*user-defined projected CRS \(Polar Stereographic\)/,
  'wind_direction.tif': /refused: .*does not overlap the requested area/,
};

/**
 * Reference values written by another tool. Provenance: GDAL 3.6.2 (Debian 12 gdal-bin and
 * python3-gdal) with numpy 1.24, on 2026-11-27, reading
 * thailand_viirs_ntl_5km_2025-03_float32_deflate.tif with gdal.Open().ReadAsArray():
 *  - polygons: admin/th_adm1.geojson features rasterised with gdal.RasterizeLayer (GDAL's
 *    default pixel-centre rule, no ALL_TOUCHED) onto the raster's grid; sum of valid pixels
 *    (≠ -9999) in float64; lit = value > 0.5;
 *  - buffers: numpy haversine (R = 6371.0088 km) from each pixel centre, d ≤ radius;
 *  - pixels: the array element at int((lon − x0)/dx), int((lat − y0)/dy), as
 *    `gdallocationinfo -valonly -wgs84 FILE lon lat` prints (68.6636428833008, 27.8836784362793,
 *    0.436531245708466). "Rural Loei" has no coordinate in the README; 101.3973 E 17.5845 N is a
 *    rural pixel inside TH42 (checked with OGR Contains) whose value is ≈ 0.44.
 */
const GDAL_POLYGONS = [
  { code: 'TH10', sum: 1724.0075883865356, validPixels: 63, litPixels: 63 },
  { code: 'TH50', sum: 1027.2246534824371, validPixels: 937, litPixels: 520 },
  { code: 'TH42', sum: 388.3329408168793, validPixels: 438, litPixels: 316 },
  { code: 'TH73', sum: 553.3779904842377, validPixels: 86, litPixels: 86 },
];
const GDAL_BUFFERS = [
  { name: 'Bangkok', lon: 100.5018, lat: 13.7563, radiusKm: 10, sum: 523.3783283233643, validPixels: 12, litPixels: 12 },
  { name: 'Bangkok', lon: 100.5018, lat: 13.7563, radiusKm: 25, sum: 2347.0410408973694, validPixels: 81, litPixels: 81 },
  { name: 'Chiang Mai', lon: 98.9853, lat: 18.7883, radiusKm: 25, sum: 417.7762830853462, validPixels: 83, litPixels: 80 },
  { name: 'Loei', lon: 101.7223, lat: 17.486, radiusKm: 25, sum: 95.29178833961487, validPixels: 83, litPixels: 74 },
];
const KNOWN_PIXELS = [
  { name: 'Bangkok', lon: 100.5018, lat: 13.7563, readme: 68.7, gdal: 68.66364288330078 },
  { name: 'Chiang Mai', lon: 98.9853, lat: 18.7883, readme: 27.9, gdal: 27.883678436279297 },
  { name: 'rural Loei', lon: 101.3973, lat: 17.5845, readme: 0.44, gdal: 0.4365312457084656 },
];

let failures = 0;
function check(ok: boolean, what: string): void {
  if (!ok) failures++;
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'}  ${what}\n`);
}

function describeGrid(g: RasterGrid): string {
  let min = Infinity, max = -Infinity, nodata = 0;
  for (const v of g.values) {
    if (Number.isNaN(v)) nodata++;
    else (min = Math.min(min, v)), (max = Math.max(max, v));
  }
  const bands = g.bandCount > 1 ? `, ${g.bandCount} bands [${g.bandDescriptions.join(', ')}]` : '';
  return `loaded ${g.width} × ${g.height} px, min ${min.toPrecision(4)} max ${max.toPrecision(5)}, nodata ${nodata}, level ${g.overviewLevel}${bands}`;
}

async function outcome(path: string, options: Parameters<typeof readRasterGrid>[1] = {}): Promise<string> {
  try {
    return describeGrid(await readRasterGrid(new Blob([readFileSync(path)]), { name: path.split('/').pop(), ...options }));
  } catch (e) {
    if (e instanceof GeoTiffRefusal) return `refused: ${e.message}`;
    return `ERROR: ${(e as Error).stack}`;
  }
}

/** Pixels equal to GDAL_NODATA with and without float32 rounding (for files refused for their CRS). */
async function noDataCounts(path: string): Promise<string | null> {
  const b = readFileSync(path);
  const image = await (await fromArrayBuffer(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength))).getImage(0);
  const fd = image.getFileDirectory();
  if (!fd.hasTag('GDAL_NODATA')) return null;
  const text = fd.getValue('GDAL_NODATA') as string;
  const nd = parseGdalNoData(text);
  const [raw] = (await image.readRasters({ interleave: false })) as ArrayLike<number>[];
  const match = noDataMatcher(nd, image.getSampleFormat(0), image.getBitsPerSample(0));
  let rounded = 0, exact = 0;
  for (let i = 0; i < raw.length; i++) {
    if (match(raw[i]) && raw[i] === raw[i]) rounded++;
    if (raw[i] === nd) exact++;
  }
  return `GDAL_NODATA "${text.replace(/\0$/, '')}": ${rounded} pixels match after float32 rounding, ${exact} without`;
}

export default async function acceptance(realdata = '/work/shared/realdata'): Promise<number> {
  failures = 0;
  process.stdout.write(`\n## 1. Every real GeoTIFF: loaded or refused (Thailand window, default budget)\n\n`);
  for (const folder of ['ntl', 'geotiff']) {
    for (const f of readdirSync(join(realdata, folder)).filter((x) => x.endsWith('.tif')).sort()) {
      const path = join(realdata, folder, f);
      const o = await outcome(path);
      process.stdout.write(`${folder}/${f}\n    → ${o}\n`);
      if (/does not overlap/.test(o)) process.stdout.write(`    → full extent: ${await outcome(path, { bbox: 'full' })}\n`);
      const nd = /refused/.test(o) ? await noDataCounts(path) : null;
      if (nd) process.stdout.write(`    → ${nd}\n`);
      const want = EXPECTED[f];
      check(want ? want.test(o) : false, `${f}: ${want ? `matches ${want}` : 'has no expected outcome in this script'}`);
    }
  }
  const vestfold = await noDataCounts(join(realdata, 'geotiff', 'vestfold.tif'));
  check(/: [1-9]\d* pixels match after float32 rounding, 0 without/.test(vestfold ?? ''), `vestfold.tif: "-3.4e+38" nodata matches only after float32 rounding (${vestfold})`);
  const wind = await readRasterGrid(new Blob([readFileSync(join(realdata, 'geotiff', 'wind_direction.tif'))]), { bbox: 'full' });
  check(wind.values.includes(-32767), 'wind_direction.tif: fill -32767 without a nodata tag stays a value (no tag, no guessing)');

  process.stdout.write(`\n## 2. All encodings of thailand_viirs_ntl_5km_2025-03 give identical results\n\n`);
  const ntl = (f: string) => join(realdata, 'ntl', f);
  const variants: [string, string, number][] = [
    ['deflate', ntl('thailand_viirs_ntl_5km_2025-03_float32_deflate.tif'), 1],
    ['cog', ntl('thailand_viirs_ntl_5km_2025-03_float32_cog.tif'), 1],
    ['lzw_pred2', ntl('thailand_viirs_ntl_5km_2025-03_float32_lzw_pred2.tif'), 1],
    ['nan_nodata_lzw', ntl('thailand_viirs_ntl_5km_2025-03_float32_nan_nodata_lzw.tif'), 1],
    ['packbits', ntl('thailand_viirs_ntl_5km_2025-03_float32_packbits.tif'), 1],
    ['4band band 4 (2025-03)', ntl('thailand_viirs_ntl_5km_march_2022-2025_4band_deflate.tif'), 4],
  ];
  const tmp = mkdtempSync(join(tmpdir(), 'cheepao-ntl-'));
  try {
    execFileSync('gdal_translate', ['-q', '-co', 'COMPRESS=ZSTD', '-co', 'PREDICTOR=3', '-co', 'TILED=YES', '-co', 'BLOCKXSIZE=64', '-co', 'BLOCKYSIZE=64', variants[0][1], join(tmp, 'zstd.tif')]);
    variants.push(['zstd + predictor 3, tiled (gdal_translate, this run)', join(tmp, 'zstd.tif'), 1]);
  } catch {
    process.stdout.write('(gdal_translate not found: the zstd variant is skipped)\n');
  }
  const provinces = JSON.parse(readFileSync(join(realdata, 'admin', 'th_adm1.geojson'), 'utf8')) as { features: { properties: { adm1_pcode: string }; geometry: Polygon | MultiPolygon }[] };
  const geoms = GDAL_POLYGONS.map((p) => provinces.features.find((f) => f.properties.adm1_pcode === p.code)!.geometry);
  const results: { name: string; values: string; zonal: string; grid: RasterGrid }[] = [];
  for (const [name, path, band] of variants) {
    const grid = await readRasterGrid(new Blob([readFileSync(path)]), { band, name });
    const b = bufferZonalStats(grid, GDAL_BUFFERS.map((x) => x.lon), GDAL_BUFFERS.map((x) => x.lat), { radiusKm: 25 });
    const p = polygonZonalStats(grid, geoms);
    results.push({ name, grid, values: Array.from(grid.values).map(String).join(','), zonal: JSON.stringify([Array.from(b.sum), Array.from(b.validPixels), Array.from(p.sum), Array.from(p.validPixels)]) });
  }
  for (const r of results.slice(1)) {
    check(r.values === results[0].values && r.zonal === results[0].zonal, `${r.name}: grid and zonal statistics identical to deflate`);
  }
  const g = results[0].grid;

  process.stdout.write(`\n## 3. Known values and GDAL references\n\n`);
  for (const k of KNOWN_PIXELS) {
    const v = sampleRaster(g, k.lon, k.lat);
    check(v === Math.fround(k.gdal) && Math.abs(v - k.readme) < 0.05 + k.readme * 0.001, `${k.name} (${k.lon}, ${k.lat}): ${v} (README ≈ ${k.readme}; GDAL ${k.gdal})`);
  }
  const rel = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  for (const ref of GDAL_BUFFERS) {
    const s = bufferZonalStats(g, [ref.lon], [ref.lat], { radiusKm: ref.radiusKm });
    check(rel(s.sum[0], ref.sum) && s.validPixels[0] === ref.validPixels && s.litPixels[0] === ref.litPixels,
      `buffer ${ref.name} ${ref.radiusKm} km: sum ${s.sum[0].toFixed(6)} (GDAL/numpy ${ref.sum.toFixed(6)}), valid ${s.validPixels[0]} (${ref.validPixels}), lit ${s.litPixels[0]} (${ref.litPixels})`);
  }
  const p = polygonZonalStats(g, geoms);
  GDAL_POLYGONS.forEach((ref, i) => {
    check(rel(p.sum[i], ref.sum) && p.validPixels[i] === ref.validPixels && p.litPixels[i] === ref.litPixels,
      `province ${ref.code}: sum ${p.sum[i].toFixed(6)} (gdal.RasterizeLayer ${ref.sum.toFixed(6)}), valid ${p.validPixels[i]} (${ref.validPixels}), lit ${p.litPixels[i]} (${ref.litPixels}), mean ${p.mean[i].toFixed(4)}, area ${p.areaKm2[i].toFixed(0)} km²`);
  });

  process.stdout.write(`\n## 4. The app's path: each file dropped on the lights worker (src/worker/ntlApi.ts)\n\n`);
  for (const folder of ['ntl', 'geotiff']) {
    for (const f of readdirSync(join(realdata, folder)).filter((x) => x.endsWith('.tif')).sort()) {
      const api = createNtlApi();
      const file = new File([readFileSync(join(realdata, folder, f))], f);
      const shouldLoad = /^\/loaded/.test(String(EXPECTED[f]));
      try {
        const r = await api.load({ file });
        const full = await api.fullGrid(r.gen);
        const d = r.info.display;
        check(shouldLoad && !!full && full.grid.width === r.info.windowWidth,
          `${f}: drawn — window ${r.info.windowWidth} × ${r.info.windowHeight}, national image ${d.width} × ${d.height} (level ${d.level}), ramp top ${r.info.maxRadianceNw.toFixed(1)} nW, ${r.info.bandCount} band(s)${r.info.bandCount > 1 ? ` [${r.info.bandDescriptions.join(', ')}]` : ''}`);
      } catch (e) {
        const msg = (e as Error).message;
        check(!shouldLoad && msg.startsWith(`${f}: `), `${f}: refused — ${msg.slice(0, 160)}${msg.length > 160 ? '…' : ''}`);
      }
    }
  }

  process.stdout.write(`\n${failures ? `${failures} check(s) FAILED` : 'all checks passed'}\n`);
  return failures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? '/work/shared/realdata';
  if (!existsSync(dir)) {
    process.stderr.write(`${dir}: not found (pass the realdata directory)\n`);
    process.exit(2);
  }
  process.exitCode = (await acceptance(dir)) ? 1 : 0;
}
