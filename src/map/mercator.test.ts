/**
 * The rasteriser's Web Mercator against maplibre's own code: maplibre-gl ships its TypeScript
 * sources, so the reference camera is maplibre's cameraForBoxAndBearing on a MercatorTransform
 * (what map.fitBounds applies) and the reference pixel its locationToScreenPoint.
 */
import { describe, expect, it } from 'vitest';
// A runtime path: tsc would otherwise type-check maplibre's sources under this project's stricter options.
const SRC = '../../node_modules/maplibre-gl/src/geo/';
const load = (f: string) => import(/* @vite-ignore */ `${SRC}${f}`);
const [{ createMercatorTransform }, { MercatorCameraHelper }, { LngLat }, { LngLatBounds }] = await Promise.all(
  ['projection/mercator_transform.ts', 'projection/mercator_camera_helper.ts', 'lng_lat.ts', 'lng_lat_bounds.ts'].map(load),
);
import { fitBounds, latitudeOf, mercatorY, pixelsPerMetre, project } from './mercator';

const CASES: { name: string; bounds: [number, number, number, number]; w: number; h: number; pad: number }[] = [
  { name: 'Thailand in the 1280 × 720 export', bounds: [97.3, 5.6, 105.7, 20.5], w: 1280, h: 720, pad: 30 },
  { name: 'Chiang Mai in a compare cell', bounds: [98.05, 17.24, 99.57, 20.14], w: 632, h: 672, pad: 30 },
  { name: 'a wide, short box', bounds: [100.1, 13.6, 101.9, 13.9], w: 1920, h: 1080, pad: 12 },
];

describe('fitBounds and project match maplibre', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const tr = createMercatorTransform({ minZoom: 0, maxZoom: 22, minPitch: 0, maxPitch: 60, renderWorldCopies: true });
      tr.resize(c.w, c.h);
      const [w, s, e, n] = c.bounds;
      const pad = { top: c.pad, bottom: c.pad, left: c.pad, right: c.pad };
      const cam = new MercatorCameraHelper().cameraForBoxAndBearing({ offset: [0, 0], maxZoom: 22 } as never, pad, { top: 0, bottom: 0, left: 0, right: 0 }, new LngLatBounds([w, s], [e, n]), 0, tr)!;
      tr.setZoom(cam.zoom);
      tr.setCenter(LngLat.convert(cam.center));
      const v = fitBounds(c.bounds, c.w, c.h, c.pad);
      expect(v.zoom).toBeCloseTo(cam.zoom, 9);
      for (const [lon, lat] of [[w, s], [e, n], [(w + e) / 2, (s + n) / 2], [100.5, 13.75], [w, n]] as const) {
        const ref = tr.locationToScreenPoint(new LngLat(lon, lat));
        const [x, y] = project(v, lon, lat);
        expect(x).toBeCloseTo(ref.x, 6);
        expect(y).toBeCloseTo(ref.y, 6);
      }
    });
  }

  it('the fitted box touches the padding on its tighter side', () => {
    const v = fitBounds([97.3, 5.6, 105.7, 20.5], 1280, 720, 30);
    // Thailand is tall: north and south edges sit on the padding.
    expect(project(v, 100, 20.5)[1]).toBeCloseTo(30, 9);
    expect(project(v, 100, 5.6)[1]).toBeCloseTo(690, 9);
  });

  it('latitudeOf inverts mercatorY; pixelsPerMetre at zoom 0 on the equator is 512 / circumference', () => {
    for (const lat of [-60, -5.6, 0, 13.75, 20.5, 80]) expect(latitudeOf(mercatorY(lat))).toBeCloseTo(lat, 9);
    expect(pixelsPerMetre({ width: 512, height: 512, zoom: 0, cx: 0.5, cy: 0.5 }, 0)).toBeCloseTo(512 / 40_075_016.686, 15);
  });
});
