/**
 * `npm run bench -- fitAfterImport` (issue 15 item 5): a generated one-province workspace (the
 * e2e fixture: Nakhon Pathom-shaped boundaries, TPMAP tables, villages, services, basic data,
 * lights) dropped on the demo in headless chromium (BENCH_PORT, BENCH_DIST): time from the files
 * handed to the page to the first idle frame with the map fitted to the province (zoom above 7.5
 * and the province's centre on screen), median of 3 fresh browser contexts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, waitForMap } from '../../test/e2e/browser';
import { writeWorkspaceFixture } from '../../test/e2e/workspaceFixtures';
import { servePreview } from '../support/preview';
import type { BenchSection } from '../bench';

const bench: BenchSection = async ({ report }) => {
  const preview = await servePreview(Number(process.env.BENCH_PORT ?? 4398));
  if (!preview) return;
  const fx = writeWorkspaceFixture(mkdtempSync(join(tmpdir(), 'cheepao-bench-fit-')));
  const browser = await launch();
  const times: number[] = [];
  try {
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(preview.base);
      await waitForMap(page);
      await page.click('[data-testid=tab-workspace]');
      const t0 = performance.now();
      await page.locator('[data-testid=open-file] input').setInputFiles(fx.good);
      await page.waitForFunction(() => {
        const m = (window as unknown as { __cheepaoMap?: { getZoom: () => number; getCenter: () => { lng: number; lat: number } } }).__cheepaoMap;
        const c = m?.getCenter();
        return !!m && m.getZoom() > 7.5 && c!.lng > 99.7 && c!.lng < 100.5 && new URL(location.href).searchParams.has('ws');
      }, undefined, { timeout: 120_000, polling: 50 });
      await waitForMap(page);
      times.push(performance.now() - t0);
      await context.close();
    }
  } finally {
    await browser.close();
    preview.stop();
  }
  times.sort((a, b) => a - b);
  report('workspace import → first idle frame fitted to the province (median of 3)', times[1] / 1000, 's');
  report('  fastest / slowest', times[0] / 1000, `s / ${(times[2] / 1000).toFixed(2)} s`);
};
export default bench;
