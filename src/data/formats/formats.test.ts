/**
 * Format readers on fixtures written by GDAL's ogr2ogr (scripts/fixtures/make-format-fixtures.sh:
 * the source values are plain text there) and on files generated here with SheetJS and fflate.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import fc from 'fast-check';
import { parseDbf } from 'shpjs';
import { writePointShapefile } from './pointShapefileFixture';
import { readArchive } from './archive';
import { readKmlText } from './kml';
import { readDbfRecords, readShapefile } from './shapefile';
import { readWorkbook } from './excel';
import { kindOfFeatures } from '../workspace/kinds';

const fx = (f: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${f}`, import.meta.url)));
const none = [] as never[];

describe('Shapefile', () => {
  it('zipped UTM 47N points with a cp874 DBF and no .cpg: Thai names and lon/lat of the ogr2ogr source', () => {
    const [l] = readArchive(fx('villages_utm47_cp874.zip'), 'v.zip', none, {});
    const f = l.features!.features;
    expect(f.map((x) => x.properties!.VILL_NAME)).toEqual(['บ้านหนองกระโดน', 'บ้านดอนยายหอม', 'บ้านห้วยจรเข้']);
    const [lon, lat] = (f[0].geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo(100.061234, 5);
    expect(lat).toBeCloseTo(13.819876, 5);
    expect(l.notes.join(' ')).toMatch(/EPSG:32647.*windows-874 \(detected, no \.cpg\)/s);
    expect(kindOfFeatures(l.features!, 'Shapefile').kind).toBe('villages');
  });
  it('polygons with a .cpg are boundaries with Thai names; a .shp without .dbf is refused naming it', () => {
    const r = readShapefile({ shp: fx('tambon_wgs84.shp'), dbf: fx('tambon_wgs84.dbf'), prj: new TextDecoder().decode(fx('tambon_wgs84.prj')), cpg: 'UTF-8', shx: true }, 'tambon_wgs84.shp');
    expect(r.features.features.map((x) => x.properties!.adm3_th)).toEqual(['พระปฐมเจดีย์', 'บางแขม']);
    expect(kindOfFeatures(r.features, 'Shapefile').kind).toBe('boundaries');
    expect(() => readShapefile({ shp: fx('tambon_wgs84.shp') }, 'tambon_wgs84.shp')).toThrow(/no tambon_wgs84\.dbf/);
    expect(() => readShapefile({ shp: fx('tambon_wgs84.shp'), dbf: fx('tambon_wgs84.dbf') }, 'tambon_wgs84.shp')).toThrow(/no tambon_wgs84\.prj/);
  });
});

describe('KML / KMZ', () => {
  it('ogr2ogr KML and a KMZ of it: Thai names and codes', () => {
    const kml = new TextDecoder().decode(fx('villages.kml'));
    const a = readKmlText(kml, 'villages.kml').features;
    expect(a.features.map((x) => x.properties!.name)).toEqual(['บ้านหนองกระโดน', 'บ้านดอนยายหอม', 'บ้านห้วยจรเข้']);
    expect(a.features[2].properties!.VILL_CODE).toBe('73010203');
    const [l] = readArchive(zipSync({ 'doc.kml': strToU8(kml) }), 'v.kmz', none, {});
    expect(l.features!.features).toHaveLength(3);
  });
});

describe('Excel', () => {
  it('two title rows, Thai headers, Excel-serial dates', () => {
    const ws = XLSX.utils.aoa_to_sheet([['บันทึกการช่วยเหลือ'], ['จังหวัดนครปฐม'], ['รหัสกรณี', 'village_code', 'members', 'วันที่', 'dimensions', 'สถานะ'], ['C-1', '73010101', 4, 44788, 'income', 'visited']]);
    ws['D4'].z = 'd/m/yyyy';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'บันทึก');
    const [s] = readWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })), 'r.xlsx');
    expect(s.headerRow).toBe(3);
    expect(s.table!.rows[0].row).toBe(4);
    expect(s.table!.rows[0].values['วันที่']).toBe('2022-08-15'); // serial 44788 = 2022-08-15 (Excel)
    const [o] = readWorkbook(fx('records_ogr.xlsx'), 'records_ogr.xlsx');
    expect(o.table!.rows.map((r) => r.values.date)).toEqual(['2022-08-15', '2023-01-31']);
  });
  it('a corrupt workbook and a ZIP without layers are refused by kind', () => {
    expect(() => readWorkbook(fx('records_ogr.xlsx').subarray(0, 900), 'bad.xlsx')).toThrow(/bad\.xlsx: not a readable Excel workbook/);
    expect(() => readArchive(zipSync({ 'a.txt': strToU8('hello') }), 'x.zip', none, {})).toThrow(/a ZIP archive with no shapefile or KML in it/);
  });
});

describe('DBF records with one decoder', () => {
  const dbfOf = (zip: Uint8Array) => Object.entries(unzipSync(zip)).find(([n]) => n.endsWith('.dbf'))![1];
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  it('equals shpjs parseDbf on the ogr2ogr fixtures (cp874 and UTF-8)', () => {
    const a = dbfOf(fx('villages_utm47_cp874.zip'));
    expect(readDbfRecords(a, 'windows-874')).toEqual(parseDbf(view(a), 'windows-874'));
    const b = fx('tambon_wgs84.dbf');
    expect(readDbfRecords(b, 'utf-8')).toEqual(parseDbf(view(b), 'utf-8'));
  });
  it('equals shpjs parseDbf on generated tables (Thai and ASCII text, numbers, empty cells)', () => {
    const thai = fc.string({ unit: fc.constantFrom(...'กขคงจบ้านหนองสระ่้๊๋ัิีึื ABC-12.'.split('')), maxLength: 30 });
    fc.assert(
      fc.property(fc.array(fc.tuple(thai, fc.option(fc.integer({ min: -99999, max: 999999 })), fc.option(fc.double({ min: -1000, max: 1000, noNaN: true }))), { minLength: 1, maxLength: 40 }), fc.constantFrom('windows-874' as const, 'utf-8' as const), (rows, encoding) => {
        const parts = writePointShapefile({
          name: 'p', crs: 'EPSG:4326', encoding,
          fields: [{ name: 'NAME', type: 'C', width: encoding === 'utf-8' ? 100 : 30 }, { name: 'N', type: 'N', width: 10 }, { name: 'X', type: 'N', width: 19, decimals: 6 }],
          rows: rows.map(([t, n, x]) => ({ lon: 100, lat: 14, values: [t, n, x] })),
        });
        const dbf = parts['p.dbf'];
        expect(readDbfRecords(dbf, encoding)).toEqual(parseDbf(view(dbf), encoding));
      }),
      { seed: 14, numRuns: 200 },
    );
  });
});
