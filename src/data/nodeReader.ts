/** File-system ByteReader for Node (CLI, scripts, tests). */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ByteReader } from './dataset';

export const DEMO_DATA_DIR = resolve(fileURLToPath(new URL('../../data/demo', import.meta.url)));

export function dirReader(dir: string): ByteReader {
  return async (name) => {
    try {
      return new Uint8Array(await readFile(join(dir, name)));
    } catch (e) {
      throw new Error(`${join(dir, name)}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  };
}
