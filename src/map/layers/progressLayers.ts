/**
 * Pure deck.gl layer factories of the progress map (issue 11): "% of the target group resolved"
 * as a choropleth of polygons (provinces, districts, subdistricts) or as village points, and a
 * thick outline around the areas behind schedule. Data keep their identity (the polygons, the
 * village index); a new as-of date only changes `version`, the updateTrigger, so deck.gl
 * recolours without re-tessellating.
 */
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import { BEHIND_OUTLINE_HEX, PROGRESS_NO_DATA_HEX, PROGRESS_PALETTE, progressClassOf } from '../../domain/progress/mapClasses';
import { hexToRgba, type Rgba } from '../colors';
import { UNDER_BOUNDARIES } from './areaLayers';

/** The measures of one level, by code. */
export interface ProgressClassed {
  position: Map<string, number>;
  resolutionRate: ArrayLike<number>;
  behind: ArrayLike<number>;
  /** Identity of the values (the answer's key): the updateTrigger. */
  version: string;
}

const PALETTE_RGBA = PROGRESS_PALETTE.map((h) => hexToRgba(h, 255));
const NO_DATA: Rgba = hexToRgba(PROGRESS_NO_DATA_HEX, 200);
const OUTLINE: Rgba = hexToRgba(BEHIND_OUTLINE_HEX, 255);
const NONE: Rgba = [0, 0, 0, 0];

export function progressColour(c: ProgressClassed, code: string): Rgba {
  const i = c.position.get(code);
  if (i === undefined) return NO_DATA;
  const k = progressClassOf(c.resolutionRate[i]);
  return k < 0 ? NO_DATA : PALETTE_RGBA[k];
}

export function isBehind(c: ProgressClassed, code: string): boolean {
  const i = c.position.get(code);
  return i !== undefined && c.behind[i] === 1;
}

/** Filled polygons coloured by % resolved (under the boundary lines, like the need map). */
export function progressFillLayer(id: string, features: FeatureCollection, c: ProgressClassed) {
  return new GeoJsonLayer({
    id,
    data: features,
    ...UNDER_BOUNDARIES,
    pickable: true,
    stroked: false,
    filled: true,
    getFillColor: (f: Feature) => progressColour(c, String(f.properties?.code)),
    updateTriggers: { getFillColor: [c.version] },
  });
}

/** Thick outlines of the polygons behind schedule, over the boundary lines so they read at a glance. */
export function progressBehindOutlineLayer(id: string, features: FeatureCollection, c: ProgressClassed, widthPx: number) {
  return new GeoJsonLayer({
    id,
    data: features,
    pickable: false,
    stroked: true,
    filled: false,
    lineWidthUnits: 'pixels',
    getLineWidth: (f: Feature) => (isBehind(c, String(f.properties?.code)) ? widthPx : 0),
    getLineColor: (f: Feature) => (isBehind(c, String(f.properties?.code)) ? OUTLINE : NONE),
    updateTriggers: { getLineWidth: [c.version, widthPx], getLineColor: [c.version] },
  });
}

export interface ProgressPoints {
  /** 0..n-1, built once per workspace so the layer's data keeps its identity. */
  indices: Int32Array;
  codes: string[];
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
}

/** Villages as dots coloured by % resolved; a thick ring when behind schedule. */
export function progressPointLayer(id: string, points: ProgressPoints, c: ProgressClassed, radiusPx: number) {
  return new ScatterplotLayer<number>({
    id,
    data: points.indices,
    pickable: true,
    radiusUnits: 'pixels',
    getRadius: radiusPx,
    stroked: true,
    lineWidthUnits: 'pixels',
    getPosition: (i: number) => [points.lon[i], points.lat[i]],
    getFillColor: (i: number) => progressColour(c, points.codes[i]),
    getLineColor: (i: number) => (isBehind(c, points.codes[i]) ? OUTLINE : [60, 60, 60, 200]),
    getLineWidth: (i: number) => (isBehind(c, points.codes[i]) ? 2.5 : 0.5),
    updateTriggers: { getFillColor: [c.version], getLineColor: [c.version], getLineWidth: [c.version] },
  });
}
