/**
 * Road network builder for the demo county. Roads are built in the local km frame as polylines
 * that meet at shared vertices (a branch always starts at an existing vertex), so that a routing
 * graph can be built from them. Only major roads may cross the river, and only on explicit
 * bridge pieces; every other road keeps a clearance from the river centreline.
 */
import { densify, dist, lerp, pointSegDist, segIntersection, smoothstep, type P } from './geometry.js';
import type { River } from './river.js';
import type { Rng } from './random.js';

export interface RoadDraft {
  name: string | null;
  roadClass: string;
  bridge: boolean;
  pts: P[];
}

/** A disc roads must stay out of (a lake, the roadless zone around the remote village). */
export interface Obstacle {
  c: P;
  r: number;
  /** Links built with this pass key may enter (the remote village's own track). */
  passKey?: string;
}

/** Minimum distance of a non-bridge road from the river centreline, km (river half-width + bank). */
const RIVER_CLEARANCE_KM = 0.1;
/** Half-length of a bridge, km: the bridge ends stand this far from the centreline. */
const BRIDGE_HALF_KM = 0.13;

export class RoadNetwork {
  readonly roads: RoadDraft[] = [];

  constructor(
    private readonly river: River,
    private readonly obstacles: Obstacle[],
    private readonly elevation: (p: P) => number,
    private readonly rng: Rng,
  ) {}

  addObstacle(o: Obstacle): void {
    this.obstacles.push(o);
  }

  /** True when the polyline keeps clear of the river and of every obstacle. */
  isClear(pts: readonly P[], passKey?: string): boolean {
    if (this.river.polylineDistance(pts, RIVER_CLEARANCE_KM + 0.01) < RIVER_CLEARANCE_KM) return false;
    for (const o of this.obstacles) {
      if (passKey !== undefined && o.passKey === passKey) continue;
      for (let i = 1; i < pts.length; i++) if (pointSegDist(o.c, pts[i - 1], pts[i]) < o.r) return false;
    }
    return true;
  }

  /**
   * Roads curve: a gentle long wave everywhere, and in the mountains tight bends whose amplitude
   * grows with elevation, so the same straight distance takes longer to drive there.
   */
  wind(pts: P[], mountainAmp: number, halfWaveKm: number): P[] {
    if (pts.length < 3) return pts;
    const a = pts[0];
    const b = pts[pts.length - 1];
    const len = dist(a, b);
    if (len < 0.3) return pts;
    const nx = -(b[1] - a[1]) / len;
    const ny = (b[0] - a[0]) / len;
    const k = Math.max(2, Math.round(len / halfWaveKm));
    const kg = Math.max(1, Math.round(len / 2.5));
    const ph = this.rng.range(0, Math.PI);
    const phg = this.rng.range(0, Math.PI);
    const amp = Math.min(mountainAmp, 0.12 * len);
    const gentle = Math.min(0.3, 0.07 * len);
    return pts.map((p, i) => {
      if (i === 0 || i === pts.length - 1) return p;
      const t = i / (pts.length - 1);
      const m = smoothstep(430, 850, this.elevation(p));
      const o = Math.sin(Math.PI * t) * (amp * m * Math.sin(k * Math.PI * t + ph) + gentle * Math.sin(kg * Math.PI * t + phg));
      return [p[0] + nx * o, p[1] + ny * o];
    });
  }

  /** Moves interior points that lie on the wrong side of the river, or too close to it, onto `bank`. */
  private followBank(pts: P[], bank: 1 | -1, clearance: number): P[] {
    return pts.map((p, i) => {
      if (i === 0 || i === pts.length - 1) return p;
      const ry = this.river.yAt(p[0]);
      const n = this.river.normal(p[0]);
      // Vertical offset needed for a perpendicular clearance where the river runs obliquely.
      const need = clearance / n[1];
      return bank * (p[1] - ry) < need ? [p[0], ry + bank * need] : p;
    });
  }

  /**
   * A major road leg from a to b: follows its bank, or crosses the river once on a short bridge
   * perpendicular to the river at the river point that keeps the detour smallest.
   */
  private leg(a: P, b: P, clearance: number, curved: boolean): { pts: P[]; bridge: boolean }[] {
    const ba = this.river.bank(a);
    const bb = this.river.bank(b);
    const path = (p: P, q: P, bank: 1 | -1): P[] => {
      const straight = densify(p, q, 0.25);
      return this.followBank(curved ? this.wind(straight, 0.45, 0.7) : straight, bank, clearance);
    };
    if (ba === bb) return [{ pts: path(a, b, ba), bridge: false }];
    const lo = Math.min(a[0], b[0]) - 3;
    const hi = Math.max(a[0], b[0]) + 3;
    // Candidate crossing points are river segment midpoints, so a bridge never passes exactly through a river vertex.
    let c: P | null = null;
    const line = this.river.line;
    for (let i = 1; i < line.length; i++) {
      const r = lerp(line[i - 1], line[i], 0.5);
      if (r[0] < lo || r[0] > hi) continue;
      if (!c || dist(a, r) + dist(r, b) < dist(a, c) + dist(c, b)) c = r;
    }
    if (!c) throw new Error('demo: no river crossing found');
    const n = this.river.normal(c[0]);
    const ca: P = [c[0] + ba * n[0] * BRIDGE_HALF_KM, c[1] + ba * n[1] * BRIDGE_HALF_KM];
    const cb: P = [c[0] + bb * n[0] * BRIDGE_HALF_KM, c[1] + bb * n[1] * BRIDGE_HALF_KM];
    return [
      { pts: path(a, ca, ba), bridge: false },
      { pts: [ca, cb], bridge: true },
      { pts: path(cb, b, bb), bridge: false },
    ];
  }

  /**
   * Adds a major road through the waypoints (national, provincial, county, township). Bridges are
   * split off as their own pieces; consecutive non-bridge pieces are merged into one road.
   */
  addMajor(waypoints: P[], roadClass: string, name: string, opts: { clearance: number; bridges: boolean }): boolean {
    const parts: { pts: P[]; bridge: boolean }[] = [];
    const clear = (leg: { pts: P[]; bridge: boolean }[]): boolean => leg.every((part) => part.bridge || this.isClear(part.pts));
    for (let i = 1; i < waypoints.length; i++) {
      let leg = this.leg(waypoints[i - 1], waypoints[i], opts.clearance, true);
      if (!clear(leg)) leg = this.leg(waypoints[i - 1], waypoints[i], opts.clearance, false);
      if (!clear(leg) || (!opts.bridges && leg.some((part) => part.bridge))) return false;
      parts.push(...leg);
    }
    const merged: { pts: P[]; bridge: boolean }[] = [];
    for (const part of parts) {
      const last = merged[merged.length - 1];
      if (last && !last.bridge && !part.bridge) last.pts = [...last.pts, ...part.pts.slice(1)];
      else merged.push({ pts: part.pts.slice(), bridge: part.bridge });
    }
    for (const m of merged) this.roads.push({ name, roadClass, bridge: m.bridge, pts: m.pts });
    return true;
  }

  /** A village road or track from an existing vertex `from` to `to`; winding in the mountains; null if it cannot avoid the river or obstacles. */
  link(from: P, to: P, roadClass: string, name: string | null = null, passKey?: string): RoadDraft | null {
    const straight = densify(from, to, 0.2);
    const wound = this.wind(straight, roadClass === 'track' ? 0.4 : 0.3, 0.55);
    const pts = this.isClear(wound, passKey) ? wound : this.isClear(straight, passKey) ? straight : null;
    if (!pts) return null;
    const road: RoadDraft = { name, roadClass, bridge: false, pts };
    this.roads.push(road);
    return road;
  }

  /** Cheap pre-check for a straight link (used to rank candidates before building). */
  canLink(from: P, to: P, passKey?: string): boolean {
    return this.canLinkBanks(from, to) && this.isClear([from, to], passKey);
  }

  /** Both points on the same bank (a link between them needs no bridge). */
  canLinkBanks(a: P, b: P): boolean {
    return this.river.bank(a) === this.river.bank(b);
  }

  elevationAt(p: P): number {
    return this.elevation(p);
  }

  /** Every vertex of every non-bridge road. */
  vertices(): P[] {
    return this.roads.filter((r) => !r.bridge).flatMap((r) => r.pts);
  }

  /**
   * Inserts a shared vertex wherever two non-bridge roads cross, so that crossings are junctions
   * in the routing graph rather than flyovers.
   */
  node(): void {
    const CELL = 1;
    const roads = this.roads;
    const grid = new Map<string, [number, number][]>();
    roads.forEach((r, ri) => {
      if (r.bridge) return;
      for (let i = 1; i < r.pts.length; i++) {
        const a = r.pts[i - 1];
        const b = r.pts[i];
        for (let gx = Math.floor(Math.min(a[0], b[0]) / CELL); gx <= Math.floor(Math.max(a[0], b[0]) / CELL); gx++)
          for (let gy = Math.floor(Math.min(a[1], b[1]) / CELL); gy <= Math.floor(Math.max(a[1], b[1]) / CELL); gy++) {
            const key = `${gx},${gy}`;
            const list = grid.get(key) ?? [];
            list.push([ri, i]);
            grid.set(key, list);
          }
      }
    });
    const inserts = new Map<number, { seg: number; t: number; p: P }[]>();
    const seen = new Set<string>();
    const add = (ri: number, seg: number, t: number, p: P): void => {
      const list = inserts.get(ri) ?? [];
      if (!list.some((x) => x.seg === seg && x.p[0] === p[0] && x.p[1] === p[1])) list.push({ seg, t, p });
      inserts.set(ri, list);
    };
    const SNAP = 0.003;
    for (const cell of grid.values()) {
      for (let m = 0; m < cell.length; m++)
        for (let k = m + 1; k < cell.length; k++) {
          const [r1, s1] = cell[m];
          const [r2, s2] = cell[k];
          if (r1 === r2 && Math.abs(s1 - s2) <= 1) continue;
          const key = `${r1}:${s1}|${r2}:${s2}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const a = roads[r1].pts[s1 - 1];
          const b = roads[r1].pts[s1];
          const c = roads[r2].pts[s2 - 1];
          const d = roads[r2].pts[s2];
          const hit = segIntersection(a, b, c, d);
          if (!hit) continue;
          // Snap to an existing vertex when the crossing is (almost) on one, so no sliver edges appear.
          const x: P = [a[0] + (b[0] - a[0]) * hit.t, a[1] + (b[1] - a[1]) * hit.t];
          const v1 = dist(x, a) < SNAP ? a : dist(x, b) < SNAP ? b : null;
          const v2 = dist(x, c) < SNAP ? c : dist(x, d) < SNAP ? d : null;
          if (v1 && v2) {
            if (v1[0] === v2[0] && v1[1] === v2[1]) continue;
            // Two distinct vertices a few metres apart: join them with a tiny edge on the second road.
            add(r2, s2, Math.min(1 - 1e-9, Math.max(1e-9, hit.u)), v1);
            continue;
          }
          const p = v1 ?? v2 ?? x;
          if (!v1) add(r1, s1, hit.t, p);
          if (!v2) add(r2, s2, hit.u, p);
        }
    }
    for (const [ri, list] of inserts) {
      const r = roads[ri];
      const out: P[] = [r.pts[0]];
      for (let i = 1; i < r.pts.length; i++) {
        for (const ins of list.filter((x) => x.seg === i && x.t > 0 && x.t < 1).sort((x, y) => x.t - y.t)) out.push(ins.p);
        out.push(r.pts[i]);
      }
      r.pts = out.filter((p, i) => i === 0 || p[0] !== out[i - 1][0] || p[1] !== out[i - 1][1]);
    }
  }
}
