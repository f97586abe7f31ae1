import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import access from './access';
import { CliError } from '../io';
import { haversineKm } from '../../domain/geo';
import { pairsFromDistances, twoStepFloatingCatchment } from '../../domain/access/twoStepFca';

const dir = mkdtempSync(join(tmpdir(), 'cheepao-access-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const V = [
  ['73010101', 100.05, 13.82, 1000],
  ['73010102', 100.3, 13.9, 500],
  ['73010103', 100.12, 13.86, 2000],
] as const;
const S = [
  ['H1', 'hospital', 100.06, 13.82, 2],
  ['S1', 'school', 100.2, 13.85, 300],
  ['S2', 'school', 100.31, 13.91, 100],
] as const;
const villagesCsv = file('v.csv', 'code,lon,lat,people\n' + V.map((v) => v.join(',')).join('\n') + '\n');
const servicesCsv = file('s.csv', 'id,type,lon,lat,capacity\n' + S.map((s) => s.join(',')).join('\n') + '\n');
const servicesGeoJson = file(
  's.geojson',
  JSON.stringify({
    type: 'FeatureCollection',
    features: S.map(([id, type, lon, lat, capacity]) => ({ type: 'Feature', properties: { id, type, capacity }, geometry: { type: 'Point', coordinates: [lon, lat] } })),
  }),
);

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  await access(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { stdout, stderr };
}

/** Reference for one class: brute-force haversine and all-pairs 2SFCA (per 1,000 people). */
function reference(type: string, radiusKm: number, catchmentKm: number) {
  const fac = S.filter((s) => s[1] === type);
  const d = (i: number, j: number) => haversineKm(V[i][1], V[i][2], fac[j][2], fac[j][3]);
  const fca = twoStepFloatingCatchment(pairsFromDistances(V.length, fac.length, d, catchmentKm), V.map((v) => v[3]), fac.map((f) => f[4]));
  return V.map((_, i) => {
    let best = 0;
    for (let j = 1; j < fac.length; j++) if (d(i, j) < d(i, best)) best = j;
    return {
      nearest_km: Math.round(d(i, best) * 1e6) / 1e6,
      nearest_id: fac[best][0],
      within_radius: fac.filter((_, j) => d(i, j) <= radiusKm).length,
      twosfca: fca.accessibility[i] * 1000,
    };
  });
}

describe('cli access', () => {
  it('writes one JSON object per village with the classes of the services file (CSV and GeoJSON alike)', async () => {
    for (const services of [servicesCsv, servicesGeoJson]) {
      const { stdout } = await run(['--villages', villagesCsv, '--services', services, '--radius-km', '12', '--catchment-km', '15']);
      const rows = JSON.parse(stdout);
      expect(rows.map((r: { code: string }) => r.code)).toEqual(V.map((v) => v[0]));
      for (const type of ['hospital', 'school']) {
        const ref = reference(type, 12, 15);
        rows.forEach((r: { by_type: Record<string, { twosfca: number }> }, i: number) => {
          expect(Object.keys(r.by_type)).toEqual(['hospital', 'school']);
          const { twosfca, ...rest } = r.by_type[type];
          const { twosfca: refScore, ...refRest } = ref[i];
          expect(rest).toEqual(refRest);
          expect(twosfca).toBeCloseTo(refScore, 9);
        });
      }
    }
  });

  it('uses radius 5 km and catchment 10 km by default, and writes CSV with a BOM', async () => {
    const { stdout } = await run(['--villages', villagesCsv, '--services', servicesCsv, '--format', 'csv']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('\uFEFFcode,hospital_nearest_km,hospital_nearest_id,hospital_within_radius,hospital_twosfca,school_nearest_km,school_nearest_id,school_within_radius,school_twosfca');
    const ref = reference('school', 5, 10)[1];
    expect(lines[2].split(',').slice(5, 8)).toEqual([String(ref.nearest_km), ref.nearest_id, String(ref.within_radius)]);
  });

  it('names the file and line of bad input', async () => {
    const bad = file('bad.csv', 'id,type,lon,lat,capacity\nH1,hospital,100.06,13.82,2\nH2,hospital,east,13.9,1\n');
    await expect(run(['--villages', villagesCsv, '--services', bad])).rejects.toThrow(new CliError(`${bad}: line 3: longitude "east" ("lon") is not a number`));
    const { stdout, stderr } = await run(['--villages', villagesCsv, '--services', bad, '--lenient']);
    expect(JSON.parse(stdout)).toHaveLength(3);
    expect(stderr).toContain(`${bad}: line 3: longitude "east"`);
    await expect(run(['--villages', join(dir, 'missing.csv'), '--services', servicesCsv])).rejects.toThrow(/missing\.csv: cannot read \(ENOENT\)/);
    await expect(run(['--radius-km=-1'])).rejects.toThrow(/--radius-km must be a number/);
    await expect(run(['--bogus'])).rejects.toBeInstanceOf(CliError);
  });

  it('maps GISTDA landmark codes with --type-map gistda', async () => {
    const lm = file(
      'lm.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { lm_id: 1, lm_type: '04105', lm_name_t: 'โรงพยาบาลดอนตูม', lm_name_e: 'DON TUM HOSPITAL' }, geometry: { type: 'Point', coordinates: [100.06, 13.82] } },
          { type: 'Feature', properties: { lm_id: 2, lm_type: '04102', lm_name_t: 'วัด', lm_name_e: 'WAT' }, geometry: { type: 'Point', coordinates: [100.1, 13.8] } },
        ],
      }),
    );
    const rows = JSON.parse((await run(['--villages', villagesCsv, '--services', lm, '--type-map', 'gistda'])).stdout);
    expect(Object.keys(rows[0].by_type)).toEqual(['hospital']);
    expect(rows[0].by_type.hospital.nearest_id).toBe('1');
  });
});
