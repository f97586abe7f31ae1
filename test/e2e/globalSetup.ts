/**
 * Serves the production build with `vite preview` on 127.0.0.1 for the e2e files (started
 * directly, not through npx, so the PID we stop is the server's — STACK.md pitfall 7).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

const PORT = Number(process.env.E2E_PORT ?? 4317);
let server: ChildProcess | null = null;

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`e2e: preview server did not answer at ${url} within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject) {
  // E2E_DIST lets parallel work build and serve its own copy (vite build --outDir X).
  const dist = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${dist}/index.html`)) throw new Error(`e2e: ${dist}/ is missing — run \`vite build\` first (npm run test:e2e does)`);
  server = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', dist], { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = `http://127.0.0.1:${PORT}/`;
  await waitFor(base, 30_000);
  project.provide('baseUrl', base);
  return async () => {
    server?.kill('SIGTERM');
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
