/**
 * Issue 5 end to end: the services-and-access tab on the demo dataset. The distance filter's
 * highlighted count equals the CLI's (`npm run cli -- access --format json`), the highlights are
 * drawn, an imported service list adds services (and the filter follows a brute-force haversine
 * reference), a user's own type codes go through the mapping step, and a projected-coordinate
 * file is refused with a visible message while everything loaded stays. No request leaves
 * 127.0.0.1 and nothing is logged as an error.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { changedPixels, externalRequests, launch, mapPixelStats, openPage, snapshotMap, waitForMap, type PageSession } from './browser';
import { execFileSync } from 'node:child_process';
import { readManifest, readProfiles, readVillages, type Profiles, type Villages } from '../../src/data/dataset';
import { parseShownNumber } from './reference';
import { DEMO_DATA_DIR, dirReader } from '../../src/data/nodeReader';
import { haversineKm } from '../../src/domain/geo';
import { seededRandom } from '../../src/domain/access/bruteForceReference';
import { villageCodeString } from '../../src/domain/adminCodes';
import { encodeCp874 } from '../../src/data/formats/pointShapefileFixture';

const base = inject('baseUrl');
let browser: Browser;
let s: PageSession;
let cli: { code: string; by_type: Record<string, { nearest_km: number }> }[];
let villages: Villages;
let profiles: Profiles;
const dir = mkdtempSync(join(tmpdir(), 'access-e2e-'));
mkdirSync('test-results', { recursive: true });

// src/map/sources/access.ts FAR_VILLAGE_RGB: the far-village dots.
const MAGENTA: [number, number, number] = [214, 0, 178];
const FILTER_KM = 10;
const HPH = 'health_promoting_hospital';

const count = async (testId: string) => Number(await s.page.locator(`[data-testid=${testId}]`).getAttribute('data-count'));

/** Waits until the filter shows an answer for the current settings (not a stale one), then returns it. */
async function filterCount(): Promise<number> {
  await s.page.waitForSelector('[data-testid=access-filter] .filter-result[data-stale="0"]', { timeout: 60_000 });
  return count('access-filter-count');
}

/** Closes the notices so screenshots show the panel (they are checked before this is called). */
async function dismissNotices(): Promise<void> {
  const buttons = s.page.locator('[data-testid=notices] .notice button');
  while ((await buttons.count()) > 0) await buttons.first().click();
}

beforeAll(async () => {
  // The CLI on the same demo data: the reference for the highlighted count.
  // (75,000 rows of JSON: more than execFileSync's default 1 MiB buffer that cli.ts's cliJson uses.)
  const out = execFileSync('node_modules/.bin/tsx', ['src/cli/main.ts', 'access', '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  cli = JSON.parse(out);
  const read = dirReader(DEMO_DATA_DIR);
  const manifest = await readManifest(read);
  villages = await readVillages(read, manifest);
  profiles = await readProfiles(read, manifest, 2565, villages.count);
  browser = await launch();
  s = await openPage(browser, base);
  await waitForMap(s.page);
});
afterAll(async () => {
  await browser?.close();
});

describe('services and access in the app', () => {
  it('highlights exactly the villages the CLI finds farther than 10 km from a รพ.สต., and draws them', async () => {
    const before = await mapPixelStats(s.page, [MAGENTA]);
    await s.page.click('[data-testid=tab-access]');
    await s.page.waitForSelector('[data-testid=access-filter-type] option[value=health_promoting_hospital]', { state: 'attached', timeout: 120_000 });
    await s.page.selectOption('[data-testid=access-filter-type]', HPH);
    await s.page.fill('[data-testid=access-filter-km]', String(FILTER_KM));
    const expected = cli.filter((r) => r.by_type[HPH].nearest_km > FILTER_KM).length;
    expect(expected).toBeGreaterThan(0);
    await expect.poll(filterCount, { timeout: 60_000 }).toBe(expected);
    expect(await s.page.locator('[data-testid=access-filter-scope]').innerText()).toContain('ทั้งประเทศ');
    await waitForMap(s.page);
    const after = await mapPixelStats(s.page, [MAGENTA]);
    // Every far village is a magenta dot (≥ 3 px radius at national zoom); clustered ones overlap.
    expect(before.matches[0]).toBeLessThan(20);
    expect(after.matches[0], `magenta pixels for ${expected} villages`).toBeGreaterThan(2 * expected);
    // The panel lists them, farthest first, with Thai names.
    const rows = s.page.locator('[data-testid=access-far-list] tbody tr');
    expect(await rows.count()).toBe(Math.min(expected, 200));
    expect(await rows.first().innerText()).toContain('หมู่ที่');
    expect(await s.page.locator('[data-testid=access-area-mean] td[data-type=health_promoting_hospital]').innerText()).toMatch(/กม\./);
    // The area table agrees with the filter, and its people beyond equal a plain sum over the profiles.
    const far = new Set(cli.filter((r) => r.by_type[HPH].nearest_km > FILTER_KM).map((r) => r.code));
    let farPeople = 0;
    for (let i = 0; i < villages.count; i++) {
      if (!far.has(villageCodeString(villages.code[i]))) continue;
      for (let r = profiles.villageStart[i]; r < profiles.villageStart[i + 1]; r++) farPeople += profiles.persons[r];
    }
    expect(parseShownNumber(await s.page.locator('[data-testid=access-area-villages] td[data-type=health_promoting_hospital]').innerText())).toBe(expected);
    expect(parseShownNumber(await s.page.locator('[data-testid=access-area-beyond] td[data-type=health_promoting_hospital]').innerText())).toBe(farPeople);
    const ms = Number(await s.page.locator('[data-testid=access-compute-ms]').getAttribute('data-ms'));
    console.log(`e2e: access recompute in the worker ${ms} ms; ${expected} villages > ${FILTER_KM} km from a รพ.สต.`);
    await s.page.screenshot({ path: 'test-results/access-national-th.png' });

    // Each class toggles on its own: hospitals (drawn at national zoom) off and on again.
    await snapshotMap(s.page, 'with-hospitals');
    await s.page.click('[data-testid=service-toggle-hospital]');
    await waitForMap(s.page);
    await snapshotMap(s.page, 'without-hospitals');
    expect(await changedPixels(s.page, 'with-hospitals', 'without-hospitals')).toBeGreaterThan(1000);
    await s.page.click('[data-testid=service-toggle-hospital]');
    await waitForMap(s.page);
  });

  it('imports a service list through the file input; services are added and the filter follows a haversine reference', async () => {
    // Three รพ.สต. placed 1 km north of far villages spread through the list, plus 4 hospitals and 6 schools.
    const far = cli.filter((r) => r.by_type[HPH].nearest_km > FILTER_KM);
    const pos = new Map<string, number>();
    villages.code.forEach((c, i) => pos.set(villageCodeString(c), i));
    const picks = [0, Math.floor(far.length / 2), far.length - 1].map((k) => pos.get(far[k].code)!);
    const rand = seededRandom(5);
    const lines = ['id,type,name_th,lon,lat,capacity'];
    const added: { type: string; lon: number; lat: number }[] = [];
    picks.forEach((i, k) => {
      const lon = Math.round(villages.lon[i] * 1e5) / 1e5;
      const lat = Math.round((villages.lat[i] + 0.009) * 1e5) / 1e5;
      added.push({ type: HPH, lon, lat });
      lines.push(`E2E-H${k},รพ.สต.,รพ.สต.ทดสอบ ${k + 1},${lon},${lat},5`);
    });
    for (let k = 0; k < 4; k++) lines.push(`E2E-R${k},hospital,โรงพยาบาลทดสอบ ${k + 1},${(99 + rand() * 5).toFixed(5)},${(14 + rand() * 4).toFixed(5)},60`);
    for (let k = 0; k < 6; k++) lines.push(`E2E-S${k},โรงเรียน,โรงเรียนทดสอบ ${k + 1},${(99 + rand() * 5).toFixed(5)},${(14 + rand() * 4).toFixed(5)},300`);
    // Lines 15–17: a point in the South China Sea (refused), lat/lon swapped (fixed, kept), a repeated id (refused).
    lines.push('E2E-X1,school,โรงเรียนนอกประเทศ,120.5,14.2,100');
    lines.push('E2E-W1,school,โรงเรียนสลับพิกัด,15.1,100.9,100');
    lines.push('E2E-S0,school,รหัสซ้ำ,100.1,14.1,100');
    const file = join(dir, 'บริการเพิ่ม.csv');
    writeFileSync(file, '\uFEFF' + lines.join('\n') + '\n');

    // Brute-force reference: a far village stays far unless a new รพ.สต. is within 10 km.
    const expectedAfter = far.filter((r) => {
      const i = pos.get(r.code)!;
      return added.every((a) => haversineKm(villages.lon[i], villages.lat[i], a.lon, a.lat) > FILTER_KM);
    }).length;
    expect(expectedAfter).toBeLessThan(far.length);

    const hosp0 = await count('service-count-hospital');
    const hph0 = await count('service-count-health_promoting_hospital');
    const school0 = await count('service-count-school');
    await snapshotMap(s.page, 'before-import');
    await s.page.setInputFiles('[data-testid=access-file]', file);
    await expect.poll(() => count('service-count-hospital')).toBe(hosp0 + 4);
    expect(await count('service-count-health_promoting_hospital')).toBe(hph0 + 3);
    expect(await count('service-count-school')).toBe(school0 + 7);
    const report = s.page.locator('[data-testid=access-import-report]').last();
    expect(await report.getAttribute('data-accepted')).toBe('14');
    const reportText = await report.innerText();
    expect(reportText).toContain('บริการเพิ่ม.csv');
    expect(reportText).toContain('อยู่นอกประเทศไทย: 1');
    expect(reportText).toContain('สลับละติจูด/ลองจิจูด (แก้ให้แล้ว): 1');
    expect(reportText).toContain('รหัสซ้ำ: 1');
    await report.locator('summary').click();
    const problems = await report.locator('.problem-list').innerText();
    expect(problems).toContain('line 15');
    expect(problems).toContain('line 16');
    expect(problems).toContain('line 17');
    await report.scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: 'test-results/access-import-report-th.png' });
    await expect.poll(filterCount, { timeout: 60_000 }).toBe(expectedAfter);
    await waitForMap(s.page);
    await snapshotMap(s.page, 'after-import');
    // New hospital bullseyes (drawn at national zoom) and the far dots that went away.
    expect(await changedPixels(s.page, 'before-import', 'after-import')).toBeGreaterThan(50);
  });

  it('asks for a type mapping when the type column holds the user’s own codes', async () => {
    const file = join(dir, 'codes.csv');
    writeFileSync(file, ['code,category,latitude,longitude', 'C1,A7,15.1,101.1', 'C2,A7,15.2,101.2', 'C3,B2,15.3,101.3', 'C4,Z9,15.4,101.4'].join('\n'));
    const school0 = await count('service-count-school');
    const hosp0 = await count('service-count-hospital');
    await s.page.setInputFiles('[data-testid=access-file]', file);
    await s.page.waitForSelector('[data-testid=access-mapping]');
    expect(await s.page.locator('[data-testid=access-mapping]').innerText()).toContain('A7');
    await s.page.selectOption('[data-testid=access-map-A7]', 'school');
    await s.page.selectOption('[data-testid=access-map-B2]', 'hospital');
    await s.page.selectOption('[data-testid=access-map-Z9]', 'ignore');
    await s.page.click('[data-testid=access-mapping-apply]');
    await expect.poll(() => count('service-count-school')).toBe(school0 + 2);
    expect(await count('service-count-hospital')).toBe(hosp0 + 1);
    expect(await s.page.locator('[data-testid=access-mapping]').count()).toBe(0);
  });

  it('reads a service list saved by Thai Excel (Windows-874, CRLF): Thai types recognised, no mapping asked', async () => {
    // File.text() would decode these bytes as UTF-8: โรงเรียน and รพ.สต. became U+FFFD runs, the
    // types matched nothing and the mapping step came up. Encoded by the TIS-620 code chart.
    const file = join(dir, 'schools-excel-th.csv');
    const rows = ['id,type,name,lon,lat', 'TH874-1,โรงเรียน,โรงเรียนบ้านหนองบัว,100.21,15.31', 'TH874-2,โรงเรียน,โรงเรียนวัดป่าเลไลยก์,100.32,15.42', 'TH874-3,รพ.สต.,รพ.สต.บ้านดอนยายหอม,100.43,15.53'];
    writeFileSync(file, encodeCp874(rows.join('\r\n') + '\r\n'));
    const school0 = await count('service-count-school');
    const hph0 = await count('service-count-health_promoting_hospital');
    await s.page.setInputFiles('[data-testid=access-file]', file);
    await expect.poll(() => count('service-count-school')).toBe(school0 + 2);
    expect(await count('service-count-health_promoting_hospital')).toBe(hph0 + 1);
    expect(await s.page.locator('[data-testid=access-mapping]').count()).toBe(0);
    const report = s.page.locator('[data-testid=access-import-report]', { hasText: 'schools-excel-th.csv' });
    expect(await report.getAttribute('data-accepted')).toBe('3');
  });

  it('refuses a file in projected (UTM) coordinates with a visible message, keeping what is loaded', async () => {
    const shownBefore = await filterCount();
    const counts0 = await Promise.all(['hospital', HPH, 'school'].map((t) => count(`service-count-${t}`)));
    const file = join(dir, 'utm-services.csv');
    writeFileSync(file, ['id,type,x,y,capacity', 'U1,school,652341.2,1520334.8,100', 'U2,hospital,661022.0,1531877.5,30', 'U3,school,670112.9,1528001.1,250'].join('\n'));
    await s.page.setInputFiles('[data-testid=access-file]', file);
    const notice = s.page.locator('[data-testid=notices] .notice.error').last();
    await expect.poll(() => notice.innerText()).toContain('utm-services.csv');
    expect(await s.page.locator('[data-testid=access-import-error]').innerText()).toContain('utm-services.csv');
    expect(await s.page.locator('[data-testid=access-import-error]').isVisible()).toBe(true);
    expect(await Promise.all(['hospital', HPH, 'school'].map((t) => count(`service-count-${t}`)))).toEqual(counts0);
    expect(await filterCount()).toBe(shownBefore);
    await s.page.screenshot({ path: 'test-results/access-refused-th.png' });
    await dismissNotices();
  });

  it('selecting a far village shows its nearest services and draws the lines; English works', async () => {
    // A look at the symbols at subdistrict zoom (hospitals, รพ.สต., schools, far villages) for the screenshot.
    await s.page.evaluate(() => (window as unknown as { __cheepaoMap: { jumpTo: (o: object) => void } }).__cheepaoMap.jumpTo({ center: [98.6, 16.9], zoom: 8.6 }));
    await waitForMap(s.page);
    await s.page.screenshot({ path: 'test-results/access-zoom-th.png' });
    const first = s.page.locator('[data-testid=access-far-list] tbody tr').first();
    const code = await first.getAttribute('data-code');
    await first.click();
    await expect.poll(() => new URL(s.page.url()).searchParams.get('area')).toBe(code);
    await s.page.waitForSelector(`[data-testid=access-nearest-${HPH}]`);
    const text = await s.page.locator(`[data-testid=access-nearest-${HPH}]`).innerText();
    const km = Number(/([\d.,]+)\s*กม\./.exec(text)![1].replace(/,/g, ''));
    expect(km).toBeGreaterThan(FILTER_KM);
    expect(await s.page.locator('[data-testid=access-filter-scope]').innerText()).toContain('เฉพาะในพื้นที่');
    await waitForMap(s.page);
    await s.page.waitForTimeout(800);
    await dismissNotices();
    await s.page.screenshot({ path: 'test-results/access-village-th.png' });
    await s.page.click('[data-testid=lang-en]');
    await expect.poll(() => s.page.locator('[data-testid=access-panel]').innerText()).toContain('Nearest services of this village');
    await s.page.click('[data-testid=tab-access]');
    await s.page.screenshot({ path: 'test-results/access-village-en.png' });
  });

  it('made no request beyond 127.0.0.1 and logged no errors', () => {
    expect(externalRequests(s.requests, base)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
