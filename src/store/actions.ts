/** Actions: the only way the UI changes state. Heavy work goes to the compute worker. */
import { wrap, type Remote } from 'comlink';
import type { ComputeApi } from '../worker/compute.worker';
import { appStore, notify } from './store';
import type { Lang } from '../ui/i18n';

let worker: Remote<ComputeApi> | null = null;

export function computeWorker(): Remote<ComputeApi> {
  if (!worker) {
    worker = wrap<ComputeApi>(new Worker(new URL('../worker/compute.worker.ts', import.meta.url), { type: 'module' }));
  }
  return worker;
}

export async function ensureTotals(year: number): Promise<void> {
  if (appStore.getState().totals[year]) return;
  try {
    const t = await computeWorker().totals(year);
    appStore.setState((s) => ({ totals: { ...s.totals, [year]: t } }));
  } catch (e) {
    notify('error', (e as Error).message);
  }
}

export function setYear(year: number): void {
  appStore.setState({ year });
  void ensureTotals(year);
}

export function select(code: string): void {
  const ds = appStore.getState().dataset;
  if (code !== 'TH' && ds && !ds.position.has(code)) {
    notify('error', `unknown area code ${code}`);
    return;
  }
  appStore.setState({ selection: code });
}

export function setLang(lang: Lang): void {
  appStore.setState({ lang });
  document.documentElement.lang = lang;
}

export function setThaiDigits(on: boolean): void {
  appStore.setState({ thaiDigits: on });
}
