/**
 * Where the browser's national TPMAP import spends its time (issue 16): drops the folder named by
 * argv[2] into the production build in headless chromium and records a CDP CPU profile of the
 * compute worker and of the page, printing self time by function (top 40) and the wall time.
 * `npx tsx scripts/support/profileNationalImport.ts DIR` (BENCH_PORT, BENCH_DIST as the bench).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { launch, waitForMap } from '../../test/e2e/browser';
import { workerCdpSessions, type WorkerCdp } from './cdpWorkers';
import { execSync, spawn } from 'node:child_process';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** The compute worker's CDP command function, or null while it has not started. */
async function workerSession(cdp: CDPSession, match: (url: string) => boolean): Promise<WorkerCdp['call'] | null> {
  return (await workerCdpSessions(cdp, match))[0]?.call ?? null;
}

function summarise(name: string, p: Profile): void {
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i + 1] ?? 0));
  const byFn = new Map<string, number>();
  for (const n of p.nodes) {
    const t = self.get(n.id) ?? 0;
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
  }
  const total = (p.endTime - p.startTime) / 1000;
  process.stdout.write(`\n## ${name}: ${(total / 1000).toFixed(1)} s profiled\n`);
  for (const [k, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 40)) process.stdout.write(`${(us / 1000).toFixed(0).padStart(8)} ms  ${k}\n`);
}

const dir = process.argv[2];
// Unminified, so the profile names the functions.
const dist = process.env.BENCH_DIST ?? 'dist-profile';
execSync(`node_modules/.bin/vite build --minify false --outDir ${dist} --emptyOutDir`, { stdio: 'ignore' });
const port = Number(process.env.BENCH_PORT ?? 4399);
const server = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], { stdio: 'ignore' });
const preview = { base: `http://127.0.0.1:${port}/`, stop: () => server.kill('SIGTERM') };
for (let i = 0; i < 50; i++) {
  if (await fetch(preview.base).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 200));
}
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('console', (m) => process.stdout.write(`[console] ${m.text()}\n`));
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  await page.goto(preview.base);
  await waitForMap(page);
  await page.click('[data-testid=tab-workspace]');
  const cdp = await context.newCDPSession(page);
  const w = await workerSession(cdp, (u) => u.includes('compute.worker'));
  if (!w) throw new Error('no compute worker');
  await w('Profiler.enable');
  await w('Profiler.setSamplingInterval', { interval: 1000 });
  await w('Profiler.start');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  const before = await page.locator('[data-testid=import-report] > li').count();
  const t0 = Date.now();
  await page.check('[data-testid=new-workspace]').catch(() => undefined);
  await page.locator('[data-testid=open-file] input').setInputFiles(files);
  const tSet = Date.now();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=import-report] > li').length > n && !document.querySelector('[data-testid=import-progress]'), before, { timeout: 1_800_000, polling: 250 });
  const tDone = Date.now();
  await waitForMap(page);
  const tMap = Date.now();
  const wp = ((await w('Profiler.stop')) as { profile: Profile }).profile;
  const pp = ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile;
  process.stdout.write(`setInputFiles ${(tSet - t0) / 1000} s; import done ${(tDone - t0) / 1000} s; map ${(tMap - t0) / 1000} s\n`);
  writeFileSync('/tmp/tpmap-worker.cpuprofile', JSON.stringify(wp));
  writeFileSync('/tmp/tpmap-page.cpuprofile', JSON.stringify(pp));
  summarise('compute worker', wp);
  summarise('page', pp);
  if (process.env.PROFILE_SUBSET === '1') {
    // A dimension-subset change on the page (the worker's share is its compute-ms).
    await page.click('[data-testid=tab-poverty]');
    const sets = await page.$$eval('[data-testid^=dimset-]', (els) => els.map((e) => e.getAttribute('data-testid')!));
    await cdp.send('Profiler.start');
    const s0 = Date.now();
    await page.click(`[data-testid=${sets[1]}]`);
    await page.waitForFunction(() => document.body.dataset.mapReady === '0', undefined, { timeout: 5000, polling: 5 }).catch(() => undefined);
    await waitForMap(page);
    process.stdout.write(`\nsubset change: ${Date.now() - s0} ms\n`);
    summarise('subset change: page', ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile);
  }
  if (process.env.PROFILE_RESTORE === '1') {
    // The restore after a reload: the page from the reload, the new compute worker from when it appears.
    await cdp.send('Profiler.start');
    const r0 = Date.now();
    await page.reload();
    let w2: Awaited<ReturnType<typeof workerSession>> = null;
    for (let i = 0; i < 400 && !w2; i++) {
      w2 = await workerSession(cdp, (u) => u.includes('compute.worker')).catch(() => null);
      if (!w2) await new Promise((r) => setTimeout(r, 5));
    }
    if (w2) {
      await w2('Profiler.enable');
      await w2('Profiler.setSamplingInterval', { interval: 1000 });
      await w2('Profiler.start');
    }
    const wAt = Date.now() - r0;
    await waitForMap(page);
    process.stdout.write(`\nrestore: ${Date.now() - r0} ms (worker profiled from ${wAt} ms)\n`);
    const rp = ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile;
    writeFileSync('/tmp/tpmap-restore-page.cpuprofile', JSON.stringify(rp));
    summarise('restore: page', rp);
    if (w2) {
      const rw = ((await w2('Profiler.stop')) as { profile: Profile }).profile;
      writeFileSync('/tmp/tpmap-restore-worker.cpuprofile', JSON.stringify(rw));
      summarise('restore: compute worker', rw);
    }
  }
} finally {
  await browser.close();
  preview.stop();
}
