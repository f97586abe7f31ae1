/**
 * CLI conventions shared by every command: only the result goes to stdout, messages and
 * progress to stderr; bad input throws CliError and main.ts exits non-zero with one line.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_DATA_DIR, dirReader } from '../data/nodeReader';
import { readManifest, type ByteReader } from '../data/dataset';
import type { DatasetManifest } from '../data/datasetFormat';

export class CliError extends Error {}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export type Command = (argv: string[], io: CliIo) => Promise<void>;

/**
 * `--name value` options (and `--flag` booleans) through node:util parseArgs, strict: an unknown
 * or malformed option is a CliError with parseArgs' own message.
 */
export function parseOptions<S extends string, B extends string = never>(argv: string[], strings: readonly S[], booleans: readonly B[] = []): Partial<Record<S, string>> & Partial<Record<B, boolean>> {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const n of strings) options[n] = { type: 'string' };
  for (const n of booleans) options[n] = { type: 'boolean' };
  try {
    return parseArgs({ args: argv, options, strict: true }).values as Partial<Record<S, string>> & Partial<Record<B, boolean>>;
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

/** The dataset directory of `--data DIR` (default the demo): its reader and manifest, or a CliError. */
export async function openDataset(value: string | undefined): Promise<{ dir: string; read: ByteReader; manifest: DatasetManifest }> {
  const dir = dataDir(value);
  const read = dirReader(dir);
  try {
    return { dir, read, manifest: await readManifest(read) };
  } catch (e) {
    throw new CliError(`${dir}: not a dataset directory (${(e as Error).message})`);
  }
}

/** `--data DIR` or the embedded demo dataset. */
export function dataDir(value: string | undefined): string {
  return value ? resolve(value) : DEMO_DATA_DIR;
}

export function parseFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`--format must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export function parseNumber(name: string, value: string | undefined, fallback: number, min = -Infinity, max = Infinity): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new CliError(`--${name} must be a number in [${min}, ${max}] (got "${value}")`);
  return n;
}

/** CSV for spreadsheets: UTF-8 with BOM (Excel + Thai), formula-leading cells neutralised (DESIGN.md §5). */
export function toCsv(rows: Record<string, unknown>[], columns?: string[]): string {
  const cols = columns ?? (rows.length ? Object.keys(rows[0]) : []);
  const cell = (v: unknown): string => {
    let s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    // OWASP CSV injection: a cell starting with = + - @ (or tab/CR) is a formula to Excel; plain
    // numbers such as -3.5 stay numbers.
    if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}
