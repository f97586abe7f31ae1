/**
 * The app's state (zustand vanilla store; React reads it through useApp). Actions call the
 * compute worker or pure domain functions; components never compute.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { FeatureCollection } from 'geojson';
import type { AreaNames, DatasetManifest } from '../data/datasetFormat';
import type { TotalsByLevel } from '../worker/datasetSession';
import type { Lang } from '../ui/i18n';

export interface Notice {
  id: number;
  level: 'error' | 'info';
  text: string;
}

export interface LoadedDataset {
  manifest: DatasetManifest;
  areas: AreaNames;
  /** code → {th, en} for provinces, districts and subdistricts. */
  names: Map<string, { th: string; en: string }>;
  villageCode: Uint32Array;
  lon: Float32Array;
  lat: Float32Array;
  levelCodes: { province: string[]; district: string[]; subdistrict: string[] };
  /** code → index within its level (villages: index in villageCode). */
  position: Map<string, number>;
}

export interface AppState {
  status: 'loading' | 'ready' | 'error';
  loadError: string | null;
  notices: Notice[];
  lang: Lang;
  thaiDigits: boolean;
  year: number;
  /** Selected area code: 'TH' or a DOPA code of 2/4/6/8 digits. */
  selection: string;
  dataset: LoadedDataset | null;
  totals: Record<number, TotalsByLevel>;
  boundaries: { province?: FeatureCollection; district?: FeatureCollection };
  mapReady: boolean;
  /** Current map zoom (the legend follows the level of detail it implies). */
  zoom: number;
}

export const DEFAULT_YEAR = 2565;

export const appStore = createStore<AppState>()(() => ({
  status: 'loading',
  loadError: null,
  notices: [],
  lang: 'th',
  thaiDigits: false,
  year: DEFAULT_YEAR,
  selection: 'TH',
  dataset: null,
  totals: {},
  boundaries: {},
  mapReady: false,
  zoom: 5,
}));

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

let noticeId = 0;
export function notify(level: Notice['level'], text: string): void {
  appStore.setState((s) => ({ notices: [...s.notices, { id: ++noticeId, level, text }] }));
}
export function dismissNotice(id: number): void {
  appStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
