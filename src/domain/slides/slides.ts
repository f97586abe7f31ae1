/**
 * Saved views as slides (issue 10): the slide model, pure list operations, and the JSON file a
 * deck is exported to and imported from, validated field by field so a bad file is refused with
 * the field named and nothing the user already has is lost.
 */

export interface SlideView {
  /** 'TH' or a DOPA code. */
  selection: string;
  /** Buddhist-era data year. */
  year: number;
  mpi: { measure: 'tpmap' | 'af'; dimensions: string[]; k: number; weights: unknown; welfare: 'all' | 'nocard' };
  mapMeasure: string;
  classification: { method: string; scope: 'national' | 'province'; custom: number[] };
  /** Feature layers switched on (opaque ids of the plug-in layer sources). */
  layers: string[];
  /** Areas compared side by side (2–4 DOPA codes), empty when none. */
  compare: string[];
  /** Targeting settings (issue 9), kept as an opaque JSON value until targeting owns its schema. */
  targeting: unknown;
}

export interface Slide {
  id: string;
  title: string;
  note: string;
  view: SlideView;
}

export const DECK_FORMAT = 'cheepao-slides';
export const DECK_VERSION = 1;

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

function parseView(v: unknown, path: string): SlideView {
  if (!isObj(v)) fail(path, 'must be an object');
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
    layers: strList(v, 'layers', path),
    compare,
    targeting: v.targeting ?? null,
  };
}

/**
 * Parse and validate a deck file (JSON text). Throws DeckError naming the first bad field
 * (`slides[2].view.year: must be …`). Duplicate slide ids are renamed, not refused.
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
  raw.slides.forEach((s: unknown, i: number) => {
    const path = `slides[${i}]`;
    if (!isObj(s)) fail(path, 'must be an object');
    const title = str(s, 'title', path, 300);
    const note = typeof s.note === 'string' ? s.note : '';
    let id = typeof s.id === 'string' && s.id ? s.id : newSlideId(slides);
    if (slides.some((x) => x.id === id)) id = newSlideId(slides);
    slides.push({ id, title, note, view: parseView(s.view, `${path}.view`) });
  });
  return { format: DECK_FORMAT, version: DECK_VERSION, datasetId, slides };
}
