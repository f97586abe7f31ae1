import { describe, expect, it } from 'vitest';
import { noDataMatcher, parseGdalNoData } from './noData';

// Tag spellings are those GDAL writes (seen in the real files under ../shared/realdata).
describe('parseGdalNoData / noDataMatcher', () => {
  it('parses GDAL spellings', () => {
    expect(parseGdalNoData('-9999\0')).toBe(-9999);
    expect(parseGdalNoData('nan\0')).toBeNaN();
    expect(parseGdalNoData('-nan')).toBeNaN();
    expect(parseGdalNoData('-3.39999999999999996e+38\0')).toBe(-3.4e38);
    expect(parseGdalNoData('inf')).toBe(Infinity);
    expect(parseGdalNoData('')).toBeNull();
    expect(parseGdalNoData(null)).toBeNull();
  });
  it('compares float32 bands after rounding the tag to float32', () => {
    const stored = new Float32Array([-3.4e38])[0];
    expect(noDataMatcher(-3.4e38, 3, 32)(stored)).toBe(true);
    expect(noDataMatcher(-3.4e38, 3, 64)(stored)).toBe(false);
    expect(noDataMatcher(-9999, 3, 32)(0)).toBe(false);
    expect(noDataMatcher(null, 3, 32)(NaN)).toBe(true);
    expect(noDataMatcher(-32767, 2, 16)(-32767)).toBe(true);
  });
});
