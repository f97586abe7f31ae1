import { describe, expect, it } from 'vitest';
import { it as fit, fc } from '@fast-check/vitest';
import { formatCameraParam, parseCameraParam, withCameraParam } from './viewParam';

describe('camera in the URL', () => {
  it('round-trips and keeps the other parameters', () => {
    const s = withCameraParam('?area=50&lang=th&compare=50,58', { zoom: 8.25, lat: 18.7883, lon: 98.9853 });
    expect(s).toBe('?area=50&lang=th&compare=50,58&at=8.25/18.788/98.985');
    expect(parseCameraParam(s)).toEqual({ zoom: 8.25, lat: 18.788, lon: 98.985 });
  });

  it('refuses what is not a camera', () => {
    for (const bad of ['?at=abc', '?at=5/100/10', '?at=30/10/10', '?at=5/10', '?x=1']) expect(parseCameraParam(bad)).toBeNull();
  });

  fit.prop([fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: -60, max: 60, noNaN: true }), fc.double({ min: -179, max: 179, noNaN: true })])(
    'the restored centre is within half a pixel of the written one (256-px tiles)',
    (zoom, lat, lon) => {
      const back = parseCameraParam(`?at=${formatCameraParam({ zoom, lat, lon })}`)!;
      const degPerPx = 360 / (256 * 2 ** back.zoom);
      expect(Math.abs(back.lon - lon)).toBeLessThanOrEqual(degPerPx);
      expect(Math.abs(back.zoom - zoom)).toBeLessThanOrEqual(0.005 + 1e-9);
    },
  );
});
