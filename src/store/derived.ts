/**
 * Values derived from state for the map and panels, memoised on the identity of their inputs
 * (state is immutable, so identity changes exactly when the inputs do).
 */
import { levelOfCode, type AdminLevel, villageCodeString } from '../domain/adminCodes';
import { classBreaks } from '../domain/classify';
import { measureValue, type MapMeasure } from '../domain/mapMeasures';
import { sequentialPalette } from '../map/colors';
import type { Classed, PointSet } from '../map/layers/areaLayers';
import type { LevelColumns } from '../worker/datasetSession';
import type { AppState, LoadedDataset, MeasureResult } from './store';

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

function levelCodes(ds: LoadedDataset, level: Exclude<AdminLevel, 'country'>): string[] {
  return level === 'village' ? villagePoints(ds).codes : ds.levelCodes[level];
}

/** The scope that legend breaks are computed over: the whole country or the selected province. */
export function classScope(s: Pick<AppState, 'classification' | 'selection'>): string | null {
  return s.classification.scope === 'province' && s.selection !== 'TH' ? s.selection.slice(0, 2) : null;
}

const classedCache = new WeakMap<MeasureResult, Map<string, Classed>>();
/** The map measure per area at `level`, classed by the chosen method over the chosen scope. */
export function measureClassed(s: Pick<AppState, 'result' | 'mapMeasure' | 'classification' | 'selection' | 'dataset'>, level: Exclude<AdminLevel, 'country'>): Classed | null {
  const { result, dataset: ds } = s;
  if (!result || !ds) return null;
  const scope = classScope(s);
  const key = JSON.stringify([level, s.mapMeasure, s.classification, scope]);
  let m = classedCache.get(result);
  if (!m) classedCache.set(result, (m = new Map()));
  const hit = m.get(key);
  if (hit) return hit;
  const cols = result.levels[level];
  const n = cols.people.length;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = cols.people[i] > 0 ? measureValue(cols, s.mapMeasure, i) : NaN;
  let basis: ArrayLike<number> = values;
  if (scope) {
    const codes = levelCodes(ds, level);
    basis = values.filter((_, i) => codes[i].startsWith(scope));
  }
  const breaks = classBreaks(basis, CLASS_COUNT, s.classification.method, s.classification.custom);
  const c: Classed = { values, position: ds.position, breaks, palette: sequentialPalette(breaks.length + 1), version: `${result.key}:${key}` };
  m.set(key, c);
  return c;
}

export const villagePoints = memo1((ds: LoadedDataset): Omit<PointSet, 'people'> => {
  const n = ds.villageCode.length;
  return {
    indices: Int32Array.from({ length: n }, (_, i) => i),
    codes: Array.from(ds.villageCode, (c) => villageCodeString(c)),
    lon: ds.lon,
    lat: ds.lat,
  };
});

/** Subdistrict points at the mean position of their villages. */
export const subdistrictCentres = memo1((ds: LoadedDataset) => {
  const n = ds.levelCodes.subdistrict.length;
  const lon = new Float64Array(n), lat = new Float64Array(n), w = new Float64Array(n);
  ds.villageCode.forEach((code, i) => {
    if (!Number.isFinite(ds.lon[i]) || !Number.isFinite(ds.lat[i])) return;
    const k = ds.position.get(villageCodeString(code).slice(0, 6))!;
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

/** The columns and row of an area code in a result. */
export function areaRow(result: MeasureResult | null, ds: LoadedDataset | null, code: string): { level: AdminLevel; cols: LevelColumns; i: number } | null {
  if (!result || !ds) return null;
  const level = levelOfCode(code);
  const i = code === 'TH' ? 0 : ds.position.get(code);
  if (i === undefined) return null;
  return { level, cols: result.levels[level], i };
}

export function valueAt(result: MeasureResult | null, ds: LoadedDataset | null, code: string, measure: MapMeasure): number {
  const r = areaRow(result, ds, code);
  return r ? measureValue(r.cols, measure, r.i) : NaN;
}
