import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPersistent, waitForMap } from '../test/e2e/browser';
import { workerCdpSessions } from './support/cdpWorkers';
const dist = process.argv[2] ?? '/tmp/dist-p';
const server = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', '4610', '--strictPort', '--outDir', dist], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2500));
const dir = '/tmp/tpmap-national';
const context = await launchPersistent(mkdtempSync(join(tmpdir(), 'rkprof-')));
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('http://127.0.0.1:4610/');
  await waitForMap(page);
  await page.click('[data-testid=tab-workspace]');
  await page.check('[data-testid=new-workspace]').catch(() => undefined);
  const t0 = Date.now();
  await page.locator('[data-testid=open-file] input').setInputFiles(readdirSync(dir).sort().map((f) => join(dir, f)));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=import-report] > li').length > 0 && !document.querySelector('[data-testid=import-progress]'), undefined, { timeout: 1_800_000, polling: 250 });
  await waitForMap(page);
  console.log('imported', (Date.now() - t0) / 1000, 's');
  await page.click('[data-testid=tab-targeting]');
  await page.selectOption('[data-testid=tg-level]', 'village');
  await page.waitForFunction(() => /\d{2}[,.]?\d{3}/.test(document.querySelector('[data-testid=tg-rerank-ms]')?.textContent ?? ''), undefined, { timeout: 180_000, polling: 50 });
  console.log('ranked', await page.locator('[data-testid=tg-rerank-ms]').textContent());
  const cdp = await context.newCDPSession(page);
  const [w] = await workerCdpSessions(cdp, (u) => u.includes('compute'));
  await w.call('Profiler.enable');
  await w.call('Profiler.setSamplingInterval', { interval: 200 });
  await w.call('Profiler.start');
  for (const v of ['count', 'rate', 'count', 'rate', 'count', 'rate']) {
    const before = await page.locator('[data-testid=tg-rerank-ms]').getAttribute('data-ms');
    const w0 = Date.now();
    await page.selectOption('[data-testid=tg-need-as]', v);
    await page.waitForFunction((b) => document.querySelector('[data-testid=tg-rerank-ms]')?.getAttribute('data-ms') !== b, before, { timeout: 20_000, polling: 10 });
    const wall = Date.now() - w0;
    await page.waitForTimeout(300);
    console.log(v, 'wall', wall, 'worker', await page.locator('[data-testid=tg-rerank-ms]').getAttribute('data-ms'));
  }
  const prof = (await w.call('Profiler.stop')) as { profile: unknown };
  writeFileSync('/tmp/rk.cpuprofile', JSON.stringify(prof.profile));
} finally {
  await context.close();
  server.kill('SIGTERM');
}
