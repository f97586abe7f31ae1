/**
 * The targeting and hot-spot map modes (issue 9). When appStore.mapMode is 'targeting' the areas
 * of the ranking level are drawn in the 2 × 2 bivariate quadrant palette (QUADRANTS), unranked
 * areas left clear; in 'hotspots' the hot-spot level is coloured by named cluster. Polygons come
 * from the active workspace (appStore.boundaries, or targetingStore.polygons for subdistricts);
 * villages, and subdistricts of a workspace without their polygons, are points.
 */
import type { Layer } from '@deck.gl/core';
import type { FeatureCollection } from 'geojson';
import type { LayerSource } from '../layerSources';
import { categoryFillLayer, categoryPointLayer, type CategoryPoints, type Colouring, type Emphasis } from '../layers/targetingLayers';
import { hexToRgba } from '../colors';
import { appStore, type LoadedDataset } from '../../store/store';
import { select } from '../../store/actions';
import { areaName } from '../../store/names';
import { setHover, targetingStore, type TargetingState } from '../../store/targetingStore';
import { subdistrictCentres, villagePoints } from '../../store/derived';
import { QUADRANT_IDS, QUADRANTS } from '../../domain/targeting/typology';
import { targetingClass } from '../../domain/targeting/needOnly';
import { CLUSTER_COLOURS, CLUSTER_LABELS } from '../../domain/hotspots';
import { formatInt } from '../../text/i18n';
import { tg } from '../../text/targetingStrings';
import type { HotspotAnswer, TargetingAnswer } from '../../worker/targetingApi';

const QUAD_RGBA = QUADRANT_IDS.map((q) => hexToRgba(QUADRANTS[q].colour, 225));
const CLUSTER_RGBA = CLUSTER_LABELS.map((c) => hexToRgba(CLUSTER_COLOURS[c], c === 'not_significant' ? 170 : c === 'no_data' ? 0 : 230));

const colourCache = new WeakMap<object, Colouring>();
function quadrantColouring(a: TargetingAnswer, codes: readonly string[]): Colouring {
  let c = colourCache.get(a);
  if (!c) {
    const rgba = new Uint8ClampedArray(codes.length * 4);
    for (let i = 0; i < codes.length; i++) {
      const q = a.quadrant[i];
      if (q < 4) rgba.set(QUAD_RGBA[q], i * 4);
    }
    c = { position: new Map(codes.map((x, i) => [x, i])), rgba, version: `${a.key}|${a.ms}|${a.formula}|${Math.random()}` };
    colourCache.set(a, c);
  }
  return c;
}
function clusterColouring(h: HotspotAnswer): Colouring {
  let c = colourCache.get(h);
  if (!c) {
    const rgba = new Uint8ClampedArray(h.codes.length * 4);
    for (let i = 0; i < h.codes.length; i++) rgba.set(CLUSTER_RGBA[h.cluster[i]], i * 4);
    c = { position: new Map(h.codes.map((x, i) => [x, i])), rgba, version: `hs|${h.ms}|${Math.random()}` };
    colourCache.set(h, c);
  }
  return c;
}

let emphasisMemo: { brushed: string[]; hover: string | null; e: Emphasis } | null = null;
function emphasisOf(s: TargetingState, on: boolean): Emphasis {
  const brushed = on ? s.brushed : [];
  if (emphasisMemo && emphasisMemo.brushed === brushed && emphasisMemo.hover === s.hover) return emphasisMemo.e;
  const e = { brushed: new Set(brushed), hover: s.hover, version: `${brushed.length}:${brushed[0] ?? ''}:${brushed[brushed.length - 1] ?? ''}:${s.hover}` };
  emphasisMemo = { brushed, hover: s.hover, e };
  return e;
}

function polygonsOf(level: string, ds: LoadedDataset, s: TargetingState): FeatureCollection | undefined {
  const b = appStore.getState().boundaries;
  if (level === 'province') return b.province;
  if (level === 'district') return b.district;
  if (level === 'subdistrict') return b.subdistrict ?? (s.polygons?.key === `${ds.id}|subdistrict` ? s.polygons.fc : undefined);
  return undefined;
}

function pointsOf(level: string, ds: LoadedDataset): CategoryPoints | null {
  if (level === 'village') return ds.lon.some((x) => Number.isFinite(x)) ? villagePoints(ds) : null;
  if (level === 'subdistrict') return ds.lon.some((x) => Number.isFinite(x)) ? subdistrictCentres(ds) : null;
  return null;
}

function layersFor(id: string, level: string, ds: LoadedDataset, s: TargetingState, colouring: Colouring, emphasis: Emphasis, zoom: number): Layer[] {
  const fc = polygonsOf(level, ds, s);
  if (fc) return [categoryFillLayer(`${id}-fill-${level}`, fc, colouring, emphasis) as Layer];
  const pts = pointsOf(level, ds);
  if (pts) return [categoryPointLayer(`${id}-points-${level}`, pts, colouring, emphasis, level === 'village' ? Math.min(6, Math.max(1.6, 1.6 + 0.6 * (zoom - 5))) : Math.min(8, Math.max(2.5, 2.5 + 0.8 * (zoom - 5)))) as Layer];
  return [];
}

export const targetingSource: LayerSource = {
  id: 'targeting',
  order: 5,
  build(zoom) {
    const app = appStore.getState();
    const ds = app.dataset;
    const s = targetingStore.getState();
    if (!ds) return [];
    if (app.mapMode === 'targeting' && s.answer && s.prepared && s.answer.key === s.prepared.key) {
      return layersFor('targeting', s.settings.level, ds, s, quadrantColouring(s.answer, s.prepared.codes), emphasisOf(s, true), zoom);
    }
    if (app.mapMode === 'hotspots' && s.hotspots && s.hotspots.settings.id === ds.id) {
      return layersFor('targeting', s.hotspots.settings.level, ds, s, clusterColouring(s.hotspots), emphasisOf(s, false), zoom);
    }
    return [];
  },
  subscribe(cb) {
    const pick = (s: TargetingState) => [s.answer, s.prepared, s.hotspots, s.polygons, s.brushed, s.hover];
    return targetingStore.subscribe((s, prev) => {
      const a = pick(s), b = pick(prev);
      if (a.some((x, k) => x !== b[k])) cb();
    });
  },
  tooltip(layerId, index, object) {
    const app = appStore.getState();
    const s = targetingStore.getState();
    const ds = app.dataset;
    if (!ds) return null;
    const code = layerId.includes('-fill-') ? String((object as { properties?: { code?: unknown } } | null)?.properties?.code ?? '') : (pointsOf(layerId.split('-points-')[1], ds)?.codes[index] ?? '');
    if (!code) return null;
    setHover(code);
    const lang = app.lang;
    const lines = [areaName(ds, code, lang)];
    if (app.mapMode === 'targeting' && s.answer && s.prepared) {
      const i = s.prepared.codes.indexOf(code);
      if (i >= 0 && s.answer.rank[i]) {
        const q = targetingClass(s.answer.quadrant[i], s.answer.settings.needOnly === true);
        if (q) lines.push(`${tg('colRank', lang)} ${formatInt(s.answer.rank[i], lang, app.thaiDigits)} · ${lang === 'th' ? q.th : q.en}`, lang === 'th' ? q.familyTh : q.familyEn);
      } else lines.push(tg('unranked', lang));
    } else if (s.hotspots) {
      const i = s.hotspots.codes.indexOf(code);
      if (i >= 0) lines.push(tg(CLUSTER_LABELS[s.hotspots.cluster[i]], lang), `p = ${Number.isFinite(s.hotspots.p[i]) ? s.hotspots.p[i].toPrecision(3) : '–'} · Gi* z = ${s.hotspots.giStarZ[i].toFixed(2)}`);
    }
    return lines.join('\n');
  },
  click(layerId, index, object) {
    const ds = appStore.getState().dataset;
    if (!ds) return false;
    const code = layerId.includes('-fill-') ? String((object as { properties?: { code?: unknown } } | null)?.properties?.code ?? '') : (pointsOf(layerId.split('-points-')[1], ds)?.codes[index] ?? '');
    if (!code || !ds.position.has(code)) return false;
    select(code);
    return true;
  },
};
