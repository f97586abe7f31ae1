/**
 * Acceptance of service import and access measures on real Nakhon Pathom files written by other
 * people (../shared/realdata, see its README). Not a unit test: it needs those files.
 *
 *   npx tsx scripts/acceptance/services.ts [REALDATA_DIR]     (default /work/shared/realdata)
 *
 * 1. services/nakhonpathom_landmarks_wgs84.geojson (1,043 GISTDA landmarks) imported with the
 *    GISTDA mapping (typeMapping.ts): counts by class, what was ignored, problems, near-duplicates;
 *    the README's counts (04104 education 364, 04105 hospital / health station 151) are all
 *    accounted for (class + ignored).
 * 2. villages/village_points_TH73_anonymous.csv (real village points, X/Y columns) read as the
 *    CLI reads --villages.
 * 3. Nearest distance, nearest service and count within 5 km for every village and class equal a
 *    brute-force haversine scan (bruteForceReference.ts) exactly.
 * 4. The CLI (`access --type-map gistda`) on the same two files gives the same nearest ids and
 *    distances (rounded to 1e-6 km).
 * 5. Median and 95th-percentile nearest distance per class, people-free (each village counts once).
 * Exit code 1 if any check fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quantileSorted } from 'simple-statistics';
import access from '../../src/cli/commands/access';
import { findNearDuplicates } from '../../src/data/services/duplicates';
import { importServicesText, summariseReport } from '../../src/data/services/importServices';
import { GISTDA_LANDMARK_MAPPING } from '../../src/data/services/typeMapping';
import { readVillagePointsCsv } from '../../src/data/services/villagePointsCsv';
import { computeAccess } from '../../src/domain/access/accessMeasures';
import { bruteForceNearest } from '../../src/domain/access/bruteForceReference';

const root = process.argv[2] ?? '/work/shared/realdata';
const servicesPath = join(root, 'services/nakhonpathom_landmarks_wgs84.geojson');
const villagesPath = join(root, 'villages/village_points_TH73_anonymous.csv');
let failures = 0;
const check = (ok: boolean, what: string) => {
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${what}\n`);
  if (!ok) failures++;
};

// 1. Services.
const { services, report } = importServicesText(readFileSync(servicesPath, 'utf8'), servicesPath, {
  columns: { type: GISTDA_LANDMARK_MAPPING.typeColumn },
  mapper: GISTDA_LANDMARK_MAPPING.mapper,
});
process.stdout.write(`\n# import\n${summariseReport(report)}\n`);
process.stdout.write(`classes: ${JSON.stringify(report.countsByType)}\nignored by lm_type: ${JSON.stringify(report.ignored)}\n`);
for (const p of report.problems) process.stdout.write(`  ${p.severity}: ${p.message}\n`);
const c = report.countsByType;
check(report.rows === 1043, `1,043 features read (got ${report.rows})`);
check((c.school ?? 0) + (report.ignored['04104'] ?? 0) === 364, `04104: schools ${c.school} + ignored ${report.ignored['04104'] ?? 0} = 364 (README)`);
check(
  (c.hospital ?? 0) + (c.health_promoting_hospital ?? 0) + (report.ignored['04105'] ?? 0) === 151,
  `04105: hospitals ${c.hospital} + รพ.สต. ${c.health_promoting_hospital} + ignored ${report.ignored['04105'] ?? 0} = 151 (README)`,
);
check(report.problems.every((p) => p.severity !== 'error'), 'no service row refused');

// Duplicates at wider tolerances and by name, for information (the import reports ≤ 5 m).
for (const toleranceM of [5, 50, 200]) {
  const d = findNearDuplicates(services.lon, services.lat, services.typeCode, toleranceM);
  process.stdout.write(`same class within ${toleranceM} m: ${d.length}${d.length ? ` (e.g. ${d.slice(0, 3).map((x) => `${services.id[x.index]}≈${services.id[x.of]} ${x.distanceM.toFixed(0)} m`).join(', ')})` : ''}\n`);
}
const byName = new Map<string, number[]>();
for (let r = 0; r < services.count; r++) {
  const key = `${services.typeCode[r]}|${services.nameTh[r]}`;
  byName.set(key, [...(byName.get(key) ?? []), r]);
}
const sameName = [...byName.values()].filter((rows) => rows.length > 1);
process.stdout.write(`same class and Thai name: ${sameName.length} groups${sameName.length ? ` (${sameName.slice(0, 3).map((g) => `${services.nameTh[g[0]]}: ids ${g.map((r) => services.id[r]).join('/')}`).join('; ')})` : ''}\n`);

// 2. Villages.
const villages = readVillagePointsCsv(readFileSync(villagesPath, 'utf8'), villagesPath);
process.stdout.write(`\n# villages\n${villages.count} village points; ${villages.outsideThailand} outside Thailand; ${villages.notes.join('; ')}\n`);
check(villages.count > 900, `village points read (${villages.count})`);

// 3. Indexed results = brute force.
const t0 = performance.now();
const result = computeAccess({ lon: villages.lon, lat: villages.lat, people: new Float64Array(villages.count).fill(1) }, services, { radiusKm: 5, catchmentKm: 10 });
process.stdout.write(`\n# access (${(performance.now() - t0).toFixed(1)} ms for ${villages.count} villages × ${services.count} services)\n`);
for (const type of result.types) {
  const t = result.byType[type];
  const sLon = Array.from(t.serviceRows, (r) => services.lon[r]);
  const sLat = Array.from(t.serviceRows, (r) => services.lat[r]);
  const ref = bruteForceNearest(villages.lon, villages.lat, sLon, sLat, 5);
  let same = 0;
  for (let i = 0; i < villages.count; i++) {
    if (t.nearestKm[i] === ref.nearestKm[i] && t.nearestRow[i] === t.serviceRows[ref.nearestId[i]] && t.withinRadius[i] === ref.withinRadius[i]) same++;
  }
  check(same === villages.count, `${type}: nearest km, nearest service and count within 5 km equal brute force for ${same}/${villages.count} villages`);
  const sorted = Array.from(t.nearestKm).sort((a, b) => a - b);
  const q = (p: number) => quantileSorted(sorted, p).toFixed(2);
  process.stdout.write(`     ${type}: ${t.serviceRows.length} services; nearest km median ${q(0.5)}, 95th ${q(0.95)}, max ${sorted[sorted.length - 1].toFixed(2)}\n`);
}

// 4. The CLI on the same files.
let stdout = '';
let stderr = '';
await access(['--villages', villagesPath, '--services', servicesPath, '--type-map', 'gistda'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
const rows = JSON.parse(stdout) as { code: string; by_type: Record<string, { nearest_km: number; nearest_id: string }> }[];
let cliSame = 0;
rows.forEach((row, i) => {
  const ok = result.types.every((type) => {
    const t = result.byType[type];
    const e = row.by_type[type];
    return e && e.nearest_id === services.id[t.nearestRow[i]] && Math.abs(e.nearest_km - t.nearestKm[i]) <= 5e-7;
  });
  if (ok) cliSame++;
});
check(rows.length === villages.count && cliSame === villages.count, `CLI access --type-map gistda agrees for ${cliSame}/${villages.count} villages (classes ${Object.keys(rows[0]?.by_type ?? {}).join(', ')})`);

process.stdout.write(`\n${failures === 0 ? 'all checks passed' : `${failures} check(s) failed`}\n`);
process.exitCode = failures === 0 ? 0 : 1;
