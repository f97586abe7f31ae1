/**
 * Issue 14 end to end: office formats dropped on a workspace in the real browser.
 * - A workspace of TPMAP villages (boundaries, TPMAP export, services; no village points): the
 *   access panel says every village lacks a location.
 * - A zipped village-point Shapefile (generated: UTM 47N, Windows-874 DBF, no .cpg) dropped on the
 *   window: the villages become located — as many as the CLI import of the same files says — the
 *   access panel lists distances equal to `cli access` on that workspace, and the import report
 *   names the Shapefile, its CRS from the .prj and the detected DBF encoding.
 * - A KMZ (the one village the Shapefile lacks) and a workbook with three sheets: the report says
 *   which sheet became what, and which was left out and why.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { externalRequests, launch, openPage, waitForMap, type PageSession } from './browser';
import { cliJson } from './cli';
import { parseShownNumber } from './reference';
import { writeWorkspaceFixture } from './workspaceFixtures';
import { encodeCp874, zipPointShapefile } from '../../src/data/formats/pointShapefileFixture';

const base = inject('baseUrl');
let browser: Browser;
let s: PageSession;
const dir = mkdtempSync(join(tmpdir(), 'cheepao-formats-'));
mkdirSync('test-results', { recursive: true });
const fx = writeWorkspaceFixture(dir);
// The workspace without village points: boundaries, TPMAP, services.
const baseFiles = fx.good.filter((f) => /adm[123]\.geojson$|services\.csv$/.test(f) || fx.tpmap.includes(f));
// The village points of the fixture (all but 73010203) as a zipped Shapefile in UTM 47N, cp874, no .cpg.
const points = readFileSync(join(dir, 'villages.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const zipPath = join(dir, 'villages_utm47.zip');
writeFileSync(zipPath, zipPointShapefile({
  name: 'หมู่บ้าน_utm47',
  crs: 'EPSG:32647',
  encoding: 'windows-874',
  fields: [{ name: 'VILL_CODE', type: 'C', width: 8 }, { name: 'VILL_NAME', type: 'C', width: 40 }, { name: 'MOO', type: 'N', width: 4 }],
  rows: points.map(([code, lon, lat]) => ({ lon: Number(lon), lat: Number(lat), values: [code, `บ้านทดสอบ หมู่ ${Number(code.slice(6))}`, Number(code.slice(6))] })),
}));
// The missing village as a KMZ placemark with its code in ExtendedData.
const kmzPath = join(dir, 'หมู่บ้านเพิ่ม.kmz');
writeFileSync(kmzPath, zipSync({ 'doc.kml': strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>บ้านห้วยจรเข้</name>
<ExtendedData><SchemaData><SimpleData name="VILL_CODE">73010203</SimpleData></SchemaData></ExtendedData>
<Point><coordinates>100.0125,13.9125,0</coordinates></Point></Placemark></Document></kml>`) }));
// A workbook: village basic data below a title row, services, and a notes sheet that is no table.
const bookPath = join(dir, 'ข้อมูลอำเภอ.xlsx');
{
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['ข้อมูลพื้นฐานหมู่บ้าน (กชช.2ค) จังหวัดนครปฐม'], [], ['village_code', 'road', 'electricity', 'water', 'internet'], ['73010101', 1, 1, 0, 1], ['73010102', 0, 1, 1, 0], ['73020101', 1, 1, 1, 1]]), 'ข้อมูลพื้นฐาน');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['id', 'type', 'name_th', 'lon', 'lat'], ['X1', 'school', 'โรงเรียนบ้านหนึ่ง', 99.95, 13.65], ['X2', 'school', 'โรงเรียนบ้านสอง', 100.15, 13.75], ['X3', 'hospital', 'โรงพยาบาลสาม', 100.25, 14.05]]), 'บริการ');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['หมายเหตุ'], ['ข้อมูล ณ เดือนมีนาคม 2567']]), 'หมายเหตุ');
  writeFileSync(bookPath, new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })));
}
const cli = (args: string[]) => execFileSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { stdio: 'ignore' });
const wsBase = join(dir, 'ws-base');
const wsShp = join(dir, 'ws-shp');
cli(['import', ...baseFiles, '--out', wsBase]);
cli(['import', zipPath, '--into', wsBase, '--out', wsShp]);

type Summary = { villages: number; layers: { villages: { total: number; located: number } } };
const HPH = 'health_promoting_hospital';
const FILTER_KM = 8;

/** Drops files on the window as a person would (a drop event with the files in its DataTransfer). */
async function dropFiles(paths: string[]): Promise<void> {
  const files = paths.map((p) => ({ name: basename(p), b64: readFileSync(p).toString('base64') }));
  const dt = await s.page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files);
  await s.page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
  await s.page.dispatchEvent('body', 'drop', { dataTransfer: dt });
}

async function dismissNotices(): Promise<void> {
  const buttons = s.page.locator('[data-testid=notices] .notice button');
  while ((await buttons.count()) > 0) await buttons.first().click();
}

beforeAll(async () => {
  browser = await launch();
  s = await openPage(browser, base);
  await waitForMap(s.page);
});
afterAll(async () => {
  await browser?.close();
});

describe('office formats in the browser', () => {
  it('a workspace of TPMAP villages without points: the access panel says none has a location', async () => {
    const summary = cliJson<Summary>(['summary', '--data', wsBase]);
    expect(summary.layers.villages.located).toBe(0);
    await s.page.click('[data-testid=tab-workspace]');
    await s.page.locator('[data-testid=open-file] input').setInputFiles(baseFiles);
    await expect.poll(() => new URL(s.page.url()).searchParams.get('ws') ?? '', { timeout: 60_000 }).toMatch(/^ws-/);
    await s.page.click('[data-testid=tab-access]');
    const note = s.page.locator('[data-testid=access-unlocated]');
    await expect.poll(() => note.getAttribute('data-unlocated'), { timeout: 60_000 }).toBe(String(summary.layers.villages.total));
  });

  it('a zipped UTM 47N Shapefile with a cp874 DBF dropped on the window locates the villages; access shows their distances as the CLI computes them', async () => {
    const summary = cliJson<Summary>(['summary', '--data', wsShp]);
    expect(summary.layers.villages.located).toBe(points.length);
    const wsId = new URL(s.page.url()).searchParams.get('ws');
    await dropFiles([zipPath]);
    await s.page.click('[data-testid=tab-workspace]');
    const line = s.page.locator('[data-testid=import-line]', { hasText: 'villages_utm47.zip › หมู่บ้าน_utm47.shp' });
    await expect.poll(() => line.count(), { timeout: 60_000 }).toBe(1);
    // Added to the workspace on screen, not a new one.
    expect(new URL(s.page.url()).searchParams.get('ws')).toBe(wsId);
    expect(await line.innerText()).toContain(`พิกัดหมู่บ้าน ${points.length} แห่ง (รหัสจาก VILL_CODE, EPSG:32647 → EPSG:4326)`);
    expect(await line.getAttribute('title')).toContain(`${points.length} village locations (code from VILL_CODE, EPSG:32647 → EPSG:4326)`);
    await line.click();
    const details = await s.page.locator('[data-testid=import-report]').innerText();
    expect(details).toContain('CRS EPSG:32647 from หมู่บ้าน_utm47.prj');
    expect(details).toContain('DBF encoding windows-874 (detected, no .cpg)');
    // The Thai names of the cp874 DBF decoded in the browser's worker.
    expect(details).toContain('village names from column VILL_NAME (first: "บ้านทดสอบ หมู่ 1")');
    expect(await s.page.locator('[data-testid=layer-list]').innerText()).toContain('villages_utm47.zip');
    await s.page.screenshot({ path: 'test-results/formats-shapefile-report-th.png' });

    // Located: the access panel's count of villages without a location = the CLI's.
    await s.page.click('[data-testid=tab-access]');
    const unlocated = summary.layers.villages.total - summary.layers.villages.located;
    await expect.poll(() => s.page.locator('[data-testid=access-unlocated]').getAttribute('data-unlocated'), { timeout: 60_000 }).toBe(String(unlocated));

    // Distances: the villages farther than 8 km from a รพ.สต., and each one's distance, as `cli access` finds them.
    const ref = cliJson<{ code: string; by_type: Record<string, { nearest_km: number | null }> }[]>(['access', '--data', wsShp]);
    const far = ref.filter((r) => (r.by_type[HPH].nearest_km ?? -1) > FILTER_KM).sort((a, b) => b.by_type[HPH].nearest_km! - a.by_type[HPH].nearest_km!);
    expect(far.length).toBeGreaterThan(0);
    expect(ref.filter((r) => r.by_type[HPH].nearest_km !== null)).toHaveLength(points.length);
    await s.page.waitForSelector(`[data-testid=access-filter-type] option[value=${HPH}]`, { state: 'attached', timeout: 60_000 });
    await s.page.selectOption('[data-testid=access-filter-type]', HPH);
    await s.page.fill('[data-testid=access-filter-km]', String(FILTER_KM));
    await expect.poll(async () => {
      await s.page.waitForSelector('[data-testid=access-filter] .filter-result[data-stale="0"]', { timeout: 60_000 });
      return Number(await s.page.locator('[data-testid=access-filter-count]').getAttribute('data-count'));
    }, { timeout: 60_000 }).toBe(far.length);
    const rows = await s.page.locator('[data-testid=access-far-list] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.map((r) => r[0]).sort()).toEqual(far.map((r) => r.code).sort());
    for (const r of rows) {
      const km = far.find((x) => x.code === r[0])!.by_type[HPH].nearest_km!;
      expect(r[2], r[0]).toBe(`${km.toFixed(1)} กม.`);
    }
    await waitForMap(s.page);
    await dismissNotices();
    await s.page.screenshot({ path: 'test-results/formats-shapefile-access-th.png' });
  });

  it('a KMZ and a three-sheet workbook: the report says which sheet became what', async () => {
    await dropFiles([kmzPath, bookPath]);
    await s.page.click('[data-testid=tab-workspace]');
    const lines = s.page.locator('[data-testid=import-line]');
    await expect.poll(() => lines.filter({ hasText: 'ข้อมูลอำเภอ.xlsx › บริการ' }).count(), { timeout: 60_000 }).toBe(1);
    expect(await lines.filter({ hasText: 'หมู่บ้านเพิ่ม.kmz › doc.kml' }).innerText()).toContain('พิกัดหมู่บ้าน 1 แห่ง');
    expect(await lines.filter({ hasText: 'ข้อมูลอำเภอ.xlsx › บริการ' }).innerText()).toContain('สถานบริการ 3 แห่ง · 1 โรงพยาบาล, 0 รพ.สต., 2 โรงเรียน');
    const basic = lines.filter({ hasText: 'ข้อมูลอำเภอ.xlsx › ข้อมูลพื้นฐาน' });
    expect(await basic.innerText()).toContain('ข้อมูลพื้นฐาน 3 หมู่บ้าน');
    await basic.click();
    const details = await s.page.locator('[data-testid=import-report]').innerText();
    expect(details).toContain('header in row 3');
    expect(details).toMatch(/sheet "หมายเหตุ": no row of known columns.*not imported/);
    await s.page.screenshot({ path: 'test-results/formats-kmz-xlsx-report-th.png' });
    // The KMZ village is located too: no village is left without a location.
    await s.page.click('[data-testid=tab-access]');
    await expect.poll(() => s.page.locator('[data-testid=access-unlocated]').count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => s.page.locator('[data-testid=service-count-school]').getAttribute('data-count'), { timeout: 60_000 }).toBe('2');
  });

  it('a whole folder dropped on the window (sub-folders, Thai names, a hidden file) imports as `cli import DIR`', async () => {
    // A native directory drop: Chromium's own drag data with the folder's path (CDP
    // Input.dispatchDragEvent), so the page walks real File and Directory Entries (dropEntries.ts);
    // a DataTransfer made in the page cannot hold a directory.
    const root = join(dir, 'แฟ้มนครปฐม');
    for (const sub of ['ขอบเขต', 'tpmap 2561', 'บริการ']) mkdirSync(join(root, sub), { recursive: true });
    for (const f of fx.good) {
      const name = basename(f);
      const sub = /^adm\d/.test(name) ? 'ขอบเขต' : fx.tpmap.includes(f) ? 'tpmap 2561' : /services/.test(name) ? 'บริการ' : '';
      writeFileSync(join(root, sub, name), readFileSync(f));
    }
    writeFileSync(join(root, '.DS_Store'), 'not a data file');
    writeFileSync(join(root, 'tpmap 2561', '._adm1.geojson'), 'AppleDouble');
    const wsFolder = join(dir, 'ws-folder');
    cli(['import', root, '--out', wsFolder]);
    const ref = cliJson<{ by_year: Record<string, { target_poor: number }>; layers: { services: Record<string, number>; villages: { located: number } } }>(['summary', '--data', wsFolder]);

    const d = await openPage(browser, base);
    await waitForMap(d.page);
    const cdp = await d.page.context().newCDPSession(d.page);
    const data = { items: [], files: [root], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x: 300, y: 300, data });
    await expect.poll(() => new URL(d.page.url()).searchParams.get('ws') ?? '', { timeout: 60_000 }).toMatch(/^ws-/);
    await waitForMap(d.page);
    await d.page.click('[data-testid=tab-workspace]');
    const report = await d.page.locator('[data-testid=import-report]').innerText();
    // Every file of the tree was read (sub-folders walked), the hidden ones left out.
    expect(report).not.toMatch(/DS_Store|\._adm1/);
    const layers = await d.page.locator('[data-testid=layer-list]').innerText();
    for (const n of ['adm3.geojson', 'services.csv', 'villages.csv', 'lights.tif']) expect(layers).toContain(n);
    await d.page.click('[data-testid=tab-poverty]');
    await expect.poll(async () => parseShownNumber(await d.page.locator('[data-testid=stat-target-poor]').innerText()), { timeout: 60_000 }).toBe(ref.by_year['2561'].target_poor);
    await d.page.click('[data-testid=tab-access]');
    await expect.poll(() => d.page.locator('[data-testid=service-count-school]').getAttribute('data-count'), { timeout: 60_000 }).toBe(String(ref.layers.services.school));
    expect(d.consoleErrors).toEqual([]);
    await d.page.context().close();
  });

  it('village points saved by Thai Excel (Windows-874 CSV, CRLF) dropped on the window keep their Thai names', async () => {
    // The same points as the Shapefile above, as "CSV (Comma delimited)" from Excel on a Thai Windows;
    // read with File.text() (UTF-8 only) the names were U+FFFD runs. Encoded by the TIS-620 code chart.
    const csvPath = join(dir, 'หมู่บ้าน-excel.csv');
    const lines = ['VILL_CODE,VILL_NAME,lon,lat', ...points.map(([code, lon, lat]) => `${code},บ้านเอ็กเซล หมู่ ${Number(code.slice(6))},${lon},${lat}`)];
    writeFileSync(csvPath, encodeCp874(lines.join('\r\n') + '\r\n'));
    await dropFiles([csvPath]);
    await s.page.click('[data-testid=tab-workspace]');
    const line = s.page.locator('[data-testid=import-line]', { hasText: 'หมู่บ้าน-excel.csv' });
    await expect.poll(() => line.count(), { timeout: 60_000 }).toBe(1);
    expect(await line.innerText()).toContain(`พิกัดหมู่บ้าน ${points.length} แห่ง`);
    await line.click();
    const details = await s.page.locator('[data-testid=import-report]').innerText();
    expect(details).toContain('village names from column VILL_NAME (first: "บ้านเอ็กเซล หมู่ 1")');
    expect(details).not.toContain('\uFFFD');
  });

  it('made no request beyond 127.0.0.1 and logged no errors', () => {
    expect(externalRequests(s.requests, base)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
