import { describe, expect, it } from 'vitest';
import { toCsv } from './io';

describe('toCsv', () => {
  it('writes a BOM, quotes, and neutralises formula cells but not negative numbers (OWASP CSV injection)', () => {
    const csv = toCsv([{ a: '=1+1', b: '-2+3+cmd|\'/C calc\'!A0', c: -3.5, d: 'ชื่อ, "x"', e: '@SUM(A1)' }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const row = csv.trim().split('\n')[1];
    expect(row).toBe(`'=1+1,'-2+3+cmd|'/C calc'!A0,-3.5,"ชื่อ, ""x""",'@SUM(A1)`);
  });
});
