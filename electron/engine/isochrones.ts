/**
 * Travel-time bands ("isochrones") as MultiPolygons with holes, for the coverage map.
 *
 * Method, in a local metric frame (equirectangular at the bbox's mid-latitude; at county scale
 * the distortion across the box stays under ~1 %):
 *
 * 1. Road points. Every node with a finite time is a road point; each edge is sampled at no more
 *    than half a cell apart. The time at fraction f along an edge A→B:
 *    - with `edgeMinutes` (the edge's traversal time E): min(tA + f·E, tB + (1−f)·E), E at least
 *      |tA − tB| — exact, including edges entered from both ends;
 *    - without it: linear between tA and tB. That is exact for edges on the shortest-path tree
 *      (the common case: |tA − tB| = E, you drive through the edge), and for an edge reached from
 *      both ends it underestimates its middle by at most half the edge's traversal time (graph
 *      edges are short straight segments, so this is seconds).
 *    An edge with one unreachable end contributes only its reachable end (or, with edgeMinutes,
 *    points along it driven from that end).
 * 2. Walking. A grid Dijkstra over cells spreads, from each road point, the time
 *    `road time + straight-line walk to the cell centre` (walk = distance × detour / walking speed,
 *    × Tobler's slope factor for the straight leg cell → road when a DEM is given, from the two
 *    ends' elevations). Cells carry their best road point along (vector propagation), so times
 *    are Euclidean distances from a real road point, not 8-neighbour grid paths; a cell may be at
 *    most `maxWalkM` from its road point.
 * 3. Contours. Each band [a, b) is traced by marching squares over the time raster (see
 *    BandTracer: linear interpolation, saddles decided by the cell centre) into rings, and holes
 *    (inner bands, unreachable islands) are put into the outer ring around them. Neighbouring
 *    bands share their boundaries exactly, so the bands tile the reachable area without slivers.
 */
import { pointInRing } from '../domain/geometry.js';
import { EngineCancelled, type RoadGraph } from './graph-types.js';
import { sampleElevation, type ElevationGrid } from './elevation.js';
import { MinHeap } from './min-heap.js';
import { METRES_PER_DEGREE, metresPerDegreeLng } from './metric.js';
import { toblerFactor } from './tobler.js';

export interface IsochroneBand {
  from: number;
  to: number;
  /** MultiPolygon coordinates (lng,lat), rings closed, outer rings counter-clockwise, holes clockwise */
  coordinates: [number, number][][][];
}

export interface IsochroneArgs {
  graph: RoadGraph;
  /** minutes from each road node to the nearest facility of a group (Infinity = unreachable) */
  nodeMinutes: Float64Array;
  /** Upper limits in minutes, e.g. [15, 30, 60] → bands [0,15), [15,30), [30,60). */
  bands: number[];
  /** Off-road walking speed on flat ground, km/h. */
  walkKmh: number;
  /** Detour factor for off-road walking (X.detour_factor). */
  detour: number;
  /** [west, south, east, north] of the area to cover. */
  bbox: [number, number, number, number];
  /** Grid cell size in metres (default: so the grid has ≤ ~250k cells, at least 50 m). */
  cellM?: number;
  /** How far off-road a cell may be from the road network (default 2000 m). */
  maxWalkM?: number;
  /** When given, off-road walking uses Tobler's factor on the straight leg. */
  grid?: ElevationGrid | null;
  /** Optional traversal minutes of each edge (for the mode); makes times inside edges exact. */
  edgeMinutes?: Float64Array | null;
  signal?: AbortSignal;
}

const TARGET_CELLS = 250_000;
/** Hard cap on the grid, whatever cellM the caller asks for (memory: ~30 bytes a cell). */
const MAX_CELLS = 4_000_000;
const MIN_CELL_M = 50;
const DEFAULT_MAX_WALK_M = 2000;
/** Stand-in for "unreachable" in the time raster; a cell edge towards it is crossed at its midpoint. */
const UNREACHABLE = 1e7;
/** Output coordinates are rounded to 1e-6° (~0.1 m). */
const ROUND = 1e6;

/**
 * Travel-time bands around the facilities of one group: band k covers [bands[k−1], bands[k])
 * minutes (the first from 0), as disjoint MultiPolygons in increasing order; every band is
 * returned, possibly with no polygons. Returns [] when nothing is reachable within the last
 * limit (empty graph, all nodes unreachable, no valid limits). Throws EngineCancelled when
 * `signal` fires.
 */
export function computeIsochrones(args: IsochroneArgs): IsochroneBand[] {
  const { graph, nodeMinutes, signal } = args;
  const limits = [...new Set(args.bands.filter((b) => Number.isFinite(b) && b > 0))].sort((a, b) => a - b);
  if (limits.length === 0 || graph.nodeCount === 0) return [];
  if (!(args.walkKmh > 0) || !(args.detour > 0)) throw new RangeError('computeIsochrones: walkKmh and detour must be positive');
  const frame = makeFrame(args.bbox, args.cellM);
  if (!frame) return [];
  const maxWalkM = args.maxWalkM !== undefined && args.maxWalkM >= 0 ? args.maxWalkM : DEFAULT_MAX_WALK_M;
  const samples = roadSamples(graph, nodeMinutes, args.edgeMinutes ?? null, frame, maxWalkM, limits[limits.length - 1]);
  if (samples.count === 0) return [];
  throwIfAborted(signal);
  const minutes = walkRaster(frame, samples, {
    minPerM: args.detour / ((args.walkKmh * 1000) / 60),
    maxWalkM,
    grid: args.grid ?? null,
    signal,
  });
  let reached = false;
  for (let i = 0; i < minutes.length && !reached; i++) if (minutes[i] < limits[limits.length - 1]) reached = true;
  if (!reached) return [];
  // The field is padded with a copy of its border cells, so bands run straight out to the bbox
  // edge (the rings are cut back to the bbox afterwards) instead of closing half a cell inside it.
  const pw = frame.width + 2;
  const ph = frame.height + 2;
  const padded = padIndex(frame.width, frame.height);
  const field = new Float64Array(pw * ph);
  for (let i = 0; i < field.length; i++) field[i] = minutes[padded[i]];
  const tracer = new BandTracer(field, pw, ph);
  const out: IsochroneBand[] = [];
  for (let k = 0; k < limits.length; k++) {
    throwIfAborted(signal);
    const from = k === 0 ? 0 : limits[k - 1];
    const to = limits[k];
    const rings = tracer.trace(from, to).map((ring) => toLngLatRing(ring, frame)).filter((r): r is [number, number][] => r !== null);
    out.push({ from, to, coordinates: assemblePolygons(rings) });
  }
  return out;
}

/** For each cell of the grid padded by one cell all round, the index of the nearest real cell. */
function padIndex(width: number, height: number): Int32Array {
  const pw = width + 2;
  const out = new Int32Array(pw * (height + 2));
  for (let j = 0; j < height + 2; j++) {
    const r = Math.min(height - 1, Math.max(0, j - 1));
    for (let i = 0; i < pw; i++) out[j * pw + i] = r * width + Math.min(width - 1, Math.max(0, i - 1));
  }
  return out;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EngineCancelled();
}

/**
 * The raster: cell (i, j) has its centre (i + ½)·cellX east and (j + ½)·cellY south of the bbox's
 * NW corner. cellX/cellY are the requested size shrunk a little so the cells tile the bbox exactly.
 */
interface Frame {
  west: number;
  north: number;
  /** Metres per degree of longitude / latitude. */
  kx: number;
  ky: number;
  cellX: number;
  cellY: number;
  width: number;
  height: number;
}

function makeFrame(bbox: [number, number, number, number], cellM: number | undefined): Frame | null {
  const [w, s, e, n] = bbox;
  if (![w, s, e, n].every(Number.isFinite) || e < w || n < s) return null;
  const kx = metresPerDegreeLng((s + n) / 2);
  const ky = METRES_PER_DEGREE;
  const widthM = (e - w) * kx;
  const heightM = (n - s) * ky;
  const area = widthM * heightM;
  let cell = cellM !== undefined && cellM > 0 ? cellM : Math.max(MIN_CELL_M, Math.sqrt(area / TARGET_CELLS));
  cell = Math.max(cell, Math.sqrt(area / MAX_CELLS));
  // A degenerate (point or line) box still gets one cell, of the requested size.
  const width = Math.max(1, Math.ceil(widthM / cell - 1e-9));
  const height = Math.max(1, Math.ceil(heightM / cell - 1e-9));
  if (width * height > MAX_CELLS * 1.01) return null;
  const cellX = widthM > 0 ? widthM / width : cell;
  const cellY = heightM > 0 ? heightM / height : cell;
  // A zero-width or zero-height box gets its one cell centred on it.
  const west = widthM > 0 ? w : w - cell / 2 / kx;
  const north = heightM > 0 ? n : n + cell / 2 / ky;
  return { west, north, kx, ky, cellX, cellY, width, height };
}

/** Road points in frame metres with their minutes, and the cell each one seeds. */
interface Samples {
  count: number;
  x: Float64Array;
  y: Float64Array;
  minutes: Float64Array;
}

function roadSamples(graph: RoadGraph, nodeMinutes: Float64Array, edgeMinutes: Float64Array | null, frame: Frame, maxWalkM: number, maxBand: number): Samples {
  let cap = 1024;
  let x: Float64Array = new Float64Array(cap);
  let y: Float64Array = new Float64Array(cap);
  let minutes: Float64Array = new Float64Array(cap);
  let count = 0;
  const widthM = frame.width * frame.cellX;
  const heightM = frame.height * frame.cellY;
  const margin = maxWalkM + Math.max(frame.cellX, frame.cellY);
  const push = (px: number, py: number, t: number): void => {
    // Road points that cannot matter: unreachable, beyond the last band, or too far outside the box.
    if (!(t < maxBand) || px < -margin || py < -margin || px > widthM + margin || py > heightM + margin) return;
    if (count === cap) {
      cap *= 2;
      const grow = (a: Float64Array): Float64Array => {
        const b = new Float64Array(cap);
        b.set(a);
        return b;
      };
      x = grow(x);
      y = grow(y);
      minutes = grow(minutes);
    }
    x[count] = px;
    y[count] = py;
    minutes[count] = t;
    count++;
  };
  const nx = (i: number): number => (graph.lng[i] - frame.west) * frame.kx;
  const ny = (i: number): number => (frame.north - graph.lat[i]) * frame.ky;
  for (let i = 0; i < graph.nodeCount; i++) {
    const t = nodeMinutes[i];
    if (t >= 0 && Number.isFinite(graph.lng[i]) && Number.isFinite(graph.lat[i])) push(nx(i), ny(i), t);
  }
  const spacing = Math.min(frame.cellX, frame.cellY) / 2;
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = graph.edgeFrom[e];
    const b = graph.edgeTo[e];
    const tA = nodeMinutes[a];
    const tB = nodeMinutes[b];
    const finA = Number.isFinite(tA);
    const finB = Number.isFinite(tB);
    if (!finA && !finB) continue;
    const given = edgeMinutes ? edgeMinutes[e] : NaN;
    const hasE = Number.isFinite(given) && given >= 0;
    if (!(finA && finB) && !hasE) continue; // only the reachable end counts (seeded as a node above)
    const ax = nx(a);
    const ay = ny(a);
    const bx = nx(b);
    const by = ny(b);
    const len = Math.hypot(bx - ax, by - ay);
    if (!Number.isFinite(len)) continue;
    // Skip edges entirely beyond the walking margin (cheap box test).
    if (Math.max(ax, bx) < -margin || Math.min(ax, bx) > widthM + margin || Math.max(ay, by) < -margin || Math.min(ay, by) > heightM + margin) continue;
    const steps = Math.ceil(len / spacing);
    if (steps < 2) continue;
    const E = hasE ? Math.max(given, finA && finB ? Math.abs(tA - tB) : 0) : 0;
    for (let k = 1; k < steps; k++) {
      const f = k / steps;
      const t = hasE ? Math.min(tA + f * E, tB + (1 - f) * E) : tA + f * (tB - tA);
      push(ax + f * (bx - ax), ay + f * (by - ay), t);
    }
  }
  return { count, x, y, minutes };
}

interface WalkOptions {
  /** Walking minutes per metre of straight line on flat ground (detour included). */
  minPerM: number;
  maxWalkM: number;
  grid: ElevationGrid | null;
  signal: AbortSignal | undefined;
}

/** Minutes at every cell centre (Infinity where no road point is within maxWalkM). */
function walkRaster(frame: Frame, samples: Samples, opts: WalkOptions): Float64Array {
  const { width, height, cellX, cellY } = frame;
  const n = width * height;
  const best = new Float64Array(n).fill(Infinity);
  const src = new Int32Array(n).fill(-1);
  const heap = new MinHeap(Math.min(n, 1 << 16));
  const { grid, maxWalkM, minPerM } = opts;

  // Elevation of road points and cells (only with a DEM; cells sampled on first use).
  let sampleH: Float64Array | null = null;
  let cellH: Float32Array | null = null;
  if (grid) {
    sampleH = new Float64Array(samples.count);
    for (let s = 0; s < samples.count; s++) sampleH[s] = sampleElevation(grid, frame.west + samples.x[s] / frame.kx, frame.north - samples.y[s] / frame.ky);
    cellH = new Float32Array(n).fill(Infinity); // Infinity = not sampled yet; NaN = void
  }
  const heightOf = (k: number): number => {
    let h = cellH![k];
    if (h === Infinity) {
      const i = k % width;
      const j = (k - i) / width;
      h = sampleElevation(grid!, frame.west + ((i + 0.5) * cellX) / frame.kx, frame.north - ((j + 0.5) * cellY) / frame.ky);
      cellH![k] = h;
    }
    return h;
  };
  /** Minutes at cell k when walking straight from road point s (Infinity beyond maxWalkM). */
  const timeVia = (s: number, k: number): number => {
    const i = k % width;
    const j = (k - i) / width;
    const d = Math.hypot((i + 0.5) * cellX - samples.x[s], (j + 0.5) * cellY - samples.y[s]);
    if (d > maxWalkM) return Infinity;
    let walk = d * minPerM;
    if (sampleH && d > 1) {
      // Walking cell → road: the slope is (road height − cell height) over the straight distance.
      const slope = (sampleH[s] - heightOf(k)) / d;
      if (Number.isFinite(slope)) walk *= toblerFactor(slope);
    }
    return samples.minutes[s] + walk;
  };

  // Each road point seeds its own cell and the eight around it: a cell keeps only its best road
  // point, which need not be the best one for its neighbours (a road point on its far side).
  for (let s = 0; s < samples.count; s++) {
    const i = Math.min(width - 1, Math.max(0, Math.floor(samples.x[s] / cellX)));
    const j = Math.min(height - 1, Math.max(0, Math.floor(samples.y[s] / cellY)));
    for (let jj = Math.max(0, j - 1); jj <= Math.min(height - 1, j + 1); jj++) {
      for (let ii = Math.max(0, i - 1); ii <= Math.min(width - 1, i + 1); ii++) {
        const k = jj * width + ii;
        const t = timeVia(s, k);
        if (t < best[k]) {
          best[k] = t;
          src[k] = s;
          heap.push(k, t);
        }
      }
    }
  }

  let pops = 0;
  while (heap.size > 0) {
    const key = heap.peekKey();
    const k = heap.pop();
    if (key > best[k]) continue; // a stale entry (lazy deletion)
    if ((++pops & 0x3fff) === 0) throwIfAborted(opts.signal);
    const s = src[k];
    const i = k % width;
    const j = (k - i) / width;
    for (let dj = -1; dj <= 1; dj++) {
      const jj = j + dj;
      if (jj < 0 || jj >= height) continue;
      for (let di = -1; di <= 1; di++) {
        const ii = i + di;
        if ((di === 0 && dj === 0) || ii < 0 || ii >= width) continue;
        const m = jj * width + ii;
        if (src[m] === s) continue;
        const t = timeVia(s, m);
        if (t < best[m]) {
          best[m] = t;
          src[m] = s;
          heap.push(m, t);
        }
      }
    }
  }
  for (let k = 0; k < n; k++) if (!Number.isFinite(best[k])) best[k] = UNREACHABLE;
  return best;
}

/**
 * Marching squares for one band [from, to) over the padded time field, with two properties
 * d3-contour cannot give for bands: neighbouring bands share every boundary exactly, and the
 * reach limit falls between cells rather than on the last reached cell's centre.
 * - A crossing lies where the interpolated time equals the band limit, computed from the grid
 *   edge's own first corner, so both bands on either side of it get the same point to the bit;
 *   an edge to an unreachable corner is crossed at its midpoint.
 * - A saddle square (inside corners on a diagonal) joins its inside corners when the square's
 *   centre value (the mean of its corners) lies in the band: exactly one band claims each centre.
 * Segments run from the out → in crossing to the in → out one (walking each square clockwise),
 * which keeps the band on their left: outer rings come out counter-clockwise, holes clockwise.
 */
class BandTracer {
  /** Value points including a virtual unreachable frame one point wide all round. */
  private readonly ew: number;
  private readonly next: Int32Array;
  constructor(
    private readonly t: Float64Array,
    private readonly pw: number,
    private readonly ph: number,
  ) {
    this.ew = pw + 2;
    this.next = new Int32Array(2 * this.ew * (ph + 2)).fill(-1);
  }

  private value(i: number, j: number): number {
    return i < 0 || j < 0 || i >= this.pw || j >= this.ph ? UNREACHABLE : this.t[j * this.pw + i];
  }

  /** Rings of the band in padded grid coordinates (value (i, j) at (i + ½, j + ½)), open. */
  trace(from: number, to: number): [number, number][][] {
    const inside = (v: number): boolean => v >= from && v < to;
    const { pw, ph, ew, next } = this;
    const starts: number[] = [];
    const ci = [0, 1, 1, 0];
    const cj = [0, 0, 1, 1];
    const v = [0, 0, 0, 0];
    const s = [false, false, false, false];
    const key = [0, 0, 0, 0];
    for (let j = -1; j < ph; j++) {
      for (let i = -1; i < pw; i++) {
        let n = 0;
        for (let c = 0; c < 4; c++) {
          v[c] = this.value(i + ci[c], j + cj[c]);
          s[c] = inside(v[c]);
          if (s[c]) n++;
        }
        if (n === 0 || n === 4) continue;
        // Square edges clockwise from the top: top, right, bottom, left (keys of the grid edges).
        const base = (j + 1) * ew + (i + 1);
        key[0] = 2 * base;
        key[1] = 2 * (base + 1) + 1;
        key[2] = 2 * (base + ew);
        key[3] = 2 * base + 1;
        const saddle = n === 2 && s[0] === s[2];
        const join = saddle && inside((v[0] + v[1] + v[2] + v[3]) / 4);
        for (let e = 0; e < 4; e++) {
          if (!(s[e] && !s[(e + 1) & 3])) continue; // not an in → out crossing
          // Pair with the out → in crossing just before it (cutting the inside corner off), or,
          // for a joined saddle, just after it.
          let f = -1;
          if (saddle) f = join ? (e + 1) & 3 : (e + 3) & 3;
          else for (let d = 1; d < 4 && f < 0; d++) if (!s[(e + d) & 3] && s[(e + d + 1) & 3]) f = (e + d) & 3;
          next[key[f]] = key[e];
          starts.push(key[f]);
        }
      }
    }
    const rings: [number, number][][] = [];
    for (const start of starts) {
      if (next[start] < 0) continue;
      const ring: [number, number][] = [];
      let k = start;
      while (k >= 0 && next[k] >= 0) {
        ring.push(this.crossing(k, from, to));
        const n = next[k];
        next[k] = -1;
        k = n;
      }
      rings.push(ring);
    }
    return rings;
  }

  /** The point where a grid edge crosses the band's boundary. */
  private crossing(k: number, from: number, to: number): [number, number] {
    const vertical = k & 1;
    const idx = k >> 1;
    const i = (idx % this.ew) - 1;
    const j = Math.floor(idx / this.ew) - 1;
    const a = this.value(i, j);
    const b = vertical ? this.value(i, j + 1) : this.value(i + 1, j);
    const other = a >= from && a < to ? b : a;
    let pos: number;
    if (a >= UNREACHABLE || b >= UNREACHABLE) pos = 0.5;
    else {
      const limit = other < from ? from : to;
      pos = (limit - a) / (b - a);
    }
    return vertical ? [i + 0.5, j + 0.5 + pos] : [i + 0.5 + pos, j + 0.5];
  }
}

/**
 * A padded-grid ring → a closed lng/lat ring, or null when nothing is left of it. Clamping to the
 * real grid cuts the ring back to the bbox (inside the padding the rings run straight out,
 * perpendicular to the edge); the vertices this stacks up along the bbox edge are dropped.
 */
function toLngLatRing(ring: [number, number][], frame: Frame): [number, number][] | null {
  const { width: W, height: H } = frame;
  const sx = frame.cellX / frame.kx;
  const sy = frame.cellY / frame.ky;
  const grid = dropEdgeVertices(
    ring.map(([x, y]): [number, number] => [Math.min(W, Math.max(0, x - 1)), Math.min(H, Math.max(0, y - 1))]),
    W,
    H,
  );
  const out: [number, number][] = [];
  for (const [X, Y] of grid) {
    const p: [number, number] = [Math.round((frame.west + X * sx) * ROUND) / ROUND, Math.round((frame.north - Y * sy) * ROUND) / ROUND];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  if (out.length < 3) return null;
  out.push([out[0][0], out[0][1]]);
  return signedArea(out) === 0 ? null : out;
}

/**
 * Rings → MultiPolygon: counter-clockwise rings are outer rings; each clockwise ring (a hole) goes
 * to the smallest outer ring containing it (the rings of one band never cross).
 */
function assemblePolygons(rings: [number, number][][]): [number, number][][][] {
  const outers: { ring: [number, number][]; area: number; box: [number, number, number, number]; holes: [number, number][][] }[] = [];
  const holes: [number, number][][] = [];
  for (const ring of rings) {
    const area = signedArea(ring);
    if (area > 0) outers.push({ ring, area, box: ringBox(ring), holes: [] });
    else holes.push(ring);
  }
  outers.sort((a, b) => a.area - b.area);
  for (const hole of holes) {
    const p = hole[0];
    const home = outers.find((o) => p[0] >= o.box[0] && p[0] <= o.box[2] && p[1] >= o.box[1] && p[1] <= o.box[3] && pointInRing(p, o.ring));
    home?.holes.push(hole);
  }
  // Largest first: the main body of a band before its islands.
  return outers.reverse().map((o) => [o.ring, ...o.holes]);
}

function ringBox(ring: [number, number][]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of ring) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/**
 * Removes repeated vertices and vertices lying between two neighbours on the same bbox edge
 * (x = 0, x = W, y = 0 or y = H), treating the (open) ring as cyclic.
 */
function dropEdgeVertices(ring: [number, number][], W: number, H: number): [number, number][] {
  const sameEdge = (a: [number, number], b: [number, number], c: [number, number]): boolean =>
    (a[0] === b[0] && b[0] === c[0] && (b[0] === 0 || b[0] === W)) || (a[1] === b[1] && b[1] === c[1] && (b[1] === 0 || b[1] === H));
  const same = (a: [number, number], b: [number, number]): boolean => a[0] === b[0] && a[1] === b[1];
  const st: [number, number][] = [];
  for (const p of ring) {
    if (st.length > 0 && same(st[st.length - 1], p)) continue;
    while (st.length >= 2 && sameEdge(st[st.length - 2], st[st.length - 1], p)) st.pop();
    st.push(p);
  }
  // Wrap-around: the seam between the last and the first vertex.
  let changed = true;
  while (changed && st.length >= 3) {
    changed = false;
    if (same(st[st.length - 1], st[0])) {
      st.pop();
      changed = true;
    } else if (sameEdge(st[st.length - 2], st[st.length - 1], st[0])) {
      st.pop();
      changed = true;
    } else if (sameEdge(st[st.length - 1], st[0], st[1])) {
      st.shift();
      changed = true;
    }
  }
  return st;
}

/** Shoelace area of a closed ring, positive when counter-clockwise (x east, y north). */
export function signedArea(ring: readonly (readonly [number, number])[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}
