/**
 * Walking on slopes: Tobler's hiking function.
 *
 *   W(s) = 6 · e^(−3.5 · |s + 0.05|)   km/h,   s = dh/dx (rise over run, positive uphill)
 *
 * W. Tobler (1993), "Three presentations on geographical analysis and modeling: Non-isotropic
 * geographic modeling", NCGIA Technical Report 93-1. The fastest pace (6 km/h) is on a gentle
 * downhill of 5 %; flat ground gives W(0) = 6·e^(−0.175) ≈ 5.04 km/h.
 *
 * The product's walking speed is a rule (`X.speed.walk.*`, flat ground), so this file only gives
 * the time multiplier relative to flat ground, W(0)/W(s) = e^(3.5·(|s + 0.05| − 0.05)):
 * 1 on the flat, ≈ 0.84 at −5 %, ≈ 1.42 at +10 %, ≈ 2.0 at +20 %.
 */
import type { RoadGraph } from './graph-types.js';
import { insideGrid, sampleElevation, type ElevationGrid } from './elevation.js';
import { metresBetween } from './metric.js';

/**
 * Slopes are clamped to ±100 % (45°) before use: steeper than that is climbing, not walking, and
 * single steep steps are mostly DEM noise (void edges, radar shadow); unclamped, one such step
 * would multiply an edge's time by hundreds.
 */
export const MAX_SLOPE = 1;

/** Time multiplier for walking on a slope (dh/dx, positive uphill) versus flat ground: W(0)/W(slope). */
export function toblerFactor(slope: number): number {
  if (!Number.isFinite(slope)) return 1;
  const s = Math.max(-MAX_SLOPE, Math.min(MAX_SLOPE, slope));
  return Math.exp(3.5 * (Math.abs(s + 0.05) - 0.05));
}

interface LegFactors {
  forward: number;
  backward: number;
  /** Sub-steps with a void sample inside the grid / with a sample outside the grid. */
  voidSteps: number;
  outsideSteps: number;
}

/** Reusable profile buffers, one per call (no module state). */
interface ProfileBuffer {
  h: Float64Array;
  inside: Uint8Array;
}

const newBuffer = (): ProfileBuffer => ({ h: new Float64Array(64), inside: new Uint8Array(64) });

/**
 * Walks a straight leg in steps of at most `stepM`, samples the elevation at each step's ends and
 * returns the mean time multiplier over the steps in both directions (steps are equally long, so
 * the mean is the time-weighted factor: a hill in the middle counts even when both ends are
 * level). A step with a void or outside sample gets factor 1.
 */
function legFactors(buf: ProfileBuffer, grid: ElevationGrid, lng1: number, lat1: number, lng2: number, lat2: number, lengthM: number, stepM: number): LegFactors {
  if (!Number.isFinite(lengthM) || lengthM <= 0) return { forward: 1, backward: 1, voidSteps: 0, outsideSteps: 0 };
  const steps = Math.max(1, Math.ceil(lengthM / stepM - 1e-9));
  if (buf.h.length < steps + 1) {
    buf.h = new Float64Array(2 * (steps + 1));
    buf.inside = new Uint8Array(2 * (steps + 1));
  }
  const { h, inside } = buf;
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const lng = lng1 + (lng2 - lng1) * t;
    const lat = lat1 + (lat2 - lat1) * t;
    inside[i] = insideGrid(grid, lng, lat) ? 1 : 0;
    h[i] = inside[i] ? sampleElevation(grid, lng, lat) : NaN;
  }
  const stepLen = lengthM / steps;
  let fwd = 0;
  let bwd = 0;
  let voidSteps = 0;
  let outsideSteps = 0;
  for (let i = 0; i < steps; i++) {
    const a = h[i];
    const b = h[i + 1];
    if (!inside[i] || !inside[i + 1]) {
      outsideSteps++;
      fwd += 1;
      bwd += 1;
    } else if (Number.isNaN(a) || Number.isNaN(b)) {
      voidSteps++;
      fwd += 1;
      bwd += 1;
    } else if (stepLen > 0) {
      const slope = (b - a) / stepLen;
      fwd += toblerFactor(slope);
      bwd += toblerFactor(-slope);
    } else {
      fwd += 1;
      bwd += 1;
    }
  }
  return { forward: fwd / steps, backward: bwd / steps, voidSteps, outsideSteps };
}

/**
 * Walking-time multipliers of every road edge from the DEM (apply to walking times only; motor
 * vehicles are not slowed this way). Each edge is a straight segment between its two nodes; it is
 * profiled in steps of `sampleM` (default 30 m, a third of an SRTM3 cell).
 * `forward` is edgeFrom → edgeTo, `backward` edgeTo → edgeFrom. `voidEdges` / `uncoveredEdges`
 * count edges with at least one step on void cells / outside the grid (those steps count as flat).
 */
export function edgeWalkFactors(
  graph: RoadGraph,
  grid: ElevationGrid,
  opts?: { sampleM?: number },
): { forward: Float32Array; backward: Float32Array; voidEdges: number; uncoveredEdges: number } {
  const stepM = opts?.sampleM && opts.sampleM > 0 ? opts.sampleM : 30;
  const forward = new Float32Array(graph.edgeCount);
  const backward = new Float32Array(graph.edgeCount);
  let voidEdges = 0;
  let uncoveredEdges = 0;
  const buf = newBuffer();
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = graph.edgeFrom[e];
    const b = graph.edgeTo[e];
    const lng1 = graph.lng[a];
    const lat1 = graph.lat[a];
    const lng2 = graph.lng[b];
    const lat2 = graph.lat[b];
    // Slopes use the segment's own straight length (edgeLengthM is the same segment's length).
    const len = metresBetween(lng1, lat1, lng2, lat2);
    const f = legFactors(buf, grid, lng1, lat1, lng2, lat2, len, stepM);
    forward[e] = f.forward;
    backward[e] = f.backward;
    if (f.voidSteps > 0) voidEdges++;
    if (f.outsideSteps > 0) uncoveredEdges++;
  }
  return { forward, backward, voidEdges, uncoveredEdges };
}

/**
 * Walking-time multiplier of the off-road leg from each place (`points`, lng/lat interleaved) to
 * its snap point on the road (`targets`, same layout), walked place → road, profiled in 30 m steps.
 * Void or uncovered steps count as flat (factor 1); a leg of zero length gets 1.
 */
export function offRoadFactors(points: Float64Array, targets: Float64Array, grid: ElevationGrid): Float32Array {
  const n = Math.floor(points.length / 2);
  const out = new Float32Array(n);
  const buf = newBuffer();
  for (let i = 0; i < n; i++) {
    const lng1 = points[2 * i];
    const lat1 = points[2 * i + 1];
    const lng2 = targets[2 * i];
    const lat2 = targets[2 * i + 1];
    const len = metresBetween(lng1, lat1, lng2, lat2);
    out[i] = Number.isFinite(len) && len > 0 ? legFactors(buf, grid, lng1, lat1, lng2, lat2, len, 30).forward : 1;
  }
  return out;
}
