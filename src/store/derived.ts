/**
 * Values derived from state for the map and panels, memoised on the identity of their inputs
 * (state is immutable, so identity changes exactly when the inputs do).
 */
import { levelOfCode, type AdminLevel } from '../domain/adminCodes';
import { quantileBreaks } from '../domain/classify';
import { sequentialPalette } from '../map/colors';
import type { Classed, PointSet } from '../map/layers/areaLayers';
import type { LevelTotals, TotalsByLevel } from '../worker/datasetSession';
import type { LoadedDataset } from './store';

export const CLASS_COUNT = 5;

/** Level of detail by zoom: areas a person can read at the national view, points when zoomed in. */
export function fillLevelForZoom(zoom: number): 'province' | 'district' {
  return zoom < 6.8 ? 'province' : 'district';
}
export function pointLevelForZoom(zoom: number): 'subdistrict' | 'village' | null {
  if (zoom >= 10) return 'village';
  if (zoom >= 8.3) return 'subdistrict';
  return null;
}

function memo1<A extends object, R>(fn: (a: A) => R): (a: A) => R {
  const cache = new WeakMap<A, R>();
  return (a) => {
    if (!cache.has(a)) cache.set(a, fn(a));
    return cache.get(a)!;
  };
}

export const rateOf = (t: LevelTotals, i: number): number => (t.people[i] > 0 ? t.targetPoor[i] / t.people[i] : NaN);

const ratesByLevel = memo1((totals: TotalsByLevel) => {
  const out = {} as Record<keyof TotalsByLevel, Float64Array>;
  for (const level of Object.keys(totals) as (keyof TotalsByLevel)[]) {
    const t = totals[level];
    out[level] = Float64Array.from(t.people, (_, i) => rateOf(t, i));
  }
  return out;
});

const classedCache = new WeakMap<TotalsByLevel, Map<string, Classed>>();
/** Target-poor rate per area at `level`, classed by national quantiles at that level. */
export function rateClassed(totals: TotalsByLevel, level: Exclude<AdminLevel, 'country'>, dataset: LoadedDataset, year: number): Classed {
  let m = classedCache.get(totals);
  if (!m) classedCache.set(totals, (m = new Map()));
  const hit = m.get(level);
  if (hit) return hit;
  const values = ratesByLevel(totals)[level];
  const breaks = quantileBreaks(values, CLASS_COUNT);
  const c: Classed = { values, position: dataset.position, breaks, palette: sequentialPalette(breaks.length + 1), version: `${year}:${level}` };
  m.set(level, c);
  return c;
}

export const villagePoints = memo1((ds: LoadedDataset): Omit<PointSet, 'people'> => {
  const n = ds.villageCode.length;
  return {
    indices: Int32Array.from({ length: n }, (_, i) => i),
    codes: Array.from(ds.villageCode, (c) => String(c).padStart(8, '0')),
    lon: ds.lon,
    lat: ds.lat,
  };
});

/** Subdistrict points at the people-weighted centre of their villages. */
export const subdistrictCentres = memo1((ds: LoadedDataset) => {
  const n = ds.levelCodes.subdistrict.length;
  const lon = new Float64Array(n), lat = new Float64Array(n), w = new Float64Array(n);
  ds.villageCode.forEach((code, i) => {
    const k = ds.position.get(String(code).padStart(8, '0').slice(0, 6))!;
    lon[k] += ds.lon[i];
    lat[k] += ds.lat[i];
    w[k] += 1;
  });
  for (let k = 0; k < n; k++) { lon[k] /= w[k]; lat[k] /= w[k]; }
  return { indices: Int32Array.from({ length: n }, (_, i) => i), codes: ds.levelCodes.subdistrict, lon, lat };
});

/** Bounding box [w, s, e, n] of the villages under an area code. */
export function villageBounds(ds: LoadedDataset, code: string): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const prefix = code === 'TH' ? '' : code;
  const lo = Number(prefix.padEnd(8, '0')), hi = Number(prefix.padEnd(8, '9'));
  for (let i = 0; i < ds.villageCode.length; i++) {
    const c = ds.villageCode[i];
    if (c < lo || c > hi) continue;
    const x = ds.lon[i], y = ds.lat[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < w) w = x; if (x > e) e = x; if (y < s) s = y; if (y > n) n = y;
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

export function totalsAt(totals: TotalsByLevel | undefined, ds: LoadedDataset | null, code: string): { level: AdminLevel; t: LevelTotals; i: number } | null {
  if (!totals || !ds) return null;
  const level = levelOfCode(code);
  const i = code === 'TH' ? 0 : ds.position.get(code);
  if (i === undefined) return null;
  return { level, t: totals[level], i };
}
