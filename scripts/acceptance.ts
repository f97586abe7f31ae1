/**
 * `npm run acceptance`: runs every scripts/acceptance/*.ts against the real third-party files in
 * ../shared/realdata (never copied into the project). Exits non-zero when any check fails.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./acceptance/', import.meta.url));
let failed = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts')).sort()) {
  process.stdout.write(`\n# ${f}\n`);
  const r = spawnSync('node_modules/.bin/tsx', [`${dir}${f}`, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`# ${f}: FAILED (exit ${r.status})\n`);
  }
}
process.exit(failed ? 1 : 0);
