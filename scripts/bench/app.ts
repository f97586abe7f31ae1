/** Time to first map in headless chromium on the production build (software WebGL here). */
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { launch, openPage, waitForMap } from '../../test/e2e/browser';
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
      let bytes = 0;
      for (let i = 0; i < 3; i++) {
        const t0 = Date.now();
        const s = await openPage(browser, base);
        const sizes: number[] = [];
        s.page.on('response', async (r) => { try { sizes.push((await r.body()).length); } catch { /* ignore */ } });
        await waitForMap(s.page);
        runs.push(Date.now() - t0);
        bytes = sizes.reduce((a, b) => a + b, 0);
        await s.page.context().close();
      }
      runs.sort((a, b) => a - b);
      report('time to first map, headless chromium, median of 3', runs[1], 'ms');
      if (bytes) report('bytes transferred after navigation (last run)', bytes / 1e6, 'MB');
    } finally {
      await browser.close();
    }
  } finally {
    server.kill('SIGTERM');
  }
};
export default bench;
