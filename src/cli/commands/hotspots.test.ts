import { describe, expect, it } from 'vitest';
import { CliError, type CliIo } from '../io';
import { CLUSTER_LABELS } from '../../domain/hotspots';
import hotspots from './hotspots';
import mpi from './mpi';

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

interface Row {
  code: string;
  value: number | null;
  local_i: number | null;
  gi_star_z: number | null;
  p: number | null;
  cluster: string;
  neighbours: number;
}

describe('cli hotspots on the embedded demo dataset', () => {
  it('subdistricts, queen, defaults: one row per subdistrict in DOPA order, values = cli mpi rate', async () => {
    const io = capture();
    await hotspots([], io);
    const rows: Row[] = JSON.parse(io.out.join(''));
    expect(rows).toHaveLength(7435);
    expect(Object.keys(rows[0])).toEqual(['code', 'value', 'local_i', 'gi_star_z', 'p', 'cluster', 'neighbours']);
    expect(rows.map((r) => r.code)).toEqual(rows.map((r) => r.code).sort());
    const m = capture();
    await mpi(['--level', 'subdistrict'], m);
    const rate = new Map((JSON.parse(m.out.join('')) as { code: string; rate: number | null }[]).map((r) => [r.code, r.rate]));
    for (const r of rows) expect(r.value).toBe(rate.get(r.code));
    for (const r of rows) {
      expect(CLUSTER_LABELS).toContain(r.cluster);
      if (r.neighbours === 0) expect(r.cluster).toBe('isolated');
      else expect(r.p! > 0 && r.p! <= 1).toBe(true);
      if (r.cluster === 'high-high') expect(r.local_i! > 0 && r.value! > 0).toBe(true);
    }
    expect(io.err.join('')).toMatch(/7435 subdistrict areas, rate, queen/);
    // The permutation floor note: 1/1000 > 0.05 / 7435.
    expect(io.err.join('')).toMatch(/smallest possible p is 0\.00100/);
  });

  it('is reproducible with a seed and changes with another; Bonferroni keeps a subset of FDR', async () => {
    const run = async (args: string[]) => {
      const io = capture();
      await hotspots(['--permutations', '199', ...args], io);
      return JSON.parse(io.out.join('')) as Row[];
    };
    const a = await run(['--seed', '7']);
    const b = await run(['--seed', '7']);
    const c = await run(['--seed', '8']);
    expect(a).toEqual(b);
    expect(a.map((r) => r.p)).not.toEqual(c.map((r) => r.p));
    const bon = await run(['--seed', '7', '--correction', 'bonferroni']);
    bon.forEach((r, i) => r.cluster !== 'not_significant' && expect(r.cluster).toBe(a[i].cluster));
    // 1/200 > 0.05/7435: Bonferroni can keep nothing.
    expect(bon.every((r) => r.cluster === 'not_significant' || r.cluster === 'isolated')).toBe(true);
  });

  it('villages, knn:8 by default, CSV with BOM', async () => {
    const io = capture();
    await hotspots(['--level', 'village', '--measure', 'target_poor', '--permutations', '99', '--format', 'csv'], io);
    const lines = io.out.join('').trimEnd().split('\n');
    expect(lines[0]).toBe('\uFEFFcode,value,local_i,gi_star_z,p,cluster,neighbours');
    expect(lines).toHaveLength(75_001);
    expect(lines.slice(1).every((l) => l.endsWith(',8'))).toBe(true);
    expect(io.err.join('')).toMatch(/knn:8/);
  });

  it('bad options give one-line CliErrors naming the option', async () => {
    const io = capture();
    await expect(hotspots(['--level', 'district'], io)).rejects.toThrow(CliError);
    await expect(hotspots(['--level', 'village', '--weights', 'queen'], io)).rejects.toThrow(/villages are points/);
    await expect(hotspots(['--weights', 'rook'], io)).rejects.toThrow(/--weights must be queen or knn:K/);
    await expect(hotspots(['--permutations', '100000'], io)).rejects.toThrow(/--permutations/);
    await expect(hotspots(['--permutations', '9.5'], io)).rejects.toThrow(/whole number/);
    await expect(hotspots(['--correction', 'holm'], io)).rejects.toThrow(/--correction must be one of/);
    await expect(hotspots(['--measure', 'wealth'], io)).rejects.toThrow(/--measure must be one of/);
    await expect(hotspots(['--alpha', '2'], io)).rejects.toThrow(/--alpha/);
    await expect(hotspots(['--year', '2550'], io)).rejects.toThrow(/has years 2562, 2565/);
  });
});
