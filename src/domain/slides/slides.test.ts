import { describe, expect, it } from 'vitest';
import { DeckError, deleteSlide, migrateSlides, moveSlide, newSlideId, parseDeck, parseView, serializeDeck, updateSlide, VIEW_VERSION, type Deck, type Slide, type SlideTargeting } from './slides';
import { isSuppressed, suppressCount, suppressDerived } from './suppress';

/** The store's DEFAULT_TARGETING at province level (what a slide saved from the app holds). */
const targeting: SlideTargeting = {
  level: 'province',
  within: null,
  needMeasure: 'target_poor',
  needAs: 'rate',
  normalise: 'minmax',
  aggregate: 'linear',
  missing: 'renormalise',
  strategy: 'livelihoods',
  needWeight: 0.5,
  pillarWeights: { economy: 1, services: 1, infrastructure: 1 },
  inputWeights: { lights_per_capita: 2 },
  thresholdWeighting: 'areas',
};
const view = (selection: string): Slide['view'] => ({
  v: VIEW_VERSION,
  selection,
  year: 2565,
  mpi: { measure: 'af', dimensions: ['health', 'income'], k: 1 / 3, weights: null, welfare: 'all' },
  mapMeasure: 'rate',
  classification: { method: 'quantile', scope: 'national', custom: [] },
  layers: { lights: true, services: false, mapMode: 'targeting' },
  compare: ['50', '58'],
  targeting,
});
/**
 * A view exactly as version 1 of the app stored it (IndexedDB and exported files before the
 * typed layers): the layer sources that drew (map/sources/*: 'ntl', 'access', 'farvillages', …)
 * and the targeting value, which the app always wrote as null (its hook was never set).
 */
const v1View = (layers: string[], targetingValue: unknown = null) => ({
  selection: '50',
  year: 2565,
  mpi: { measure: 'tpmap', dimensions: ['health', 'living', 'education', 'income', 'access'], k: 1 / 3, weights: null, welfare: 'all' },
  mapMeasure: 'rate',
  classification: { method: 'quantile', scope: 'national', custom: [] },
  layers,
  compare: [],
  targeting: targetingValue,
});
const slides: Slide[] = [
  { id: 's1', title: 'ประเทศไทย', note: '', view: view('TH') },
  { id: 's2', title: 'เชียงใหม่', note: 'ภาคเหนือ', view: view('50') },
  { id: 's3', title: 'แม่ฮ่องสอน', note: '', view: view('58') },
];
const deck: Deck = { format: 'cheepao-slides', version: 2, datasetId: 'demo', slides };

describe('slides', () => {
  it('reorder, rename, delete', () => {
    expect(moveSlide(slides, 0, 2).map((s) => s.id)).toEqual(['s2', 's3', 's1']);
    expect(moveSlide(slides, 2, 0).map((s) => s.id)).toEqual(['s3', 's1', 's2']);
    expect(moveSlide(slides, 0, 5).map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(updateSlide(slides, 's2', { title: 'CM' })[1].title).toBe('CM');
    expect(deleteSlide(slides, 's1').map((s) => s.id)).toEqual(['s2', 's3']);
    expect(newSlideId(slides)).toBe('s4');
    expect(newSlideId([slides[2]])).toBe('s2');
  });

  it('JSON round trip keeps every field, layers and targeting typed', () => {
    const back = parseDeck(serializeDeck(deck));
    expect(back).toEqual(deck);
    expect(back.slides[0].view.layers).toEqual({ lights: true, services: false, mapMode: 'targeting' });
    expect(back.slides[0].view.targeting).toEqual(targeting);
  });

  it('bad files are refused naming the field', () => {
    const bad = (mutate: (d: any) => void) => {
      const d = JSON.parse(serializeDeck(deck));
      mutate(d);
      return () => parseDeck(JSON.stringify(d));
    };
    expect(() => parseDeck('{')).toThrow(DeckError);
    expect(() => parseDeck('[]')).toThrow('file: must be a JSON object');
    expect(bad((d) => (d.format = 'x'))).toThrow('format: must be "cheepao-slides"');
    expect(bad((d) => (d.slides[1].view.year = 2022))).toThrow('slides[1].view.year');
    expect(bad((d) => (d.slides[0].view.selection = '123'))).toThrow('slides[0].view.selection: "123" is not TH or a DOPA code');
    expect(bad((d) => (d.slides[2].view.mpi.k = 0))).toThrow('slides[2].view.mpi.k');
    expect(bad((d) => (d.slides[2].view.mpi.dimensions = ['wealth']))).toThrow('slides[2].view.mpi.dimensions[0]');
    expect(bad((d) => (d.slides[0].view.compare = ['1', '2']))).toThrow('slides[0].view.compare[0]');
    expect(bad((d) => delete d.slides[0].title)).toThrow('slides[0].title: must be text');
    expect(bad((d) => (d.slides[0].view.layers.lights = 'on'))).toThrow('slides[0].view.layers.lights: must be true or false');
    expect(bad((d) => (d.slides[0].view.layers.mapMode = 'Need Map'))).toThrow('slides[0].view.layers.mapMode');
    expect(bad((d) => (d.slides[1].view.targeting.normalise = 'log'))).toThrow('slides[1].view.targeting.normalise: must be one of "minmax", "z", "rank"');
    expect(bad((d) => (d.slides[1].view.targeting.needWeight = 2))).toThrow('slides[1].view.targeting.needWeight');
    expect(bad((d) => (d.slides[1].view.targeting.pillarWeights = { economy: 1, services: 1 }))).toThrow('slides[1].view.targeting.pillarWeights.infrastructure: is missing');
    expect(bad((d) => (d.slides[1].view.targeting.inputWeights = { road: -1 }))).toThrow('slides[1].view.targeting.inputWeights.road');
    expect(bad((d) => (d.slides[2].view.v = 3))).toThrow('slides[2].view.v: must be 1 or 2');
    expect(bad((d) => (d.version = 3))).toThrow('version: must be a number ≤ 2');
  });

  it('duplicate ids are renamed on import', () => {
    const d = JSON.parse(serializeDeck(deck));
    d.slides[1].id = 's1';
    const ids = parseDeck(JSON.stringify(d)).slides.map((s) => s.id);
    expect(new Set(ids).size).toBe(3);
  });
});

describe('version-1 slides are migrated', () => {
  it('layer sources become typed layers and a map mode', () => {
    const on = parseView(v1View(['ntl', 'access', 'farvillages']), 'view');
    expect(on.v).toBe(2);
    expect(on.layers).toEqual({ lights: true, services: true, mapMode: 'need' });
    expect(on.targeting).toBeNull();
    expect(parseView(v1View([]), 'view').layers).toEqual({ lights: false, services: false, mapMode: 'need' });
    expect(parseView(v1View(['nearestlines']), 'view').layers.services).toBe(true);
    expect(parseView(v1View(['targeting', 'ntl']), 'view').layers).toEqual({ lights: true, services: false, mapMode: 'targeting' });
    expect(parseView(v1View(['progress']), 'view').layers.mapMode).toBe('progress');
    // Everything else is carried over unchanged.
    const { layers: _l, targeting: _t, ...rest } = v1View(['ntl']);
    const { v: _v, layers: _l2, targeting: _t2, ...back } = parseView(v1View(['ntl']), 'view');
    expect(back).toEqual(rest);
  });

  it('an opaque targeting value is dropped, a complete one kept', () => {
    expect(parseView(v1View([], { need: 'rate', weights: { ntl: 1 } }), 'view').targeting).toBeNull();
    expect(parseView(v1View([], targeting), 'view').targeting).toEqual(targeting);
  });

  it('a version-1 deck file imports as version 2', () => {
    const file = JSON.stringify({ format: 'cheepao-slides', version: 1, datasetId: 'demo', slides: [{ id: 's1', title: 'ไฟกลางคืน', note: '', view: v1View(['ntl']) }] });
    const d = parseDeck(file);
    expect(d.version).toBe(2);
    expect(d.slides[0].view.layers.lights).toBe(true);
    // A bad field of an old view is still named.
    const broken = JSON.parse(file);
    broken.slides[0].view.layers = 'ntl';
    expect(() => parseDeck(JSON.stringify(broken))).toThrow('slides[0].view.layers: must be a list of text');
  });

  it('IndexedDB decks: every readable slide migrated, an unreadable one dropped and named', () => {
    const saved = [{ id: 's1', title: 'a', note: '', view: v1View(['ntl']) }, { id: 's2', title: 'b', note: '', view: { ...v1View([]), year: 'x' } }, slides[1]];
    const r = migrateSlides(saved);
    expect(r.slides.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(r.slides[0].view.layers.lights).toBe(true);
    expect(r.slides[1]).toEqual(slides[1]);
    expect(r.dropped).toEqual(['slides[1].view.year: must be a Buddhist-era year (2500–2700)']);
    expect(migrateSlides(undefined)).toEqual({ slides: [], dropped: [] });
  });
});

describe('small-count suppression (PDPA)', () => {
  const fmt = (n: number) => String(n);
  it('1–4 become "< 5"; 0 and ≥ 5 are shown; off shows all', () => {
    expect([0, 1, 4, 5, 1234].map((n) => suppressCount(n, true, fmt))).toEqual(['0', '< 5', '< 5', '5', '1234']);
    expect(suppressCount(3, false, fmt)).toBe('3');
    expect(isSuppressed(NaN, true)).toBe(false);
  });
  it('a rate whose count is suppressed is suppressed too', () => {
    expect(suppressDerived(0.003, 3, true, (v) => `${v * 100} %`)).toBe('< 5');
    expect(suppressDerived(0.05, 50, true, (v) => `${v * 100} %`)).toBe('5 %');
  });
});
