/**
 * Issue 9 end to end on the demo workspace: the targeting tab's ranking equals `cli rank` for the
 * same settings before and after a potential-weight change, and the map's quadrant colours change
 * as the CLI's quadrants do; brushing the scatter selects exactly the areas inside the rectangle
 * (computed from the CLI's need and potential); a saved scenario survives a reload; the CSV export
 * starts with a BOM and its header block; stability and hot spots run in the worker (times logged);
 * a village hot-spot run can be cancelled mid-run and the next run still completes; the GeoJSON
 * export carries the CLI's ranks; the reach and budget shortlists match the domain's shortlist().
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import pointOnFeature from '@turf/point-on-feature';
import area from '@turf/area';
import type { Feature, FeatureCollection } from 'geojson';
import { changedPixels, externalRequests, launch, openPage, pixelAt, snapshotMap, waitForMap, type PageSession } from './browser';
import { QUADRANTS, type QuadrantId } from '../../src/domain/targeting/typology';
import { DEMO_DATA_DIR, dirReader } from '../../src/data/nodeReader';
import { loadTargeting } from '../../src/cli/commands/rank';
import { rankAreas, type RankOptions } from '../../src/domain/targeting/rankAreas';
import { shortlist, type ShortlistRule } from '../../src/domain/targeting/shortlist';

const base = inject('baseUrl');
let browser: Browser;
let s: PageSession;
mkdirSync('test-results', { recursive: true });

interface Row { code: string; rank: number | null; quadrant: QuadrantId | null; potential: number | null; need_normalised: number | null }
const WEIGHTS = '{"pillars":{"economy":3,"services":1,"infrastructure":1}}';

function cliRank(extra: string[] = []): Row[] {
  const out = execFileSync('node_modules/.bin/tsx', ['src/cli/main.ts', 'rank', '--level', 'subdistrict', '--format', 'json', ...extra], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out) as Row[];
}

let before: Row[];
let after: Row[];
const subdistricts = JSON.parse(readFileSync(`${DEMO_DATA_DIR}/boundaries/subdistrict.geojson`, 'utf8')) as FeatureCollection;

async function tableCodes(): Promise<string[]> {
  return s.page.$$eval('[data-testid=tg-rows] tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.code!));
}

function rgbOf(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
function nearestQuadrant(px: [number, number, number]): QuadrantId {
  let best: QuadrantId = 'low_need_low_potential', bd = Infinity;
  for (const q of Object.keys(QUADRANTS) as QuadrantId[]) {
    const c = rgbOf(QUADRANTS[q].colour);
    const d = (c[0] - px[0]) ** 2 + (c[1] - px[1]) ** 2 + (c[2] - px[2]) ** 2;
    if (d < bd) { bd = d; best = q; }
  }
  return best;
}

beforeAll(async () => {
  before = cliRank();
  after = cliRank(['--potential-weights', WEIGHTS]);
  browser = await launch();
  s = await openPage(browser, base);
  await waitForMap(s.page);
});
afterAll(async () => {
  await browser?.close();
});

describe('targeting in the app', () => {
  it('ranks as the CLI does, and a weight change reorders the table and recolours the map as the CLI says', async () => {
    await s.page.click('[data-testid=tab-targeting]');
    await s.page.waitForSelector('[data-testid=tg-rows] tbody tr', { timeout: 120_000 });
    await waitForMap(s.page);
    const top = before.filter((r) => r.rank !== null).slice(0, 100).map((r) => r.code);
    await expect.poll(tableCodes, { timeout: 60_000 }).toEqual(top);
    await s.page.waitForSelector('[data-testid=tg-legend]');

    // Largest subdistricts whose quadrant differs between the two CLI runs: their pixels must follow.
    const qBefore = new Map(before.map((r) => [r.code, r.quadrant]));
    const qAfter = new Map(after.map((r) => [r.code, r.quadrant]));
    const flipped = (subdistricts.features as Feature[])
      .filter((f) => { const c = String(f.properties?.code); return qBefore.get(c) && qAfter.get(c) && qBefore.get(c) !== qAfter.get(c); })
      .sort((a, b) => area(b) - area(a))
      .slice(0, 5);
    expect(flipped.length).toBeGreaterThan(0);
    const probes = flipped.map((f) => ({ code: String(f.properties?.code), at: pointOnFeature(f).geometry.coordinates as [number, number] }));
    const seen1: QuadrantId[] = [];
    for (const p of probes) seen1.push(nearestQuadrant(await pixelAt(s.page, p.at[0], p.at[1])));
    await snapshotMap(s.page, 'equal');
    await s.page.screenshot({ path: 'test-results/targeting-national-th.png' });

    await s.page.fill('[data-testid=tg-pillar-economy]', '3');
    const topAfter = after.filter((r) => r.rank !== null).slice(0, 100).map((r) => r.code);
    expect(topAfter).not.toEqual(top);
    await expect.poll(tableCodes, { timeout: 60_000 }).toEqual(topAfter);
    await waitForMap(s.page);
    await snapshotMap(s.page, 'economy3');
    const changed = await changedPixels(s.page, 'equal', 'economy3');
    const seen2: QuadrantId[] = [];
    for (const p of probes) seen2.push(nearestQuadrant(await pixelAt(s.page, p.at[0], p.at[1])));
    const ok1 = probes.filter((p, k) => seen1[k] === qBefore.get(p.code)).length;
    const ok2 = probes.filter((p, k) => seen2[k] === qAfter.get(p.code)).length;
    const nChanged = before.filter((r) => r.quadrant !== qAfter.get(r.code)).length;
    const ms = Number(await s.page.locator('[data-testid=tg-rerank-ms]').getAttribute('data-ms'));
    console.log(`e2e targeting: re-rank of 7,435 subdistricts in the worker ${ms} ms; ${nChanged} quadrants change (CLI); ${changed} map pixels changed; probes ${ok1}/${probes.length} before, ${ok2}/${probes.length} after`);
    expect(changed).toBeGreaterThan(500);
    expect(ok1).toBeGreaterThanOrEqual(probes.length - 1);
    expect(ok2).toBeGreaterThanOrEqual(probes.length - 1);
    await s.page.screenshot({ path: 'test-results/targeting-economy3-th.png' });
  });

  it('brushing the scatter selects in the table exactly the areas inside the rectangle', async () => {
    const svg = s.page.locator('[data-testid=tg-scatter-svg]');
    await svg.scrollIntoViewIfNeeded();
    const dom = (await svg.getAttribute('data-domain'))!.split(',').map(Number);
    const plot = (await svg.getAttribute('data-plot'))!.split(',').map(Number);
    const box = (await svg.boundingBox())!;
    // A band of high potential and middling need (the demo's need is skewed towards 0).
    const fx0 = 0.6, fx1 = 0.75, fy0 = 0.55, fy1 = 0.8; // fractions of the plot area (y from the top)
    const px = (f: number) => plot[0] + f * (plot[2] - plot[0]);
    const py = (f: number) => plot[1] + f * (plot[3] - plot[1]);
    await s.page.mouse.move(box.x + px(fx0), box.y + py(fy0));
    await s.page.mouse.down();
    await s.page.mouse.move(box.x + px((fx0 + fx1) / 2), box.y + py((fy0 + fy1) / 2), { steps: 4 });
    await s.page.mouse.move(box.x + px(fx1), box.y + py(fy1), { steps: 4 });
    await s.page.mouse.up();
    const xv = (f: number) => dom[0] + f * (dom[1] - dom[0]);
    const yv = (f: number) => dom[3] - f * (dom[3] - dom[2]);
    const expected = after
      .filter((r) => r.rank !== null && r.potential! >= xv(fx0) && r.potential! <= xv(fx1) && r.need_normalised! <= yv(fy0) && r.need_normalised! >= yv(fy1))
      .map((r) => r.code);
    const strictCount = expected.length;
    // Points within a pixel of the edge may fall either way (float rounding of the scale).
    const eps = 1.5 / (plot[2] - plot[0]) * (dom[1] - dom[0]);
    const epsY = 1.5 / (plot[3] - plot[1]) * (dom[3] - dom[2]);
    const inX = (r: Row) => r.potential! >= xv(fx0) - eps && r.potential! <= xv(fx1) + eps;
    const inY = (r: Row) => r.need_normalised! <= yv(fy0) + epsY && r.need_normalised! >= yv(fy1) - epsY;
    const border = after.filter((r) => r.rank !== null && inX(r) && inY(r)).length - strictCount;
    expect(expected.length).toBeGreaterThan(0);
    await s.page.waitForSelector('[data-testid=tg-brushed]');
    const count = Number(await s.page.locator('[data-testid=tg-brushed]').getAttribute('data-count'));
    const rows = await tableCodes();
    console.log(`e2e targeting: brushed ${count} areas (expected ${expected.length}, ${border} on the edge); table shows ${rows.length}`);
    expect(Math.abs(count - expected.length)).toBeLessThanOrEqual(border);
    const exp = new Set(expected);
    expect(rows.length).toBe(Math.min(100, count));
    expect(rows.filter((c) => !exp.has(c)).length).toBeLessThanOrEqual(border);
    await waitForMap(s.page);
    await s.page.locator('[data-testid=tg-scatter]').screenshot({ path: 'test-results/targeting-scatter-brushed.png' });
    await s.page.screenshot({ path: 'test-results/targeting-brushed-th.png' });
    await s.page.click('[data-testid=tg-brushed] button');
  });

  it('runs stability and hot spots in the worker', async () => {
    await s.page.click('[data-testid=tg-stability-run]');
    await s.page.waitForSelector('[data-testid=tg-stability-result]', { timeout: 120_000 });
    const stMs = Number(await s.page.locator('[data-testid=tg-stability-result]').getAttribute('data-ms'));
    expect(await s.page.locator('[data-testid=tg-sort-median]').count()).toBe(1);
    await s.page.click('[data-testid=hs-run]');
    await s.page.waitForSelector('[data-testid=hs-result]', { timeout: 120_000 });
    const hsMs = Number(await s.page.locator('[data-testid=hs-result]').getAttribute('data-ms'));
    await waitForMap(s.page);
    await s.page.waitForSelector('[data-testid=hs-legend] li[data-cluster=high-high]');
    const note = await s.page.locator('[data-testid=hs-result] .tg-note[data-kind=min_p_exceeds_fdr]').count();
    console.log(`e2e targeting: stability 200 draws over 7,435 subdistricts ${stMs} ms; hot spots 999 permutations ${hsMs} ms; FDR floor note shown: ${note > 0}`);
    await s.page.screenshot({ path: 'test-results/targeting-hotspots-th.png', timeout: 120_000 });
    await s.page.click('[data-testid=tg-mode-targeting]');
  });

  it('cancels a village hot-spot run mid-run: the bar goes within 2 s, no error, the previous result stays; a new run completes', async () => {
    const previous = { level: await s.page.locator('[data-testid=hs-result]').getAttribute('data-level'), permutations: await s.page.locator('[data-testid=hs-result]').getAttribute('data-permutations') };
    expect(previous).toEqual({ level: 'subdistrict', permutations: '999' });
    await s.page.selectOption('[data-testid=hs-level]', 'village');
    // The maximum: even 99,999 draws over 75,000 villages last well under a second or so in the
    // worker (the permutation counting sorts instead of visiting every area per draw), so the
    // largest run gives the widest window to press cancel in.
    await s.page.fill('[data-testid=hs-permutations]', '99999');
    const t0 = Date.now();
    await s.page.click('[data-testid=hs-run]');
    // Watched and pressed from inside the page: a round trip from the test per poll would be
    // longer than the window between the first progress report and the end of the draws.
    const cut = await s.page.evaluate(
      () =>
        new Promise<{ done: number; total: number; waitedMs: number; latencyMs: number; maxGapMs: number }>((resolve, reject) => {
          const start = performance.now();
          let clickedAt = 0, done = 0, total = 0, last = start, maxGapMs = 0;
          const tick = () => {
            // The longest the page's main thread was busy between two polls (a blocked page would delay the click).
            maxGapMs = Math.max(maxGapMs, performance.now() - last);
            last = performance.now();
            const bar = document.querySelector<HTMLElement>('[data-testid=hs-progress]');
            if (!clickedAt) {
              done = Number(bar?.dataset.done ?? 0);
              total = Number(bar?.dataset.total ?? 0);
              if (bar && done > 0 && done < total) {
                document.querySelector<HTMLButtonElement>('[data-testid=hs-cancel]')!.click();
                clickedAt = performance.now();
              } else if (!bar && performance.now() - start > 1000) return reject(new Error('the run ended before any progress between 0 and the total was shown'));
            } else if (!bar) return resolve({ done, total, waitedMs: clickedAt - start, latencyMs: performance.now() - clickedAt, maxGapMs });
            if (performance.now() - start > 120_000) return reject(new Error('no progress within 2 minutes'));
            setTimeout(tick, 2);
          };
          tick();
        }),
    );
    console.log(`e2e targeting: village hot spots, 99,999 permutations: cancel pressed at ${cut.done.toLocaleString('en')}/${cut.total.toLocaleString('en')} draws (${(cut.waitedMs / 1000).toFixed(2)} s after the run started, ${((Date.now() - t0) / 1000).toFixed(1)} s in all); progress gone ${cut.latencyMs.toFixed(0)} ms after the click; longest main-thread pause ${cut.maxGapMs.toFixed(0)} ms`);
    expect(cut.total).toBe(99_999);
    expect(cut.latencyMs).toBeLessThan(2000);
    // Cancelled, not finished: the result on screen is still the earlier subdistrict run.
    await s.page.waitForTimeout(300);
    expect(await s.page.locator('[data-testid=hs-result]').getAttribute('data-level')).toBe(previous.level);
    expect(await s.page.locator('[data-testid=hs-result]').getAttribute('data-permutations')).toBe(previous.permutations);
    expect(await s.page.locator('[data-testid=notices]').count()).toBe(0);
    expect(await s.page.locator('[data-testid=hs-run]').count()).toBe(1);
    expect(s.consoleErrors).toEqual([]);

    await s.page.fill('[data-testid=hs-permutations]', '99');
    await s.page.click('[data-testid=hs-run]');
    await s.page.waitForSelector('[data-testid=hs-result][data-level=village][data-permutations="99"]', { timeout: 120_000 });
    const ms = Number(await s.page.locator('[data-testid=hs-result]').getAttribute('data-ms'));
    console.log(`e2e targeting: the next village run (99 permutations) completed, ${ms} ms in the worker`);
    expect(await s.page.locator('[data-testid=notices]').count()).toBe(0);
    await s.page.click('[data-testid=tg-mode-targeting]');
    await s.page.selectOption('[data-testid=hs-level]', 'subdistrict');
  });

  it('exports the ranking as GeoJSON: a FeatureCollection of the subdistricts with the CLI\'s ranks and quadrants', async () => {
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 60_000 }), s.page.click('[data-testid=tg-export-geojson]')]);
    expect(download.suggestedFilename()).toMatch(/\.geojson$/);
    const fc = JSON.parse(readFileSync((await download.path())!, 'utf8')) as FeatureCollection & { settings?: unknown };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.settings).toBeTruthy();
    const cli = new Map(after.map((r) => [r.code, r]));
    const withPolygon = new Set((subdistricts.features as Feature[]).map((f) => String(f.properties?.code)));
    expect(fc.features.length).toBe(after.filter((r) => withPolygon.has(r.code)).length);
    let ranked = 0;
    for (const f of fc.features) {
      const p = f.properties as Row;
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(f.id).toBe(p.code);
      expect(p.rank).toBe(cli.get(p.code)!.rank);
      expect(p.quadrant).toBe(cli.get(p.code)!.quadrant);
      if (p.rank !== null) ranked++;
    }
    // Features come in rank order, the top one first.
    expect((fc.features[0].properties as Row).code).toBe(after.find((r) => r.rank === 1)!.code);
    console.log(`e2e targeting: GeoJSON export ${fc.features.length} features, ${ranked} ranked`);
    expect(ranked).toBeGreaterThan(7000);
  });

  it('the shortlist in reach and budget mode picks as many areas as the domain shortlist() for the same ranking', async () => {
    // The ranking the page shows now: the CLI's defaults with economy weight 3 (asserted above).
    const { areas } = await loadTargeting(dirReader(DEMO_DATA_DIR), 'subdistrict');
    const ranking = rankAreas(areas, { weights: JSON.parse(WEIGHTS) as RankOptions['weights'] });
    const result = s.page.locator('[data-testid=tg-shortlist-result]');
    const shown = async () => ({ areas: Number(await result.getAttribute('data-areas')), targetPoor: Number(await result.getAttribute('data-target-poor')) });
    const rules: { rule: ShortlistRule; fill: () => Promise<void> }[] = [
      { rule: { mode: 'reach', targetPoor: 25_000 }, fill: () => s.page.fill('[data-testid=tg-rule-p]', '25000') },
      {
        rule: { mode: 'budget', budget: 3_000_000, costPerArea: 100_000, costPerPerson: 20 },
        fill: async () => {
          await s.page.fill('[data-testid=tg-rule-budget]', '3000000');
          await s.page.fill('[data-testid=tg-rule-cost-area]', '100000');
          await s.page.fill('[data-testid=tg-rule-cost-person]', '20');
        },
      },
    ];
    for (const { rule, fill } of rules) {
      await s.page.selectOption('[data-testid=tg-rule-mode]', rule.mode);
      await fill();
      const exp = shortlist(ranking, rule);
      expect(exp.chosen.length).toBeGreaterThan(1);
      await expect.poll(shown).toEqual({ areas: exp.chosen.length, targetPoor: exp.targetPoorReached });
      console.log(`e2e targeting: shortlist ${JSON.stringify(rule)}: ${exp.chosen.length} areas, ${exp.targetPoorReached} target poor (page and shortlist() agree)`);
    }
    // Back to the 20 best-ranked areas for the scenario below.
    await s.page.selectOption('[data-testid=tg-rule-mode]', 'count');
    await expect.poll(shown).toEqual({ areas: 20, targetPoor: shortlist(ranking, { mode: 'count', areas: 20 }).targetPoorReached });
  });

  it('saves a scenario that survives a reload, and exports the CSV with its BOM and header block', async () => {
    await s.page.fill('[data-testid=tg-scenario-name]', 'ทดสอบ 20 ตำบล');
    await s.page.click('[data-testid=tg-scenario-save]');
    await s.page.waitForSelector('[data-testid=tg-scenarios] li[data-name="ทดสอบ 20 ตำบล"]');

    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 60_000 }), s.page.click('[data-testid=tg-export-csv]')]);
    const path = await download.path();
    const text = readFileSync(path!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\n');
    expect(lines[0]).toBe('# cheepao: targeting ranking');
    const header = lines.filter((l) => l.startsWith('# '));
    expect(header.some((l) => l === '# synthetic: true')).toBe(true);
    expect(header.some((l) => l === '# data_year: 2565')).toBe(true);
    expect(header.some((l) => l.startsWith('# sources:') && /synthetic/.test(l))).toBe(true);
    expect(header.some((l) => l.startsWith('# weights:') && l.includes('lights_per_capita'))).toBe(true);
    const pillars = JSON.parse(header.find((l) => l.startsWith('# pillar_weights: '))!.slice('# pillar_weights: '.length)) as Record<string, number>;
    expect(pillars.economy).toBeCloseTo(0.6, 9);
    const cols = lines[header.length].split(',');
    expect(cols.slice(0, 3)).toEqual(['code', 'name', 'need']);
    expect(lines[header.length + 1].split(',')[0]).toBe(after.find((r) => r.rank === 1)!.code);

    await s.page.reload();
    await waitForMap(s.page);
    await s.page.click('[data-testid=tab-targeting]');
    await s.page.waitForSelector('[data-testid=tg-scenarios] li[data-name="ทดสอบ 20 ตำบล"]', { timeout: 60_000 });
    await s.page.screenshot({ path: 'test-results/targeting-reloaded-th.png', timeout: 120_000 });
    expect(externalRequests(s.requests, base)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
