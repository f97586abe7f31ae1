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
  /**
   * One figure. `target` is the issue's aim or the floor it is measured against (for example
   * '≤ 15 ms', 'floor: read + parse 9.8 s'), printed beside the figure so a closing note can
   * quote both from one line.
   */
  report: (label: string, value: number, unit: string, target?: string) => void;
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
    report: (label, value, unit, target) =>
      process.stdout.write(
        `${label.padEnd(58)} ${value.toFixed(value < 10 ? 2 : 1).padStart(10)} ${unit}${target ? `   [${target}]` : ''}\n`,
      ),
  });
}
