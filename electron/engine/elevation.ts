/**
 * Elevation grids (DEMs) as plain data, and bilinear sampling over them.
 *
 * The grid is point-registered: sample (row r, column c) lies exactly at
 * lng = west + c·dx, lat = north − r·dy. SRTM tiles are stored this way (their first row lies on
 * the tile's north edge); area-registered rasters (most GeoTIFFs) are converted by the reader,
 * which moves `west`/`north` to the centre of the first pixel.
 */
import type { GridGeometry } from '../domain/types.js';

/** `west`/`north` are the first samples (the centre of the first pixel), degrees. */
export interface ElevationGrid extends GridGeometry {
  /** row-major from the north-west corner, metres; NaN = void */
  data: Float32Array;
}

/**
 * Elevation at a point, bilinear between the four surrounding samples.
 *
 * Void samples (NaN) and samples beyond the grid's edge are left out and the bilinear weights of
 * the others renormalised, so a void is filled from its valid neighbours and the grid reaches half
 * a cell beyond its outer samples (the area those pixels stand for). Where the remaining weights
 * vanish (the point lies on the void side of its cell) the plain average of the valid neighbours
 * is used. NaN only when all four are void or outside the grid.
 */
export function sampleElevation(grid: ElevationGrid, lng: number, lat: number): number {
  const fx = (lng - grid.west) / grid.dx;
  const fy = (grid.north - lat) / grid.dy;
  if (!(fx > -1 && fy > -1 && fx < grid.width && fy < grid.height)) return NaN;
  const c0 = Math.floor(fx);
  const r0 = Math.floor(fy);
  const tx = fx - c0;
  const ty = fy - r0;
  const { width, height, data } = grid;
  let sum = 0;
  let wsum = 0;
  let plain = 0;
  let count = 0;
  for (let k = 0; k < 4; k++) {
    const c = c0 + (k & 1);
    const r = r0 + (k >> 1);
    if (c < 0 || r < 0 || c >= width || r >= height) continue;
    const v = data[r * width + c];
    if (Number.isNaN(v)) continue;
    const w = (k & 1 ? tx : 1 - tx) * (k >> 1 ? ty : 1 - ty);
    sum += w * v;
    wsum += w;
    plain += v;
    count++;
  }
  if (count === 0) return NaN;
  return wsum > 1e-9 ? sum / wsum : plain / count;
}

/** True when the point lies within the grid's extent (its samples plus half a cell around them). */
export function insideGrid(grid: ElevationGrid, lng: number, lat: number): boolean {
  const fx = (lng - grid.west) / grid.dx;
  const fy = (grid.north - lat) / grid.dy;
  return fx >= -0.5 && fy >= -0.5 && fx <= grid.width - 0.5 && fy <= grid.height - 0.5;
}

/** The area the grid stands for: [west, south, east, north] of its pixels (half a cell beyond the outer samples). */
export function gridExtent(grid: ElevationGrid): [number, number, number, number] {
  return [
    grid.west - grid.dx / 2,
    grid.north - (grid.height - 0.5) * grid.dy,
    grid.west + (grid.width - 0.5) * grid.dx,
    grid.north + grid.dy / 2,
  ];
}

/**
 * Samples a function over a bounding box [west, south, east, north] into a grid whose outer
 * samples lie on the box's edges (so the box is fully covered). Non-finite values become voids.
 * Used to make a DEM for the demo county from its `elevation()`.
 */
export function gridFromFunction(fn: (lng: number, lat: number) => number, bbox: [number, number, number, number], cellDeg: number): ElevationGrid {
  if (!(cellDeg > 0) || !bbox.every(Number.isFinite) || bbox[2] < bbox[0] || bbox[3] < bbox[1]) {
    throw new RangeError('gridFromFunction: bad bbox or cell size');
  }
  const width = Math.max(2, Math.ceil((bbox[2] - bbox[0]) / cellDeg - 1e-9) + 1);
  const height = Math.max(2, Math.ceil((bbox[3] - bbox[1]) / cellDeg - 1e-9) + 1);
  const data = new Float32Array(width * height);
  for (let r = 0; r < height; r++) {
    const lat = bbox[3] - r * cellDeg;
    for (let c = 0; c < width; c++) {
      const v = fn(bbox[0] + c * cellDeg, lat);
      data[r * width + c] = Number.isFinite(v) ? v : NaN;
    }
  }
  return { width, height, west: bbox[0], north: bbox[3], dx: cellDeg, dy: cellDeg, data };
}

/**
 * Fraction (0..1) of the bounding box [west, south, east, north] that the grid covers with valid
 * (non-void) data: the share of the box inside the grid's extent times the share of valid samples
 * among the samples in that overlap. Below ~0.95 the UI should warn "DEM does not cover the area".
 */
export function gridCoverage(grid: ElevationGrid, bbox: [number, number, number, number]): number {
  const [gw, gs, ge, gn] = gridExtent(grid);
  const [w, s, e, n] = bbox;
  if (!(e >= w && n >= s)) return 0;
  const ow = Math.max(w, gw);
  const oe = Math.min(e, ge);
  const os = Math.max(s, gs);
  const on = Math.min(n, gn);
  if (oe < ow || on < os) return 0;
  const boxArea = (e - w) * (n - s);
  // A degenerate box (a point or a line): covered when its centre has data.
  if (boxArea <= 0) return Number.isFinite(sampleElevation(grid, (ow + oe) / 2, (os + on) / 2)) ? 1 : 0;
  const overlap = ((oe - ow) * (on - os)) / boxArea;
  if (overlap === 0) return 0;
  const c0 = Math.max(0, Math.ceil((ow - grid.west) / grid.dx - 0.5));
  const c1 = Math.min(grid.width - 1, Math.floor((oe - grid.west) / grid.dx + 0.5));
  const r0 = Math.max(0, Math.ceil((grid.north - on) / grid.dy - 0.5));
  const r1 = Math.min(grid.height - 1, Math.floor((grid.north - os) / grid.dy + 0.5));
  let valid = 0;
  let total = 0;
  for (let r = r0; r <= r1; r++) {
    const row = r * grid.width;
    for (let c = c0; c <= c1; c++) {
      total++;
      if (!Number.isNaN(grid.data[row + c])) valid++;
    }
  }
  if (total === 0) return Number.isFinite(sampleElevation(grid, (ow + oe) / 2, (os + on) / 2)) ? overlap : 0;
  return overlap * (valid / total);
}
