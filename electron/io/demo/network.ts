/**
 * The demo county's road layout: G207 (north-south) and S312 (west-east, on to the city) meet at
 * the county seat; county roads (X…) reach the other township seats; township roads (Y…) join
 * neighbouring seats; every village hangs off the network by a village road (a Prim-style tree
 * that always attaches to an existing vertex); the remote mountain village gets only a track.
 */
import { dist, type P } from './geometry.js';
import type { CountyPlaces } from './places.js';
import type { Rng } from './random.js';
import type { River } from './river.js';
import type { RoadNetwork } from './roads.js';

const angleFrom = (o: P, p: P): number => Math.atan2(p[1] - o[1], p[0] - o[0]);
const angleGap = (a: number, b: number): number => Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)));

/** Builds the national, provincial, county and township roads; `box` is the map extent [minx, miny, maxx, maxy] in km. */
export function buildMajorRoads(net: RoadNetwork, river: River, places: CountyPlaces, box: [number, number, number, number], rng: Rng): void {
  const cs = places.countySeat;
  const ring = places.townships.filter((t) => t.role !== 'county_seat').map((t) => t.seat);
  const used = new Set<P>();
  const towards = (angle: number): P => {
    const s = ring.filter((p) => !used.has(p)).reduce((a, b) => (angleGap(angleFrom(cs, b), angle) < angleGap(angleFrom(cs, a), angle) ? b : a));
    used.add(s);
    return s;
  };
  const north = towards(Math.PI / 2);
  const south = towards(-Math.PI / 2);
  const west = towards(Math.PI);
  const east = towards(angleFrom(cs, places.city));

  // Trunk roads run on to the edge of the map, as they would in reality. G207 crosses the river
  // (once) at the county seat; S312 stays on the county seat's bank, so a seat across the river
  // is left to a county road (a handful of bridges in all, as in a real valley county).
  const g207: P[] = [[north[0] + rng.range(-2, 2), box[3] - 0.2], north, cs, south, [south[0] + rng.range(-2, 2), box[1] + 0.2]];
  const westEndX = box[0] + 0.2;
  const westEnd: P = [westEndX, river.yAt(westEndX) + river.bank(cs) * rng.range(1.5, 3)];
  const sameBank = (p: P): boolean => river.bank(p) === river.bank(cs);
  const s312: P[] = [westEnd, ...(sameBank(west) ? [west] : []), cs, ...(sameBank(east) ? [east] : []), places.city];
  must(net.addMajor(g207, 'national', 'G207', { clearance: 0.35, bridges: true }), 'G207');
  must(net.addMajor(s312, 'provincial', 'S312', { clearance: 0.35, bridges: true }), 'S312');
  for (const seat of [west, east]) if (!sameBank(seat)) used.delete(seat);

  // County roads from the nearest trunk vertex, preferring one on the seat's own bank.
  const trunk = net.vertices();
  ring
    .filter((p) => !used.has(p))
    .forEach((seat, i) => {
      const start = trunk.reduce((a, b) => (score(b, seat, net) < score(a, seat, net) ? b : a));
      must(net.addMajor([start, seat], 'county', `X0${31 + i * 7}`, { clearance: 0.5, bridges: true }), 'county road');
    });

  // Township roads between neighbouring seats, only where no bridge is needed.
  const byAngle = ring.slice().sort((a, b) => angleFrom(cs, a) - angleFrom(cs, b));
  let y = 0;
  byAngle.forEach((a, i) => {
    const b = byAngle[(i + 1) % byAngle.length];
    if (dist(a, b) > 20 || !net.canLinkBanks(a, b)) return;
    if (net.addMajor([a, b], 'township', `Y0${12 + y * 5}`, { clearance: 0.65, bridges: false })) y++;
  });
}

function score(v: P, seat: P, net: RoadNetwork): number {
  return dist(v, seat) + (net.canLinkBanks(v, seat) ? 0 : 6);
}

function must(ok: boolean, what: string): void {
  if (!ok) throw new Error(`demo: could not route ${what}`);
}

interface Candidate {
  d: number;
  v: P;
}

/**
 * Connects every village to the network, nearest first (Prim's algorithm on the growing road
 * network), so that village roads form short branches joined at existing vertices. The village
 * at `remote` is connected last, by a track only.
 */
export function connectVillages(net: RoadNetwork, villages: readonly P[], remote: number, rng: Rng): void {
  const best = new Map<number, Candidate>();
  const consider = (i: number, vs: readonly P[]): void => {
    const u = villages[i];
    const sorted = vs.map((v) => ({ d: dist(u, v), v })).filter((c) => c.d < (best.get(i)?.d ?? Infinity));
    sorted.sort((a, b) => a.d - b.d);
    const found = sorted.find((c) => net.canLink(c.v, u));
    if (found) best.set(i, found);
  };
  const pending = new Set(villages.map((_, i) => i).filter((i) => i !== remote));
  const initial = net.vertices();
  for (const i of pending) consider(i, initial);
  while (pending.size > 0) {
    let next = -1;
    for (const i of pending) if (best.has(i) && (next < 0 || best.get(i)!.d < best.get(next)!.d)) next = i;
    if (next < 0) throw new Error('demo: some villages cannot be reached by road');
    pending.delete(next);
    const road = net.link(best.get(next)!.v, villages[next], 'village');
    if (!road) throw new Error('demo: village road failed');
    for (const i of pending) consider(i, road.pts);
  }

  // The remote village: a long winding track from the nearest vertex; nothing else enters its zone.
  const m = villages[remote];
  const vs = net.vertices().sort((a, b) => dist(a, m) - dist(b, m));
  const from = vs.find((v) => net.canLink(v, m, 'remote'));
  if (!from || !net.link(from, m, 'track', null, 'remote')) throw new Error('demo: remote village track failed');

  // A few forest tracks between mountain villages, closing loops in the mountains.
  let added = 0;
  for (const i of rng.shuffle(villages.map((_, k) => k))) {
    if (added >= 3 || i === remote) continue;
    const a = villages[i];
    if (net.elevationAt(a) < 650) continue;
    const b = villages.find((q, k) => k !== i && k !== remote && dist(a, q) > 2 && dist(a, q) < 4.5 && net.elevationAt(q) > 650);
    if (b && net.canLink(a, b) && net.link(a, b, 'track')) added++;
  }
}
