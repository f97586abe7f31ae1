import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { importVillageLocations, PROJECTED_CRS, VillageLocationError } from './villageLocations';

describe('importVillageLocations', () => {
  it('finds the code column by its values (VILL_IDN, not the moo number VILL_CODE), keeps the first of repeated codes', () => {
    const csv = 'VILL_IDN,VILL_CODE,VILL_TN,lon,lat\n58030707,07,บ้านแม่ลาน้อย,98.604456,19.057646\n58030706,06,บ้านปางตอง,98.573998,19.074749\n58030707,07,ซ้ำ,98.7,19.1\n';
    const r = importVillageLocations(csv, 'pai.csv');
    expect(r.report.codeField).toBe('VILL_IDN');
    expect(r.code).toEqual([58030707, 58030706]);
    expect(r.name).toEqual(['บ้านแม่ลาน้อย', 'บ้านปางตอง']);
    expect(r.report.duplicates).toEqual({ count: 1, examples: ['58030707'] });
  });
  it('reduces TPMAP 10-digit ids to the 8-digit village', () => {
    const r = importVillageLocations('village_ID,lat,lon\n7301010101,13.8,100.1\n', 'v.csv');
    expect(r.code).toEqual([73010101]);
    expect([r.lon[0], r.lat[0]]).toEqual([100.1, 13.8]);
  });
  it('refuses points without a code column, asking for it', () => {
    expect(() => importVillageLocations('X,Y\n100.29,13.86\n', 'anon.csv')).toThrow(/anon\.csv: no village code column .*cannot be joined/);
  });
  it('converts UTM only with the CRS given: the central meridian of zone 47 is 99° E', () => {
    const r = importVillageLocations('code,x,y\n58030707,500000,0\n58030708,500000,2000000\n', 'utm.csv', { crs: 'EPSG:32647' });
    expect(r.lon[0]).toBeCloseTo(99, 9);
    expect(r.lat[0]).toBeCloseTo(0, 9);
    // Round trip through proj4's inverse gives the input back (mm).
    const back = proj4('EPSG:4326', PROJECTED_CRS['EPSG:32647'], [r.lon[1], r.lat[1]]);
    expect(back[0]).toBeCloseTo(500000, 3);
    expect(back[1]).toBeCloseTo(2000000, 3);
    expect(r.lon[1]).toBeCloseTo(99, 9);
    expect(() => importVillageLocations('code,x,y\n58030707,500000,2000000\n', 'utm.csv')).toThrow(/looks projected; say which CRS/);
    expect(() => importVillageLocations('code,x,y\n58030707,99,19\n', 'geo.csv', { crs: 'EPSG:32647' })).toThrow(/looks like longitude\/latitude/);
    expect(() => importVillageLocations('code,x,y\n58030707,99,19\n', 'geo.csv', { crs: 'EPSG:3857' })).toThrow(VillageLocationError);
  });
  it('reads GeoJSON points', () => {
    const gj = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { village_code: '73010101' }, geometry: { type: 'Point', coordinates: [100.1, 13.8] } }] });
    expect(importVillageLocations(gj, 'v.geojson').code).toEqual([73010101]);
  });
});
