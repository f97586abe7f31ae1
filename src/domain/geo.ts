/**
 * Great-circle geometry shared by access and raster statistics.
 *
 * Mean Earth radius R1 = 6,371.0088 km (IUGG, Moritz 1980 "Geodetic Reference System 1980"),
 * the radius the issues fix so that numbers can be checked against other tools.
 */
export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/**
 * Haversine distance in km (Sinnott 1984, "Virtues of the Haversine", Sky & Telescope 68:159),
 * numerically stable for the short distances that dominate village-to-service questions.
 */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return haversineKmCos(lon1, lat1, Math.cos(lat1 * RAD), lon2, lat2, Math.cos(lat2 * RAD));
}

/**
 * haversineKm with both cos(latitude) factors supplied by the caller (hoisted out of inner loops
 * over many pairs); the same operations in the same order, so results are bit-identical.
 */
export function haversineKmCos(lon1: number, lat1: number, cosLat1: number, lon2: number, lat2: number, cosLat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + cosLat1 * cosLat2 * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}
