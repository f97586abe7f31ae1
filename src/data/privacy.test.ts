import { describe, expect, it } from 'vitest';
import { CITIZEN_ID_HEADER, isCitizenId, quoteForMessage } from './privacy';

describe('citizen ids', () => {
  it('recognises 13-digit ids with or without dashes, and not village codes', () => {
    expect(isCitizenId('1100700000000')).toBe(true);
    expect(isCitizenId('1-1007-00000-00-0')).toBe(true);
    expect(isCitizenId('7301010101')).toBe(false);
    expect(isCitizenId('73010101')).toBe(false);
  });
  it('never quotes an id back in a message', () => {
    expect(quoteForMessage('1-1007-00000-00-0')).not.toMatch(/1007/);
    expect(quoteForMessage('x1100700000000y')).not.toMatch(/1100700000000/);
    expect(quoteForMessage('abc')).toBe('abc');
  });
  it('knows the headers that announce ids', () => {
    for (const h of ['citizen_id', 'national_id', 'PID', 'เลขประจำตัวประชาชน']) expect(CITIZEN_ID_HEADER.test(h)).toBe(true);
    expect(CITIZEN_ID_HEADER.test('village_code')).toBe(false);
  });
});
