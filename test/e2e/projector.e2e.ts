/**
 * Issue 15 items 6–7 on a projector's screen: at 1024 × 768 and 1280 × 720 every map legend fits
 * beside the map (its box covers ≤ 20 % of the map) and a real workspace's sources collapse to one
 * line with a toggle; a workspace of TPMAP tables and boundaries only (no lights, services or
 * village data) is ranked by need alone with a Thai message naming the missing inputs — never the
 * raw "no potential input" error — and its map is drawn in the need classes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import bbox from '@turf/bbox';
import type { FeatureCollection } from 'geojson';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, mapPixelStats, openPage, pixelAt, waitForMap } from './browser';
import { writeWorkspaceFixture } from './workspaceFixtures';
import { QUADRANTS } from '../../src/domain/targeting/typology';

const base = inject('baseUrl');
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'cheepao-projector-'));
const fx = writeWorkspaceFixture(dir);

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Share of the map's box covered by the element's box (0 when the element is not shown). */
async function coverOfMap(page: Page, selector: string): Promise<number> {
  const map = await page.locator('[data-testid=map]').boundingBox();
  const el = await page.locator(selector).first().boundingBox();
  if (!map || !el) return 0;
  const w = Math.max(0, Math.min(map.x + map.width, el.x + el.width) - Math.max(map.x, el.x));
  const h = Math.max(0, Math.min(map.y + map.height, el.y + el.height) - Math.max(map.y, el.y));
  return (w * h) / (map.width * map.height);
}

async function importFiles(page: Page, files: string[]): Promise<void> {
  await page.click('[data-testid=tab-workspace]');
  await page.locator('[data-testid=open-file] input').setInputFiles(files);
  await expect.poll(() => new URL(page.url()).searchParams.get('ws') ?? '', { timeout: 90_000 }).toMatch(/^ws-/);
  await waitForMap(page);
}

const dist = (a: readonly number[], b: readonly number[]) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;
const rgb = (hex: string): [number, number, number] => {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

describe('projector sizes', () => {
  it('1024 × 768, a real workspace: the need, targeting and hot-spot legends each cover ≤ 20 % of the map; sources on one line', async () => {
    const s = await openPage(browser, base, { width: 1024, height: 768 });
    await waitForMap(s.page);
    await importFiles(s.page, fx.good);
    await s.page.click('[data-testid=tab-poverty]');
    await s.page.waitForSelector('[data-testid=legend]');
    const src = s.page.locator('[data-testid=legend] [data-testid=legend-source]');
    // One line: the count of files and the short source names, not every file name.
    expect(await src.innerText()).toMatch(/\d+ ไฟล์ · .*TPMAP พ\.ศ\. 2561/);
    expect(await src.innerText()).not.toContain('61_73_tambol_11111.csv');
    const needCover = await coverOfMap(s.page, '[data-testid=legend]');
    expect(needCover).toBeGreaterThan(0);
    expect(needCover).toBeLessThanOrEqual(0.2);
    // The toggle lists the files, and hides them again.
    await src.locator('[data-testid=legend-source-toggle]').click();
    expect(await s.page.locator('[data-testid=legend-source-files]').innerText()).toContain('61_73_tambol_11111.csv');
    await src.locator('[data-testid=legend-source-toggle]').click();
    expect(await s.page.locator('[data-testid=legend-source-files]').count()).toBe(0);

    await s.page.click('[data-testid=tab-targeting]');
    await s.page.click('[data-testid=tg-mode-targeting]');
    await s.page.waitForSelector('[data-testid=tg-legend] li[data-quadrant]', { timeout: 120_000 });
    await s.page.screenshot({ path: 'test-results/projector-1024-targeting.png' });
    const tgCover = await coverOfMap(s.page, '[data-testid=tg-legend]');
    expect(tgCover).toBeGreaterThan(0);
    expect(tgCover).toBeLessThanOrEqual(0.2);
    expect(await s.page.locator('[data-testid=tg-legend] [data-testid=legend-source]').innerText()).toMatch(/\d+ ไฟล์ ·/);

    await s.page.click('[data-testid=tg-mode-hotspots]');
    await s.page.waitForSelector('[data-testid=hs-legend]', { timeout: 120_000 });
    const hsCover = await coverOfMap(s.page, '[data-testid=hs-legend]');
    expect(hsCover).toBeLessThanOrEqual(0.2);
    await s.page.context().close();
  });

  it('1280 × 720, the demo: need, targeting, lights and progress legends each cover ≤ 20 % of the map', async () => {
    const s = await openPage(browser, base, { width: 1280, height: 720 });
    await waitForMap(s.page);
    await s.page.waitForSelector('[data-testid=legend]');
    expect(await coverOfMap(s.page, '[data-testid=legend]')).toBeLessThanOrEqual(0.2);
    await s.page.click('[data-testid=tab-targeting]');
    await s.page.click('[data-testid=tg-mode-targeting]');
    await s.page.waitForSelector('[data-testid=tg-legend] li[data-quadrant]', { timeout: 120_000 });
    expect(await coverOfMap(s.page, '[data-testid=tg-legend]')).toBeLessThanOrEqual(0.2);
    await s.page.click('[data-testid=tg-mode-need]');
    await s.page.locator('[data-testid=ntl-toggle]').waitFor({ timeout: 60_000 });
    await s.page.locator('[data-testid=ntl-toggle]').check();
    await s.page.waitForSelector('[data-testid=ntl-legend]', { timeout: 60_000 });
    const lights = await coverOfMap(s.page, '[data-testid=ntl-control]');
    const need = await coverOfMap(s.page, '[data-testid=legend]');
    // Both are on the map at once: together they still leave the map readable.
    expect(lights).toBeLessThanOrEqual(0.2);
    expect(need).toBeLessThanOrEqual(0.2);
    await s.page.locator('[data-testid=ntl-toggle]').uncheck();
    await s.page.click('[data-testid=tab-progress]');
    // Measured once the records are read and the legend is complete (as-of date shown).
    await s.page.waitForSelector('[data-testid=progress-legend-asof]', { timeout: 120_000 });
    await waitForMap(s.page);
    expect(await coverOfMap(s.page, '[data-testid=progress-legend]')).toBeLessThanOrEqual(0.2);
    await s.page.screenshot({ path: 'test-results/projector-1280-progress.png' });
    await s.page.context().close();
  });
});

describe('a workspace with TPMAP and boundaries only', () => {
  it('ranks by need alone, says so in Thai with the missing inputs, and draws the need classes', async () => {
    const s = await openPage(browser, base, { width: 1280, height: 800 });
    await waitForMap(s.page);
    const adm = fx.good.filter((f) => /adm[123]\.geojson$/.test(f));
    await importFiles(s.page, [...adm, ...fx.tpmap]);
    await s.page.click('[data-testid=tab-targeting]');
    await s.page.click('[data-testid=tg-mode-targeting]');
    const banner = s.page.locator('[data-testid=tg-need-only]');
    await banner.waitFor({ timeout: 120_000 });
    const text = await banner.innerText();
    expect(text).toContain('จัดลำดับตามความต้องการอย่างเดียว');
    expect(text).toContain('นำเข้าไฟล์ตามรายการ');
    expect(await s.page.locator('[data-testid=tg-error]').count()).toBe(0);
    expect(await s.page.locator('body').innerText()).not.toMatch(/no potential input/);
    // Settings that act only on the potential are not offered; a note says when they appear.
    for (const id of ['tg-strategy', 'tg-need-weight', 'tg-normalise', 'tg-aggregate', 'tg-missing']) expect(await s.page.locator(`[data-testid=${id}]`).count()).toBe(0);
    expect(await s.page.locator('[data-testid=tg-potential-settings-hidden]').innerText()).toContain('ข้อมูลศักยภาพ');
    expect(await s.page.locator('[data-testid=tg-explain]').innerText()).not.toContain('ศักยภาพ 0.');
    // The panel names the file that adds each missing input (services, lights, village data).
    const missing = await s.page.locator('[data-testid=tg-missing-layers]').innerText();
    expect(missing).toMatch(/GeoTIFF/);
    expect(missing).toMatch(/สถานบริการ/);
    // Ranked: the table has every subdistrict with a need value, by need.
    await expect.poll(() => s.page.locator('[data-testid=tg-rows] tbody tr').count(), { timeout: 60_000 }).toBeGreaterThan(3);
    const needs = await s.page.$$eval('[data-testid=tg-rows] tbody tr', (trs) => trs.map((tr) => Number((tr.querySelectorAll('td')[2] as HTMLElement).innerText.replace(/[^\d.]/g, ''))));
    for (let i = 1; i < needs.length; i++) expect(needs[i]).toBeLessThanOrEqual(needs[i - 1]);
    // The legend shows the two need classes, not the four quadrants.
    const legend = s.page.locator('[data-testid=tg-legend]');
    expect(await legend.getAttribute('data-need-only')).toBe('true');
    expect(await legend.locator('li[data-quadrant]').count()).toBe(0);
    expect(await legend.innerText()).toContain('ความต้องการสูง');
    // The map is filled in the need-only colours (the bivariate palette's need axis): the top
    // subdistrict in orange (high need), the last ranked in light grey, none in a potential colour.
    await waitForMap(s.page);
    await s.page.screenshot({ path: 'test-results/need-only-targeting.png' });
    const codes = await s.page.$$eval('[data-testid=tg-rows] tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.code!));
    const adm3 = JSON.parse(readFileSync(fx.good.find((f) => f.endsWith('adm3.geojson'))!, 'utf8')) as FeatureCollection;
    const centre = (code: string) => {
      const f = adm3.features.find((x) => String(x.properties?.adm3_pcode) === `TH${code}`);
      if (!f) return null;
      const [w, so, e, n] = bbox(f);
      return [(w + e) / 2, (so + n) / 2] as const;
    };
    const top = codes.find((c) => centre(c))!;
    const last = [...codes].reverse().find((c) => centre(c))!;
    const classes = Object.values(QUADRANTS).map((q) => ({ id: q.id, c: rgb(q.colour) }));
    const nearest = (px: [number, number, number]) => classes.reduce((b, q) => (dist(q.c, px) < dist(b.c, px) ? q : b)).id;
    expect(nearest(await pixelAt(s.page, ...centre(top)!))).toBe('high_need_low_potential');
    expect(nearest(await pixelAt(s.page, ...centre(last)!))).toBe('low_need_low_potential');
    const px = await mapPixelStats(s.page, [rgb(QUADRANTS.high_need_high_potential.colour), rgb(QUADRANTS.low_need_high_potential.colour)]);
    expect(px.matches).toEqual([0, 0]);
    await s.page.context().close();
  });
});
