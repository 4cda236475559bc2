/**
 * Travel-time bands: what a planner sees on the map. Points near a road are inside the band their
 * time says, far points outside; bands grow with the limit and tile the reachable area; a ring
 * road around unreachable land leaves a hole; slopes shrink the uphill side; the demo county gives
 * clean polygons.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointInPolygon } from '../../electron/domain/geometry.js';
import { gridFromFunction } from '../../electron/engine/elevation.js';
import { buildRoadGraph } from '../../electron/engine/graph.js';
import { EngineCancelled, type RoadGraph, type RoadInput } from '../../electron/engine/graph-types.js';
import { computeIsochrones, type IsochroneArgs, type IsochroneBand } from '../../electron/engine/isochrones.js';
import { metresBetween, METRES_PER_DEGREE, metresPerDegreeLng } from '../../electron/engine/metric.js';
import { generateDemoCounty } from '../../electron/io/demo/generate.js';

type LngLat = [number, number];

function graphOf(polylines: LngLat[][]): RoadGraph {
  const roads: RoadInput[] = polylines.map((coordinates, i) => ({ id: i + 1, coordinates, roadClass: 'village', speedKmh: null, oneway: false, bridge: false }));
  return buildRoadGraph(roads).graph;
}

/** Node minutes from a function of the node's position. */
function minutesBy(g: RoadGraph, f: (lng: number, lat: number) => number): Float64Array {
  return Float64Array.from({ length: g.nodeCount }, (_, i) => f(g.lng[i], g.lat[i]));
}

const WALK = { walkKmh: 4.5, detour: 1.3 };
/** Effective off-road walking pace: metres per minute of straight line. */
const M_PER_MIN = (4500 / 60) / 1.3;

function ringArea(ring: LngLat[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}

/** Net area (degrees²) of a band: outer rings count positive, holes negative. */
function bandArea(b: IsochroneBand): number {
  return b.coordinates.reduce((s, poly) => s + poly.reduce((t, ring) => t + ringArea(ring), 0), 0);
}

function inBand(b: IsochroneBand, p: LngLat): boolean {
  return b.coordinates.some((poly) => pointInPolygon(p, poly));
}

/** Index of the band containing p, or -1. */
function bandOf(bands: IsochroneBand[], p: LngLat): number {
  return bands.findIndex((b) => inBand(b, p));
}

/** Every ring closed, ≥ 4 points, finite, outer rings counter-clockwise, holes clockwise. */
function expectWellFormed(bands: IsochroneBand[]): void {
  for (const b of bands) {
    for (const poly of b.coordinates) {
      expect(poly.length).toBeGreaterThan(0);
      poly.forEach((ring, r) => {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const [x, y] of ring) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
        if (r === 0) expect(ringArea(ring)).toBeGreaterThan(0);
        else expect(ringArea(ring)).toBeLessThan(0);
      });
    }
  }
}

/** A point `north` metres north and `east` metres east of p. */
function offset(p: LngLat, east: number, north: number): LngLat {
  return [p[0] + east / metresPerDegreeLng(p[1]), p[1] + north / METRES_PER_DEGREE];
}

describe('computeIsochrones on a single straight road', () => {
  const a: LngLat = [110, 27];
  const b: LngLat = [110.05, 27]; // ≈ 4.96 km east
  const graph = graphOf([[a, b]]);
  const nodeMinutes = minutesBy(graph, (lng) => (lng < 110.025 ? 0 : 10));
  const bbox: [number, number, number, number] = [109.96, 26.96, 110.09, 27.04];
  const base: IsochroneArgs = { graph, nodeMinutes, bands: [15, 30, 60], ...WALK, bbox, cellM: 50 };
  const bands = computeIsochrones(base);
  const mid: LngLat = [110.025, 27]; // road time 5 min

  it('returns the bands in increasing order, well formed', () => {
    expect(bands.map((x) => [x.from, x.to])).toEqual([[0, 15], [15, 30], [30, 60]]);
    expectWellFormed(bands);
  });

  it('puts points near the road in the 15-minute band and far points outside every band', () => {
    expect(bandOf(bands, offset(mid, 0, 200))).toBe(0); // 5 + 200/57.7 ≈ 8.5 min
    expect(bandOf(bands, offset(a, -300, -300))).toBe(0); // 424 m from the start ≈ 7.4 min
    expect(bandOf(bands, offset(mid, 0, -700))).toBe(1); // ≈ 17 min
    expect(bandOf(bands, offset(b, 0, 1200))).toBe(2); // best via a point 140 m west of the end: ≈ 30.7 min
    expect(bandOf(bands, offset(mid, 0, 1900))).toBe(2); // ≈ 5 + 1.9 km of walking ≈ 38 min
    expect(bandOf(bands, offset(mid, 0, 2600))).toBe(-1); // beyond the 2 km walking reach
    expect(bandOf(bands, offset(mid, 0, 5000))).toBe(-1);
  });

  it('grows with the band limit, and the bands tile the reachable area', () => {
    const areas = bands.map(bandArea);
    const within = areas.map((_, k) => areas.slice(0, k + 1).reduce((s, x) => s + x, 0));
    expect(within[0]).toBeGreaterThan(0);
    expect(within[1]).toBeGreaterThan(within[0]);
    expect(within[2]).toBeGreaterThan(within[1]);
    const single = computeIsochrones({ ...base, bands: [60] });
    expect(bandArea(single[0])).toBeCloseTo(within[2], 8);
  });

  it('matches the exact travel time away from band boundaries (property)', () => {
    const maxWalkM = 2000;
    /** Exact: min over road positions of road time + straight walk, walking at most maxWalkM. */
    const exact = (p: LngLat): number => {
      let best = Infinity;
      for (let k = 0; k <= 2000; k++) {
        const f = k / 2000;
        const q: LngLat = [a[0] + f * (b[0] - a[0]), a[1]];
        const d = metresBetween(p[0], p[1], q[0], q[1]);
        if (d <= maxWalkM) best = Math.min(best, f * 10 + d / M_PER_MIN);
      }
      return best;
    };
    fc.assert(
      fc.property(fc.double({ min: 109.985, max: 110.065, noNaN: true }), fc.double({ min: 26.975, max: 27.025, noNaN: true }), (lng, lat) => {
        const p: LngLat = [lng, lat];
        const t = exact(p);
        const got = bandOf(bands, p);
        // 50 m cells: the raster time is within ~1 min of the exact one, and the reach edge within a cell.
        const limits = [0, 15, 30, 60];
        const nearLimit = limits.some((l) => Math.abs(t - l) < 1.2) || !Number.isFinite(t) || Math.abs(exactWalk(p) - maxWalkM) < 80;
        if (nearLimit) return;
        const want = t < 15 ? 0 : t < 30 ? 1 : t < 60 ? 2 : -1;
        expect(got, `t=${t.toFixed(2)} at ${lng},${lat}`).toBe(want);
      }),
      { numRuns: 60 },
    );
    function exactWalk(p: LngLat): number {
      let best = Infinity;
      for (let k = 0; k <= 200; k++) best = Math.min(best, metresBetween(p[0], p[1], a[0] + (k / 200) * (b[0] - a[0]), a[1]));
      return best;
    }
  });

  it('uses edge traversal times when given: an edge reached from both ends is slow in its middle', () => {
    const both = minutesBy(graph, () => 0);
    const near = offset(mid, 0, 100);
    const linear = computeIsochrones({ ...base, nodeMinutes: both, bands: [5] });
    expect(bandOf(linear, near)).toBe(0); // linear interpolation: 0 min along the whole edge
    const exact = computeIsochrones({ ...base, nodeMinutes: both, bands: [5], edgeMinutes: Float64Array.of(20) });
    expect(bandOf(exact, near)).toBe(-1); // 10 min to the middle, driving from either end
    expect(bandOf(exact, offset(a, 100, 100))).toBe(0);
  });
});

describe('computeIsochrones: holes, slopes and edge cases', () => {
  it('leaves a hole where a ring road encloses land beyond walking reach', () => {
    const sw: LngLat = [110, 27];
    const side = 6000;
    const corners = [sw, offset(sw, side, 0), offset(sw, side, side), offset(sw, 0, side), sw];
    const graph = graphOf([corners]);
    const nodeMinutes = minutesBy(graph, () => 0);
    const bbox: [number, number, number, number] = [109.97, 26.97, 110.09, 27.085];
    const bands = computeIsochrones({ graph, nodeMinutes, bands: [15, 30], ...WALK, bbox, maxWalkM: 1000 });
    expectWellFormed(bands);
    expect(bands[0].coordinates.some((poly) => poly.length >= 2)).toBe(true);
    const centre = offset(sw, side / 2, side / 2);
    expect(bandOf(bands, centre)).toBe(-1);
    expect(bandOf(bands, offset(sw, 300, side / 2))).toBe(0);
    expect(bandOf(bands, offset(sw, -300, side / 2))).toBe(0);
  });

  it('reaches farther downhill-to-the-road than uphill-to-the-road with a DEM (Tobler)', () => {
    const a: LngLat = [110, 27];
    const b: LngLat = [110.03, 27];
    const graph = graphOf([[a, b]]);
    const nodeMinutes = minutesBy(graph, () => 0);
    // A plane rising 20 % to the north.
    const dem = gridFromFunction((_, lat) => 1000 + (lat - 27) * METRES_PER_DEGREE * 0.2, [109.97, 26.97, 110.06, 27.03], 0.001);
    const args: IsochroneArgs = { graph, nodeMinutes, bands: [15], ...WALK, bbox: [109.98, 26.98, 110.05, 27.02], cellM: 40 };
    const flat = computeIsochrones(args);
    const sloped = computeIsochrones({ ...args, grid: dem });
    const mid: LngLat = [110.015, 27];
    // Flat: 15 min reach ≈ 865 m both ways. Sloped: ≈ 610 m from above (−20 %), ≈ 430 m from below (+20 %).
    expect(bandOf(flat, offset(mid, 0, 750))).toBe(0);
    expect(bandOf(flat, offset(mid, 0, -750))).toBe(0);
    expect(bandOf(sloped, offset(mid, 0, 540))).toBe(0);
    expect(bandOf(sloped, offset(mid, 0, 680))).toBe(-1);
    expect(bandOf(sloped, offset(mid, 0, -380))).toBe(0);
    expect(bandOf(sloped, offset(mid, 0, -500))).toBe(-1);
  });

  it('returns [] for an empty graph, all-unreachable nodes or no band limits', () => {
    const bbox: [number, number, number, number] = [110, 27, 110.1, 27.1];
    const empty = graphOf([]);
    expect(computeIsochrones({ graph: empty, nodeMinutes: new Float64Array(0), bands: [15], ...WALK, bbox })).toEqual([]);
    const g = graphOf([[[110.01, 27.01], [110.05, 27.05]]]);
    expect(computeIsochrones({ graph: g, nodeMinutes: minutesBy(g, () => Infinity), bands: [15, 30], ...WALK, bbox })).toEqual([]);
    expect(computeIsochrones({ graph: g, nodeMinutes: minutesBy(g, () => 0), bands: [], ...WALK, bbox })).toEqual([]);
  });

  it('handles a graph inside a single cell, and a bbox that is a single cell', () => {
    const g = graphOf([[[110.05, 27.05], [110.0501, 27.0501]]]); // ≈ 15 m
    const nodeMinutes = minutesBy(g, () => 2);
    const bands = computeIsochrones({ graph: g, nodeMinutes, bands: [15, 30], ...WALK, bbox: [110, 27, 110.1, 27.1] });
    expectWellFormed(bands);
    expect(bandOf(bands, [110.05, 27.05])).toBe(0);
    expect(bandOf(bands, offset([110.05, 27.05], 0, 1200))).toBe(1); // 2 + 20.8 min
    const tiny = computeIsochrones({ graph: g, nodeMinutes, bands: [15], ...WALK, bbox: [110.0499, 27.0499, 110.0502, 27.0502] });
    expect(tiny).toHaveLength(1);
    expectWellFormed(tiny);
    expect(tiny[0].coordinates).toHaveLength(1);
  });

  it('stops with EngineCancelled when the signal fires', () => {
    const g = graphOf([[[110.01, 27.01], [110.05, 27.05]]]);
    const ctl = new AbortController();
    ctl.abort();
    expect(() => computeIsochrones({ graph: g, nodeMinutes: minutesBy(g, () => 0), bands: [15], ...WALK, bbox: [110, 27, 110.1, 27.1], signal: ctl.signal })).toThrow(EngineCancelled);
  });

  it('gives nested, disjoint, well-formed bands on random road networks (property)', () => {
    const bbox: [number, number, number, number] = [110, 27, 110.08, 27.06];
    const pt = fc.tuple(fc.double({ min: 110.005, max: 110.075, noNaN: true }), fc.double({ min: 27.005, max: 27.055, noNaN: true }));
    const road = fc.tuple(pt, pt, fc.double({ min: 0, max: 40, noNaN: true }));
    fc.assert(
      fc.property(fc.array(road, { minLength: 1, maxLength: 6 }), fc.array(pt, { minLength: 5, maxLength: 5 }), (roads, probes) => {
        const graph = graphOf(roads.map(([p, q]) => [p as LngLat, q as LngLat]));
        const starts = new Map(roads.map(([p, , t]) => [`${p[0]},${p[1]}`, t]));
        const nodeMinutes = minutesBy(graph, (lng, lat) => starts.get(`${lng},${lat}`) ?? 25);
        const bands = computeIsochrones({ graph, nodeMinutes, bands: [10, 20, 40], ...WALK, bbox, cellM: 100 });
        if (bands.length === 0) return;
        expectWellFormed(bands);
        const areas = bands.map(bandArea);
        for (const x of areas) expect(x).toBeGreaterThanOrEqual(-1e-12);
        const all = computeIsochrones({ graph, nodeMinutes, bands: [40], ...WALK, bbox, cellM: 100 });
        expect(areas.reduce((s, x) => s + x, 0)).toBeCloseTo(bandArea(all[0]), 7);
        for (const p of probes) expect(bands.filter((b) => inBand(b, p as LngLat)).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 12 },
    );
  });
});

describe('computeIsochrones on the demo county', () => {
  it('gives clean bands around the county hospital (road graph from the demo roads, DEM from its terrain)', () => {
    const county = generateDemoCounty();
    const { graph } = buildRoadGraph(county.roads);
    expect(graph.edgeCount).toBeGreaterThan(1000);
    const hospital = county.facilities.find((f) => f.level === 'county_hospital')!;
    // A stand-in time field: straight-line distance from the hospital at 30 km/h.
    const nodeMinutes = minutesBy(graph, (lng, lat) => metresBetween(hospital.location[0], hospital.location[1], lng, lat) / 500);
    const dem = gridFromFunction(county.elevation, county.bbox, 0.002);
    const bands = computeIsochrones({ graph, nodeMinutes, bands: [15, 30, 60], ...WALK, bbox: county.bbox, grid: dem });
    expect(bands.map((b) => b.to)).toEqual([15, 30, 60]);
    expectWellFormed(bands);
    for (const b of bands) expect(b.coordinates.length).toBeGreaterThan(0);
    expect(bandOf(bands, hospital.location as LngLat)).toBe(0);
    const [w, s, e, n] = county.bbox;
    for (const b of bands) {
      for (const [x, y] of b.coordinates.flat(2)) {
        expect(x).toBeGreaterThanOrEqual(w - 1e-6);
        expect(x).toBeLessThanOrEqual(e + 1e-6);
        expect(y).toBeGreaterThanOrEqual(s - 1e-6);
        expect(y).toBeLessThanOrEqual(n + 1e-6);
      }
    }
  });
});
