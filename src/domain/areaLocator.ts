/**
 * Which area polygon contains a point: a static R-tree over the polygons' bounding boxes
 * (flatbush, Agafonkin) narrows candidates, then an exact point-in-polygon test (turf, ray
 * casting with holes). Used to count services per area from their coordinates alone, so
 * imported service lists need no area codes.
 */
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import bbox from '@turf/bbox';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export interface AreaLocator {
  /** Code of the polygon containing the point, or null outside every polygon. */
  locate(lon: number, lat: number): string | null;
}

export function buildAreaLocator(fc: FeatureCollection, codeProperty = 'code'): AreaLocator {
  const polys = fc.features.filter((f): f is Feature<Polygon | MultiPolygon> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
  const index = new Flatbush(Math.max(1, polys.length));
  for (const f of polys) {
    const [w, s, e, n] = bbox(f);
    index.add(w, s, e, n);
  }
  if (polys.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return {
    locate(lon, lat) {
      for (const i of index.search(lon, lat, lon, lat)) {
        const f = polys[i];
        if (f && booleanPointInPolygon([lon, lat], f)) return String(f.properties?.[codeProperty]);
      }
      return null;
    },
  };
}
