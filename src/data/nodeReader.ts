/** File-system ByteReader for Node (CLI, scripts, tests). */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ByteReader } from './dataset';
import { decodeTextChunks } from './formats/textEncoding';

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

/**
 * A text file on disk in 1 MiB pieces, never held whole, decoded in the encoding detected on its
 * first piece (UTF-8, UTF-16 or Windows-874: formats/textEncoding.ts); `onBytes` is told the size
 * of every piece read, for progress by bytes.
 */
export async function* readTextPieces(path: string, onBytes: (n: number) => void): AsyncIterable<string> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  async function* pieces(): AsyncIterable<Uint8Array> {
    for await (const piece of raw) {
      onBytes((piece as Buffer).length);
      yield piece as Uint8Array;
    }
  }
  yield* decodeTextChunks(pieces());
}
