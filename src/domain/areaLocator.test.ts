import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { buildAreaLocator } from './areaLocator';

// Two squares side by side and one with a hole (hand-drawn fixtures).
const squares: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: '10' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } },
    { type: 'Feature', properties: { code: '11' }, geometry: { type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]] } },
    {
      type: 'Feature',
      properties: { code: '12' },
      geometry: { type: 'Polygon', coordinates: [[[3, 0], [6, 0], [6, 3], [3, 3], [3, 0]], [[4, 1], [5, 1], [5, 2], [4, 2], [4, 1]]] },
    },
  ],
};

describe('buildAreaLocator', () => {
  it('finds the containing polygon, respecting holes', () => {
    const loc = buildAreaLocator(squares);
    expect(loc.locate(0.5, 0.5)).toBe('10');
    expect(loc.locate(1.5, 0.2)).toBe('11');
    expect(loc.locate(3.5, 0.5)).toBe('12');
    expect(loc.locate(4.5, 1.5)).toBeNull(); // in the hole
    expect(loc.locate(-1, -1)).toBeNull();
  });
  it('agrees with a brute-force scan over every polygon', () => {
    const loc = buildAreaLocator(squares);
    fc.assert(
      fc.property(fc.double({ min: -1, max: 7, noNaN: true }), fc.double({ min: -1, max: 4, noNaN: true }), (x, y) => {
        const hits = squares.features.filter((f) => booleanPointInPolygon([x, y], f as never)).map((f) => String(f.properties!.code));
        const got = loc.locate(x, y);
        if (hits.length === 0) expect(got).toBeNull();
        else expect(hits).toContain(got);
      }),
    );
  });
});
