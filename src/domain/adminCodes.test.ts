import { describe, expect, it } from 'vitest';
import { ancestorCode, lineage, levelOfCode, normaliseAdminCode, parentCode } from './adminCodes';

describe('normaliseAdminCode', () => {
  it('accepts the spellings listed in ../shared/realdata/README.md', () => {
    expect(normaliseAdminCode('TH10')).toBe('10');
    expect(normaliseAdminCode('TH1001')).toBe('1001');
    expect(normaliseAdminCode('TH100101')).toBe('100101');
    expect(normaliseAdminCode('TH-73')).toBe('73');
    expect(normaliseAdminCode('7301010100')).toBe('73010101'); // TPMAP village_ID
    expect(normaliseAdminCode(73010101)).toBe('73010101');
    expect(normaliseAdminCode('57.0')).toBe('57');
  });
  it('reads codes written in Thai digits (๐–๙), as official documents write them', () => {
    expect(normaliseAdminCode('๗๓๐๑๐๑๐๑')).toBe('73010101');
    expect(normaliseAdminCode(' ๑๐๐๑ ')).toBe('1001');
    expect(normaliseAdminCode('TH๕๗')).toBe('57');
    expect(normaliseAdminCode('๐๙')).toBeNull();
  });
  it('refuses what is not a code', () => {
    for (const bad of ['', 'abc', '7', '123', '09', '99', '1234567890123']) expect(normaliseAdminCode(bad)).toBeNull();
  });
});

describe('hierarchy', () => {
  it('derives parents from digits', () => {
    expect(levelOfCode('73010101')).toBe('village');
    expect(ancestorCode('73010101', 'district')).toBe('7301');
    expect(parentCode('730101')).toBe('7301');
    expect(parentCode('73')).toBe('TH');
    expect(lineage('730101')).toEqual(['TH', '73', '7301', '730101']);
  });
});
