/**
 * Web Mercator for the export rasteriser (map/rasterise.ts): the camera maplibre's fitBounds
 * picks for a box (bearing 0, symmetric padding) and the projection of lon/lat to CSS pixels of
 * that view, so a Canvas2D export lands every vertex where the WebGL map would.
 *
 * Conventions are maplibre's and deck.gl's (both 512 px tiles): the world is 512 · 2^zoom px
 * wide, x = (lon + 180) / 360, y = (180 − (180/π)·ln(tan(π/4 + φ/2))) / 360 as fractions of it,
 * latitudes clamped to ±85.051129° (maplibre MAX_VALID_LATITUDE). fitBounds follows maplibre's
 * cameraForBoxAndBearing (src/geo/projection/camera_helper.ts): zoom = log2(min(availW / dx,
 * availH / dy)) with dx, dy the box's size in zoom-0 world px, centre the midpoint of its
 * projected corners.
 */

export const TILE_PX = 512;
export const MAX_LATITUDE = 85.051129;
/** maplibre's default maxZoom (the fit never zooms in further). */
export const MAX_ZOOM = 22;

export interface MercatorView {
  /** CSS px. */
  width: number;
  height: number;
  zoom: number;
  /** Centre in world fractions (0..1), see mercatorX / mercatorY. */
  cx: number;
  cy: number;
}

export const mercatorX = (lon: number): number => (lon + 180) / 360;
export function mercatorY(lat: number): number {
  const l = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360))) / 360;
}
/** Latitude of a world fraction y (inverse of mercatorY). */
export const latitudeOf = (y: number): number => (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;

/** The view maplibre's fitBounds([[w, s], [e, n]], { padding }) gives a `width × height` map. */
export function fitBounds(bounds: readonly [number, number, number, number], width: number, height: number, padding: number): MercatorView {
  const [w, s, e, n] = bounds;
  const x0 = mercatorX(w), x1 = mercatorX(e), y0 = mercatorY(n), y1 = mercatorY(s);
  const dx = (x1 - x0) * TILE_PX, dy = (y1 - y0) * TILE_PX;
  const scale = Math.min((width - 2 * padding) / dx, (height - 2 * padding) / dy);
  return { width, height, zoom: Math.min(Math.log2(scale), MAX_ZOOM), cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 };
}

/** World size in px at the view's zoom. */
export const worldPx = (v: MercatorView): number => TILE_PX * 2 ** v.zoom;

/** CSS px of lon/lat in the view (origin top-left). */
export function project(v: MercatorView, lon: number, lat: number): [number, number] {
  const W = worldPx(v);
  return [(mercatorX(lon) - v.cx) * W + v.width / 2, (mercatorY(lat) - v.cy) * W + v.height / 2];
}

/** Pixels per metre on the ground at a latitude (WGS84 equatorial circumference, as deck.gl's distanceScales). */
export function pixelsPerMetre(v: MercatorView, lat: number): number {
  return worldPx(v) / (40_075_016.686 * Math.cos((lat * Math.PI) / 180));
}

/** Latitude at the view's centre. */
export const centreLatitude = (v: MercatorView): number => latitudeOf(v.cy);
