/**
 * Road graph construction: shared vertices connect, crossings without a vertex do not, the CSR
 * lists every edge at both ends, and bad roads become issues instead of crashes.
 */
import { describe, expect, it } from 'vitest';
import { buildRoadGraph } from '../../electron/engine/graph.js';
import type { RoadGraph, RoadInput } from '../../electron/engine/graph-types.js';
import { metresBetween } from '../../electron/engine/metric.js';
import { ll, road } from './engine-fixtures.js';

/** Neighbours of node n by the forward CSR, as "other:dir" strings. */
function outArcs(g: RoadGraph, n: number): string[] {
  const out: string[] = [];
  for (let k = g.outStart[n]; k < g.outStart[n + 1]; k++) {
    const e = g.outEdge[k];
    const other = g.edgeFrom[e] === n ? g.edgeTo[e] : g.edgeFrom[e];
    out.push(`${other}:${g.outForward[k] ? 'along' : 'against'}`);
  }
  return out.sort();
}

describe('buildRoadGraph', () => {
  it('turns a polyline into nodes and one edge per consecutive vertex pair', () => {
    const { graph, issues } = buildRoadGraph([road([[0, 0], [0, 1000], [0, 3000]], { roadClass: 'provincial' })]);
    expect(issues).toEqual([]);
    expect(graph.nodeCount).toBe(3);
    expect(graph.edgeCount).toBe(2);
    expect(graph.edgeLengthM[0]).toBeCloseTo(1000, 3);
    expect(graph.edgeLengthM[1]).toBeCloseTo(2000, 3);
    expect(graph.classes).toEqual(['provincial']);
    expect(graph.componentCount).toBe(1);
    expect(outArcs(graph, 1)).toEqual(['0:against', '2:along']);
    // The reverse CSR lists the arcs entering node 1: from 0 along the geometry, from 2 against it.
    const inArcs: string[] = [];
    for (let k = graph.inStart[1]; k < graph.inStart[2]; k++) inArcs.push(`${graph.edgeFrom[graph.inEdge[k]] === 1 ? graph.edgeTo[graph.inEdge[k]] : graph.edgeFrom[graph.inEdge[k]]}:${graph.inForward[k] ? 'along' : 'against'}`);
    expect(inArcs.sort()).toEqual(['0:along', '2:against']);
  });

  it('connects roads that share a vertex, and merges vertices closer than 0.5 m', () => {
    const a = road([[0, 0], [1000, 0]]);
    const b = road([[1000.3, 0], [1000, 800]]);
    const { graph } = buildRoadGraph([a, b]);
    expect(graph.nodeCount).toBe(3);
    expect(graph.componentCount).toBe(1);
  });

  it('keeps vertices farther apart than the tolerance as separate nodes (and honours a custom tolerance)', () => {
    const a = road([[0, 0], [1000, 0]]);
    const b = road([[1001, 0], [1000, 800]]);
    expect(buildRoadGraph([a, b]).graph.componentCount).toBe(2);
    expect(buildRoadGraph([a, b], { snapToleranceM: 2 }).graph.componentCount).toBe(1);
  });

  it('does not connect roads that cross without a shared vertex (a bridge over a road)', () => {
    const ground = road([[0, 0], [1000, 0]]);
    const bridge = road([[500, -500], [500, 500]], { bridge: true });
    const { graph } = buildRoadGraph([ground, bridge]);
    expect(graph.nodeCount).toBe(4);
    expect(graph.componentCount).toBe(2);
    expect(graph.edgeFlags[1] & 2).toBe(2);
  });

  it('records one-way, bridge, class and speed override per edge, and the road of each edge', () => {
    const { graph } = buildRoadGraph([road([[0, 0], [100, 0]], { id: 7, oneway: true, speedKmh: 33, roadClass: 'primary' }), road([[100, 0], [200, 0]], { id: 9 })]);
    expect(Array.from(graph.edgeFlags)).toEqual([1, 0]);
    expect(Array.from(graph.edgeSpeedOverride)).toEqual([33, 0]);
    expect(graph.classes).toEqual(['primary', 'county']);
    expect(Array.from(graph.edgeRoad)).toEqual([0, 1]);
  });

  it('labels weakly connected components, one-way roads included', () => {
    const roads = [road([[0, 0], [100, 0]], { oneway: true }), road([[100, 0], [200, 0]], { oneway: true }), road([[5000, 0], [5100, 0]])];
    const { graph } = buildRoadGraph(roads);
    expect(graph.componentCount).toBe(2);
    expect(graph.component[0]).toBe(graph.component[2]);
    expect(graph.component[3]).not.toBe(graph.component[0]);
  });

  it('uses one distance metric: edge length equals the haversine distance of its nodes', () => {
    const { graph } = buildRoadGraph([road([[0, 0], [3000, 4000]])]);
    expect(graph.edgeLengthM[0]).toBe(metresBetween(graph.lng[0], graph.lat[0], graph.lng[1], graph.lat[1]));
    expect(graph.edgeLengthM[0]).toBeCloseTo(5000, 0);
  });
});

describe('buildRoadGraph: bad input becomes issues, never a crash', () => {
  it('reports roads without geometry', () => {
    const bad: RoadInput[] = [
      { id: 1, coordinates: [], roadClass: 'village', speedKmh: null, oneway: false, bridge: false },
      { id: 2, coordinates: [ll(0, 0)], roadClass: 'village', speedKmh: null, oneway: false, bridge: false },
      { id: 3, coordinates: null as unknown as [number, number][], roadClass: 'village', speedKmh: null, oneway: false, bridge: false },
    ];
    const { graph, issues } = buildRoadGraph(bad);
    expect(issues).toEqual([
      { kind: 'no_geometry', roadId: 1 },
      { kind: 'no_geometry', roadId: 2 },
      { kind: 'no_geometry', roadId: 3 },
    ]);
    expect(graph.nodeCount).toBe(0);
    expect(graph.edgeCount).toBe(0);
    expect(graph.componentCount).toBe(0);
  });

  it('reports NaN and out-of-range coordinates and skips the road', () => {
    const ok = road([[0, 0], [100, 0]], { id: 10 });
    const nan: RoadInput = { ...road([[0, 0], [100, 0]], { id: 11 }), coordinates: [ll(0, 0), [NaN, 27]] };
    const range: RoadInput = { ...road([[0, 0], [100, 0]], { id: 12 }), coordinates: [ll(0, 0), [110, 95]] };
    const { graph, issues } = buildRoadGraph([ok, nan, range]);
    expect(issues).toEqual([
      { kind: 'invalid_coordinate', roadId: 11 },
      { kind: 'invalid_coordinate', roadId: 12 },
    ]);
    expect(graph.edgeCount).toBe(1);
  });

  it('skips zero-length segments (a repeated vertex) and keeps the rest of the road', () => {
    const { graph, issues } = buildRoadGraph([road([[0, 0], [100, 0], [100, 0], [200, 0]], { id: 5 })]);
    expect(issues).toEqual([{ kind: 'zero_length', roadId: 5 }]);
    expect(graph.edgeCount).toBe(2);
    expect(graph.nodeCount).toBe(3);
  });

  it('reports a segment whose two vertices merge into one node as a self-loop', () => {
    const { graph, issues } = buildRoadGraph([road([[0, 0], [0.2, 0]], { id: 6 })]);
    expect(issues).toEqual([{ kind: 'self_loop', roadId: 6 }]);
    // Nothing is left of that road, not even a stray node.
    expect(graph.nodeCount).toBe(0);
  });

  it('keeps one of two duplicated segments and reports the copy', () => {
    const first = road([[0, 0], [100, 0], [200, 0]], { id: 20 });
    const copy = road([[0, 0], [100, 0], [200, 0]], { id: 21 });
    const reversed = road([[200, 0], [100, 0]], { id: 22 });
    const { graph, issues } = buildRoadGraph([first, copy, reversed]);
    expect(graph.edgeCount).toBe(2);
    expect(issues).toEqual([
      { kind: 'duplicate_segment', roadId: 21 },
      { kind: 'duplicate_segment', roadId: 22 },
    ]);
    expect(Array.from(graph.edgeRoad)).toEqual([0, 0]);
  });

  it('keeps opposite one-way segments (a divided road) and a one-way beside a two-way road', () => {
    const up = road([[0, 0], [100, 0]], { id: 30, oneway: true });
    const down = road([[100, 0], [0, 0]], { id: 31, oneway: true });
    const both = road([[0, 0], [100, 0]], { id: 32 });
    const upAgain = road([[0, 0], [100, 0]], { id: 33, oneway: true });
    const { graph, issues } = buildRoadGraph([up, down, both, upAgain]);
    expect(graph.edgeCount).toBe(3);
    expect(issues).toEqual([{ kind: 'duplicate_segment', roadId: 33 }]);
  });

  it('reports each problem once per road, however many segments have it', () => {
    const { issues } = buildRoadGraph([road([[0, 0], [0, 0], [100, 0], [100, 0], [200, 0], [200, 0]], { id: 40 })]);
    expect(issues).toEqual([{ kind: 'zero_length', roadId: 40 }]);
  });

  it('survives garbage records', () => {
    const junk = [
      { id: 50, coordinates: [[1, 2], 'x'], roadClass: 'village', speedKmh: null, oneway: false, bridge: false },
      { id: 51, coordinates: [ll(0, 0), ll(10, 0)], roadClass: undefined, speedKmh: NaN, oneway: false, bridge: false },
    ] as unknown as RoadInput[];
    const { graph, issues } = buildRoadGraph(junk);
    expect(issues).toEqual([{ kind: 'invalid_coordinate', roadId: 50 }]);
    expect(graph.edgeCount).toBe(1);
    expect(graph.edgeSpeedOverride[0]).toBe(0);
  });
});
