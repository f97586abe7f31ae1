/**
 * Issue 4 in the browser: the demo nighttime-light raster is drawn under the need map in the
 * right place; a GeoTIFF opened through the file input replaces it (drawn in the right place,
 * its statistics in the lights tab equal a brute-force count); a projected GeoTIFF is refused
 * with a visible message naming the file and its CRS while the loaded raster stays; zooming in
 * draws full-resolution tiles — and no request leaves 127.0.0.1, no console errors.
 *
 * The dropped rasters are written here with the project's own GeoTIFF writer (float32,
 * EPSG:4326, deflate, two bands with descriptions), so the test needs no downloaded file.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { booleanPointInPolygon } from '@turf/turf';
import bbox from '@turf/bbox';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { changedPixels, externalRequests, launch, openPage, pixelAt, snapshotMap, waitForMap, type PageSession } from './browser';
import { parseShownNumber } from './reference';
import { writeGeoTiff } from '../../src/data/geotiff/writeGeoTiff';
import { DEMO_DATA_DIR, dirReader } from '../../src/data/nodeReader';
import { readManifest, readVillages } from '../../src/data/dataset';
import { bufferZonalStatsBruteForce } from '../../src/domain/raster/bufferZonalStatsReference';
import type { RasterGrid } from '../../src/domain/raster/grid';

const base = inject('baseUrl');
let browser: Browser;
let s: PageSession;
mkdirSync('test-results', { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'ntl-e2e-'));

const BANGKOK: [number, number] = [100.5018, 13.7563];
const CHIANG_MAI: [number, number] = [98.9853, 18.7883];
/** Open water in the Gulf of Thailand, ~150 km from any coast. */
const GULF: [number, number] = [101.2, 11.0];

// Fixture: 0.05° pixels over Thailand's bbox; band 1 bright at Bangkok (250 nW peak) with a
// smaller Chiang Mai, band 2 bright only at Chiang Mai; everywhere else (sea included) a dark
// 0.2 nW, drawn in the darkest colour of the ramp.
const PX = 0.05;
const W = 168;
const H = 300;
const WEST = 97.3;
const NORTH = 20.5;
function band(spots: { at: [number, number]; peakNw: number; sigmaDeg: number }[]): Float32Array {
  const v = new Float32Array(W * H);
  for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
    const lon = WEST + (c + 0.5) * PX;
    const lat = NORTH - (r + 0.5) * PX;
    let x = 0.2;
    for (const s of spots) x += s.peakNw * Math.exp(-((lon - s.at[0]) ** 2 + (lat - s.at[1]) ** 2) / (2 * s.sigmaDeg ** 2));
    v[r * W + c] = x;
  }
  return v;
}
const band1 = band([{ at: BANGKOK, peakNw: 250, sigmaDeg: 0.15 }, { at: CHIANG_MAI, peakNw: 40, sigmaDeg: 0.1 }]);
const band2 = band([{ at: CHIANG_MAI, peakNw: 80, sigmaDeg: 0.1 }]);
const goodPath = join(dir, 'viirs-test-2025.tif');
writeFileSync(goodPath, writeGeoTiff({
  width: W, height: H, west: WEST, north: NORTH, pixelWidth: PX, pixelHeight: PX,
  values: [band1, band2], bandDescriptions: ['2025-01 (test)', '2025-02 (test)'],
  compression: 'deflate', predictor: 3, layout: { tiled: true, tileSize: 64 }, noData: -9999,
}));
// The same kind of raster in UTM zone 47N metres: must be refused, never drawn.
const projectedPath = join(dir, 'viirs-utm47.tif');
writeFileSync(projectedPath, writeGeoTiff({
  width: 64, height: 64, west: 600_000, north: 1_600_000, pixelWidth: 500, pixelHeight: 500,
  values: band1.slice(0, 64 * 64), crs: { projectedEpsg: 32647 }, compression: 'deflate',
}));

/** Brute force: every fixture pixel centre tested against every province polygon (turf). */
function provinceSums(values: Float32Array): Map<string, number> {
  const fc = JSON.parse(readFileSync(join(DEMO_DATA_DIR, 'boundaries/province.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
  const out = new Map<string, number>();
  for (const f of fc.features as Feature<Polygon | MultiPolygon>[]) {
    const [w, so, e, n] = bbox(f);
    let sum = 0;
    for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
      const lon = WEST + (c + 0.5) * PX;
      const lat = NORTH - (r + 0.5) * PX;
      if (lon < w || lon > e || lat < so || lat > n) continue;
      if (booleanPointInPolygon([lon, lat], f)) sum += values[r * W + c];
    }
    out.set(String(f.properties?.code), sum);
  }
  return out;
}

/** A sum as the panel shows it: whole numbers from 1,000, else three significant digits. */
const shownSum = (v: number) => (v >= 1000 ? Math.round(v) : Number(v.toPrecision(3)));

const luminance = ([r, g, b]: [number, number, number]) => 0.299 * r + 0.587 * g + 0.114 * b;

async function project(lon: number, lat: number): Promise<{ x: number; y: number }> {
  return s.page.evaluate(([lon, lat]) => {
    const m = (window as unknown as { __cheepaoMap: { project: (p: [number, number]) => { x: number; y: number } } }).__cheepaoMap;
    return m.project([lon, lat]);
  }, [lon, lat] as [number, number]);
}

async function tooltipAt(lon: number, lat: number): Promise<string> {
  const p = await project(lon, lat);
  await s.page.locator('[data-testid=map]').hover({ position: p });
  const tip = s.page.locator('.deck-tooltip');
  await expect.poll(async () => (await tip.isVisible()) && (await tip.innerText())).toBeTruthy();
  return tip.innerText();
}

/** Waits until the lights layer of raster `gen` (or 'off') is built and the map has drawn it. */
async function waitForLights(want: (v: string) => boolean): Promise<string> {
  await expect.poll(() => s.page.evaluate(() => document.body.dataset.ntlLayer ?? '')).toSatisfy(want);
  await waitForMap(s.page);
  return s.page.evaluate(() => document.body.dataset.ntlLayer ?? '');
}

beforeAll(async () => {
  browser = await launch();
  const t0 = Date.now();
  s = await openPage(browser, base);
  await waitForMap(s.page);
  await s.page.locator('[data-testid=ntl-toggle]').waitFor({ timeout: 60_000 });
  console.log(`e2e: lights control (national image ready) ${Date.now() - t0} ms after navigation`);
});
afterAll(async () => {
  await browser?.close();
});

describe('nighttime lights in the app', () => {
  let demoGen = '';

  it('draws the demo raster under the need map when switched on, in the right place', async () => {
    // Off by default: the need choropleth is the first thing to read.
    expect(await s.page.evaluate(() => document.body.dataset.ntlLayer)).toBe('off');
    await snapshotMap(s.page, 'lights-off');
    const bkkOff = await pixelAt(s.page, ...BANGKOK);
    const gulfOff = await pixelAt(s.page, ...GULF);

    await s.page.locator('[data-testid=ntl-toggle]').check();
    demoGen = await waitForLights((v) => v !== 'off' && v !== '');
    await s.page.screenshot({ path: 'test-results/ntl-demo-th.png' });
    await snapshotMap(s.page, 'lights-on');
    const bkk = await pixelAt(s.page, ...BANGKOK);
    const gulf = await pixelAt(s.page, ...GULF);
    // Bangkok's core is near the top of the inferno ramp (warm: red and green well above blue);
    // the Gulf is zero radiance (transparent), so the sea colour shows unchanged.
    expect(bkk, `Bangkok ${bkk} (lights off ${bkkOff})`).not.toEqual(bkkOff);
    expect(bkk[0] - bkk[2], `Bangkok ${bkk}`).toBeGreaterThan(40);
    expect(gulf).toEqual(gulfOff);
    expect(await changedPixels(s.page, 'lights-off', 'lights-on')).toBeGreaterThan(2000);

    const legend = await s.page.locator('[data-testid=ntl-legend]').innerText();
    expect(legend).toContain('nW/cm²/sr');
    expect(legend).toContain('ntl.tif');
    expect(legend).toContain('ข้อมูลสังเคราะห์');
  });

  it('gives the radiance under the cursor in the tooltip', async () => {
    // The tooltip samples the full-resolution grid once it has been decoded in the worker.
    await expect.poll(async () => tooltipAt(...BANGKOK), { timeout: 60_000 }).toMatch(/แสงไฟยามค่ำคืน: [\d.,]+ nW\/cm²\/sr/);
    const bkk = parseShownNumber((await tooltipAt(...BANGKOK)).split('\n')[0]);
    const gulf = parseShownNumber((await tooltipAt(...GULF)).split('\n')[0]);
    expect(bkk).toBeGreaterThan(10);
    expect(gulf).toBe(0);
    expect(await tooltipAt(...BANGKOK)).toContain('กรุงเทพมหานคร');
  });

  it('shows the selected area\'s light statistics beside its parent and the country, with its rank', async () => {
    await s.page.click('[data-testid=tab-lights]');
    await expect.poll(() => s.page.locator('[data-testid=ntl-stat-sum]').innerText(), { timeout: 60_000 }).toMatch(/\d/);
    expect(await s.page.locator('[data-testid=ntl-info-name]').innerText()).toContain('ntl.tif');
    await expect.poll(() => s.page.locator('[data-testid=ntl-timings]').innerText()).toMatch(/พื้นที่ \d+ ms/);
    console.log(`e2e: demo lights timings ${await s.page.locator('[data-testid=ntl-timings]').innerText()}`);
    expect(await s.page.locator('[data-testid=ntl-info-overview]').innerText()).toContain('overview');
    // Select Chiang Mai by clicking it on the map, through the lights layer.
    const p = await project(98.75, 18.95);
    await s.page.locator('[data-testid=map]').click({ position: p });
    await expect.poll(() => s.page.url()).toContain('area=50');
    await expect.poll(() => s.page.locator('[data-testid=ntl-rank]').innerText()).toMatch(/อันดับ \d+ จาก 77 จังหวัด/);
    const head = await s.page.locator('[data-testid=ntl-compare] thead').innerText();
    expect(head).toContain('ทั้งประเทศ');
    await waitForMap(s.page);
    await s.page.screenshot({ path: 'test-results/ntl-panel-chiangmai-th.png' });
  });

  it('replaces the raster with a dropped GeoTIFF, drawn in the right place, with its statistics', async () => {
    await s.page.click('[data-testid=breadcrumb] button >> nth=0').catch(() => undefined);
    await s.page.evaluate(() => {
      const m = (window as unknown as { __cheepaoMap: { jumpTo: (o: object) => void } }).__cheepaoMap;
      m.jumpTo({ center: [101, 13], zoom: 5 });
    });
    await waitForMap(s.page);
    await s.page.locator('[data-testid=ntl-file]').setInputFiles(goodPath);
    const gen = await waitForLights((v) => v !== 'off' && v !== '' && v !== demoGen);
    expect(gen).not.toBe(demoGen);
    await expect.poll(() => s.page.locator('[data-testid=ntl-info-name]').innerText()).toContain('viirs-test-2025.tif');
    await snapshotMap(s.page, 'dropped');
    const bkk = await pixelAt(s.page, ...BANGKOK);
    const gulf = await pixelAt(s.page, ...GULF);
    // Bright (top of the ramp) over Bangkok, the darkest ramp colour over the Gulf.
    expect(luminance(bkk), `Bangkok ${bkk}, Gulf ${gulf}`).toBeGreaterThan(luminance(gulf) + 40);
    const legend = await s.page.locator('[data-testid=ntl-legend]').innerText();
    expect(legend).toContain('viirs-test-2025.tif');
    expect(legend).toContain('2025-01 (test)');
    // The band chooser lists both bands with their descriptions.
    const options = await s.page.locator('[data-testid=ntl-band] option').allInnerTexts();
    expect(options).toEqual(['1 — 2025-01 (test)', '2 — 2025-02 (test)']);

    // Bangkok's sum of lights equals a brute-force count of the fixture's pixels in its polygon,
    // and its rank among the 77 provinces follows from the same count.
    const sums = provinceSums(band1);
    const ref = sums.get('10')!;
    const rank = 1 + [...sums.values()].filter((v) => v > ref).length;
    const p = await project(...BANGKOK);
    await s.page.locator('[data-testid=map]').click({ position: p });
    await expect.poll(() => s.page.url()).toContain('area=10');
    await expect.poll(async () => parseShownNumber(await s.page.locator('[data-testid=ntl-stat-sum]').innerText()), { timeout: 60_000 }).toBe(shownSum(ref));
    expect(await s.page.locator('[data-testid=ntl-rank]').innerText()).toContain(`อันดับ ${rank} จาก 77 จังหวัด`);
    await waitForMap(s.page);
    await s.page.screenshot({ path: 'test-results/ntl-dropped-bangkok-th.png' });
  });

  it('refuses a projected GeoTIFF with a visible message naming the file and its CRS; the loaded raster stays', async () => {
    const before = await s.page.evaluate(() => document.body.dataset.ntlLayer);
    await snapshotMap(s.page, 'before-refusal');
    await s.page.locator('[data-testid=ntl-file]').setInputFiles(projectedPath);
    const notice = s.page.locator('[data-testid=notices]');
    await expect.poll(() => notice.innerText()).toContain('viirs-utm47.tif');
    const text = await notice.innerText();
    expect(text).toContain('EPSG:32647');
    expect(text).toContain('EPSG:4326');
    await expect.poll(() => s.page.locator('[data-testid=ntl-error]').innerText()).toContain('EPSG:32647');
    await s.page.screenshot({ path: 'test-results/ntl-refused-th.png' });
    expect(await s.page.evaluate(() => document.body.dataset.ntlLayer)).toBe(before);
    expect(await s.page.locator('[data-testid=ntl-info-name]').innerText()).toContain('viirs-test-2025.tif');
    await waitForMap(s.page);
    await snapshotMap(s.page, 'after-refusal');
    expect(await changedPixels(s.page, 'before-refusal', 'after-refusal')).toBe(0);
  });

  it('switches to another band of the dropped file, with that band\'s statistics', async () => {
    const before = await s.page.evaluate(() => document.body.dataset.ntlLayer ?? '');
    await s.page.locator('[data-testid=ntl-band]').selectOption('2');
    const gen2 = await waitForLights((v) => v !== before && v !== 'off' && v !== '');
    await expect.poll(() => s.page.locator('[data-testid=ntl-legend]').innerText()).toContain('2025-02 (test)');
    // Band 2 has no Bangkok spot: 0.2 nW in every pixel of its polygon (brute force as above).
    const ref = provinceSums(band2).get('10')!;
    await expect.poll(async () => parseShownNumber(await s.page.locator('[data-testid=ntl-stat-sum]').innerText()), { timeout: 60_000 }).toBe(shownSum(ref));
    await s.page.locator('[data-testid=ntl-band]').selectOption('1');
    await expect.poll(() => s.page.locator('[data-testid=ntl-legend]').innerText()).toContain('2025-01 (test)');
    await waitForLights((v) => v !== gen2 && v !== 'off' && v !== '');
  });

  it('recomputes a village\'s buffer statistics when the radius changes (= brute force)', async () => {
    // Drill from Bangkok to a village through the "brightest" lists of the lights tab.
    for (const len of [4, 6, 8]) {
      await s.page.locator('[data-testid=ntl-children] tbody tr').first().click();
      await expect.poll(() => new URL(s.page.url()).searchParams.get('area')?.length).toBe(len);
    }
    const code = new URL(s.page.url()).searchParams.get('area')!;
    const read = dirReader(DEMO_DATA_DIR);
    const v = await readVillages(read, await readManifest(read));
    const i = Array.from(v.code).findIndex((c) => String(c).padStart(8, '0') === code);
    const grid: RasterGrid = {
      width: W, height: H, west: WEST, north: NORTH, east: WEST + W * PX, south: NORTH - H * PX, pixelWidthDeg: PX, pixelHeightDeg: PX,
      values: band1, band: 1, bandCount: 2, bandDescriptions: [], overviewLevel: 0, sourceName: 'fixture', noData: -9999,
    };
    for (const radiusKm of [2, 7.5]) {
      if (radiusKm !== 2) await s.page.locator('[data-testid=ntl-radius]').fill(String(radiusKm));
      const ref = bufferZonalStatsBruteForce(grid, [v.lon[i]], [v.lat[i]], { radiusKm });
      await expect.poll(async () => parseShownNumber(await s.page.locator('[data-testid=ntl-stat-validPixels]').innerText()), { timeout: 60_000 }).toBe(ref.validPixels[0]);
      expect(parseShownNumber(await s.page.locator('[data-testid=ntl-stat-sum]').innerText())).toBe(shownSum(ref.sum[0]));
    }
    await s.page.locator('[data-testid=ntl-radius]').fill('2');
    await s.page.screenshot({ path: 'test-results/ntl-village-th.png' });
  });

  it('draws full-resolution tiles when zoomed in', async () => {
    await s.page.click('[data-testid=lang-en]');
    const loadedBefore = await s.page.evaluate(() => Number(document.body.dataset.ntlTiles ?? 0));
    await s.page.evaluate(() => {
      const m = (window as unknown as { __cheepaoMap: { jumpTo: (o: object) => void } }).__cheepaoMap;
      m.jumpTo({ center: [100.55, 13.75], zoom: 8.6 });
    });
    await waitForMap(s.page);
    await expect.poll(() => s.page.evaluate(() => Number(document.body.dataset.ntlTiles ?? 0)), { timeout: 60_000 }).toBeGreaterThan(loadedBefore);
    await waitForMap(s.page);
    await s.page.screenshot({ path: 'test-results/ntl-zoom-bangkok-en.png' });
    await snapshotMap(s.page, 'zoom-on');
    await s.page.locator('[data-testid=ntl-toggle]').uncheck();
    await waitForLights((v) => v === 'off');
    await snapshotMap(s.page, 'zoom-off');
    // The tiles (not the national image) are what is drawn here: switching off changes the map.
    expect(await changedPixels(s.page, 'zoom-on', 'zoom-off')).toBeGreaterThan(5000);
    await s.page.locator('[data-testid=ntl-toggle]').check();
    expect(await s.page.locator('[data-testid=ntl-legend]').innerText()).toContain('log(1 + x) scale');
  });

  it('made no request beyond 127.0.0.1 and logged no errors', async () => {
    console.log(`e2e: lights timings ${await s.page.locator('[data-testid=ntl-timings]').innerText()}`);
    expect(externalRequests(s.requests, base)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
