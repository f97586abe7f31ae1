/**
 * Acceptance of the office formats (issue 14) on ../shared/realdata/office, written by GDAL from
 * the GeoJSON originals: the numbers must equal those of the originals.
 *   npx tsx scripts/acceptance/formats.ts [REALDATA_DIR]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const R = process.argv[2] ?? '/work/shared/realdata';
const tmp = mkdtempSync(join(tmpdir(), 'cheepao-acc-fmt-'));
let failures = 0;
const check = (ok: boolean, what: string) => {
  process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${what}\n`);
  if (!ok) failures++;
};
const cli = (args: string[]) => spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const imp = (file: string, out: string) => cli(['import', join(R, 'office', file), '--out', join(tmp, out)]);

// 1. Zipped UTM 47N cp874 Shapefile → 106 subdistricts; Thai names equal the OCHA GeoJSON's per code.
check(imp('nakhonpathom_tambon_utm47_cp874.zip', 'tambon').status === 0, 'Shapefile import');
const tambon = JSON.parse(readFileSync(join(tmp, 'tambon/boundaries/subdistrict.geojson'), 'utf8')) as { features: { properties: { code: string; th: string } }[] };
const adm3 = JSON.parse(readFileSync(join(R, 'admin/th_adm3.geojson'), 'utf8')) as { features: { properties: { adm3_pcode: string; adm3_th: string } }[] };
const thOf = new Map(adm3.features.map((f) => [f.properties.adm3_pcode.slice(2), f.properties.adm3_th]));
const same = tambon.features.filter((f) => thOf.get(f.properties.code) === f.properties.th).length;
check(tambon.features.length === 106 && same === 106, `106 subdistricts, Thai names equal the GeoJSON original's: ${tambon.features.length}, ${same} equal`);
// 2. KML provinces.
check(imp('provinces_adm1.kml', 'kml').status === 0, 'KML import');
const prov = JSON.parse(readFileSync(join(tmp, 'kml/boundaries/province.geojson'), 'utf8')) as { features: unknown[] };
check(prov.features.length === 77, `${prov.features.length} provinces = 77`);
// 3. Excel landmarks: the same type counts as the GeoJSON services file.
const x = imp('nakhonpathom_landmarks.xlsx', 'xlsx');
const g = cli(['import', join(R, 'services/nakhonpathom_landmarks_wgs84.geojson'), '--out', join(tmp, 'geojson')]);
const summary = (r: typeof x) => (JSON.parse(r.stdout) as { lines: { kind: string; summary: string; details: string[] }[] }).lines.find((l) => l.kind === 'services');
const sx = summary(x);
const sg = summary(g);
check(/of 1043 rows/.test(sx?.details.join(' ') ?? ''), `Excel: 1,043 rows read (${sx?.details.find((d) => /rows/.test(d))})`);
check(!!sx && !!sg && sx.summary.split(' · ').slice(1).join() === sg.summary.split(' · ').slice(1).join(), `Excel and GeoJSON type counts equal: ${sx?.summary} | ${sg?.summary}`);
process.exit(failures ? 1 : 0);
