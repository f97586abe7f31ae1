/**
 * The basemap, built in the app: no tile server, no token, no glyphs or sprites, so no request
 * leaves the machine (DESIGN.md §5). Admin boundaries draw as lines above deck.gl's fills
 * (interleaved), heavier for provinces than districts so the hierarchy reads at a glance.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

export const SEA_COLOUR = '#dfe8ee';
export const BOUNDARY_LAYER_IDS = { subdistrict: 'subdistrict-lines', district: 'district-lines', province: 'province-lines', selected: 'selected-outline' } as const;
/** deck.gl layers are inserted below this maplibre layer, i.e. under all boundary lines. */
export const DECK_BEFORE_ID = BOUNDARY_LAYER_IDS.subdistrict;
/** Subdistrict outlines (a 2 MB file) load only once the map is zoomed in this far. */
export const SUBDISTRICT_MIN_ZOOM = 8.3;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** Neighbouring countries in a muted tone, so Thailand reads first (issue 8 item 9). */
export const NEIGHBOUR_COLOUR = '#e5e2da';
const COUNTRIES_URL = typeof document === 'undefined' ? '' : new URL('basemap/countries.geojson', document.baseURI).href;

export function buildStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      province: { type: 'geojson', data: EMPTY, promoteId: 'code' },
      district: { type: 'geojson', data: EMPTY, promoteId: 'code' },
      subdistrict: { type: 'geojson', data: EMPTY },
      selected: { type: 'geojson', data: EMPTY },
      // Basemap context (not a workspace layer): Natural Earth admin-0, bundled (public domain).
      countries: { type: 'geojson', data: COUNTRIES_URL },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': SEA_COLOUR } },
      // Constant colours split by filter, and no fill antialiasing (the lines draw every edge):
      // all fills then share ONE shader program. Each program costs 0.1–0.3 s to compile in
      // software WebGL; a data-driven colour and the antialiasing outlines made four (profile of
      // the first map, stop 12).
      { id: 'countries', type: 'fill', source: 'countries', filter: ['!=', ['get', 'name'], 'Thailand'], paint: { 'fill-color': NEIGHBOUR_COLOUR, 'fill-antialias': false } },
      { id: 'thailand', type: 'fill', source: 'countries', filter: ['==', ['get', 'name'], 'Thailand'], paint: { 'fill-color': '#f4f1ea', 'fill-antialias': false } },
      { id: 'country-lines', type: 'line', source: 'countries', paint: { 'line-color': '#b9b5ab', 'line-width': 0.8 } },
      { id: 'land', type: 'fill', source: 'province', paint: { 'fill-color': '#f4f1ea', 'fill-antialias': false } },
      {
        id: BOUNDARY_LAYER_IDS.subdistrict,
        type: 'line',
        source: 'subdistrict',
        minzoom: SUBDISTRICT_MIN_ZOOM,
        paint: { 'line-color': '#8a8a8a', 'line-width': 0.6, 'line-dasharray': [3, 2] },
      },
      {
        id: BOUNDARY_LAYER_IDS.district,
        type: 'line',
        source: 'district',
        minzoom: 6.3,
        paint: { 'line-color': '#6b6b6b', 'line-width': ['interpolate', ['linear'], ['zoom'], 6.3, 0.3, 9, 1], 'line-opacity': 0.8 },
      },
      {
        id: BOUNDARY_LAYER_IDS.province,
        type: 'line',
        source: 'province',
        paint: { 'line-color': '#3a3a3a', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.8, 9, 2.2] },
      },
      {
        id: BOUNDARY_LAYER_IDS.selected,
        type: 'line',
        source: 'selected',
        paint: { 'line-color': '#0b3d91', 'line-width': 3 },
      },
    ],
  };
}
