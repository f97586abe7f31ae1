import { describe, expect, it } from 'vitest';
import { acceptsServiceFile } from './accessStore';

const enc = (s: string) => new TextEncoder().encode(s);

describe('acceptsServiceFile (which dropped files are service lists)', () => {
  it('takes CSVs with coordinate and type columns, Thai headers and GISTDA lm_type included', () => {
    expect(acceptsServiceFile('s.csv', enc('id,type,lon,lat,capacity\nA,school,100,14,1\n'))).toBe(true);
    expect(acceptsServiceFile('s.csv', enc('\uFEFF"รหัส";"ประเภท";"ละติจูด";"ลองจิจูด"\n'))).toBe(true);
    expect(acceptsServiceFile('lm.csv', enc('lm_id,lm_type,lm_name_t,x,y\n'))).toBe(true);
    expect(acceptsServiceFile('s.tsv', enc('id\ttype\tlongitude\tlatitude\n'))).toBe(true);
  });

  it('leaves other CSVs (TPMAP, households) and non-point GeoJSON to other handlers', () => {
    expect(acceptsServiceFile('65_10_village_mask.csv', enc('village_ID,poor.JPT.MOFval\n'))).toBe(false);
    expect(acceptsServiceFile('hh.csv', enc('village_code,members,persons\n'))).toBe(false);
    expect(acceptsServiceFile('pts.csv', enc('id,lon,lat\n'))).toBe(false); // no type column
    expect(acceptsServiceFile('b.geojson', enc('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon"'))).toBe(false);
    expect(acceptsServiceFile('p.geojson', enc('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[100,14]}}]}'))).toBe(true);
    expect(acceptsServiceFile('ntl.tif', new Uint8Array([0x49, 0x49, 42, 0]))).toBe(false);
  });
});
