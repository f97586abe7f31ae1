/**
 * Briefing and export timings in headless chromium (software WebGL here) on the production
 * build (issue 15 §4): switching slides in briefing mode until the numbers and maps are drawn
 * (median of 5 per kind, target ≤ 300 ms), exporting one 1920 × 1080 PNG (median of 3), and
 * exporting a ten-slide PowerPoint deck (target ≤ 5 s). The ten slides are one slide saved from
 * the UI, exported as JSON and varied (areas, compare, map mode) and imported back — the same
 * path a user's deck file takes.
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, waitForMap } from '../../test/e2e/browser';
import { servePreview } from '../support/preview';
import type { BenchSection } from '../bench';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Slide `i` applied (`applied`: its title and numbers, after two animation frames) and each of
 * its maps drawn (`ready`: MiniMap's data-ready).
 */
async function briefReady(page: Page, i: number, what: 'applied' | 'ready' = 'ready'): Promise<void> {
  await page.waitForFunction(([i, what]) => {
    const b = document.querySelector('[data-testid=briefing]') as HTMLElement | null;
    if (!b || b.dataset.applying !== '0' || b.dataset.slide !== String(i)) return false;
    if (what === 'applied') return true;
    const maps = [...b.querySelectorAll('[data-testid^="brief-map-"]')] as HTMLElement[];
    return maps.length > 0 && maps.every((m) => m.dataset.ready === '1');
  }, [i, what] as const, { timeout: 180_000, polling: 20 });
}

interface DeckFile { slides: { id: string; title: string; view: { selection: string; compare: string[]; layers: { mapMode: string } } }[] }

/** Ten slides: the country, provinces, districts, two compare slides, two targeting maps. */
const VARIANTS: { selection: string; compare?: string[]; mode?: string }[] = [
  { selection: 'TH' },
  { selection: '50' },
  { selection: 'TH', compare: ['50', '58'] },
  { selection: 'TH', mode: 'targeting' },
  { selection: '58' },
  { selection: '30' },
  { selection: '5001' },
  { selection: '90' },
  { selection: 'TH', compare: ['10', '50', '30'] },
  { selection: '40', mode: 'targeting' },
];

const bench: BenchSection = async ({ report }) => {
  const preview = await servePreview(process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) + 1 : 4398);
  if (!preview) return;
  const { base } = preview;
  try {
    const browser = await launch();
    try {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(base);
      await waitForMap(page);
      await page.click('[data-testid=tab-slides]');
      await page.waitForFunction(() => !(document.querySelector('[data-testid=slide-add]') as HTMLButtonElement)?.disabled);
      await page.click('[data-testid=slide-add]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=slide-list] > li').length === 1);
      const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
      const deck = JSON.parse(readFileSync((await json.path())!, 'utf8')) as DeckFile;
      const one = deck.slides[0];
      deck.slides = VARIANTS.map((v, i) => ({
        ...one,
        id: `bench-${i + 1}`,
        title: `สไลด์ ${i + 1}`,
        view: { ...one.view, selection: v.selection, compare: v.compare ?? [], layers: { ...one.view.layers, mapMode: v.mode ?? 'need' } },
      }));
      await page.locator('[data-testid=import-json-file]').setInputFiles({ name: 'bench-deck.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(deck)) });
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid=slide-list] > li').length === n, VARIANTS.length);
      await page.waitForTimeout(300); // the IndexedDB write

      await page.goto(`${base}?brief=1`);
      await waitForMap(page);
      await briefReady(page, 0);
      // A warm-up pass (first visit of each slide builds its layers), then 5 timed rounds of the first four.
      for (let i = 1; i < 4; i++) { await page.keyboard.press('ArrowRight'); await briefReady(page, i); }
      await page.keyboard.press('Home');
      await briefReady(page, 0);
      const times: Record<string, number[]> = { province: [], compare: [], targeting: [], country: [] };
      const applied: Record<string, number[]> = { province: [], compare: [], targeting: [], country: [] };
      for (let round = 0; round < 5; round++) {
        for (const [i, label] of [[1, 'province'], [2, 'compare'], [3, 'targeting'], [0, 'country']] as const) {
          const t0 = Date.now();
          await page.keyboard.press(i === 0 ? 'Home' : 'ArrowRight');
          await briefReady(page, i, 'applied');
          applied[label].push(Date.now() - t0);
          if (round === 4) {
            const steps = await page.evaluate(() => (window as unknown as { __cheepaoSlideTimings?: Record<string, number> }).__cheepaoSlideTimings ?? {});
            process.stdout.write(`  ${label}: apply steps (ms from start) ${Object.entries(steps).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' · ')}\n`);
          }
          await briefReady(page, i, 'ready');
          if (round === 4) {
            // Which renderer drew each map (canvas2d still or the WebGL map) and how long its draw took.
            const drawn = await page.evaluate(() => [...document.querySelectorAll('[data-testid^="brief-map-"]')].map((m) => `${(m as HTMLElement).dataset.drawn} ${(m as HTMLElement).dataset.drawMs ?? '?'} ms`));
            process.stdout.write(`  ${label}: maps drawn by ${drawn.join(', ')}\n`);
          }
          times[label].push(Date.now() - t0);
        }
      }
      report('slide switch → province (Chiang Mai), median of 5', median(times.province), 'ms', '≤ 300 ms');
      report('slide switch → compare (2 maps), median of 5', median(times.compare), 'ms', '≤ 300 ms');
      report('slide switch → targeting map, median of 5', median(times.targeting), 'ms', '≤ 300 ms');
      report('slide switch → country, median of 5', median(times.country), 'ms', '≤ 300 ms');
      for (const k of Object.keys(applied)) report(`  → ${k}: slide's view applied (title, numbers, two frames), median of 5`, median(applied[k]), 'ms');
      await page.keyboard.press('Escape');
      await page.click('[data-testid=tab-slides]');

      const png: number[] = [];
      for (let k = 0; k < 3; k++) {
        const t0 = Date.now();
        const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.click('[data-testid=export-png]')]);
        await dl.path();
        png.push(Date.now() - t0);
      }
      report('PNG export 1920 × 1080 (current view), median of 3', median(png), 'ms');
      const pptx: number[] = [];
      for (let k = 0; k < 2; k++) {
        const t0 = Date.now();
        const [out] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.click('[data-testid=export-pptx]')]);
        await out.path();
        pptx.push(Date.now() - t0);
      }
      report('PowerPoint export, 10 slides (first run)', pptx[0], 'ms', '≤ 5 s');
      report('PowerPoint export, 10 slides (second run)', pptx[1], 'ms', '≤ 5 s');
      const phases = await page.evaluate(() => (window as unknown as { __cheepaoExportTimings?: Record<string, number> }).__cheepaoExportTimings ?? {});
      for (const [k, v] of Object.entries(phases)) report(`  export phase: ${k} (last deck)`, v, 'ms');
      await context.close();
    } finally {
      await browser.close();
    }
  } finally {
    preview.stop();
  }
};
export default bench;
