/**
 * gzip in both runtimes without a dependency: the browser's DecompressionStream (Chromium 80+)
 * and Node's zlib. Data files are stored gzip-compressed; a server that already removed the
 * compression (Content-Encoding) hands us plain bytes, so the magic number decides.
 */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  if (typeof process !== 'undefined' && process.versions?.node && typeof window === 'undefined' && typeof self === 'undefined') {
    const zlib = await import('node:zlib');
    return new Uint8Array(zlib.gunzipSync(bytes));
  }
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
