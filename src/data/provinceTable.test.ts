import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVINCES, provinceByCode, REGIONS } from './provinceTable';

// OCHA COD-AB (RTSD 2019) admin-1 file: an independent source for codes and Thai names.
const OCHA_ADM1 = '/work/shared/realdata/admin/th_adm1.geojson';

describe('province table', () => {
  it('has 77 unique 2-digit codes and names', () => {
    expect(PROVINCES).toHaveLength(77);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(77);
    expect(new Set(PROVINCES.map((p) => p.th)).size).toBe(77);
    expect(new Set(PROVINCES.map((p) => p.en)).size).toBe(77);
    for (const p of PROVINCES) {
      expect(p.code).toMatch(/^[1-9][0-9]$/);
      expect(REGIONS).toContain(p.region);
    }
  });

  it('names the well-known provinces correctly (DOPA codes)', () => {
    // DOPA codes as published in the ministry's province code list (and ISO 3166-2:TH).
    expect(provinceByCode('10')).toMatchObject({ th: 'กรุงเทพมหานคร', en: 'Bangkok', region: 'bangkok' });
    expect(provinceByCode('50')).toMatchObject({ th: 'เชียงใหม่', en: 'Chiang Mai', region: 'north' });
    expect(provinceByCode('73')).toMatchObject({ th: 'นครปฐม', en: 'Nakhon Pathom' });
    expect(provinceByCode('38')).toMatchObject({ th: 'บึงกาฬ', en: 'Bueng Kan', region: 'northeast' });
    expect(provinceByCode('96')).toMatchObject({ th: 'นราธิวาส', region: 'south' });
    expect(provinceByCode('99')).toBeUndefined();
  });

  it('contains every province of the OCHA admin-1 file with the same Thai name', (ctx) => {
    if (!existsSync(OCHA_ADM1)) {
      console.warn(`skipped: ${OCHA_ADM1} is absent (real-data cross-check only runs where ../shared/realdata exists)`);
      ctx.skip();
      return;
    }
    const fc = JSON.parse(readFileSync(OCHA_ADM1, 'utf8')) as { features: { properties: { adm1_pcode: string; adm1_th: string } }[] };
    expect(fc.features).toHaveLength(77);
    for (const f of fc.features) {
      const code = f.properties.adm1_pcode.replace(/^TH/, '');
      expect(provinceByCode(code)?.th, `OCHA ${f.properties.adm1_pcode}`).toBe(f.properties.adm1_th.trim());
    }
  });
});
