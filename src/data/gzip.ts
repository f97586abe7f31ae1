/**
 * gzip without a dependency: DecompressionStream exists in browsers, workers and Node ≥ 18, so
 * one code path serves the app and the CLI. Data files are stored gzip-compressed; a server that
 * already removed the compression (Content-Encoding) hands us plain bytes, so the magic decides.
 */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** gzip-compress (CompressionStream: browsers, workers, Node ≥ 18). */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** gzip of text produced in chunks (a large file is never one string). */
export async function gzipChunks(chunks: Iterable<string>): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const it = chunks[Symbol.iterator]();
  const source = new ReadableStream<BufferSource>({
    pull(controller) {
      const n = it.next();
      if (n.done) controller.close();
      else controller.enqueue(enc.encode(n.value) as BufferSource);
    },
  });
  return new Uint8Array(await new Response(source.pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}

/** gzip of bytes produced in pieces, each taken when the compressor is ready for it. */
export async function gzipParts(parts: Iterable<Uint8Array>): Promise<Uint8Array> {
  const it = parts[Symbol.iterator]();
  const source = new ReadableStream<BufferSource>({
    pull(controller) {
      const n = it.next();
      if (n.done) controller.close();
      else controller.enqueue(n.value as BufferSource);
    },
  });
  return new Uint8Array(await new Response(source.pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}
