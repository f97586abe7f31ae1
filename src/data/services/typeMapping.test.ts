import { describe, expect, it } from 'vitest';
import { canonicalTypeMapper, gistdaLandmarkTypeMapper, keepAnyTypeMapper, tableTypeMapper } from './typeMapping';

describe('type mappers', () => {
  it('normalise Thai and English spellings of the three classes', () => {
    const cases: [string, string][] = [
      ['hospital', 'hospital'],
      ['โรงพยาบาล', 'hospital'],
      ['รพ.', 'hospital'],
      ['รพ.สต.', 'health_promoting_hospital'],
      ['Health Promoting Hospital', 'health_promoting_hospital'],
      ['สถานีอนามัย', 'health_promoting_hospital'],
      ['health_promoting_hospital', 'health_promoting_hospital'],
      ['School', 'school'],
      ['โรงเรียน', 'school'],
    ];
    for (const [v, t] of cases) expect(canonicalTypeMapper(v, {})).toBe(t);
    expect(canonicalTypeMapper('clinic', {})).toBeUndefined();
    expect(keepAnyTypeMapper('clinic', {})).toBe('clinic');
    expect(keepAnyTypeMapper('', {})).toBeUndefined();
  });
  it("apply a user's table before the canonical names", () => {
    const m = tableTypeMapper({ '1': 'hospital', school: 'ignore' });
    expect([m('1', {}), m('school', {}), m('โรงเรียน', {}), m('9', {})]).toEqual(['hospital', 'ignore', 'school', undefined]);
  });
  it('tell GISTDA hospitals, health stations, offices and universities apart by name (names from realdata/services)', () => {
    const g = (code: string, th: string, en: string) => gistdaLandmarkTypeMapper(code, { lm_type: code, lm_name_t: th, lm_name_e: en });
    expect(g('04105', 'สถานีอนามัยดอนรวก', 'DON RUAK HEALTH CENTER')).toBe('health_promoting_hospital');
    expect(g('04105', 'โรงพยาบาลดอนตูม', 'DON TUM HOSPITAL')).toBe('hospital');
    expect(g('04105', 'ศูนย์การแพทย์กาญจนาภิเษกมหาวิทยาล', 'KANCHANAPHISEK MAHIDOL UNIVERSITY MEDICAL CENTER')).toBe('hospital');
    expect(g('04105', 'สำนักงานสาธารณสุขอำเภอสามพราน', 'AMPHOE SAM PHRAN PUBLIC HEALTH OFFICE')).toBe('ignore');
    expect(g('04105', 'สำนักงานเหล่ากาชาดจังหวัดนครปฐม', 'OFFICE OF THE PROVINCIAL RED CROSS CHAPTER OF NAKHON PATHOM')).toBe('ignore');
    expect(g('04104', 'โรงเรียนวัดห้วยพลู', 'WAT HUAI PHLU SCHOOL')).toBe('school');
    expect(g('04104', 'คณะเกษตร มหาวิทยาลัยเกษตรศาสตร์', 'FACULTY OF AGRICULTURE')).toBe('ignore');
    expect(g('04102', 'วัดหนองดินแดง', 'WAT NONG DIN DAENG')).toBe('ignore');
    expect(g('4105', 'โรงพยาบาลนครปฐม', 'NAKHON PATHOM HOSPITAL')).toBe('hospital'); // leading zero lost in a spreadsheet
  });
});
