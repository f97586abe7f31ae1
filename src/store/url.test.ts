import { describe, expect, it } from 'vitest';
import { formatUrlView, parseUrlView } from './url';

describe('URL view', () => {
  it('round-trips selection, year, language and digits', () => {
    const v = { selection: '5701', year: 2562, lang: 'en' as const, thaiDigits: true };
    expect(parseUrlView(formatUrlView(v))).toEqual(v);
  });
  it('ignores what it does not recognise', () => {
    expect(parseUrlView('?area=<script>&year=abc&lang=fr')).toEqual({});
  });
});
