/**
 * Coordinate sanity for service points in Thailand: inside the country's box, latitude and
 * longitude not swapped, and not projected metres (UTM 47N/48N is what Thai GIS files use).
 */

/**
 * Thailand's extent (about 97.34–105.64 °E, 5.61–20.46 °N, from the OCHA admin-0 boundary)
 * with a 0.3° margin for border services and rounding.
 */
export const THAILAND_BOX = { minLon: 97.0, maxLon: 106.0, minLat: 5.3, maxLat: 20.8 } as const;

export function insideThailand(lon: number, lat: number): boolean {
  return lon >= THAILAND_BOX.minLon && lon <= THAILAND_BOX.maxLon && lat >= THAILAND_BOX.minLat && lat <= THAILAND_BOX.maxLat;
}

/** Parses a coordinate cell: a decimal number (a decimal comma and spaces tolerated); NaN otherwise. */
export function parseCoordinate(s: string): number {
  const t = s.replace(/[\s\u00a0]/g, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(t)) return NaN;
  return Number(t.replace(',', '.'));
}

export type PointVerdict = 'ok' | 'swapped' | 'outside' | 'projected' | 'invalid';

/** Classifies one (x, y) pair read as (lon, lat). */
export function classifyPoint(x: number, y: number): PointVerdict {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return 'invalid';
  if (insideThailand(x, y)) return 'ok';
  if (insideThailand(y, x)) return 'swapped';
  // Metres are in the thousands at least; a value just beyond ±180/±90 is a typo, not a projection.
  if (Math.abs(x) > 1000 || Math.abs(y) > 1000) return 'projected';
  return 'outside';
}

/**
 * A message for files whose coordinates are metres, naming the likely system: Thailand's
 * UTM zones 47N (EPSG:32647, west of 102 °E) and 48N (EPSG:32648) have eastings 100,000–900,000 m
 * and northings 500,000–2,300,000 m.
 */
export function projectedMessage(source: string, where: string, x: number, y: number): string {
  const utm = x >= 100_000 && x <= 900_000 && y >= 500_000 && y <= 2_300_000;
  const guess = utm ? 'they look like UTM zone 47N/48N metres (EPSG:32647/32648, Indian 1975 EPSG:24047/24048 or WGS84)' : 'they are not longitude/latitude degrees';
  return `${source}: coordinates are projected, not degrees (${where}: x=${x}, y=${y}); ${guess}. Convert the file to WGS84 longitude/latitude (EPSG:4326) first, e.g. ogr2ogr -t_srs EPSG:4326.`;
}
