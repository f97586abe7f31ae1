/**
 * Saved views as slides (issue 10): the slide model, pure list operations, and the JSON file a
 * deck is exported to and imported from, validated field by field so a bad file is refused with
 * the field named and nothing the user already has is lost.
 *
 * A slide holds the whole view explicitly (area, measure and its settings, year, classification,
 * feature layers, map mode, targeting settings, compare selection) so showing it restores all of
 * it. Views are versioned (`v`): version 1 (before 2026-12) kept the feature layers as the ids of
 * the layer sources that happened to draw and the targeting settings as an opaque value; such
 * views still live in IndexedDB and in exported files, and `parseView` migrates them
 * (`migrateViewV1`) instead of refusing them.
 */

/** Current version of a slide view. */
export const VIEW_VERSION = 2;

/** Which feature layers are switched on, and which feature owns the map. */
export interface SlideLayers {
  /** Nighttime-lights raster drawn over the map. */
  lights: boolean;
  /** Services (hospitals, รพ.สต., schools) with the far-village highlight. */
  services: boolean;
  /** 'need' (poverty choropleth) or a feature's mode id: 'targeting', 'hotspots', 'progress'. */
  mapMode: string;
}

export type SlideTargetingLevel = 'village' | 'subdistrict' | 'district' | 'province';
export type SlidePillar = 'economy' | 'services' | 'infrastructure';

/**
 * The targeting settings of issue 9, field for field (the store's TargetingSettings; compareStore
 * checks at compile time that the two stay assignable both ways). Kept here because the domain
 * may not import the store.
 */
export interface SlideTargeting {
  level: SlideTargetingLevel;
  within: string | null;
  needMeasure: string;
  needAs: 'rate' | 'count';
  normalise: 'minmax' | 'z' | 'rank';
  aggregate: 'linear' | 'geometric';
  missing: 'renormalise' | 'exclude';
  strategy: 'livelihoods' | 'protection';
  needWeight: number;
  pillarWeights: Record<SlidePillar, number>;
  inputWeights: Record<string, number>;
  thresholdWeighting: 'areas' | 'people';
}

export interface SlideView {
  v: typeof VIEW_VERSION;
  /** 'TH' or a DOPA code. */
  selection: string;
  /** Buddhist-era data year. */
  year: number;
  mpi: { measure: 'tpmap' | 'af'; dimensions: string[]; k: number; weights: unknown; welfare: 'all' | 'nocard' };
  mapMeasure: string;
  classification: { method: string; scope: 'national' | 'province'; custom: number[] };
  layers: SlideLayers;
  /** Areas compared side by side (2–4 DOPA codes), empty when none. */
  compare: string[];
  /** Targeting settings; null when the slide was saved without them (a migrated version-1 slide). */
  targeting: SlideTargeting | null;
}

export interface Slide {
  id: string;
  title: string;
  note: string;
  view: SlideView;
}

export const DECK_FORMAT = 'cheepao-slides';
/** 2: views carry `v: 2` (typed layers and targeting); version-1 files are migrated on import. */
export const DECK_VERSION = 2;

export interface Deck {
  format: typeof DECK_FORMAT;
  version: number;
  /** The workspace the slides were made on. */
  datasetId: string;
  slides: Slide[];
}

export class DeckError extends Error {}

export function moveSlide(slides: readonly Slide[], from: number, to: number): Slide[] {
  if (from < 0 || from >= slides.length || to < 0 || to >= slides.length) return [...slides];
  const out = [...slides];
  const [s] = out.splice(from, 1);
  out.splice(to, 0, s);
  return out;
}

export function updateSlide(slides: readonly Slide[], id: string, patch: Partial<Pick<Slide, 'title' | 'note'>>): Slide[] {
  return slides.map((s) => (s.id === id ? { ...s, ...patch } : s));
}

export function deleteSlide(slides: readonly Slide[], id: string): Slide[] {
  return slides.filter((s) => s.id !== id);
}

/** A fresh id not used by any of `slides` (seeded by a counter, not by time, so tests are exact). */
export function newSlideId(slides: readonly Slide[]): string {
  let n = slides.length + 1;
  while (slides.some((s) => s.id === `s${n}`)) n++;
  return `s${n}`;
}

export function serializeDeck(deck: Deck): string {
  return JSON.stringify(deck, null, 2);
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function fail(path: string, what: string): never {
  throw new DeckError(`${path}: ${what}`);
}

function str(o: Record<string, unknown>, key: string, path: string, max = 2000): string {
  const v = o[key];
  if (typeof v !== 'string') fail(`${path}.${key}`, 'must be text');
  if (v.length > max) fail(`${path}.${key}`, `longer than ${max} characters`);
  return v;
}

function strList(o: Record<string, unknown>, key: string, path: string, pattern?: RegExp): string[] {
  const v = o[key] ?? [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(`${path}.${key}`, 'must be a list of text');
  if (pattern) v.forEach((x, i) => { if (!pattern.test(x as string)) fail(`${path}.${key}[${i}]`, `"${x}" is not valid`); });
  return v as string[];
}

const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function oneOf<T extends string>(o: Record<string, unknown>, key: string, path: string, allowed: readonly T[]): T {
  const v = o[key];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) fail(`${path}.${key}`, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  return v as T;
}

function weightRecord(v: unknown, path: string, keys?: readonly string[]): Record<string, number> {
  if (!isObj(v)) fail(path, 'must be an object of weights');
  const out: Record<string, number> = {};
  for (const [k, w] of Object.entries(v)) {
    if (!num(w) || w < 0) fail(`${path}.${k}`, 'must be a number ≥ 0');
    if (keys && !keys.includes(k)) fail(`${path}.${k}`, `is not one of ${keys.join(', ')}`);
    out[k] = w;
  }
  return out;
}

const PILLAR_IDS: readonly SlidePillar[] = ['economy', 'services', 'infrastructure'];

/** Targeting settings, every field checked (they are handed to the ranking as they are). */
export function parseTargeting(t: unknown, path: string): SlideTargeting {
  if (!isObj(t)) fail(path, 'must be an object');
  const within = t.within ?? null;
  if (within !== null && (typeof within !== 'string' || !/^\d{2,8}$/.test(within))) fail(`${path}.within`, 'must be null or a DOPA code');
  if (!num(t.needWeight) || t.needWeight < 0 || t.needWeight > 1) fail(`${path}.needWeight`, 'must be a number in [0, 1]');
  const pillars = weightRecord(t.pillarWeights, `${path}.pillarWeights`, PILLAR_IDS);
  for (const p of PILLAR_IDS) if (!(p in pillars)) fail(`${path}.pillarWeights.${p}`, 'is missing');
  return {
    level: oneOf(t, 'level', path, ['village', 'subdistrict', 'district', 'province'] as const),
    within: within as string | null,
    needMeasure: str(t, 'needMeasure', path, 64),
    needAs: oneOf(t, 'needAs', path, ['rate', 'count'] as const),
    normalise: oneOf(t, 'normalise', path, ['minmax', 'z', 'rank'] as const),
    aggregate: oneOf(t, 'aggregate', path, ['linear', 'geometric'] as const),
    missing: oneOf(t, 'missing', path, ['renormalise', 'exclude'] as const),
    strategy: oneOf(t, 'strategy', path, ['livelihoods', 'protection'] as const),
    needWeight: t.needWeight,
    pillarWeights: pillars as Record<SlidePillar, number>,
    inputWeights: weightRecord(t.inputWeights ?? {}, `${path}.inputWeights`),
    thresholdWeighting: oneOf(t, 'thresholdWeighting', path, ['areas', 'people'] as const),
  };
}

/** The fields both versions share (area, year, poverty settings, measure, classes, compare). */
function parseCommon(v: Record<string, unknown>, path: string): Omit<SlideView, 'v' | 'layers' | 'targeting'> {
  const selection = str(v, 'selection', path, 8);
  if (!/^(TH|\d{2}|\d{4}|\d{6}|\d{8})$/.test(selection)) fail(`${path}.selection`, `"${selection}" is not TH or a DOPA code`);
  const year = v.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2500 || year > 2700) fail(`${path}.year`, 'must be a Buddhist-era year (2500–2700)');
  const m = v.mpi;
  if (!isObj(m)) fail(`${path}.mpi`, 'must be an object');
  if (m.measure !== 'tpmap' && m.measure !== 'af') fail(`${path}.mpi.measure`, 'must be "tpmap" or "af"');
  const dimensions = strList(m, 'dimensions', `${path}.mpi`, /^(health|living|education|income|access)$/);
  if (dimensions.length === 0) fail(`${path}.mpi.dimensions`, 'needs at least one dimension');
  if (typeof m.k !== 'number' || !(m.k > 0 && m.k <= 1)) fail(`${path}.mpi.k`, 'must be a number in (0, 1]');
  if (m.welfare !== 'all' && m.welfare !== 'nocard') fail(`${path}.mpi.welfare`, 'must be "all" or "nocard"');
  const weights = m.weights ?? null;
  if (weights !== null && !Array.isArray(weights) && !isObj(weights)) fail(`${path}.mpi.weights`, 'must be null, a list or an object of numbers');
  const mapMeasure = str(v, 'mapMeasure', path, 64);
  const c = v.classification ?? { method: 'quantile', scope: 'national', custom: [] };
  if (!isObj(c)) fail(`${path}.classification`, 'must be an object');
  const method = str(c, 'method', `${path}.classification`, 32);
  if (c.scope !== 'national' && c.scope !== 'province') fail(`${path}.classification.scope`, 'must be "national" or "province"');
  const custom = c.custom ?? [];
  if (!Array.isArray(custom) || custom.some((x) => typeof x !== 'number' || !Number.isFinite(x))) fail(`${path}.classification.custom`, 'must be a list of numbers');
  const compare = strList(v, 'compare', path, /^(\d{2}|\d{4})$/);
  if (compare.length > 4) fail(`${path}.compare`, 'at most 4 areas');
  return {
    selection,
    year,
    mpi: { measure: m.measure, dimensions, k: m.k, weights, welfare: m.welfare },
    mapMeasure,
    classification: { method, scope: c.scope, custom: custom as number[] },
    compare,
  };
}

const MAP_MODE = /^[a-z][a-z0-9_-]{0,31}$/;

/** Layer-source ids of version 1 (src/map/sources/*) that mean "services on". */
const V1_SERVICE_SOURCES = ['access', 'farvillages', 'nearestlines'];

/**
 * A version-1 view: `layers` listed the layer sources that drew something when it was saved
 * ('ntl' = lights; 'access', 'farvillages', 'nearestlines' = services; 'targeting' or 'progress'
 * = that feature owned the map — version 1 did not tell the typology from hot spots, and the
 * typology is what the targeting tab opens with). Its targeting value was never written by the
 * app (always null); one that is a complete, valid settings object is kept, anything else
 * becomes null (showing the slide then leaves the targeting settings as they are).
 */
export function migrateViewV1(v: Record<string, unknown>, path: string): SlideView {
  const sources = strList(v, 'layers', path);
  let targeting: SlideTargeting | null = null;
  try {
    targeting = v.targeting == null ? null : parseTargeting(v.targeting, `${path}.targeting`);
  } catch {
    targeting = null;
  }
  return {
    v: VIEW_VERSION,
    ...parseCommon(v, path),
    layers: {
      lights: sources.includes('ntl'),
      services: sources.some((s) => V1_SERVICE_SOURCES.includes(s)),
      mapMode: sources.includes('targeting') ? 'targeting' : sources.includes('progress') ? 'progress' : 'need',
    },
    targeting,
  };
}

/** A view of any known version, as the current version; throws DeckError naming the bad field. */
export function parseView(v: unknown, path: string): SlideView {
  if (!isObj(v)) fail(path, 'must be an object');
  const version = v.v ?? 1;
  if (version === 1) return migrateViewV1(v, path);
  if (version !== VIEW_VERSION) fail(`${path}.v`, `must be 1 or ${VIEW_VERSION} (this app reads no newer slides)`);
  const l = v.layers;
  if (!isObj(l)) fail(`${path}.layers`, 'must be an object');
  if (typeof l.lights !== 'boolean') fail(`${path}.layers.lights`, 'must be true or false');
  if (typeof l.services !== 'boolean') fail(`${path}.layers.services`, 'must be true or false');
  const mapMode = str(l, 'mapMode', `${path}.layers`, 32);
  if (!MAP_MODE.test(mapMode)) fail(`${path}.layers.mapMode`, `"${mapMode}" is not a map mode`);
  return {
    v: VIEW_VERSION,
    ...parseCommon(v, path),
    layers: { lights: l.lights, services: l.services, mapMode },
    targeting: v.targeting == null ? null : parseTargeting(v.targeting, `${path}.targeting`),
  };
}

/**
 * Slides as read back from IndexedDB (any version), each migrated to the current view; a slide
 * that cannot be read is dropped and named in `dropped` instead of losing the whole deck.
 */
export function migrateSlides(saved: unknown): { slides: Slide[]; dropped: string[] } {
  if (!Array.isArray(saved)) return { slides: [], dropped: [] };
  const slides: Slide[] = [];
  const dropped: string[] = [];
  saved.forEach((s: unknown, i) => {
    try {
      slides.push(parseSlide(s, `slides[${i}]`, slides));
    } catch (e) {
      dropped.push((e as Error).message);
    }
  });
  return { slides, dropped };
}

function parseSlide(s: unknown, path: string, before: readonly Slide[]): Slide {
  if (!isObj(s)) fail(path, 'must be an object');
  const title = str(s, 'title', path, 300);
  const note = typeof s.note === 'string' ? s.note : '';
  let id = typeof s.id === 'string' && s.id ? s.id : newSlideId(before);
  if (before.some((x) => x.id === id)) id = newSlideId(before);
  return { id, title, note, view: parseView(s.view, `${path}.view`) };
}

/**
 * Parse and validate a deck file (JSON text). Throws DeckError naming the first bad field
 * (`slides[2].view.year: must be …`). Duplicate slide ids are renamed, not refused. Version-1
 * files (and version-1 views) are migrated to the current view.
 */
export function parseDeck(text: string): Deck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DeckError(`not JSON (${(e as Error).message})`);
  }
  if (!isObj(raw)) fail('file', 'must be a JSON object');
  if (raw.format !== DECK_FORMAT) fail('format', `must be "${DECK_FORMAT}"`);
  if (typeof raw.version !== 'number' || raw.version > DECK_VERSION) fail('version', `must be a number ≤ ${DECK_VERSION}`);
  const datasetId = typeof raw.datasetId === 'string' ? raw.datasetId : '';
  if (!Array.isArray(raw.slides)) fail('slides', 'must be a list');
  if (raw.slides.length > 500) fail('slides', 'more than 500 slides');
  const slides: Slide[] = [];
  raw.slides.forEach((s: unknown, i: number) => slides.push(parseSlide(s, `slides[${i}]`, slides)));
  return { format: DECK_FORMAT, version: DECK_VERSION, datasetId, slides };
}
