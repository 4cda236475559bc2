/** Sampling elevation grids: bilinear interpolation, voids, edges, coverage, and grids made from a function. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridCoverage, gridExtent, gridFromFunction, insideGrid, sampleElevation, type ElevationGrid } from '../../electron/engine/elevation.js';
import { generateDemoCounty } from '../../electron/io/demo/generate.js';

/** 3×3 samples at 1° spacing, NW sample at (100, 30). */
function grid3(values: number[]): ElevationGrid {
  return { width: 3, height: 3, west: 100, north: 30, dx: 1, dy: 1, data: Float32Array.from(values) };
}

describe('sampleElevation', () => {
  it('returns the sample at a sample point and interpolates bilinearly between them', () => {
    const g = grid3([0, 10, 20, 30, 40, 50, 60, 70, 80]);
    expect(sampleElevation(g, 100, 30)).toBe(0);
    expect(sampleElevation(g, 102, 28)).toBe(80);
    expect(sampleElevation(g, 101, 29)).toBe(40);
    expect(sampleElevation(g, 100.5, 29.5)).toBe(20); // mean of 0, 10, 30, 40
    expect(sampleElevation(g, 101.25, 30)).toBe(12.5);
  });

  it('reproduces a plane exactly anywhere inside the grid (property)', () => {
    const plane = (lng: number, lat: number): number => 500 + 3 * (lng - 100) - 7 * (lat - 30);
    const g = gridFromFunction(plane, [100, 29, 101, 30], 0.05);
    fc.assert(
      fc.property(fc.double({ min: 100, max: 101, noNaN: true }), fc.double({ min: 29, max: 30, noNaN: true }), (lng, lat) => {
        expect(sampleElevation(g, lng, lat)).toBeCloseTo(plane(lng, lat), 3);
      }),
    );
  });

  it('fills a void from its valid neighbours; NaN only when all four are void', () => {
    const g = grid3([10, 20, 30, 40, NaN, 60, 70, 80, 90]);
    // Cell between (0,0)=10, (1,0)=20, (0,1)=40 and the void (1,1): weights renormalised over the three.
    const v = sampleElevation(g, 100.5, 29.5);
    expect(v).toBeCloseTo((10 + 20 + 40) / 3, 6);
    // Exactly on the void sample: it has all the weight, the other three of its cell none → their plain average.
    expect(sampleElevation(g, 101, 29)).toBeCloseTo((60 + 80 + 90) / 3, 6);
    const voids = grid3([NaN, NaN, 5, NaN, NaN, 5, 5, 5, 5]);
    expect(sampleElevation(voids, 100.5, 29.5)).toBeNaN();
    expect(Number.isFinite(sampleElevation(voids, 101.5, 28.5))).toBe(true);
  });

  it('reaches half a cell (and up to one) beyond the outer samples with the edge values, NaN beyond', () => {
    const g = grid3([0, 10, 20, 30, 40, 50, 60, 70, 80]);
    expect(sampleElevation(g, 99.6, 30)).toBe(0);
    expect(sampleElevation(g, 102.4, 28.2)).toBeCloseTo(0.2 * 50 + 0.8 * 80, 6); // column 2, rows 1-2
    expect(sampleElevation(g, 98.9, 30)).toBeNaN();
    expect(sampleElevation(g, 101, 31.2)).toBeNaN();
    expect(insideGrid(g, 99.6, 30.4)).toBe(true);
    expect(insideGrid(g, 99.4, 30)).toBe(false);
    expect(gridExtent(g)).toEqual([99.5, 27.5, 102.5, 30.5]);
  });
});

describe('gridCoverage', () => {
  const g = gridFromFunction(() => 100, [100, 29, 101, 30], 0.01);

  it('is 1 for a box inside, the overlap share for a box partly outside, 0 for a box outside', () => {
    expect(gridCoverage(g, [100.2, 29.2, 100.8, 29.8])).toBe(1);
    expect(gridCoverage(g, [100.5, 29.5, 101.5, 30.5])).toBeCloseTo(0.2525 * 1.0, 2); // (0.505 × 0.505) of 1 × 1
    expect(gridCoverage(g, [102, 29, 103, 30])).toBe(0);
    expect(gridCoverage(g, [100.5, 29.5, 100.5, 29.5])).toBe(1); // a point
  });

  it('counts void cells as uncovered', () => {
    const half = { ...g, data: g.data.map((v, i) => (i % g.width < g.width / 2 ? NaN : v)) };
    expect(gridCoverage(half, [100, 29, 101, 30])).toBeGreaterThan(0.45);
    expect(gridCoverage(half, [100, 29, 101, 30])).toBeLessThan(0.55);
  });
});

describe('gridFromFunction', () => {
  it('puts the outer samples on the bbox edges and turns non-finite values into voids', () => {
    const g = gridFromFunction((lng, lat) => (lng > 100.9 ? NaN : lng + lat), [100, 29, 101, 30], 0.1);
    expect([g.width, g.height, g.west, g.north, g.dx, g.dy]).toEqual([11, 11, 100, 30, 0.1, 0.1]);
    expect(g.data[0]).toBeCloseTo(130, 4);
    expect(g.data[10]).toBeNaN();
    expect(() => gridFromFunction(() => 0, [1, 1, 0, 0], 0.1)).toThrow(RangeError);
  });

  it('makes a DEM of the demo county that matches its elevation() and covers its bbox', () => {
    const county = generateDemoCounty();
    const g = gridFromFunction(county.elevation, county.bbox, 0.002);
    expect(gridCoverage(g, county.bbox)).toBe(1);
    const [w, s, e, n] = county.bbox;
    for (const [fx, fy] of [[0.3, 0.4], [0.5, 0.5], [0.71, 0.23]]) {
      const lng = w + fx * (e - w);
      const lat = s + fy * (n - s);
      // 200 m cells over smooth terrain: within a few metres of the true surface.
      expect(Math.abs(sampleElevation(g, lng, lat) - county.elevation(lng, lat))).toBeLessThan(15);
    }
  });
});
