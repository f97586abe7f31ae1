/**
 * Issue 8: files dropped on the demo make one real workspace — boundaries with Thai names,
 * TPMAP tables with split records, village points, services, basic data and a lights raster —
 * whose numbers equal the CLI's import of the same files; nothing synthetic is labelled or used;
 * the join report names the municipal pseudo-subdistricts; a reload restores the same view; bad
 * boundary files are imported or refused with the file and reason, and what was loaded stays; a
 * names-only district file lands at district level with its DOPA codes (issue 14 item 8).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { externalRequests, launch, launchPersistent, mapPixelStats, openPage, waitForMap, type PageSession } from './browser';
import { cliJson, type MpiRow } from './cli';
import { parseShownNumber } from './reference';
import { DISTRICT_TH, writeWorkspaceFixture } from './workspaceFixtures';

const base = inject('baseUrl');
let browser: Browser;
let s: PageSession;
const dir = mkdtempSync(join(tmpdir(), 'cheepao-workspace-'));
const fx = writeWorkspaceFixture(dir);
const wsDir = join(dir, 'cli-workspace');
execFileSync('node_modules/.bin/tsx', ['src/cli/main.ts', 'import', ...fx.good, '--out', wsDir], { stdio: 'ignore' });
const shown = async (id: string) => parseShownNumber(await s.page.locator(`[data-testid=${id}]`).innerText());

beforeAll(async () => {
  browser = await launch();
  s = await openPage(browser, base);
  await waitForMap(s.page);
});
afterAll(async () => {
  await browser?.close();
});

describe('a real-data workspace in the browser', () => {
  let wsId = '';
  it('dropping files on the demo starts a new workspace that equals the CLI import', async () => {
    await s.page.click('[data-testid=tab-workspace]');
    await s.page.locator('[data-testid=open-file] input').setInputFiles(fx.good);
    await expect.poll(() => s.page.locator('[data-testid=import-line]').count(), { timeout: 60_000 }).toBeGreaterThan(3);
    await expect.poll(() => new URL(s.page.url()).searchParams.get('ws') ?? '').toMatch(/^ws-/);
    wsId = new URL(s.page.url()).searchParams.get('ws')!;
    await waitForMap(s.page);
    // Issue 15 item 5: the map fits the imported province (73, Nakhon Pathom, about 99.8–100.4 E,
    // 13.6–14.2 N), not the national view with the province a speck; the URL keeps that view.
    const camera = () => s.page.evaluate(() => {
      const m = (window as unknown as { __cheepaoMap: { getZoom: () => number; getCenter: () => { lng: number; lat: number } } }).__cheepaoMap;
      return { zoom: m.getZoom(), ...m.getCenter() };
    });
    await expect.poll(async () => (await camera()).zoom, { timeout: 30_000 }).toBeGreaterThan(7.5);
    const fitted = await camera();
    expect(fitted.lng).toBeGreaterThan(99.7);
    expect(fitted.lng).toBeLessThan(100.5);
    expect(fitted.lat).toBeGreaterThan(13.5);
    expect(fitted.lat).toBeLessThan(14.3);
    await expect.poll(() => new URL(s.page.url()).searchParams.get('at') ?? '').toMatch(/^\d+\.\d\d\//);
    // The same URL in a second tab (same browser storage) opens on the same camera; this tab keeps
    // its session (the import report is checked next).
    const tab2 = await s.page.context().newPage();
    await tab2.goto(s.page.url());
    await waitForMap(tab2);
    const restored = await tab2.evaluate(() => {
      const m = (window as unknown as { __cheepaoMap: { getZoom: () => number; getCenter: () => { lng: number; lat: number } } }).__cheepaoMap;
      return { zoom: m.getZoom(), ...m.getCenter() };
    });
    await tab2.close();
    expect(Math.abs(restored.zoom - fitted.zoom)).toBeLessThan(0.01);
    expect(Math.abs(restored.lng - fitted.lng)).toBeLessThan(0.01);
    const summary = cliJson<{ by_year: Record<string, { target_poor: number; people: number }>; synthetic_layers: string[]; layers: { services: Record<string, number> } }>(['summary', '--data', wsDir]);
    expect(summary.synthetic_layers).toEqual([]);
    await s.page.click('[data-testid=tab-poverty]');
    await expect.poll(() => shown('stat-target-poor')).toBe(summary.by_year['2561'].target_poor);
    expect(await shown('stat-people')).toBe(summary.by_year['2561'].people);
    // Nothing synthetic on screen: no badge, the legend names the real sources.
    expect(await s.page.locator('[data-testid=synthetic-badge]').count()).toBe(0);
    expect(await s.page.locator('[data-testid=legend]').innerText()).not.toMatch(/สังเคราะห์|synthetic/i);
    await s.page.screenshot({ path: 'test-results/workspace-imported.png' });
  });

  it('reports the split records, the join and what each layer came from', async () => {
    await s.page.click('[data-testid=tab-workspace]');
    const report = await s.page.locator('[data-testid=import-report]').innerText();
    // In Thai (the app's language); the English line is the summary's title.
    expect(report).toMatch(/ระเบียน → 18 หมู่บ้าน/);
    expect(report).toMatch(/รวมหมู่บ้านที่แยกแถว/);
    expect(report).toMatch(/รหัสตำบล 2 รหัสไม่มีรูปแปลง/);
    expect(await s.page.locator('[data-testid=import-line]', { hasText: 'TPMAP พ.ศ. 2561' }).getAttribute('title')).toMatch(/TPMAP 2561 · .* records → 18 villages · .*split villages summed/);
    const layers = await s.page.locator('[data-testid=layer-list]').innerText();
    for (const f of ['adm1.geojson', 'adm3.geojson', 'villages.csv', 'services.csv', 'lights.tif', 'village-basic.csv']) expect(layers).toContain(f);
    expect(await s.page.locator('[data-testid=layer-list] .synthetic').count()).toBe(0);
    // The municipal pseudo-subdistricts are named in the details.
    await s.page.locator('[data-testid=import-line]', { hasText: 'การเชื่อมข้อมูล' }).click();
    expect(await s.page.locator('[data-testid=import-report]').innerText()).toMatch(/730151.*730251/s);
    // Its details in Thai, each with the English line as its title.
    const detail = s.page.locator('[data-testid=import-detail]', { hasText: 'ตำบลสมมุติของเทศบาลใน TPMAP 2 รหัส' });
    expect(await detail.getAttribute('title')).toMatch(/^2 TPMAP municipal pseudo-subdistricts .*730151, 730251$/);
  });

  it('draws the real polygons with their Thai names; areas without a polygon stay in the tables', async () => {
    await s.page.click('[data-testid=tab-poverty]');
    const district = cliJson<MpiRow[]>(['mpi', '--data', wsDir, '--level', 'district']).find((r) => r.code === '7301')!;
    await s.page.evaluate(() => (window as unknown as { __cheepaoMap: { fitBounds: (b: number[][], o: object) => void } }).__cheepaoMap.fitBounds([[99.85, 13.55], [100.35, 14.15]], { duration: 0 }));
    await s.page.goto(`${base}?ws=${wsId}&area=7301&year=2561&lang=th`);
    await waitForMap(s.page);
    await expect.poll(() => s.page.locator('[data-testid=area-name]').first().innerText()).toContain(DISTRICT_TH['7301']);
    await expect.poll(() => shown('stat-target-poor')).toBe(district.target_poor);
    // The municipal pseudo-subdistrict 730151 has no polygon but is in the children table and the total.
    expect(await s.page.locator('[data-testid=children-table]').innerText()).toContain('730151');
    const px = await mapPixelStats(s.page);
    expect(px.notSea).toBeGreaterThan(20_000);
    expect(px.distinctColours).toBeGreaterThan(3);
    await s.page.screenshot({ path: 'test-results/workspace-district.png' });
  });

  it('access uses the workspace services and lights its raster, never the demo', async () => {
    await s.page.click('[data-testid=tab-access]');
    await expect.poll(() => s.page.locator('[data-testid=service-count-health_promoting_hospital]').getAttribute('data-count'), { timeout: 60_000 }).toBe('2');
    expect(await s.page.locator('[data-testid=service-count-school]').getAttribute('data-count')).toBe('1');
    await s.page.click('[data-testid=tab-lights]');
    await expect.poll(() => s.page.locator('[data-testid=ntl-info-name]').innerText(), { timeout: 60_000 }).toContain('lights.tif');
  });

  it('places villages without a location at their subdistrict centroid only when asked, saying how many people', async () => {
    // The access panel first says how many villages have no location (= the CLI summary's count)
    // and which file adds them (issue 14 item 9).
    const summary = cliJson<{ layers: { villages: { total: number; located: number } } }>(['summary', '--data', wsDir]);
    const unlocated = summary.layers.villages.total - summary.layers.villages.located;
    expect(unlocated).toBeGreaterThan(0);
    await s.page.click('[data-testid=tab-access]');
    const note = s.page.locator('[data-testid=access-unlocated]');
    await expect.poll(() => note.getAttribute('data-unlocated')).toBe(String(unlocated));
    expect(await note.getAttribute('data-villages')).toBe(String(summary.layers.villages.total));
    await s.page.screenshot({ path: 'test-results/access-unlocated-th.png' });
    expect(await note.innerText()).toMatch(new RegExp(`หมู่บ้าน ${unlocated} จาก ${summary.layers.villages.total.toLocaleString('en-US')} แห่งไม่มีพิกัด.*Shapefile`));
    await s.page.click('[data-testid=tab-workspace]');
    expect(await s.page.locator('[data-testid=placement-note]').count()).toBe(0);
    await s.page.click('[data-testid=centroid-toggle]');
    const villages = cliJson<MpiRow[]>(['mpi', '--data', wsDir, '--level', 'village']);
    const country = cliJson<MpiRow[]>(['mpi', '--data', wsDir, '--level', 'country'])[0];
    const share = (villages.find((v) => v.code === '73010203')!.people / country.people) * 100;
    await expect.poll(() => s.page.locator('[data-testid=placement-note]').first().innerText()).toContain(`1 แห่ง (${share.toFixed(1)} % ของประชากร)`);
    await s.page.click('[data-testid=tab-access]');
    await expect.poll(() => s.page.locator('[data-testid=access-panel] [data-testid=placement-note]').count()).toBe(1);
    await s.page.click('[data-testid=tab-workspace]');
    await s.page.click('[data-testid=centroid-toggle]');
    await expect.poll(() => s.page.locator('[data-testid=placement-note]').count()).toBe(0);
  });

  it('comes back after a reload: same workspace, same numbers', async () => {
    const before = await shown('stat-target-poor').catch(() => NaN);
    await s.page.reload();
    await waitForMap(s.page);
    expect(new URL(s.page.url()).searchParams.get('ws')).toBe(wsId);
    expect(await s.page.locator('[data-testid=dataset-select]').inputValue()).toBe(wsId);
    await s.page.click('[data-testid=tab-poverty]');
    if (Number.isFinite(before)) await expect.poll(() => shown('stat-target-poor')).toBe(before);
    await s.page.click('[data-testid=tab-workspace]');
    expect(await s.page.locator('[data-testid=layer-list]').innerText()).toContain('adm3.geojson');
  });

  it('bad boundary files: each imported or refused naming the file and the reason; the workspace stays', async () => {
    await s.page.click('[data-testid=tab-workspace]');
    const layersBefore = await s.page.locator('[data-testid=layer-list] li').count();
    await s.page.locator('[data-testid=open-file] input').setInputFiles(fx.projected);
    await expect.poll(() => s.page.locator('[data-testid=import-refused]').last().innerText()).toMatch(/utm-adm1\.geojson: .*EPSG::32647/);
    expect(await s.page.locator('[data-testid=layer-list] li').count()).toBe(layersBefore);
    await s.page.locator('[data-testid=open-file] input').setInputFiles(fx.broken);
    await expect.poll(() => s.page.locator('[data-testid=import-report]').innerText()).toMatch(/broken-adm2\.geojson: รูปแปลงอำเภอ 2 รูป .*ซ่อม \d+ รูป · ข้าม 1 รูป/);
    await s.page.locator('[data-testid=open-file] input').setInputFiles(fx.namesOnly);
    await expect.poll(() => s.page.locator('[data-testid=import-report]').innerText()).toMatch(/names-only\.geojson: รูปแปลงจังหวัด 1 รูป · จับคู่ด้วยชื่อจังหวัด .*ชื่อที่ไม่พบ: Nowhere/);
    // Names only, at district level: matched within the province against the shipped gazetteer
    // (7301 เมืองนครปฐม, 7302 กำแพงแสน in OCHA COD-AB), the name that is no district listed.
    const layersNow = await s.page.locator('[data-testid=layer-list] li').count();
    await s.page.locator('[data-testid=open-file] input').setInputFiles(fx.namesDistricts);
    // The report line is in Thai (the app's language), its English in the line's title.
    await expect.poll(() => s.page.locator('[data-testid=import-report]').innerText()).toMatch(/names-districts\.geojson: รูปแปลงอำเภอ 2 รูป · จับคู่ด้วยชื่ออำเภอภายในจังหวัด \(ADM1_TH\) กับทะเบียนรหัส DOPA: ตรง 2 จาก 3 ชื่อ · ข้าม 1 รูป · ชื่อที่ไม่พบ: ไม่มีอำเภอนี้ \/ Nowhere/);
    expect(await s.page.locator('[data-testid=import-line]', { hasText: 'names-districts.geojson' }).getAttribute('title')).toMatch(/names-districts\.geojson: 2 district polygons · matched by district name within province \(ADM1_TH\) against the DOPA code gazetteer: 2 of 3 names · 1 skipped · unmatched names: ไม่มีอำเภอนี้ \/ Nowhere/);
    expect(await s.page.locator('[data-testid=import-report]').textContent()).toMatch(/names-districts\.geojson: feature 3: "ไม่มีอำเภอนี้ \/ Nowhere" matches no district in นครปฐม — skipped/);
    expect(await s.page.locator('[data-testid=layer-list] li').count()).toBe(layersNow);
    await s.page.click('[data-testid=tab-poverty]');
    expect(await shown('stat-target-poor')).toBeGreaterThan(0);
    expect(externalRequests(s.requests, base)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});

describe('browser storage refusing the import (quota)', () => {
  it('says so in Thai and English, saves nothing, and what was loaded stays — also after a reload', async () => {
    // Chromium's own quota override (CDP Storage.overrideQuotaForOrigin, made for testing this)
    // gives a real QuotaExceededError from IndexedDB, not a mock. Chromium reads an origin's quota
    // when its storage is first opened, so each step sets it before the page loads, in a browser
    // whose profile (and so the workspaces) persists from one launch to the next.
    const profile = mkdtempSync(join(tmpdir(), 'cheepao-quota-'));
    const origin = new URL(base).origin;
    const step = async (quotaSize: number | null, run: (page: Page, errors: string[]) => Promise<void>) => {
      const ctx = await launchPersistent(profile);
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const cdp = await ctx.newCDPSession(page);
      if (quotaSize !== null) await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize });
      await page.goto(base);
      await waitForMap(page);
      await run(page, errors);
      expect(errors).toEqual([]);
      await ctx.close();
    };
    const importFiles = async (page: Page, files: string[]) => {
      await page.click('[data-testid=tab-workspace]');
      await page.locator('[data-testid=open-file] input').setInputFiles(files);
    };
    const refusedText = (page: Page) => page.locator('[data-testid=import-refused]').last().innerText();

    // 1. A new workspace that does not fit (1 KB quota): refused, the demo stays, nothing listed.
    await step(1024, async (page) => {
      const demoTargetPoor = await page.locator('[data-testid=stat-target-poor]').innerText();
      await importFiles(page, fx.good);
      await expect.poll(() => refusedText(page), { timeout: 60_000 }).toMatch(/พื้นที่เก็บข้อมูลของเบราว์เซอร์เต็ม.*browser storage is full/s);
      expect(await page.locator('[data-testid=dataset-select]').inputValue()).toBe('demo');
      expect(await page.locator('[data-testid=dataset-select] option').count()).toBe(1);
      await page.click('[data-testid=tab-poverty]');
      expect(await page.locator('[data-testid=stat-target-poor]').innerText()).toBe(demoTargetPoor);
    });
    // 2. With room the workspace is made.
    let layersBefore = '';
    let wsUrl = '';
    await step(null, async (page) => {
      await importFiles(page, fx.good);
      await expect.poll(() => new URL(page.url()).searchParams.get('ws') ?? '', { timeout: 60_000 }).toMatch(/^ws-/);
      await waitForMap(page);
      layersBefore = await page.locator('[data-testid=layer-list]').innerText();
      wsUrl = page.url();
    });
    // 3. No room left: repaired district polygons that would replace its district layer are
    //    refused, and the workspace is whole — on screen and after the next launch.
    await step(1024, async (page) => {
      await page.goto(wsUrl);
      await waitForMap(page);
      await importFiles(page, [fx.broken]);
      await expect.poll(() => refusedText(page), { timeout: 60_000 }).toMatch(/browser storage is full/);
      expect(await page.locator('[data-testid=layer-list]').innerText()).toBe(layersBefore);
    });
    await step(null, async (page) => {
      await page.goto(wsUrl);
      await waitForMap(page);
      await page.click('[data-testid=tab-workspace]');
      await expect.poll(() => page.locator('[data-testid=layer-list]').innerText()).toBe(layersBefore);
      expect(layersBefore).not.toContain('broken-adm2.geojson');
    });
  });
});
