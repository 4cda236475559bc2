/**
 * Tobler's hiking function as a walking-time multiplier, and its use on road edges and off-road
 * legs over the real SRTM3 tile of Andorra (steep valleys, a reservoir, void cells).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { gridFromFunction, sampleElevation, type ElevationGrid } from '../../electron/engine/elevation.js';
import { buildRoadGraph } from '../../electron/engine/graph.js';
import type { RoadGraph, RoadInput } from '../../electron/engine/graph-types.js';
import { edgeWalkFactors, MAX_SLOPE, offRoadFactors, toblerFactor } from '../../electron/engine/tobler.js';
import { readDem } from '../../electron/io/dem.js';

const ANDORRA = path.resolve(__dirname, '../../../shared/data/dem/N42E001.hgt.zip');

/** Walking speed by Tobler (1993), km/h. */
const tobler = (s: number): number => 6 * Math.exp(-3.5 * Math.abs(s + 0.05));

describe('toblerFactor', () => {
  it('is 1 on flat ground (W(0) ≈ 5.04 km/h) and follows W(0)/W(s)', () => {
    expect(tobler(0)).toBeCloseTo(5.037, 3);
    expect(toblerFactor(0)).toBe(1);
    expect(toblerFactor(-0.05)).toBeCloseTo(tobler(0) / 6, 10); // the fastest pace, 6 km/h
    expect(toblerFactor(0.1)).toBeCloseTo(tobler(0) / tobler(0.1), 10);
    expect(toblerFactor(0.2)).toBeCloseTo(2.01, 2);
    expect(toblerFactor(-0.3)).toBeCloseTo(tobler(0) / tobler(-0.3), 10);
  });

  it('makes uphill slower than the same downhill, and steeper slower (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: MAX_SLOPE, noNaN: true }), fc.double({ min: 1e-4, max: 0.5, noNaN: true }), (s, ds) => {
        expect(toblerFactor(s)).toBeGreaterThan(toblerFactor(-s));
        expect(toblerFactor(Math.min(MAX_SLOPE, s + ds))).toBeGreaterThanOrEqual(toblerFactor(s));
        expect(toblerFactor(-s)).toBeGreaterThanOrEqual(toblerFactor(-0.05) - 1e-12);
      }),
    );
  });

  it('clamps slopes beyond 100 % and treats a non-finite slope as flat', () => {
    expect(toblerFactor(5)).toBe(toblerFactor(MAX_SLOPE));
    expect(toblerFactor(-5)).toBe(toblerFactor(-MAX_SLOPE));
    expect(toblerFactor(NaN)).toBe(1);
  });
});

function graphOf(segments: [number, number][][]): RoadGraph {
  const roads: RoadInput[] = segments.map((coordinates, i) => ({ id: i + 1, coordinates, roadClass: 'track', speedKmh: null, oneway: false, bridge: false }));
  const { graph } = buildRoadGraph(roads);
  expect(graph.edgeCount).toBe(segments.length);
  return graph;
}

/** Index of the edge between two points (either direction) and whether it is stored a → b. */
function edgeBetween(g: RoadGraph, a: [number, number], b: [number, number]): { e: number; aToB: boolean } {
  const near = (n: number, p: [number, number]): boolean => Math.abs(g.lng[n] - p[0]) < 1e-9 && Math.abs(g.lat[n] - p[1]) < 1e-9;
  for (let e = 0; e < g.edgeCount; e++) {
    if (near(g.edgeFrom[e], a) && near(g.edgeTo[e], b)) return { e, aToB: true };
    if (near(g.edgeFrom[e], b) && near(g.edgeTo[e], a)) return { e, aToB: false };
  }
  throw new Error('edge not found');
}

describe('edgeWalkFactors on the Andorra SRTM tile', () => {
  let dem: ElevationGrid;
  beforeAll(async () => {
    if (!fs.existsSync(ANDORRA)) throw new Error(`missing test data file: ${ANDORRA}`);
    dem = await readDem(ANDORRA);
  });

  // A 490 m slope rising steadily by ~127 m (≈ 26 %), no voids nearby.
  const low: [number, number] = [1.55, 42.55];
  const high: [number, number] = [1.556, 42.55];
  // Along the shore of a reservoir (flat water surface in the DEM).
  const lake: [[number, number], [number, number]] = [[1.716, 42.61], [1.72, 42.61]];
  // Across a block of void cells (cols 534-536, rows 196-199 of the tile).
  const voids: [[number, number], [number, number]] = [[1.44, 42.836], [1.452, 42.835]];
  // Outside the tile (east of 2°E).
  const outside: [[number, number], [number, number]] = [[2.5, 42.5], [2.51, 42.5]];

  it('makes a steep edge slower uphill than downhill, both slower than flat', () => {
    expect(sampleElevation(dem, ...high) - sampleElevation(dem, ...low)).toBeGreaterThan(100);
    const g = graphOf([[low, high]]);
    const f = edgeWalkFactors(g, dem);
    const { e, aToB } = edgeBetween(g, low, high);
    const up = aToB ? f.forward[e] : f.backward[e];
    const down = aToB ? f.backward[e] : f.forward[e];
    expect(up).toBeGreaterThan(1.8); // ≈ 26 % average: Tobler gives ≈ 2.3
    expect(up).toBeLessThan(3.5);
    expect(down).toBeLessThan(up);
    expect(down).toBeGreaterThan(0.84); // never faster than the 6 km/h optimum
    expect(f.voidEdges).toBe(0);
    expect(f.uncoveredEdges).toBe(0);
  });

  it('counts a hill in the middle of an edge even when both ends are level', () => {
    // Synthetic: a 100 m high bump between two level ends.
    const hill = gridFromFunction((lng) => 100 * Math.exp(-(((lng - 100.005) / 0.002) ** 2)), [99.99, 29.99, 100.02, 30.01], 0.0002);
    const g = graphOf([[[100, 30], [100.01, 30]]]);
    const f = edgeWalkFactors(g, hill, { sampleM: 20 });
    expect(f.forward[0]).toBeGreaterThan(1.2);
    expect(f.backward[0]).toBeCloseTo(f.forward[0], 1); // symmetric bump
  });

  it('gives ≈ 1 on flat ground, 1 (counted) on void and uncovered edges', () => {
    const g = graphOf([lake, voids, outside]);
    const f = edgeWalkFactors(g, dem);
    const flat = edgeBetween(g, ...lake).e;
    const v = edgeBetween(g, ...voids).e;
    const out = edgeBetween(g, ...outside).e;
    expect(f.forward[flat]).toBeCloseTo(1, 2);
    expect(f.backward[flat]).toBeCloseTo(1, 2);
    expect(f.voidEdges).toBe(1);
    expect(f.uncoveredEdges).toBe(1);
    for (const x of [...f.forward, ...f.backward]) expect(Number.isFinite(x) && x >= 0.83).toBe(true);
    expect(f.forward[out]).toBe(1);
    expect(f.backward[out]).toBe(1);
    // The void edge still feels the terrain on its valid steps (it drops ~500 m).
    expect(f.forward[v] + f.backward[v]).toBeGreaterThan(2.5);
  });

  it('offRoadFactors: walking down from a place above the road is faster than walking up to it', () => {
    const points = Float64Array.from([...high, ...low, ...lake[0], 2.5, 42.5]);
    const targets = Float64Array.from([...low, ...high, ...lake[1], 2.51, 42.5]);
    const f = offRoadFactors(points, targets, dem);
    expect(f.length).toBe(4);
    expect(f[0]).toBeLessThan(f[1]); // high → road below is downhill
    expect(f[1]).toBeGreaterThan(1.8);
    expect(f[2]).toBeCloseTo(1, 2);
    expect(f[3]).toBe(1); // outside the DEM
    expect(offRoadFactors(Float64Array.from(low), Float64Array.from(low), dem)[0]).toBe(1); // zero-length leg
  });
});
