/**
 * State and actions of the follow-up feature (issue 11): the dates the measures are taken at
 * (as-of, start, deadline), the PDPA export option, and the worker's latest answer for the
 * ACTIVE workspace's own records and target poor (worker/progressApi.ts). Nothing here keeps its
 * own idea of the data: a new workspace, year, rule or selection asks the worker again, latest
 * wins (latestWins.ts), so a dragged date never queues stale passes.
 */
import { download } from '../export/png';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { appStore, notify } from './store';
import { computeWorker } from './actions';
import { latestWins } from './latestWins';
import { DEFAULT_DEADLINE_DAY } from '../domain/progress/days';
import type { AdminLevel } from '../domain/adminCodes';
import type { ProgressAnswer, ProgressInfo, ProgressMapColumns } from '../worker/progressApi';

export interface ProgressState {
  /** The tab has been opened: records are read and the measures kept current from then on. */
  shown: boolean;
  /** The active workspace's records (null until read; hasRecords false when it has none). */
  info: ProgressInfo | null;
  opening: boolean;
  /** null = default: the deadline, or the latest record's date when that is earlier. */
  asOfDay: number | null;
  /** null = the earliest record's date. */
  startDay: number | null;
  deadlineDay: number;
  /** Exports write counts of 1–4 as "< 5" (PDPA). */
  suppressSmall: boolean;
  behindBy: 'shortfall' | 'ratio';
  computing: boolean;
  answer: ProgressAnswer | null;
  /** The map's columns per level with the key they were computed for (kept across selection-only answers). */
  map: { key: string; datasetId: string; columns: Record<AdminLevel, ProgressMapColumns> } | null;
  /** Round trip of the last recompute after a date change (ms, main thread view). */
  roundTripMs: number | null;
  /** Worker time of the last as-of pass (computeProgress, ms). */
  computeMs: number | null;
  error: string | null;
}

export const BEHIND_LIST_LIMIT = 100;

export const progressStore = createStore<ProgressState>()(() => ({
  shown: false,
  info: null,
  opening: false,
  asOfDay: null,
  startDay: null,
  deadlineDay: DEFAULT_DEADLINE_DAY,
  suppressSmall: false,
  behindBy: 'shortfall',
  computing: false,
  answer: null,
  map: null,
  roundTripMs: null,
  computeMs: null,
  error: null,
}));

export function useProgress<T>(selector: (s: ProgressState) => T): T {
  return useStore(progressStore, selector);
}

/** The as-of date the measures use: the chosen one, else the deadline clamped into the records' span. */
export function effectiveAsOf(s: Pick<ProgressState, 'asOfDay' | 'deadlineDay' | 'info'>): number | null {
  if (s.asOfDay !== null) return s.asOfDay;
  const i = s.info;
  if (!i || !i.hasRecords || !Number.isFinite(i.lastDay)) return null;
  return Math.max(i.firstDay, Math.min(i.lastDay, s.deadlineDay));
}

let openFor: string | null = null;

/** Reads (once per workspace) the active workspace's records in the worker, then computes. */
async function openRecords(): Promise<void> {
  const ds = appStore.getState().dataset;
  if (!ds) return;
  if (openFor === ds.id && progressStore.getState().info?.datasetId === ds.id) return;
  openFor = ds.id;
  progressStore.setState({ opening: true, error: null });
  try {
    const info = await computeWorker().progressOpen(ds.id);
    if (appStore.getState().dataset?.id !== ds.id) return;
    progressStore.setState({ info, answer: null, map: null });
  } catch (e) {
    openFor = null;
    const msg = (e as Error).message;
    progressStore.setState({ error: msg });
    notify('error', msg);
    return;
  } finally {
    progressStore.setState({ opening: false });
  }
  void recomputeProgress();
}

const pass = latestWins(
  async () => {
    const app = appStore.getState();
    const p = progressStore.getState();
    const ds = app.dataset;
    if (!ds || !p.info || p.info.datasetId !== ds.id || !p.info.hasRecords) return;
    const asOfDay = effectiveAsOf(p);
    if (asOfDay === null) return;
    const inputs = [ds.id, app.year, app.mpi, asOfDay, p.startDay, p.deadlineDay, app.selection, p.behindBy];
    const t0 = performance.now();
    try {
      const answer = await computeWorker().progressCompute({
        datasetId: ds.id,
        year: app.year,
        settings: app.mpi,
        asOfDay,
        ...(p.startDay !== null ? { startDay: p.startDay } : {}),
        deadlineDay: p.deadlineDay,
        selection: app.selection,
        behindBy: p.behindBy,
        behindLimit: BEHIND_LIST_LIMIT,
      });
      const now = progressStore.getState();
      const a2 = appStore.getState();
      const current = [a2.dataset?.id, a2.year, a2.mpi, effectiveAsOf(now), now.startDay, now.deadlineDay, a2.selection, now.behindBy];
      // Inputs moved while the worker ran: never paint an answer for other inputs; run again.
      if (current.some((x, k) => x !== inputs[k])) return true;
      if (!answer) return;
      progressStore.setState((s) => ({
        answer,
        map: answer.columns ? { key: answer.key, datasetId: ds.id, columns: answer.columns } : s.map,
        roundTripMs: answer.columns ? performance.now() - t0 : s.roundTripMs,
        computeMs: answer.computeMs ?? s.computeMs,
        error: null,
      }));
    } catch (e) {
      const msg = (e as Error).message;
      progressStore.setState({ error: msg });
      notify('error', msg);
    }
  },
  (computing) => progressStore.setState({ computing }),
);

export function recomputeProgress(): Promise<void> {
  return pass();
}

/** The tab was opened (or the map switched to progress): read the records and compute. */
export function activateProgress(): void {
  if (!progressStore.getState().shown) progressStore.setState({ shown: true });
  void openRecords();
}

const validDay = (d: number) => Number.isInteger(d) && d > -100_000 && d < 200_000;

export function setAsOf(day: number | null): void {
  if (day !== null && !validDay(day)) return;
  progressStore.setState({ asOfDay: day });
  void recomputeProgress();
}

export function setStart(day: number | null): void {
  if (day !== null && !validDay(day)) return;
  progressStore.setState({ startDay: day });
  void recomputeProgress();
}

export function setDeadline(day: number): void {
  if (!validDay(day)) return;
  progressStore.setState({ deadlineDay: day });
  void recomputeProgress();
}

export function resetDates(): void {
  progressStore.setState({ asOfDay: null, startDay: null, deadlineDay: DEFAULT_DEADLINE_DAY });
  void recomputeProgress();
}

export function setSuppressSmall(on: boolean): void {
  progressStore.setState({ suppressSmall: on });
}

export function setBehindBy(by: ProgressState['behindBy']): void {
  progressStore.setState({ behindBy: by });
  void recomputeProgress();
}

/** Progress on the map (hides the need choropleth and legend) or back to the need map. */
export function showProgressOnMap(on: boolean): void {
  if (on) activateProgress();
  const mode = appStore.getState().mapMode;
  if (on && mode !== 'progress') appStore.setState({ mapMode: 'progress' });
  else if (!on && mode === 'progress') appStore.setState({ mapMode: 'need' });
}

/** The measures of one level as CSV (worker: the CLI's columns), downloaded as a file. */
export async function exportProgressCsv(level: AdminLevel): Promise<void> {
  const ds = appStore.getState().dataset;
  const p = progressStore.getState();
  if (!ds || !p.answer) return;
  try {
    const text = await computeWorker().progressExport(ds.id, level, p.suppressSmall, appStore.getState().selection);
    download(new Blob([text], { type: 'text/csv;charset=utf-8' }), `cheepao-progress-${level}-${appStore.getState().selection}${p.suppressSmall ? '-pdpa' : ''}.csv`, 'text/csv;charset=utf-8');
  } catch (e) {
    notify('error', (e as Error).message);
  }
}

let wired = false;

/** Follows the app: a new workspace's own records, a new year, rule or selection. */
export function wireProgress(): void {
  if (wired) return;
  wired = true;
  appStore.subscribe((s, prev) => {
    if (s.mapMode === 'progress' && prev.mapMode !== 'progress') activateProgress();
    if (s.dataset?.id !== prev.dataset?.id || s.dataset?.manifest !== prev.dataset?.manifest) {
      openFor = null;
      progressStore.setState({ info: null, answer: null, map: null });
      if (progressStore.getState().shown && s.dataset) void openRecords();
      return;
    }
    if (s.year !== prev.year || s.mpi !== prev.mpi || s.selection !== prev.selection) void recomputeProgress();
  });
  if (appStore.getState().mapMode === 'progress') activateProgress();
}
