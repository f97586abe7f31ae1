/**
 * Workspace imports (issues 8 and 16): the real Nakhon Pathom workspace through the CLI when
 * ../shared/realdata is there, and the generated national TPMAP export (7,328 files, 330 MB)
 * when BENCH_NATIONAL names its directory (`npx tsx scripts/support/writeNationalTpmap.ts DIR`
 * writes it; ~1 min): the CLI import (time, the import's own peak resident memory, size of what
 * it writes) beside the floor — reading the same bytes and splitting them into lines — and the
 * same folder in headless chromium (BENCH_PORT, BENCH_DIST): import time, progress by files and
 * bytes, cancel latency, JS heap of the tab (page + compute worker) after the import, the
 * IndexedDB size, and the restore after a reload (first map).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchPersistent, waitForMap } from '../../test/e2e/browser';
import { servePreview } from '../support/preview';
import { workerCdpSessions } from '../support/cdpWorkers';
import type { BenchSection } from '../bench';

function cliImport(args: string[]): { seconds: number; peakMb: number; writtenMb: number } | null {
  const out = join(mkdtempSync(join(tmpdir(), 'cheepao-bench-import-')), 'ws');
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', 'import', ...args, '--out', out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const m = /in ([\d.]+) s; peak memory (\d+) MB/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) {
    process.stdout.write(`cli import failed: ${(r.stderr ?? '').split('\n').slice(-3).join(' | ')}\n`);
    return null;
  }
  let bytes = 0;
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else bytes += s.size;
    }
  };
  walk(out);
  return { seconds: Number(m[1]), peakMb: Number(m[2]), writtenMb: bytes / 1e6 };
}

/**
 * The floor of a folder import: read every file (8 at a time, as the import reads ahead) and
 * split its bytes into lines — no parsing. Seconds.
 */
async function readAndSplitFloor(dir: string): Promise<{ seconds: number; lines: number; bytes: number }> {
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  const t0 = performance.now();
  let lines = 0;
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const fh = await open(files[next++], 'r');
      try {
        const b = await fh.readFile();
        bytes += b.length;
        for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
      } finally {
        await fh.close();
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { seconds: (performance.now() - t0) / 1000, lines, bytes };
}

/**
 * The floor of the browser import: the same bytes read (8 files at a time) and parsed into the
 * count tables by the same code (TpmapImporter) in Node, nothing else (no classify, no encode,
 * no IndexedDB). Seconds.
 */
async function readAndParseFloor(dir: string): Promise<number> {
  const { TpmapImporter } = await import('../../src/data/tpmap/importTpmap');
  const { readTpmapFiles } = await import('../../src/data/tpmap/readTpmapFiles');
  const files = readdirSync(dir).sort().map((f) => ({ name: f, size: statSync(join(dir, f)).size, bytes: async () => new Uint8Array(await readFile(join(dir, f))) }));
  const t0 = performance.now();
  const importer = new TpmapImporter();
  await readTpmapFiles(files, importer);
  importer.finish();
  return (performance.now() - t0) / 1000;
}

/**
 * Live JS heap after a full GC in each context (CDP HeapProfiler.collectGarbage, then
 * Runtime.getHeapUsage.usedSize), MB: the page, the compute worker, and all workers (maplibre's,
 * the lights worker). A GC first, in every context: without it the figure is whatever garbage
 * the import left, which is what made earlier figures unreliable.
 */
async function tabHeapMb(cdp: CDPSession): Promise<{ page: number; compute: number; workers: number; computeBuffers: number }> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const page = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1e6;
  let compute = NaN;
  let computeBuffers = NaN;
  let workers = 0;
  for (const w of await workerCdpSessions(cdp, undefined, 30_000)) {
    await w.call('HeapProfiler.collectGarbage');
    const r = (await w.call('Runtime.getHeapUsage')) as { usedSize?: number };
    if (r.usedSize === undefined) continue;
    workers += r.usedSize / 1e6;
    if (w.url.includes('compute.worker')) {
      compute = r.usedSize / 1e6;
      // ArrayBuffer backing stores (the count tables) live outside the V8 heap; newer CDP reports them.
      const b = (r as { backingStorageSize?: number }).backingStorageSize;
      if (b !== undefined) computeBuffers = b / 1e6;
    }
  }
  return { page, compute, workers, computeBuffers };
}

function duBytes(dir: string): number {
  let bytes = 0;
  if (!existsSync(dir)) return 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const s = statSync(p);
    bytes += s.isDirectory() ? duBytes(p) : s.size;
  }
  return bytes;
}

async function browserNational(dir: string, report: (l: string, v: number, u: string, target?: string) => void, floor: { read: number; parse: number }): Promise<void> {
  const preview = await servePreview(Number(process.env.BENCH_PORT ?? 4399));
  if (!preview) return;
  // A profile on disk, so that storage is IndexedDB's real files (an incognito context keeps
  // IndexedDB in memory, and its estimate() is not the disk).
  const profile = mkdtempSync(join(tmpdir(), 'cheepao-bench-profile-'));
  const context = await launchPersistent(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const files = readdirSync(dir).sort().map((f) => join(dir, f));
    await page.goto(preview.base);
    await waitForMap(page);
    await page.click('[data-testid=tab-workspace]');
    // playwright hands chromium the 7,328 paths (DOM.setFileInputFiles); that is the harness, not
    // the app (a drop gives the page its File list at once), so the clock starts when it returns.
    let harnessMs = 0;
    const startImport = async () => {
      await page.check('[data-testid=new-workspace]').catch(() => undefined);
      const h0 = Date.now();
      await page.locator('[data-testid=open-file] input').setInputFiles(files);
      harnessMs = Date.now() - h0;
    };
    const progressDone = (p: Page) => p.waitForFunction(() => !document.querySelector('[data-testid=import-progress]'), undefined, { timeout: 1_800_000, polling: 100 });

    // Cancel: once the bytes bar has moved, the time from the click to the progress gone.
    await startImport();
    await page.waitForFunction(() => Number((document.querySelector('[data-testid=import-progress-bytes]') as HTMLProgressElement | null)?.value ?? 0) > 0, undefined, { timeout: 600_000, polling: 50 });
    const c0 = Date.now();
    await page.click('[data-testid=import-cancel]');
    await progressDone(page);
    report('  cancel after the bytes bar moved → progress gone (browser)', Date.now() - c0, 'ms', '≤ 1000 ms');

    // The import, sampling both progress bars.
    const before = await page.locator('[data-testid=import-report] > li').count();
    await startImport();
    const t0 = Date.now();
    const samples: { files: number; bytes: number }[] = [];
    const sampler = setInterval(() => {
      void page
        .evaluate(() => ({
          files: Number((document.querySelector('[data-testid=import-progress-files]') as HTMLProgressElement | null)?.value ?? NaN),
          bytes: Number((document.querySelector('[data-testid=import-progress-bytes]') as HTMLProgressElement | null)?.value ?? NaN),
        }))
        .then((s) => samples.push(s))
        .catch(() => undefined);
    }, 500);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=import-report] > li').length > n && !document.querySelector('[data-testid=import-progress]'), before, { timeout: 1_800_000, polling: 250 });
    clearInterval(sampler);
    await waitForMap(page);
    const seconds = (Date.now() - t0) / 1000;
    report(`national TPMAP import, browser worker (${files.length} files; file list → map)`, seconds, 's', `≤ 30 s; floor: read + parse ${floor.parse.toFixed(1)} s, read + split lines ${floor.read.toFixed(1)} s (Node)`);
    report('  harness: playwright setInputFiles of the paths (not counted)', harnessMs / 1000, 's');
    const distinct = (k: 'files' | 'bytes') => new Set(samples.map((s) => s[k]).filter((x) => Number.isFinite(x) && x > 0)).size;
    report('  progress samples (every 0.5 s) with a new files value', distinct('files'), 'samples');
    report('  progress samples (every 0.5 s) with a new bytes value', distinct('bytes'), 'samples');
    const cdp = await context.newCDPSession(page);
    const heap = await tabHeapMb(cdp);
    report('  JS heap after the import (after GC): page + all workers', heap.page + heap.workers, 'MB', '≤ 1024 MB');
    report('    page', heap.page, 'MB');
    report('    compute worker', heap.compute, 'MB');
    if (Number.isFinite(heap.computeBuffers)) report('    compute worker ArrayBuffers (outside the V8 heap)', heap.computeBuffers, 'MB');
    const est = await page.evaluate(async () => {
      const e = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
      return { usage: e.usage ?? 0, idb: e.usageDetails?.indexedDB ?? NaN };
    });
    // The stored files themselves (idb-keyval's database, storage.ts): name → size.
    const saved = await page.evaluate(() => new Promise<Record<string, number>>((resolve, reject) => {
      const open = indexedDB.open('cheepao-workspaces');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const out: Record<string, number> = {};
        const cursor = open.result.transaction('files').objectStore('files').openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return resolve(out);
          const v = c.value as unknown;
          if (v instanceof Blob) out[String(c.key).split('/').slice(2).join('/')] = v.size;
          else if (v instanceof Uint8Array) out[String(c.key).split('/').slice(2).join('/')] = v.byteLength;
          c.continue();
        };
      };
    }));
    report('  saved national workspace: IndexedDB on disk (profile directory)', duBytes(join(profile, 'Default', 'IndexedDB')) / 1e6, 'MB', '≤ 100 MB');
    report('    navigator.storage.estimate() IndexedDB', est.idb / 1e6, 'MB');
    report('    the workspace files as stored (bytes the app wrote)', Object.values(saved).reduce((a, b) => a + b, 0) / 1e6, 'MB');
    process.stdout.write(`    files: ${Object.entries(saved).map(([k, v]) => `${k} ${(v / 1e6).toFixed(1)} MB`).join(', ')}\n`);
    const r0 = Date.now();
    await page.reload();
    await waitForMap(page);
    report('national workspace restore after a reload (IndexedDB → first map)', Date.now() - r0, 'ms', '≤ 3000 ms');
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('cheepao:')).map((m) => [m.name, m.startTime])));
    for (const [k, v] of Object.entries(marks)) report(`  ${k} (ms from navigation)`, v, 'ms');
    await interactive(page, report);
  } finally {
    await context.close();
    preview.stop();
  }
}

/**
 * Issue 16 item 4 with the national workspace open: a dimension-subset change, from the click
 * to the next drawn frame (mapReady 0 → 1, watched in the page), with the worker's own compute
 * time; the targeting tab's level set to villages, and a weight change re-ranked (the worker's
 * rank time the panel shows, and the wall time until the panel shows the new one).
 */
async function interactive(page: Page, report: (l: string, v: number, u: string, target?: string) => void): Promise<void> {
  const repaint = (selector: string) => page.evaluate((sel) => new Promise<number>((resolve) => {
    const t0 = performance.now();
    let went0 = false;
    const obs = new MutationObserver(() => {
      const r = document.body.dataset.mapReady;
      if (r === '0') went0 = true;
      else if (r === '1' && went0) {
        obs.disconnect();
        resolve(performance.now() - t0);
      }
    });
    obs.observe(document.body, { attributes: true, attributeFilter: ['data-map-ready'] });
    (document.querySelector(sel) as HTMLElement).click();
    setTimeout(() => resolve(NaN), 60_000);
  }), selector);
  await page.click('[data-testid=tab-poverty]').catch(() => undefined);
  // The subset chooser is five checkboxes (issue 15 item 6): untick a dimension, tick it again.
  const available = Number((await page.locator('[data-testid=tpmap-dimsets]').getAttribute('data-available', { timeout: 10_000 }).catch(() => '0')) ?? 0);
  const sets = available >= 2 ? ['dim-access', 'dim-access', 'dim-income', 'dim-income'] : [];
  if (sets.length) {
    const times: number[] = [];
    const worker: number[] = [];
    for (const id of sets) {
      times.push(await repaint(`[data-testid=${id}]`));
      worker.push(Number((await page.locator('[data-testid=compute-ms]').textContent().catch(() => ''))?.match(/[\d.]+/)?.[0] ?? NaN));
    }
    times.sort((a, b) => a - b);
    report('subset change → map repainted (national village level, median of 4)', times[2], 'ms', '≤ 200 ms');
    report('  worker compute time shown (last)', worker[worker.length - 1], 'ms');
  } else process.stdout.write(`subset change: the import has fewer than 2 dimension sets (${available})\n`);
  await page.click('[data-testid=tab-targeting]');
  const rerankMs = () => page.locator('[data-testid=tg-rerank-ms]').getAttribute('data-ms', { timeout: 120_000 });
  const l0 = Date.now();
  await page.selectOption('[data-testid=tg-level]', 'village');
  const shown = await page.waitForFunction(() => /\d{2}[,.]?\d{3}/.test(document.querySelector('[data-testid=tg-rerank-ms]')?.textContent ?? '') || document.querySelector('[data-testid=tg-error]'), undefined, { timeout: 180_000, polling: 50 }).then(() => true, () => false);
  const error = await page.locator('[data-testid=tg-error]').textContent({ timeout: 100 }).catch(() => null);
  if (!shown || error) {
    process.stdout.write(`targeting at village level: no ranking (${error ?? 'none within 180 s'})\n`);
    return;
  }
  report('targeting level → villages, first ranking shown (wall)', Date.now() - l0, 'ms');
  const ranked = (await page.locator('[data-testid=tg-rerank-ms]').textContent())?.split(' ')[0];
  const walls: number[] = [];
  const workers: number[] = [];
  // TPMAP tables and boundaries only: no potential input, ranked by need alone (issue 15 §7), so
  // there is no need/potential weight; the setting change is then need-as rate ↔ count.
  const needOnly = (await page.locator('[data-testid=tg-need-weight]').count()) === 0;
  const changes = needOnly ? ['count', 'rate', 'count', 'rate', 'count'] : ['0.3', '0.6', '0.4', '0.7', '0.5'];
  for (const v of changes) {
    const before = await rerankMs();
    const w0 = Date.now();
    if (needOnly) await page.selectOption('[data-testid=tg-need-as]', v);
    else await page.locator('[data-testid=tg-need-weight]').fill(v);
    const changed = await page.waitForFunction((b) => document.querySelector('[data-testid=tg-rerank-ms]')?.getAttribute('data-ms') !== b, before, { timeout: 20_000, polling: 10 }).then(() => true, () => false);
    walls.push(changed ? Date.now() - w0 : NaN);
    workers.push(Number(await rerankMs()));
  }
  walls.sort((a, b) => a - b);
  workers.sort((a, b) => a - b);
  const what = needOnly ? 'a need-as change (need alone: no potential input)' : 'a weight change';
  report(`targeting re-rank after ${what}, ${ranked} villages: worker rank (median of 5)`, workers[2], 'ms', '≤ 50 ms');
  report('  change → ranking shown in the panel (wall, median of 5)', walls[2], 'ms');
}

const bench: BenchSection = async ({ report }) => {
  const R = '../shared/realdata';
  if (existsSync(R)) {
    const np = cliImport([`${R}/admin`, ...['village', 'tambol', 'amphur'].flatMap((l) => [`${R}/tpmap2561/61_73_${l}_11111.csv`, `${R}/tpmap2561/61_73_${l}_common.csv`]), `${R}/services/nakhonpathom_landmarks_wgs84.geojson`, `${R}/ntl/thailand_viirs_ntl_5km_2025-03_float32_deflate.tif`, '--type-map', 'gistda']);
    if (np) {
      report('CLI import, Nakhon Pathom workspace (OCHA adm1–3, TPMAP 73, GISTDA, VIIRS)', np.seconds * 1000, 'ms');
      report('  peak memory', np.peakMb, 'MB');
    }
  }
  const national = process.env.BENCH_NATIONAL;
  if (national && existsSync(national)) {
    const floor = await readAndSplitFloor(national);
    const r = process.env.BENCH_CLI === '0' ? null : cliImport([national]);
    if (r) {
      report(`CLI import, generated national TPMAP export (${readdirSync(national).length} files, ${Math.round(floor.bytes / 1e6)} MB)`, r.seconds, 's');
      report('  floor: read + split lines of the same bytes (Node)', floor.seconds, 's');
      report('  peak memory (old space capped at 640 MB)', r.peakMb, 'MB');
      report('  written workspace (counts file, villages, manifest)', r.writtenMb, 'MB');
    }
    if (process.env.BENCH_BROWSER !== '0') await browserNational(national, report, { read: floor.seconds, parse: await readAndParseFloor(national) });
  } else process.stdout.write('national TPMAP import: set BENCH_NATIONAL=DIR (scripts/support/writeNationalTpmap.ts DIR writes the fixture)\n');
};
export default bench;
