/**
 * The compute worker: opens workspaces and runs every heavy pass off the main thread, so the
 * page never freezes (DESIGN.md §5: no main-thread task over 200 ms). Exposed with comlink.
 *
 * It holds the demo workspace and every user workspace opened in this session (from IndexedDB);
 * one is active at a time, and every measure (poverty, access) reads the active one's own layers.
 * Imports run here too (src/data/workspace/importWorkspace.ts) and are committed to IndexedDB in
 * one transaction before the new state is shown.
 */
import { expose, transfer } from 'comlink';
import { DatasetSession, measureBuffers, WorkspaceSessionBase, type MeasuresByLevel, type ServiceCounts } from './datasetSession';
import { TpmapSession } from './tpmapSession';
import { readManifest } from '../data/dataset';
import type { AreaNames, DatasetManifest, JoinReport, WorkspaceLayer } from '../data/datasetFormat';
import type { AreaDetail, MpiSettings } from '../domain/mpi';
import { accessApi } from './accessApi';
import { targetingApi } from './targetingApi';
import { progressApi } from './progressApi';
import { commitWorkspace, deleteWorkspace, idbReader, listWorkspaces, newWorkspaceId, readerOf, renameWorkspace, workspaceBytes, type WorkspaceEntry, type WorkspaceRef } from '../data/workspace/storage';
import type { InputFile, WorkspaceImportOptions, WorkspaceImportReport } from '../data/workspace/importWorkspace';
import { layersOf } from '../data/workspace/layers';
import { decodeText } from '../data/formats/textEncoding';

type Session = DatasetSession | TpmapSession;

const sessions = new Map<string, Session>();
const refs = new Map<string, WorkspaceRef>();
let activeId = 'demo';
let cancelRequested = false;

/** A workspace's poverty layer decides the session: household profiles (AF) or TPMAP tables. */
/**
 * When each step of the last opening ended, as epoch ms (timeOrigin + now, so the page can place
 * them on its own timeline): the bench prints them as cheepao:worker:* marks (issue 16 items 2, 3).
 */
let openSteps: Record<string, number> = { 'worker started': performance.timeOrigin, 'worker module evaluated': performance.timeOrigin + performance.now() };
const stepAt = (what: string) => (openSteps[what] = performance.timeOrigin + performance.now());

async function openSession(ref: WorkspaceRef): Promise<Session> {
  const read = readerOf(ref);
  stepAt('open asked');
  const manifest = await readManifest(read);
  stepAt('manifest read');
  const s = Object.keys(manifest.files.profiles ?? {}).length ? await DatasetSession.open(read, manifest) : await TpmapSession.open(read, manifest, stepAt);
  stepAt('session open');
  return s;
}

export interface InitResult {
  id: string;
  ref: WorkspaceRef;
  manifest: DatasetManifest;
  layers: WorkspaceLayer[];
  areas: AreaNames;
  capabilities: { af: boolean; dimensionSets: string[] | null };
  villageCode: Uint32Array;
  lon: Float32Array;
  lat: Float32Array;
  levelCodes: { province: string[]; district: string[]; subdistrict: string[] };
  joins: JoinReport | null;
  /** Villages placed at subdistrict centroids by the user's choice, and their share of people. */
  placement: { villages: number; people: number; share: number } | null;
  /** The steps of the worker's start and of this workspace's opening (epoch ms; see openSteps). */
  steps: Record<string, number>;
}

/** Requests name their dataset, so an answer can never come from another one. */
function sessionById(id: string): Session {
  const s = sessions.get(id);
  if (!s) throw new Error(`no workspace "${id}" is open`);
  return s;
}

function active(): Session {
  const s = sessions.get(activeId);
  if (!s) throw new Error('dataset not loaded');
  return s;
}

function describe(id: string, s: Session): InitResult {
  const v = s.villages;
  const result: InitResult = {
    id,
    ref: refs.get(id)!,
    manifest: s.manifest,
    layers: layersOf(s.manifest),
    areas: s.areas,
    capabilities: s.capabilities,
    villageCode: v.code.slice(),
    lon: v.lon.slice(),
    lat: v.lat.slice(),
    levelCodes: { province: s.levelCodes('province'), district: s.levelCodes('district'), subdistrict: s.levelCodes('subdistrict') },
    joins: s.manifest.joins ?? null,
    placement: placements.get(id) ?? null,
    steps: openSteps,
  };
  openSteps = {};
  return transfer(result, [result.villageCode.buffer, result.lon.buffer, result.lat.buffer]);
}

const placements = new Map<string, { villages: number; people: number; share: number }>();

const access = accessApi(() => active() as WorkspaceSessionBase);

function activateSession(id: string): void {
  if (id !== activeId) access.accessReset();
  activeId = id;
}

/** A browser File (or Blob) as an import input: read lazily, here in the worker. */
function blobInput(b: { name: string; file: Blob; attribution?: string; fromDemo?: boolean }): InputFile {
  return {
    name: b.name,
    size: b.file.size,
    blob: b.file,
    // Not File.text(), which is UTF-8 only: Thai Excel saves CSV in Windows-874 (textEncoding.ts).
    text: async () => decodeText(new Uint8Array(await b.file.arrayBuffer())),
    // Large TPMAP tables are parsed as the Blob streams in (readTpmapFiles), never held whole.
    chunks: () => streamChunks(b.file.stream()),
    bytes: async () => new Uint8Array(await b.file.arrayBuffer()),
    head: async () => new Uint8Array(await b.file.slice(0, 65536).arrayBuffer()),
    ...(b.attribution ? { attribution: b.attribution } : {}),
    ...(b.fromDemo ? { fromDemo: true } : {}),
  };
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export interface ImportResult {
  init: InitResult;
  report: WorkspaceImportReport;
  entry: WorkspaceEntry;
  /** Time from the drop to the committed workspace (ms). */
  ms: number;
}

const api = {
  ...access,
  ...targetingApi(sessionById),
  ...progressApi(sessionById),

  async init(baseUrl: string): Promise<InitResult> {
    const ref = { id: 'demo', baseUrl };
    refs.set('demo', ref);
    const session = await openSession(ref);
    sessions.set('demo', session);
    activateSession('demo');
    // The first map needs the latest year's profiles: start reading them now, while the page
    // takes the description and fetches the polygons.
    if (session instanceof DatasetSession && session.manifest.years.length) void session.preparedFor(Math.max(...session.manifest.years)).catch(() => undefined);
    return describe('demo', sessions.get('demo')!);
  },

  /**
   * The demo's address without opening it: a reload that restores a user workspace opens that
   * one first (issue 16: restore ≤ 3 s) and the demo only when it is asked for (activate).
   */
  async registerDemo(baseUrl: string): Promise<void> {
    if (!refs.has('demo')) refs.set('demo', { id: 'demo', baseUrl });
  },

  /** Workspaces stored in this browser (IndexedDB), with their sizes. */
  async workspaces(): Promise<WorkspaceEntry[]> {
    return listWorkspaces();
  },

  /** Open (once) and activate a stored workspace or the demo. */
  async activate(id: string): Promise<InitResult> {
    if (!sessions.has(id) && id === 'demo' && refs.has('demo')) sessions.set(id, await openSession(refs.get('demo')!));
    if (!sessions.has(id)) {
      if (!(await listWorkspaces()).some((w) => w.id === id)) throw new Error(`workspace ${id} is not in this browser's storage (deleted, or saved in another browser)`);
      const ref = { id };
      refs.set(id, ref);
      sessions.set(id, await openSession(ref));
    }
    activateSession(id);
    return describe(id, sessions.get(id)!);
  },

  /**
   * Import files into workspace `target` (null: a new workspace). The worker reads the files,
   * builds the new workspace files, commits them to IndexedDB in one transaction and only then
   * opens the result; a refused file, a cancel or a full disk leaves everything as it was.
   */
  async importFiles(
    target: string | null,
    blobs: { name: string; file: Blob; attribution?: string; fromDemo?: boolean }[],
    options: Omit<WorkspaceImportOptions, 'onProgress' | 'cancelled'>,
    onProgress?: (done: number, total: number, file: string, bytesDone?: number, bytesTotal?: number) => void,
  ): Promise<ImportResult> {
    const t0 = performance.now();
    cancelRequested = false;
    if (target === 'demo') throw new Error('the demo workspace is read-only: files start a new workspace');
    const id = target ?? newWorkspaceId();
    const base = target ? { manifest: sessionById(target).manifest, read: idbReader(target) } : null;
    const previousBytes = target ? await workspaceBytes(target) : 0;
    // The importers (turf repair, proj4, GeoTIFF, CSV parsers) load with the first import, so
    // they never delay the first map.
    const { importIntoWorkspace, ImportCancelled } = await import('../data/workspace/importWorkspace');
    const { write, report } = await importIntoWorkspace(base, blobs.map(blobInput), {
      ...options,
      onProgress: onProgress ? (d, n, f, b, bt) => void onProgress(d, n, f, b, bt) : undefined,
      cancelled: () => cancelRequested,
    });
    if (cancelRequested) throw new ImportCancelled();
    const entry = await commitWorkspace(id, write.manifest, write.files, write.obsolete, previousBytes);
    const ref = { id };
    refs.set(id, ref);
    sessions.set(id, await openSession(ref));
    // Files added to the active workspace: access follows its new villages and services.
    if (id === activeId) access.accessReset();
    activateSession(id);
    return { init: describe(id, sessions.get(id)!), report, entry, ms: performance.now() - t0 };
  },

  /** Place villages without a location at their subdistrict's centroid (or stop), for access and lights. */
  async placeAtCentroids(id: string, on: boolean): Promise<InitResult> {
    const s = sessionById(id);
    const n = await s.placeAtCentroids(on);
    if (on) {
      const people = await s.villagePeople(Math.max(0, ...s.manifest.years));
      let placedPeople = 0;
      let total = 0;
      for (let i = 0; i < people.length; i++) {
        const p = Number.isFinite(people[i]) ? people[i] : 0;
        total += p;
        if (s.placed?.[i]) placedPeople += p;
      }
      placements.set(id, { villages: n, people: placedPeople, share: total > 0 ? placedPeople / total : 0 });
    } else placements.delete(id);
    if (id === activeId) access.accessReset();
    return describe(id, s);
  },

  async cancelImport(): Promise<void> {
    cancelRequested = true;
  },

  async renameWorkspace(id: string, title: { th: string; en: string }): Promise<WorkspaceEntry[]> {
    await renameWorkspace(id, title);
    sessions.delete(id);
    return listWorkspaces();
  },

  async deleteWorkspace(id: string): Promise<WorkspaceEntry[]> {
    if (id === 'demo') throw new Error('the demo workspace cannot be deleted');
    await deleteWorkspace(id);
    sessions.delete(id);
    refs.delete(id);
    return listWorkspaces();
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

  async serviceCounts(datasetId: string): Promise<ServiceCounts | null> {
    return sessionById(datasetId).serviceCounts();
  },

  async areaDetails(datasetId: string, year: number, settings: MpiSettings, codes: string[]): Promise<AreaDetail[]> {
    const s = sessionById(datasetId);
    return Promise.all(codes.map((c) => s.areaDetail(year, settings, c)));
  },
};

export type ComputeApi = typeof api;
expose(api);
