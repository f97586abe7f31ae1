import { describe, expect, it } from 'vitest';
import { DeckError, deleteSlide, moveSlide, newSlideId, parseDeck, serializeDeck, updateSlide, type Deck, type Slide } from './slides';
import { isSuppressed, suppressCount, suppressDerived } from './suppress';

const view = (selection: string): Slide['view'] => ({
  selection,
  year: 2565,
  mpi: { measure: 'af', dimensions: ['health', 'income'], k: 1 / 3, weights: null, welfare: 'all' },
  mapMeasure: 'rate',
  classification: { method: 'quantile', scope: 'national', custom: [] },
  layers: ['lights'],
  compare: ['50', '58'],
  targeting: { need: 'rate', weights: { ntl: 1 } },
});
const slides: Slide[] = [
  { id: 's1', title: 'ประเทศไทย', note: '', view: view('TH') },
  { id: 's2', title: 'เชียงใหม่', note: 'ภาคเหนือ', view: view('50') },
  { id: 's3', title: 'แม่ฮ่องสอน', note: '', view: view('58') },
];
const deck: Deck = { format: 'cheepao-slides', version: 1, datasetId: 'demo', slides };

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

  it('JSON round trip keeps every field, targeting as an opaque value', () => {
    const back = parseDeck(serializeDeck(deck));
    expect(back).toEqual(deck);
    expect(back.slides[0].view.targeting).toEqual({ need: 'rate', weights: { ntl: 1 } });
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
  });

  it('duplicate ids are renamed on import', () => {
    const d = JSON.parse(serializeDeck(deck));
    d.slides[1].id = 's1';
    const ids = parseDeck(JSON.stringify(d)).slides.map((s) => s.id);
    expect(new Set(ids).size).toBe(3);
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
