/** Runs the project's CLI (the same domain code) for e2e comparisons. */
import { execFileSync } from 'node:child_process';

export function cliJson<T>(args: string[]): T {
  const out = execFileSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args, '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 512 * 1024 * 1024 });
  return JSON.parse(out) as T;
}

export interface MpiRow {
  code: string;
  people: number;
  poor: number;
  target_poor: number;
  poor_no_card: number;
  rate: number;
  headcount_ratio: number;
  intensity: number;
  adjusted_headcount: number;
}
