/**
 * The production build served for the browser benches (scripts/bench/app.ts, briefing.ts): the
 * current tree built once per bench process into BENCH_DIST (default dist/), `vite preview`
 * started directly (STACK.md pitfall 7) and stopped by the caller. Null without chromium.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

let built = false;

export async function servePreview(port: number): Promise<{ base: string; stop: () => void } | null> {
  if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
    process.stdout.write('chromium missing: run `node scripts/ensure-e2e-tools.mjs` for the browser timings\n');
    return null;
  }
  const dist = process.env.BENCH_DIST ?? 'dist';
  if (!built) {
    execSync(`node_modules/.bin/vite build --outDir ${dist} --emptyOutDir`, { stdio: 'ignore' });
    built = true;
  }
  const server: ChildProcess = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, stop: () => server.kill('SIGTERM') };
}
