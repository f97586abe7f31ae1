/** Time to first map in headless chromium on the production build (software WebGL here). */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, waitForMap } from '../../test/e2e/browser';
import { servePreview } from '../support/preview';
import { writeWorkspaceFixture } from '../../test/e2e/workspaceFixtures';
import type { FeatureCollection } from 'geojson';
import { importBoundaries, importBoundariesWithGazetteer } from '../../src/data/boundaries/importBoundaries';
import type { BenchSection } from '../bench';

const bench: BenchSection = async ({ report }) => {
  const preview = await servePreview(Number(process.env.BENCH_PORT ?? 4399));
  if (!preview) return;
  const { base } = preview;
  try {
    const browser = await launch();
    try {
      const runs: number[] = [];
      const steps: Record<string, number>[] = [];
      let atFirstMap = 0;
      let afterIdle = 0;
      for (let i = 0; i < 3; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        // Bytes on the wire (encoded body + headers), not the decoded bodies: the server may
        // send the .gz data files with Content-Encoding and the browser inflates them.
        let wire = 0;
        page.on('requestfinished', async (req) => {
          try {
            const z = await req.sizes();
            wire += z.responseBodySize + z.responseHeadersSize;
          } catch {
            /* page closed */
          }
        });
        const t0 = Date.now();
        await page.goto(base);
        await waitForMap(page);
        runs.push(Date.now() - t0);
        steps.push(await page.evaluate(startupSteps));
        atFirstMap = wire;
        await new Promise((r) => setTimeout(r, 8000)); // background loads: services, lights, outlines
        afterIdle = wire;
        await context.close();
      }
      runs.sort((a, b) => a - b);
      report('time to first map, headless chromium, median of 3', runs[1], 'ms', '≤ 2500 ms');
      // Each step of the start-up (ms from navigation start, median of the runs): the app's
      // performance marks (cheepao:*, src/main.tsx, app/start.tsx, boot.ts, MapView.tsx) and resource timings.
      for (const k of Object.keys(steps[0] ?? {})) {
        const v = steps.map((x) => x[k]).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
        if (v.length) report(`  ${k}`, v[Math.floor(v.length / 2)], 'ms');
      }
      report('bytes on the wire until the first map (last run; page, code, data)', atFirstMap / 1e6, 'MB');
      report('bytes on the wire 8 s later (services, lights raster, outlines loaded)', afterIdle / 1e6, 'MB');
      await workspaceTimings(browser, base, report);
    } finally {
      await browser.close();
    }
  } finally {
    preview.stop();
  }
};
/** In the page: start-up steps as ms from navigation start. */
function startupSteps(): Record<string, number> {
  const out: Record<string, number> = {};
  const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (nav) out['HTML received (responseEnd)'] = nav.responseEnd;
  const entry = res.filter((r) => /\/assets\/index-[^/]*\.js$/.test(r.name));
  if (entry.length) out['entry chunk downloaded (responseEnd)'] = Math.max(...entry.map((r) => r.responseEnd));
  const js = res.filter((r) => /\/assets\/start-[^/]*\.js$/.test(r.name));
  if (js.length) out['app chunk downloaded (responseEnd; React, maplibre, deck.gl)'] = Math.max(...js.map((r) => r.responseEnd));
  const css = res.filter((r) => /\.css$/.test(r.name));
  if (css.length) out['CSS downloaded'] = Math.max(...css.map((r) => r.responseEnd));
  const fonts = res.filter((r) => /\.woff2?$/.test(r.name));
  if (fonts.length) out[`font files downloaded (${fonts.length})`] = Math.max(...fonts.map((r) => r.responseEnd));
  const worker = res.find((r) => r.name.includes('compute.worker'));
  if (worker) out['compute worker script downloaded'] = worker.responseEnd;
  const names: Record<string, string> = {
    'cheepao:entry': 'entry chunk evaluated: compute worker started (entry mark)',
    'cheepao:modules-evaluated': 'app chunk parsed + evaluated (modules-evaluated mark)',
    'cheepao:fonts-ready': 'document.fonts.ready',
    'cheepao:map-constructing': 'React mounted the map: maplibre Map constructor starts',
    'cheepao:map-created': 'maplibre map and its WebGL context created (React mounted the map)',
    'cheepao:style-parsed': 'maplibre style parsed, outlines sent to its worker (style.load)',
    'cheepao:style-loaded': 'maplibre style loaded (load: sources tiled; painting still held)',
    'cheepao:gate-open': 'paint gate opened: deck device, style and first layers ready (paintGate.ts)',
    'cheepao:deck-device': 'deck.gl device created',
    'cheepao:worker-init': 'worker: demo dataset opened (init)',
    'cheepao:polygons': 'display polygons parsed (page)',
    'cheepao:measures': 'measures computed (worker → page)',
    'cheepao:workspace-opened': 'worker: workspace opened',
    'cheepao:map-ready': 'first deck + maplibre frame drawn (mapReady)',
  };
  for (const m of performance.getEntriesByType('mark')) if (names[m.name]) out[names[m.name]] = m.startTime;
  return out;
}

/** Peak resident memory of all chromium processes while `work` runs (sampled from /proc), MB. */
async function peakChromiumMb<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = 0;
  const sample = () => {
    let kb = 0;
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        if (!/^Name:\s*chrom/m.test(status)) continue;
        kb += Number(/^VmRSS:\s*(\d+)/m.exec(status)?.[1] ?? 0);
      } catch {
        /* gone */
      }
    }
    peak = Math.max(peak, kb / 1024);
  };
  const timer = setInterval(sample, 250);
  try {
    const value = await work();
    sample();
    return { value, peakMb: peak };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Workspace timings (issue 8): a generated province imported through the file input, its restore
 * after a reload (IndexedDB), the real OCHA adm3 boundary file (3.8 MB) when ../shared/realdata is
 * there (the generated national TPMAP export: scripts/bench/workspace.ts).
 */
async function workspaceTimings(browser: Browser, base: string, report: (l: string, v: number, u: string, target?: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cheepao-bench-ws-'));
  const fx = writeWorkspaceFixture(dir);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const importFiles = async (files: string[]) => {
    const before = await page.locator('[data-testid=import-report] > li').count().catch(() => 0);
    const t0 = Date.now();
    await page.locator('[data-testid=open-file] input').setInputFiles(files);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=import-report] > li').length > n && !document.querySelector('[data-testid=import-progress]'), before, { timeout: 1_800_000, polling: 250 });
    return Date.now() - t0;
  };
  await page.goto(base);
  await waitForMap(page);
  await page.click('[data-testid=tab-workspace]');
  report('import of a generated province workspace (7 layers, 22 files), browser', await importFiles(fx.good), 'ms');
  await waitForMap(page);
  const t0 = Date.now();
  await page.reload();
  await waitForMap(page);
  report('workspace restore after a reload (IndexedDB → first map)', Date.now() - t0, 'ms');
  const adm3 = '../shared/realdata/admin/th_adm3.geojson';
  if (existsSync(adm3)) {
    await page.click('[data-testid=tab-workspace]');
    report('boundary import, OCHA th_adm3 (3.8 MB, 7,425 polygons), browser', await importFiles([adm3]), 'ms');
    const n0 = performance.now();
    importBoundaries(readFileSync(adm3, 'utf8'), 'th_adm3.geojson');
    report('boundary import, OCHA th_adm3, Node (parse, codes, repair checks)', performance.now() - n0, 'ms');
    // Issue 14 item 8: the same file with every code dropped, placed by name (gazetteer load included).
    const named = JSON.parse(readFileSync(adm3, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    for (const f of named.features) for (const k of Object.keys(f.properties)) if (/pcode/.test(k)) delete f.properties[k];
    const n1 = performance.now();
    await importBoundariesWithGazetteer(named as unknown as FeatureCollection, 'th_adm3_names_only.geojson');
    report('boundary import, names-only th_adm3 (codes dropped), Node (name match incl. gazetteer load)', performance.now() - n1, 'ms');
  }
  // The generated national TPMAP folder (BENCH_NATIONAL) is benched in scripts/bench/workspace.ts.
  await context.close();
}

export default bench;
