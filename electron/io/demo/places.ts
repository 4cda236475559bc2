/**
 * Where the towns are: the county seat on the river, seven township seats around it, the
 * neighbouring city beyond the eastern border, and the township polygons (Voronoi cells of the
 * seats clipped to the county).
 */
import { densify, dist, distToPolyline, lerp, pointInRing, smoothstep, voronoiCell, type P } from './geometry.js';
import { intersectPolygons } from './polygons.js';
import type { River } from './river.js';
import type { Rng } from './random.js';
import type { Terrain } from './terrain.js';

/**
 * The role a township plays in the demo, which fixes its health center's profile (see
 * facilities.ts). Roles are given to seats by geography, so the story holds for every seed:
 * the far-away big town becomes the planned sub-center, the mountain townships are weak, …
 */
export type TownshipRole = 'county_seat' | 'sub_center' | 'city_side' | 'river' | 'remote' | 'mountain_weak' | 'mountain' | 'weak';

export interface TownshipPlan {
  code: string;
  name: string;
  role: TownshipRole;
  seat: P;
  /** Polygons (outer ring first) in the local frame. */
  polygon: P[][][];
}

export interface CountyPlaces {
  countySeat: P;
  city: P;
  townships: TownshipPlan[];
}

export const COUNTY_CODE = '431299';

const ROLE_NAMES: Record<TownshipRole, { name: string; suffix: string }> = {
  county_seat: { name: '城关镇', suffix: '101' },
  sub_center: { name: '石门镇', suffix: '102' },
  city_side: { name: '桥头镇', suffix: '103' },
  river: { name: '清水镇', suffix: '104' },
  mountain_weak: { name: '青山乡', suffix: '201' },
  mountain: { name: '云雾乡', suffix: '202' },
  remote: { name: '白沙乡', suffix: '203' },
  weak: { name: '龙潭乡', suffix: '204' },
};

/**
 * The county seat sits on the north bank, 1.5 km from the river, near the middle of the county
 * (a little east of centre) so that the township seats around it have room.
 */
function placeCountySeat(river: River, rng: Rng): P {
  let best: P = [0, 0];
  let bestScore = Infinity;
  for (let x = -1; x <= 6; x += 0.25) {
    const n = river.normal(x);
    const p: P = [x + n[0] * 1.5, river.yAt(x) + n[1] * 1.5];
    const score = Math.abs(p[1]) + Math.abs(p[0] - 3) * 0.3 + rng.range(0, 0.5);
    if (score < bestScore) [best, bestScore] = [p, score];
  }
  return best;
}

/** The neighbouring city: 12-15 km beyond the eastern border, on the north bank. */
function placeCity(terrain: Terrain, river: River, rng: Rng): P {
  const east = Math.max(...terrain.countyRing.map((p) => p[0]));
  const x = east + rng.range(12, 15);
  const n = river.normal(x);
  return [x + n[0] * 2.2, river.yAt(x) + n[1] * 2.2];
}

/**
 * Seven township seats in a ring around the county centre; each settles in the lowest spot of
 * a handful of candidates in its sector, as towns grow in valleys.
 */
function placeRingSeats(terrain: Terrain, river: River, countySeat: P, rng: Rng): P[] {
  const seats: P[] = [];
  for (const deg of [25, 80, 135, 185, 235, 285, 335]) {
    const theta = ((deg + rng.range(-8, 8)) * Math.PI) / 180;
    let best: P | null = null;
    let bestE = Infinity;
    for (let k = 0; k < 1500 && (k < 40 || !best); k++) {
      // The sector widens if the river or the county's shape leaves no room in it.
      const spread = 0.25 + 0.45 * Math.min(1, k / 1000);
      const p = terrain.countyPoint(theta + rng.range(-spread, spread), rng.range(0.45, 0.85));
      if (river.pointDistance(p) < 1.3 || dist(p, countySeat) < 10.5) continue;
      if (distToPolyline(p, terrain.countyRing) < 3.5 || seats.some((s) => dist(s, p) < 8)) continue;
      const e = terrain.rawElevation(p);
      if (e < bestE) [best, bestE] = [p, e];
    }
    if (!best) throw new Error(`demo: no township seat found near ${deg}°`);
    seats.push(best);
  }
  return seats;
}

/** Gives the seven ring seats their roles (see TownshipRole). */
function assignRoles(seats: P[], countySeat: P, city: P, river: River, massif: P): TownshipRole[] {
  const roles: (TownshipRole | null)[] = seats.map(() => null);
  const free = (): number[] => seats.map((_, i) => i).filter((i) => roles[i] === null);
  const take = (role: TownshipRole, score: (p: P) => number): void => {
    const i = free().reduce((a, b) => (score(seats[b]) > score(seats[a]) ? b : a));
    roles[i] = role;
  };
  take('mountain_weak', (p) => -dist(p, massif));
  take('mountain', (p) => -dist(p, massif));
  take('sub_center', (p) => dist(p, countySeat));
  take('city_side', (p) => -dist(p, city));
  take('river', (p) => -river.pointDistance(p, 50));
  take('remote', (p) => dist(p, countySeat));
  take('weak', () => 0);
  return roles as TownshipRole[];
}

export function placeTowns(terrain: Terrain, river: River, rng: Rng): CountyPlaces {
  const countySeat = placeCountySeat(river, rng);
  const city = placeCity(terrain, river, rng);
  const ring = placeRingSeats(terrain, river, countySeat, rng);
  const roles = assignRoles(ring, countySeat, city, river, terrain.massif);
  const seats = [countySeat, ...ring];
  const allRoles: TownshipRole[] = ['county_seat', ...roles];
  const box: [number, number, number, number] = [-80, -80, 80, 80];
  const wobble = [rng.range(0, 6.3), rng.range(0, 6.3), rng.range(0, 6.3), rng.range(0, 6.3)];
  const townships = seats.map((seat, i): TownshipPlan => {
    const cell = voronoiCell(seats, i, box);
    const polygon = wiggleBorders(intersectPolygons([[[...cell, cell[0]]]], [[terrain.countyRing]]), terrain.countyRing, wobble);
    const role = allRoles[i];
    return { code: COUNTY_CODE + ROLE_NAMES[role].suffix, name: ROLE_NAMES[role].name, role, seat, polygon };
  });
  townships.sort((a, b) => a.code.localeCompare(b.code));
  return { countySeat, city, townships };
}

/** Largest shift of a township border point, km; villages keep a larger margin (see villages.ts). */
export const BORDER_SHIFT_MAX_KM = 0.4;

/**
 * Real township borders follow ridges and streams, not straight lines: inner borders are
 * densified and shifted by one smooth displacement field. Being a function of position only, it
 * moves a shared border identically in both neighbouring townships, so they still tile the county;
 * it fades out towards the county outline, which stays put.
 */
function wiggleBorders(mp: P[][][], countyRing: P[], ph: number[]): P[][][] {
  const shift = (p: P): P => {
    const d = distToPolyline(p, countyRing);
    if (d < 1e-9) return p;
    const k = (BORDER_SHIFT_MAX_KM / (1.45 * Math.SQRT2)) * smoothstep(0, 1.5, d);
    return [
      p[0] + k * (Math.sin(p[1] / 1.3 + ph[0]) + 0.45 * Math.sin((p[0] + p[1]) / 0.6 + ph[1])),
      p[1] + k * (Math.sin(p[0] / 1.1 + ph[2]) + 0.45 * Math.sin((p[0] - p[1]) / 0.55 + ph[3])),
    ];
  };
  return mp.map((poly) =>
    poly.map((ring) => {
      const out: P[] = [];
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1];
        const b = ring[i];
        const onOutline = distToPolyline(lerp(a, b, 0.5), countyRing) < 1e-6;
        const pts = onOutline ? [a] : densify(a, b, 0.3).slice(0, -1);
        out.push(...pts.map(shift));
      }
      out.push(out[0]);
      return out;
    }),
  );
}

/** Index of the township whose seat is nearest (= whose Voronoi cell holds p). */
export function townshipOf(p: P, townships: readonly TownshipPlan[]): number {
  let best = 0;
  for (let i = 1; i < townships.length; i++) if (dist(p, townships[i].seat) < dist(p, townships[best].seat)) best = i;
  return best;
}

/** Distance from p (inside cell i) to the boundary of the seats' Voronoi cell i. */
export function voronoiMargin(p: P, i: number, seats: readonly P[]): number {
  let m = Infinity;
  for (let j = 0; j < seats.length; j++) {
    if (j === i) continue;
    const d = dist(seats[i], seats[j]);
    m = Math.min(m, (dist(p, seats[j]) ** 2 - dist(p, seats[i]) ** 2) / (2 * d));
  }
  return m;
}

export function insideCounty(p: P, terrain: Terrain, margin: number): boolean {
  return pointInRing(p, terrain.countyRing) && distToPolyline(p, terrain.countyRing) >= margin;
}
