/**
 * The map's camera in the URL (`at=zoom/lat/lon`, the order of openstreetmap.org's `#map=`), so a
 * reload or a shared link shows the same view (issue 15 item 5). Kept apart from url.ts's view
 * parameters: the camera moves many times a second and belongs to the main map alone.
 */
export interface CameraView {
  zoom: number;
  lat: number;
  lon: number;
}

export function parseCameraParam(search: string): CameraView | null {
  const v = new URLSearchParams(search).get('at');
  if (!v) return null;
  const m = /^(\d{1,2}(?:\.\d+)?)\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/.exec(v);
  if (!m) return null;
  const zoom = Number(m[1]), lat = Number(m[2]), lon = Number(m[3]);
  if (zoom > 22 || Math.abs(lat) > 85 || Math.abs(lon) > 180) return null;
  return { zoom, lat, lon };
}

/**
 * Precision follows the zoom (as openstreetmap.org does): at zoom z one pixel is about
 * 360 / (256 · 2^z) degrees, so ⌈log10(2^z · 256 / 360)⌉ decimals keep the view within a pixel.
 */
export function formatCameraParam(v: CameraView): string {
  const decimals = Math.max(0, Math.min(6, Math.ceil(Math.log10((2 ** v.zoom * 256) / 360))));
  return `${v.zoom.toFixed(2)}/${v.lat.toFixed(decimals)}/${v.lon.toFixed(decimals)}`;
}

/** The search string with `at` set (other parameters untouched). */
export function withCameraParam(search: string, v: CameraView): string {
  const q = new URLSearchParams(search);
  q.set('at', formatCameraParam(v));
  return `?${q.toString().replace(/%2F/g, '/').replace(/%2C/g, ',')}`;
}
