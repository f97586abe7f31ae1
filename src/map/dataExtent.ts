/**
 * The extent of a workspace's data (issue 15 item 5): after an import of one province the map
 * should show that province, not the whole country with the province a speck. The extent is the
 * union of the bounding boxes of the provinces that have data; without their polygons, the
 * villages' points. Longitudes and latitudes in degrees (WGS 84), [west, south, east, north].
 */
import bbox from '@turf/bbox';
import type { FeatureCollection } from 'geojson';

export type Extent = [number, number, number, number];

export function dataExtent(provinces: FeatureCollection | undefined, provinceCodes: readonly string[], lon?: ArrayLike<number>, lat?: ArrayLike<number>): Extent | null {
  const want = new Set(provinceCodes);
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const f of provinces?.features ?? []) {
    if (!f.geometry || !want.has(String(f.properties?.code ?? ''))) continue;
    const [a, b, c, d] = bbox(f);
    if (!Number.isFinite(a)) continue;
    if (a < w) w = a;
    if (b < s) s = b;
    if (c > e) e = c;
    if (d > n) n = d;
  }
  if (w <= e) return [w, s, e, n];
  if (lon && lat) {
    for (let i = 0; i < lon.length; i++) {
      const x = lon[i], y = lat[i];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < w) w = x;
      if (y < s) s = y;
      if (x > e) e = x;
      if (y > n) n = y;
    }
    if (w <= e) return [w, s, e, n];
  }
  return null;
}
