/**
 * Light statistics of one area for the panel, from the worker's zonal columns: villages from
 * their buffers, subdistricts/districts/provinces from their polygons, the country as the sum of
 * its provinces (pixels whose centre lies in a province). Per capita and per km² follow issue 4:
 * sum ÷ people surveyed, sum ÷ area (polygon: geodesic area; village: the buffer's spherical cap).
 * Also the rank of an area among its siblings (same level, same parent).
 */
import { EARTH_RADIUS_KM } from '../../domain/geo';
import { childLevel, levelOfCode, parentCode } from '../../domain/adminCodes';
import { perCapita, perKm2 } from '../../domain/raster/zonalStats';
import type { NtlZonal, PolygonLevel, StatsColumns } from '../../worker/ntl.worker';

export interface LightRow {
  code: string;
  sum: number;
  mean: number;
  validPixels: number;
  litShare: number;
  perCapita: number;
  perKm2: number;
  areaKm2: number;
  people: number;
}

export type LightMetric = 'sum' | 'mean' | 'litShare' | 'perCapita' | 'perKm2';
export const LIGHT_METRICS: LightMetric[] = ['sum', 'mean', 'litShare', 'perCapita', 'perKm2'];

/** Area of a spherical cap of angular radius r/R: 2πR²(1 − cos(r/R)), km². */
export function bufferAreaKm2(radiusKm: number): number {
  return 2 * Math.PI * EARTH_RADIUS_KM ** 2 * (1 - Math.cos(radiusKm / EARTH_RADIUS_KM));
}

/** What the panel needs from the loaded dataset and measures. */
export interface LightContext {
  zonal: NtlZonal;
  /** 8-digit village codes in dataset order (aligned with zonal.village). */
  villageCodes: string[];
  /** People surveyed per code ('TH' included); NaN/undefined when unknown. */
  people: (code: string) => number;
}

const indexCache = new WeakMap<object, Map<string, number>>();
function indexOf(codes: string[]): Map<string, number> {
  let m = indexCache.get(codes);
  if (!m) {
    m = new Map(codes.map((c, i) => [c, i]));
    indexCache.set(codes, m);
  }
  return m;
}

function rowFrom(cols: StatsColumns, i: number, code: string, areaKm2: number, people: number): LightRow {
  const sum = cols.sum[i];
  return { code, sum, mean: cols.mean[i], validPixels: cols.validPixels[i], litShare: cols.litShare[i], areaKm2, people, perCapita: perCapita(sum, people), perKm2: perKm2(sum, areaKm2) };
}

/** The light statistics of `code` ('TH', or a 2/4/6/8-digit DOPA code); null when not computed. */
export function lightRow(ctx: LightContext, code: string): LightRow | null {
  const { zonal } = ctx;
  if (code === 'TH') {
    const p = zonal.areas.province;
    if (!p) return null;
    let sum = 0;
    let valid = 0;
    let lit = 0;
    let area = 0;
    for (let i = 0; i < p.codes.length; i++) {
      sum += p.sum[i];
      valid += p.validPixels[i];
      lit += p.litPixels[i];
      area += p.areaKm2[i];
    }
    const people = ctx.people('TH');
    return { code, sum, mean: valid ? sum / valid : NaN, validPixels: valid, litShare: valid ? lit / valid : NaN, areaKm2: area, people, perCapita: perCapita(sum, people), perKm2: perKm2(sum, area) };
  }
  const level = levelOfCode(code);
  if (level === 'village') {
    const i = indexOf(ctx.villageCodes).get(code);
    return i === undefined ? null : rowFrom(zonal.village, i, code, bufferAreaKm2(zonal.radiusKm), ctx.people(code));
  }
  const a = zonal.areas[level as PolygonLevel];
  if (!a) return null;
  const i = indexOf(a.codes).get(code);
  return i === undefined ? null : rowFrom(a, i, code, a.areaKm2[i], ctx.people(code));
}

/** Codes of the areas that share `code`'s level and parent (itself included). */
export function siblingCodes(ctx: LightContext, code: string): string[] {
  if (code === 'TH') return ['TH'];
  const level = levelOfCode(code);
  const parent = parentCode(code) ?? 'TH';
  const all = level === 'village' ? ctx.villageCodes : ctx.zonal.areas[level as PolygonLevel]?.codes ?? [];
  return parent === 'TH' ? all : all.filter((c) => c.startsWith(parent));
}

/** Codes of the areas one level below `code` ('TH' → provinces, subdistrict → its villages). */
export function childCodes(ctx: LightContext, code: string): string[] {
  const level = levelOfCode(code);
  const child = childLevel(level);
  if (!child || child === 'country') return [];
  const all = child === 'village' ? ctx.villageCodes : ctx.zonal.areas[child as PolygonLevel]?.codes ?? [];
  return code === 'TH' ? all : all.filter((c) => c.startsWith(code));
}

/**
 * Rank of `code` among `siblings` by `metric`, largest first (1 = brightest); ties share the
 * better rank; areas without a value are not ranked. Null when `code` has no value.
 */
export function rankAmong(ctx: LightContext, code: string, siblings: string[], metric: LightMetric): { rank: number; of: number } | null {
  const mine = lightRow(ctx, code)?.[metric];
  if (mine === undefined || !Number.isFinite(mine)) return null;
  let above = 0;
  let of = 0;
  for (const c of siblings) {
    const v = lightRow(ctx, c)?.[metric];
    if (v === undefined || !Number.isFinite(v)) continue;
    of++;
    if (v > mine) above++;
  }
  return { rank: above + 1, of };
}
