import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from '../../domain/indicators';
import { importTpmap } from './importTpmap';
import { expectedProvinceTargetPoor, nationalTpmapExport } from './nationalFixture';
import { tpmapMeasures } from './tpmapMeasures';

describe('a generated national TPMAP export with split village records', () => {
  const files = [...nationalTpmapExport({ districtsPerProvince: 2, subdistrictsPerDistrict: 2, villagesPerSubdistrict: 3, splitShare: 0.25, tables: ['11111', '10000'] })];
  const r = importTpmap(files);
  it('has the real layout: 76 provinces, village/tambol/amphur tables per set and the province tables', () => {
    expect(files.length).toBe(76 * 3 * 3 + 3);
    expect(r.report.problemCount).toBe(0);
  });
  it('sums split records into their villages: every province equals its published province row', () => {
    const villageFiles = r.report.files.filter((f) => f.level === 'village' && f.table === '11111');
    const split = villageFiles.reduce((s, f) => s + f.split.villages, 0);
    expect(split).toBeGreaterThan(50);
    expect(villageFiles.reduce((s, f) => s + f.rows, 0)).toBe(76 * 12);
    // Every published coarser row equals the sum of the finer rows, at every level.
    for (const c of r.report.checks) expect(c.matched, `${c.table} ${c.level} vs ${c.summedLevel}`).toBe(c.compared);
    const expected = expectedProvinceTargetPoor(files);
    const m = tpmapMeasures(r.counts.get(2561)!, { measure: 'tpmap', dimensions: DIMENSION_IDS, k: 1, weights: null, welfare: 'all' });
    const p = m.levels.province;
    for (const [code, target] of expected) expect(p.targetPoor[p.codes.indexOf(code)], code).toBe(target);
    expect(m.levels.country.targetPoor[0]).toBe([...expected.values()].reduce((a, b) => a + b, 0));
  });
});
