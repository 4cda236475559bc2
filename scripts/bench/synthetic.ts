/**
 * Synthetic, road-like networks for the benchmark: deterministic for a seed, no I/O.
 *
 * A jittered grid (block sides 90-340 m, vertices moved up to ±15 m) whose rows and columns are
 * cut into roads of 2-14 blocks with mixed classes (arterial rows/columns national/provincial,
 * every fifth county, the rest township/village/track), some blocks removed (dead ends, gaps),
 * some diagonal links, a shape point on about half of the long blocks (degree-2 nodes, as in real
 * road data), a few one-way roads in either direction, a few speed overrides and bridges.
 * Segment lengths stay within ~50-500 m.
 */
import { mulberry32, type Rng } from '../../electron/io/demo/random.js';
import { METRES_PER_DEGREE, metresPerDegreeLng } from '../../electron/engine/metric.js';
import type { RoadInput } from '../../electron/engine/graph-types.js';

const LNG0 = 112.0;
const LAT0 = 28.0;
const P_REMOVE = 0.06;
const P_DIAGONAL = 0.05;
const P_SHAPE_POINT = 0.5;
const P_ONEWAY = 0.03;
const P_OVERRIDE = 0.01;
const P_BRIDGE = 0.005;

export interface SyntheticNetwork {
  roads: RoadInput[];
  /** Grid size used. */
  width: number;
  height: number;
}

/** Grid nodes in a local metre frame. */
interface Grid {
  width: number;
  height: number;
  x: Float64Array;
  y: Float64Array;
}

function makeGrid(rng: Rng, width: number, height: number): Grid {
  const colX = new Float64Array(width);
  const rowY = new Float64Array(height);
  for (let i = 1; i < width; i++) colX[i] = colX[i - 1] + rng.range(90, 340);
  for (let j = 1; j < height; j++) rowY[j] = rowY[j - 1] + rng.range(90, 340);
  const x = new Float64Array(width * height);
  const y = new Float64Array(width * height);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const k = j * width + i;
      x[k] = colX[i] + rng.range(-15, 15);
      y[k] = rowY[j] + rng.range(-15, 15);
    }
  }
  return { width, height, x, y };
}

const kx = metresPerDegreeLng(LAT0);
const toLngLat = (x: number, y: number): [number, number] => [LNG0 + x / kx, LAT0 + y / METRES_PER_DEGREE];

function lineClass(rng: Rng, index: number): string {
  if (index % 40 === 0) return 'national';
  if (index % 20 === 0) return 'provincial';
  if (index % 5 === 0) return 'county';
  return rng.pick(['township', 'village', 'village', 'village', 'track']);
}

/**
 * Emits the roads along one grid line (a row or a column), given its node indices in order.
 * Removed blocks break the line; the rest is cut into roads of 2-14 blocks.
 */
function emitLine(rng: Rng, grid: Grid, nodes: number[], cls: string, roads: RoadInput[]): void {
  let current: [number, number][] = [];
  let remaining = 0;
  const flush = (): void => {
    if (current.length >= 2) roads.push(makeRoad(rng, roads.length + 1, current, cls));
    current = [];
  };
  for (let s = 0; s + 1 < nodes.length; s++) {
    const a = nodes[s];
    const b = nodes[s + 1];
    if (rng.chance(P_REMOVE)) {
      flush();
      continue;
    }
    if (remaining <= 0) {
      flush();
      remaining = rng.int(2, 14);
    }
    if (current.length === 0) current.push(toLngLat(grid.x[a], grid.y[a]));
    const dx = grid.x[b] - grid.x[a];
    const dy = grid.y[b] - grid.y[a];
    const len = Math.hypot(dx, dy);
    if (len > 200 && rng.chance(P_SHAPE_POINT)) {
      // A bend: a shape point near the middle, pushed sideways a little.
      const t = rng.range(0.4, 0.6);
      const off = rng.range(-12, 12);
      current.push(toLngLat(grid.x[a] + dx * t - (dy / len) * off, grid.y[a] + dy * t + (dx / len) * off));
    }
    current.push(toLngLat(grid.x[b], grid.y[b]));
    remaining--;
  }
  flush();
}

function makeRoad(rng: Rng, id: number, coords: [number, number][], cls: string): RoadInput {
  const oneway = rng.chance(P_ONEWAY);
  // One-way roads run either way along the grid line.
  const coordinates = oneway && rng.chance(0.5) ? coords.slice().reverse() : coords;
  return {
    id,
    coordinates,
    roadClass: cls,
    speedKmh: rng.chance(P_OVERRIDE) ? rng.pick([20, 30, 40, 50]) : null,
    oneway,
    bridge: rng.chance(P_BRIDGE),
  };
}

function generate(seed: number, width: number, height: number): SyntheticNetwork {
  const rng = mulberry32(seed);
  const grid = makeGrid(rng.fork(), width, height);
  const lines = rng.fork();
  const roads: RoadInput[] = [];
  for (let j = 0; j < height; j++) {
    const nodes = Array.from({ length: width }, (_, i) => j * width + i);
    emitLine(lines, grid, nodes, lineClass(lines, j), roads);
  }
  for (let i = 0; i < width; i++) {
    const nodes = Array.from({ length: height }, (_, j) => j * width + i);
    emitLine(lines, grid, nodes, lineClass(lines, i + 3), roads);
  }
  const diag = rng.fork();
  for (let j = 0; j + 1 < height; j++) {
    for (let i = 0; i + 1 < width; i++) {
      if (!diag.chance(P_DIAGONAL)) continue;
      // Either diagonal of the block, as a short village road or track.
      const [a, b] = diag.chance(0.5) ? [j * width + i, (j + 1) * width + i + 1] : [j * width + i + 1, (j + 1) * width + i];
      roads.push(makeRoad(diag, roads.length + 1, [toLngLat(grid.x[a], grid.y[a]), toLngLat(grid.x[b], grid.y[b])], diag.chance(0.7) ? 'village' : 'track'));
    }
  }
  return { roads, width, height };
}

/** Segments (future graph edges) of a set of roads. */
export const segmentCount = (roads: readonly RoadInput[]): number => roads.reduce((s, r) => s + r.coordinates.length - 1, 0);

/**
 * A network of about `targetEdges` edges: the edges per grid cell are measured on a small
 * calibration grid of the same seed, then the grid is sized to hit the target (within a few tenths of a per cent).
 */
export function syntheticNetwork(targetEdges: number, seed = 20240601): SyntheticNetwork {
  // Edges per grid block side (a W×W grid has 2·W·(W-1) block sides), then 2s² - 2s = target / ratio.
  const cal = generate(seed, 60, 60);
  const ratio = segmentCount(cal.roads) / (2 * 60 * 59);
  const side = Math.max(4, Math.round((1 + Math.sqrt(1 + (2 * targetEdges) / ratio)) / 2));
  return generate(seed, side, side);
}
