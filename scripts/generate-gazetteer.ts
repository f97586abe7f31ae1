/**
 * Writes src/data/gazetteer/th-admin-gazetteer.json, the district and subdistrict code gazetteer
 * that names-only boundary files are matched against (issue 14 item 8):
 *
 *   npx tsx scripts/generate-gazetteer.ts [ADMIN_DIR]   (default ../shared/realdata/admin)
 *
 * Source: OCHA COD-AB Thailand (Royal Thai Survey Department, 2019), the th_adm1/2/3 attribute
 * tables (adm{1,2,3}_pcode, _th, _en), licence CC BY-IGO 3.0 — attribution to OCHA and RTSD is
 * carried in the JSON itself, in src/data/gazetteer/README.md and in the project README.
 * Only the attribute tables are used, no geometry. OCHA P-codes (TH1001, TH100101) become DOPA
 * digits (1001, 100101) by dropping "TH"; the parent of an area is its code's prefix (DOPA codes
 * nest: province 2 digits, district 4, subdistrict 6), so no parent column is stored.
 * Rows are [code, Thai, English], sorted by code, one JSON line per level so a diff stays readable.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '../shared/realdata/admin';
const out = new URL('../src/data/gazetteer/th-admin-gazetteer.json', import.meta.url);

type Props = Record<string, string | null>;
function rows(level: 1 | 2 | 3): [string, string, string][] {
  const fc = JSON.parse(readFileSync(join(dir, `th_adm${level}.geojson`), 'utf8')) as { features: { properties: Props }[] };
  const seen = new Set<string>();
  const list: [string, string, string][] = [];
  for (const { properties: p } of fc.features) {
    const pcode = String(p[`adm${level}_pcode`] ?? '');
    if (!/^TH\d+$/.test(pcode)) throw new Error(`th_adm${level}: P-code "${pcode}" is not TH + digits`);
    const code = pcode.slice(2);
    if (code.length !== 2 * level) throw new Error(`th_adm${level}: ${pcode} has ${code.length} digits, expected ${2 * level}`);
    if (seen.has(code)) throw new Error(`th_adm${level}: ${pcode} twice`);
    seen.add(code);
    list.push([code, String(p[`adm${level}_th`] ?? '').trim(), String(p[`adm${level}_en`] ?? '').trim()]);
  }
  return list.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

const provinces = rows(1);
const districts = rows(2);
const subdistricts = rows(3);
const line = (r: [string, string, string][]) => `[${r.map((x) => JSON.stringify(x)).join(',')}]`;
const text = `{
"source": "OCHA COD-AB Thailand administrative boundaries (Royal Thai Survey Department, 2019), attribute tables th_adm1/th_adm2/th_adm3; P-codes TH… written as DOPA digits",
"licence": "CC BY-IGO 3.0 (https://creativecommons.org/licenses/by/3.0/igo/); attribution: OCHA, Royal Thai Survey Department",
"note": "Thai names in the source are cut at 16 characters (e.g. ปากพนังฝั่งตะวัน for ปากพนังฝั่งตะวันออก/ตก); the matcher treats a 16-character Thai name as a prefix",
"provinces": ${line(provinces)},
"districts": ${line(districts)},
"subdistricts": ${line(subdistricts)}
}
`;
JSON.parse(text); // what is written must read back
writeFileSync(out, text);
process.stdout.write(`${out.pathname}: ${provinces.length} provinces, ${districts.length} districts, ${subdistricts.length} subdistricts, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB\n`);
