/**
 * A geotiff.js byte source over a Blob/File that reads slices with `Blob.slice().arrayBuffer()`.
 * geotiff.js's own fromBlob uses FileReader, which exists in browsers and workers but not in
 * Node; this works in all three and, like fromBlob, never reads the file whole: a dropped
 * multi-gigabyte global VNL tile costs only its IFDs and the strips/tiles of the window.
 */
import { GeoTIFF } from 'geotiff';

interface Slice {
  offset: number;
  length: number;
}

/** Duck-typed geotiff.js BaseSource (fetch / fetchSlice / fileSize / close). */
class BlobSource {
  constructor(private readonly blob: Blob) {}
  async fetch(slices: Slice[], signal?: AbortSignal): Promise<ArrayBuffer[]> {
    return Promise.all(slices.map(async (s) => (await this.fetchSlice(s, signal)).data));
  }
  async fetchSlice(slice: Slice, signal?: AbortSignal): Promise<Slice & { data: ArrayBuffer }> {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const data = await this.blob.slice(slice.offset, slice.offset + slice.length).arrayBuffer();
    return { ...slice, data };
  }
  get fileSize(): number {
    return this.blob.size;
  }
  async close(): Promise<void> {}
}

export function fromBlobSlices(blob: Blob, signal?: AbortSignal): Promise<GeoTIFF> {
  return GeoTIFF.fromSource(new BlobSource(blob) as unknown as Parameters<typeof GeoTIFF.fromSource>[0], undefined, signal);
}
