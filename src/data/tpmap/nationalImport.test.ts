/**
 * The whole import path (importIntoWorkspace → readTpmapFiles → the byte reader → the counts
 * file → the session's measures) on a generated national-shaped folder (reduced size; the full
 * size runs in `npm run bench -- workspace`): every total must equal the generator's own sums of
 * its village records, so speed work cannot lose records. With the 16 letter-coded communities
 * of the real 2561 export's shape (issue 14.5): they count in their subdistrict, district,
 * province and the country, and the report lists them.
 */
import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from '../../domain/indicators';
import { mulberry32 } from '../../domain/random';
import { readAreas, readManifest, readVillages } from '../dataset';
import { importIntoWorkspace, type InputFile } from '../workspace/importWorkspace';
import { readTpmapCounts } from './countsFile';
import { expectedTargetPoor, LETTER_CODED_COMMUNITIES, nationalTpmapExport } from './nationalFixture';
import { TpmapImporter } from './importTpmap';
import { readTpmapFiles } from './readTpmapFiles';
import { tpmapMeasures } from './tpmapMeasures';

const files = [...nationalTpmapExport({ districtsPerProvince: 2, subdistrictsPerDistrict: 2, villagesPerSubdistrict: 3, municipalPerDistrict: 1, splitShare: 0.2, tables: ['11111', '01000'], communities: [...LETTER_CODED_COMMUNITIES, '730151A001'] })];
const enc = new TextEncoder();

/** Inputs as the worker and the CLI give them; chunks() gives the file in seeded odd-sized pieces. */
function inputs(seed = 16): InputFile[] {
  const rnd = mulberry32(seed);
  return files.map((f) => {
    const bytes = enc.encode(f.text);
    return {
      name: f.name,
      size: bytes.length,
      bytes: async () => bytes,
      head: async () => bytes.subarray(0, 65536),
      text: async () => f.text,
      async *chunks() {
        for (let o = 0; o < bytes.length; ) {
          const n = 1 + Math.floor(rnd() * 300);
          yield bytes.subarray(o, o + n);
          o += n;
        }
      },
    };
  });
}

describe('files streamed in pieces read the same as whole files', () => {
  it('gives identical tables, rows and report', async () => {
    const whole = new TpmapImporter();
    const streamed = new TpmapImporter();
    await readTpmapFiles(inputs(), whole);
    await readTpmapFiles(inputs(), streamed, { streamAboveBytes: 0 });
    const a = whole.finish();
    const b = streamed.finish();
    expect(b.report).toEqual(a.report);
    for (const [key, t] of a.counts.get(2561)!.tables) expect([...b.counts.get(2561)!.tables.get(key)!], key).toEqual([...t]);
  });
});

describe('count tables sized from the announced files (TpmapImporter.plan)', () => {
  it('read the same tables as files added without a plan, in storage close to the final size', async () => {
    const planned = new TpmapImporter();
    await readTpmapFiles(inputs(), planned); // readTpmapFiles announces the files first
    const unplanned = new TpmapImporter();
    for (const f of files) unplanned.add(f.name, f.text);
    const a = unplanned.finish();
    const b = planned.finish();
    expect(b.report).toEqual(a.report);
    const tables = b.counts.get(2561)!.tables;
    for (const [key, t] of a.counts.get(2561)!.tables) expect([...tables.get(key)!], key).toEqual([...t]);
    // The estimate (rows per byte × the level's bytes, + 5 %) covers every area and wastes little.
    const index = [...tables.values()][0].index;
    expect(index.expectedSize).toBeGreaterThanOrEqual(index.size);
    expect(index.expectedSize).toBeLessThan(index.size * 1.2 + 64);
    for (const t of tables.values()) expect(t.present.length).toBeLessThanOrEqual(index.expectedSize * 1.25);
  });
});

describe('a generated national TPMAP folder through the workspace import', async () => {
  const progress: [number, number, number | undefined][] = [];
  const { write, report } = await importIntoWorkspace(null, inputs(), { now: () => new Date('2026-12-03T00:00:00Z'), onProgress: (d, n, _f, b, bt) => progress.push([d, n, b === undefined || bt === undefined ? undefined : b / bt]) });
  const read = async (n: string) => {
    const b = write.files.get(n);
    if (!b) throw new Error(`missing ${n}`);
    return b;
  };
  const manifest = await readManifest(read);
  const counts = await readTpmapCounts(read, manifest, 2561);
  const m = tpmapMeasures(counts, { measure: 'tpmap', dimensions: DIMENSION_IDS, k: 1, weights: null, welfare: 'all' });
  const at = (level: 'province' | 'district' | 'subdistrict', code: string) => m.levels[level].targetPoor[m.levels[level].codes.indexOf(code)];

  it('reads every file and row: no problem, every published row equals the sum of its finer rows', () => {
    expect(report.refused).toEqual([]);
    const line = report.lines.find((l) => l.kind === 'tpmap')!;
    expect(line.summary).toMatch(/all checks match/);
    expect(line.summary).not.toMatch(/row problems/);
    expect(manifest.files.tpmapCounts).toEqual({ '2561': 'tpmap-2561.bin' });
    // Every file a layer lists is written (an import --into copies the base's files by its layers).
    expect(manifest.layers!.find((l) => l.kind === 'poverty')!.files).toEqual(['tpmap-2561.bin']);
    for (const l of manifest.layers!) for (const f of l.files) expect(write.files.has(f), `${l.id}: ${f}`).toBe(true);
  });

  it('gives each province, district, subdistrict and the country the generator’s totals', () => {
    // The expected values are the generator's sums of its own village records (community records included).
    for (const [digits, level] of [[2, 'province'], [4, 'district'], [6, 'subdistrict']] as const) {
      const expected = expectedTargetPoor(files, digits);
      expect(expected.size).toBeGreaterThan(70);
      for (const [code, target] of expected) expect(at(level, code), `${level} ${code}`).toBe(target);
    }
    const national = [...expectedTargetPoor(files, 2).values()].reduce((a, b) => a + b, 0);
    expect(m.levels.country.targetPoor[0]).toBe(national);
    // The villages' own rows add up to it too: nothing was dropped at village level.
    const v = m.levels.village;
    expect(v.targetPoor.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0)).toBe(national);
  });

  it('keeps the 16 letter-coded communities (and one in a subdistrict with villages) as villages of their subdistrict, listed with their ids', async () => {
    const line = report.lines.find((l) => l.kind === 'tpmap')!;
    expect(line.summary).toMatch(/17 letter-coded communities kept in their subdistrict/);
    expect(line.details.filter((d) => d.startsWith('community '))).toHaveLength(17);
    expect(line.details).toContain('community 901151A001 (2561) → village 90115199 of subdistrict 901151');
    expect(line.details).toContain('community 901151A010 (2561) → village 90115190 of subdistrict 901151');
    expect(line.details).toContain('community 340151A101 (2561) → village 34015199 of subdistrict 340151');
    expect(line.details).toContain('community 730151A001 (2561) → village 73015199 of subdistrict 730151');
    const villages = await readVillages(read, manifest);
    expect(Array.from(villages.code).filter((c) => Math.floor(c / 100) === 901151)).toEqual(Array.from({ length: 10 }, (_, i) => 90115190 + i));
    // A subdistrict with numbered villages keeps them; its community takes the top moo.
    expect(Array.from(villages.code).filter((c) => Math.floor(c / 100) === 730151)).toEqual([73015101, 73015102, 73015103, 73015199]);
    const areas = await readAreas(read, manifest);
    expect(areas.villages!.find((a) => a.code === '90115199')).toEqual({ code: '90115199', th: 'ชุมชน 901151A001', en: 'community 901151A001', tpmapId: '901151A001' });
    expect(counts.communities!.get('34015194')).toBe('340151A106');
    // Subdistrict 901151 = its 3 numbered villages + the 10 communities, as the published tambol row says.
    expect(at('subdistrict', '901151')).toBe(expectedTargetPoor(files, 6).get('901151'));
  });

  it('reports progress by files and by bytes, ending at all of both', () => {
    const last = progress[progress.length - 1];
    expect(last).toEqual([files.length, files.length, 1]);
    const byBytes = progress.map((p) => p[2]).filter((x): x is number => x !== undefined);
    for (let i = 1; i < byBytes.length; i++) expect(byBytes[i]).toBeGreaterThanOrEqual(byBytes[i - 1]);
  });
});
