import { describe, expect, it } from 'vitest';
import { readVillagePointsCsv } from './villagePointsCsv';

describe('readVillagePointsCsv', () => {
  it('reads code,lon,lat,people', () => {
    const t = readVillagePointsCsv('code,lon,lat,people\n73010101,100.05,13.82,1000\n73010102,100.3,13.9,"1,500"\n', 'v.csv');
    expect(t).toMatchObject({ count: 2, code: ['73010101', '73010102'], outsideThailand: 0, notes: [] });
    expect(Array.from(t.people!)).toEqual([1000, 1500]);
  });
  it('accepts points without code or people (real TPMAP points have only X,Y)', () => {
    const t = readVillagePointsCsv('X,Y\n100.29,13.86\n', 'v.csv');
    expect(t.code).toEqual(['line-2']);
    expect(t.people).toBeNull();
    expect(t.notes).toEqual(['no code column: villages are named line-<n>', 'no people column: 2SFCA scores are not computed']);
  });
  it('stops at the first bad row, naming file and line', () => {
    expect(() => readVillagePointsCsv('code,lon,lat,people\n1,100,13,5\n2,100,x,5\n', 'v.csv')).toThrow('v.csv: line 3: latitude "x" is not a number');
    expect(() => readVillagePointsCsv('code,lon,lat,people\n1,100,13,-5\n', 'v.csv')).toThrow('v.csv: line 2: people "-5" is not a number ≥ 0');
    expect(() => readVillagePointsCsv('code,lon,lat,people\n1,13,100,5\n', 'v.csv')).toThrow(/v\.csv: line 2: .*look swapped/);
    expect(() => readVillagePointsCsv('code,x,y,people\n1,662000,1521000,5\n', 'v.csv')).toThrow(/v\.csv: coordinates are projected.*line 2/);
    expect(() => readVillagePointsCsv('code,lat,people\n1,13,5\n', 'v.csv')).toThrow(/v\.csv: no longitude column/);
  });
});
