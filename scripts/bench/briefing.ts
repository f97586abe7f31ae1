/**
 * Briefing and export timings in headless chromium (software WebGL here) on the production
 * build: switching slides in briefing mode until the numbers and maps are drawn, exporting one
 * 1920 × 1080 PNG, and exporting a three-slide PowerPoint deck.
 */
import type { Page } from 'playwright-core';
import { launch, waitForMap } from '../../test/e2e/browser';
import { servePreview } from '../support/preview';
import type { BenchSection } from '../bench';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function briefReady(page: Page, i: number): Promise<void> {
  await page.waitForFunction((i) => {
    const b = document.querySelector('[data-testid=briefing]') as HTMLElement | null;
    if (!b || b.dataset.applying !== '0' || b.dataset.slide !== String(i)) return false;
    const maps = [...b.querySelectorAll('[data-testid^="brief-map-"]')] as HTMLElement[];
    return maps.length > 0 && maps.every((m) => m.dataset.ready === '1');
  }, i, { timeout: 180_000, polling: 20 });
}

const bench: BenchSection = async ({ report }) => {
  const preview = await servePreview(process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) + 1 : 4398);
  if (!preview) return;
  const { base } = preview;
  try {
    const browser = await launch();
    try {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      const count = () => page.locator('[data-testid=slide-list] > li').count();
      const add = async (query: string, n: number) => {
        await page.goto(`${base}${query}`);
        await waitForMap(page);
        if (query.includes('compare=')) {
          await page.waitForFunction(() => document.querySelectorAll('[data-testid^="cmp-map-"][data-ready="1"]').length === 2, undefined, { timeout: 180_000 });
          await page.click('[data-testid=compare-save-slide]');
          await page.click('[data-testid=compare-close]');
          await page.click('[data-testid=tab-slides]');
        } else {
          await page.click('[data-testid=tab-slides]');
          await page.waitForFunction((n) => !(document.querySelector('[data-testid=slide-add]') as HTMLButtonElement)?.disabled && document.querySelectorAll('[data-testid=slide-list] > li').length === n, n - 1);
          await page.click('[data-testid=slide-add]');
        }
        while ((await count()) !== n) await page.waitForTimeout(50);
        await page.waitForTimeout(300);
      };
      await add('', 1);
      await add('?area=50', 2);
      await add('?compare=50,58', 3);

      await page.goto(`${base}?brief=1`);
      await waitForMap(page);
      await briefReady(page, 0);
      const times: Record<string, number[]> = { province: [], compare: [], country: [] };
      for (let round = 0; round < 3; round++) {
        for (const [i, label] of [[1, 'province'], [2, 'compare'], [0, 'country']] as const) {
          const t0 = Date.now();
          await page.keyboard.press(i === 0 ? 'Home' : 'ArrowRight');
          await briefReady(page, i);
          times[label].push(Date.now() - t0);
        }
      }
      report('slide switch → province (Chiang Mai), median of 3', median(times.province), 'ms');
      report('slide switch → compare (2 maps), median of 3', median(times.compare), 'ms');
      report('slide switch → country, median of 3', median(times.country), 'ms');
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
      const t0 = Date.now();
      const [deck] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.click('[data-testid=export-pptx]')]);
      await deck.path();
      report('PowerPoint export, 3 slides (apply, draw, compose, zip)', Date.now() - t0, 'ms');
      await context.close();
    } finally {
      await browser.close();
    }
  } finally {
    preview.stop();
  }
};
export default bench;
