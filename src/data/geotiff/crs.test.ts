import { describe, expect, it } from 'vitest';
import { assertWgs84Geographic } from './crs';

// GeoKey sets as geotiff.js reports them for files written by GDAL (the first two copied from
// ../shared/realdata: a GDAL EPSG:4326 file and utm.tif); the others vary one key at a time.
const wgs84 = { GTModelTypeGeoKey: 2, GTRasterTypeGeoKey: 1, GeographicTypeGeoKey: 4326, GeogCitationGeoKey: 'WGS 84', GeogAngularUnitsGeoKey: 9102 };
const utm = { GTModelTypeGeoKey: 1, GTRasterTypeGeoKey: 1, GTCitationGeoKey: 'WGS 84 / UTM zone 17N', ProjectedCSTypeGeoKey: 32617, ProjLinearUnitsGeoKey: 9001 };
const check = (keys: Record<string, unknown> | null, hasTransform = true) => () => assertWgs84Geographic(keys, hasTransform, 'f.tif');

describe('assertWgs84Geographic', () => {
  it('accepts EPSG:4326 and user-defined WGS 84 equivalents', () => {
    expect(check(wgs84)).not.toThrow();
    expect(check({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 32767, GeogGeodeticDatumGeoKey: 6326 })).not.toThrow();
    expect(check({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 32767, GeogSemiMajorAxisGeoKey: 6378137, GeogInvFlatteningGeoKey: 298.257223563 })).not.toThrow();
  });
  it('refuses, naming the file and the CRS', () => {
    expect(check(utm)).toThrow('f.tif: is in a projected CRS (EPSG:32617 "WGS 84 / UTM zone 17N"); expected EPSG:4326');
    expect(check({ ...wgs84, GeographicTypeGeoKey: 4240 })).toThrow('f.tif: is in the geographic CRS EPSG:4240 (Indian 1975), whose datum differs from WGS 84');
    expect(check({ ...wgs84, GeogAngularUnitsGeoKey: 9101 })).toThrow('f.tif: uses angular unit EPSG:9101 (radians)');
    expect(check({ GTModelTypeGeoKey: 3 })).toThrow('f.tif: is in a geocentric CRS');
    expect(check(null)).toThrow('f.tif: has no georeferencing (no GeoTIFF GeoKeys)');
    expect(check(wgs84, false)).toThrow('f.tif: has no georeferencing (no tiepoint or transformation)');
    expect(check({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 32767, GeogSemiMajorAxisGeoKey: 6377276.345 })).toThrow('semi-major axis 6377276.345 m, not WGS 84');
  });
});
