import type { LngLat } from '../../domain/types.js';
import { round6, type P } from './geometry.js';

/** Centre of the fictional county: hilly western Hunan, a plausible place for such a county. */
export const ORIGIN: LngLat = [110.42, 27.38];

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LNG = 111.32 * Math.cos((ORIGIN[1] * Math.PI) / 180);

/** Local kilometres to WGS-84, rounded to 6 decimals (about 0.1 m). */
export function toLngLat(p: P): LngLat {
  return [round6(ORIGIN[0] + p[0] / KM_PER_DEG_LNG), round6(ORIGIN[1] + p[1] / KM_PER_DEG_LAT)];
}

export function toKm(lng: number, lat: number): P {
  return [(lng - ORIGIN[0]) * KM_PER_DEG_LNG, (lat - ORIGIN[1]) * KM_PER_DEG_LAT];
}

/** Projects a ring and drops vertices that rounding made equal to their predecessor. */
export function ringToLngLat(ring: readonly P[]): LngLat[] {
  const out: LngLat[] = [];
  for (const p of ring) {
    const q = toLngLat(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}
