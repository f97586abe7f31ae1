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
  it('lists each repeated code with the distance between its points (spherical law of cosines reference)', () => {
    // Shaped like the Pai GISTDA file: 58030206 and 58030210 share one point; 58030308 appears
    // twice with two names at different places.
    const csv = 'VILL_IDN,VILL_TN,lon,lat\n58030206,บ้านหนึ่ง,98.406205,19.47824\n58030308,บ้านสอง,98.45,19.35\n58030210,บ้านสาม,98.406205,19.47824\n58030308,บ้านสองใหม่,98.47,19.36\n58030206,บ้านหนึ่ง,98.406205,19.47824\n';
    const r = importVillageLocations(csv, 'pai.csv');
    expect(r.code).toEqual([58030206, 58030308, 58030210]);
    expect(r.lon[1]).toBe(98.45);
    const rad = Math.PI / 180;
    const cosines = (lon1: number, lat1: number, lon2: number, lat2: number) =>
      6371.0088 * Math.acos(Math.sin(lat1 * rad) * Math.sin(lat2 * rad) + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.cos((lon2 - lon1) * rad));
    const [a, b] = r.report.conflicts;
    expect(r.report.conflicts).toHaveLength(2);
    expect(a).toMatchObject({ code: '58030308', keptRow: 3, row: 5, keptName: 'บ้านสอง', name: 'บ้านสองใหม่' });
    expect(a.distanceKm).toBeCloseTo(cosines(98.45, 19.35, 98.47, 19.36), 6);
    expect(b).toMatchObject({ code: '58030206', keptRow: 2, row: 6, distanceKm: 0 });
    expect(r.report.notes).toContain(`pai.csv: village 58030308 at line 3 (kept) and line 5: ${a.distanceKm.toFixed(2)} km apart (บ้านสอง / บ้านสองใหม่)`);
    expect(r.report.notes).toContain('pai.csv: village 58030206 at line 2 (kept) and line 6: the same point (บ้านหนึ่ง / บ้านหนึ่ง)');
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
