/**
 * State and actions of the services-and-access feature (issue 5): the services drawn on the map,
 * which classes are shown, the access settings and filter, the worker's latest answers and the
 * import reports. Every computation runs in the compute worker (worker/accessApi.ts); this store
 * only asks, with "latest wins" so a typed distance never queues stale passes.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { appStore, notify } from './store';
import { computeWorker } from './actions';
import { DEFAULT_CATCHMENT_KM, DEFAULT_RADIUS_KM } from '../domain/access/accessMeasures';
import type { ServiceImportReport } from '../data/services/services';
import type { TypeTarget } from '../data/services/typeMapping';
import { detectColumns } from '../data/services/columns';
import { headText } from '../data/fileHead';
import type { AccessQueryResult, ImportOutcome, MappingRequest, RecomputeResult, ServicesForMap } from '../worker/accessApi';
import { latestWins } from './latestWins';
import { decodeText } from '../data/formats/textEncoding';

export interface ImportRecord {
  report: ServiceImportReport;
  /** The dataset's own list (not a user import). */
  fromDataset: boolean;
}

export interface AccessState {
  services: ServicesForMap | null;
  /** Services and highlights are drawn once the access tab has been opened (the need map stays clean until then). */
  shown: boolean;
  /** Service classes switched off on the map (absent = on). */
  visible: Record<string, boolean>;
  radiusKm: number;
  catchmentKm: number;
  /** The "farther than X km" distance, used by the filter and by the area's "people beyond". */
  filterKm: number;
  filterType: string;
  /** Draw the far villages on the map. */
  highlight: boolean;
  /** Levels switched off per class (hospital community/general/regional, school primary/…). */
  hiddenLevels: Record<string, string[]>;
  /** Symbol area proportional to capacity (beds, students) within each class. */
  sizeByCapacity: boolean;
  computing: boolean;
  computed: RecomputeResult | null;
  query: AccessQueryResult | null;
  imports: ImportRecord[];
  pending: MappingRequest | null;
  importing: boolean;
  /** The last refused file's message, shown in the tab as well as in the notices. */
  lastError: string | null;
}

export const LIST_LIMIT = 200;

export const accessStore = createStore<AccessState>()(() => ({
  services: null,
  shown: false,
  visible: {},
  radiusKm: DEFAULT_RADIUS_KM,
  catchmentKm: DEFAULT_CATCHMENT_KM,
  filterKm: 10,
  filterType: 'health_promoting_hospital',
  highlight: true,
  sizeByCapacity: false,
  hiddenLevels: {},
  computing: false,
  computed: null,
  query: null,
  imports: [],
  pending: null,
  importing: false,
  lastError: null,
}));

export function useAccess<T>(selector: (s: AccessState) => T): T {
  return useStore(accessStore, selector);
}

const isTh = () => appStore.getState().lang === 'th';

// --- loading and recomputing -------------------------------------------------------------

let servicesRequested = false;

/** Loads the dataset's services from the worker once the dataset is there. */
export function loadServices(): void {
  if (servicesRequested || !appStore.getState().dataset) return;
  servicesRequested = true;
  computeWorker()
    .accessServices()
    .then(({ services, datasetReport }) => {
      // An import may have answered first with a newer table: keep the newest version.
      accessStore.setState((s) => ({
        services: s.services && s.services.version >= services.version ? s.services : services,
        imports: datasetReport ? [{ report: datasetReport, fromDataset: true }, ...s.imports] : s.imports,
      }));
      if (accessStore.getState().shown) void recomputeAccess();
    })
    .catch((e) => {
      servicesRequested = false;
      notify('error', `${isTh() ? 'สถานบริการ' : 'services'}: ${(e as Error).message}`);
    });
}

/** The tab was opened: show services and compute access if not done yet. */
export function activateAccess(): void {
  if (!accessStore.getState().shown) accessStore.setState({ shown: true });
  loadServices();
  if (!accessStore.getState().computed) void recomputeAccess();
}

/** Services on or off on the map (a slide restores it); on loads and computes like opening the tab. */
export function setServicesShown(shown: boolean): void {
  if (shown) activateAccess();
  else if (accessStore.getState().shown) accessStore.setState({ shown: false });
}

const accessPass = latestWins(
  async () => {
    const a = accessStore.getState();
    const year = appStore.getState().year;
    try {
      const computed = await computeWorker().accessRecompute({ radiusKm: a.radiusKm, catchmentKm: a.catchmentKm, year });
      accessStore.setState({ computed });
    } catch (e) {
      notify('error', (e as Error).message);
      return;
    }
    await refreshQuery();
  },
  (computing) => accessStore.setState({ computing }),
);

/** Full access pass in the worker (services, radius, catchment or year changed), then the panel's query (latest wins). */
export async function recomputeAccess(): Promise<void> {
  if (!appStore.getState().dataset || !accessStore.getState().services) return;
  return accessPass();
}

let querySeq = 0;

/** Area summary, filter and village lines for the current selection (cheap; runs on every change). */
export async function refreshQuery(): Promise<void> {
  const a = accessStore.getState();
  if (!a.computed) return;
  const seq = ++querySeq;
  try {
    const query = await computeWorker().accessQuery({ selection: appStore.getState().selection, filterType: a.filterType, filterKm: a.filterKm, listLimit: LIST_LIMIT });
    if (seq === querySeq) accessStore.setState({ query });
  } catch (e) {
    notify('error', (e as Error).message);
  }
}

// --- settings ---------------------------------------------------------------------------

function validKm(v: number, max: number): boolean {
  return Number.isFinite(v) && v >= 0 && v <= max;
}

export function setAccessSettings(patch: Partial<Pick<AccessState, 'radiusKm' | 'catchmentKm'>>): void {
  for (const v of Object.values(patch)) if (!validKm(v, 500)) return;
  accessStore.setState(patch);
  void recomputeAccess();
}

export function setFilter(patch: Partial<Pick<AccessState, 'filterKm' | 'filterType'>>): void {
  if (patch.filterKm !== undefined && !validKm(patch.filterKm, 2000)) return;
  accessStore.setState(patch);
  void refreshQuery();
}

export function setHighlight(on: boolean): void {
  accessStore.setState({ highlight: on });
}

export function setSizeByCapacity(on: boolean): void {
  accessStore.setState({ sizeByCapacity: on });
}

export function setLevelVisible(type: string, level: string, on: boolean): void {
  accessStore.setState((s) => {
    const hidden = new Set(s.hiddenLevels[type] ?? []);
    if (on) hidden.delete(level);
    else hidden.add(level);
    return { hiddenLevels: { ...s.hiddenLevels, [type]: [...hidden] } };
  });
}

export function setServiceVisible(type: string, on: boolean): void {
  accessStore.setState((s) => ({ visible: { ...s.visible, [type]: on } }));
}

// --- import -----------------------------------------------------------------------------

function refused(fileName: string, e: unknown): void {
  const msg = (e as Error).message;
  // Import messages already begin with the file name; add it when one does not.
  const text = msg.includes(fileName) ? msg : `${fileName}: ${msg}`;
  const full = `${isTh() ? 'ไม่ได้นำเข้าไฟล์ (ข้อมูลเดิมยังอยู่ครบ)' : 'File not imported (data already loaded is kept)'} — ${text}`;
  accessStore.setState({ lastError: full });
  notify('error', full);
}

function accepted(out: ImportOutcome, fileName: string): void {
  if (out.status === 'needs-mapping') {
    accessStore.setState({ pending: out.request, lastError: null });
    notify(
      'info',
      isTh()
        ? `${fileName}: เลือกประเภทสถานบริการให้แต่ละค่าในคอลัมน์ "${out.request.typeColumn}" ที่แท็บ "บริการและการเข้าถึง"`
        : `${fileName}: choose a service class for each value of "${out.request.typeColumn}" in the "Services & access" tab`,
    );
    return;
  }
  const r = out.report;
  accessStore.setState((s) => ({ services: out.services, pending: null, lastError: null, imports: [...s.imports, { report: r, fromDataset: false }] }));
  notify(
    'info',
    isTh()
      ? `${fileName}: นำเข้าสถานบริการ ${r.accepted.toLocaleString('th-TH')} จาก ${r.rows.toLocaleString('th-TH')} แถว${r.problemCount ? ` (ปัญหา ${r.problemCount.toLocaleString('th-TH')} รายการ ดูรายงานในแท็บ)` : ''}`
      : `${fileName}: imported ${r.accepted.toLocaleString('en-GB')} of ${r.rows.toLocaleString('en-GB')} rows as services${r.problemCount ? ` (${r.problemCount.toLocaleString('en-GB')} problems, see the tab's report)` : ''}`,
  );
  accessStore.setState({ shown: true });
  void recomputeAccess();
}

/** A dropped or opened service file: imported in the worker; refused files change nothing. */
export async function importServiceFile(file: File): Promise<void> {
  accessStore.setState({ importing: true });
  try {
    // Make sure the dataset's own services are in place first, so the import adds to them.
    loadServices();
    // Not File.text(), which is UTF-8 only: Thai Excel saves CSV in Windows-874 (textEncoding.ts).
    const text = decodeText(new Uint8Array(await file.arrayBuffer()));
    const out = await computeWorker().accessImport(text, file.name);
    accepted(out, file.name);
  } catch (e) {
    refused(file.name, e);
  } finally {
    accessStore.setState({ importing: false });
  }
}

export async function applyMapping(mapping: Record<string, TypeTarget> | 'gistda'): Promise<void> {
  const p = accessStore.getState().pending;
  if (!p) return;
  accessStore.setState({ importing: true });
  try {
    accepted(await computeWorker().accessImportMapped(p.pendingId, mapping), p.source);
  } catch (e) {
    accessStore.setState({ pending: null });
    refused(p.source, e);
  } finally {
    accessStore.setState({ importing: false });
  }
}

export function cancelMapping(): void {
  accessStore.setState({ pending: null });
  void computeWorker().accessCancelImport();
}

// --- wiring to the app state -------------------------------------------------------------

let wired = false;

/**
 * Follows the app: services load once the first map is up (not competing with it in the worker);
 * selection and year changes refresh access.
 */
export function wireAccess(): void {
  if (wired) return;
  wired = true;
  appStore.subscribe((s, prev) => {
    // Another workspace: its own services and access (the worker has reset its side).
    // Files added to the workspace on screen (same id, a newer manifest: village points,
    // services) count as another workspace here too.
    const reimported = !!s.dataset && !!prev.dataset && s.dataset.id === prev.dataset.id && s.dataset.manifest?.meta?.updatedAt !== prev.dataset.manifest?.meta?.updatedAt;
    if ((s.dataset?.id !== prev.dataset?.id && prev.dataset) || reimported) {
      servicesRequested = false;
      accessStore.setState({ services: null, computed: null, query: null, imports: [], pending: null, lastError: null });
      if (s.mapReady) loadServices();
      return;
    }
    // Villages placed at (or taken back from) subdistrict centroids: access again.
    if (s.dataset && prev.dataset && s.dataset.id === prev.dataset.id && s.dataset.placement?.villages !== prev.dataset.placement?.villages && accessStore.getState().computed) {
      void recomputeAccess();
      return;
    }
    // Services load after the first map is drawn, so they never compete with it.
    if (s.mapReady && !prev.mapReady) loadServices();
    if (s.year !== prev.year && accessStore.getState().computed) void recomputeAccess();
    else if (s.selection !== prev.selection) void refreshQuery();
  });
  if (appStore.getState().mapReady) loadServices();
}

/**
 * Whether a dropped file is a service list: GeoJSON with point features, or a delimited text
 * file whose header has a longitude, a latitude and a type (or GISTDA lm_type) column. Other
 * CSVs (TPMAP, households) have no coordinate columns and are left to their own handlers.
 */
export function acceptsServiceFile(name: string, head: Uint8Array): boolean {
  const lower = name.toLowerCase();
  const text = headText(head);
  if (/\.(geo)?json$/.test(lower) || /^\s*[[{]/.test(text)) return /"(Multi)?Point"/.test(text);
  if (!/\.(csv|tsv|txt)$/.test(lower)) return false;
  const firstLine = text.split(/\r?\n|\r/, 1)[0] ?? '';
  const delimiter = [',', '\t', ';', '|'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  const cols = detectColumns(firstLine.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, '')));
  return !!cols.lon && !!cols.lat && !!cols.type;
}
