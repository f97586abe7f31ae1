/**
 * The progress map (issue 11) as a layer source: when the app's map mode is 'progress' (the
 * need choropleth and its legend step aside, MapView/Legend), it draws "% of the target group
 * resolved" at the level of detail the zoom implies — provinces, districts, then subdistricts
 * (the active workspace's own subdistrict polygons, read when first needed) and village points —
 * with areas behind schedule outlined. Values come from the worker's latest answer for the
 * active workspace (store/progressStore.ts); nothing is drawn for another workspace's answer.
 */
import type { Layer } from '@deck.gl/core';
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerSource } from '../layerSources';
import { progressBehindOutlineLayer, progressFillLayer, progressPointLayer, type ProgressClassed, type ProgressPoints } from '../layers/progressLayers';
import { progressStore, type ProgressState } from '../../store/progressStore';
import { appStore, notify, type LoadedDataset } from '../../store/store';
import { select } from '../../store/actions';
import { areaName } from '../../store/names';
import { fillLevelForZoom, pointLevelForZoom, villagePoints } from '../../store/derived';
import { readerOf } from '../../data/workspace/storage';
import { readText } from '../../data/dataset';
import type { AdminLevel } from '../../domain/adminCodes';
import { formatInt, formatPercent } from '../../text/i18n';
import { tp } from '../../text/progressStrings';

const positions = new WeakMap<readonly string[], Map<string, number>>();
function positionOf(codes: readonly string[]): Map<string, number> {
  let m = positions.get(codes);
  if (!m) positions.set(codes, (m = new Map(codes.map((c, i) => [c, i]))));
  return m;
}

const classedCache = new Map<string, ProgressClassed>();
function classedAt(s: ProgressState, level: AdminLevel): ProgressClassed | null {
  const map = s.map;
  const info = s.info;
  if (!map || !info || info.datasetId !== map.datasetId) return null;
  const key = `${map.key}|${level}`;
  let c = classedCache.get(key);
  if (!c) {
    if (classedCache.size > 20) classedCache.clear();
    const cols = map.columns[level];
    c = { position: positionOf(info.codes[level]), resolutionRate: cols.resolutionRate, behind: cols.behind, version: map.key };
    classedCache.set(key, c);
  }
  return c;
}

// The active workspace's subdistrict polygons (its display copy when it has one), read once.
let subdistricts: { datasetId: string; fc: FeatureCollection | null; loading: boolean } | null = null;
const listeners = new Set<() => void>();

function subdistrictPolygons(ds: LoadedDataset, loaded: FeatureCollection | undefined): FeatureCollection | null {
  // A workspace without village locations already has them loaded for the need map.
  if (loaded) return loaded;
  if (subdistricts?.datasetId === ds.id) return subdistricts.fc;
  const files = ds.manifest.files;
  const name = files.boundaryDisplay?.subdistrict ?? files.boundaries?.subdistrict;
  subdistricts = { datasetId: ds.id, fc: null, loading: !!name };
  if (!name) return null;
  const mine = subdistricts;
  readText(readerOf(ds.ref), name)
    .then((text) => {
      mine.fc = JSON.parse(text) as FeatureCollection;
      mine.loading = false;
      if (subdistricts === mine) listeners.forEach((l) => l());
    })
    .catch((e: Error) => {
      mine.loading = false;
      notify('error', e.message);
    });
  return null;
}

const pointsCache = new WeakMap<LoadedDataset, ProgressPoints>();
function locatedVillages(ds: LoadedDataset): ProgressPoints | null {
  let p = pointsCache.get(ds);
  if (!p) {
    const all = villagePoints(ds);
    const keep: number[] = [];
    for (let i = 0; i < all.codes.length; i++) if (Number.isFinite(ds.lon[i]) && Number.isFinite(ds.lat[i])) keep.push(i);
    p = { indices: Int32Array.from(keep), codes: all.codes, lon: ds.lon, lat: ds.lat };
    pointsCache.set(ds, p);
  }
  return p.indices.length ? p : null;
}

/** Which level each drawn layer shows (the tooltip reads codes by level). */
const LEVEL_OF_LAYER: Record<string, AdminLevel> = {};

function fills(id: string, level: AdminLevel, fc: FeatureCollection, c: ProgressClassed, outlinePx: number): Layer[] {
  LEVEL_OF_LAYER[`${id}-fill`] = level;
  return [progressFillLayer(`${id}-fill`, fc, c), progressBehindOutlineLayer(`${id}-behind`, fc, c, outlinePx)];
}

export const progressSource: LayerSource = {
  id: 'progress',
  // Where the need choropleth sits (0–50): it replaces it while the map mode is 'progress'.
  order: 5,
  build(zoom) {
    const app = appStore.getState();
    const ds = app.dataset;
    const s = progressStore.getState();
    if (app.mapMode !== 'progress' || !ds || !s.map || s.map.datasetId !== ds.id) return [];
    const out: Layer[] = [];
    const pointLevel = pointLevelForZoom(zoom);
    const sub = pointLevel ? subdistrictPolygons(ds, app.boundaries.subdistrict) : null;
    if (sub) {
      const c = classedAt(s, 'subdistrict');
      if (c) out.push(...fills('progress-subdistrict', 'subdistrict', sub, c, 2.5));
    } else {
      const level = fillLevelForZoom(zoom);
      const fc = app.boundaries[level] ?? (level === 'district' ? app.boundaries.province : undefined);
      const lvl: AdminLevel = app.boundaries[level] ? level : 'province';
      const c = classedAt(s, lvl);
      if (fc && c) out.push(...fills(`progress-${lvl}`, lvl, fc, c, lvl === 'province' ? 3 : 2.5));
    }
    if (pointLevel === 'village') {
      const pts = locatedVillages(ds);
      const c = classedAt(s, 'village');
      if (pts && c) {
        LEVEL_OF_LAYER['progress-village-points'] = 'village';
        out.push(progressPointLayer('progress-village-points', pts, c, Math.min(7, 3 + (zoom - 10))));
      }
    }
    return out;
  },
  subscribe(onChange) {
    const unP = progressStore.subscribe((s, prev) => {
      if (s.map !== prev.map || s.info !== prev.info) onChange();
    });
    const unA = appStore.subscribe((s, prev) => {
      if (s.mapMode !== prev.mapMode || s.boundaries !== prev.boundaries) onChange();
    });
    listeners.add(onChange);
    return () => {
      unP();
      unA();
      listeners.delete(onChange);
    };
  },
  tooltip(layerId, index, object) {
    const app = appStore.getState();
    const s = progressStore.getState();
    const level = LEVEL_OF_LAYER[layerId];
    if (!level || !s.map || !s.info || !app.dataset) return null;
    const code = level === 'village' ? locatedVillages(app.dataset)?.codes[index as number] : String((object as Feature | null)?.properties?.code ?? '');
    if (!code) return null;
    const i = positionOf(s.info.codes[level]).get(code);
    const lang = app.lang;
    const name = areaName(app.dataset, code, lang);
    if (i === undefined) return `${name}\n${tp('noTarget', lang)}`;
    const cols = s.map.columns[level];
    const rate = cols.resolutionRate[i];
    return `${name}\n${tp('legendTitle', lang)}: ${formatPercent(rate, lang, app.thaiDigits, 1)}\n${tp('resolved', lang)} ${formatInt(cols.resolved[i], lang, app.thaiDigits)} / ${formatInt(cols.targetGroup[i], lang, app.thaiDigits)} ${tp('people', lang)}${cols.behind[i] ? `\n${tp('behind', lang)}` : ''}`;
  },
  click(layerId, index, object) {
    const app = appStore.getState();
    const level = LEVEL_OF_LAYER[layerId];
    if (!level || !app.dataset) return false;
    const code = level === 'village' ? locatedVillages(app.dataset)?.codes[index] : String((object as Feature | null)?.properties?.code ?? '');
    if (!code) return false;
    select(code);
    return true;
  },
};
