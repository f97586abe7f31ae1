/**
 * Which coordinate reference systems the nighttime-light layer accepts. Pixels are placed on the
 * map and matched to villages by longitude/latitude, so only geographic WGS 84 (EPSG:4326) is
 * used as is. Anything else is refused with a message naming the CRS rather than drawn in the
 * wrong place (DESIGN.md §5): a projected raster (UTM metres) would land in the ocean off Africa,
 * and a geographic CRS on another datum (Indian 1975, the old Thai datum, is ~400 m from WGS 84)
 * would be off by about a pixel at 15″.
 *
 * GeoKey numbers from OGC GeoTIFF 1.1 (19-008r4) Annex; EPSG codes from the EPSG registry.
 */
import { GeoTiffRefusal } from './refusal';

export type GeoKeys = Record<string, unknown> | null;

const WGS84_A = 6378137;
const WGS84_INV_F = 298.257223563;
const USER_DEFINED = 32767;

const PROJ_COORD_TRANS: Record<number, string> = {
  1: 'Transverse Mercator',
  7: 'Mercator',
  8: 'Lambert Conformal Conic 2SP',
  11: 'Albers Equal Area',
  15: 'Polar Stereographic',
  16: 'Oblique Stereographic',
};
const ELLIPSOIDS: Record<number, string> = { 7004: 'Bessel 1841', 7015: 'Everest 1830 (1937 adjustment)', 7030: 'WGS 84', 7019: 'GRS 1980', 7022: 'International 1924' };
const EXPECTED = 'expected EPSG:4326 (WGS 84 longitude/latitude); reproject it first, e.g. `gdalwarp -t_srs EPSG:4326 in.tif out.tif`';

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function projectedDescription(keys: Record<string, unknown>): string {
  const code = num(keys.ProjectedCSTypeGeoKey);
  const citation = typeof keys.GTCitationGeoKey === 'string' && keys.GTCitationGeoKey !== 'unknown' ? ` "${keys.GTCitationGeoKey}"` : '';
  if (code !== undefined && code !== USER_DEFINED) return `a projected CRS (EPSG:${code}${citation})`;
  const trans = num(keys.ProjCoordTransGeoKey);
  const name = trans !== undefined ? PROJ_COORD_TRANS[trans] ?? `coordinate transformation ${trans}` : 'unknown projection';
  return `a user-defined projected CRS (${name}${citation})`;
}

/** Does a user-defined geographic CRS amount to WGS 84 (same ellipsoid, no datum shift)? */
function isWgs84Equivalent(keys: Record<string, unknown>): { ok: true } | { ok: false; why: string } {
  const datum = num(keys.GeogGeodeticDatumGeoKey);
  const ellipsoid = num(keys.GeogEllipsoidGeoKey);
  const a = num(keys.GeogSemiMajorAxisGeoKey);
  const invF = num(keys.GeogInvFlatteningGeoKey);
  const toWgs84 = keys.GeogTOWGS84GeoKey;
  const shift = toWgs84 && typeof toWgs84 === 'object' ? Object.values(toWgs84 as Record<string, number>) : [];
  if (shift.some((v) => v !== 0)) {
    const e = ellipsoid !== undefined && ellipsoid !== USER_DEFINED ? ` on ellipsoid EPSG:${ellipsoid}${ELLIPSOIDS[ellipsoid] ? ` (${ELLIPSOIDS[ellipsoid]})` : ''}` : '';
    return { ok: false, why: `a user-defined geographic CRS${e} with a datum shift to WGS 84 (TOWGS84 ${shift.join(', ')}), so its coordinates are not WGS 84` };
  }
  if (datum === 6326) return { ok: true };
  if (ellipsoid === 7030) return { ok: true };
  if (ellipsoid !== undefined && ellipsoid !== USER_DEFINED) {
    return { ok: false, why: `a user-defined geographic CRS on ellipsoid EPSG:${ellipsoid}${ELLIPSOIDS[ellipsoid] ? ` (${ELLIPSOIDS[ellipsoid]})` : ''}, not WGS 84` };
  }
  if (a !== undefined && Math.abs(a - WGS84_A) < 1e-3 && invF !== undefined && Math.abs(invF - WGS84_INV_F) < 1e-6) return { ok: true };
  if (a !== undefined) return { ok: false, why: `a user-defined geographic CRS on an ellipsoid with semi-major axis ${a} m, not WGS 84` };
  return { ok: false, why: 'a user-defined geographic CRS without a datum or ellipsoid' };
}

/**
 * Throws GeoTiffRefusal unless the GeoKeys describe geographic WGS 84 in degrees.
 * Accepted: GeographicTypeGeoKey 4326; a user-defined geographic CRS (32767) whose datum is
 * WGS 84 (6326) or whose ellipsoid is WGS 84 (7030, or a = 6378137 m, 1/f = 298.257223563) with
 * no TOWGS84 shift — GDAL writes such keys for "WGS 84"-like WKT. Refused: projected and
 * geocentric models, other geographic EPSG codes, other datums/ellipsoids, non-degree units.
 */
export function assertWgs84Geographic(keys: GeoKeys, hasTransform: boolean, fileName: string): void {
  if (!keys || !hasTransform) {
    throw new GeoTiffRefusal(`${fileName}: has no georeferencing (${!keys ? 'no GeoTIFF GeoKeys' : 'no tiepoint or transformation'}), so its place on the map is unknown; ${EXPECTED}`);
  }
  const model = num(keys.GTModelTypeGeoKey);
  if (model === 1 || (model === undefined && keys.ProjectedCSTypeGeoKey !== undefined)) {
    throw new GeoTiffRefusal(`${fileName}: is in ${projectedDescription(keys)}; ${EXPECTED}`);
  }
  if (model === 3) throw new GeoTiffRefusal(`${fileName}: is in a geocentric CRS; ${EXPECTED}`);
  if (model !== 2) throw new GeoTiffRefusal(`${fileName}: has GeoKeys without a model type (GTModelTypeGeoKey ${String(model)}), so its CRS is unknown; ${EXPECTED}`);
  const units = num(keys.GeogAngularUnitsGeoKey);
  if (units !== undefined && units !== 9102) {
    throw new GeoTiffRefusal(`${fileName}: uses angular unit EPSG:${units} (${units === 9101 ? 'radians' : 'not degrees'}); ${EXPECTED}`);
  }
  const gcs = num(keys.GeographicTypeGeoKey);
  if (gcs === 4326) return;
  if (gcs !== undefined && gcs !== USER_DEFINED) {
    throw new GeoTiffRefusal(`${fileName}: is in the geographic CRS EPSG:${gcs}${gcs === 4240 ? ' (Indian 1975)' : ''}, whose datum differs from WGS 84; ${EXPECTED}`);
  }
  const eq = isWgs84Equivalent(keys);
  if (!eq.ok) throw new GeoTiffRefusal(`${fileName}: is in ${eq.why}; ${EXPECTED}`);
}
