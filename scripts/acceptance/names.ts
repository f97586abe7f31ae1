/**
 * Acceptance of names-only boundary files at their true level (issue 14 item 8), through the CLI,
 * on the real OCHA COD-AB Thailand tables in ../shared/realdata/admin:
 *
 *   npx tsx scripts/acceptance/names.ts [REALDATA_DIR]
 *
 * 1. GDAL (ogr2ogr -sql) writes names-only copies of th_adm2 (ADM1_TH, ADM2_TH, ADM2_EN: 928
 *    features) and th_adm3 (ADM1_TH, ADM2_TH, ADM3_TH, ADM3_EN: 7,425) with every code dropped.
 *    Imported, they must land at district and subdistrict level, and each polygon's code must be
 *    the OCHA P-code of the feature it came from (checked by its first vertex).
 * 2. The same names as people type them — อำเภอ/เขต/ตำบล/แขวง prefixes, spaces, a zero-width
 *    space, upper case, "Amphoe"/"Tambon", "Muang" — and Thai only for subdistricts, where the
 *    source's 16-character cut leaves two ปากพนังฝั่งตะวัน… in one district: those must be listed
 *    as matching two subdistricts, not guessed; every unmatched or doubly matched name is in the
 *    import report with its Thai (and English) name.
 * 3. GISTDA's own spelling (Pai village layer: subdistrict name TB_TN beside its code TB_IDN)
 *    finds GISTDA's codes in the gazetteer — a check not derived from the gazetteer's source.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGazetteer } from '../../src/data/gazetteer/gazetteer';
import { detectNameColumns, matchNames } from '../../src/data/gazetteer/matchNames';

const R = process.argv[2] ?? '/work/shared/realdata';
const tmp = mkdtempSync(join(tmpdir(), 'cheepao-acc-names-'));
let failures = 0;
function check(ok: boolean, what: string): void {
  process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${what}\n`);
  if (!ok) failures += 1;
}
type Fc = { features: { properties: Record<string, string>; geometry: { type: string; coordinates: unknown } }[] };
type Line = { kind: string; summary: string; details: string[] };
const firstVertex = (g: { coordinates: unknown }): string => {
  let c: unknown = g.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return JSON.stringify(c);
};
function importNames(file: string, out: string): { status: number; line: Line | undefined; stderr: string } {
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', 'import', file, '--out', out], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const lines = (JSON.parse(r.stdout || '{"lines":[]}') as { lines: Line[] }).lines;
  return { status: r.status ?? 1, line: lines.find((l) => l.kind === 'boundaries'), stderr: r.stderr };
}
/** Polygons whose code is the OCHA P-code of the source feature with the same first vertex. */
function compare(level: 'district' | 'subdistrict', adm: 2 | 3, out: string) {
  const ocha = JSON.parse(readFileSync(join(R, `admin/th_adm${adm}.geojson`), 'utf8')) as Fc;
  const got = JSON.parse(readFileSync(join(out, `boundaries/${level}.geojson`), 'utf8')) as Fc;
  const vertexOf = new Map(ocha.features.map((f) => [f.properties[`adm${adm}_pcode`].slice(2), firstVertex(f.geometry)]));
  const right = got.features.filter((f) => vertexOf.get(f.properties.code) === firstVertex(f.geometry)).length;
  return { total: ocha.features.length, polygons: got.features.length, right };
}

for (const [adm, level, select] of [
  [2, 'district', 'adm1_th AS ADM1_TH, adm2_th AS ADM2_TH, adm2_en AS ADM2_EN'],
  [3, 'subdistrict', 'adm1_th AS ADM1_TH, adm2_th AS ADM2_TH, adm3_th AS ADM3_TH, adm3_en AS ADM3_EN'],
] as const) {
  // 1. GDAL's names-only copy.
  const file = join(tmp, `th_adm${adm}_names_only.geojson`);
  const ogr = spawnSync('ogr2ogr', ['-f', 'GeoJSON', file, join(R, `admin/th_adm${adm}.geojson`), '-sql', `SELECT ${select} FROM th_adm${adm}`], { encoding: 'utf8' });
  // ogr2ogr comes with Debian's gdal-bin; without it say so instead of failing on a null stderr.
  check(ogr.status === 0, `ogr2ogr wrote ${file} (${ogr.error ? `${ogr.error.message}: apt-get install gdal-bin` : ogr.stderr.trim() || 'ok'})`);
  const out = join(tmp, `ws-adm${adm}`);
  const r = importNames(file, out);
  check(r.status === 0 && new RegExp(`^th_adm${adm}_names_only\\.geojson: [\\d,]+ ${level} polygons · matched by ${level} name within`).test(r.line?.summary ?? ''), `${r.line?.summary ?? r.stderr}`);
  const c = compare(level, adm, out);
  process.stdout.write(`      ${level}: ${c.right} of ${c.total} OCHA features at their own code (${c.polygons} polygons)\n`);
  check(c.right === c.total && c.polygons === c.total, `names-only ${level} file: every one of the ${c.total} features lands on its OCHA code`);

  // 2. Names as typed.
  const fc = JSON.parse(readFileSync(file, 'utf8')) as Fc;
  fc.features.forEach((f, i) => {
    const p = f.properties;
    const bangkok = p.ADM1_TH === 'กรุงเทพมหานคร';
    p.ADM1_TH = i % 3 === 0 ? `จังหวัด${p.ADM1_TH}` : p.ADM1_TH;
    p.ADM2_TH = `${bangkok ? 'เขต' : i % 2 ? 'อำเภอ ' : 'อ.'}${p.ADM2_TH}`;
    if (adm === 2) p.ADM2_EN = i % 2 ? `Amphoe ${p.ADM2_EN.replace(/^Mueang /, 'Muang ')}` : p.ADM2_EN.toUpperCase();
    if (adm === 3) {
      p.ADM3_TH = `${bangkok ? 'แขวง' : 'ตำบล'}${i % 7 === 0 ? p.ADM3_TH.replace(/^(.{2})/, '$1\u200b') : p.ADM3_TH}`;
      delete p.ADM3_EN; // Thai only
    }
  });
  const typed = join(tmp, `th_adm${adm}_names_typed.geojson`);
  writeFileSync(typed, JSON.stringify(fc));
  const t = importNames(typed, join(tmp, `ws-typed-${adm}`));
  const listed = (t.line?.details ?? []).filter((d) => /: feature \d+: ".+" (matches no|matches \d+|province|district|no )/.test(d));
  const ct = compare(level, adm, join(tmp, `ws-typed-${adm}`));
  process.stdout.write(`      typed ${level} names: ${ct.right} of ${ct.total} at their own code; listed: ${listed.length}\n${listed.map((d) => `        ${d}\n`).join('')}`);
  check(ct.right === ct.polygons && ct.right + listed.length === ct.total, `typed ${level} names: ${ct.right} matched (all at the right code) + ${listed.length} listed = ${ct.total}`);
  if (adm === 2) check(ct.right === ct.total, 'every typed district name matches');
  else check(listed.length === 2 && listed.every((d) => /"ตำบลปากพนังฝั่งตะวัน" matches 2 subdistricts in [^:]*ปากพนัง[^:]*: 801210.*801214/.test(d)), 'Thai only, the two ปากพนังฝั่งตะวัน… (cut at 16 characters in the source) are listed with both codes, not guessed');
}

// 3. An independent spelling: GISTDA's Pai village layer names each village's subdistrict
//    (TB_TN, Thai) beside its DOPA code (TB_IDN). Matched within Mae Hong Son (58), every name
//    must find the code GISTDA gives.
const pai = readFileSync(join(R, 'villages/pai_villages_gistda_TH58.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const pairs = [...new Map(pai.map((c) => [c[3], c[4]])).entries()];
const gazetteer = await loadGazetteer();
const rows = pairs.map(([, th]) => ({ TB_TN: th }));
const m = matchNames(rows, { level: 'subdistrict', layout: detectNameColumns(rows, ['TB_TN']), parentCodes: pairs.map(() => '58') }, gazetteer);
const agree = pairs.filter(([code], i) => m.codes[i] === code).length;
process.stdout.write(`      GISTDA Pai subdistricts: ${pairs.map(([c, t], i) => `${t} ${c}→${m.codes[i] ?? 'none'}`).join(', ')}\n`);
check(agree === pairs.length, `GISTDA's ${pairs.length} Pai subdistrict names (TB_TN) find GISTDA's codes (TB_IDN) within province 58: ${agree} of ${pairs.length}`);

process.stdout.write(failures ? `${failures} check(s) failed\n` : 'all names-only checks passed\n');
process.exit(failures ? 1 : 0);
