/**
 * Map layers of the services-and-access feature, as three sources so they stack over the need
 * map (map/layerSources.ts): services (70) over the need points, far villages (75) above them,
 * and the lines from a selected village to its nearest services (80) on top. All draw over the
 * boundary lines (no UNDER_BOUNDARIES): they are what the planner is looking for.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { LayerSource } from '../layerSources';
import { nearestLinesLayers, serviceLayers, serviceTooltip, styleOf } from '../layers/serviceLayers';
import { accessStore, type AccessState } from '../../store/accessStore';
import { appStore } from '../../store/store';
import { select } from '../../store/actions';
import { areaName } from '../../store/names';
import { formatKm, tx } from '../../text/accessStrings';
import { formatInt } from '../../text/i18n';
import type { NearestService } from '../../domain/access/queries';
import type { AccessQueryResult, VillageNearest } from '../../worker/accessApi';
import { villageCodeString } from '../../domain/adminCodes';
import { FAR_VILLAGE_RGB, SERVICE_MIN_ZOOM } from '../../theme/serviceStyle';
export { FAR_VILLAGE_RGB, SERVICE_MIN_ZOOM };

/** Far-village highlight: magenta, a hue the YlOrRd need palette and the service symbols never use. */

function onChange(pick: (s: AccessState) => unknown[], also?: (onChange: () => void) => () => void) {
  return (cb: () => void) => {
    const unA = accessStore.subscribe((s, prev) => {
      const a = pick(s);
      const b = pick(prev);
      if (a.some((x, k) => x !== b[k])) cb();
    });
    const unB = also?.(cb);
    return () => {
      unA();
      unB?.();
    };
  };
}

/**
 * Zoom from which each class draws. The map rebuilds feature layers when its level of detail
 * changes (MapView: district fills from 6.8, subdistrict points from 8.3), so the thresholds sit
 * on those steps: รพ.สต. with the district map, schools with the subdistrict points.
 */

/** Dot radius for far villages: legible at national zoom (75,000 villages), larger when zoomed in. */
export function farVillageRadiusPx(zoom: number): number {
  return Math.min(7, Math.max(3.5, 3.5 + 0.75 * (zoom - 5)));
}

const rowsCache = new WeakMap<object, Uint32Array>();
/** 0..n-1 for one answer, cached so the layer's data keeps its identity until the answer changes. */
function rowsOf(q: AccessQueryResult): Uint32Array {
  let r = rowsCache.get(q);
  if (!r) rowsCache.set(q, (r = Uint32Array.from({ length: q.filter.count }, (_, k) => k)));
  return r;
}

export const farVillagesSource: LayerSource = {
  id: 'farvillages',
  // Above the service symbols: the far villages are what the planner is looking for.
  order: 75,
  build(zoom) {
    const a = accessStore.getState();
    const q = a.query;
    if (!a.shown || !a.highlight || !q) return [];
    const { lon, lat } = q.filter;
    return [
      new ScatterplotLayer<number>({
        id: 'farvillages-dots',
        // Row k of the far-village arrays (positions come with the answer: the demo's villages).
        data: rowsOf(q),
        pickable: true,
        radiusUnits: 'pixels',
        getRadius: farVillageRadiusPx(zoom),
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: zoom < 7 ? 1 : 1.5,
        getLineColor: [255, 255, 255, 230],
        getFillColor: [...FAR_VILLAGE_RGB, 255],
        getPosition: (k: number) => [lon[k], lat[k]],
      }) as Layer,
    ];
  },
  subscribe: onChange((s) => [s.shown, s.highlight, s.query]),
  tooltip(_layerId, index) {
    const q = accessStore.getState().query;
    const app = appStore.getState();
    if (!q || index < 0 || index >= q.filter.indices.length) return null;
    const code = villageCodeString(q.filter.codes[index]);
    const lang = app.lang;
    return [
      `${areaName(app.dataset, code, lang)} (${code})`,
      `${tx('nearestOf', lang)} ${tx(`cls_${q.filter.type}`, lang, q.filter.type)}: ${formatKm(q.filter.distanceKm[index], lang, app.thaiDigits)}`,
      `${tx('people', lang)}: ${formatInt(q.filter.people[index], lang, app.thaiDigits)}`,
    ].join('\n');
  },
  click(_layerId, index) {
    const q = accessStore.getState().query;
    if (!q || index < 0 || index >= q.filter.indices.length) return false;
    select(villageCodeString(q.filter.codes[index]));
    return true;
  },
};

export const servicesSource: LayerSource = {
  id: 'access',
  order: 70,
  build(zoom) {
    const a = accessStore.getState();
    if (!a.shown || !a.services) return [];
    const minZoom = Object.fromEntries(a.services.typeNames.map((t) => [t, SERVICE_MIN_ZOOM[t] ?? 6.8]));
    return serviceLayers(a.services, { zoom, visible: a.visible, minZoom, sizeByCapacity: a.sizeByCapacity, hiddenLevels: a.hiddenLevels, idPrefix: 'access-' }) as Layer[];
  },
  subscribe: onChange((s) => [s.shown, s.services, s.visible, s.sizeByCapacity, s.hiddenLevels]),
  tooltip(_layerId, _index, object) {
    const a = accessStore.getState();
    if (!a.services || typeof object !== 'number') return null;
    return serviceTooltip(a.services, object);
  },
};

export const nearestLinesSource: LayerSource = {
  id: 'nearestlines',
  order: 80,
  build() {
    const a = accessStore.getState();
    const v = a.query?.village;
    if (!a.shown || !v || a.query?.selection !== appStore.getState().selection) return [];
    return nearestLinesLayers(v, v.nearest as NearestService[], { visible: a.visible, idPrefix: 'nearestlines-' }) as Layer[];
  },
  subscribe: onChange((s) => [s.shown, s.query, s.visible]),
  tooltip(_layerId, _index, object) {
    const n = object as VillageNearest | null;
    if (!n || typeof n !== 'object') return null;
    const app = appStore.getState();
    return `${n.name}\n${styleOf(n.type).label[app.lang]} · ${formatKm(n.distanceKm, app.lang, app.thaiDigits)}`;
  },
};
