/**
 * The raster grid every nighttime-light computation works on: one band, north-up, EPSG:4326,
 * row-major from the north-west corner, nodata already turned into NaN (so that "nodata counts
 * nowhere" is one `v === v` test). Produced by src/data/geotiff/readRasterGrid.ts.
 */
export interface RasterGrid {
  width: number;
  height: number;
  /** Outer pixel edges in degrees (EPSG:4326). */
  west: number;
  south: number;
  east: number;
  north: number;
  /** Pixel size in degrees; VIIRS VNL is 1/240° (15″) both ways. */
  pixelWidthDeg: number;
  pixelHeightDeg: number;
  /** Radiance (nW/cm²/sr for VIIRS), row 0 = northernmost; NaN = nodata. */
  values: Float32Array;
  /** 1-based band number that was read, and how many the file has. */
  band: number;
  bandCount: number;
  /** GDAL band descriptions (e.g. "2025-03"), null where the file has none. */
  bandDescriptions: (string | null)[];
  /** 0 = full resolution, 1 = first overview (2× coarser), … */
  overviewLevel: number;
  /** The file name, for messages and labels. */
  sourceName: string;
  /** The nodata value declared by the file (GDAL_NODATA), null if none. */
  noData: number | null;
}

/** Thailand's extent with a margin, degrees: the window read from larger (e.g. global) rasters. */
export const THAILAND_BBOX = { west: 97.3, south: 5.5, east: 105.7, north: 20.5 } as const;

export interface BBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Column of the pixel containing `lon`, or -1 outside. */
export function columnOf(grid: RasterGrid, lon: number): number {
  const c = Math.floor((lon - grid.west) / grid.pixelWidthDeg);
  return c >= 0 && c < grid.width ? c : -1;
}

/** Row of the pixel containing `lat`, or -1 outside. */
export function rowOf(grid: RasterGrid, lat: number): number {
  const r = Math.floor((grid.north - lat) / grid.pixelHeightDeg);
  return r >= 0 && r < grid.height ? r : -1;
}

/** Longitude of the centre of column `c`. */
export function columnCentreLon(grid: RasterGrid, c: number): number {
  return grid.west + (c + 0.5) * grid.pixelWidthDeg;
}

/** Latitude of the centre of row `r`. */
export function rowCentreLat(grid: RasterGrid, r: number): number {
  return grid.north - (r + 0.5) * grid.pixelHeightDeg;
}

/**
 * Value of the pixel under (lon, lat) for tooltips; NaN outside the grid or on nodata. Nearest
 * pixel (the one that contains the point), as `gdallocationinfo -wgs84` reports it.
 */
export function sampleRaster(grid: RasterGrid, lon: number, lat: number): number {
  const c = columnOf(grid, lon);
  const r = rowOf(grid, lat);
  if (c < 0 || r < 0) return NaN;
  return grid.values[r * grid.width + c];
}
