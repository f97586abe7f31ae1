/**
 * The nighttime-light raster as a deck.gl BitmapLayer: a pure factory of (grid, settings). The
 * colour math lives in src/domain/raster/ntlColour.ts; this file only places the image.
 */
import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { BitmapLayer } from '@deck.gl/layers';
import type { RasterGrid } from '../../domain/raster/grid';
import { DEFAULT_MAX_RADIANCE_NW, ntlImageRgba } from '../../domain/raster/ntlColour';

export interface NtlLayerSettings {
  /** 0–1, from the opacity slider. */
  opacity: number;
  /** Top of the colour ramp, nW/cm²/sr (default 100). */
  maxRadianceNw?: number;
  /** RGBA already computed (e.g. by ntlImageRgba in a worker); otherwise computed here. */
  image?: { width: number; height: number; data: Uint8ClampedArray } | ImageData;
  id?: string;
  visible?: boolean;
}

/** Wraps RGBA bytes as ImageData where it exists (browser, worker); a plain object elsewhere (Node tests). */
function toImage(img: { width: number; height: number; data: Uint8ClampedArray } | ImageData): ImageData | { width: number; height: number; data: Uint8ClampedArray } {
  if (typeof ImageData !== 'undefined' && !(img instanceof ImageData)) return new ImageData(img.data as Uint8ClampedArray<ArrayBuffer>, img.width, img.height);
  return img;
}

/**
 * BitmapLayer for a RasterGrid. Bounds are the grid's outer pixel edges; the image is declared
 * in longitude/latitude (`_imageCoordinateSystem: LNGLAT`) so deck.gl reprojects each fragment:
 * stretching a 15°-tall EPSG:4326 image linearly in Web Mercator would misplace rows by
 * kilometres. Nearest-neighbour sampling keeps pixels crisp when zoomed in. Not pickable: the
 * tooltip value comes from sampleRaster(grid, lon, lat).
 */
export function ntlBitmapLayer(grid: RasterGrid, settings: NtlLayerSettings): BitmapLayer {
  const image = settings.image ?? ntlImageRgba(grid, settings.maxRadianceNw ?? DEFAULT_MAX_RADIANCE_NW);
  return new BitmapLayer({
    id: settings.id ?? 'ntl',
    bounds: [grid.west, grid.south, grid.east, grid.north],
    image: toImage(image) as ImageData,
    opacity: settings.opacity,
    visible: settings.visible ?? true,
    pickable: false,
    _imageCoordinateSystem: COORDINATE_SYSTEM.LNGLAT,
    textureParameters: { minFilter: 'nearest', magFilter: 'nearest' },
  });
}
