/**
 * Pure deck.gl layer factories for public services (issue 5 item 1) and the lines from a selected
 * village to its nearest services (item 4). Offline and font-free: no IconLayer images, no
 * TextLayer — every symbol is made of ScatterplotLayer circles, so shapes differ, not only colours:
 *
 *   hospital                   bullseye: large blue disc, white rim, white centre dot
 *   health_promoting_hospital  medium bluish-green disc with a white rim
 *   school                     small purple ring (white centre)
 *
 * Colours are Okabe–Ito / ColorBrewer hues chosen away from the YlOrRd need palette, so symbols
 * stay readable over the choropleth on a projector and for common colour-vision deficiencies.
 * Sizes are in pixels and scale with zoom through `radiusScale` (a uniform: no attribute
 * rebuild); classes can hide below a zoom so the national view shows what a person can read.
 * Data passed to deck.gl is a Uint32Array of service rows per class, cached per Services table,
 * so it keeps its identity until the table changes (deck.gl performance guide).
 */
import { LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { NearestService } from '../../domain/access/queries';
import { styleOf, type Rgba } from '../../theme/serviceStyle';

export { SERVICE_STYLES, OTHER_SERVICE_STYLE, styleOf, type Rgba, type ServiceStyle } from '../../theme/serviceStyle';

const WHITE: Rgba = [255, 255, 255, 255];


/** What the layers read from a services table (src/data/services/services.ts Services fits). */
export interface ServiceTable {
  count: number;
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  typeCode: ArrayLike<number>;
  typeNames: readonly string[];
  capacity: ArrayLike<number>;
  id: string[];
  nameTh: string[];
  nameEn: string[];
  level?: string[];
  sizeClass?: string[];
}

export interface ServiceLayerSettings {
  /** Current map zoom (sizes and per-class visibility). */
  zoom: number;
  /** Classes switched on; a class not listed is shown. */
  visible?: Record<string, boolean>;
  /** Override the per-class minimum zoom (e.g. { school: 0 } to force schools at national zoom). */
  minZoom?: Record<string, number>;
  /** Scale symbol area with capacity (√capacity, relative to the class median). Default false. */
  sizeByCapacity?: boolean;
  /** Levels switched off per class (e.g. { school: ['secondary'] }); '' is the unknown level. */
  hiddenLevels?: Record<string, readonly string[]>;
  /** Prefix for layer ids (the map routes tooltips and clicks by a source's id prefix, map/layerSources.ts). */
  idPrefix?: string;
}

/**
 * Symbol scale for a zoom: 0.45 at national zoom (≤ 5), growing 0.15 per level to 1.6 at
 * zoom ≥ 12.7; keeps 900 hospitals from covering the national choropleth, 28,000 schools from
 * merging into a blot at zoom 8, and every symbol readable at 12.
 */
export function zoomRadiusScale(zoom: number): number {
  return Math.min(1.6, Math.max(0.45, 0.45 + 0.15 * (zoom - 5)));
}

const rowsCache = new WeakMap<object, Map<string, Uint32Array>>();
const medianCache = new WeakMap<object, Map<string, number>>();

/** Rows of one class, cached per table so layer data keeps its identity between renders. */
export function serviceRowsOfType(services: ServiceTable, type: string): Uint32Array {
  let byType = rowsCache.get(services);
  if (!byType) {
    byType = new Map();
    const buckets = services.typeNames.map(() => [] as number[]);
    for (let r = 0; r < services.count; r++) buckets[services.typeCode[r]]?.push(r);
    services.typeNames.forEach((t, k) => byType!.set(t, Uint32Array.from(buckets[k])));
    rowsCache.set(services, byType);
  }
  return byType.get(type) ?? new Uint32Array(0);
}

const levelCache = new WeakMap<object, Map<string, Uint32Array>>();

/**
 * Rows of one class without the hidden levels; the same array for the same class, levels and
 * table, so switching a level back on does not rebuild the layer's attributes needlessly.
 */
export function serviceRowsShown(services: ServiceTable, type: string, hiddenLevels: readonly string[] | undefined): Uint32Array {
  const rows = serviceRowsOfType(services, type);
  if (!hiddenLevels?.length || !services.level) return rows;
  const key = `${type}\u0000${[...hiddenLevels].sort().join('\u0000')}`;
  let byKey = levelCache.get(services);
  if (!byKey) levelCache.set(services, (byKey = new Map()));
  let out = byKey.get(key);
  if (!out) {
    const hidden = new Set(hiddenLevels);
    const level = services.level;
    out = rows.filter((r) => !hidden.has(level[r] ?? ''));
    byKey.set(key, out);
  }
  return out;
}

function medianCapacity(services: ServiceTable, type: string): number {
  let m = medianCache.get(services);
  if (!m) medianCache.set(services, (m = new Map()));
  if (!m.has(type)) {
    const caps = Array.from(serviceRowsOfType(services, type), (r) => services.capacity[r]).filter((c) => Number.isFinite(c) && c > 0).sort((a, b) => a - b);
    m.set(type, caps.length ? caps[Math.floor(caps.length / 2)] : NaN);
  }
  return m.get(type)!;
}

/**
 * The layers for one class: the symbol, plus the centre dot for bullseye classes. Ids are
 * `services-<class>` and `services-<class>-centre`; picking gives the service row as `object`.
 */
export function serviceTypeLayers(services: ServiceTable, type: string, settings: ServiceLayerSettings) {
  const style = styleOf(type);
  const data = serviceRowsShown(services, type, settings.hiddenLevels?.[type]);
  const minZoom = settings.minZoom?.[type] ?? style.minZoom;
  const visible = settings.visible?.[type] !== false && settings.zoom >= minZoom && data.length > 0;
  const radiusScale = zoomRadiusScale(settings.zoom);
  const bySize = settings.sizeByCapacity === true;
  const median = bySize ? medianCapacity(services, type) : NaN;
  const getPosition = (r: number) => [services.lon[r], services.lat[r]] as [number, number];
  const getRadius = (r: number) => {
    const c = services.capacity[r];
    // Area ∝ capacity, clamped to 0.6–2.5× the class's typical symbol so outliers stay legible.
    return bySize && Number.isFinite(c) && c > 0 && median > 0 ? style.radiusPx * Math.min(2.5, Math.max(0.6, Math.sqrt(c / median))) : style.radiusPx;
  };
  const layers = [
    new ScatterplotLayer<number>({
      id: `${settings.idPrefix ?? ''}services-${type}`,
      data,
      visible,
      pickable: true,
      radiusUnits: 'pixels',
      radiusScale,
      stroked: true,
      filled: true,
      lineWidthUnits: 'pixels',
      // Rims thin with the symbol when zoomed out, never thicker than designed.
      lineWidthScale: Math.min(1, radiusScale),
      lineWidthMinPixels: 0.75,
      getLineWidth: style.lineWidthPx,
      getPosition,
      getRadius,
      getFillColor: style.fill,
      getLineColor: style.line,
      updateTriggers: { getRadius: [bySize, median] },
    }),
  ];
  if (style.centreDot) {
    layers.push(
      new ScatterplotLayer<number>({
        id: `${settings.idPrefix ?? ''}services-${type}-centre`,
        data,
        visible,
        pickable: false,
        radiusUnits: 'pixels',
        radiusScale,
        stroked: false,
        filled: true,
        getPosition,
        getRadius: (r: number) => getRadius(r) * 0.35,
        getFillColor: WHITE,
        updateTriggers: { getRadius: [bySize, median] },
      }),
    );
  }
  return layers;
}

/** All classes' layers, hospitals drawn last (on top), so the rarest and most important stay visible. */
export function serviceLayers(services: ServiceTable, settings: ServiceLayerSettings) {
  const order = [...services.typeNames].sort((a, b) => drawRank(a) - drawRank(b));
  return order.flatMap((t) => serviceTypeLayers(services, t, settings));
}

function drawRank(type: string): number {
  return type === 'hospital' ? 3 : type === 'health_promoting_hospital' ? 2 : type === 'school' ? 1 : 0;
}

/**
 * Lines from one village to its nearest service of each class (data from
 * domain/access/queries.ts nearestServicesOfVillage), coloured by class, with a white casing
 * underneath so they read over any background. Ids `nearest-lines-casing`, `nearest-lines`.
 */
export function nearestLinesLayers(village: { lon: number; lat: number }, nearest: NearestService[], settings: { visible?: Record<string, boolean>; idPrefix?: string } = {}) {
  const prefix = settings.idPrefix ?? '';
  const data = nearest.filter((n) => settings.visible?.[n.type] !== false);
  const common = {
    data,
    getSourcePosition: () => [village.lon, village.lat] as [number, number],
    getTargetPosition: (n: NearestService) => [n.lon, n.lat] as [number, number],
    widthUnits: 'pixels' as const,
    updateTriggers: { getSourcePosition: [village.lon, village.lat] },
  };
  return [
    new LineLayer<NearestService>({ ...common, id: `${prefix}nearest-lines-casing`, getWidth: 6, getColor: [255, 255, 255, 220], pickable: false }),
    new LineLayer<NearestService>({
      ...common,
      id: `${prefix}nearest-lines`,
      getWidth: 3,
      pickable: true,
      // Schools' style is a white disc with a purple ring: the line takes the ring colour.
      getColor: (n: NearestService) => (n.type === 'school' ? styleOf(n.type).line : styleOf(n.type).fill),
    }),
  ];
}

/** Tooltip text for a picked service row: name, class (Thai and English), level/size, capacity. */
export function serviceTooltip(services: ServiceTable, row: number): string {
  const style = styleOf(services.typeNames[services.typeCode[row]]);
  const name = services.nameTh[row] || services.nameEn[row] || services.id[row];
  const lines = [name];
  if (services.nameTh[row] && services.nameEn[row]) lines.push(services.nameEn[row]);
  lines.push(`${style.label.th} · ${style.label.en}`);
  const extra = [services.level?.[row], services.sizeClass?.[row]].filter(Boolean).join(', ');
  if (extra) lines.push(extra);
  const c = services.capacity[row];
  lines.push(`ความจุ capacity: ${Number.isFinite(c) ? c.toLocaleString('en-US') : 'ไม่ทราบ unknown'}`);
  return lines.join('\n');
}
