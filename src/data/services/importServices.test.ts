import { describe, expect, it } from 'vitest';
import { importServicesText, summariseReport } from './importServices';
import { concatServices, MAX_LISTED_PROBLEMS, ServiceImportError } from './services';
import { distinctValues, readServiceTable } from './rawTable';
import { gistdaLandmarkTypeMapper, keepAnyTypeMapper, tableTypeMapper } from './typeMapping';

describe('CSV import', () => {
  it("reads the demo dataset's services.csv.gz header (datasetFormat.ts)", () => {
    const csv = [
      'id,type,level,size_class,name_th,name_en,lon,lat,capacity',
      'H001,hospital,M1,,โรงพยาบาลนครปฐม,Nakhon Pathom Hospital,100.0601,13.8196,500',
      'P001,health_promoting_hospital,,,รพ.สต.ดอนรวก,Don Ruak HPH,100.1,13.9,',
      'S001,school,primary,small,โรงเรียนบ้านหนอง,Ban Nong School,100.2,13.7,120',
    ].join('\n');
    const { services, report } = importServicesText(csv, 'services.csv');
    expect(report).toMatchObject({ rows: 3, accepted: 3, problemCount: 0, countsByType: { hospital: 1, health_promoting_hospital: 1, school: 1 } });
    expect(services.id).toEqual(['H001', 'P001', 'S001']);
    expect(Array.from(services.typeCode, (c) => services.typeNames[c])).toEqual(['hospital', 'health_promoting_hospital', 'school']);
    expect(services.level).toEqual(['M1', '', 'primary']);
    expect(services.sizeClass).toEqual(['', '', 'small']);
    expect(services.nameTh[0]).toBe('โรงพยาบาลนครปฐม');
    expect(Array.from(services.lon)).toEqual([100.0601, 100.1, 100.2]);
    expect(Array.from(services.lat)).toEqual([13.8196, 13.9, 13.7]);
    expect(Array.from(services.capacity)).toEqual([500, NaN, 120]);
    expect(Array.from(services.sourceRow)).toEqual([2, 3, 4]);
  });

  it('detects Thai headers and Thai class names, with a BOM and semicolons', () => {
    const csv = '\uFEFFรหัส;ชื่อ;ประเภท;ละติจูด;ลองจิจูด\n1;โรงเรียนวัดไผ่;โรงเรียน;13.5;100.5\n2;รพ.สต.ไผ่;รพ.สต.;13.6;100.6\n';
    const { services, report } = importServicesText(csv, 'รายการ.csv');
    expect(report.columns).toMatchObject({ lon: 'ลองจิจูด', lat: 'ละติจูด', id: 'รหัส', type: 'ประเภท', nameTh: 'ชื่อ' });
    expect(report.countsByType).toEqual({ school: 1, health_promoting_hospital: 1 });
    expect(Array.from(services.lon)).toEqual([100.5, 100.6]);
  });

  it('lists bad rows by their line, counting lines inside quoted multi-line cells', () => {
    const csv = 'id,type,lat,lon\n1,school,13.5,100.5\n2,school,"13.6",abc\n3,"sch\nool",13.7,100.7\n4,school,,100.8\n5,school,45.0,10.0\n';
    const { report } = importServicesText(csv, 'x.csv', { mapper: keepAnyTypeMapper });
    expect(report.accepted).toBe(2); // line 2 and the multi-line type "sch\nool" kept as its own class
    expect(report.problems.map((p) => [p.row, p.kind])).toEqual([
      [3, 'bad-coordinates'],
      [6, 'bad-coordinates'],
      [7, 'outside-thailand'],
    ]);
    expect(report.problems[0].message).toBe('x.csv: line 3: longitude "abc" ("lon") is not a number');
    expect(report.problems[1].message).toMatch(/^x\.csv: line 6: latitude \("lat"\) is empty/);
  });

  it('caps the listed problems and keeps the full count', () => {
    const lines = ['id,type,lat,lon'];
    for (let i = 0; i < MAX_LISTED_PROBLEMS + 50; i++) lines.push(`${i},school,x,100`);
    const { report } = importServicesText(lines.join('\n'), 'many.csv');
    expect(report.problems.length).toBe(MAX_LISTED_PROBLEMS);
    expect(report.problemCount).toBe(MAX_LISTED_PROBLEMS + 50);
    expect(report.countsByKind['bad-coordinates']).toBe(MAX_LISTED_PROBLEMS + 50);
  });

  it('fixes a whole file with swapped axes, with one note', () => {
    const csv = 'id,type,lon,lat\n1,school,13.5,100.5\n2,school,13.6,100.6\n';
    const { services, report } = importServicesText(csv, 's.csv');
    expect(Array.from(services.lon)).toEqual([100.5, 100.6]);
    expect(Array.from(services.lat)).toEqual([13.5, 13.6]);
    expect(report.notes.join()).toMatch(/other way round.*swapped for the whole file/);
    expect(report.problemCount).toBe(0);
  });

  it('fixes a single swapped row with a warning naming its line', () => {
    const csv = 'id,type,lon,lat\n1,school,100.5,13.5\n2,school,13.6,100.6\n3,school,100.7,13.7\n';
    const { services, report } = importServicesText(csv, 's.csv');
    expect(Array.from(services.lon)).toEqual([100.5, 100.6, 100.7]);
    expect(report.problems).toEqual([
      { kind: 'swapped-coordinates', row: 3, severity: 'warning', message: 's.csv: line 3: longitude and latitude were swapped (lon 13.6, lat 100.6): fixed to lon 100.6, lat 13.6' },
    ]);
  });

  it('refuses projected (UTM metres) coordinates with a message naming the system', () => {
    const csv = 'id,type,x,y\n1,school,612345.2,1534567.8\n2,school,613000,1535000\n';
    expect(() => importServicesText(csv, 'utm.csv')).toThrow(ServiceImportError);
    expect(() => importServicesText(csv, 'utm.csv')).toThrow(/utm\.csv: coordinates are projected.*line 2: x=612345\.2, y=1534567\.8.*UTM zone 47N\/48N.*EPSG:4326/);
  });

  it('says which column is missing', () => {
    expect(() => importServicesText('id,type,lat\n1,school,13\n', 'a.csv')).toThrow(/a\.csv: no longitude column found \(columns: id, type, lat\)/);
    expect(() => importServicesText('id,lat,lon\n1,13,100\n', 'a.csv')).toThrow(/no service type column/);
    expect(importServicesText('id,lat,lon\n1,13,100\n', 'a.csv', { defaultType: 'school' }).services.count).toBe(1);
  });

  it('drops a 13-digit citizen-id column and never carries its values', () => {
    const csv = 'id,type,lat,lon,owner_pid\n1,school,13.5,100.5,1-1037-00123-45-6\n2,school,13.6,100.6,3100600123457\n';
    const { services, report } = importServicesText(csv, 'p.csv');
    expect(report.notes).toContain('column "owner_pid" holds 13-digit citizen ids: dropped, not imported');
    expect(JSON.stringify({ ...services, lon: [...services.lon] })).not.toMatch(/3100600123457|00123/);
    // An id column that is really citizen ids is dropped too: ids fall back to row numbers.
    const r2 = importServicesText('id,type,lat,lon\n3100600123457,school,13.5,100.5\n', 'q.csv');
    expect(r2.services.id).toEqual(['row-2']);
  });

  it('drops repeated ids and reports same-class points within 5 m', () => {
    // 0.00002° of latitude ≈ 2.2 m; 0.001° ≈ 111 m.
    const csv = 'id,type,lat,lon\nA,school,13.5,100.5\nA,school,13.9,100.9\nB,school,13.50002,100.5\nC,hospital,13.50002,100.5\nD,school,13.501,100.5\n';
    const { services, report } = importServicesText(csv, 'd.csv');
    expect(services.id).toEqual(['A', 'B', 'C', 'D']);
    expect(report.problems.map((p) => [p.row, p.kind, p.severity])).toEqual([
      [3, 'duplicate-id', 'error'],
      [4, 'near-duplicate', 'warning'],
    ]);
    expect(report.problems[1].message).toMatch(/d\.csv: line 4: same class \(school\) and 2\.2 m from line 2 \(id "A"\): kept/);
    const dropped = importServicesText(csv, 'd.csv', { dropNearDuplicates: true });
    expect(dropped.services.id).toEqual(['A', 'C', 'D']);
  });

  it("applies the user's own code table, lists unknown codes, and counts ignored rows", () => {
    const csv = 'id,kind,lat,lon\n1,A,13.5,100.5\n2,B,13.6,100.6\n3,C,13.7,100.7\n4,C,13.8,100.8\n5,Z,13.9,100.9\n';
    const table = readServiceTable(csv, 'k.csv');
    expect(distinctValues(table, 'kind')).toEqual([
      { value: 'C', count: 2 },
      { value: 'A', count: 1 },
      { value: 'B', count: 1 },
      { value: 'Z', count: 1 },
    ]);
    const { services, report } = importServicesText(csv, 'k.csv', {
      columns: { type: 'kind' },
      mapper: tableTypeMapper({ A: 'hospital', B: 'school', C: 'ignore' }),
    });
    expect(services.id).toEqual(['1', '2']);
    expect(report.ignored).toEqual({ C: 2 });
    expect(report.unmappedTypes).toEqual([{ value: 'Z', count: 1 }]);
    expect(report.problems[0].message).toMatch(/k\.csv: line 6: service type "Z" is not mapped/);
    expect(summariseReport(report)).toMatch(/2 of 5 rows imported; 2 ignored by the type mapping; 1 unmapped-type/);
  });
});

describe('GeoJSON import', () => {
  const feature = (id: number, type: string, th: string, en: string, coords: unknown, geomType = 'Point') => ({
    type: 'Feature',
    properties: { lm_id: id, lm_type: type, lm_subtype: null, lm_name_t: th, lm_name_e: en },
    geometry: coords === null ? null : { type: geomType, coordinates: coords },
  });

  it('maps GISTDA landmark codes with names, and reports bad geometries by feature number', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        feature(1, '04104', 'โรงเรียนวัดห้วยพลู', 'WAT HUAI PHLU SCHOOL', [100.1, 13.9]),
        feature(2, '04104', 'คณะเกษตร มหาวิทยาลัยเกษตรศาสตร์', 'FACULTY OF AGRICULTURE', [100.0, 14.0]),
        feature(3, '04105', 'สถานีอนามัยดอนรวก', 'DON RUAK HEALTH CENTER', [100.2, 13.8]),
        feature(4, '04105', 'โรงพยาบาลดอนตูม', 'DON TUM HOSPITAL', [100.3, 13.9]),
        feature(5, '04105', 'สำนักงานสาธารณสุขอำเภอสามพราน', 'AMPHOE SAM PHRAN PUBLIC HEALTH OFFICE', [100.2, 13.7]),
        feature(6, '04102', 'วัดหนองดินแดง', 'WAT NONG DIN DAENG', [99.99, 13.79]),
        feature(7, '04105', 'โรงพยาบาลไม่มีจุด', 'NO POINT HOSPITAL', null),
        feature(8, '04104', 'โรงเรียนรูปหลายเหลี่ยม', 'POLYGON SCHOOL', [[[100, 13], [100.1, 13], [100, 13.1], [100, 13]]], 'Polygon'),
      ],
    };
    const { services, report } = importServicesText(JSON.stringify(fc), 'landmarks.geojson', { columns: { type: 'lm_type' }, mapper: gistdaLandmarkTypeMapper });
    expect(services.id).toEqual(['1', '3', '4']);
    expect(Array.from(services.typeCode, (c) => services.typeNames[c])).toEqual(['school', 'health_promoting_hospital', 'hospital']);
    expect(services.nameEn).toEqual(['WAT HUAI PHLU SCHOOL', 'DON RUAK HEALTH CENTER', 'DON TUM HOSPITAL']);
    expect(report.ignored).toEqual({ '04104': 1, '04105': 1, '04102': 1 });
    expect(report.problems.map((p) => p.message)).toEqual([
      'landmarks.geojson: feature 7: feature has no geometry',
      'landmarks.geojson: feature 8: feature has a Polygon geometry, not a Point',
    ]);
    expect(report.columns.lon).toBe('geometry');
  });

  it('refuses a GeoJSON whose crs is projected', () => {
    const fc = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32647' } }, features: [feature(1, 'school', 'x', 'x', [612345, 1534567])] };
    expect(() => importServicesText(JSON.stringify(fc), 'p.geojson')).toThrow(/p\.geojson: coordinates are projected.*EPSG::32647/);
  });

  it('refuses what is not GeoJSON, naming the file', () => {
    expect(() => importServicesText('{"type":"Topology"}', 't.json')).toThrow(/t\.json: not a GeoJSON FeatureCollection/);
    expect(() => importServicesText('{oops', 't.json')).toThrow(/t\.json: not valid JSON/);
  });
});

describe('concatServices', () => {
  it('adds an import to what is loaded without losing or renaming existing rows', () => {
    const a = importServicesText('id,type,lat,lon\nA,school,13.5,100.5\n', 'a.csv').services;
    const b = importServicesText('id,type,lat,lon\nA,clinic,13.6,100.6\nB,hospital,13.7,100.7\n', 'b.csv', { mapper: keepAnyTypeMapper }).services;
    const c = concatServices(a, b);
    expect(c.id).toEqual(['A', 'A#2', 'B']);
    expect(Array.from(c.typeCode, (k) => c.typeNames[k])).toEqual(['school', 'clinic', 'hospital']);
    expect(Array.from(c.lat)).toEqual([13.5, 13.6, 13.7]);
    expect(a.count).toBe(1);
  });
});
