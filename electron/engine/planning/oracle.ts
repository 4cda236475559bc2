/** A travel-time oracle from straight lines (tests, and places off any network). */
import type { LngLat } from '../../domain/types.js';
import { metresBetween } from '../metric.js';
import type { TravelOracle } from './types.js';

/** Minutes = straight-line metres × detour ÷ speed; `limitMinutes` cuts like a bounded search. */
export function straightLineOracle(kmh: number, detour = 1): TravelOracle {
  const metresPerMinute = (kmh * 1000) / 60;
  return {
    minutes(from: LngLat, to: readonly LngLat[], limitMinutes = Infinity): Float64Array {
      const out = new Float64Array(to.length);
      to.forEach((p, i) => {
        const m = (metresBetween(from[0], from[1], p[0], p[1]) * detour) / metresPerMinute;
        out[i] = m <= limitMinutes ? m : Infinity;
      });
      return out;
    },
  };
}
