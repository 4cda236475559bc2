/**
 * Exact travel times on small hand-built networks: snapping, one-way roads, partial edges,
 * places on the same edge, off-network estimates, unreachable places, and the matrix.
 */
import { describe, expect, it } from 'vitest';
import type { TravelMode } from '../../electron/domain/rules.js';
import { multiSourceDijkstra } from '../../electron/engine/dijkstra.js';
import { buildRoadGraph } from '../../electron/engine/graph.js';
import { EngineCancelled, type RoadInput } from '../../electron/engine/graph-types.js';
import { metresBetween } from '../../electron/engine/metric.js';
import { buildEdgeIndex, snapPoints } from '../../electron/engine/snap.js';
import { edgeMinutes, speedTableFromRules } from '../../electron/engine/speeds.js';
import { kmhToMetresPerMinute, nearestSources, placeSet, travelTimeMatrix, type PlaceSet, type TravelSetting } from '../../electron/engine/travel-time.js';
import { ll, minutesAt, near, points, road, rules } from './engine-fixtures.js';

const DETOUR = 1.3;
const WALK_MPM = kmhToMetresPerMinute(4.5);

function setup(roads: RoadInput[], mode: TravelMode, ruleOverrides = {}): TravelSetting {
  const speeds = speedTableFromRules(rules(ruleOverrides));
  const { graph } = buildRoadGraph(roads);
  return {
    graph,
    costs: edgeMinutes(graph, mode, speeds),
    detourFactor: DETOUR,
    offRoadMetresPerMinute: kmhToMetresPerMinute(speeds.walk.village),
    estimateMetresPerMinute: kmhToMetresPerMinute(speeds[mode].village),
  };
}

function places(s: TravelSetting, pointsM: [number, number][], maxSnapM = 1000): PlaceSet {
  const pts = points(pointsM);
  return placeSet(s, pts, snapPoints(s.graph, pts, maxSnapM));
}

/** Minutes of the trip from `from` to `to` (a single source: the destination). */
function trip(s: TravelSetting, from: [number, number], to: [number, number], maxSnapM = 1000) {
  const r = nearestSources(s, places(s, [to], maxSnapM), places(s, [from], maxSnapM), { direction: 'to_sources' });
  return { minutes: r.minutes[0], nearest: r.nearest[0], estimated: r.estimated[0] };
}

describe('snapPoints', () => {
  const s = setup([road([[0, 0], [10_000, 0]]), road([[10_000, 0], [10_000, 5000]])], 'car');

  it('snaps to the nearest point on a segment, not the nearest node', () => {
    const snap = snapPoints(s.graph, points([[4000, 30]]), 1000);
    expect(snap.edge[0]).toBe(0);
    expect(snap.t[0]).toBeCloseTo(0.4, 6);
    expect(snap.offRoadM[0]).toBeCloseTo(30, 3);
    expect(snap.offNetwork[0]).toBe(0);
  });

  it('flags places beyond the max snap distance but still records their nearest edge', () => {
    const snap = snapPoints(s.graph, points([[9000, 3000]]), 500);
    expect(snap.edge[0]).toBe(1);
    expect(near(snap.offRoadM[0], 1000)).toBe(true);
    expect(snap.offNetwork[0]).toBe(1);
  });

  it('gives edge -1 without roads or usable coordinates, and reuses a prebuilt index', () => {
    const empty = setup([], 'car');
    expect(Array.from(snapPoints(empty.graph, points([[0, 0]]), 1000).edge)).toEqual([-1]);
    const bad = snapPoints(s.graph, new Float64Array([NaN, 27, 200, 27]), 1000);
    expect(Array.from(bad.edge)).toEqual([-1, -1]);
    expect(Array.from(bad.offNetwork)).toEqual([1, 1]);
    const index = buildEdgeIndex(s.graph);
    const pts = points([[1, 2], [9999, 4000], [-3000, -3000]]);
    expect(snapPoints(s.graph, pts, 100, index)).toEqual(snapPoints(s.graph, pts, 100));
  });

  it('finds a far nearest edge among many (the search box grows until it is sure)', () => {
    const grid: RoadInput[] = [];
    for (let i = 0; i < 20; i++) grid.push(road([[i * 500, 0], [i * 500 + 400, 0]]));
    const g = setup(grid, 'car');
    const snap = snapPoints(g.graph, points([[7300, 20_000], [-5000, 1]]), 50);
    expect(snap.edge[0]).toBe(14); // the segment 7000-7400
    expect(snap.offRoadM[0]).toBeCloseTo(20_000, 0);
    expect(snap.edge[1]).toBe(0);
  });
});

describe('travel times on hand-built networks', () => {
  it('a straight line: nodes to node', () => {
    const s = setup([road([[0, 0], [0, 1000], [0, 3000]])], 'car');
    const r = trip(s, [0, 0], [0, 3000]);
    expect(r.minutes).toBeCloseTo(minutesAt(3000, 45), 6);
    expect(r.nearest).toBe(0);
    expect(r.estimated).toBe(0);
  });

  it('a square with a one-way side: cars go round, walkers do not', () => {
    // A → B is one-way along the geometry; B–C, C–D, D–A are two-way.
    const square = [road([[0, 0], [1000, 0]], { oneway: true }), road([[1000, 0], [1000, 1000], [0, 1000], [0, 0]])];
    const car = setup(square, 'car');
    expect(near(trip(car, [1000, 0], [0, 0]).minutes, minutesAt(3000, 45))).toBe(true); // B → A: round the square
    expect(trip(car, [0, 0], [1000, 0]).minutes).toBeCloseTo(minutesAt(1000, 45), 6); // A → B: with the one-way
    const walk = setup(square, 'walk');
    expect(trip(walk, [1000, 0], [0, 0]).minutes).toBeCloseTo(minutesAt(1000, 4.5), 6);
  });

  it("'to_sources' respects one-way for village → facility; 'from_sources' for facility → village", () => {
    const square = [road([[0, 0], [1000, 0]], { oneway: true }), road([[1000, 0], [1000, 1000], [0, 1000], [0, 0]])];
    const s = setup(square, 'car');
    const facility = places(s, [[0, 0]]);
    const village = places(s, [[1000, 0]]);
    expect(near(nearestSources(s, facility, village, { direction: 'to_sources' }).minutes[0], minutesAt(3000, 45))).toBe(true);
    expect(nearestSources(s, facility, village, { direction: 'from_sources' }).minutes[0]).toBeCloseTo(minutesAt(1000, 45), 6);
  });

  it('two components: a place with no source in its component is unreachable (Infinity, nearest -1), never NaN', () => {
    const s = setup([road([[0, 0], [1000, 0]]), road([[0, 5000], [1000, 5000]])], 'car');
    const r = nearestSources(s, places(s, [[0, 0]]), places(s, [[1000, 5000], [500, 0]]));
    expect(r.minutes[0]).toBe(Infinity);
    expect(r.nearest[0]).toBe(-1);
    expect(r.estimated[0]).toBe(0);
    expect(r.minutes[1]).toBeCloseTo(minutesAt(500, 45), 6);
    expect(Array.from(r.minutes).some(Number.isNaN)).toBe(false);
  });

  it('a place snapped mid-edge: off-road leg (× detour, walking) + the partial edge', () => {
    const s = setup([road([[0, 0], [1000, 0]])], 'car');
    const r = trip(s, [250, 100], [1000, 0]);
    const offRoad = (100 * DETOUR) / WALK_MPM;
    expect(r.minutes).toBeCloseTo(offRoad + minutesAt(750, 45), 4);
  });

  it('source and target on the same edge use the direct path along it, one-way included', () => {
    const oneway = [road([[0, 0], [2000, 0]], { oneway: true })];
    const car = setup(oneway, 'car');
    // Along the one-way: 1 km between them; via the end nodes there would be no way at all.
    expect(trip(car, [500, 0], [1500, 0]).minutes).toBeCloseTo(minutesAt(1000, 45), 6);
    expect(trip(car, [1500, 0], [500, 0]).minutes).toBe(Infinity);
    const walk = setup(oneway, 'walk');
    expect(trip(walk, [1500, 0], [500, 0]).minutes).toBeCloseTo(minutesAt(1000, 4.5), 6);
    // Two-way: the direct path beats going out to a node and back.
    const two = setup([road([[0, 0], [2000, 0]])], 'car');
    expect(trip(two, [900, 0], [1100, 0]).minutes).toBeCloseTo(minutesAt(200, 45), 6);
  });

  it('an off-network place gets a straight-line estimate at the mode’s village-road speed, flagged', () => {
    const s = setup([road([[0, 0], [1000, 0]])], 'car');
    const r = trip(s, [500, 2000], [0, 0]);
    const [a, b] = [ll(500, 2000), ll(0, 0)];
    expect(r.estimated).toBe(1);
    expect(r.minutes).toBeCloseTo((metresBetween(a[0], a[1], b[0], b[1]) * DETOUR) / kmhToMetresPerMinute(25), 6);
    expect(r.nearest).toBe(0);
  });

  it('an off-network source is compared by estimate with the on-network ones', () => {
    const s = setup([road([[0, 0], [10_000, 0]])], 'car');
    const sources = places(s, [[10_000, 0], [0, 1500]]); // the second is off network, but much closer
    const r = nearestSources(s, sources, places(s, [[0, 0]]));
    expect(r.nearest[0]).toBe(1);
    expect(r.estimated[0]).toBe(1);
    expect(r.minutes[0]).toBeCloseTo((1500 * DETOUR) / kmhToMetresPerMinute(25), 3);
  });

  it('places without usable coordinates, and no sources at all, are unreachable', () => {
    const s = setup([road([[0, 0], [1000, 0]])], 'car');
    const targets = placeSet(s, new Float64Array([NaN, NaN, ...ll(10, 0)]), snapPoints(s.graph, new Float64Array([NaN, NaN, ...ll(10, 0)]), 1000));
    const r = nearestSources(s, places(s, [[0, 0]]), targets);
    expect(r.minutes[0]).toBe(Infinity);
    expect(r.nearest[0]).toBe(-1);
    const none = nearestSources(s, places(s, []), targets);
    expect(Array.from(none.minutes)).toEqual([Infinity, Infinity]);
  });

  it('rules changes change times', () => {
    const roads = [road([[0, 0], [3000, 0]], { roadClass: 'township' })];
    const slow = trip(setup(roads, 'van'), [0, 0], [3000, 0]).minutes;
    const fast = trip(setup(roads, 'van', { 'X.speed.van.township': 60 }), [0, 0], [3000, 0]).minutes;
    expect(slow).toBeCloseTo(minutesAt(3000, 30), 6);
    expect(fast).toBeCloseTo(minutesAt(3000, 60), 6);
  });
});

describe('travelTimeMatrix', () => {
  const square = [road([[0, 0], [1000, 0]], { oneway: true }), road([[1000, 0], [1000, 1000], [0, 1000], [0, 0]]), road([[0, 1000], [0, 2000]])];
  const s = setup(square, 'car');
  const a = places(s, [[0, 0], [1000, 0], [0, 5000]]);
  const b = places(s, [[1000, 1000], [0, 0], [0, 2000]]);

  it('row-major trips row → column, each equal to a single-source query', () => {
    const m = travelTimeMatrix(s, a, b);
    expect(m.length).toBe(9);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        const one = nearestSources(s, places(s, [[[0, 0], [1000, 0], [0, 5000]][r] as [number, number]]), places(s, [[[1000, 1000], [0, 0], [0, 2000]][c] as [number, number]]), { direction: 'from_sources' });
        expect(m[r * 3 + c]).toBeCloseTo(one.minutes[0], 9);
      }
    }
    expect(near(m[1 * 3 + 1], minutesAt(3000, 45))).toBe(true); // B → A round the one-way square
  });

  it("'to_sources' gives column → row trips, and maxMinutes cuts off far pairs", () => {
    const forward = travelTimeMatrix(s, a, b);
    const backward = travelTimeMatrix(s, b, a, { direction: 'to_sources' });
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) expect(backward[c * 3 + r]).toBeCloseTo(forward[r * 3 + c], 9);
    const bounded = travelTimeMatrix(s, a, b, { maxMinutes: 2 });
    for (let i = 0; i < 9; i++) expect(bounded[i]).toBe(forward[i] <= 2 ? forward[i] : Infinity);
  });
});

describe('multiSourceDijkstra', () => {
  const { graph } = buildRoadGraph([road([[0, 0], [0, 1000], [0, 2000], [0, 3000]])]);
  const costs = { forward: new Float64Array([1, 2, 3]), backward: new Float64Array([1, 2, 3]) };

  it('keeps the nearest of several seeds per node, with its source', () => {
    const r = multiSourceDijkstra(graph, costs, { node: new Uint32Array([0, 3]), minutes: new Float64Array([0, 0.5]), source: new Int32Array([7, 8]) }, 'from_sources');
    expect(Array.from(r.nodeMinutes)).toEqual([0, 1, 3, 0.5]);
    expect(Array.from(r.nodeSource)).toEqual([7, 7, 7, 8]);
  });

  it('stops at maxMinutes', () => {
    const r = multiSourceDijkstra(graph, costs, { node: new Uint32Array([0]), minutes: new Float64Array([0]), source: new Int32Array([0]) }, 'from_sources', { maxMinutes: 2 });
    expect(Array.from(r.nodeMinutes)).toEqual([0, 1, Infinity, Infinity]);
    expect(Array.from(r.nodeSource)).toEqual([0, 0, -1, -1]);
  });

  it('throws EngineCancelled when the signal is aborted', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => multiSourceDijkstra(graph, costs, { node: new Uint32Array([0]), minutes: new Float64Array([0]), source: new Int32Array([0]) }, 'to_sources', { signal: controller.signal })).toThrow(EngineCancelled);
  });
});
