/**
 * Pure deck.gl layer factories of the targeting and hot-spot map modes: areas (polygons) or points
 * (villages, subdistrict centres) coloured by a category per area — a quadrant of the bivariate
 * palette or a named cluster — with the scatter's brush (others faded) and the hovered area
 * outlined. Data keeps its identity (the workspace's FeatureCollection, a PointSet built once);
 * colours change through updateTriggers (`colouring.version`, brush and hover).
 */
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import { UNDER_BOUNDARIES } from './areaLayers';

/** RGBA per area (4 bytes each) aligned with `position` (code → index). */
export interface Colouring {
  position: Map<string, number>;
  rgba: Uint8ClampedArray;
  version: string;
}

export interface Emphasis {
  /** Brushed codes (empty = none, all drawn at full strength). */
  brushed: Set<string>;
  hover: string | null;
  version: string;
}

const NONE: [number, number, number, number] = [0, 0, 0, 0];

function fill(c: Colouring, e: Emphasis, code: string): [number, number, number, number] {
  const i = c.position.get(code);
  if (i === undefined) return NONE;
  const a = c.rgba[i * 4 + 3];
  if (a === 0) return NONE;
  const faded = e.brushed.size > 0 && !e.brushed.has(code);
  return [c.rgba[i * 4], c.rgba[i * 4 + 1], c.rgba[i * 4 + 2], faded ? Math.round(a * 0.25) : a];
}

const HOVER_LINE: [number, number, number, number] = [214, 0, 111, 255];
const BRUSH_LINE: [number, number, number, number] = [40, 40, 40, 230];

export function categoryFillLayer(id: string, features: FeatureCollection, colouring: Colouring, emphasis: Emphasis) {
  return new GeoJsonLayer({
    id,
    data: features,
    ...UNDER_BOUNDARIES,
    pickable: true,
    filled: true,
    stroked: true,
    lineWidthUnits: 'pixels',
    getFillColor: (f: Feature) => fill(colouring, emphasis, String(f.properties?.code)),
    getLineColor: (f: Feature) => {
      const code = String(f.properties?.code);
      return code === emphasis.hover ? HOVER_LINE : emphasis.brushed.has(code) ? BRUSH_LINE : NONE;
    },
    getLineWidth: (f: Feature) => (String(f.properties?.code) === emphasis.hover ? 3 : emphasis.brushed.has(String(f.properties?.code)) ? 1.5 : 0),
    updateTriggers: { getFillColor: [colouring.version, emphasis.version], getLineColor: [emphasis.version], getLineWidth: [emphasis.version] },
  });
}

export interface CategoryPoints {
  indices: Int32Array;
  codes: readonly string[];
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
}

export function categoryPointLayer(id: string, points: CategoryPoints, colouring: Colouring, emphasis: Emphasis, radiusPx: number) {
  return new ScatterplotLayer<number>({
    id,
    data: points.indices,
    pickable: true,
    radiusUnits: 'pixels',
    stroked: true,
    lineWidthUnits: 'pixels',
    getPosition: (i: number) => [points.lon[i], points.lat[i]],
    getRadius: (i: number) => (points.codes[i] === emphasis.hover ? radiusPx * 2 : radiusPx),
    getFillColor: (i: number) => fill(colouring, emphasis, points.codes[i]),
    getLineColor: (i: number) => (points.codes[i] === emphasis.hover ? HOVER_LINE : fill(colouring, emphasis, points.codes[i])[3] ? [70, 70, 70, 160] : NONE),
    getLineWidth: (i: number) => (points.codes[i] === emphasis.hover ? 2.5 : 0.4),
    updateTriggers: { getFillColor: [colouring.version, emphasis.version], getLineColor: [colouring.version, emphasis.version], getRadius: [emphasis.version, radiusPx], getLineWidth: [emphasis.version] },
  });
}
