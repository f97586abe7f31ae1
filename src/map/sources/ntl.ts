/**
 * The nighttime-lights map layer source (order 20: over the need choropleth, under the need
 * points and the admin boundary lines). The raster is pickable so the tooltip can give the
 * radiance under the cursor; since it covers the choropleth, its tooltip also names the area
 * under the cursor with its need value, and a click on it selects that area — the map behaves
 * the same with the lights on or off.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSource } from '../layerSources';
import { NtlRasterLayer } from '../layers/ntlLayer';
import { UNDER_BOUNDARIES } from '../layers/areaLayers';
import { ntlStore, ntlTile, type NtlState } from '../../store/ntlStore';
import { appStore } from '../../store/store';
import { select } from '../../store/actions';
import { fillLevelForZoom, valueAt } from '../../store/derived';
import { areaName } from '../../store/names';
import { formatMeasure } from '../../text/format';
import { sampleRaster } from '../../domain/raster/grid';
import { buildAreaLocator, type AreaLocator } from '../../domain/areaLocator';
import { formatRadiance } from '../../text/ntlFormat';

/** Map zoom from which full-resolution tiles replace the national image (its ~30″ pixels are then about one screen pixel). */
export const NTL_TILES_FROM_ZOOM = 6.5;

const locators = new WeakMap<FeatureCollection, AreaLocator>();
function locatorFor(fc: FeatureCollection): AreaLocator {
  let l = locators.get(fc);
  if (!l) locators.set(fc, (l = buildAreaLocator(fc)));
  return l;
}

/** The choropleth area under a point at the current level of detail. */
function areaUnder(lon: number, lat: number): string | null {
  const s = appStore.getState();
  const fc = s.boundaries[fillLevelForZoom(s.zoom)];
  return fc ? locatorFor(fc).locate(lon, lat) : null;
}

/** The NtlRasterLayer's pick object (see its getPickingInfo). */
function pickedLonLat(object: unknown, coordinate?: [number, number]): [number, number] | null {
  const o = object as { lon?: number; lat?: number } | null;
  if (o && typeof o.lon === 'number' && typeof o.lat === 'number') return [o.lon, o.lat];
  return coordinate ?? null;
}

const watched = (s: NtlState) => [s.visible, s.national, s.opacity, s.gen];

export const ntlSource: LayerSource = {
  id: 'ntl',
  order: 20,
  build() {
    const s = ntlStore.getState();
    const drawn = s.visible && s.national && s.info ? String(s.gen) : 'off';
    document.body.dataset.ntlLayer = drawn;
    if (!s.visible || !s.national || !s.info) return [];
    const gen = s.gen;
    return [
      new NtlRasterLayer({
        id: 'ntl-raster',
        ...UNDER_BOUNDARIES,
        national: s.national,
        rasterKey: String(gen),
        getTile: (bbox) => ntlTile(gen, bbox),
        extent: s.info.windowBounds,
        tilesFromZoom: NTL_TILES_FROM_ZOOM,
        minTileZoom: 6,
        maxTileZoom: 11,
        opacity: s.opacity,
        pickable: true,
        // Readiness signal for tests and debugging: how many viewports of tiles have loaded.
        onTilesLoaded: () => {
          document.body.dataset.ntlTiles = String(Number(document.body.dataset.ntlTiles ?? 0) + 1);
        },
      }),
    ];
  },
  subscribe(onChange) {
    return ntlStore.subscribe((s, prev) => {
      const a = watched(s);
      const b = watched(prev);
      if (a.some((x, i) => x !== b[i])) onChange();
    });
  },
  tooltip(_layerId, _index, object, coordinate) {
    const at = pickedLonLat(object, coordinate);
    if (!at) return null;
    const [lon, lat] = at;
    const n = ntlStore.getState();
    const s = appStore.getState();
    const th = s.lang === 'th';
    const v = n.grid ? sampleRaster(n.grid, lon, lat) : NaN;
    const valueText = n.grid ? (Number.isNaN(v) ? (th ? 'ไม่มีข้อมูล' : 'no data') : `${formatRadiance(v, s.lang, s.thaiDigits)} nW/cm²/sr`) : th ? 'กำลังอ่านความละเอียดเต็ม…' : 'reading full resolution…';
    const lines = [`${th ? 'แสงไฟยามค่ำคืน' : 'Night lights'}: ${valueText}`];
    const code = areaUnder(lon, lat);
    if (code && s.dataset) lines.push(`${areaName(s.dataset, code, s.lang)}\n${formatMeasure(valueAt(s.result, s.dataset, code, s.mapMeasure), s.mapMeasure, s.lang, s.thaiDigits)}`);
    return lines.join('\n');
  },
  click(_layerId, _index, object) {
    const at = pickedLonLat(object);
    if (!at) return false;
    const code = areaUnder(at[0], at[1]);
    if (code) select(code);
    return true;
  },
};
