/**
 * State and actions of the nighttime-lights feature (issue 4): the raster on the map (its
 * description, national image and — once decoded — the full-resolution grid the tooltip samples),
 * display settings, zonal-statistics settings and the worker's latest statistics. Every decode,
 * colouring and statistic runs in the nighttime-lights worker (worker/ntl.worker.ts); this store
 * only asks, "latest wins", so dragging the radius slider never queues stale passes.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { wrap, transfer, type Remote } from 'comlink';
import { appStore, notify } from './store';
import type { RasterGrid } from '../domain/raster/grid';
import { DEFAULT_LIT_THRESHOLD_NW } from '../domain/raster/zonalStats';
import type { NtlApi, NtlLoaded, NtlRasterInfo, NtlSource, NtlZonal, PolygonLevel, RgbaImage } from '../worker/ntl.worker';
import type { PlacedImage } from '../map/layers/ntlLayer';
import { latestWins } from './latestWins';

export const DEFAULT_NTL_RADIUS_KM = 2;
/** Layer opacity when shown: strong enough to read the lights, the choropleth glows through the dark zero pixels (transparent). */
export const DEFAULT_NTL_OPACITY = 0.85;

export interface NtlState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** File being opened (for the "loading …" line). */
  loadingName: string | null;
  info: NtlRasterInfo | null;
  /** Identity of the raster in the worker; every load bumps it. */
  gen: number;
  national: PlacedImage | null;
  /** Full-resolution window over Thailand (a copy; tooltip values), once decoded. */
  grid: RasterGrid | null;
  /** Drawn on the map (off by default: the need choropleth is the first thing to read). */
  visible: boolean;
  /** The user switched the layer on or off themself (opening the tab no longer changes it). */
  visibleTouched: boolean;
  opacity: number;
  radiusKm: number;
  thresholdNw: number;
  zonal: NtlZonal | null;
  /** The dataset whose villages `zonal.village` is aligned with. */
  zonalDatasetId: string | null;
  computing: boolean;
  /** The last refused file's message. */
  lastError: string | null;
  timings: { displayMs?: number; firstShownMs?: number; decodeMs?: number; villagesMs?: number; polygonsMs?: number };
}

export const ntlStore = createStore<NtlState>()(() => ({
  status: 'idle',
  loadingName: null,
  info: null,
  gen: 0,
  national: null,
  grid: null,
  visible: false,
  visibleTouched: false,
  opacity: DEFAULT_NTL_OPACITY,
  radiusKm: DEFAULT_NTL_RADIUS_KM,
  thresholdNw: DEFAULT_LIT_THRESHOLD_NW,
  zonal: null,
  zonalDatasetId: null,
  computing: false,
  lastError: null,
  timings: {},
}));

export function useNtl<T>(selector: (s: NtlState) => T): T {
  return useStore(ntlStore, selector);
}

let worker: Remote<NtlApi> | null = null;
export function ntlWorker(): Remote<NtlApi> {
  if (!worker) worker = wrap<NtlApi>(new Worker(new URL('../worker/ntl.worker.ts', import.meta.url), { type: 'module' }));
  return worker;
}

function toPlaced(img: RgbaImage): PlacedImage {
  return { image: new ImageData(img.data as Uint8ClampedArray<ArrayBuffer>, img.width, img.height), bounds: img.bounds };
}

/** A full-resolution tile for the map (see NtlRasterLayer). */
export async function ntlTile(gen: number, bbox: { west: number; south: number; east: number; north: number }): Promise<PlacedImage | null> {
  const img = await ntlWorker().tile(gen, { west: bbox.west, south: bbox.south, east: bbox.east, north: bbox.north });
  return img && ntlStore.getState().gen === gen ? toPlaced(img) : null;
}

const isTh = () => appStore.getState().lang === 'th';
const t0 = performance.now();

let loadSeq = 0;
/** Where the raster on the map came from (a band switch re-reads it). */
let currentSource: { source: NtlSource; displayName: string } | null = null;
/** Opens a raster in the worker; a refusal is reported and the raster already shown stays. */
async function loadRaster(source: NtlSource, displayName: string, band?: number): Promise<boolean> {
  const seq = ++loadSeq;
  ntlStore.setState({ loadingName: displayName, status: ntlStore.getState().info ? ntlStore.getState().status : 'loading' });
  let loaded: NtlLoaded;
  try {
    loaded = await ntlWorker().load(source, band);
  } catch (e) {
    const msg = (e as Error).message || String(e);
    const text = isTh() ? `ไม่รับไฟล์ภาพแสงไฟยามค่ำคืน — ${msg}` : `Nighttime-light raster refused — ${msg}`;
    if (seq === loadSeq) ntlStore.setState((s) => ({ loadingName: null, lastError: text, status: s.info ? s.status : 'error' }));
    notify('error', text);
    return false;
  }
  if (seq !== loadSeq) return false;
  currentSource = { source, displayName };
  ntlStore.setState((s) => ({
    status: 'ready',
    loadingName: null,
    lastError: null,
    info: loaded.info,
    gen: loaded.gen,
    national: toPlaced(loaded.image),
    grid: null,
    zonal: null,
    timings: { displayMs: loaded.displayMs, firstShownMs: s.timings.firstShownMs ?? performance.now() - t0 },
  }));
  void fetchFullGrid(loaded.gen);
  return true;
}

async function fetchFullGrid(gen: number): Promise<void> {
  try {
    const full = await ntlWorker().fullGrid(gen);
    if (!full || ntlStore.getState().gen !== gen) return;
    ntlStore.setState((s) => ({ grid: full.grid, timings: { ...s.timings, decodeMs: full.decodeMs } }));
    void recomputeZonal();
  } catch (e) {
    const name = ntlStore.getState().info?.name ?? 'raster';
    notify('error', `${name}: ${(e as Error).message}`);
  }
}

/** The workspace's own raster (manifest `files.ntl`). */
export function loadWorkspaceRaster(): void {
  const ds = appStore.getState().dataset;
  const name = ds?.manifest.files.ntl;
  if (!ds || !name) return;
  const layer = ds.layers.find((l) => l.kind === 'lights');
  const displayName = layer?.source.files[0]?.name ?? name;
  void loadRaster({ workspace: ds.ref, name, displayName }, displayName);
}

/** A dropped or opened GeoTIFF replaces the raster on the map (and is shown); a refused one changes nothing. */
export async function openNtlFile(file: File): Promise<void> {
  if (await loadRaster({ file }, file.name)) ntlStore.setState({ visible: true });
}

/** TIFF magic: "II*\0", "MM\0*" (classic) or "II+\0", "MM\0+" (BigTIFF), or a .tif/.tiff name. */
export function acceptsGeoTiff(name: string, head: Uint8Array): boolean {
  if (/\.tiff?$/i.test(name)) return true;
  if (head.length < 4) return false;
  const [a, b, c, d] = head;
  return (a === 0x49 && b === 0x49 && (c === 42 || c === 43) && d === 0) || (a === 0x4d && b === 0x4d && c === 0 && (d === 42 || d === 43));
}

/** Another band of the current file (multi-band rasters, e.g. 12 monthly composites). */
export function setNtlBand(band: number): void {
  const info = ntlStore.getState().info;
  if (!info || band === info.band || !currentSource) return;
  void loadRaster(currentSource.source, currentSource.displayName, band);
}

export function setNtlVisible(visible: boolean): void {
  ntlStore.setState({ visible, visibleTouched: true });
}

export function setNtlOpacity(opacity: number): void {
  ntlStore.setState({ opacity: Math.min(1, Math.max(0, opacity)) });
}

export function setNtlRadius(radiusKm: number): void {
  if (!(radiusKm > 0 && radiusKm <= 50)) return;
  ntlStore.setState({ radiusKm });
  void recomputeZonal();
}

export function setNtlThreshold(thresholdNw: number): void {
  if (!(thresholdNw >= 0 && thresholdNw < 1e6)) return;
  ntlStore.setState({ thresholdNw });
  void recomputeZonal();
}

/** Opening the lights tab shows the lights, unless the user already chose. */
export function showNtlForTab(): void {
  if (!ntlStore.getState().visibleTouched) ntlStore.setState({ visible: true });
}

/** Village buffers and area polygons for the current raster, radius and threshold (latest wins). */
export const recomputeZonal = latestWins(
  async () => {
    const s = ntlStore.getState();
    if (!s.grid) return;
    if (s.zonal && s.zonal.gen === s.gen && s.zonal.radiusKm === s.radiusKm && s.zonal.thresholdNw === s.thresholdNw && s.zonalDatasetId === villagesFor) return;
    try {
      const datasetId = villagesFor;
      const z = await ntlWorker().zonal(s.gen, s.radiusKm, s.thresholdNw);
      if (!z || z.gen !== ntlStore.getState().gen || datasetId !== villagesFor) return true;
      ntlStore.setState((st) => ({ zonal: z, zonalDatasetId: datasetId, timings: { ...st.timings, villagesMs: z.ms.villages, polygonsMs: z.ms.polygons } }));
    } catch (e) {
      notify('error', `${s.info?.name ?? 'raster'}: ${(e as Error).message}`);
    }
  },
  (computing) => ntlStore.setState({ computing }),
);

/** The dataset whose village positions the worker has (datasets can be switched: imports). */
let villagesFor: string | null = null;
function syncVillages(): void {
  const ds = appStore.getState().dataset;
  // Positions change with the workspace and with centroid placement.
  const key = ds ? `${ds.id}:${ds.placement?.villages ?? 0}` : null;
  if (!ds || key === villagesFor) return;
  villagesFor = key;
  const lon = ds.lon.slice();
  const lat = ds.lat.slice();
  void ntlWorker().setVillages(transfer(lon, [lon.buffer]), transfer(lat, [lat.buffer]));
  void recomputeZonal();
}

let wired = false;
/** The workspace whose raster and polygons the lights worker has. */
let rasterFor: string | null = null;
/**
 * Follows the app: once the first map is drawn, hands the workspace's boundaries to the worker
 * and loads its raster; when another workspace becomes active, its own raster, polygons and
 * villages replace them (a workspace without lights shows none: never another's).
 */
export function wireNtl(): void {
  if (wired) return;
  wired = true;
  const start = () => {
    const ds = appStore.getState().dataset;
    // The lights worker (villages, raster ≈3 MB and a decode) waits for the first map, so it never competes with it.
    if (!ds || !appStore.getState().mapReady) return;
    syncVillages();
    if (rasterFor === ds.id) return;
    rasterFor = ds.id;
    const w = ntlWorker();
    const files = (ds.manifest.files.boundaries ?? {}) as Partial<Record<PolygonLevel, string>>;
    void w.setBoundaries(ds.ref, files);
    if (ds.manifest.files.ntl) loadWorkspaceRaster();
    else {
      loadSeq++;
      currentSource = null;
      ntlStore.setState({ status: 'ready', info: null, national: null, grid: null, zonal: null, loadingName: null, lastError: null });
    }
  };
  start();
  appStore.subscribe((s, prev) => {
    if (s.dataset !== prev.dataset || (s.mapReady && !prev.mapReady)) start();
  });
}
