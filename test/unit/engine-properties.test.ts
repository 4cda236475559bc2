/**
 * Property tests (fast-check) on random small networks:
 * (a) no travel time beats the straight line at the mode's top speed;
 * (b) adding a facility never makes any village's time longer;
 * (c) multi-source Dijkstra equals a naive Bellman-Ford, in both directions;
 * and snapping finds the nearest segment a brute-force scan finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRAVEL_MODES, type TravelMode } from '../../electron/domain/rules.js';
import { multiSourceDijkstra, type SearchDirection } from '../../electron/engine/dijkstra.js';
import { buildRoadGraph } from '../../electron/engine/graph.js';
import type { RoadGraph, RoadInput } from '../../electron/engine/graph-types.js';
import { metresBetween } from '../../electron/engine/metric.js';
import { snapPoints } from '../../electron/engine/snap.js';
import { edgeMinutes, speedTableFromRules } from '../../electron/engine/speeds.js';
import { kmhToMetresPerMinute, nearestSources, placeSet, type PlaceSet, type TravelSetting } from '../../electron/engine/travel-time.js';
import { ll, points, road, rules } from './engine-fixtures.js';

const CLASSES = ['national', 'provincial', 'county', 'township', 'village', 'track', 'residential', 'path'];

interface RandomNet {
  nodes: [number, number][];
  edges: { a: number; b: number; cls: string; oneway: boolean; speed: number | null }[];
}

const xy = (lo: number, hi: number): fc.Arbitrary<[number, number]> => fc.tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi }));

const randomNet: fc.Arbitrary<RandomNet> = fc.integer({ min: 2, max: 10 }).chain((n) =>
  fc.record({
    nodes: fc.uniqueArray(xy(0, 3000), { minLength: n, maxLength: n, selector: (p) => `${p[0]},${p[1]}` }),
    edges: fc.array(
      fc.record({
        a: fc.integer({ min: 0, max: n - 1 }),
        b: fc.integer({ min: 0, max: n - 1 }),
        cls: fc.constantFrom(...CLASSES),
        oneway: fc.boolean(),
        speed: fc.option(fc.integer({ min: 5, max: 120 }), { freq: 4 }),
      }),
      { minLength: 1, maxLength: 3 * n },
    ),
  }),
);

function roadsOf(net: RandomNet): RoadInput[] {
  return net.edges.filter((e) => e.a !== e.b).map((e) => road([net.nodes[e.a], net.nodes[e.b]], { roadClass: e.cls, oneway: e.oneway, speedKmh: e.speed }));
}

const DETOUR = 1.3;

function setting(roads: RoadInput[], mode: TravelMode): TravelSetting {
  const speeds = speedTableFromRules(rules());
  const { graph } = buildRoadGraph(roads);
  return {
    graph,
    costs: edgeMinutes(graph, mode, speeds),
    detourFactor: DETOUR,
    offRoadMetresPerMinute: kmhToMetresPerMinute(speeds.walk.village),
    estimateMetresPerMinute: kmhToMetresPerMinute(speeds[mode].village),
  };
}

function places(s: TravelSetting, pts: [number, number][], maxSnapM: number): PlaceSet {
  const p = points(pts);
  return placeSet(s, p, snapPoints(s.graph, p, maxSnapM));
}

/** The fastest anything can move in a mode: any class speed, any override (motorised), walking. */
function topSpeedKmh(roads: RoadInput[], mode: TravelMode): number {
  const speeds = speedTableFromRules(rules());
  const overrides = mode === 'walk' ? [] : roads.map((r) => r.speedKmh ?? 0);
  return Math.max(...Object.values(speeds[mode]), ...overrides, speeds.walk.village);
}

const metres = (a: [number, number], b: [number, number]): number => {
  const p = ll(a[0], a[1]);
  const q = ll(b[0], b[1]);
  return metresBetween(p[0], p[1], q[0], q[1]);
};

const scenario = fc.record({
  net: randomNet,
  villages: fc.array(xy(-500, 3500), { minLength: 1, maxLength: 6 }),
  facilities: fc.array(xy(-500, 3500), { minLength: 1, maxLength: 4 }),
  extra: xy(-500, 3500),
  mode: fc.constantFrom(...TRAVEL_MODES),
  maxSnapM: fc.integer({ min: 50, max: 3000 }),
});

describe('travel-time properties', () => {
  it('(a) no time beats the straight line at the top speed of the mode', () => {
    fc.assert(
      fc.property(scenario, ({ net, villages, facilities, mode, maxSnapM }) => {
        const roads = roadsOf(net);
        const s = setting(roads, mode);
        const r = nearestSources(s, places(s, facilities, maxSnapM), places(s, villages, maxSnapM));
        const top = kmhToMetresPerMinute(topSpeedKmh(roads, mode));
        villages.forEach((v, i) => {
          expect(Number.isNaN(r.minutes[i])).toBe(false);
          if (r.nearest[i] < 0) {
            expect(r.minutes[i]).toBe(Infinity);
            return;
          }
          const floor = metres(v, facilities[r.nearest[i]]) / top;
          expect(r.minutes[i]).toBeGreaterThanOrEqual(floor * (1 - 1e-6) - 1e-9);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('(b) adding a facility never increases any village’s time', () => {
    fc.assert(
      fc.property(scenario, ({ net, villages, facilities, extra, mode, maxSnapM }) => {
        const s = setting(roadsOf(net), mode);
        const targets = places(s, villages, maxSnapM);
        const before = nearestSources(s, places(s, facilities, maxSnapM), targets);
        const after = nearestSources(s, places(s, [...facilities, extra], maxSnapM), targets);
        villages.forEach((_, i) => expect(after.minutes[i]).toBeLessThanOrEqual(before.minutes[i] + 1e-9));
      }),
      { numRuns: 300 },
    );
  });

  it('(b) also for the what-if direction facility → village', () => {
    fc.assert(
      fc.property(scenario, ({ net, villages, facilities, extra, mode, maxSnapM }) => {
        const s = setting(roadsOf(net), mode);
        const targets = places(s, villages, maxSnapM);
        const before = nearestSources(s, places(s, facilities, maxSnapM), targets, { direction: 'from_sources' });
        const after = nearestSources(s, places(s, [...facilities, extra], maxSnapM), targets, { direction: 'from_sources' });
        villages.forEach((_, i) => expect(after.minutes[i]).toBeLessThanOrEqual(before.minutes[i] + 1e-9));
      }),
      { numRuns: 100 },
    );
  });
});

/** Naive reference: Bellman-Ford relaxation over the edge list until nothing changes. */
function bellmanFord(g: RoadGraph, fwd: Float64Array, bwd: Float64Array, seeds: { node: number; minutes: number }[], direction: SearchDirection): Float64Array {
  const d = new Float64Array(g.nodeCount).fill(Infinity);
  for (const s of seeds) d[s.node] = Math.min(d[s.node], s.minutes);
  for (let round = 0; round < g.nodeCount; round++) {
    let changed = false;
    for (let e = 0; e < g.edgeCount; e++) {
      const a = g.edgeFrom[e];
      const b = g.edgeTo[e];
      // from_sources: d is "time from a source", so a → b costs fwd and b → a costs bwd.
      // to_sources: d is "time to a source", so a reaches b's source via a → b (fwd).
      const [ab, ba] = direction === 'from_sources' ? [d[a] + fwd[e], d[b] + bwd[e]] : [d[b] + fwd[e], d[a] + bwd[e]];
      const [toB, toA] = direction === 'from_sources' ? [ab, ba] : [ba, ab];
      if (toB < d[b]) {
        d[b] = toB;
        changed = true;
      }
      if (toA < d[a]) {
        d[a] = toA;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return d;
}

describe('Dijkstra against a reference', () => {
  it('(c) equals Bellman-Ford on random graphs with random (one-way) costs and seeds', () => {
    const arb = randomNet.chain((net) => {
      const m = net.edges.length;
      return fc.record({
        net: fc.constant(net),
        fwd: fc.array(fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constant(Infinity)), { minLength: m, maxLength: m }),
        bwd: fc.array(fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constant(Infinity)), { minLength: m, maxLength: m }),
        seeds: fc.array(fc.record({ node: fc.nat(), minutes: fc.double({ min: 0, max: 20, noNaN: true }) }), { minLength: 0, maxLength: 4 }),
        direction: fc.constantFrom<SearchDirection>('from_sources', 'to_sources'),
      });
    });
    fc.assert(
      fc.property(arb, ({ net, fwd, bwd, seeds, direction }) => {
        const { graph } = buildRoadGraph(roadsOf(net));
        if (graph.nodeCount === 0) return;
        const fw = Float64Array.from({ length: graph.edgeCount }, (_, e) => fwd[e % fwd.length]);
        const bw = Float64Array.from({ length: graph.edgeCount }, (_, e) => bwd[e % bwd.length]);
        const sd = seeds.map((s) => ({ node: s.node % graph.nodeCount, minutes: s.minutes }));
        const got = multiSourceDijkstra(
          graph,
          { forward: fw, backward: bw },
          { node: Uint32Array.from(sd.map((s) => s.node)), minutes: Float64Array.from(sd.map((s) => s.minutes)), source: Int32Array.from(sd.map((_, i) => i)) },
          direction,
        );
        const want = bellmanFord(graph, fw, bw, sd, direction);
        for (let n = 0; n < graph.nodeCount; n++) {
          if (want[n] === Infinity) {
            expect(got.nodeMinutes[n]).toBe(Infinity);
            expect(got.nodeSource[n]).toBe(-1);
          } else {
            expect(got.nodeMinutes[n]).toBeCloseTo(want[n], 9);
            // The reported source really reaches the node that fast (its seed is no later).
            expect(sd[got.nodeSource[n]].minutes).toBeLessThanOrEqual(got.nodeMinutes[n] + 1e-12);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('snapping against brute force', () => {
  /** Distance from p to segment ab, in a flat frame of metres around p (an independent formula). */
  function segmentDistance(p: [number, number], a: [number, number], b: [number, number]): number {
    const k = Math.cos((p[1] * Math.PI) / 180) * 111_195.08;
    const ax = (a[0] - p[0]) * k;
    const ay = (a[1] - p[1]) * 111_195.08;
    const bx = (b[0] - p[0]) * k;
    const by = (b[1] - p[1]) * 111_195.08;
    const l2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * (bx - ax) + ay * (by - ay)) / l2));
    return Math.hypot(ax + t * (bx - ax), ay + t * (by - ay));
  }

  it('snaps to a segment as near as the nearest one a full scan finds', () => {
    fc.assert(
      fc.property(randomNet, fc.array(xy(-5000, 8000), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 2000 }), (net, pts, maxSnapM) => {
        const { graph } = buildRoadGraph(roadsOf(net));
        const snap = snapPoints(graph, points(pts), maxSnapM);
        pts.forEach((xyM, i) => {
          const p = ll(xyM[0], xyM[1]);
          if (graph.edgeCount === 0) {
            expect(snap.edge[i]).toBe(-1);
            return;
          }
          let best = Infinity;
          for (let e = 0; e < graph.edgeCount; e++) {
            const a: [number, number] = [graph.lng[graph.edgeFrom[e]], graph.lat[graph.edgeFrom[e]]];
            const b: [number, number] = [graph.lng[graph.edgeTo[e]], graph.lat[graph.edgeTo[e]]];
            best = Math.min(best, segmentDistance(p, a, b));
          }
          expect(snap.edge[i]).toBeGreaterThanOrEqual(0);
          expect(Math.abs(snap.offRoadM[i] - best)).toBeLessThanOrEqual(1e-3 * Math.max(1, best));
          expect(snap.offNetwork[i]).toBe(snap.offRoadM[i] > maxSnapM ? 1 : 0);
        });
      }),
      { numRuns: 300 },
    );
  });
});
