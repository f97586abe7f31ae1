import { describe, expect, it } from 'vitest';
import { PROGRESS_BREAKS, PROGRESS_PALETTE, progressClassOf } from './mapClasses';
import { progressCsv } from './table';
import { toCsv } from '../../cli/io';

describe('progress map classes and CSV', () => {
  it('classes by fixed 20 % breaks (hand-checked edges); unknown is -1', () => {
    expect(PROGRESS_PALETTE.length).toBe(PROGRESS_BREAKS.length + 1);
    expect([0, 0.1999, 0.2, 0.5, 0.8, 1.2].map(progressClassOf)).toEqual([0, 0, 1, 2, 4, 4]);
    expect(progressClassOf(NaN)).toBe(-1);
  });
  it('CSV is byte for byte the CLI writer (BOM, neutralised cells, quoting)', () => {
    const rows = [{ code: '57', name: '=HYPERLINK("x")', resolved: '< 5', rate: -0.5, note: 'a,b' }, { code: 'TH', name: '@x', resolved: 3, rate: null, note: '"q"' }];
    expect(progressCsv(rows)).toBe(toCsv(rows));
    expect(progressCsv(rows).startsWith('\uFEFF')).toBe(true);
    expect(progressCsv(rows)).toContain("'=HYPERLINK");
  });
});
