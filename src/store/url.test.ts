import { describe, expect, it } from 'vitest';
import { formatUrlView, parseUrlView } from './url';

describe('URL view', () => {
  it('round-trips the whole view', () => {
    const v = { selection: '5701', year: 2562, lang: 'en' as const, thaiDigits: true, rule: 'af' as const, k: 0.4, dimensions: ['health' as const, 'income' as const], welfare: 'nocard' as const, mapMeasure: 'adjustedHeadcount' as const };
    expect(parseUrlView(formatUrlView(v))).toEqual(v);
  });
  it('keeps default links short', () => {
    expect(formatUrlView({ selection: 'TH', year: 2565, lang: 'th', thaiDigits: false, rule: 'tpmap', k: 1 / 3, dimensions: ['health', 'living', 'education', 'income', 'access'], welfare: 'all', mapMeasure: 'rate' })).toBe('?year=2565&lang=th');
  });
  it('ignores what it does not recognise', () => {
    expect(parseUrlView('?area=<script>&year=abc&lang=fr&k=7&dims=foo&map=bar')).toEqual({});
  });
});
