import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { dataExtent } from './dataExtent';

const square = (code: string, x: number, y: number, size: number) => ({
  type: 'Feature' as const,
  properties: { code },
  geometry: { type: 'Polygon' as const, coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] },
});

describe('dataExtent', () => {
  const fc: FeatureCollection = { type: 'FeatureCollection', features: [square('50', 98, 18, 1), square('58', 97.5, 18.5, 1), square('10', 100, 13, 0.5), { type: 'Feature', properties: { code: '11' }, geometry: null as never }] };
  it('the union of the boxes of the provinces with data, others ignored', () => {
    expect(dataExtent(fc, ['50', '58'])).toEqual([97.5, 18, 99, 19.5]);
    expect(dataExtent(fc, ['10'])).toEqual([100, 13, 100.5, 13.5]);
  });
  it('without their polygons: the villages’ points, NaN skipped; nothing: null', () => {
    expect(dataExtent(fc, ['11'], [100.1, NaN, 100.4], [14, 5, 14.2])).toEqual([100.1, 14, 100.4, 14.2]);
    expect(dataExtent(undefined, ['11'], [NaN], [NaN])).toBeNull();
  });
});
