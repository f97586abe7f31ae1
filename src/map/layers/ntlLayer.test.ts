import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { ntlImageRgba } from '../../domain/raster/ntlColour';
import { seededGrid } from '../../domain/raster/seededRaster';
import { NtlRasterLayer, ntlBitmapLayer } from './ntlLayer';

describe('ntlBitmapLayer', () => {
  const grid = seededGrid({ width: 8, height: 6, west: 100, north: 14, pixelWidthDeg: 0.25, seed: 1, zeroShare: 0.5 });
  it('places the image on the grid bounds in lon/lat, with the settings', () => {
    const layer = ntlBitmapLayer(grid, { opacity: 0.6, maxRadianceNw: 50 });
    expect(layer.id).toBe('ntl');
    expect(layer.props.bounds).toEqual([100, 12.5, 102, 14]);
    expect(layer.props.opacity).toBe(0.6);
    expect(layer.props._imageCoordinateSystem).toBe(COORDINATE_SYSTEM.LNGLAT);
    const img = layer.props.image as unknown as { width: number; height: number; data: Uint8ClampedArray };
    expect(Array.from(img.data)).toEqual(Array.from(ntlImageRgba(grid, 50).data));
  });
  it('uses a precomputed image when given one', () => {
    const image = ntlImageRgba(grid, 10);
    expect(ntlBitmapLayer(grid, { opacity: 1, image, id: 'x' }).props.image).toBe(image);
  });
});

describe('NtlRasterLayer', () => {
  it('reports the {lon, lat} under the pointer as the picked object (tooltip value, click-through selection)', () => {
    const national = { image: { width: 1, height: 1, data: new Uint8ClampedArray(4) } as unknown as ImageData, bounds: [97, 5, 106, 21] as [number, number, number, number] };
    const layer = new NtlRasterLayer({ id: 'ntl-raster', national, rasterKey: '1', getTile: async () => null, extent: [97, 5, 106, 21], tilesFromZoom: 6.5, minTileZoom: 6, maxTileZoom: 11 });
    const info = layer.getPickingInfo({ info: { coordinate: [100.5, 13.75], index: 0 }, mode: 'hover', sourceLayer: null } as never);
    expect(info.object).toEqual({ lon: 100.5, lat: 13.75 });
  });
});
