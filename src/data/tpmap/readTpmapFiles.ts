/**
 * Reads a folder's TPMAP tables into a TpmapImporter at read speed with bounded memory
 * (issue 16): files are fetched ahead concurrently (the browser reads Blobs and Node reads files
 * off the parsing thread) up to a byte and file budget, and parsed in order, one pass each,
 * straight into the count tables; a large file is parsed as its chunks stream in, never held
 * whole. Progress counts files and bytes; `check` runs between files and chunks so a cancel
 * takes effect within one file's parse (milliseconds).
 */
import type { TpmapImporter } from './importTpmap';

export interface TpmapInput {
  name: string;
  size: number;
  bytes(): Promise<Uint8Array>;
  chunks?(): AsyncIterable<Uint8Array>;
}

/** Files above this are streamed (when the input can stream) instead of read whole. */
export const STREAM_ABOVE_BYTES = 4 * 1024 * 1024;
/** Bytes fetched ahead of the parser at most (plus one file). */
const READ_AHEAD_BYTES = 24 * 1024 * 1024;
const READ_AHEAD_FILES = 32;
/** Byte progress at most this often (a message to the page each time). */
const PROGRESS_EVERY_MS = 100;

export async function readTpmapFiles(
  files: readonly TpmapInput[],
  importer: TpmapImporter,
  hooks: { check?: () => void; progress?: (file: string) => void; onBytes?: (bytesDone: number, bytesTotal: number, file: string) => void; streamAboveBytes?: number } = {},
): Promise<{ bytes: number }> {
  const bytesTotal = files.reduce((s, f) => s + f.size, 0);
  importer.plan(files);
  let bytesDone = 0;
  let last = 0;
  const tell = (file: string, force = false) => {
    const now = Date.now();
    if (!hooks.onBytes || (!force && now - last < PROGRESS_EVERY_MS)) return;
    last = now;
    hooks.onBytes(bytesDone, bytesTotal, file);
  };
  const pending: { f: TpmapInput; bytes: Promise<Uint8Array> | null }[] = [];
  let next = 0;
  let ahead = 0;
  const fill = () => {
    while (next < files.length && pending.length < READ_AHEAD_FILES && (ahead < READ_AHEAD_BYTES || pending.length === 0)) {
      const f = files[next++];
      if (f.size > (hooks.streamAboveBytes ?? STREAM_ABOVE_BYTES) && f.chunks) pending.push({ f, bytes: null });
      else {
        const bytes = f.bytes();
        bytes.catch(() => undefined); // awaited in order below; never an unhandled rejection
        pending.push({ f, bytes });
        ahead += f.size;
      }
    }
  };
  try {
    while (next < files.length || pending.length) {
      fill();
      const { f, bytes } = pending.shift()!;
      hooks.check?.();
      if (bytes) {
        const b = await bytes;
        ahead -= f.size;
        fill();
        hooks.check?.();
        importer.addBytes(f.name, b);
        bytesDone += b.length;
      } else {
        const sink = importer.open(f.name);
        for await (const chunk of f.chunks!()) {
          hooks.check?.();
          sink?.push(chunk);
          bytesDone += chunk.length;
          tell(f.name);
        }
        sink?.end();
      }
      hooks.progress?.(f.name);
      tell(f.name, next >= files.length && pending.length === 0);
    }
  } finally {
    // A cancel or a refused file: let the reads already started finish quietly.
    for (const p of pending) p.bytes?.catch(() => undefined);
  }
  return { bytes: bytesDone };
}
