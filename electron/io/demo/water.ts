/** The reservoir 青山水库: a small lake in a hill valley, away from towns and main roads. */
import { dist, type P } from './geometry.js';
import { insideCounty, type CountyPlaces } from './places.js';
import type { River } from './river.js';
import type { Rng } from './random.js';
import { lakeRing, type Lake, type Terrain } from './terrain.js';

/** Placed after the major roads, clear of them (`roadPts`: their vertices). */
export function placeLake(terrain: Terrain, river: River, places: CountyPlaces, roadPts: readonly P[], rng: Rng): Lake {
  const seats = places.townships.map((t) => t.seat);
  const xs = terrain.countyRing.map((p) => p[0]);
  const ys = terrain.countyRing.map((p) => p[1]);
  for (let k = 0; k < 5000; k++) {
    const c: P = [rng.range(Math.min(...xs), Math.max(...xs)), rng.range(Math.min(...ys), Math.max(...ys))];
    const e = terrain.rawElevation(c);
    if (e < 380 || e > 800 || !insideCounty(c, terrain, 3)) continue;
    if (river.pointDistance(c) < 3 || seats.some((s) => dist(s, c) < 3.5)) continue;
    if (roadPts.some((v) => dist(v, c) < 3)) continue;
    const a = rng.range(0.9, 1.3);
    const b = rng.range(0.4, 0.6);
    const rot = rng.range(0, Math.PI);
    const ring = lakeRing(c, a, b, rot, rng);
    // Water level just below the lowest ground inside, so the surface is flat.
    const samples = ring.flatMap((p): P[] => [p, [(p[0] + c[0]) / 2, (p[1] + c[1]) / 2]]);
    const level = Math.min(...samples.map((p) => terrain.rawElevation(p)), e) - 3;
    return { name: '青山水库', centre: c, a, b, rot, level, ring };
  }
  throw new Error('demo: no place for the reservoir');
}
