/**
 * The nighttime-light raster as a deck.gl BitmapLayer: a pure factory of (grid, settings). The
 * colour math lives in src/domain/raster/ntlColour.ts; this file only places the image.
 */
import { COORDINATE_SYSTEM, CompositeLayer, type GetPickingInfoParams, type PickingInfo, type UpdateParameters } from '@deck.gl/core';
import { BitmapLayer } from '@deck.gl/layers';
import { TileLayer } from '@deck.gl/geo-layers';
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

/** An RGBA image with its [west, south, east, north] pixel edges, as the nighttime-lights worker sends it. */
export interface PlacedImage {
  image: ImageData;
  bounds: [number, number, number, number];
}

export interface NtlRasterLayerProps {
  /** The national image (a file overview or a block mean, ≤ 2048 px a side). */
  national: PlacedImage;
  /** Changes with every raster: cached tiles of the previous one are dropped. */
  rasterKey: string;
  /** Full-resolution tile for a bbox (null outside the raster). */
  getTile: (bbox: { west: number; south: number; east: number; north: number }) => Promise<PlacedImage | null>;
  /** Raster extent: no tiles are asked for outside it. */
  extent: [number, number, number, number];
  /** Map zoom from which full-resolution tiles replace the national image. */
  tilesFromZoom: number;
  /** Coarsest and finest tile zoom (beyond the finest, tiles are overzoomed). */
  minTileZoom: number;
  maxTileZoom: number;
  /** Called each time every tile of the viewport has loaded. */
  onTilesLoaded?: () => void;
}

const imageProps = {
  _imageCoordinateSystem: COORDINATE_SYSTEM.LNGLAT,
  textureParameters: { minFilter: 'nearest', magFilter: 'nearest' },
} as const;

/**
 * The nighttime-light raster at every zoom: the national image below `tilesFromZoom`, and above
 * it a deck.gl TileLayer whose 512 px web-mercator tiles are cut from the full-resolution grid
 * (each tile's image holds the raster pixels that intersect it, in lon/lat, so no resampling and
 * no texture over ~700 px). The national image stays drawn until the first viewport of tiles has
 * loaded — never both at once, since the two semi-transparent images would double the colour.
 */
export class NtlRasterLayer extends CompositeLayer<NtlRasterLayerProps> {
  static override layerName = 'NtlRasterLayer';
  declare state: { tilesLoaded: boolean; key: string };

  override initializeState(): void {
    this.setState({ tilesLoaded: false, key: this.props.rasterKey });
  }

  // Re-render on every viewport change: which image shows depends on the zoom.
  override shouldUpdateState({ changeFlags }: UpdateParameters<this>): boolean {
    return changeFlags.somethingChanged;
  }

  override updateState({ props }: UpdateParameters<this>): void {
    const zoom = this.context.viewport.zoom;
    if (props.rasterKey !== this.state.key || (zoom < props.tilesFromZoom && this.state.tilesLoaded)) {
      this.setState({ tilesLoaded: false, key: props.rasterKey });
    }
  }

  /** A pick on the raster reports where it is: the object is the {lon, lat} under the pointer. */
  override getPickingInfo({ info }: GetPickingInfoParams): PickingInfo {
    if (info.coordinate) info.object = { lon: info.coordinate[0], lat: info.coordinate[1] };
    return info;
  }

  override renderLayers() {
    const { national, opacity, pickable, rasterKey, getTile, extent, tilesFromZoom, minTileZoom, maxTileZoom } = this.props;
    const tiled = this.context.viewport.zoom >= tilesFromZoom;
    return [
      new BitmapLayer(
        this.getSubLayerProps({
          id: 'national',
          bounds: national.bounds,
          image: national.image,
          visible: !tiled || !this.state.tilesLoaded,
          ...imageProps,
        }),
      ),
      new TileLayer<PlacedImage | null>(
        this.getSubLayerProps({
          id: `tiles-${rasterKey}`,
          getTileData: ({ bbox }: { bbox: { west: number; south: number; east: number; north: number } }) => getTile(bbox),
          extent,
          tileSize: 512,
          minZoom: minTileZoom,
          maxZoom: maxTileZoom,
          visibleMinZoom: tilesFromZoom,
          maxRequests: 4,
          // 'no-overlap': a placeholder never lies over a loaded tile (two semi-transparent images would double the colour).
          refinementStrategy: 'no-overlap',
          onViewportLoad: () => {
            if (!this.state.tilesLoaded) this.setState({ tilesLoaded: true });
            this.props.onTilesLoaded?.();
          },
          renderSubLayers: (p: { id: string; data: PlacedImage | null }) =>
            p.data
              ? new BitmapLayer({ id: p.id, bounds: p.data.bounds, image: p.data.image, opacity, pickable, ...imageProps })
              : null,
        }),
      ),
    ];
  }
}
