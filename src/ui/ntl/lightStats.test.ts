import { describe, expect, it } from 'vitest';
import { bufferAreaKm2, lightRow, rankAmong, siblingCodes, type LightContext } from './lightStats';
import type { NtlZonal } from '../../worker/ntl.worker';

// Hand-made zonal columns: three provinces, two districts of 10, two villages of 100101.
const cols = (sum: number[], valid: number[], lit: number[]) => ({
  sum: Float64Array.from(sum),
  mean: Float64Array.from(sum.map((s, i) => (valid[i] ? s / valid[i] : NaN))),
  validPixels: Uint32Array.from(valid),
  litPixels: Uint32Array.from(lit),
  litShare: Float64Array.from(lit.map((l, i) => (valid[i] ? l / valid[i] : NaN))),
});
const zonal: NtlZonal = {
  gen: 1, radiusKm: 2, thresholdNw: 0.5, ms: { villages: 0, polygons: 0 },
  village: cols([5, 7], [10, 10], [3, 4]),
  areas: {
    province: { codes: ['10', '50', '96'], areaKm2: Float64Array.from([1500, 20000, 4500]), ...cols([900, 300, 300], [100, 1000, 200], [90, 100, 20]) },
    district: { codes: ['1001', '1002'], areaKm2: Float64Array.from([10, 20]), ...cols([40, 60], [4, 6], [4, 5]) },
  },
};
const people: Record<string, number> = { TH: 3000, '10': 1000, '50': 1500, '96': 500, '1001': 100, '1002': 0, '10010101': 50 };
const ctx: LightContext = { zonal, villageCodes: ['10010101', '10010102'], people: (c) => people[c] ?? NaN };

describe('lightRow', () => {
  it('sums the provinces for the country (mean and lit share over all valid pixels)', () => {
    const r = lightRow(ctx, 'TH')!;
    expect(r.sum).toBe(1500);
    expect(r.validPixels).toBe(1300);
    expect(r.mean).toBeCloseTo(1500 / 1300, 12);
    expect(r.litShare).toBeCloseTo(210 / 1300, 12);
    expect(r.areaKm2).toBe(26000);
    expect(r.perCapita).toBe(0.5);
    expect(r.perKm2).toBeCloseTo(1500 / 26000, 12);
  });
  it('uses polygon areas for areas and the buffer cap for villages; no people → NaN per capita', () => {
    expect(lightRow(ctx, '1001')!.perKm2).toBe(4);
    expect(lightRow(ctx, '1002')!.perCapita).toBeNaN();
    const v = lightRow(ctx, '10010101')!;
    expect(v.perCapita).toBe(0.1);
    // Cap of 2 km on R = 6371.0088 km is π·2² within 1e-6 (flat-disc limit).
    expect(bufferAreaKm2(2)).toBeCloseTo(Math.PI * 4, 5);
    expect(v.perKm2).toBeCloseTo(5 / bufferAreaKm2(2), 12);
    expect(lightRow(ctx, '99')).toBeNull();
  });
});

describe('rankAmong', () => {
  it('ranks among the siblings, largest first, ties sharing the better rank', () => {
    expect(siblingCodes(ctx, '50')).toEqual(['10', '50', '96']);
    expect(rankAmong(ctx, '10', siblingCodes(ctx, '10'), 'sum')).toEqual({ rank: 1, of: 3 });
    expect(rankAmong(ctx, '96', siblingCodes(ctx, '96'), 'sum')).toEqual({ rank: 2, of: 3 });
    expect(rankAmong(ctx, '50', siblingCodes(ctx, '50'), 'sum')).toEqual({ rank: 2, of: 3 });
    // Per capita: 10 → 0.9, 96 → 0.6, 50 → 0.2.
    expect(rankAmong(ctx, '96', siblingCodes(ctx, '96'), 'perCapita')).toEqual({ rank: 2, of: 3 });
    expect(siblingCodes(ctx, '10010102')).toEqual(['10010101', '10010102']);
    expect(rankAmong(ctx, '10010102', siblingCodes(ctx, '10010102'), 'sum')).toEqual({ rank: 1, of: 2 });
    // 1002 has no people: not ranked per capita, and 1001 is ranked among 1 area.
    expect(rankAmong(ctx, '1002', siblingCodes(ctx, '1002'), 'perCapita')).toBeNull();
    expect(rankAmong(ctx, '1001', siblingCodes(ctx, '1001'), 'perCapita')).toEqual({ rank: 1, of: 1 });
  });
});
