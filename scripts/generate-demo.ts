/**
 * `npm run generate` — writes the synthetic national demo dataset to data/demo (see
 * data/README.md). Options:
 *   --seed N     generator seed (default 2565); the same seed gives identical bytes
 *   --out DIR    output directory (default data/demo)
 *   --check      regenerate into a temporary directory and compare sha256 with data/demo;
 *                exits 1 on any difference
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readBack } from './demo/readBack';
import { buildDataset, DEFAULT_SEED, hasNtlModule, ntlModulePath, type BuildOptions } from './demo/build';
import { addDemoRecords } from './demo/records';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { seed: { type: 'string' }, out: { type: 'string' }, check: { type: 'boolean', default: false } },
  allowPositionals: false,
});
const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) {
  process.stderr.write(`--seed must be a non-negative integer, got "${values.seed}"\n`);
  process.exit(2);
}
const demoDir = join(root, 'data', 'demo');
const outDir = values.check ? mkdtempSync(join(tmpdir(), 'cheepao-demo-')) : resolve(values.out ?? demoDir);
const log = (s: string) => process.stderr.write(`${s}\n`);

const t0 = performance.now();
let ntl: BuildOptions['ntl'];
if (hasNtlModule()) {
  const mod = (await import(ntlModulePath())) as { generateNtlGeoTiff?: BuildOptions['ntl'] };
  if (typeof mod.generateNtlGeoTiff === 'function') ntl = mod.generateNtlGeoTiff;
  else log('warning: scripts/demo/ntl.ts has no generateNtlGeoTiff export; ntl.tif skipped');
} else {
  log('warning: scripts/demo/ntl.ts not found; ntl.tif skipped (manifest.files.ntl unset)');
}
const { files, summary } = await buildDataset({ seed, cacheDir: join(root, '.cache'), log, ntl });
// Synthetic assistance records of the demo's target poor (issue 11; read only when the follow-up tab opens).
const records = await addDemoRecords(files, seed);
log(`records: ${records.rows} rows, ${records.cases} cases in ${records.villages} villages`);

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

// Replace the output directory's dataset files; remove dataset files an older generator wrote
// that this one no longer produces (nothing else in the directory is touched).
const DATASET_FILE = /^(areas\.json(\.gz)?|manifest\.json|villages\.bin\.gz|profiles-\d+\.bin\.gz|services\.csv\.gz|village-basic\.bin\.gz|ntl\.tif|records\.bin\.gz|boundaries\/\w+\.geojson)$/;
mkdirSync(outDir, { recursive: true });
for (const name of listFiles(outDir)) {
  if (DATASET_FILE.test(name.split('\\').join('/')) && !files.has(name)) {
    rmSync(join(outDir, name));
    log(`removed stale ${name}`);
  }
}
for (const [name, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const p = join(outDir, name);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, bytes);
}
const secs = (performance.now() - t0) / 1000;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let total = 0;
const firstLoad = ['manifest.json', 'areas.json.gz', 'villages.bin.gz', 'profiles-2565.bin.gz', 'boundaries/province.geojson', 'boundaries/district.geojson'];
let firstLoadBytes = 0;
process.stdout.write(`\ngenerated ${files.size} files in ${secs.toFixed(1)} s → ${outDir}\n`);
for (const [name, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  total += bytes.length;
  if (firstLoad.includes(name)) firstLoadBytes += bytes.length;
  process.stdout.write(`  ${name.padEnd(34)} ${(bytes.length / 1024).toFixed(1).padStart(9)} KiB\n`);
}
process.stdout.write(`  ${'total'.padEnd(34)} ${(total / 1024).toFixed(1).padStart(9)} KiB\n`);
process.stdout.write(`  first load (${firstLoad.join(', ')}): ${(firstLoadBytes / 1024).toFixed(1)} KiB\n`);
process.stdout.write(`${JSON.stringify({ villages: summary.villages, districts: summary.districts, subdistricts: summary.subdistricts, services: summary.services, years: summary.years })}\n`);

// Read the written files back with the app's loaders and print what they say.
const rb = await readBack(outDir);
process.stdout.write(`read back: ${rb.provinces} provinces, ${rb.districts} districts, ${rb.subdistricts} subdistricts, ${rb.villages} villages, ${rb.services} services, ${rb.basicFields} village-basic fields\n`);
for (const y of rb.years) {
  const rates = Object.entries(y.provinceRatePct).sort((a, b) => a[1] - b[1]);
  const fmt = ([k, r]: [string, number]) => `${k} ${r.toFixed(2)}%`;
  process.stdout.write(
    `  ${y.year}: households ${y.households}, people ${y.people}, target poor ${y.targetPoor}, poor with no welfare card ${y.poorNoCard}, rows ${y.rows}; province rate lowest ${rates.slice(0, 3).map(fmt).join(', ')}; highest ${rates.slice(-4).map(fmt).join(', ')}\n`,
  );
}

if (values.check) {
  let diff = 0;
  const want = new Set(files.keys());
  for (const name of [...want].sort()) {
    let theirs: Uint8Array | null = null;
    try {
      theirs = new Uint8Array(readFileSync(join(demoDir, name)));
    } catch {
      theirs = null;
    }
    if (!theirs) {
      log(`check: ${name} is missing from data/demo`);
      diff++;
    } else if (sha(theirs) !== sha(files.get(name)!)) {
      log(`check: ${name} differs (data/demo ${sha(theirs).slice(0, 12)} ≠ regenerated ${sha(files.get(name)!).slice(0, 12)})`);
      diff++;
    }
  }
  for (const name of listFiles(demoDir)) if (!want.has(name) && name !== 'README.md') {
    log(`check: data/demo/${name} is not produced by the generator`);
    diff++;
  }
  rmSync(outDir, { recursive: true, force: true });
  if (diff) {
    log(`check FAILED: ${diff} file(s) differ from data/demo`);
    process.exit(1);
  }
  process.stdout.write(`check OK: all ${files.size} files identical to data/demo (sha256)\n`);
}
