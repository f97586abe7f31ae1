/** Actions: the only way the UI changes state. Heavy work goes to the compute worker. */
import { wrap, type Remote } from 'comlink';
import type { ComputeApi, InitResult } from '../worker/compute.worker';
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

let worker: Remote<ComputeApi> | null = null;

export function computeWorker(): Remote<ComputeApi> {
  if (!worker) {
    worker = wrap<ComputeApi>(new Worker(new URL('../worker/compute.worker.ts', import.meta.url), { type: 'module' }));
  }
  return worker;
}

/**
 * Make a dataset the one on screen: names and code positions for lookups; the year, selection and
 * poverty rule fall back to what it supports (an import with no household data cannot do AF).
 */
export function applyInit(init: InitResult): void {
  const names = new Map<string, { th: string; en: string }>();
  for (const list of [init.areas.provinces, init.areas.districts, init.areas.subdistricts]) for (const a of list) names.set(a.code, { th: a.th, en: a.en });
  const position = new Map<string, number>();
  for (const list of Object.values(init.levelCodes)) list.forEach((c, i) => position.set(c, i));
  init.villageCode.forEach((c, i) => position.set(villageCodeString(c), i));
  const dataset: LoadedDataset = { ...init, names, position };
  const s = appStore.getState();
  const years = init.manifest.years;
  const datasets = s.datasets.some((d) => d.id === init.id)
    ? s.datasets
    : [...s.datasets, { id: init.id, title: init.manifest.title, synthetic: init.manifest.synthetic }];
  // TPMAP tables exist only for the dimension sets exported (11111 and single dimensions):
  // start on all five when present, else on the first set there is.
  const sets = init.capabilities.dimensionSets;
  const setKey = sets ? (sets.includes('11111') ? '11111' : sets[0]) : null;
  const mpi = init.capabilities.af ? s.mpi : { ...s.mpi, measure: 'tpmap' as const, weights: null, dimensions: setKey ? dimensionsOfSetKey(setKey) : DIMENSION_IDS };
  appStore.setState({
    dataset,
    datasets,
    mpi,
    year: years.includes(s.year) ? s.year : Math.max(...years),
    selection: s.selection === 'TH' || position.has(s.selection) ? s.selection : 'TH',
    result: null,
    detail: null,
    serviceCounts: null,
  });
}

/** Switch to another loaded dataset (nothing is unloaded). */
export async function activateDataset(id: string): Promise<void> {
  try {
    applyInit(await computeWorker().activate(id));
    await recompute();
    const serviceCounts = await computeWorker().serviceCounts();
    appStore.setState({ serviceCounts });
  } catch (e) {
    notify('error', (e as Error).message);
  }
}

/** After an import: show it, say what happened, recompute. */
export async function showImported(init: InitResult): Promise<void> {
  const { boundaries } = appStore.getState();
  // Codes the map cannot place are listed, never dropped silently (issue 3).
  const unmatched: string[] = [];
  for (const level of ['province', 'district'] as const) {
    const fc = boundaries[level];
    if (!fc) continue;
    const known = new Set(fc.features.map((f) => String(f.properties?.code)));
    const missing = init.levelCodes[level].filter((c) => !known.has(c));
    if (missing.length) unmatched.push(`${missing.length} ${level} code(s) match no boundary: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''}`);
  }
  const report = [init.report, ...unmatched].filter(Boolean).join(' ');
  applyInit({ ...init, report });
  if (report) notify('info', `${init.manifest.title.en}: ${report}`);
  await recompute();
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
