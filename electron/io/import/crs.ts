/**
 * Coordinates to WGS-84: GCJ-02 (Gaode/Tencent) and BD-09 (Baidu) via gcoord; CGCS2000 geographic
 * is WGS-84 within centimetres; CGCS2000 3° Gauss-Krüger metres with the zone prefix in the easting
 * (e.g. 39 500 000) via proj4. Also the checks that need a planner's decision: swapped lng/lat,
 * outside China, far outside the project.
 */
import gcoord from 'gcoord';
import proj4 from 'proj4';
import type { ImportCrs, Position } from '../../api/schema.js';

export const CHINA = { west: 73, east: 136, south: 3, north: 54 };

export function inChina(lng: number, lat: number): boolean {
  return lng >= CHINA.west && lng <= CHINA.east && lat >= CHINA.south && lat <= CHINA.north;
}

const gkCache = new Map<number, proj4.Converter>();

/** CGCS2000 3° Gauss-Krüger with the zone number in front of the easting (EPSG:4513-4533 style). */
function gaussKruger(x: number, y: number): Position | null {
  const zone = Math.floor(x / 1_000_000);
  if (zone < 25 || zone > 45) return null;
  let conv = gkCache.get(zone);
  if (!conv) {
    conv = proj4(`+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${zone * 1_000_000 + 500_000} +y_0=0 +ellps=GRS80 +units=m +no_defs`, 'EPSG:4326');
    gkCache.set(zone, conv);
  }
  return conv.forward([x, y]) as Position;
}

/** Converts one position to WGS-84; null when it cannot be (e.g. projected metres without a zone). */
export function toWgs84(p: Position, crs: ImportCrs): Position | null {
  const [x, y] = p;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  if (crs === 'cgcs2000' && Math.abs(x) > 1000 && Math.abs(y) > 1000) {
    // Northing/easting order varies: try both.
    return gaussKruger(x, y) ?? gaussKruger(y, x);
  }
  if (crs === 'wgs84' || crs === 'cgcs2000') return [x, y];
  // gcoord leaves positions outside China untouched, which is what we want for the warnings.
  const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  return gcoord.transform([x, y], from, gcoord.WGS84) as Position;
}

export type CoordVerdict = 'ok' | 'swapped' | 'outside_china' | 'out_of_range';

/** Judges a raw position (before datum shift). 'swapped': only the swapped order lies in China. */
export function judge(lng: number, lat: number): CoordVerdict {
  if (inChina(lng, lat)) return 'ok';
  if (inChina(lat, lng)) return 'swapped';
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90) return 'out_of_range';
  return 'outside_china';
}

/** Distance in km from a point to a lng/lat box (0 inside), equirectangular. */
export function kmOutside(p: Position, b: [number, number, number, number]): number {
  const dx = p[0] < b[0] ? b[0] - p[0] : p[0] > b[2] ? p[0] - b[2] : 0;
  const dy = p[1] < b[1] ? b[1] - p[1] : p[1] > b[3] ? p[1] - b[3] : 0;
  return Math.hypot(dx * 111.32 * Math.cos((p[1] * Math.PI) / 180), dy * 110.57);
}
