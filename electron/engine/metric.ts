/**
 * The one distance metric of the engine. Every length (road edges, snap distances, off-road legs,
 * straight-line estimates) goes through `metresBetween`, so times compare consistently: a path is
 * never "shorter" than the straight line because two parts were measured differently.
 *
 * Haversine on a sphere of the mean Earth radius: a true metric (the triangle inequality holds),
 * accurate to ~0.3 % against the ellipsoid, which is far below the uncertainty of road speeds.
 */

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

/** Metres per degree of latitude on that sphere (also per degree of longitude at the equator). */
export const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

const RAD = Math.PI / 180;

/** Great-circle distance in metres between two lng/lat points (degrees). */
export function metresBetween(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const s = Math.sin(dLat / 2);
  const t = Math.sin(dLng / 2);
  const h = s * s + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * t * t;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Metres per degree of longitude at a latitude (local equirectangular frame, for projections only). */
export function metresPerDegreeLng(lat: number): number {
  return METRES_PER_DEGREE * Math.cos(lat * RAD);
}

/** A usable WGS-84 coordinate: finite and within the lng/lat ranges. */
export function isValidLngLat(lng: number, lat: number): boolean {
  return Number.isFinite(lng) && Number.isFinite(lat) && lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;
}
