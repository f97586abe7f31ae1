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
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launch, waitForMap } from '../../test/e2e/browser';
import { servePreview } from '../support/preview';
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

/** JS heap used by the page and by each of its dedicated workers (CDP Runtime.getHeapUsage), MB. */
async function tabHeapMb(cdp: CDPSession): Promise<{ page: number; workers: number }> {
  const page = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1e6;
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
  let workers = 0;
  for (const t of targetInfos.filter((x) => x.type === 'worker')) {
    try {
      const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false })) as { sessionId: string };
      const answer = new Promise<number>((resolve) => {
        const on = (e: { sessionId: string; message: string }) => {
          const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
          if (e.sessionId === sessionId && m.id === 1) {
            cdp.off('Target.receivedMessageFromTarget', on);
            resolve((m.result?.usedSize ?? 0) / 1e6);
          }
        };
        cdp.on('Target.receivedMessageFromTarget', on);
        setTimeout(() => resolve(NaN), 10_000);
      });
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
      workers += await answer;
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    } catch {
      /* a worker that went away */
    }
  }
  return { page, workers };
}

async function browserNational(dir: string, report: (l: string, v: number, u: string) => void, floorSeconds: number): Promise<void> {
  const preview = await servePreview(Number(process.env.BENCH_PORT ?? 4399));
  if (!preview) return;
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const files = readdirSync(dir).sort().map((f) => join(dir, f));
    await page.goto(preview.base);
    await waitForMap(page);
    await page.click('[data-testid=tab-workspace]');
    const startImport = async () => {
      await page.check('[data-testid=new-workspace]').catch(() => undefined);
      await page.locator('[data-testid=open-file] input').setInputFiles(files);
    };
    const progressDone = (p: Page) => p.waitForFunction(() => !document.querySelector('[data-testid=import-progress]'), undefined, { timeout: 1_800_000, polling: 100 });

    // Cancel: once the bytes bar has moved, the time from the click to the progress gone.
    await startImport();
    await page.waitForFunction(() => Number((document.querySelector('[data-testid=import-progress-bytes]') as HTMLProgressElement | null)?.value ?? 0) > 0, undefined, { timeout: 600_000, polling: 50 });
    const c0 = Date.now();
    await page.click('[data-testid=import-cancel]');
    await progressDone(page);
    report('  cancel after the bytes bar moved → progress gone (browser)', Date.now() - c0, 'ms');

    // The import, sampling both progress bars.
    const before = await page.locator('[data-testid=import-report] > li').count();
    const t0 = Date.now();
    await startImport();
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
    const seconds = (Date.now() - t0) / 1000;
    await waitForMap(page);
    report(`national TPMAP import, browser worker (${files.length} files; to the map)`, seconds, 's');
    report('  floor: read + split lines of the same bytes (Node)', floorSeconds, 's');
    const distinct = (k: 'files' | 'bytes') => new Set(samples.map((s) => s[k]).filter((x) => Number.isFinite(x) && x > 0)).size;
    report('  progress samples (every 0.5 s) with a new files value', distinct('files'), 'samples');
    report('  progress samples (every 0.5 s) with a new bytes value', distinct('bytes'), 'samples');
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    const heap = await tabHeapMb(cdp);
    report('  JS heap after the import: page', heap.page, 'MB');
    report('  JS heap after the import: workers (compute, lights …)', heap.workers, 'MB');
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    report('  browser storage used (IndexedDB: the saved national workspace + the cancelled none)', usage / 1e6, 'MB');
    const r0 = Date.now();
    await page.reload();
    await waitForMap(page);
    report('national workspace restore after a reload (IndexedDB → first map)', Date.now() - r0, 'ms');
    await context.close();
  } finally {
    await browser.close();
    preview.stop();
  }
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
    const r = cliImport([national]);
    if (r) {
      report(`CLI import, generated national TPMAP export (${readdirSync(national).length} files, ${Math.round(floor.bytes / 1e6)} MB)`, r.seconds, 's');
      report('  floor: read + split lines of the same bytes (Node)', floor.seconds, 's');
      report('  peak memory (old space capped at 640 MB)', r.peakMb, 'MB');
      report('  written workspace (counts file, villages, manifest)', r.writtenMb, 'MB');
    }
    if (process.env.BENCH_BROWSER !== '0') await browserNational(national, report, floor.seconds);
  } else process.stdout.write('national TPMAP import: set BENCH_NATIONAL=DIR (scripts/support/writeNationalTpmap.ts DIR writes the fixture)\n');
};
export default bench;
