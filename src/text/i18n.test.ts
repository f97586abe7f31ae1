import { describe, expect, it } from 'vitest';
import { formatInt, formatPercent, formatYear } from './i18n';

describe('number formatting', () => {
  it('shows small rates with two significant digits', () => {
    expect(formatPercent(0.0282, 'en')).toBe('2.82 %');
    expect(formatPercent(0.000021, 'en')).toBe('0.0021 %');
    expect(formatPercent(0, 'en')).toBe('0.00 %');
  });
  it('writes Thai digits and Buddhist-era years on request', () => {
    expect(formatInt(1025782, 'th', true)).toBe('๑,๐๒๕,๗๘๒');
    expect(formatYear(2565, 'th')).toBe('พ.ศ. 2565');
  });
});
