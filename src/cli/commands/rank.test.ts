import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readManifest } from '../../data/dataset';
import { readRasterGrid } from '../../data/geotiff/readRasterGrid';
import { DEMO_DATA_DIR, dirReader } from '../../data/nodeReader';
import { polygonZonalStats } from '../../domain/raster/polygonZonalStats';
import { rankAreas } from '../../domain/targeting/rankAreas';
import { CliError, type CliIo } from '../io';
import rank, { loadTargeting } from './rank';

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

describe('cli rank on the demo dataset', () => {
  it('refuses bad options before reading anything', async () => {
    await expect(rank(['--normalise', 'max'], capture())).rejects.toThrow(CliError);
    await expect(rank(['--potential-weights', '{oops'], capture())).rejects.toThrow(/not valid JSON/);
    await expect(rank(['--seed', '3'], capture())).rejects.toThrow(/--stability/);
    await expect(rank(['--within', 'TH'], capture())).rejects.toThrow(/DOPA code/);
  });

  it('provinces as CSV, lights alone: BOM, header block, a permutation of ranks, lights = polygon zonal statistics', async () => {
    const io = capture();
    await rank(['--level', 'province', '--format', 'csv', '--potential-weights', '{"lights_per_capita":1}'], io);
    const csv = io.out.join('');
    expect(csv.startsWith('\uFEFF# cheepao: targeting ranking')).toBe(true);
    const lines = csv.slice(1).split('\n');
    expect(lines).toContain('# weights: {"lights_per_capita":1,"lit_share":0,"lights_per_km2":0,"hospital_km":0,"hospital_2sfca":0,"health_promoting_hospital_km":0,"health_promoting_hospital_2sfca":0,"school_km":0,"school_2sfca":0,"road":0,"electricity":0,"water":0,"irrigation":0,"market":0,"internet":0}');
    const rows = Papa.parse<Record<string, string>>(lines.filter((l) => !l.startsWith('# ')).join('\n'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(77);
    expect(rows.map((r) => Number(r.rank)).sort((a, b) => a - b)).toEqual(Array.from({ length: 77 }, (_, i) => i + 1));
    for (const r of rows) expect(Number(r.score)).toBeCloseTo(Number(r['parts.need']) + Number(r['parts.potential']), 5);

    // Independent check: each province's lights input is its polygon's zonal sum ÷ its people.
    const manifest = await readManifest(dirReader(DEMO_DATA_DIR));
    const fc = JSON.parse(readFileSync(join(DEMO_DATA_DIR, manifest.files.boundaries!.province!), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const grid = await readRasterGrid(new Uint8Array(readFileSync(join(DEMO_DATA_DIR, manifest.files.ntl!))), { requireFullResolution: true });
    const z = polygonZonalStats(grid, fc.features.map((f) => f.geometry));
    const byCode = new Map(rows.map((r) => [r.code, r]));
    for (const k of [0, 10, 40]) {
      const code = String(fc.features[k].properties!.code);
      const row = byCode.get(code)!;
      expect(Number(row['inputs.lit_share'])).toBeCloseTo(z.litShare[k], 6);
      expect(Number(row['inputs.lights_per_capita'])).toBeCloseTo(z.sum[k] / Number(row.people), 5);
      expect(Number(row['inputs.lights_per_km2'])).toBeCloseTo(z.sum[k] / z.areaKm2[k], 5);
    }
  });

  it('districts within a province with stability: rows as the domain ranks them', async () => {
    const io = capture();
    await rank(['--level', 'district', '--within', '50', '--strategy', 'protection', '--stability', '40', '--seed', '7'], io);
    const rows = JSON.parse(io.out.join('')) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(String(r.code).startsWith('50')).toBe(true);
      expect(r).toHaveProperty('rank_median');
      expect(r).toHaveProperty('quadrant_flip_share');
      expect(Object.keys(r.parts as object)).toEqual(['need', 'low_potential']);
    }
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    expect(io.err.join('')).toMatch(/stability: 40 draws/);

    // The same settings through the domain directly give the same order.
    const { areas } = await loadTargeting(dirReader(DEMO_DATA_DIR), 'district');
    const r = rankAreas(areas, { within: '50', strategy: 'protection' });
    expect(rows.map((x) => x.code)).toEqual(Array.from(r.order, (i) => areas.codes[i]));
  });
});
