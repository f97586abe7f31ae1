/**
 * Synthetic districts, subdistricts and villages inside the real province polygons.
 * Codes follow the DOPA pattern: district = province + 2 digits (01 = the capital district,
 * "Mueang"), subdistrict = district + 2 digits, village = subdistrict + moo number (01, 02 …).
 * Each step is a pure function of (seed, parent) so a province can be regenerated alone.
 */
import type { ProvinceName } from '../../src/data/datasetFormat';
import { BANGKOK_CODE, settlementDensity } from './geography';
import type { Area } from './provincePolygons';
import { Rng } from './rng';
import { areaKm2, type LonLat, pointIn, prepare, spreadSeeds, townSite, voronoiCells, contains } from './subdivide';

export interface GenArea {
  code: string;
  th: string;
  en: string;
  /** Seat (town) of the area: capital of a province, district seat, subdistrict centre. */
  seat: LonLat;
  cell: Area;
  areaKm2: number;
  /** Settlement weight = area × density at the seat (drives how many children it gets). */
  weight: number;
}

export interface GenVillage {
  code: number;
  lon: number;
  lat: number;
  /** Index of the subdistrict in the national subdistrict list. */
  subdistrict: number;
  /** Distance to the district seat and the province capital (km, planar approximation). */
  toSeatKm: number;
  toCapitalKm: number;
  density: number;
}

function km(a: LonLat, b: LonLat): number {
  const k = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * k, a[1] - b[1]) * 111.195;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function withWeight(a: Omit<GenArea, 'weight' | 'areaKm2'>): GenArea {
  const areaKm = areaKm2(a.cell);
  return { ...a, areaKm2: areaKm, weight: areaKm * settlementDensity(a.seat[0], a.seat[1]) };
}

/** Districts of one province: the capital district first (its seat is the provincial capital). */
export function generateDistricts(seed: number, province: ProvinceName, polygon: Area, count: number): GenArea[] {
  const rng = new Rng(seed, `districts/${province.code}`);
  const p = prepare(polygon);
  const capital = townSite(rng, p);
  const seeds = spreadSeeds(rng, p, count, 0.5, capital);
  const cells = voronoiCells(seeds, p);
  const bkk = province.code === BANGKOK_CODE;
  return cells.map((cell, i) => {
    const n = i + 1;
    const th = bkk ? `เขตที่ ${n}` : n === 1 ? `อำเภอเมือง${province.th}` : `อำเภอ${province.th} ${n}`;
    const en = bkk ? `Bangkok Khet ${n}` : n === 1 ? `Mueang ${province.en}` : `${province.en} District ${n}`;
    // The seat must lie in the clipped cell; a seed always does, since cells contain their seed.
    return withWeight({ code: `${province.code}${pad2(n)}`, th, en, seat: seeds[i], cell });
  });
}

/** Subdistricts of one district; the first one holds the district seat. */
export function generateSubdistricts(seed: number, district: GenArea, count: number, bangkok: boolean): GenArea[] {
  const rng = new Rng(seed, `subdistricts/${district.code}`);
  const p = prepare(district.cell);
  const first = contains(p, district.seat[0], district.seat[1]) ? district.seat : undefined;
  const seeds = spreadSeeds(rng, p, count, 0.35, first);
  const cells = voronoiCells(seeds, p);
  return cells.map((cell, i) => {
    const n = i + 1;
    const th = bangkok ? `แขวงที่ ${n}` : `ตำบลที่ ${n}`;
    const en = bangkok ? `Khwaeng ${n}` : `Tambon ${n}`;
    return withWeight({ code: `${district.code}${pad2(n)}`, th, en, seat: seeds[i], cell });
  });
}

/** Villages (moo) of one subdistrict, well spread inside it; moo 1 sits at the subdistrict centre. */
export function generateVillages(
  seed: number,
  sub: GenArea,
  subIndex: number,
  count: number,
  districtSeat: LonLat,
  capital: LonLat,
): GenVillage[] {
  const rng = new Rng(seed, `villages/${sub.code}`);
  const p = prepare(sub.cell);
  const seeds = spreadSeeds(rng, p, count, 0, undefined, 6);
  // Villages cluster a little towards the subdistrict centre (roads, the temple, the school).
  const pts = seeds.map((s, i): LonLat => {
    if (i === 0) return contains(p, sub.seat[0], sub.seat[1]) ? sub.seat : s;
    const t = 0.15 * rng.next();
    const q: LonLat = [s[0] + (sub.seat[0] - s[0]) * t, s[1] + (sub.seat[1] - s[1]) * t];
    return contains(p, q[0], q[1]) ? q : s;
  });
  return pts.map((q, i) => {
    const lon = Math.round(q[0] * 1e5) / 1e5;
    const lat = Math.round(q[1] * 1e5) / 1e5;
    return {
      code: Number(`${sub.code}${pad2(i + 1)}`),
      lon,
      lat,
      subdistrict: subIndex,
      toSeatKm: km([lon, lat], districtSeat),
      toCapitalKm: km([lon, lat], capital),
      density: settlementDensity(lon, lat),
    };
  });
}

export { pointIn, km };
