/** Actions: the only way the UI changes state. Heavy work goes to the compute worker. */
import { wrap, type Remote } from 'comlink';
import type { ComputeApi } from '../worker/compute.worker';
import { appStore, notify, type AppState } from './store';
import type { Lang } from '../ui/i18n';
import { measureInfo, type MapMeasure } from '../domain/mapMeasures';
import { resolveSettings, type MpiSettings } from '../domain/mpi';
import { lineage } from '../domain/adminCodes';
import type { ClassMethod } from '../domain/classify';

let worker: Remote<ComputeApi> | null = null;

export function computeWorker(): Remote<ComputeApi> {
  if (!worker) {
    worker = wrap<ComputeApi>(new Worker(new URL('../worker/compute.worker.ts', import.meta.url), { type: 'module' }));
  }
  return worker;
}

export function settingsKey(s: Pick<AppState, 'year' | 'mpi'>): string {
  return JSON.stringify([s.year, s.mpi]);
}

// Latest wins: while the worker computes, further slider moves only mark the state dirty, and
// one more pass runs with whatever the settings are when it finishes. The page never queues
// a backlog of stale recomputations (DESIGN.md §5, no long main-thread tasks).
let inFlight = false;
let dirty = false;

export async function recompute(): Promise<void> {
  if (inFlight) {
    dirty = true;
    return;
  }
  inFlight = true;
  try {
    do {
      dirty = false;
      const s = appStore.getState();
      if (!s.dataset) break;
      const wantDetail = measureInfo(s.mapMeasure).detail;
      const key = settingsKey(s);
      if (s.result && s.result.key === key && (s.result.hasDetail || !wantDetail)) {
        void refreshDetail();
        continue;
      }
      try {
        const r = await computeWorker().measures(s.year, s.mpi, wantDetail);
        appStore.setState({ result: { year: s.year, key, hasDetail: wantDetail, levels: r.levels, ms: r.ms } });
      } catch (e) {
        notify('error', (e as Error).message);
        break;
      }
      void refreshDetail();
    } while (dirty);
  } finally {
    inFlight = false;
  }
}

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
    const areas = await computeWorker().areaDetails(s.year, s.mpi, codes);
    if (seq === detailSeq) appStore.setState({ detail: { key, areas } });
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
  const next = { ...appStore.getState().mpi, ...patch };
  try {
    resolveSettings(next);
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
