/**
 * Issue 3 item 4: TPMAP exports and a household CSV dropped on the app (through the file input)
 * become datasets whose numbers equal the CLI's import of the same files; TPMAP data disables
 * Alkire–Foster with the reason; bad input gets a message and the loaded data stays.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { externalRequests, launch, openPage, waitForMap, type PageSession } from './browser';
import { cliJson, type MpiRow } from './cli';
import { parseShownNumber } from './reference';
import { csv, TABLE_HEADER, tableRow, villages11111, villagesCommon } from '../../src/data/tpmap/testFixtures';
import { householdCsv } from '../../src/data/households/generateHouseholdCsv';

const base = inject('baseUrl');
let browser: Browser;
let s: PageSession;
const dir = mkdtempSync(join(tmpdir(), 'cheepao-imports-'));
const shown = async (id: string) => parseShownNumber(await s.page.locator(`[data-testid=${id}]`).innerText());
const cli = (args: string[]) => execFileSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { stdio: 'ignore' });

beforeAll(async () => {
  browser = await launch();
  s = await openPage(browser, base);
  await waitForMap(s.page);
});
afterAll(async () => {
  await browser?.close();
});

describe('imports in the browser', () => {
  it('TPMAP exports: union measures equal the CLI import; AF disabled with the reason', async () => {
    const files = [join(dir, '61_73_village_11111.csv'), join(dir, '61_73_village_common.csv'), join(dir, '61_73_village_10000.csv')];
    writeFileSync(files[0], villages11111);
    writeFileSync(files[1], villagesCommon);
    // A single-dimension (health) table as TPMAP exports them, consistent with the 11111 rows.
    writeFileSync(files[2], csv('village_ID', TABLE_HEADER, [tableRow('7301010101', 3, 1, [3, 0, 0, 0, 0]), tableRow('7301020101', 2, 2, [2, 0, 0, 0, 0])]));
    cli(['import-tpmap', ...files, '--out', join(dir, 'tpmap-ds')]);
    const ref = cliJson<MpiRow[]>(['mpi', '--data', join(dir, 'tpmap-ds'), '--level', 'country', '--measure', 'tpmap'])[0];
    await s.page.locator('[data-testid=open-file] input').setInputFiles(files);
    await expect.poll(() => s.page.locator('[data-testid=dataset-select]').count()).toBe(1);
    await expect.poll(() => shown('stat-target-poor')).toBe(ref.target_poor);
    expect(await shown('stat-people')).toBe(ref.people);
    await expect.poll(() => s.page.locator('[data-testid=af-unavailable]').innerText()).toContain('ข้อมูลรายครัวเรือน');
    expect(await s.page.locator('[data-testid=rule-af]').isDisabled()).toBe(true);
    // The exported single-dimension table is reachable and matches the CLI.
    const health = cliJson<MpiRow[]>(['mpi', '--data', join(dir, 'tpmap-ds'), '--level', 'country', '--measure', 'tpmap', '--dimensions', 'health'])[0];
    // Five checkboxes: unticking toward "health only" passes subsets the import lacks; each is
    // said, and the map keeps the previous table until the subset exists.
    for (const d of ['living', 'education', 'income']) {
      await s.page.click(`[data-testid=dim-${d}]`);
      await expect.poll(() => s.page.locator('[data-testid=dimset-missing]').innerText()).toContain('ไม่มีชุดมิตินี้');
      expect(await shown('stat-target-poor')).toBe(ref.target_poor);
    }
    await s.page.click('[data-testid=dim-access]');
    await expect.poll(() => shown('stat-target-poor')).toBe(health.target_poor);
    expect(await s.page.locator('[data-testid=dimset-missing]').count()).toBe(0);
    for (const d of ['living', 'education', 'income', 'access']) await s.page.click(`[data-testid=dim-${d}]`);
    await expect.poll(() => shown('stat-target-poor')).toBe(ref.target_poor);
    await s.page.screenshot({ path: 'test-results/import-tpmap.png' });
  });

  it('household CSV: profiles in the browser equal the CLI ingest; AF works; a citizen-id column is dropped', async () => {
    const csv = householdCsv(3000, 7);
    // An extra column of 13-digit citizen ids must never get in.
    const lines = csv.trim().split('\n');
    const withIds = [lines[0] + ',citizen_id', ...lines.slice(1).map((l, i) => `${l},${String(1100700000000 + i)}`)].join('\n') + '\n';
    const file = join(dir, 'households.csv');
    writeFileSync(file, withIds);
    cli(['ingest-households', file, '--out', join(dir, 'hh-ds'), '--year', '2565']);
    const ref = cliJson<MpiRow[]>(['mpi', '--data', join(dir, 'hh-ds'), '--level', 'country', '--measure', 'af', '--k', '0.2', '--year', '2565'])[0];
    // Into a new workspace (the user says so), not added to the TPMAP one on screen.
    await s.page.click('[data-testid=tab-workspace]');
    await s.page.check('[data-testid=new-workspace]');
    await s.page.locator('[data-testid=open-file] input').setInputFiles(file);
    await expect.poll(() => s.page.locator('[data-testid=dataset-select] option').count()).toBe(3);
    const report = await s.page.locator('[data-testid=import-report]').innerText();
    await s.page.click('[data-testid=tab-poverty]');
    await expect.poll(() => s.page.locator('[data-testid=rule-af]').isDisabled()).toBe(false);
    await s.page.click('[data-testid=rule-af]');
    await s.page.locator('[data-testid=k-slider]').fill('20');
    await expect.poll(() => shown('stat-poor')).toBe(ref.poor);
    expect(await shown('stat-people')).toBe(ref.people);
    await s.page.click('[data-testid=tab-workspace]');
    await s.page.locator('[data-testid=import-line]', { hasText: 'households.csv' }).click();
    const details = await s.page.locator('[data-testid=import-report]').innerText();
    expect(report + details).toMatch(/citizen_id/);
    expect(details).not.toMatch(/1100700000000/);
    await s.page.click('[data-testid=tab-poverty]');
    expect(await s.page.content()).not.toContain('1100700000000');
  });

  it('a bad file is refused with a message and the loaded dataset stays', async () => {
    const before = await shown('stat-people');
    const bad = join(dir, 'broken.csv');
    writeFileSync(bad, 'village_code,members\n"unterminated,1\n');
    await s.page.locator('[data-testid=open-file] input').setInputFiles(bad);
    await expect.poll(() => s.page.locator('[data-testid=notices]').innerText()).toContain('broken.csv');
    expect(await shown('stat-people')).toBe(before);
    expect(await s.page.locator('[data-testid=dataset-select] option').count()).toBe(3);
  });

  it('switching back to the demo restores its numbers', async () => {
    await s.page.click('[data-testid=rule-tpmap]');
    await s.page.locator('[data-testid=dataset-select]').selectOption('demo');
    await expect.poll(() => shown('stat-target-poor')).toBe(1_025_782);
    await waitForMap(s.page);
    expect(externalRequests(s.requests, base)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
