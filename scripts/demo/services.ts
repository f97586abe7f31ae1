/**
 * Synthetic public services placed near the synthetic villages (DESIGN.md §2.4):
 *  - hospitals: one community hospital per district seat; the capital district has a general
 *    hospital instead (a regional hospital in large provinces); Bangkok gets general/regional
 *    hospitals in some khet. capacity = beds.
 *  - health_promoting_hospital (รพ.สต.): about one per subdistrict (a second one in large
 *    subdistricts); Bangkok's public-health centres stand in for them. capacity = registered
 *    population served, in thousands of people (rounded, ≥ 1).
 *  - schools (~29,000): primary, opportunity_expansion (primary + lower secondary), secondary,
 *    with OBEC size classes by students: small ≤ 120, medium 121–600, large 601–1,500,
 *    extra_large > 1,500. capacity = students.
 */
import type { GenArea, GenVillage } from './admin';
import { Rng } from './rng';

export interface ServiceRow {
  id: string;
  type: 'hospital' | 'health_promoting_hospital' | 'school';
  level: string;
  sizeClass: string;
  th: string;
  en: string;
  lon: number;
  lat: number;
  capacity: number;
}

export interface ServiceInputs {
  seed: number;
  provinces: { code: string; th: string; en: string; people: number }[];
  districts: (GenArea & { province: number; people: number })[];
  subdistricts: (GenArea & { district: number; people: number; villages: number[] })[];
  villages: GenVillage[];
  villagePeople: Float64Array;
}

const BKK = '10';

function jitter(rng: Rng, lon: number, lat: number, km: number): [number, number] {
  const d = (km / 111.195) * Math.sqrt(rng.next());
  const a = 2 * Math.PI * rng.next();
  return [Math.round((lon + (d * Math.cos(a)) / Math.cos((lat * Math.PI) / 180)) * 1e5) / 1e5, Math.round((lat + d * Math.sin(a)) * 1e5) / 1e5];
}

function schoolSizeClass(students: number): string {
  if (students <= 120) return 'small';
  if (students <= 600) return 'medium';
  if (students <= 1500) return 'large';
  return 'extra_large';
}

function shortDistrict(d: { th: string }): string {
  return d.th.replace(/^อำเภอ/, '').replace(/^เขต/, 'เขต');
}

export function generateServices(inp: ServiceInputs): ServiceRow[] {
  const out: ServiceRow[] = [];
  const hospitals: ServiceRow[] = [];
  const hps: ServiceRow[] = [];
  const schools: ServiceRow[] = [];
  const largeProvince = new Set(inp.provinces.filter((p) => p.people > 900_000).map((p) => p.code));

  // Hospitals
  inp.districts.forEach((d) => {
    const rng = new Rng(inp.seed, `hospital/${d.code}`);
    const prov = inp.provinces[d.province];
    const [lon, lat] = jitter(rng, d.seat[0], d.seat[1], 1.2);
    const n = Number(d.code.slice(2));
    if (prov.code === BKK) {
      if (n % 3 !== 1) return; // a hospital in every third khet
      const regional = n % 9 === 1;
      hospitals.push({
        id: '', type: 'hospital', level: regional ? 'regional' : 'general', sizeClass: '',
        th: `โรงพยาบาล${regional ? 'ศูนย์' : ''}กรุงเทพมหานคร ${n}`, en: `Bangkok ${regional ? 'Regional ' : 'General '}Hospital ${n}`,
        lon, lat, capacity: regional ? rng.int(8, 14) * 100 : rng.int(3, 8) * 100,
      });
      return;
    }
    if (n === 1) {
      const regional = largeProvince.has(prov.code);
      hospitals.push({
        id: '', type: 'hospital', level: regional ? 'regional' : 'general', sizeClass: '',
        th: regional ? `โรงพยาบาลศูนย์${prov.th}` : `โรงพยาบาล${prov.th}`, en: regional ? `${prov.en} Regional Hospital` : `${prov.en} Hospital`,
        lon, lat, capacity: regional ? rng.int(6, 12) * 100 : rng.int(2, 6) * 100,
      });
      // Large capital districts also keep a community-level hospital on the outskirts.
      if (!regional) return;
    }
    const beds = d.people > 120_000 ? 120 : d.people > 70_000 ? 90 : d.people > 35_000 ? 60 : 30;
    const [clon, clat] = n === 1 ? jitter(rng, d.seat[0], d.seat[1], 6) : [lon, lat];
    hospitals.push({
      id: '', type: 'hospital', level: 'community', sizeClass: '',
      th: `โรงพยาบาล${shortDistrict(d)}`, en: `${d.en} Hospital`, lon: clon, lat: clat, capacity: beds,
    });
  });

  // Sub-district health-promoting hospitals
  inp.subdistricts.forEach((s) => {
    const rng = new Rng(inp.seed, `hps/${s.code}`);
    const d = inp.districts[s.district];
    const bkk = s.code.startsWith(BKK);
    if (bkk && Number(s.code.slice(4)) !== 1) return; // one public-health centre per khet
    const count = bkk ? 1 : s.villages.length > 10 && rng.next() < 0.6 ? 2 : 1;
    for (let k = 0; k < count; k++) {
      const v = inp.villages[s.villages[k === 0 ? 0 : rng.int(1, s.villages.length - 1)]];
      const [lon, lat] = jitter(rng, v.lon, v.lat, 0.4);
      const served = (bkk ? inp.districts[s.district].people : s.people) / count;
      hps.push({
        id: '', type: 'health_promoting_hospital', level: '', sizeClass: '',
        th: bkk ? `ศูนย์บริการสาธารณสุข${shortDistrict(d)}` : `โรงพยาบาลส่งเสริมสุขภาพ${s.th}${k ? ` แห่งที่ ${k + 1}` : ''} ${shortDistrict(d)}`,
        en: bkk ? `${d.en} Public Health Centre` : `${s.en}${k ? ` (${k + 1})` : ''} Health Promoting Hospital, ${d.en}`,
        lon, lat, capacity: Math.max(1, Math.round(served / 1000)),
      });
    }
  });

  // Schools
  inp.districts.forEach((d, di) => {
    const rng = new Rng(inp.seed, `secondary/${d.code}`);
    const bkk = d.code.startsWith(BKK);
    const n = Math.min(6, 1 + Math.floor(d.people / (bkk ? 25_000 : 30_000)));
    const subs = inp.subdistricts.filter((s) => s.district === di);
    for (let k = 0; k < n; k++) {
      const s = subs[k % subs.length];
      const at = k === 0 ? d.seat : s.seat;
      const [lon, lat] = jitter(rng, at[0], at[1], 1.5);
      const students = Math.round(Math.exp(Math.log(k === 0 ? 1400 : 650) + 0.55 * rng.normal()));
      schools.push({
        id: '', type: 'school', level: 'secondary', sizeClass: schoolSizeClass(students),
        th: `โรงเรียนมัธยม${shortDistrict(d)}${k ? ` แห่งที่ ${k + 1}` : ''}`, en: `${d.en} Secondary School${k ? ` ${k + 1}` : ''}`,
        lon, lat, capacity: students,
      });
    }
  });
  inp.subdistricts.forEach((s) => {
    const rng = new Rng(inp.seed, `schools/${s.code}`);
    const d = inp.districts[s.district];
    const bkk = s.code.startsWith(BKK);
    if (rng.next() < (bkk ? 0.3 : 0.92)) {
      const v = inp.villages[s.villages[0]];
      const [lon, lat] = jitter(rng, v.lon, v.lat, 0.5);
      const students = Math.round(Math.exp(Math.log(210) + 0.5 * rng.normal()));
      schools.push({
        id: '', type: 'school', level: 'opportunity_expansion', sizeClass: schoolSizeClass(students),
        th: `โรงเรียนขยายโอกาส${s.th} ${shortDistrict(d)}`, en: `${s.en} Opportunity Expansion School, ${d.en}`,
        lon, lat, capacity: students,
      });
    }
    for (const vi of s.villages) {
      const v = inp.villages[vi];
      if (rng.next() >= (bkk ? 0.9 : 0.27)) continue;
      const [lon, lat] = jitter(rng, v.lon, v.lat, 0.3);
      const catchment = inp.villagePeople[vi] * (bkk ? 0.5 : 2.6);
      const students = Math.max(12, Math.round(catchment * 0.09 * Math.exp(0.35 * rng.normal())));
      const moo = Number(String(v.code).slice(-2));
      schools.push({
        id: '', type: 'school', level: 'primary', sizeClass: schoolSizeClass(students),
        th: `โรงเรียนบ้านหมู่ ${moo} ${s.th} ${shortDistrict(d)}`, en: `Ban Moo ${moo} School, ${s.en}, ${d.en}`,
        lon, lat, capacity: students,
      });
    }
  });

  hospitals.forEach((h, i) => out.push({ ...h, id: `HOS${String(i + 1).padStart(4, '0')}` }));
  hps.forEach((h, i) => out.push({ ...h, id: `HPH${String(i + 1).padStart(5, '0')}` }));
  schools.forEach((h, i) => out.push({ ...h, id: `SCH${String(i + 1).padStart(5, '0')}` }));
  return out;
}

function csvField(s: string | number): string {
  const t = String(s);
  return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export const SERVICES_HEADER = 'id,type,level,size_class,name_th,name_en,lon,lat,capacity';

export function servicesCsv(rows: ServiceRow[]): string {
  const lines = [SERVICES_HEADER];
  for (const r of rows) lines.push([r.id, r.type, r.level, r.sizeClass, r.th, r.en, r.lon.toFixed(5), r.lat.toFixed(5), r.capacity].map(csvField).join(','));
  return lines.join('\n') + '\n';
}
