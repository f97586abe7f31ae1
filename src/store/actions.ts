/** Actions: the only way the UI changes state. Heavy work goes to the compute worker. */
import { proxy } from 'comlink';
import { computeWorker, earlyActivation } from './earlyStart';
import { readDisplayBoundaries } from './displayBoundaries';
import type { ImportResult, InitResult } from '../worker/compute.worker';
import { appStore, notify, type AppState, type LoadedDataset } from './store';
import type { Lang } from '../text/i18n';
import { measureInfo, type MapMeasure } from '../domain/mapMeasures';
import { resolveSettings, type MpiSettings } from '../domain/mpi';
import { lineage, villageCodeString } from '../domain/adminCodes';
import { latestWins } from './latestWins';
import type { ClassMethod } from '../domain/classify';
import { AF_NEEDS_HOUSEHOLDS, dimensionSetKey } from '../data/tpmap/tpmapMeasures';
import { DIMENSION_IDS, type DimensionId } from '../domain/indicators';

/** "10100" → ['health', 'education'] (TPMAP's file suffix, DIMENSIONS order). */
export function dimensionsOfSetKey(key: string): DimensionId[] {
  return DIMENSION_IDS.filter((_, i) => key[i] === '1');
}

// The worker is created by the entry chunk before the app chunk loads (earlyStart.ts).
export { computeWorker } from './earlyStart';

/**
 * Make a dataset the one on screen: names and code positions for lookups; the year, selection and
 * poverty rule fall back to what it supports (an import with no household data cannot do AF).
 */
export function applyInit(init: InitResult): void {
  // The worker's steps on the page's timeline (the benches print every cheepao:* mark).
  for (const [what, at] of Object.entries(init.steps ?? {})) {
    const startTime = at - performance.timeOrigin;
    if (startTime >= 0 && typeof performance.mark === 'function') performance.mark(`cheepao:worker:${what}`, { startTime });
  }
  const names = new Map<string, { th: string; en: string }>();
  for (const list of [init.areas.provinces, init.areas.districts, init.areas.subdistricts]) for (const a of list) names.set(a.code, { th: a.th, en: a.en });
  // TPMAP communities with a letter in their id (`901151A001`) are listed by that id, not a moo number.
  for (const a of init.areas.villages ?? []) if (a.tpmapId) names.set(a.code, { th: a.th, en: a.en });
  const position = new Map<string, number>();
  for (const list of Object.values(init.levelCodes)) list.forEach((c, i) => position.set(c, i));
  init.villageCode.forEach((c, i) => position.set(villageCodeString(c), i));
  const dataset: LoadedDataset = { ...init, names, position };
  const s = appStore.getState();
  const years = init.manifest.years.length ? init.manifest.years : [s.year];
  // TPMAP tables exist only for the dimension sets exported (11111 and single dimensions):
  // start on all five when present, else on the first set there is.
  const sets = init.capabilities.dimensionSets;
  const setKey = sets ? (sets.includes('11111') ? '11111' : sets[0]) : null;
  const mpi = init.capabilities.af ? s.mpi : { ...s.mpi, measure: 'tpmap' as const, weights: null, dimensions: setKey ? dimensionsOfSetKey(setKey) : DIMENSION_IDS };
  appStore.setState({
    dataset,
    mpi,
    year: years.includes(s.year) ? s.year : Math.max(...years),
    selection: s.selection === 'TH' || position.has(s.selection) ? s.selection : 'TH',
    result: null,
    detail: null,
    serviceCounts: null,
    boundaries: {},
  });
}

/**
 * The workspace's own province and district polygons for the map (the simplified display copies
 * when it has them). Missing levels stay missing: never another workspace's.
 */
export async function loadBoundaries(): Promise<void> {
  const ds = appStore.getState().dataset;
  if (!ds) return;
  const boundaries = await readDisplayBoundaries(ds.ref, ds.manifest.files, ds.lon.some((x) => Number.isFinite(x)));
  if (appStore.getState().dataset?.id === ds.id) appStore.setState({ boundaries });
}

export { readDisplayBoundaries };

/** Services per area for the workspace on screen (after the map, so it never delays it). */
export async function refreshServiceCounts(): Promise<void> {
  const id = appStore.getState().dataset?.id;
  if (!id) return;
  const serviceCounts = await computeWorker().serviceCounts(id);
  if (appStore.getState().dataset?.id === id) appStore.setState({ serviceCounts });
}

/** Show a workspace (the demo or a stored one); nothing loaded is lost by switching. */
export async function activateDataset(id: string): Promise<void> {
  try {
    const init = await (earlyActivation(id) ?? computeWorker().activate(id));
    performance.mark('cheepao:workspace-opened');
    await showWorkspace(init);
  } catch (e) {
    notify('error', (e as Error).message);
  }
}

async function showWorkspace(init: InitResult): Promise<void> {
  applyInit(init);
  await Promise.all([loadBoundaries(), recompute()]);
  if (appStore.getState().mapReady) void refreshServiceCounts().catch((e) => notify('error', (e as Error).message));
}

export async function refreshWorkspaceList(): Promise<void> {
  try {
    appStore.setState({ workspaces: await computeWorker().workspaces() });
  } catch (e) {
    notify('error', `browser storage: ${(e as Error).message}`);
  }
}

let importSeq = 0;
/**
 * Files dropped or opened: into the active user workspace, or a new one (when the demo is on
 * screen, or the user asked for a new one). Runs in the worker with progress; the new state is
 * shown only once it is committed to browser storage, so a refusal leaves everything as it was.
 */
export async function importFiles(files: { name: string; file: Blob; attribution?: string; fromDemo?: boolean }[], into?: string | null): Promise<ImportResult | null> {
  const s = appStore.getState();
  if (s.importing) {
    notify('error', s.lang === 'th' ? 'กำลังนำเข้าไฟล์อยู่ รอให้เสร็จหรือยกเลิกก่อน' : 'an import is running; wait for it or cancel it first');
    return null;
  }
  const target = into !== undefined ? into : !s.dataset || s.dataset.id === 'demo' || s.newWorkspaceOnDrop ? null : s.dataset.id;
  const o = s.importOptions;
  appStore.setState({ importing: { done: 0, total: files.length, file: files[0]?.name ?? '' } });
  try {
    const r = await computeWorker().importFiles(
      target,
      files,
      { crs: o.crs || undefined, ...(o.codeField ? { codeField: o.codeField } : {}), ...(o.level ? { level: o.level } : {}), ...(o.typeMap ? { typeMap: o.typeMap } : {}), year: undefined },
      proxy((done: number, total: number, file: string, bytesDone?: number, bytesTotal?: number) => appStore.setState({ importing: { done, total, file, ...(bytesTotal ? { bytesDone, bytesTotal } : {}) } })),
    );
    appStore.setState((st) => ({
      imports: [...st.imports, { id: ++importSeq, workspaceId: r.init.id, at: new Date().toISOString(), lines: r.report.lines, refused: r.report.refused, ms: r.ms }],
      newWorkspaceOnDrop: false,
    }));
    await refreshWorkspaceList();
    await showWorkspace(r.init);
    return r;
  } catch (e) {
    const msg = (e as Error).message;
    appStore.setState((st) => ({ imports: [...st.imports, { id: ++importSeq, workspaceId: target ?? '', at: new Date().toISOString(), lines: [], refused: msg.split('\n').map((m) => ({ file: files.map((f) => f.name).join(', '), message: m })), ms: 0 }] }));
    notify('error', msg.split('\n')[0]);
    return null;
  } finally {
    appStore.setState({ importing: null });
  }
}

/** Villages without a location at their subdistrict's centroid (for access and lights), or not. */
export async function setCentroidPlacement(on: boolean): Promise<void> {
  const ds = appStore.getState().dataset;
  if (!ds) return;
  try {
    await showWorkspace(await computeWorker().placeAtCentroids(ds.id, on));
  } catch (e) {
    notify('error', (e as Error).message);
  }
}

export function cancelImport(): void {
  void computeWorker().cancelImport();
}

/**
 * The demo's real Natural Earth province outlines into the active workspace, at the user's
 * request, labelled with their source (a workspace never borrows a layer silently).
 */
export async function adoptDemoProvinceOutlines(demoBase: string): Promise<void> {
  const ds = appStore.getState().dataset;
  if (!ds || ds.id === 'demo') return;
  const res = await fetch(new URL('boundaries/province.geojson', demoBase).href);
  if (!res.ok) {
    notify('error', `province outlines: HTTP ${res.status}`);
    return;
  }
  const blob = await res.blob();
  await importFiles([{ name: 'natural-earth-provinces.geojson', file: blob, attribution: 'Natural Earth admin-1 (public domain), via the demo workspace', fromDemo: true }], ds.id);
}

export async function renameWorkspace(id: string, title: string): Promise<void> {
  const t = title.trim();
  if (!t) return;
  try {
    appStore.setState({ workspaces: await computeWorker().renameWorkspace(id, { th: t, en: t }) });
    if (appStore.getState().dataset?.id === id) await activateDataset(id);
  } catch (e) {
    notify('error', (e as Error).message);
  }
}

export async function deleteWorkspace(id: string): Promise<void> {
  try {
    const wasActive = appStore.getState().dataset?.id === id;
    appStore.setState({ workspaces: await computeWorker().deleteWorkspace(id) });
    if (wasActive) await activateDataset('demo');
  } catch (e) {
    notify('error', (e as Error).message);
  }
}

function settingsKey(s: Pick<AppState, 'year' | 'mpi' | 'dataset'>): string {
  return JSON.stringify([s.dataset?.id, s.year, s.mpi]);
}

/**
 * Recompute every measure for the current dataset, year and settings in the worker (latest wins,
 * latestWins.ts: a fast slider drag never queues a backlog, and the main thread only posts).
 */
export const recompute = latestWins(async () => {
  const s = appStore.getState();
  if (!s.dataset) return;
  const wantDetail = measureInfo(s.mapMeasure).detail;
  const key = settingsKey(s);
  if (s.result && s.result.key === key && (s.result.hasDetail || !wantDetail)) {
    void refreshDetail();
    return;
  }
  try {
    const r = await computeWorker().measures(s.dataset.id, s.year, s.mpi, wantDetail);
    // The user may have switched dataset, year or rule meanwhile: an answer for other inputs is
    // never painted (its columns would be read through another dataset's code positions).
    if (settingsKey(appStore.getState()) !== key) return true;
    appStore.setState({ result: { year: s.year, key, hasDetail: wantDetail, levels: r.levels, ms: r.ms } });
  } catch (e) {
    notify('error', (e as Error).message);
    // Settings changed while this one failed: try those; otherwise stop.
    return settingsKey(appStore.getState()) !== key;
  }
  void refreshDetail();
});

let detailSeq = 0;
/** Detail (indicators, dimensions, contributions) of the selection, its parent and the country. */
export async function refreshDetail(): Promise<void> {
  const s = appStore.getState();
  if (!s.dataset) return;
  const chain = lineage(s.selection);
  const codes = [...new Set([s.selection, chain[Math.max(0, chain.length - 2)], 'TH'])];
  const key = JSON.stringify([settingsKey(s), codes]);
  if (s.detail?.key === key) return;
  const seq = ++detailSeq;
  try {
    const areas = await computeWorker().areaDetails(s.dataset.id, s.year, s.mpi, codes);
    if (seq === detailSeq && settingsKey(appStore.getState()) === settingsKey(s)) appStore.setState({ detail: { key, areas } });
  } catch (e) {
    notify('error', (e as Error).message);
  }
}

export function setYear(year: number): void {
  appStore.setState({ year });
  void recompute();
}

/** Change poverty settings; invalid combinations are refused with the reason, state unchanged. */
export function setMpi(patch: Partial<MpiSettings>): void {
  const { mpi, dataset } = appStore.getState();
  const next = { ...mpi, ...patch };
  try {
    const rs = resolveSettings(next);
    const caps = dataset?.capabilities;
    if (caps && !caps.af && next.measure === 'af') throw new Error(AF_NEEDS_HOUSEHOLDS);
    if (caps?.dimensionSets) {
      const key = dimensionSetKey(rs.dimensions);
      if (!caps.dimensionSets.includes(key)) throw new Error(`the imported TPMAP tables have no dimension set ${key} (available: ${caps.dimensionSets.join(', ')})`);
    }
  } catch (e) {
    notify('error', (e as Error).message);
    return;
  }
  appStore.setState({ mpi: next });
  void recompute();
}

export function setMapMeasure(mapMeasure: MapMeasure): void {
  appStore.setState({ mapMeasure });
  void recompute();
}

export function setClassification(patch: Partial<{ method: ClassMethod; scope: 'national' | 'province'; custom: number[] }>): void {
  appStore.setState((s) => ({ classification: { ...s.classification, ...patch } }));
}

export function select(code: string): void {
  const ds = appStore.getState().dataset;
  if (code !== 'TH' && ds && !ds.position.has(code)) {
    notify('error', `unknown area code ${code}`);
    return;
  }
  appStore.setState({ selection: code });
  void refreshDetail();
}

export function setLang(lang: Lang): void {
  appStore.setState({ lang });
  document.documentElement.lang = lang;
}

export function setThaiDigits(on: boolean): void {
  appStore.setState({ thaiDigits: on });
}
