/**
 * Reads a generated dataset directory back through the app's own loaders (src/data/dataset.ts)
 * and returns national and per-province totals, so the generator's output is checked by the
 * same code the app and the CLI use.
 */
import { readAreas, readManifest, readProfiles, readVillageBasic, readVillages, readText } from '../../src/data/dataset';
import { dirReader } from '../../src/data/nodeReader';
import { ALL_INDICATORS_MASK, WELFARE_CARD_MASK } from '../../src/domain/indicators';

export interface ReadBackYear {
  year: number;
  households: number;
  people: number;
  targetPoor: number;
  poorNoCard: number;
  rows: number;
  /** Target-poor rate per province code (%). */
  provinceRatePct: Record<string, number>;
}

export async function readBack(dir: string): Promise<{ provinces: number; districts: number; subdistricts: number; villages: number; services: number; basicFields: number; years: ReadBackYear[] }> {
  const read = dirReader(dir);
  const m = await readManifest(read);
  const areas = await readAreas(read, m);
  const v = await readVillages(read, m);
  for (let i = 1; i < v.count; i++) if (v.code[i] <= v.code[i - 1]) throw new Error(`villages not sorted at ${i}`);
  const years: ReadBackYear[] = [];
  for (const year of m.years) {
    const p = await readProfiles(read, m, year, v.count);
    let households = 0, people = 0, targetPoor = 0, poorNoCard = 0;
    const pp = new Map<string, [number, number]>();
    for (let i = 0; i < v.count; i++) {
      const prov = String(v.code[i]).padStart(8, '0').slice(0, 2);
      let acc = pp.get(prov);
      if (!acc) pp.set(prov, (acc = [0, 0]));
      for (let r = p.villageStart[i]; r < p.villageStart[i + 1]; r++) {
        const mask = p.mask[r];
        households += p.households[r];
        people += p.persons[r];
        acc[1] += p.persons[r];
        if (mask & ALL_INDICATORS_MASK) {
          if (mask & WELFARE_CARD_MASK) {
            targetPoor += p.persons[r];
            acc[0] += p.persons[r];
          } else poorNoCard += p.persons[r];
        }
      }
    }
    const provinceRatePct = Object.fromEntries([...pp].map(([k, [t, n]]) => [k, (100 * t) / n]));
    years.push({ year, households, people, targetPoor, poorNoCard, rows: p.mask.length, provinceRatePct });
  }
  const basic = await readVillageBasic(read, m);
  const services = m.files.services ? (await readText(read, m.files.services)).trim().split('\n').length - 1 : 0;
  return {
    provinces: areas.provinces.length,
    districts: areas.districts.length,
    subdistricts: areas.subdistricts.length,
    villages: v.count,
    services,
    basicFields: basic ? Object.keys(basic).length : 0,
    years,
  };
}
