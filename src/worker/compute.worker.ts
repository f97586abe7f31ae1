/**
 * The compute worker: loads the dataset and runs every heavy pass off the main thread, so the
 * page never freezes (DESIGN.md §5: no main-thread task over 200 ms). Exposed with comlink.
 */
import { expose, transfer } from 'comlink';
import { DatasetSession, type TotalsByLevel } from './datasetSession';
import type { AreaNames, DatasetManifest } from '../data/datasetFormat';

let session: DatasetSession | null = null;

function urlReader(baseUrl: string) {
  return async (name: string): Promise<Uint8Array> => {
    const url = new URL(name, baseUrl).href;
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status} from ${url}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}

export interface InitResult {
  manifest: DatasetManifest;
  areas: AreaNames;
  villageCode: Uint32Array;
  lon: Float32Array;
  lat: Float32Array;
  levelCodes: { province: string[]; district: string[]; subdistrict: string[] };
}

const api = {
  async init(baseUrl: string): Promise<InitResult> {
    session = await DatasetSession.open(urlReader(baseUrl));
    const v = session.villages;
    const result: InitResult = {
      manifest: session.manifest,
      areas: session.areas,
      villageCode: v.code.slice(),
      lon: v.lon.slice(),
      lat: v.lat.slice(),
      levelCodes: {
        province: session.index.codes.province,
        district: session.index.codes.district,
        subdistrict: session.index.codes.subdistrict,
      },
    };
    return transfer(result, [result.villageCode.buffer, result.lon.buffer, result.lat.buffer]);
  },

  async totals(year: number): Promise<TotalsByLevel> {
    if (!session) throw new Error('dataset not loaded');
    // Copies: the worker keeps its cache, the main thread owns what it receives.
    const t = await session.totals(year);
    const copy = {} as TotalsByLevel;
    const buffers: ArrayBuffer[] = [];
    for (const [level, cols] of Object.entries(t) as [keyof TotalsByLevel, TotalsByLevel[keyof TotalsByLevel]][]) {
      const c = {} as typeof cols;
      for (const [k, arr] of Object.entries(cols) as [keyof typeof cols, Float64Array][]) {
        c[k] = arr.slice();
        buffers.push(c[k].buffer as ArrayBuffer);
      }
      copy[level] = c;
    }
    return transfer(copy, buffers);
  },
};

export type ComputeApi = typeof api;
expose(api);
