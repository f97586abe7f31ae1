// shpjs 6.2 ships no types: the two functions we call (lib/index.js).
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** .shp bytes → one geometry per record (null shapes as null); `prj` false = coordinates as stored. */
  export function parseShp(shp: DataView | ArrayBuffer | Uint8Array, prj?: string | false): (Geometry | null)[];
  /** .dbf bytes → one object per record; `encoding` is a TextDecoder label (the .cpg's content). */
  export function parseDbf(dbf: DataView | ArrayBuffer | Uint8Array, encoding?: string): Record<string, unknown>[];
}
