/**
 * `npm run bench`: every file in scripts/bench/ exports a default BenchSection; each prints its
 * timings on the national demo dataset as `label  value unit` lines (numbers for closing notes,
 * never assertions).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_DATA_DIR } from '../src/data/nodeReader';

export interface BenchContext {
  dataDir: string;
  report: (label: string, value: number, unit: string) => void;
}
export type BenchSection = (ctx: BenchContext) => Promise<void>;

const dir = fileURLToPath(new URL('./bench/', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const f of files) {
  const section = f.replace(/\.ts$/, '');
  process.stdout.write(`\n# ${section}\n`);
  const mod = (await import(`./bench/${f}`)) as { default: BenchSection };
  await mod.default({
    dataDir: DEMO_DATA_DIR,
    report: (label, value, unit) => process.stdout.write(`${label.padEnd(58)} ${value.toFixed(value < 10 ? 2 : 1).padStart(10)} ${unit}\n`),
  });
}
