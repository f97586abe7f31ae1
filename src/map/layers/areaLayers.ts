/**
 * Pure deck.gl layer factories for the need map: area choropleth (provinces or districts) and
 * points (subdistrict centroids, villages). Data objects keep identity until their inputs
 * change and recolouring goes through updateTriggers (deck.gl performance guide), so a new
 * year or measure re-runs only the colour accessor.
 */
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import { classOf } from '../../domain/classify';
import { hexToRgba, NO_DATA_RGBA, type Rgba } from '../colors';
import { DECK_BEFORE_ID } from '../style';

/** Interleaved overlay: draw under the boundary lines (prop read by @deck.gl/maplibre, untyped). */
export const UNDER_BOUNDARIES = { beforeId: DECK_BEFORE_ID } as object;

export interface Classed {
  /** Value per area, aligned with `position` (code → index). */
  values: ArrayLike<number>;
  position: Map<string, number>;
  breaks: number[];
  palette: string[];
  /** Changes whenever values/breaks change: the updateTrigger. */
  version: string;
}

function colourFor(c: Classed, code: string, alpha = 230): Rgba {
  const i = c.position.get(code);
  if (i === undefined) return NO_DATA_RGBA;
  const k = classOf(c.values[i], c.breaks);
  return k < 0 ? NO_DATA_RGBA : hexToRgba(c.palette[k], alpha);
}

/**
 * `opacity` scales the fill (lower when points of a finer level are drawn on top, so the points
 * read as the subject and the areas as context).
 */
export function areaFillLayer(id: string, features: FeatureCollection, classed: Classed, dimOutside: string | null, opacity = 1) {
  return new GeoJsonLayer({
    id,
    data: features,
    ...UNDER_BOUNDARIES,
    pickable: true,
    stroked: false,
    filled: true,
    getFillColor: (f: Feature) => {
      const code = String(f.properties?.code);
      const alpha = dimOutside && !code.startsWith(dimOutside) ? 90 : 230;
      return colourFor(classed, code, Math.round(alpha * opacity));
    },
    updateTriggers: { getFillColor: [classed.version, dimOutside, opacity] },
  });
}

export interface PointSet {
  /** 0..n-1, built once with the set so the layer's data keeps its identity. */
  indices: Int32Array;
  /** Codes of the points (8-digit villages or 6-digit subdistricts). */
  codes: string[];
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  /** People per point (sizes the dots). */
  people: ArrayLike<number>;
}

export function areaPointLayer(id: string, points: PointSet, classed: Classed, radiusScale: number, highlightPrefix: string | null) {
  return new ScatterplotLayer<number>({
    id,
    data: points.indices,
    ...UNDER_BOUNDARIES,
    pickable: true,
    radiusUnits: 'pixels',
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 0.5,
    getLineColor: [60, 60, 60, 200],
    getPosition: (i: number) => [points.lon[i], points.lat[i]],
    // Area ∝ people so dense villages do not hide behind small ones' symbols.
    getRadius: (i: number) => Math.max(2, Math.sqrt(points.people[i]) * radiusScale),
    getFillColor: (i: number) => {
      const code = points.codes[i];
      return colourFor(classed, code, highlightPrefix && !code.startsWith(highlightPrefix) ? 70 : 235);
    },
    updateTriggers: { getFillColor: [classed.version, highlightPrefix], getRadius: [points.people] },
  });
}

/** A ring around the selected point (village or subdistrict), drawn above the points. */
export function selectedPointLayer(id: string, lon: number, lat: number) {
  return new ScatterplotLayer<number>({
    id,
    data: [0],
    radiusUnits: 'pixels',
    getPosition: () => [lon, lat],
    getRadius: 11,
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    getLineColor: [11, 61, 145, 255],
  });
}
