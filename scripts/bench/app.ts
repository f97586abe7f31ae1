/** Time to first map in headless chromium on the production build (software WebGL here). */
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { launch, waitForMap } from '../../test/e2e/browser';
import type { BenchSection } from '../bench';

const bench: BenchSection = async ({ report }) => {
  if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
    process.stdout.write('chromium missing: run `node scripts/ensure-chromium.mjs` for the browser timings\n');
    return;
  }
  if (!existsSync('dist/index.html')) execSync('node_modules/.bin/vite build', { stdio: 'ignore' });
  const port = 4399;
  const server = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 50; i++) {
      try { if ((await fetch(base)).ok) break; } catch { /* starting */ }
      await new Promise((r) => setTimeout(r, 200));
    }
    const browser = await launch();
    try {
      const runs: number[] = [];
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
        atFirstMap = wire;
        await new Promise((r) => setTimeout(r, 8000)); // background loads: services, lights, outlines
        afterIdle = wire;
        await context.close();
      }
      runs.sort((a, b) => a - b);
      report('time to first map, headless chromium, median of 3', runs[1], 'ms');
      report('bytes on the wire until the first map (last run; page, code, data)', atFirstMap / 1e6, 'MB');
      report('bytes on the wire 8 s later (services, lights raster, outlines loaded)', afterIdle / 1e6, 'MB');
    } finally {
      await browser.close();
    }
  } finally {
    server.kill('SIGTERM');
  }
};
export default bench;
