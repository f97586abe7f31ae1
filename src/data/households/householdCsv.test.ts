import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorIndex, WELFARE_CARD_MASK } from '../../domain/indicators';
import { HOUSEHOLD_COLUMNS, MAX_LISTED_BAD_ROWS, describeHouseholdReport, householdsFromCsv } from './householdCsv';
import { householdCsv } from './generateHouseholdCsv';
import { ingestHouseholdFile } from './nodeIngest';

const HEADER = HOUSEHOLD_COLUMNS.join(',');
const zeros = (n: number) => new Array(n).fill('0').join(',');

describe('household CSV → profiles', () => {
  it('merges households into distinct (village, profile) rows, counting people', () => {
    const h1 = indicatorIndex('h1');
    const a2 = indicatorIndex('a2');
    const text = [
      HEADER,
      `73010101,3,1,1,${zeros(15)},1`,
      `73010101,4,1,1,${zeros(15)},1`,
      `7301010200,2,,${new Array(17).fill('').join(',')}`, // TPMAP 10-digit id; empty = not applicable
      `73010101,1,0,${zeros(17)}`,
    ].join('\r\n');
    const r = householdsFromCsv(text, 'hh.csv', 2565);
    expect(Array.from(r.villageCodes)).toEqual([73010101, 73010102]);
    expect(Array.from(r.profiles.villageStart)).toEqual([0, 2, 3]);
    expect(Array.from(r.profiles.mask)).toEqual([0, WELFARE_CARD_MASK | (1 << h1) | (1 << a2), 0]);
    expect(Array.from(r.profiles.households)).toEqual([1, 2, 1]);
    expect(Array.from(r.profiles.persons)).toEqual([1, 7, 2]);
    expect(r.report).toMatchObject({ rows: 4, households: 4, persons: 10, badRowCount: 0, droppedColumns: [] });
  });
  it('drops extra and citizen-id columns with a message and keeps none of their values', () => {
    const text = [`citizen_id,${HEADER},note`, `1234567890123,73010101,3,1,${zeros(17)},hello`].join('\n');
    const r = householdsFromCsv(text, 'hh.csv');
    expect(r.report.droppedColumns.map((d) => d.column)).toEqual(['citizen_id', 'note']);
    expect(r.report.droppedColumns[0].reason).toMatch(/citizen-id/);
    expect(JSON.stringify(r)).not.toContain('1234567890123');
    // An unnamed column of 13-digit values is recognised from its values.
    const r2 = householdsFromCsv([`${HEADER},x`, `73010101,3,1,${zeros(17)},3101234567890`].join('\n'), 'hh.csv');
    expect(r2.report.droppedColumns[0].reason).toMatch(/13-digit/);
    expect(describeHouseholdReport(r2.report)).toMatch(/column "x": holds 13-digit values/);
  });
  it('reports bad rows by line number, caps the list and counts them all', () => {
    const bad = Array.from({ length: 60 }, () => `73010101,0,1,${zeros(17)}`);
    const text = [HEADER, `73010101,2,1,${zeros(17)}`, `1234567890123,2,1,${zeros(17)}`, `73010101,2,2,${zeros(17)}`, `73010101,2,1,${zeros(16)},x`, ...bad].join('\n');
    const r = householdsFromCsv(text, 'hh.csv');
    expect(r.report.badRowCount).toBe(63);
    expect(r.report.badRows).toHaveLength(MAX_LISTED_BAD_ROWS);
    expect(r.report.badRows.slice(0, 4)).toEqual([
      { line: 3, message: 'village_code holds 13 digits (a citizen id?); row not read' },
      { line: 4, message: 'welfare_card "2" must be 1, 0 or empty' },
      { line: 5, message: 'a2 "x" must be 1 (deprived), 0 (not) or empty (not applicable)' },
      { line: 6, message: 'members "0" is not a whole number of people from 1 to 1000' },
    ]);
    expect(r.report.households).toBe(1);
    expect(describeHouseholdReport(r.report)).toMatch(/63 bad rows skipped \(first 50 listed\)/);
  });
  it('refuses a header without the required columns, naming file, line and columns', () => {
    expect(() => householdsFromCsv('village_code,members\n73010101,3', 'x.csv')).toThrow(/x\.csv: line 1: missing columns welfare_card, h1/);
    expect(() => householdsFromCsv(`${HEADER},h1\n`, 'x.csv')).toThrow(/column "h1" appears twice/);
    expect(() => householdsFromCsv('', 'x.csv')).toThrow(/x\.csv: empty file|missing column/);
  });
  it('the streaming Node reader gives exactly what the string reader gives', async () => {
    const text = householdCsv(5_000, 11);
    const dir = mkdtempSync(join(tmpdir(), 'cheepao-hh-'));
    const path = join(dir, 'hh.csv');
    writeFileSync(path, text);
    const a = householdsFromCsv(text, 'hh.csv', 2565);
    const b = await ingestHouseholdFile(path, 2565);
    expect(b.report).toEqual(a.report);
    for (const k of ['villageStart', 'mask', 'households', 'persons'] as const) expect(Array.from(b.profiles[k])).toEqual(Array.from(a.profiles[k]));
    expect(Array.from(b.villageCodes)).toEqual(Array.from(a.villageCodes));
    expect(a.report.households).toBe(5_000);
  });
});
