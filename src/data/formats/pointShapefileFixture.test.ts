/**
 * The test writer against GDAL: the three villages ogr2ogr wrote (scripts/fixtures/
 * make-format-fixtures.sh, villages_utm47_cp874.zip) written again here must give the same file
 * layout, the same cp874 bytes of the Thai names, and the same points within a millimetre.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readShapefile } from './shapefile';
import { PRJ, writePointShapefile, zipPointShapefile } from './pointShapefileFixture';
import { readArchive } from './archive';

const ogr = unzipSync(new Uint8Array(readFileSync(new URL('./fixtures/villages_utm47_cp874.zip', import.meta.url))));
// The source of make-format-fixtures.sh.
const SOURCE = [
  ['73010101', 'บ้านหนองกระโดน', 100.061234, 13.819876],
  ['73010102', 'บ้านดอนยายหอม', 100.072345, 13.801234],
  ['73010203', 'บ้านห้วยจรเข้', 100.035678, 13.832109],
] as const;

describe('point Shapefile writer', () => {
  const mine = writePointShapefile({
    name: 'villages_utm47',
    crs: 'EPSG:32647',
    encoding: 'windows-874',
    // ogr2ogr's layout for the CSV: strings 80 wide, reals 24.15.
    fields: [{ name: 'VILL_CODE', type: 'C', width: 80 }, { name: 'VILL_NAME', type: 'C', width: 80 }, { name: 'lon', type: 'N', width: 24, decimals: 15 }, { name: 'lat', type: 'N', width: 24, decimals: 15 }],
    rows: SOURCE.map(([code, name, lon, lat]) => ({ lon, lat, values: [code, name, lon, lat] })),
  });
  it('has the sizes and headers ogr2ogr writes, and the same cp874 DBF records', () => {
    for (const ext of ['shp', 'shx', 'dbf']) expect(mine[`villages_utm47.${ext}`].length, ext).toBe(ogr[`villages_utm47.${ext}`].length);
    expect(new TextDecoder().decode(mine['villages_utm47.prj'])).toBe(new TextDecoder().decode(ogr['villages_utm47.prj']));
    expect(PRJ['EPSG:32647']).toBe(new TextDecoder().decode(ogr['villages_utm47.prj']));
    // shp header up to the bounding box: file code, length, version, shape type.
    expect(mine['villages_utm47.shp'].subarray(0, 36)).toEqual(ogr['villages_utm47.shp'].subarray(0, 36));
    expect(mine['villages_utm47.shx'].subarray(100)).toEqual(ogr['villages_utm47.shx'].subarray(100));
    // DBF: field descriptors and the records (the text fields byte for byte; GDAL's reals are printed its own way).
    const headerLength = 32 + 32 * 4 + 1;
    expect(mine['villages_utm47.dbf'].subarray(4, headerLength)).toEqual(ogr['villages_utm47.dbf'].subarray(4, headerLength));
    for (let r = 0; r < 3; r++) {
      const at = headerLength + r * 209;
      expect(mine['villages_utm47.dbf'].subarray(at, at + 161), `row ${r + 1}`).toEqual(ogr['villages_utm47.dbf'].subarray(at, at + 161));
    }
  });
  it('reads back (through the app reader) to the points ogr2ogr projected, within 1 mm', () => {
    const parts = (s: Record<string, Uint8Array>) => ({ shp: s['villages_utm47.shp'], dbf: s['villages_utm47.dbf'], prj: new TextDecoder().decode(s['villages_utm47.prj']), shx: true });
    const a = readShapefile(parts(mine), 'mine.shp').features.features;
    const b = readShapefile(parts(ogr), 'ogr.shp').features.features;
    expect(a.map((f) => f.properties)).toEqual(b.map((f) => f.properties));
    // Projected coordinates (metres), straight from the .shp bytes.
    const sv = (x: Uint8Array) => new DataView(x.buffer, x.byteOffset, x.byteLength);
    for (let i = 0; i < 3; i++) for (const k of [12, 20]) expect(Math.abs(sv(mine['villages_utm47.shp']).getFloat64(100 + 28 * i + k, true) - sv(ogr['villages_utm47.shp']).getFloat64(100 + 28 * i + k, true))).toBeLessThan(1e-3);
    const [l] = readArchive(zipPointShapefile({ name: 'v', crs: 'EPSG:4326', encoding: 'utf-8', cpg: true, fields: [{ name: 'VILL_CODE', type: 'C', width: 8 }], rows: [{ lon: 100.5, lat: 14.25, values: ['73010101'] }] }), 'v.zip', [], {});
    expect(l.features!.features[0].geometry).toEqual({ type: 'Point', coordinates: [100.5, 14.25] });
    expect(l.notes.join(' ')).toMatch(/utf-8 from v\.cpg/);
  });
});
