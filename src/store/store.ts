/**
 * The app's state (zustand vanilla store; React reads it through useApp). Actions call the
 * compute worker or pure domain functions; components never compute.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { FeatureCollection } from 'geojson';
import type { AreaNames, DatasetManifest } from '../data/datasetFormat';
import type { MeasuresByLevel, ServiceCounts } from '../worker/datasetSession';
import type { AreaDetail, MpiSettings } from '../domain/mpi';
import type { MapMeasure } from '../domain/mapMeasures';
import type { ClassMethod } from '../domain/classify';
import type { Lang } from '../text/i18n';
import type { JoinReport, WorkspaceLayer } from '../data/datasetFormat';
import type { WorkspaceEntry, WorkspaceRef } from '../data/workspace/storage';
import type { ImportLine } from '../data/workspace/importWorkspace';
import type { BoundaryLevel } from '../data/boundaries/importBoundaries';

export interface Notice {
  id: number;
  level: 'error' | 'info';
  text: string;
}

export interface LoadedDataset {
  /** The workspace id: 'demo' or a stored workspace's (the worker keeps every opened one). */
  id: string;
  /** Where its files are read from (the demo's directory or IndexedDB). */
  ref: WorkspaceRef;
  manifest: DatasetManifest;
  /** Its layers, each with source and synthetic flag. */
  layers: WorkspaceLayer[];
  joins: JoinReport | null;
  /** Villages placed at subdistrict centroids (the user's choice) and their share of people. */
  placement: { villages: number; people: number; share: number } | null;
  capabilities: { af: boolean; dimensionSets: string[] | null };
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
  /** Workspaces stored in this browser (the demo is always there besides them). */
  workspaces: WorkspaceEntry[];
  /** The import running now (files done / total; bytes of the TPMAP tables read / total while they are read), or null. */
  importing: { done: number; total: number; file: string; bytesDone?: number; bytesTotal?: number } | null;
  /** One entry per import of this session, newest last (the report list). */
  imports: ImportRecordEntry[];
  /** Files dropped into a user workspace start a new one instead of being added. */
  newWorkspaceOnDrop: boolean;
  /** Choices the import needs from the user (never guessed): CRS of x/y, code field, level, type map. */
  importOptions: { crs: string; codeField: string; level: BoundaryLevel | ''; typeMap: string };
  /** Poverty-measure settings (DESIGN.md §2.2): measure, dimensions, k, weights, welfare view. */
  mpi: MpiSettings;
  /** What the map colours by. */
  mapMeasure: MapMeasure;
  /**
   * Which feature owns the map: 'need' (the poverty choropleth and its legend) or a feature's
   * mode id (e.g. 'targeting', 'hotspots', 'progress'), whose layer source then draws the areas
   * and whose map control shows its legend.
   */
  mapMode: string;
  classification: { method: ClassMethod; scope: 'national' | 'province'; custom: number[] };
  /** Measures for (year, mpi) at every level; null until the worker answers. */
  result: MeasureResult | null;
  /** Full detail of the selection, its parent and the country (same year and settings as `result`). */
  detail: { key: string; areas: AreaDetail[] } | null;
  /** Services per area (located by point-in-polygon in the worker). */
  serviceCounts: ServiceCounts | null;
  /** The workspace's polygons for drawing; subdistricts only when its villages have no locations (then they are filled instead of village points). */
  boundaries: { province?: FeatureCollection; district?: FeatureCollection; subdistrict?: FeatureCollection };
  mapReady: boolean;
  /** Current map zoom (the legend follows the level of detail it implies). */
  zoom: number;
}

export interface MeasureResult {
  year: number;
  /** JSON of the settings it was computed with (identity for caches and updateTriggers). */
  key: string;
  hasDetail: boolean;
  levels: MeasuresByLevel;
  /** Worker compute time (ms). */
  ms: number;
}

export interface ImportRecordEntry {
  id: number;
  workspaceId: string;
  at: string;
  lines: ImportLine[];
  refused: { file: string; message: string }[];
  ms: number;
}

export const DEFAULT_YEAR = 2565;
export const DEFAULT_MPI: MpiSettings = { measure: 'tpmap', dimensions: ['health', 'living', 'education', 'income', 'access'], k: 1 / 3, weights: null, welfare: 'all' };

export const appStore = createStore<AppState>()(() => ({
  status: 'loading',
  loadError: null,
  notices: [],
  lang: 'th',
  thaiDigits: false,
  year: DEFAULT_YEAR,
  selection: 'TH',
  dataset: null,
  workspaces: [],
  importing: null,
  imports: [],
  newWorkspaceOnDrop: false,
  importOptions: { crs: '', codeField: '', level: '', typeMap: '' },
  mpi: DEFAULT_MPI,
  mapMeasure: 'rate',
  mapMode: 'need',
  classification: { method: 'quantile', scope: 'national', custom: [] },
  result: null,
  detail: null,
  serviceCounts: null,
  boundaries: {},
  mapReady: false,
  zoom: 5,
}));

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

let noticeId = 0;
/** Errors stay until dismissed; information notices fade after a while so they do not pile up. */
export function notify(level: Notice['level'], text: string): void {
  const id = ++noticeId;
  appStore.setState((s) => ({ notices: [...s.notices.slice(-5), { id, level, text }] }));
  if (level === 'info') setTimeout(() => dismissNotice(id), 15_000);
}
export function dismissNotice(id: number): void {
  appStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
