import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS, INDICATORS } from '../../domain/indicators';
import { referenceFigures, type ReferenceHousehold } from '../../domain/mpi/reference';
import { mulberry32 } from '../../data/households/generateHouseholdCsv';
import { HOUSEHOLD_COLUMNS } from '../../data/households/householdCsv';
import { CliError, type CliIo } from '../io';
import { province11111, tambol11111, villages11111, villagesCommon } from '../../data/tpmap/testFixtures';
import { AF_NEEDS_HOUSEHOLDS } from '../../data/tpmap/tpmapMeasures';
import importTpmap from './import-tpmap';
import ingestHouseholds from './ingest-households';
import mpi from './mpi';

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

// Seeded households in two provinces, written as the household CSV and ingested by the CLI.
const rnd = mulberry32(42);
const households: ReferenceHousehold[] = Array.from({ length: 400 }, () => ({
  village: ['50010101', '50010102', '50020101', '90010101', '90015101'][Math.floor(rnd() * 5)],
  deprived: INDICATORS.map(() => rnd() < 0.12),
  welfareCard: rnd() < 0.4,
  members: 1 + Math.floor(rnd() * 6),
}));
const dir = mkdtempSync(join(tmpdir(), 'cheepao-mpi-cli-'));
const csvPath = join(dir, 'households-2565.csv');
writeFileSync(csvPath, [HOUSEHOLD_COLUMNS.join(','), ...households.map((h) => [h.village, h.members, h.welfareCard ? 1 : 0, ...h.deprived.map((g) => (g ? 1 : 0))].join(','))].join('\n'));
const data = join(dir, 'dataset');

describe('cli mpi on a dataset written by ingest-households', () => {
  it('ingests, then reproduces the brute-force reference for every province, both measures', async () => {
    const io = capture();
    await ingestHouseholds([csvPath, '--out', data], io);
    expect(JSON.parse(io.out.join('')).households).toBe(400);
    for (const [args, settings] of [
      [['--measure', 'tpmap'], { measure: 'tpmap', k: NaN }],
      [['--measure', 'af', '--k', '1/3', '--welfare', 'nocard'], { measure: 'af', k: 1 / 3, welfare: 'nocard' }],
      [['--measure', 'af', '--k', '0.2', '--dimensions', 'health,income', '--weights', '{"health":2,"income":1}'], { measure: 'af', k: 0.2, dimensions: ['health', 'income'], weights: [...Array(4).fill(2 / 3 / 4), ...Array(8).fill(0), ...Array(3).fill(1 / 3 / 3), 0, 0] }],
    ] as const) {
      const out = capture();
      await mpi(['--data', data, '--level', 'province', ...args], out);
      const rows = JSON.parse(out.out.join(''));
      expect(rows.map((r: { code: string }) => r.code)).toEqual(['50', '90']);
      for (const row of rows) {
        const ref = referenceFigures(households, { dimensions: DIMENSION_IDS, weights: null, welfare: 'all', ...settings } as never, row.code);
        expect(Object.keys(row)).toEqual(['code', 'name', 'level', 'households', 'people', 'poor', 'target_poor', 'poor_no_card', 'rate', 'headcount_ratio', 'intensity', 'adjusted_headcount', 'poor_by_dimension', 'contribution_by_dimension']);
        expect([row.households, row.people, row.poor, row.target_poor, row.poor_no_card]).toEqual([ref.households, ref.people, ref.poor, ref.targetPoor, ref.poorNoCard]);
        expect(row.rate).toBeCloseTo(ref.rate, 12);
        expect(row.headcount_ratio).toBeCloseTo(ref.headcountRatio, 12);
        expect(row.intensity).toBeCloseTo(ref.intensity, 12);
        expect(row.adjusted_headcount).toBeCloseTo(ref.adjustedHeadcount, 12);
        expect(Object.values(row.poor_by_dimension)).toEqual(ref.poorByDimension);
        Object.values(row.contribution_by_dimension).forEach((c, d) => (Number.isNaN(ref.contributionByDimension[d]) ? expect(c).toBeNull() : expect(c).toBeCloseTo(ref.contributionByDimension[d], 12)));
      }
      expect(rows[0].name).toBe('เชียงใหม่'); // DOPA province table: 50 = Chiang Mai
    }
  });
  it('country row is TH; CSV flattens the objects and starts with a BOM', async () => {
    const io = capture();
    await mpi(['--data', data, '--level', 'country', '--format', 'csv'], io);
    const text = io.out.join('');
    expect(text.startsWith('\uFEFFcode,name,level,households')).toBe(true);
    expect(text).toContain('poor_by_dimension.health');
    expect(text.split('\n')[1].startsWith('TH,ประเทศไทย,country,400,')).toBe(true);
  });
  it('bad options give one-line CliErrors naming the option', async () => {
    const io = capture();
    await expect(mpi(['--data', data, '--k', '0'], io)).rejects.toThrow(CliError);
    await expect(mpi(['--data', data, '--k', '2'], io)).rejects.toThrow(/--k must be/);
    await expect(mpi(['--data', data, '--level', 'region'], io)).rejects.toThrow(/--level must be one of/);
    await expect(mpi(['--data', data, '--dimensions', 'wealth'], io)).rejects.toThrow(/unknown dimension "wealth"/);
    await expect(mpi(['--data', data, '--weights', '{"health":1,"h1":1}'], io)).rejects.toThrow(/do not mix/);
    await expect(mpi(['--data', data, '--year', '2550'], io)).rejects.toThrow(/has years 2565/);
    await expect(ingestHouseholds([csvPath, '--out', data], io)).rejects.toThrow(/not empty/);
  });
});

describe('cli mpi on a dataset written by import-tpmap', () => {
  it('imports TPMAP exports, reports the checks, gives the union measures and refuses AF', async () => {
    const src = mkdtempSync(join(tmpdir(), 'cheepao-tpmap-cli-'));
    const files = { '61_73_village_11111.csv': villages11111, '61_73_village_common.csv': villagesCommon, '61_73_tambol_11111.csv': tambol11111, '61_province_11111.csv': province11111 };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(src, name), text);
    const out = join(src, 'dataset');
    const io = capture();
    await importTpmap([src, '--out', out], io);
    const summary = JSON.parse(io.out.join(''));
    expect(summary).toMatchObject({ years: [2561], villages: 3, files: 4, unmatched: 1 });
    expect(io.err.join('')).toMatch(/29: province 29 is not a DOPA province code/);
    expect(io.err.join('')).toMatch(/subdistrict rows vs sums of village rows \(26 counts each\): 1\/2 match/);
    const rows = capture();
    await mpi(['--data', out, '--level', 'village'], rows);
    const v = JSON.parse(rows.out.join(''));
    expect(v.map((r: { code: string }) => r.code)).toEqual(['73010101', '73010102', '73010201']);
    expect(v[0]).toMatchObject({ people: 100, households: 40, poor: 10, target_poor: 4, poor_no_card: 6, rate: 0.04, intensity: null, adjusted_headcount: null });
    await expect(mpi(['--data', out, '--measure', 'af'], capture())).rejects.toThrow(AF_NEEDS_HOUSEHOLDS);
  });
});
