import { describe, expect, it } from 'vitest';
import { buildHierarchy, sumIntoParents } from './hierarchy';

describe('buildHierarchy', () => {
  const h = buildHierarchy(Uint32Array.from([10010101, 10010102, 10010201, 10020101, 73010101, 73015101]));
  it('derives every level from the village digits (DESIGN.md §3)', () => {
    expect(h.levels.country.codes).toEqual(['TH']);
    expect(h.levels.province.codes).toEqual(['10', '73']);
    expect(h.levels.district.codes).toEqual(['1001', '1002', '7301']);
    expect(h.levels.subdistrict.codes).toEqual(['100101', '100102', '100201', '730101', '730151']);
    expect(Array.from(h.levels.subdistrict.parent)).toEqual([0, 0, 1, 2, 2]);
    expect(Array.from(h.levels.district.villageStart)).toEqual([0, 3, 4, 6]);
    expect(h.find('7301')).toEqual({ level: 'district', index: 2 });
    expect(h.find('74')).toBeUndefined();
  });
  it('sums children into parents, also for multi-value rows', () => {
    // District sums come from the 5 subdistricts (the next finer level).
    const d = sumIntoParents(h.levels.district, Float64Array.from([1, 2, 3, 4, 5]));
    expect(Array.from(d)).toEqual([3, 3, 9]);
    const wide = sumIntoParents(h.levels.subdistrict, Float64Array.from([1, 10, 2, 20, 3, 30, 4, 40, 5, 50, 6, 60]), 2);
    expect(Array.from(wide)).toEqual([3, 30, 3, 30, 4, 40, 5, 50, 6, 60]);
  });
  it('refuses codes that are not ascending 8-digit DOPA codes', () => {
    expect(() => buildHierarchy(Uint32Array.from([10010102, 10010101]))).toThrow(/ascending/);
    expect(() => buildHierarchy(Uint32Array.from([1001010]))).toThrow(/8-digit/);
  });
});
