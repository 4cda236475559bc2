/**
 * Village sites: scattered like real settlements (denser and bigger in the valleys, sparse in
 * the mountains), never on the river, in the reservoir or right on a township border, with the
 * two mountain case villages placed first and an uninhabited zone around them.
 */
import type { VillageKind } from '../../domain/types.js';
import { closeRing, dist, multiPolygonArea, pointInPolygon, segIntersection, smoothstep, voronoiCell, type P } from './geometry.js';
import { BORDER_SHIFT_MAX_KM, insideCounty, townshipOf, voronoiMargin, type CountyPlaces } from './places.js';
import { intersectPolygons } from './polygons.js';
import type { River } from './river.js';
import type { Rng } from './random.js';
import type { Lake, Terrain } from './terrain.js';

export interface SiteContext {
  terrain: Terrain;
  elevation: (p: P) => number;
  river: River;
  places: CountyPlaces;
  lake: Lake;
}

/** Radius of the uninhabited zone around each mountain case village, km. */
export const EMPTY_ZONE_KM = 3.5;

/** Ground rules every village site obeys (the case villages add their own). */
export function siteOk(p: P, ctx: SiteContext): boolean {
  const seats = ctx.places.townships.map((t) => t.seat);
  if (!insideCounty(p, ctx.terrain, 0.5)) return false;
  if (ctx.river.pointDistance(p) < 0.45) return false;
  if (dist(p, ctx.lake.centre) < Math.max(ctx.lake.a, ctx.lake.b) * 1.25 + 0.5) return false;
  if (ctx.elevation(p) > 1350) return false;
  // Off the township border, even after the border has been made to wiggle.
  return voronoiMargin(p, townshipOf(p, ctx.places.townships), seats) >= BORDER_SHIFT_MAX_KM + 0.1;
}

/**
 * Samples `count` administrative villages and the two relocation settlements. Index 0 is the
 * remote mountain village, 1 the large far village, 2 and 3 the settlements (near the
 * sub-center town and the county seat).
 */
export function sampleSites(ctx: SiteContext, fixed: { remote: P; large: P }, count: number, rng: Rng): { p: P; kind: VillageKind }[] {
  const sites: { p: P; kind: VillageKind }[] = [
    { p: fixed.remote, kind: 'village' },
    { p: fixed.large, kind: 'village' },
  ];
  const seats = ctx.places.townships.map((t) => t.seat);
  const near = (centre: P): P => {
    for (let k = 0; k < 2000; k++) {
      const a = rng.range(0, 2 * Math.PI);
      const r = rng.range(1.2, 2.6);
      const p: P = [centre[0] + r * Math.cos(a), centre[1] + r * Math.sin(a)];
      if (siteOk(p, ctx) && sites.every((s) => dist(s.p, p) > 1.2)) return p;
    }
    throw new Error('demo: no place for a relocation settlement');
  };
  const subCenter = ctx.places.townships.find((t) => t.role === 'sub_center')!;
  sites.push({ p: near(subCenter.seat), kind: 'settlement' }, { p: near(ctx.places.countySeat), kind: 'settlement' });

  const xs = ctx.terrain.countyRing.map((p) => p[0]);
  const ys = ctx.terrain.countyRing.map((p) => p[1]);
  let villages = 2;
  for (let k = 0; k < 200_000 && villages < count; k++) {
    const p: P = [rng.range(Math.min(...xs), Math.max(...xs)), rng.range(Math.min(...ys), Math.max(...ys))];
    if (!siteOk(p, ctx)) continue;
    const e = ctx.elevation(p);
    // Fewer, more widely spaced villages in the mountains.
    if (!rng.chance(1 - 0.65 * smoothstep(450, 1000, e))) continue;
    const spacing = 1.4 + 0.7 * smoothstep(400, 900, e);
    if (sites.some((s) => dist(s.p, p) < spacing)) continue;
    if (dist(p, fixed.remote) < EMPTY_ZONE_KM || dist(p, fixed.large) < EMPTY_ZONE_KM) continue;
    if (seats.some((s) => dist(s, p) < 0.9)) continue;
    sites.push({ p, kind: 'village' });
    villages++;
  }
  if (villages < count) throw new Error('demo: not enough room for the villages');
  return sites;
}

/** Log-normal population, median ~1,050; mountain villages are smaller. */
export function basePopulation(e: number, rng: Rng): number {
  const pop = Math.exp(Math.log(1050) + 0.52 * rng.normal()) * (1 - 0.3 * smoothstep(600, 1000, e));
  return Math.round(Math.min(5000, Math.max(250, pop)));
}

/**
 * Gives sites their township, code and name. Codes: township code + 2xx for administrative
 * villages (numbered outward from the township seat) and 4xx for relocation settlements.
 */
export function codeSites(sites: { p: P; kind: VillageKind }[], places: CountyPlaces, names: string[], settlementNames: string[]): { township: number; code: string; name: string }[] {
  const out = sites.map(() => ({ township: 0, code: '', name: '' }));
  places.townships.forEach((t, ti) => {
    for (const kind of ['village', 'settlement'] as const) {
      const idx = sites.map((_, i) => i).filter((i) => sites[i].kind === kind && townshipOf(sites[i].p, places.townships) === ti);
      idx.sort((a, b) => dist(sites[a].p, t.seat) - dist(sites[b].p, t.seat));
      idx.forEach((i, n) => (out[i] = { township: ti, code: t.code + String((kind === 'village' ? 201 : 401) + n), name: '' }));
    }
  });
  let v = 0;
  let s = 0;
  sites.forEach((site, i) => (out[i].name = site.kind === 'village' ? names[v++] : settlementNames[s++]));
  return out;
}

/** Village areas: Voronoi cells of a township's villages clipped to the township (so they tile it). */
export function villageAreas(sites: readonly { p: P; kind: VillageKind; township: number }[], places: CountyPlaces): (P[][][] | null)[] {
  const areas: (P[][][] | null)[] = sites.map(() => null);
  places.townships.forEach((t, ti) => {
    const idx = sites.map((_, i) => i).filter((i) => sites[i].kind === 'village' && sites[i].township === ti);
    const pts = idx.map((i) => sites[i].p);
    idx.forEach((i, n) => {
      const cell = closeRing(voronoiCell(pts, n, [-80, -80, 80, 80]));
      // Interior cells need no clipping (and the general polygon clipper is the slow part).
      areas[i] = containsConvex(t.polygon, cell) ? [[cell]] : intersectPolygons([[cell]], t.polygon);
    });
  });
  return areas;
}

/** True when the convex ring lies inside the MultiPolygon: all its vertices inside and no edges crossing. */
function containsConvex(mp: P[][][], ring: P[]): boolean {
  if (!ring.every((p) => mp.some((poly) => pointInPolygon(p, poly)))) return false;
  for (const poly of mp)
    for (const r of poly)
      for (let i = 1; i < r.length; i++) for (let j = 1; j < ring.length; j++) if (segIntersection(r[i - 1], r[i], ring[j - 1], ring[j])) return false;
  return true;
}

export const areaKm2 = (mp: P[][][]): number => Math.round(multiPolygonArea(mp) * 100) / 100;
