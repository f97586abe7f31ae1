/**
 * The compute worker: loads the dataset and runs every heavy pass off the main thread, so the
 * page never freezes (DESIGN.md §5: no main-thread task over 200 ms). Exposed with comlink.
 */
import { expose, transfer } from 'comlink';
import { DatasetSession, measureBuffers, type MeasuresByLevel } from './datasetSession';
import type { AreaNames, DatasetManifest } from '../data/datasetFormat';
import type { AreaDetail, MpiSettings } from '../domain/mpi';

import { accessApi } from './accessApi';

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

function need(): DatasetSession {
  if (!session) throw new Error('dataset not loaded');
  return session;
}

const api = {
  // Services and access (issue 5): methods over the same loaded dataset, see accessApi.ts.
  ...accessApi(need),

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
        province: session.levelCodes('province'),
        district: session.levelCodes('district'),
        subdistrict: session.levelCodes('subdistrict'),
      },
    };
    return transfer(result, [result.villageCode.buffer, result.lon.buffer, result.lat.buffer]);
  },

  /** All measures at all levels; `ms` is the compute time in the worker (shown for analysts, benched). */
  async measures(year: number, settings: MpiSettings, detail: boolean): Promise<{ levels: MeasuresByLevel; ms: number }> {
    const s = need();
    await s.preparedFor(year);
    const t0 = performance.now();
    const levels = await s.measures(year, settings, detail);
    const ms = performance.now() - t0;
    return transfer({ levels, ms }, measureBuffers(levels));
  },

  async serviceCounts() {
    return need().serviceCounts();
  },

  async areaDetails(year: number, settings: MpiSettings, codes: string[]): Promise<AreaDetail[]> {
    const s = need();
    return Promise.all(codes.map((c) => s.areaDetail(year, settings, c)));
  },
};

export type ComputeApi = typeof api;
expose(api);
