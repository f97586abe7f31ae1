import { describe, expect, it } from 'vitest';
import { citizenIdColumns, detectColumns, normaliseHeader } from './columns';

describe('detectColumns', () => {
  it('finds coordinates under English, Thai and decorated header names', () => {
    const cases: [string[], string, string][] = [
      [['lat', 'lon'], 'lon', 'lat'],
      [['Latitude (WGS84)', 'Longitude (WGS84)'], 'Longitude (WGS84)', 'Latitude (WGS84)'],
      [['LAT_DD', 'LNG'], 'LNG', 'LAT_DD'],
      [['X', 'Y'], 'X', 'Y'],
      [['ละติจูด', 'ลองจิจูด'], 'ลองจิจูด', 'ละติจูด'],
      [['พิกัด ละติจูด', 'พิกัด ลองจิจูด'], 'พิกัด ลองจิจูด', 'พิกัด ละติจูด'],
      // "lat" wins over a generic "y" when both are present.
      [['y', 'x', 'lat', 'lon'], 'lon', 'lat'],
    ];
    for (const [cols, lon, lat] of cases) expect(detectColumns(cols)).toMatchObject({ lon, lat });
  });
  it('maps the demo header and GISTDA properties', () => {
    expect(detectColumns(['id', 'type', 'level', 'size_class', 'name_th', 'name_en', 'lon', 'lat', 'capacity'])).toEqual({
      lon: 'lon', lat: 'lat', id: 'id', type: 'type', level: 'level', sizeClass: 'size_class', nameTh: 'name_th', nameEn: 'name_en', capacity: 'capacity',
    });
    expect(detectColumns(['lm_id', 'lm_type', 'lm_subtype', 'lm_name_t', 'lm_name_e'])).toMatchObject({ id: 'lm_id', type: 'lm_type', nameTh: 'lm_name_t', nameEn: 'lm_name_e' });
  });
  it('lets the user choose, and names a chosen column that does not exist', () => {
    expect(detectColumns(['a', 'b', 'lat', 'lon'], { type: 'b' }).type).toBe('b');
    expect(() => detectColumns(['a'], { lon: 'z' }, 'f.csv')).toThrow('f.csv: no column "z" for lon (columns: a)');
  });
  it('normalises case, spaces, punctuation and parenthesised suffixes', () => {
    expect(normaliseHeader('\uFEFFLat_DD (WGS 84)')).toBe('latdd');
  });
});

describe('citizenIdColumns', () => {
  it('flags 13-digit columns (dashes allowed) and citizen-id headers, not shorter codes', () => {
    const rows = [
      { values: { pid: '1-1037-00123-45-6', code: '73010101', phone: '0812345678', เลขบัตรประชาชน: '' } },
      { values: { pid: '3100600123457', code: '73010102', phone: '0898765432', เลขบัตรประชาชน: '' } },
    ];
    expect(citizenIdColumns(['pid', 'code', 'phone', 'เลขบัตรประชาชน'], rows)).toEqual(['pid', 'เลขบัตรประชาชน']);
  });
});
