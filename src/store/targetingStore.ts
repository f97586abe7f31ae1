/**
 * State and actions of targeting and hot spots (issue 9): the ranking settings, the worker's
 * latest answers (worker/targetingApi.ts, asked latest-wins), the scatter's brush and the hover
 * shared by table, scatter and map, stability and hot-spot runs (progress, cancel), shortlists and
 * the scenarios saved per workspace in IndexedDB (idb-keyval, own database). Everything is
 * computed from the active workspace (appStore.dataset); a workspace switch drops the answers.
 */
import { download } from '../export/png';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { proxy } from 'comlink';
import { createStore as idbStore, get as idbGet, set as idbSet, type UseStore } from 'idb-keyval';
import type { FeatureCollection } from 'geojson';
import { appStore, notify } from './store';
import { computeWorker } from './actions';
import { latestWins } from './latestWins';
import { readerOf } from '../data/workspace/storage';
import { readText } from '../data/dataset';
import type { TargetingLevel } from '../data/targetingInputs';
import { compareScenarios, makeScenario, shortlist, type RankOptions, type Scenario, type Shortlist, type ShortlistRule, type TargetingResult } from '../domain/targeting';
import { PILLARS, type Pillar } from '../domain/targeting/inputs';
import type { Correction } from '../domain/hotspots';
import type { HotspotAnswer, HotspotRequest, StabilityAnswer, TargetingAnswer, TargetingPrepared, TargetingRequest } from '../worker/targetingApi';

export type SortKey = 'rank' | 'rankOther' | 'need' | 'potential' | 'score' | 'targetPoor' | 'name' | 'median' | 'band' | 'flip';

export interface TargetingSettings {
  level: TargetingLevel;
  /** Rank within this area code (null = the country). */
  within: string | null;
  needMeasure: string;
  needAs: 'rate' | 'count';
  normalise: 'minmax' | 'z' | 'rank';
  aggregate: 'linear' | 'geometric';
  missing: 'renormalise' | 'exclude';
  strategy: 'livelihoods' | 'protection';
  /** Share of need in the priority formula (potential gets 1 − it). */
  needWeight: number;
  pillarWeights: Record<Pillar, number>;
  /** Weights within pillars per input id (absent = 1). */
  inputWeights: Record<string, number>;
  thresholdWeighting: 'areas' | 'people';
}

export interface TargetingState {
  settings: TargetingSettings;
  prepared: TargetingPrepared | null;
  answer: TargetingAnswer | null;
  computing: boolean;
  error: string | null;
  /** Quadrant codes shown in the table (empty = all). */
  quadrantFilter: number[];
  sort: { key: SortKey; dir: 1 | -1 };
  rowLimit: number;
  /** Codes brushed in the scatter (shared with the table and the map). */
  brushed: string[];
  hover: string | null;
  stabilitySettings: { draws: number; seed: number; concentration: number; varyNormalisation: boolean };
  stability: StabilityAnswer | null;
  /** Draws done of a running pass; `cancelling` once the user asked it to stop. */
  stabilityProgress: RunProgress | null;
  hotspotSettings: Omit<HotspotRequest, 'id' | 'year' | 'mpi'>;
  hotspots: HotspotAnswer | null;
  hotspotProgress: RunProgress | null;
  rule: ShortlistRule;
  scenarios: Scenario[];
  compare: [string | null, string | null];
  /** Display polygons of the level, read from the workspace (subdistricts when the app has none loaded). */
  polygons: { key: string; fc: FeatureCollection } | null;
}

export interface RunProgress {
  done: number;
  total: number;
  cancelling?: boolean;
}

export const DEFAULT_TARGETING: TargetingSettings = {
  level: 'subdistrict',
  within: null,
  needMeasure: 'target_poor',
  needAs: 'rate',
  normalise: 'minmax',
  aggregate: 'linear',
  missing: 'renormalise',
  strategy: 'livelihoods',
  needWeight: 0.5,
  pillarWeights: { economy: 1, services: 1, infrastructure: 1 },
  inputWeights: {},
  thresholdWeighting: 'areas',
};

export const targetingStore = createStore<TargetingState>()(() => ({
  settings: DEFAULT_TARGETING,
  prepared: null,
  answer: null,
  computing: false,
  error: null,
  quadrantFilter: [],
  sort: { key: 'rank', dir: 1 },
  rowLimit: 100,
  brushed: [],
  hover: null,
  stabilitySettings: { draws: 200, seed: 1, concentration: 50, varyNormalisation: true },
  stability: null,
  stabilityProgress: null,
  hotspotSettings: { level: 'subdistrict', measure: 'rate', weights: { kind: 'queen' }, permutations: 999, seed: 1, alpha: 0.05, correction: 'fdr' as Correction, significanceFrom: 'local_moran' },
  hotspots: null,
  hotspotProgress: null,
  rule: { mode: 'count', areas: 20 },
  scenarios: [],
  compare: [null, null],
  polygons: null,
}));

export function useTargeting<T>(selector: (s: TargetingState) => T): T {
  return useStore(targetingStore, selector);
}

const isTh = () => appStore.getState().lang === 'th';

function request(level = targetingStore.getState().settings.level): TargetingRequest | null {
  const a = appStore.getState();
  if (!a.dataset) return null;
  return { id: a.dataset.id, level, year: a.year, mpi: a.mpi };
}

/** RankOptions of the settings (the same object `cli rank` builds from its flags). */
export function rankOptions(s: TargetingSettings, available: readonly string[]): RankOptions {
  const within: Record<string, number> = {};
  for (const [id, w] of Object.entries(s.inputWeights)) if (available.includes(id)) within[id] = w;
  return {
    within: s.within,
    need: { measure: s.needMeasure, as: s.needAs },
    weights: { pillars: { ...s.pillarWeights }, within },
    normalise: s.normalise,
    aggregate: s.aggregate,
    missing: s.missing,
    strategy: s.strategy,
    priorityWeights: { need: s.needWeight, potential: 1 - s.needWeight },
    thresholds: { kind: 'median', weighting: s.thresholdWeighting },
  };
}

const reqKey = (r: TargetingRequest) => JSON.stringify([r.id, r.level, r.year, r.mpi]);

const rankPass = latestWins(
  async () => {
    const r = request();
    if (!r) return;
    const w = computeWorker();
    try {
      let prepared = targetingStore.getState().prepared;
      if (!prepared || prepared.key !== reqKey(r)) {
        prepared = await w.targetingPrepare(r);
        if (reqKey(request()!) !== prepared.key) return true;
        targetingStore.setState({ prepared, answer: null, stability: null, brushed: [] });
        void loadPolygons();
      }
      const s = targetingStore.getState().settings;
      const options = rankOptions(s, prepared.inputs.map((d) => d.id));
      const answer = await w.targetingRank(r, options);
      const now = request();
      if (!now || reqKey(now) !== answer.key || targetingStore.getState().settings !== s) return true;
      targetingStore.setState({ answer, error: null });
    } catch (e) {
      targetingStore.setState({ error: (e as Error).message });
    }
  },
  (computing) => targetingStore.setState({ computing }),
);

/** Re-rank with the current settings (latest wins). */
export function rerank(): Promise<void> {
  return rankPass();
}

export function setTargeting(patch: Partial<TargetingSettings>): void {
  targetingStore.setState((s) => ({ settings: { ...s.settings, ...patch }, ...(patch.level && patch.level !== s.settings.level ? { brushed: [], hover: null, rowLimit: 100 } : {}) }));
  void rerank();
}

export function setPillarWeight(p: Pillar, w: number): void {
  if (!(w >= 0) || !Number.isFinite(w)) return;
  setTargeting({ pillarWeights: { ...targetingStore.getState().settings.pillarWeights, [p]: w } });
}

export function setInputWeight(id: string, w: number): void {
  if (!(w >= 0) || !Number.isFinite(w)) return;
  setTargeting({ inputWeights: { ...targetingStore.getState().settings.inputWeights, [id]: w } });
}

export function resetWeights(): void {
  setTargeting({ pillarWeights: { economy: 1, services: 1, infrastructure: 1 }, inputWeights: {} });
}

export const setBrushed = (codes: string[]) => targetingStore.setState({ brushed: codes });
export const setHover = (code: string | null) => {
  if (targetingStore.getState().hover !== code) targetingStore.setState({ hover: code });
};
export const setSort = (key: SortKey) =>
  targetingStore.setState((s) => ({ sort: { key, dir: s.sort.key === key ? (-s.sort.dir as 1 | -1) : key === 'rank' || key === 'rankOther' || key === 'name' || key === 'median' || key === 'band' ? 1 : -1 } }));
export const toggleQuadrant = (q: number) =>
  targetingStore.setState((s) => ({ quadrantFilter: s.quadrantFilter.includes(q) ? s.quadrantFilter.filter((x) => x !== q) : [...s.quadrantFilter, q] }));
export const showMoreRows = () => targetingStore.setState((s) => ({ rowLimit: s.rowLimit + 200 }));

export function setMapMode(mode: 'need' | 'targeting' | 'hotspots'): void {
  appStore.setState({ mapMode: mode });
}

/** The tab was opened: rank (once) and show the typology on the map. */
export function activateTargeting(): void {
  if (appStore.getState().mapMode === 'need') setMapMode('targeting');
  if (!targetingStore.getState().answer) void rerank();
  void loadScenarios();
}

// --- polygons for the map -----------------------------------------------------------------

let polygonsLoading: string | null = null;
/** Display polygons of the level from the workspace's own files (the app loads provinces and districts). */
export async function loadPolygons(): Promise<void> {
  const ds = appStore.getState().dataset;
  const level = targetingStore.getState().settings.level;
  const hsLevel = targetingStore.getState().hotspotSettings.level;
  if (!ds || (level !== 'subdistrict' && hsLevel !== 'subdistrict')) return;
  const key = `${ds.id}|subdistrict`;
  if (targetingStore.getState().polygons?.key === key || polygonsLoading === key) return;
  const fromApp = appStore.getState().boundaries.subdistrict;
  if (fromApp) {
    targetingStore.setState({ polygons: { key, fc: fromApp } });
    return;
  }
  const files = ds.manifest.files;
  const name = files.boundaryDisplay?.subdistrict ?? files.boundaries?.subdistrict;
  if (!name) return;
  polygonsLoading = key;
  try {
    const fc = JSON.parse(await readText(readerOf(ds.ref), name)) as FeatureCollection;
    if (appStore.getState().dataset?.id === ds.id) targetingStore.setState({ polygons: { key, fc } });
  } catch (e) {
    notify('error', `${name}: ${(e as Error).message}`);
  } finally {
    polygonsLoading = null;
  }
}

// --- stability ----------------------------------------------------------------------------

export function setStabilitySettings(patch: Partial<TargetingState['stabilitySettings']>): void {
  targetingStore.setState((s) => ({ stabilitySettings: { ...s.stabilitySettings, ...patch } }));
}

export async function runStability(): Promise<void> {
  const r = request();
  const st = targetingStore.getState();
  if (!r || !st.prepared || st.stabilityProgress) return;
  const mc = st.stabilitySettings;
  targetingStore.setState({ stabilityProgress: { done: 0, total: mc.draws } });
  const run = { active: true };
  try {
    const answer = await computeWorker().targetingStability(r, rankOptions(st.settings, st.prepared.inputs.map((d) => d.id)), mc, proxy(progressTo('stabilityProgress', run)));
    if (targetingStore.getState().settings === st.settings) targetingStore.setState({ stability: answer });
  } catch (e) {
    if (!isCancel(e)) notify('error', (e as Error).message);
  } finally {
    run.active = false;
    targetingStore.setState({ stabilityProgress: null });
  }
}

/**
 * Progress callback of one run. Comlink delivers the callback on the proxy's own message port and
 * the run's answer on the worker's, so a last progress call can arrive after the run settled: it
 * must not bring the bar back (a stale bar would also block the next run).
 */
function progressTo(key: 'stabilityProgress' | 'hotspotProgress', run: { active: boolean }) {
  return (done: number, total: number) => {
    if (!run.active) return;
    targetingStore.setState((s) => ({ [key]: { done, total, cancelling: s[key]?.cancelling } }));
  };
}

/** A cancelled run is not an error: no toast, the previous results stay. */
const isCancel = (e: unknown) => (e as Error)?.name === 'CancelledError' || /cancel/i.test((e as Error)?.message ?? '');

/** Asks the worker to stop a running pass (both when `what` is not given); the bar says so until it has. */
export function cancelRuns(what?: 'stability' | 'hotspots'): void {
  targetingStore.setState((s) => ({
    ...(what !== 'hotspots' && s.stabilityProgress ? { stabilityProgress: { ...s.stabilityProgress, cancelling: true } } : {}),
    ...(what !== 'stability' && s.hotspotProgress ? { hotspotProgress: { ...s.hotspotProgress, cancelling: true } } : {}),
  }));
  void computeWorker().targetingCancel(what);
}

// --- hot spots ----------------------------------------------------------------------------

export function setHotspotSettings(patch: Partial<TargetingState['hotspotSettings']>): void {
  targetingStore.setState((s) => {
    const next = { ...s.hotspotSettings, ...patch };
    if (patch.level) next.weights = patch.level === 'village' ? { kind: 'knn', k: 8 } : { kind: 'queen' };
    return { hotspotSettings: next };
  });
}

let hotspotSeq = 0;
export async function runHotspots(): Promise<void> {
  const a = appStore.getState();
  const st = targetingStore.getState();
  if (!a.dataset || st.hotspotProgress) return;
  const seq = ++hotspotSeq;
  const req: HotspotRequest = { ...st.hotspotSettings, id: a.dataset.id, year: a.year, mpi: a.mpi };
  targetingStore.setState({ hotspotProgress: { done: 0, total: req.permutations } });
  if (req.level === 'subdistrict') void loadPolygons();
  const run = { active: true };
  try {
    const hotspots = await computeWorker().targetingHotspots(req, proxy(progressTo('hotspotProgress', run)));
    if (seq === hotspotSeq && appStore.getState().dataset?.id === req.id) {
      targetingStore.setState({ hotspots });
      appStore.setState({ mapMode: 'hotspots' });
    }
  } catch (e) {
    if (!isCancel(e)) notify('error', (e as Error).message);
  } finally {
    run.active = false;
    targetingStore.setState({ hotspotProgress: null });
  }
}

// --- shortlist and scenarios ------------------------------------------------------------

/** The answer as the part of a TargetingResult that shortlist() and makeScenario() read. */
export function resultView(a: TargetingAnswer, codes: readonly string[]): TargetingResult {
  return { areas: { level: a.settings.level, codes, people: a.people, targetPoor: a.targetPoor, inputs: {}, needColumns: [] }, order: a.order, unranked: a.unranked, settings: a.settings } as unknown as TargetingResult;
}

export function currentShortlist(s: Pick<TargetingState, 'answer' | 'prepared' | 'rule'>): Shortlist | null {
  if (!s.answer || !s.prepared) return null;
  try {
    return shortlist(resultView(s.answer, s.prepared.codes), s.rule);
  } catch {
    return null;
  }
}

export const setRule = (rule: ShortlistRule) => targetingStore.setState({ rule });

let db: UseStore | null = null;
const scenarioDb = () => (db ??= idbStore('cheepao-targeting', 'scenarios'));

export async function loadScenarios(): Promise<void> {
  const id = appStore.getState().dataset?.id;
  if (!id) return;
  try {
    const list = ((await idbGet(id, scenarioDb())) as Scenario[] | undefined) ?? [];
    if (appStore.getState().dataset?.id === id) targetingStore.setState({ scenarios: list });
  } catch (e) {
    notify('error', `${isTh() ? 'ที่เก็บข้อมูลเบราว์เซอร์' : 'browser storage'}: ${(e as Error).message}`);
  }
}

async function storeScenarios(list: Scenario[]): Promise<void> {
  const id = appStore.getState().dataset?.id;
  if (!id) return;
  await idbSet(id, list, scenarioDb());
  targetingStore.setState({ scenarios: list });
}

export async function saveScenario(name: string): Promise<void> {
  const s = targetingStore.getState();
  const list = currentShortlist(s);
  if (!list || !s.answer || !s.prepared) return;
  const sc = makeScenario(`sc-${Date.now().toString(36)}`, name.trim() || (isTh() ? 'สถานการณ์' : 'scenario'), resultView(s.answer, s.prepared.codes), list);
  try {
    await storeScenarios([...s.scenarios, sc]);
  } catch (e) {
    notify('error', (e as Error).message);
  }
}

export async function deleteScenario(id: string): Promise<void> {
  await storeScenarios(targetingStore.getState().scenarios.filter((x) => x.id !== id));
}

export const setCompare = (k: 0 | 1, id: string | null) => targetingStore.setState((s) => ({ compare: (k === 0 ? [id, s.compare[1]] : [s.compare[0], id]) as [string | null, string | null] }));

export function scenarioComparison(s: Pick<TargetingState, 'scenarios' | 'compare'>) {
  const a = s.scenarios.find((x) => x.id === s.compare[0]);
  const b = s.scenarios.find((x) => x.id === s.compare[1]);
  return a && b ? { a, b, c: compareScenarios(a, b) } : null;
}

// --- exports ------------------------------------------------------------------------------

export async function exportRanking(kind: 'csv' | 'geojson'): Promise<void> {
  const ds = appStore.getState().dataset;
  const s = targetingStore.getState();
  if (!ds || !s.answer) return;
  try {
    const text = await computeWorker().targetingExport(kind, { language: appStore.getState().lang });
    download(new Blob([text], { type: kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/geo+json' }), `cheepao-targeting-${ds.id}-${s.settings.level}${s.settings.within ? `-${s.settings.within}` : ''}.${kind === 'csv' ? 'csv' : 'geojson'}`, kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/geo+json');
  } catch (e) {
    notify('error', (e as Error).message);
  }
}

// --- wiring -------------------------------------------------------------------------------

let wired = false;
/** A new workspace, year or poverty rule: answers are dropped and recomputed if the tab is in use. */
export function wireTargeting(): void {
  if (wired) return;
  wired = true;
  appStore.subscribe((s, prev) => {
    if (s.dataset?.id !== prev.dataset?.id) {
      targetingStore.setState({ prepared: null, answer: null, stability: null, hotspots: null, brushed: [], hover: null, polygons: null, scenarios: [], compare: [null, null], settings: { ...targetingStore.getState().settings, within: null } });
      if (s.mapMode === 'targeting' || s.mapMode === 'hotspots') void rerank();
      void loadScenarios();
    } else if ((s.year !== prev.year || s.mpi !== prev.mpi) && targetingStore.getState().answer) void rerank();
    if (s.boundaries !== prev.boundaries && s.boundaries.subdistrict) void loadPolygons();
  });
}

export { PILLARS };
