/**
 * The compute worker: loads the dataset and runs every heavy pass off the main thread, so the
 * page never freezes (DESIGN.md §5: no main-thread task over 200 ms). Exposed with comlink.
 *
 * It holds the embedded demo dataset and any dataset the user imported (TPMAP exports, a
 * household CSV); one is active at a time and switching back loses nothing.
 */
import { expose, transfer } from 'comlink';
import { DatasetSession, measureBuffers, type MeasuresByLevel, type ServiceCounts } from './datasetSession';
import { TpmapSession } from './tpmapSession';
import type { AreaNames, DatasetManifest } from '../data/datasetFormat';
import type { AreaDetail, MpiSettings } from '../domain/mpi';
import { importTpmap, describeTpmapReport } from '../data/tpmap/importTpmap';
import { householdsFromCsv, describeHouseholdReport } from '../data/households/householdCsv';
import { DATASET_FORMAT, DATASET_VERSION } from '../data/datasetFormat';
import { PROVINCES } from '../data/provinceTable';
import { accessApi } from './accessApi';

type Session = DatasetSession | TpmapSession;

let demo: DatasetSession | null = null;
const sessions = new Map<string, Session>();
let activeId = 'demo';
let importSeq = 0;

function urlReader(baseUrl: string) {
  return async (name: string): Promise<Uint8Array> => {
    const url = new URL(name, baseUrl).href;
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status} from ${url}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}

export interface InitResult {
  id: string;
  manifest: DatasetManifest;
  areas: AreaNames;
  capabilities: { af: boolean; dimensionSets: string[] | null };
  villageCode: Uint32Array;
  lon: Float32Array;
  lat: Float32Array;
  levelCodes: { province: string[]; district: string[]; subdistrict: string[] };
  /** Import report for the user (imports only). */
  report?: string;
}

/** The demo dataset (services, boundaries and village positions live there). */
function demoSession(): DatasetSession {
  if (!demo) throw new Error('dataset not loaded');
  return demo;
}

/** Requests name their dataset, so an answer can never come from another one. */
function sessionById(id: string): Session {
  const s = sessions.get(id);
  if (!s) throw new Error(`no dataset "${id}"`);
  return s;
}

function active(): Session {
  const s = sessions.get(activeId);
  if (!s) throw new Error('dataset not loaded');
  return s;
}

function describe(id: string, s: Session, report?: string): InitResult {
  const v = s.villages;
  const result: InitResult = {
    id,
    manifest: s.manifest,
    areas: s.areas,
    capabilities: s.capabilities,
    villageCode: v.code.slice(),
    lon: v.lon.slice(),
    lat: v.lat.slice(),
    levelCodes: { province: s.levelCodes('province'), district: s.levelCodes('district'), subdistrict: s.levelCodes('subdistrict') },
    report,
  };
  return transfer(result, [result.villageCode.buffer, result.lon.buffer, result.lat.buffer]);
}

/** Positions of imported villages from the demo's villages with the same code (NaN otherwise). */
function positionsFromDemo(codes: Uint32Array): { lon: Float32Array; lat: Float32Array; matched: number } {
  const d = demoSession().villages;
  const lon = new Float32Array(codes.length).fill(NaN);
  const lat = new Float32Array(codes.length).fill(NaN);
  let matched = 0;
  let j = 0;
  for (let i = 0; i < codes.length; i++) {
    while (j < d.count && d.code[j] < codes[i]) j++;
    if (j < d.count && d.code[j] === codes[i]) {
      lon[i] = d.lon[j];
      lat[i] = d.lat[j];
      matched++;
    }
  }
  return { lon, lat, matched };
}

const api = {
  // Services and access (issue 5) run over the demo dataset's villages: see accessApi.ts.
  ...accessApi(demoSession),

  async init(baseUrl: string): Promise<InitResult> {
    demo = await DatasetSession.open(urlReader(baseUrl));
    sessions.set('demo', demo);
    activeId = 'demo';
    return describe('demo', demo);
  },

  /** Make an already loaded dataset the active one. */
  async activate(id: string): Promise<InitResult> {
    const s = sessions.get(id);
    if (!s) throw new Error(`no dataset "${id}"`);
    activeId = id;
    return describe(id, s);
  },

  /**
   * TPMAP public CSV exports (several files at once: village/tambol/amphur tables, _common,
   * village names) become a new dataset with the union measures the tables allow.
   */
  async importTpmapFiles(blobs: { name: string; file: Blob }[]): Promise<InitResult> {
    const files = await Promise.all(blobs.map(async (b) => ({ name: b.name, text: await b.file.text() })));
    const imported = importTpmap(files);
    if (imported.counts.size === 0) throw new Error(`${files.map((f) => f.name).join(', ')}: no TPMAP table recognised (${describeTpmapReport(imported.report)})`);
    const areas: AreaNames = { provinces: PROVINCES.map((p) => ({ code: p.code, th: p.th, en: p.en, region: p.region })), districts: [], subdistricts: [] };
    const title = `TPMAP ${[...imported.counts.keys()].join(', ')} · ${files.length} ${files.length === 1 ? 'file' : 'files'}`;
    const s = new TpmapSession(imported, areas, title);
    const id = `import-${++importSeq}`;
    sessions.set(id, s);
    activeId = id;
    return describe(id, s, describeTpmapReport(imported.report));
  },

  /** A household CSV (one row a household) becomes profiles: Alkire–Foster works on it. */
  async importHouseholdCsv(file: Blob, name: string, year: number): Promise<InitResult> {
    // The File itself crosses to the worker (structured clone shares the bytes), so a large
    // CSV is read and parsed here and never held as a string on the main thread.
    const r = householdsFromCsv(await file.text(), name, year);
    if (r.villageCodes.length === 0) throw new Error(`${name}: no valid household rows (${describeHouseholdReport(r.report)})`);
    const d = demoSession();
    const pos = positionsFromDemo(r.villageCodes);
    const manifest: DatasetManifest = {
      format: DATASET_FORMAT,
      version: DATASET_VERSION,
      title: { th: name, en: name },
      synthetic: false,
      source: `household CSV ${name}`,
      years: [year],
      files: { areas: '', villages: '', profiles: {}, boundaries: d.manifest.files.boundaries },
    };
    const villages = { count: r.villageCodes.length, code: r.villageCodes, lon: pos.lon, lat: pos.lat };
    const s = DatasetSession.fromMemory(d.read, manifest, d.areas, villages, year, r.profiles);
    const id = `import-${++importSeq}`;
    sessions.set(id, s);
    activeId = id;
    const where = `${pos.matched} of ${r.villageCodes.length} village codes have a position on the map`;
    return describe(id, s, `${describeHouseholdReport(r.report)} ${where}.`);
  },

  /** All measures at all levels; `ms` is the compute time in the worker (shown for analysts, benched). */
  async measures(datasetId: string, year: number, settings: MpiSettings, detail: boolean): Promise<{ levels: MeasuresByLevel; ms: number }> {
    const s = sessionById(datasetId);
    if (s instanceof DatasetSession) await s.preparedFor(year); // load once, outside the timing
    const t0 = performance.now();
    const levels = await s.measures(year, settings, detail);
    const ms = performance.now() - t0;
    return transfer({ levels, ms }, measureBuffers(levels));
  },

  async serviceCounts(): Promise<ServiceCounts | null> {
    return active().serviceCounts();
  },

  async areaDetails(datasetId: string, year: number, settings: MpiSettings, codes: string[]): Promise<AreaDetail[]> {
    const s = sessionById(datasetId);
    return Promise.all(codes.map((c) => s.areaDetail(year, settings, c)));
  },
};

export type ComputeApi = typeof api;
expose(api);
