/**
 * Compare, briefing and slides state (issue 10). Keeps only what this feature owns — the compared
 * areas, briefing mode, the slide deck and the PDPA switch — and reads everything else from the
 * app store. The compared areas, briefing mode and slide number live in the URL (`compare=50,58`,
 * `brief=1`, `slide=2`), written here with replaceState on top of whatever else the URL holds; the
 * deck lives in IndexedDB per workspace.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createStore as idbStore, get as idbGet, set as idbSet, type UseStore } from 'idb-keyval';
import { appStore, notify, type AppState } from '../../store/store';
import { computeWorker, select, setClassification, setMapMeasure, setMpi, setYear } from '../../store/actions';
import type { MeasuresByLevel } from '../../worker/datasetSession';
import { parseCompareCodes } from '../../domain/compare/table';
import { migrateSlides, newSlideId, VIEW_VERSION, type Slide, type SlideLayers, type SlideTargeting, type SlideView } from '../../domain/slides/slides';
import { ntlStore, setNtlVisible } from '../../store/ntlStore';
import { activateProgress, progressStore } from '../../store/progressStore';
import { accessStore, setServicesShown } from '../../store/accessStore';
import { rerank, runHotspots, setTargeting, targetingStore, type TargetingSettings } from '../../store/targetingStore';
import { isMapMeasure, type MapMeasure } from '../../domain/mapMeasures';
import type { MpiSettings } from '../../domain/mpi';
import type { ClassMethod } from '../../domain/classify';

export interface CompareState {
  /** 2–4 compared areas (DOPA province or district codes); [] = compare view closed. */
  compare: string[];
  /** Provinces ticked in the national table (not yet compared). */
  picked: string[];
  brief: boolean;
  /** 0-based slide shown in briefing mode (when there are slides). */
  slideIndex: number;
  slides: Slide[];
  /** Dataset id the slides belong to (null until loaded from IndexedDB). */
  slidesFor: string | null;
  /** PDPA: counts below 5 shown as "< 5" in briefing mode and every export. */
  suppress: boolean;
  /** Measures of every data year of the workspace, for the current settings, with detail. */
  years: { key: string; byYear: Record<number, MeasuresByLevel> } | null;
  busy: string | null;
  /** Slide being exported and the deck's length, while a deck is exported. */
  busyStep: [number, number] | null;
  /** True while a slide's view is being applied (its numbers computed, its maps redrawn). */
  applying: boolean;
}

function fromUrl(): Pick<CompareState, 'compare' | 'brief' | 'slideIndex'> {
  const q = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
  const slide = Number(q.get('slide'));
  return { compare: parseCompareCodes(q.get('compare')), brief: q.get('brief') === '1', slideIndex: Number.isInteger(slide) && slide > 0 ? slide - 1 : 0 };
}

export const compareStore = createStore<CompareState>()(() => ({
  ...fromUrl(),
  picked: [],
  slides: [],
  slidesFor: null,
  suppress: true,
  years: null,
  busy: null,
  busyStep: null,
  applying: false,
}));

export function useCompare<T>(selector: (s: CompareState) => T): T {
  return useStore(compareStore, selector);
}

/** Only this feature's keys are set or deleted; the rest of the URL is read fresh each time. */
function writeUrl(): void {
  const s = compareStore.getState();
  const q = new URLSearchParams(location.search);
  if (s.compare.length >= 2) q.set('compare', s.compare.join(','));
  else q.delete('compare');
  if (s.brief) q.set('brief', '1');
  else q.delete('brief');
  if (s.brief && s.slides.length && s.slideIndex > 0) q.set('slide', String(s.slideIndex + 1));
  else q.delete('slide');
  // URLSearchParams encodes ',' as %2C; keep the list readable (compare=50,58).
  const after = q.toString().replace(/%2C/gi, ',');
  const search = after ? `?${after}` : '';
  if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
}

const slideDb: () => UseStore = (() => {
  let db: UseStore | null = null;
  return () => (db ??= idbStore('cheepao-slides', 'slides'));
})();

let yearSeq = 0;
/** Measures for every data year at the current settings (the compare view, table and change). */
export async function ensureYears(): Promise<void> {
  const s = appStore.getState();
  const ds = s.dataset;
  if (!ds) return;
  const key = JSON.stringify([ds.id, s.mpi]);
  if (compareStore.getState().years?.key === key) return;
  const seq = ++yearSeq;
  try {
    const byYear: Record<number, MeasuresByLevel> = {};
    for (const y of ds.manifest.years) byYear[y] = (await computeWorker().measures(ds.id, y, s.mpi, true)).levels;
    if (seq === yearSeq) compareStore.setState({ years: { key, byYear } });
  } catch (e) {
    notify('error', (e as Error).message);
  }
}

/** The data year compared with: the latest year before the shown one (null with one year). */
export function previousYear(s: Pick<AppState, 'dataset' | 'year'>): number | null {
  const years = (s.dataset?.manifest.years ?? []).filter((y) => y < s.year);
  return years.length ? Math.max(...years) : null;
}

/**
 * Set by the feature file (src/features/compare.tsx). Version-1 slides stored what these
 * returned; slides now read the stores themselves (captureView), so they are no longer called.
 */
export const viewHooks: { layersOn: () => string[]; targeting: () => unknown } = { layersOn: () => [], targeting: () => null };

// The slide's targeting settings and the store's must stay the same shape: each is assigned to
// the other here, so a field added to one and not the other fails `tsc`.
const toSlideTargeting = (t: TargetingSettings): SlideTargeting => ({ ...t, pillarWeights: { ...t.pillarWeights }, inputWeights: { ...t.inputWeights } });
const toStoreTargeting = (t: SlideTargeting): TargetingSettings => ({ ...t, pillarWeights: { ...t.pillarWeights }, inputWeights: { ...t.inputWeights } });

/** Which feature layers are on now: what the user sees, not what they once asked for. */
export function currentLayers(): SlideLayers {
  const n = ntlStore.getState();
  return { lights: n.visible && !!n.info, services: accessStore.getState().shown, mapMode: appStore.getState().mapMode };
}

export function captureView(): SlideView {
  const s = appStore.getState();
  return {
    v: VIEW_VERSION,
    selection: s.selection,
    year: s.year,
    mpi: { measure: s.mpi.measure, dimensions: [...s.mpi.dimensions], k: s.mpi.k, weights: s.mpi.weights ? JSON.parse(JSON.stringify(s.mpi.weights)) : null, welfare: s.mpi.welfare },
    mapMeasure: s.mapMeasure,
    classification: { method: s.classification.method, scope: s.classification.scope, custom: [...s.classification.custom] },
    layers: currentLayers(),
    compare: [...compareStore.getState().compare],
    targeting: toSlideTargeting(targetingStore.getState().settings),
  };
}

/**
 * The slide's feature layers and map mode, through each feature's own setters. Lights and
 * services switched by a slide count as the user's choice (opening their tab no longer changes
 * them). A targeting or hot-spot map needs an answer: ranked (or run) here when there is none;
 * the promise settles when it is there, so "slide shown" includes the map's colours.
 */
function applyLayers(l: SlideLayers): Promise<unknown> {
  if (ntlStore.getState().visible !== l.lights) setNtlVisible(l.lights);
  if (accessStore.getState().shown !== l.services) setServicesShown(l.services);
  // mapMode is an open set of feature ids (AppState.mapMode); targetingStore's setter names only its own.
  if (appStore.getState().mapMode !== l.mapMode) appStore.setState({ mapMode: l.mapMode });
  const t = targetingStore.getState();
  if (l.mapMode === 'targeting' && !t.answer) return rerank();
  if (l.mapMode === 'hotspots' && !t.hotspots && !t.hotspotProgress) return runHotspots();
  if (l.mapMode === 'progress') return progressMap();
  return Promise.resolve();
}

/** The progress map's answer for the active workspace (read and computed on first use). */
function progressMap(): Promise<void> {
  const has = () => {
    const p = progressStore.getState();
    const id = appStore.getState().dataset?.id;
    return !!p.map && p.map.datasetId === id;
  };
  if (has()) return Promise.resolve();
  activateProgress();
  return new Promise((resolve) => {
    const un = progressStore.subscribe((p) => {
      if (has() || p.error || (p.info && !p.info.hasRecords && !p.computing && !p.opening)) {
        un();
        resolve();
      }
    });
  });
}

/** Tick or untick an area for comparing (at most 4; the national table and the map control share the list). */
export function togglePicked(code: string): void {
  compareStore.setState((s) => ({ picked: s.picked.includes(code) ? s.picked.filter((c) => c !== code) : s.picked.length < 4 ? [...s.picked, code] : s.picked }));
}

export function setCompare(codes: string[]): void {
  compareStore.setState({ compare: codes.slice(0, 4) });
  if (codes.length >= 2) void ensureYears();
}

export function setBrief(on: boolean): void {
  compareStore.setState({ brief: on });
  if (on) {
    void ensureYears();
    const { slides, slideIndex } = compareStore.getState();
    if (slides.length) void goToSlide(Math.min(slideIndex, slides.length - 1));
  } else if (document.fullscreenElement) {
    void document.exitFullscreen().catch(() => undefined);
  }
}

export function setSlides(slides: Slide[]): void {
  const { slideIndex } = compareStore.getState();
  compareStore.setState({ slides, slideIndex: Math.max(0, Math.min(slideIndex, slides.length - 1)) });
}

/** The current view becomes a new slide at the end of the deck. */
export function addSlide(title: string): Slide | null {
  const { slides, slidesFor } = compareStore.getState();
  // Until the workspace's saved slides are read, a new one would be overwritten by them.
  if (!slidesFor || slidesFor !== appStore.getState().dataset?.id) return null;
  const slide: Slide = { id: newSlideId(slides), title, note: '', view: captureView() };
  setSlides([...slides, slide]);
  return slide;
}

const settingsKey = (s: AppState) => JSON.stringify([s.dataset?.id, s.year, s.mpi]);

/** Resolves once the app's result matches its current dataset, year and settings. */
export function resultReady(): Promise<void> {
  return new Promise((resolve) => {
    const ok = (s: AppState) => !!s.result && s.result.key === settingsKey(s);
    if (ok(appStore.getState())) return resolve();
    const un = appStore.subscribe((s) => {
      if (ok(s)) {
        un();
        resolve();
      }
    });
  });
}

/** Make a slide's view the app's view (through the app's actions) and wait for its numbers. */
/** Where the last slide's apply spent its time (ms from its start), for the bench. */
const timings: Record<string, number> = {};
(globalThis as { __cheepaoSlideTimings?: Record<string, number> }).__cheepaoSlideTimings = timings;

export async function applyView(v: SlideView): Promise<void> {
  const t0 = performance.now();
  const at = (k: string) => (timings[k] = performance.now() - t0);
  const s = appStore.getState();
  if (v.year !== s.year && s.dataset?.manifest.years.includes(v.year)) setYear(v.year);
  const mpi: MpiSettings = { measure: v.mpi.measure, dimensions: v.mpi.dimensions as MpiSettings['dimensions'], k: v.mpi.k, weights: (v.mpi.weights ?? null) as MpiSettings['weights'], welfare: v.mpi.welfare };
  if (JSON.stringify(mpi) !== JSON.stringify(s.mpi)) setMpi(mpi);
  if (v.mapMeasure !== s.mapMeasure && isMapMeasure(v.mapMeasure)) setMapMeasure(v.mapMeasure as MapMeasure);
  if (JSON.stringify(v.classification) !== JSON.stringify(s.classification)) setClassification({ ...v.classification, method: v.classification.method as ClassMethod });
  if (v.selection !== s.selection) select(v.selection);
  // setTargeting re-ranks (latest wins) only where a ranking is already in use; otherwise the
  // settings wait for the first ranking. Identical settings are not re-asked.
  let ranking: Promise<unknown> = Promise.resolve();
  if (v.targeting && JSON.stringify(toStoreTargeting(v.targeting)) !== JSON.stringify(targetingStore.getState().settings)) {
    if (targetingStore.getState().answer) {
      setTargeting(toStoreTargeting(v.targeting));
      ranking = rerank();
    } else targetingStore.setState({ settings: toStoreTargeting(v.targeting) });
  }
  at('actions');
  const layers = applyLayers(v.layers).then(() => at('layers'));
  compareStore.setState({ compare: v.compare.length >= 2 ? [...v.compare] : [] });
  at('compare');
  await resultReady();
  at('result');
  await Promise.all([ensureYears().then(() => at('years')), ranking.then(() => at('ranking')), layers]);
  at('all');
}

export async function goToSlide(i: number): Promise<void> {
  const { slides } = compareStore.getState();
  if (!slides.length) return;
  const k = Math.max(0, Math.min(slides.length - 1, i));
  const t0 = performance.now();
  compareStore.setState({ slideIndex: k, applying: true });
  try {
    await applyView(slides[k].view);
    // Let React commit the new view so the maps have started drawing it before we say "done".
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    timings.frames = performance.now() - t0;
  } finally {
    compareStore.setState({ applying: false });
  }
  if (compareStore.getState().brief) prefetch(slides[k + 1]);
}

/**
 * While a slide is on screen, the next one's slowest input is asked for (issue 15 §4): a
 * targeting map's ranking (seconds in the worker), when nothing is ranked yet and the next slide
 * asks for the settings, year and rule already in place — so the ranking is the one it will show.
 */
function prefetch(next: Slide | undefined): void {
  if (!next || next.view.layers.mapMode !== 'targeting') return;
  const s = appStore.getState();
  const t = targetingStore.getState();
  if (t.answer || next.view.year !== s.year || next.view.mpi.measure !== s.mpi.measure) return;
  if (next.view.targeting && JSON.stringify(toStoreTargeting(next.view.targeting)) !== JSON.stringify(t.settings)) return;
  void rerank();
}

/** Wire the store to the app: URL, persistence per workspace, year data. Called once by the feature. */
export function wireCompare(): void {
  compareStore.subscribe(writeUrl);
  // The app rewrites its own URL keys on state changes (store/url.ts formats the whole query):
  // put ours back right after, in the same task.
  appStore.subscribe(() => queueMicrotask(writeUrl));

  let loadingFor: string | null = null;
  const loadSlides = (id: string) => {
    loadingFor = id;
    idbGet<unknown>(id, slideDb()).then(
      (saved) => {
        if (loadingFor !== id) return;
        // Slides saved by an older version are migrated on read (and written back in the new
        // shape on the next change); one that cannot be read is named, the others kept.
        const { slides, dropped } = migrateSlides(saved);
        for (const d of dropped) notify('error', `slides: ${d}`);
        compareStore.setState({ slides, slidesFor: id });
        const { brief, slideIndex } = compareStore.getState();
        if (brief && slides.length) void goToSlide(Math.min(slideIndex, slides.length - 1));
      },
      (e: Error) => {
        compareStore.setState({ slidesFor: id });
        notify('error', `slides: ${e.message}`);
      },
    );
  };
  appStore.subscribe((s, prev) => {
    if (s.dataset?.id && s.dataset.id !== prev.dataset?.id) {
      compareStore.setState({ years: null });
      loadSlides(s.dataset.id);
    }
    if (s.mpi !== prev.mpi || s.dataset !== prev.dataset) {
      const c = compareStore.getState();
      if (c.compare.length >= 2 || c.brief || c.years) void ensureYears();
    }
  });
  compareStore.subscribe((s, prev) => {
    if (s.slides !== prev.slides && s.slidesFor && s.slidesFor === appStore.getState().dataset?.id) {
      idbSet(s.slidesFor, s.slides, slideDb()).catch((e: Error) => notify('error', `slides: ${e.message}`));
    }
  });
  const c = compareStore.getState();
  if (c.compare.length >= 2 || c.brief) {
    const un = appStore.subscribe((s) => {
      if (s.dataset) {
        un();
        void ensureYears();
      }
    });
  }
}
