import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS, INDICATORS } from '../../domain/indicators';
import type { MpiSettings } from '../../domain/mpi/settings';
import { decodeTpmapCounts, encodeTpmapCounts } from './countsFile';
import { importTpmap } from './importTpmap';
import { classifyTpmapFile, parseTpmapTable, TABLE_FIELDS } from './tpmapCsv';
import { AF_NEEDS_HOUSEHOLDS, dimensionSetKey, tpmapMeasures } from './tpmapMeasures';
import { province11111, tableRow, tambol11111, villages11111, villagesCommon } from './testFixtures';

describe('TPMAP file names', () => {
  it('recognises the export names of ../shared/realdata/tpmap2561', () => {
    expect(classifyTpmapFile('dir/61_73_village_11111.csv')).toEqual({ kind: 'table', year: 2561, province: '73', level: 'village', table: '11111' });
    expect(classifyTpmapFile('61_73_tambol_common.csv')).toMatchObject({ level: 'subdistrict', table: 'common' });
    expect(classifyTpmapFile('61_73_amphur_10000.csv')).toMatchObject({ level: 'district', table: '10000' });
    expect(classifyTpmapFile('61_province_11111.csv')).toMatchObject({ level: 'province', year: 2561 });
    expect(classifyTpmapFile('bmn59.village_name_73.csv')).toEqual({ kind: 'names', year: 2559, province: '73' });
    expect(classifyTpmapFile('households.csv')).toBeNull();
  });
  it('dimension sets use TPMAP suffixes', () => {
    expect(dimensionSetKey(DIMENSION_IDS)).toBe('11111');
    expect(dimensionSetKey(['health'])).toBe('10000');
    expect(dimensionSetKey(['access', 'living'])).toBe('01001');
  });
});

describe('parseTpmapTable', () => {
  it('reads 10-digit village ids as 8-digit codes and maps BMN indicator numbers', () => {
    const t = parseTpmapTable(villages11111, '61_73_village_11111.csv');
    expect([...t.rows.keys()]).toEqual(['73010101', '73010102', '73010201']);
    const v = t.rows.get('73010101')!;
    expect(v[TABLE_FIELDS.indexOf('poor')]).toBe(10);
    expect(v[TABLE_FIELDS.indexOf('target_poor')]).toBe(4);
    expect(v[TABLE_FIELDS.indexOf('target_poor_income')]).toBe(3);
    const i1 = INDICATORS.findIndex((i) => i.bmn === 20);
    expect(v[TABLE_FIELDS.indexOf(`target_poor_${INDICATORS[i1].id}`)]).toBe(4);
    expect(t.problems).toEqual([]);
  });
  it('reports bad rows by file, line and column and refuses a wrong header', () => {
    const bad = villages11111 + '\n' + tableRow('7301010301', 3, 1, [0, 0, 0, 0, 0]).replace(',3,3,', ',3,x,') + '\n' + tableRow('123', 1, 1, [0, 0, 0, 0, 0]) + '\n' + tableRow('7401010101', 1, 1, [0, 0, 0, 0, 0]);
    const t = parseTpmapTable(bad, '61_73_village_11111.csv');
    expect(t.problems).toEqual([
      { file: '61_73_village_11111.csv', line: 5, column: 'poor.JPT.CNT', message: '"x" is not a count (a whole number ≥ 0)' },
      { file: '61_73_village_11111.csv', line: 6, column: 'village_ID', message: '"123" is not a village code (10-digit TPMAP id or 8 digits)' },
      { file: '61_73_village_11111.csv', line: 7, column: 'village_ID', message: 'code 74010101 is outside province 73 named in the file name' },
    ]);
    expect(() => parseTpmapTable('"tumbol_ID","x"\n"730101",1', '61_73_tambol_11111.csv')).toThrow(/61_73_tambol_11111\.csv: line 1: missing columns poor\.JPT\.CNT, poor\.JPT\.MOFval\.CNT/);
    expect(() => parseTpmapTable(villages11111, '61_73_amphur_11111.csv')).toThrow(/no amphur_ID column/);
  });
  it('reads counts with thousands separators (a sheet re-saved from a spreadsheet), not other commas', () => {
    const lines = villages11111.split('\n');
    // The third field is poor.JPT.CNT (Cheepao's `poor`).
    const grouped = lines[1].replace(/^("?\d+"?),(\d+),(\d+),/, '$1,$2,"1,010",');
    const t = parseTpmapTable([lines[0], grouped, lines[2].replace(/^("?\d+"?),(\d+),(\d+),/, '$1,$2,"1,23",')].join('\n'), '61_73_village_11111.csv');
    expect(t.rows.get('73010101')![TABLE_FIELDS.indexOf('poor')]).toBe(1010);
    expect(t.problems).toEqual([{ file: '61_73_village_11111.csv', line: 3, column: 'poor.JPT.CNT', message: '"1,23" is not a count (a whole number ≥ 0)' }]);
  });
  it('refuses a row with fewer or more fields than the header (a file cut short, a stray comma), by line', () => {
    const lines = villages11111.split('\n');
    const good = lines[lines.length - 1];
    // A copy that stopped mid-row: the last row loses its last fields (its kept counts included or not).
    const cut = lines.join('\n').slice(0, -(good.length - good.lastIndexOf(',', good.lastIndexOf(',') - 1)));
    const t = parseTpmapTable(cut, '61_73_village_11111.csv');
    const nFields = lines[0].split(',').length;
    expect(t.problems).toEqual([
      { file: '61_73_village_11111.csv', line: lines.length, column: expect.any(String), message: `missing: the row has ${nFields - 2} fields where the header has ${nFields} (a file cut short?)` },
    ]);
    expect(t.rows.size).toBe(parseTpmapTable(villages11111, '61_73_village_11111.csv').rows.size - 1);
    // A comma outside quotes in one cell: one field too many.
    const shifted = [...lines.slice(0, -1), good.replace(/,(\d+),/, ',$1,0,')].join('\n');
    expect(parseTpmapTable(shifted, '61_73_village_11111.csv').problems).toEqual([
      { file: '61_73_village_11111.csv', line: lines.length, column: expect.any(String), message: `the row has more fields than the header's ${nFields} (a comma outside quotes?)` },
    ]);
  });
});

describe('importTpmap → counts → measures', () => {
  const files = [
    { name: '61_73_village_11111.csv', text: villages11111 },
    { name: '61_73_village_common.csv', text: villagesCommon },
    { name: '61_73_tambol_11111.csv', text: tambol11111 },
    { name: '61_province_11111.csv', text: province11111 },
    { name: 'notes.csv', text: 'x' },
  ];
  const imp = importTpmap(files);
  const all: MpiSettings = { measure: 'tpmap', dimensions: DIMENSION_IDS, k: NaN, weights: null, welfare: 'all' };

  it('compares published tables with sums of finer rows and lists what does not match', () => {
    const sub = imp.report.checks.find((c) => c.table === '11111' && c.level === 'subdistrict' && c.summedLevel === 'village')!;
    expect([sub.compared, sub.matched]).toEqual([2, 1]);
    // The fixture's 730102 says target 3 while its only village says 2 (and so do the fields derived from it).
    expect(sub.mismatches).toEqual([
      { code: '730102', field: 'poor_card_registered', published: 3, summed: 2 },
      { code: '730102', field: 'target_poor', published: 3, summed: 2 },
      { code: '730102', field: 'target_poor_i1', published: 3, summed: 2 },
    ]);
  });
  it('lists codes that match no known area and ignored files, keeping the rows', () => {
    expect(imp.report.unmatched).toEqual([{ code: '29', reason: 'province 29 is not a DOPA province code' }]);
    expect(imp.report.ignoredFiles.map((f) => f.file)).toEqual(['notes.csv']);
    expect(imp.counts.get(2561)!.tables.get('11111')!.has('29')).toBe(true);
    expect(Array.from(imp.villageCodes)).toEqual([73010101, 73010102, 73010201]);
  });
  it('published rows win, otherwise exact sums; rates recomputed from counts', () => {
    const counts = decodeTpmapCounts(encodeTpmapCounts(imp.counts.get(2561)!), 'tpmap-2561.csv.gz', 2561);
    const r = tpmapMeasures(counts, all);
    const at = (level: 'province' | 'district' | 'subdistrict' | 'village' | 'country', code: string) => r.levels[level].codes.indexOf(code);
    // Subdistrict 730102 uses its published row (target 3), not the village sum (2).
    expect(r.levels.subdistrict.targetPoor[at('subdistrict', '730102')]).toBe(3);
    // District 7301 has no published row: Σ of its subdistricts' numbers (5 + 3).
    expect(r.levels.district.targetPoor[at('district', '7301')]).toBe(8);
    expect(r.levels.province.targetPoor[at('province', '73')]).toBe(7);
    expect(r.levels.country.targetPoor[0]).toBe(8); // 73 (7) + 29 (1)
    const v = at('village', '73010101');
    expect([r.levels.village.people[v], r.levels.village.poorNoCard[v], r.levels.village.rate[v]]).toEqual([100, 6, 0.04]);
    expect(r.levels.village.intensity[v]).toBeNaN();
    expect(tpmapMeasures(counts, { ...all, welfare: 'nocard' }).levels.village.rate[v]).toBe(0.06);
    expect(r.levels.village.detail!.failing[v * 17 + INDICATORS.findIndex((i) => i.id === 'i3')]).toBe(5);
  });
  it('refuses AF with the sentence the UI shows, and dimension sets that were not imported', () => {
    const counts = imp.counts.get(2561)!;
    expect(() => tpmapMeasures(counts, { ...all, measure: 'af' })).toThrow(AF_NEEDS_HOUSEHOLDS);
    expect(() => tpmapMeasures(counts, { ...all, dimensions: ['health'] })).toThrow(/dimension set 10000 \(health\) were not imported; available: 11111/);
  });
});

describe('split villages (TPMAP issue 8: one moo published as …01, …02 parts)', () => {
  const header = villages11111.split('\n')[0];
  const rows = [
    tableRow('7301010101', 5, 2, [1, 0, 0, 1, 0]),
    tableRow('7301010102', 7, 3, [0, 1, 0, 2, 0]),
    tableRow('7301010103', 1, 1, [0, 0, 0, 1, 0]),
    tableRow('7301010201', 4, 4, [0, 0, 0, 4, 0]),
  ];
  it('sums the parts into their 8-digit village and counts the merge', () => {
    const t = parseTpmapTable([header, ...rows].join('\n'), '61_73_village_11111.csv');
    expect(t.problems).toEqual([]);
    expect([...t.rows.keys()]).toEqual(['73010101', '73010102']);
    // Hand sums of the three parts of 73010101: poor 5+7+1, target poor 2+3+1.
    expect(t.rows.get('73010101')![TABLE_FIELDS.indexOf('poor')]).toBe(13);
    expect(t.rows.get('73010101')![TABLE_FIELDS.indexOf('target_poor')]).toBe(6);
    expect(t.rows.get('73010101')![TABLE_FIELDS.indexOf('target_poor_income')]).toBe(4);
    expect(t.records).toBe(4);
    expect(t.split).toEqual({ villages: 1, records: 3 });
  });
  it('still refuses a raw id that repeats', () => {
    const t = parseTpmapTable([header, rows[0], rows[1], rows[0]].join('\n'), '61_73_village_11111.csv');
    expect(t.problems.map((p) => p.line)).toEqual([4]);
    expect(t.problems[0].message).toMatch(/appears twice/);
    expect(t.rows.get('73010101')![TABLE_FIELDS.indexOf('poor')]).toBe(12);
  });
});

describe('presentCodes', () => {
  it('equals the union of every table’s keys, once each (shared and separate indexes)', async () => {
    const { CodeIndex, CountTable, presentCodes } = await import('./countTable');
    const shared = new CodeIndex();
    const a = new CountTable(2, shared).set('10', [1, 2]).set('1001', [1, 1]);
    const b = new CountTable(2, shared).set('1001', [3, 3]).set('100101', [4, 4]);
    const own = new CountTable(2).set('100101', [5, 5]).set('11', [6, 6]);
    const tables = [a, b, own];
    const brute = [...new Set(tables.flatMap((t) => [...t.keys()]))].sort();
    expect(presentCodes(tables).sort()).toEqual(brute);
    expect(presentCodes(tables)).toHaveLength(brute.length);
  });
});
