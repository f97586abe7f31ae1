/**
 * Acceptance of the workspace import (issue 8) on the real files in ../shared/realdata, through
 * the CLI (the same import the app runs in its worker):
 *
 *   npx tsx scripts/acceptance/workspace.ts [REALDATA_DIR]
 *
 * 1. OCHA th_adm1–3 + TPMAP 2561 province 73 + GISTDA services (--type-map gistda) + the 5 km
 *    VIIRS raster make one workspace: 77 / 928 / 7,425 polygons, no synthetic layer, Thai names
 *    of Nakhon Pathom's districts, 3,132 target poor (= TPMAP's province table), the 19 municipal
 *    pseudo-subdistricts named in the join report, access on the GISTDA services, lights on the
 *    real raster keyed by DOPA code.
 * 2. Mae Hong Son (58): 478 village records → 437 villages, 22,783 target poor (= province table).
 * 3. The national province table sums to TPMAP's 1,032,987 target poor.
 * 4. GISTDA Pai village points join by code (4 repeated codes reported); a names-only and a
 *    projected boundary file are matched / refused with the file named.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const R = process.argv[2] ?? '/work/shared/realdata';
const tmp = mkdtempSync(join(tmpdir(), 'cheepao-acc-ws-'));
let failures = 0;
function check(ok: boolean, what: string): void {
  process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${what}\n`);
  if (!ok) failures += 1;
}
function cli(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}
const json = <T>(args: string[]): T => {
  const r = cli([...args, '--format', 'json']);
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
};
const tp = (f: string) => join(R, 'tpmap2561', f);
const T73 = ['village', 'tambol', 'amphur'].flatMap((l) => [`61_73_${l}_11111.csv`, `61_73_${l}_common.csv`]).map(tp);

// 1. Nakhon Pathom.
const np = join(tmp, 'np');
const imp = cli(['import', join(R, 'admin'), ...T73, tp('61_province_11111.csv'), tp('61_province_common.csv'), tp('bmn59.village_name_73.csv'), join(R, 'services/nakhonpathom_landmarks_wgs84.geojson'), join(R, 'ntl/thailand_viirs_ntl_5km_2025-03_float32_deflate.tif'), '--type-map', 'gistda', '--out', np]);
check(imp.status === 0, `import of OCHA + TPMAP 73 + GISTDA + VIIRS (${imp.stderr.trim().split('\n').pop()})`);
const report = JSON.parse(imp.stdout) as { joins: { poverty_without_polygon: { subdistrict?: { count: number; examples: string[] } } } };
const municipal = report.joins.poverty_without_polygon.subdistrict;
check(municipal?.count === 19 && municipal.examples.every((c) => Number(c.slice(4)) >= 51), `join report names the 19 municipal pseudo-subdistricts (${municipal?.examples.slice(0, 5).join(', ')} …)`);
const sum = json<{ synthetic_layers: string[]; layers: { boundaries: Record<string, number>; services: Record<string, number>; rasters: { width: number }[] } }>(['summary', '--data', np]);
check(sum.synthetic_layers.length === 0, 'no synthetic layer');
check(sum.layers.boundaries.province === 77 && sum.layers.boundaries.district === 928 && sum.layers.boundaries.subdistrict === 7425, `polygons ${JSON.stringify(sum.layers.boundaries)}`);
check(sum.layers.services.school === 320 && sum.layers.services.health_promoting_hospital === 126 && sum.layers.services.hospital === 17, `GISTDA services ${JSON.stringify(sum.layers.services)}`);
check(sum.layers.rasters[0]?.width === 185, 'the real 5 km raster');
const districts = json<{ code: string; name: string | null; target_poor: number }[]>(['mpi', '--data', np, '--level', 'district']).filter((r) => r.code.startsWith('73'));
check(districts.find((d) => d.code === '7301')?.name === 'เมืองนครปฐม', `district 7301 named from OCHA: ${districts.find((d) => d.code === '7301')?.name}`);
const province = json<{ code: string; target_poor: number }[]>(['mpi', '--data', np, '--level', 'province']).find((r) => r.code === '73');
check(province?.target_poor === 3132, `province 73 target poor ${province?.target_poor} = 3,132 (TPMAP province table)`);
const zonal = json<{ id: string; sum: number }[]>(['zonal', '--data', np, '--level', 'district']);
check(zonal.length === 928 && zonal.some((z) => z.id === '7301' && z.sum > 0), 'lights over the workspace polygons, keyed by DOPA code');

// 2. Mae Hong Son with its split villages.
const mhs = join(tmp, 'mhs');
const imp58 = cli(['import', ...['village', 'tambol', 'amphur'].flatMap((l) => [`61_58_${l}_11111.csv`, `61_58_${l}_common.csv`]).map(tp), tp('61_province_11111.csv'), tp('61_province_common.csv'), '--out', mhs]);
const line58 = (JSON.parse(imp58.stdout) as { lines: { summary: string }[] }).lines[0]?.summary ?? '';
check(/478 records → 437 villages · 29 split villages summed · all checks match/.test(line58), line58);
const p58 = json<{ code: string; target_poor: number }[]>(['mpi', '--data', mhs, '--level', 'province']).find((r) => r.code === '58');
const v58 = json<{ code: string; target_poor: number }[]>(['mpi', '--data', mhs, '--level', 'village']).filter((r) => r.code.startsWith('58')).reduce((s, r) => s + r.target_poor, 0);
check(p58?.target_poor === 22783 && v58 === 22783, `Mae Hong Son: province ${p58?.target_poor}, villages sum ${v58} = 22,783`);

// 3. The national total of TPMAP's province table.
const provinceTable = readFileSync(tp('61_province_11111.csv'), 'utf8').trim().split('\n').slice(1);
const national = provinceTable.reduce((s, l) => s + Number(l.split(',')[4]), 0);
check(national === 1_032_987, `province table national total ${national} = 1,032,987`);

// 4. Village points with codes, duplicates; names-only and projected boundary files.
const pai = cli(['import', join(R, 'villages/pai_villages_gistda_TH58.csv'), '--into', mhs, '--out', join(tmp, 'mhs-pai')]);
const paiReport = JSON.parse(pai.stdout) as { lines: { kind: string; summary: string; details: string[] }[] };
const vline = paiReport.lines.find((l) => l.kind === 'villages');
check(/58 village locations .*4 repeated codes/.test(vline?.summary ?? ''), vline?.summary ?? 'no villages line');
const conflicts = (vline?.details ?? []).filter((d) => /: village \d{8} at line \d+ \(kept\) and line \d+: (the same point|[\d.]+ km apart)/.test(d));
check(conflicts.length === 4, `each repeated code listed with the distance between its points: ${conflicts.join(' | ')}`);
const located = json<{ layers: { villages: { located: number } } }>(['summary', '--data', join(tmp, 'mhs-pai')]).layers.villages.located;
check(located === 58, `${located} villages located after the join`);
const anon = cli(['import', join(R, 'villages/village_points_TH73_anonymous.csv'), '--into', np, '--out', join(tmp, 'np-anon')]);
check(anon.status !== 0 && /village_points_TH73_anonymous\.csv: no village code column/.test(anon.stderr + anon.stdout), 'points without codes are refused, asking for the code column');
const adm1 = JSON.parse(readFileSync(join(R, 'admin/th_adm1.geojson'), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
for (const f of adm1.features) f.properties = { name_th: f.properties.adm1_th, name_en: f.properties.adm1_en };
writeFileSync(join(tmp, 'provinces-names-only.geojson'), JSON.stringify(adm1));
const names = cli(['import', join(tmp, 'provinces-names-only.geojson'), '--out', join(tmp, 'names')]);
const nline = (JSON.parse(names.stdout || '{"lines":[]}') as { lines: { summary: string }[] }).lines.find((l) => /names-only/.test(l.summary))?.summary ?? '';
check(/77 province polygons · matched by province name/.test(nline), nline || names.stderr);
writeFileSync(join(tmp, 'projected.geojson'), JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32647' } }, features: [{ type: 'Feature', properties: { adm1_pcode: 'TH73' }, geometry: { type: 'Polygon', coordinates: [[[600000, 1500000], [610000, 1500000], [610000, 1510000], [600000, 1500000]]] } }] }));
const proj = cli(['import', join(tmp, 'projected.geojson'), '--out', join(tmp, 'proj')]);
check(proj.status !== 0 && /projected\.geojson: coordinate reference system "urn:ogc:def:crs:EPSG::32647" is not accepted/.test(proj.stderr), 'a projected boundary file is refused naming the file and its CRS');

process.stdout.write(failures ? `${failures} check(s) failed\n` : 'all workspace checks passed\n');
process.exit(failures ? 1 : 0);
