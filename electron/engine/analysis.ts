/**
 * The coverage analysis pipeline, the one implementation every door runs: the renderer's
 * analysis Web Worker (interactive runs and live what-if) and the service (CLI `analyze`).
 * It adds to analyzeCoverage what needs the whole project: walking slopes from the DEM
 * (Tobler) and isochrone polygons per facility group.
 */
import { TRAVEL_MODES, type RuleValues, type TravelMode } from '../domain/rules.js';
import type { PlanningDocument } from '../domain/planning.js';
import { proposedVillageClinic, type Facility, type LngLat, type Posting, type Road, type Village, type VillageArea } from '../domain/types.js';
import { analyzeCoverage, createCoverageSession, type CoverageInput, type CoverageResult, type CoverageSession } from './coverage.js';
import { gridCoverage, type ElevationGrid } from './elevation.js';
import { FACILITY_GROUPS, facilityGroup } from './facility-groups.js';
import { buildRoadGraph } from './graph.js';
import type { FacilityGroup, ProgressSink, RoadGraph, RoadInput } from './graph-types.js';
import { computeIsochrones, type IsochroneBand } from './isochrones.js';
import { RuleReader } from './rule-values.js';
import { buildEdgeIndex, snapPoints, type EdgeIndex } from './snap.js';
import { runPlanning, type TravelOracle } from './planning/index.js';
import { classSpeedKmh, edgeMinutes, speedTableFromRules } from './speeds.js';
import { kmhToMetresPerMinute, placeSet, travelTimeMatrix, type TravelSetting } from './travel-time.js';
import { edgeWalkFactors, offRoadFactors } from './tobler.js';

/** Isochrone grid cell for live what-if updates, metres. */
const WHAT_IF_CELL_M = 200;

/** The coverage input with the project's DEM in place of precomputed slope factors. */
export interface AnalysisInput extends Omit<CoverageInput, 'slope'> {
  /** The project's DEM, when it has one: walking edges and off-road legs then follow the slope. */
  dem: ElevationGrid | null;
  /** With the roster and village polygons, the run also makes the planning proposals (the document's `planning`). */
  planning?: { postings: Posting[]; villageAreas: VillageArea[]; year?: number };
}

/** What the DEM contributed (or why it did not). */
export interface SlopeSummary {
  dem: boolean;
  /** Fraction of the project area the DEM covers (0..1); below 1 some legs count as flat. */
  coverage: number;
  voidEdges: number;
  uncoveredEdges: number;
}

/** A coverage result without per-node arrays, plus isochrones: what is stored and shown. */
export type CoverageDocument = Omit<CoverageResult, 'nodeMinutes'> & {
  isochrones: Partial<Record<FacilityGroup, IsochroneBand[]>>;
  slope?: SlopeSummary;
  /** Planning proposals from these minutes, when the input carried the roster (AnalysisInput.planning). */
  planning?: PlanningDocument;
};

export interface AnalysisOutput {
  document: CoverageDocument;
}

/** Project roads (domain records) as the engine's road input. */
export function roadInputsFromLayer(roads: Road[]): RoadInput[] {
  return roads.map((r) => ({
    id: r.id,
    coordinates: r.coordinates.map(([lng, lat]) => [lng, lat] as [number, number]),
    roadClass: r.roadClass,
    speedKmh: r.speedKmh,
    oneway: r.oneway,
    bridge: r.bridge,
  }));
}

/** Prepared, mode-independent pieces: the graph (same build as analyzeCoverage's) and slope factors. */
interface Prepared {
  graph: RoadGraph;
  index: EdgeIndex;
  coverageInput: CoverageInput;
  slope: SlopeSummary;
  bbox: [number, number, number, number];
  bands: number[];
  walkKmh: number;
  detour: number;
  maxSnapM: number;
  /** Per-edge traversal minutes (the faster direction) for exact times inside edges in isochrones. */
  edgeTraversal: Float64Array;
  /** Place-to-place trips of the analysed mode (the planning engine's travel oracle). */
  setting: TravelSetting;
}

function prepare(input: AnalysisInput, progress?: ProgressSink): Prepared {
  if (!(TRAVEL_MODES as readonly string[]).includes(input.mode)) throw new Error(`unknown travel mode ${String(input.mode)}`);
  progress?.(0, 'graph');
  const { graph } = buildRoadGraph(input.roads);
  const index = buildEdgeIndex(graph);
  const rules = new RuleReader(input.rules);
  const speeds = speedTableFromRules(input.rules);
  const maxSnapM = rules.number('X.max_snap_metres');
  const bbox = projectBbox(input);
  const slope: SlopeSummary = { dem: false, coverage: 0, voidEdges: 0, uncoveredEdges: 0 };
  const coverageInput: CoverageInput = {
    villages: input.villages,
    facilities: input.facilities,
    roads: input.roads,
    townships: input.townships,
    rules: input.rules,
    mode: input.mode,
  };
  if (input.dem && graph.edgeCount > 0) {
    progress?.(0.05, 'slope');
    const walk = edgeWalkFactors(graph, input.dem);
    Object.assign(slope, { dem: true, coverage: gridCoverage(input.dem, bbox), voidEdges: walk.voidEdges, uncoveredEdges: walk.uncoveredEdges });
    coverageInput.slope = {
      edgeWalk: { forward: walk.forward, backward: walk.backward },
      villageOffRoad: placeOffRoadFactors(graph, index, input.villages.map((v) => v.location), maxSnapM, input.dem),
      facilityOffRoad: placeOffRoadFactors(graph, index, input.facilities.map((f) => f.location), maxSnapM, input.dem),
    };
  }
  const costs = edgeMinutes(graph, input.mode, speeds, { walkFactor: coverageInput.slope?.edgeWalk });
  // The same trip model as the coverage analysis (coverage.ts): flat walking off road, the mode's
  // village-road speed for straight-line estimates of places off the network.
  const setting: TravelSetting = {
    graph,
    costs,
    detourFactor: rules.number('X.detour_factor'),
    offRoadMetresPerMinute: kmhToMetresPerMinute(speeds.walk.village),
    estimateMetresPerMinute: kmhToMetresPerMinute(classSpeedKmh(speeds, input.mode, 'village')),
  };
  const edgeTraversal = new Float64Array(graph.edgeCount);
  for (let e = 0; e < graph.edgeCount; e++) edgeTraversal[e] = Math.min(costs.forward[e], costs.backward[e]);
  return {
    graph,
    index,
    edgeTraversal,
    coverageInput,
    slope,
    bbox,
    bands: parseBands(input.rules['X.isochrone_bands']),
    walkKmh: speeds.walk.village,
    detour: rules.number('X.detour_factor'),
    maxSnapM,
    setting,
  };
}

/**
 * Travel between any places over the prepared network: one bounded Dijkstra per query. `km` runs
 * the same trip model on edge lengths (off-road legs × detour included): the shortest road
 * distance, which can differ a little from the length of the fastest route.
 */
function graphOracle(p: Prepared): TravelOracle {
  const lengthSetting: TravelSetting = {
    ...p.setting,
    costs: lengthCosts(p.graph, p.setting.costs),
    offRoadMetresPerMinute: 1000,
    estimateMetresPerMinute: 1000,
  };
  const places = (setting: TravelSetting, points: readonly LngLat[]) => {
    const xy = new Float64Array(points.length * 2);
    points.forEach(([lng, lat], i) => {
      xy[2 * i] = lng;
      xy[2 * i + 1] = lat;
    });
    return placeSet(setting, xy, snapPoints(p.graph, xy, p.maxSnapM, p.index));
  };
  const matrix = (setting: TravelSetting, from: LngLat, to: readonly LngLat[], limit?: number) =>
    to.length === 0 ? new Float64Array(0) : travelTimeMatrix(setting, places(setting, [from]), places(setting, to), { maxMinutes: limit, direction: 'from_sources' });
  return {
    minutes: (from, to, limitMinutes) => matrix(p.setting, from, to, limitMinutes),
    km: (from, to) => matrix(lengthSetting, from, to),
  };
}

/** Edge lengths in km as search costs, closed where the mode's costs are (one-way roads). */
function lengthCosts(graph: RoadGraph, costs: { forward: Float64Array; backward: Float64Array }) {
  const forward = new Float64Array(graph.edgeCount);
  const backward = new Float64Array(graph.edgeCount);
  for (let e = 0; e < graph.edgeCount; e++) {
    const km = graph.edgeLengthM[e] / 1000;
    forward[e] = Number.isFinite(costs.forward[e]) ? km : Infinity;
    backward[e] = Number.isFinite(costs.backward[e]) ? km : Infinity;
  }
  return { forward, backward };
}

/** A travel oracle over the project's road network for the input's mode (tour planning, tests). */
export function createTravelOracle(input: AnalysisInput): TravelOracle {
  return graphOracle(prepare(input));
}

function planningFor(input: AnalysisInput, p: Prepared, result: CoverageResult) {
  if (!input.planning) return undefined;
  return runPlanning({
    villages: input.villages,
    facilities: input.facilities,
    postings: input.planning.postings,
    villageAreas: input.planning.villageAreas,
    coverage: result.villages,
    rules: input.rules,
    mode: input.mode,
    travel: graphOracle(p),
    year: input.planning.year,
  });
}

/** DEM multipliers for the off-road legs from places to their snap points (place → road). */
function placeOffRoadFactors(graph: RoadGraph, index: EdgeIndex, locations: [number, number][], maxSnapM: number, dem: ElevationGrid): Float32Array {
  const points = new Float64Array(locations.length * 2);
  locations.forEach(([lng, lat], i) => {
    points[2 * i] = lng;
    points[2 * i + 1] = lat;
  });
  const snap = snapPoints(graph, points, maxSnapM, index);
  const targets = new Float64Array(points.length);
  for (let i = 0; i < locations.length; i++) {
    const e = snap.edge[i];
    if (e < 0 || snap.offNetwork[i]) {
      // Off network: the estimate is a straight line; no road end to profile towards.
      targets[2 * i] = points[2 * i];
      targets[2 * i + 1] = points[2 * i + 1];
      continue;
    }
    const a = graph.edgeFrom[e];
    const b = graph.edgeTo[e];
    const t = snap.t[i];
    targets[2 * i] = graph.lng[a] + (graph.lng[b] - graph.lng[a]) * t;
    targets[2 * i + 1] = graph.lat[a] + (graph.lat[b] - graph.lat[a]) * t;
  }
  return offRoadFactors(points, targets, dem);
}

function isochronesFor(
  p: Prepared,
  dem: ElevationGrid | null,
  nodeMinutes: Record<FacilityGroup, Float64Array>,
  groups: readonly FacilityGroup[],
  opts: { signal?: AbortSignal; cellM?: number } = {},
) {
  const out: Partial<Record<FacilityGroup, IsochroneBand[]>> = {};
  for (const g of groups) {
    out[g] = computeIsochrones({
      graph: p.graph,
      nodeMinutes: nodeMinutes[g],
      bands: p.bands,
      walkKmh: p.walkKmh,
      detour: p.detour,
      bbox: p.bbox,
      grid: dem,
      edgeMinutes: p.edgeTraversal,
      cellM: opts.cellM,
      signal: opts.signal,
    });
  }
  return out;
}

function toDocument(result: CoverageResult, isochrones: Partial<Record<FacilityGroup, IsochroneBand[]>>, p: Prepared, planning?: PlanningDocument): CoverageDocument {
  const { nodeMinutes: _nodeMinutes, ...rest } = result;
  const doc: CoverageDocument = { ...rest, rulesUsed: { ...rest.rulesUsed, 'X.isochrone_bands': p.bands.join(',') }, isochrones, slope: p.slope };
  if (planning) doc.planning = planning;
  return doc;
}

export function runCoverageAnalysis(input: AnalysisInput, opts: { signal?: AbortSignal; progress?: ProgressSink } = {}): AnalysisOutput {
  const p = prepare(input, opts.progress);
  const result = analyzeCoverage(p.coverageInput, {
    signal: opts.signal,
    progress: (f, stage) => opts.progress?.(0.1 + 0.5 * f, stage),
  });
  const isochrones: Partial<Record<FacilityGroup, IsochroneBand[]>> = {};
  FACILITY_GROUPS.forEach((g, i) => {
    opts.progress?.(0.6 + 0.13 * i, `isochrones:${g}`);
    Object.assign(isochrones, isochronesFor(p, input.dem, result.nodeMinutes, [g], { signal: opts.signal }));
  });
  if (input.planning) opts.progress?.(0.97, 'planning');
  const planning = planningFor(input, p, result);
  opts.progress?.(1, 'done');
  return { document: toDocument(result, isochrones, p, planning) };
}

export interface AnalysisSession {
  output(): AnalysisOutput;
  moveFacility(id: number, location: [number, number]): AnalysisOutput;
  addClinic(villageCode: string, location: [number, number]): AnalysisOutput;
  reset(): AnalysisOutput;
}

/**
 * Live what-if: the graph, snaps and unchanged groups are reused; after an edit only the
 * affected group's times (and, when enabled, its isochrones) are recomputed.
 */
export function createAnalysisSession(input: AnalysisInput, opts: { isochrones?: boolean; isochroneCellM?: number } = {}): AnalysisSession {
  const p = prepare(input);
  const withIsochrones = opts.isochrones ?? true;
  // Live updates redraw isochrones on a coarser grid than a full run: the bands stay readable
  // while a drag keeps each update within the what-if budget (< 200 ms on the demo county).
  const cellM = opts.isochroneCellM ?? WHAT_IF_CELL_M;
  let session: CoverageSession;
  let isochrones: Partial<Record<FacilityGroup, IsochroneBand[]>>;
  let nextId = 0;
  /** Level of every facility in the session, added clinics included (to know which group a move touches). */
  const levels = new Map<number, Facility['level']>();

  const start = (): AnalysisOutput => {
    levels.clear();
    for (const f of input.facilities) levels.set(f.id, f.level);
    session = createCoverageSession(p.coverageInput);
    const r = session.result();
    isochrones = withIsochrones ? isochronesFor(p, input.dem, r.nodeMinutes, FACILITY_GROUPS, { cellM }) : {};
    nextId = Math.max(0, ...input.facilities.map((f) => f.id)) + 1;
    return { document: toDocument(r, isochrones, p) };
  };
  const update = (r: CoverageResult, group: FacilityGroup | null): AnalysisOutput => {
    if (withIsochrones && group) isochrones = { ...isochrones, ...isochronesFor(p, input.dem, r.nodeMinutes, [group], { cellM }) };
    return { document: toDocument(r, isochrones, p) };
  };
  const offRoad = (location: [number, number]): number =>
    input.dem ? placeOffRoadFactors(p.graph, p.index, [location], p.maxSnapM, input.dem)[0] : 1;

  let current = start();
  return {
    output: () => current,
    moveFacility(id, location) {
      const level = levels.get(id);
      const r = session.moveFacility(id, location, offRoad(location));
      current = update(r, level ? facilityGroup(level) : null);
      return current;
    },
    addClinic(villageCode, location) {
      // Named by its code: the engine has no locale; the UI labels what-if clinics itself.
      const code = `WHATIF-VC-${villageCode}-${nextId + 1}`;
      const clinic = proposedVillageClinic(nextId++, code, code, villageCode, location);
      levels.set(clinic.id, clinic.level);
      current = update(session.addFacility(clinic, offRoad(location)), 'clinic');
      return current;
    },
    reset() {
      current = start();
      return current;
    },
  };
}

/** "15,30,60" → [15, 30, 60]; invalid parts are dropped, the default used when none remain. */
export function parseBands(value: number | string | undefined): number[] {
  const parts = String(value ?? '')
    .split(/[,，\s]+/)
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
  const bands = [...new Set(parts)].sort((a, b) => a - b);
  return bands.length ? bands : [15, 30, 60];
}

/** Bounding box of everything analysed, padded by ~2 km so isochrones are not clipped at the edge. */
function projectBbox(input: AnalysisInput): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const add = (lng: number, lat: number) => {
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) return;
    w = Math.min(w, lng); e = Math.max(e, lng); s = Math.min(s, lat); n = Math.max(n, lat);
  };
  for (const v of input.villages) add(v.location[0], v.location[1]);
  for (const f of input.facilities) add(f.location[0], f.location[1]);
  for (const r of input.roads) for (const [lng, lat] of r.coordinates) add(lng, lat);
  if (!Number.isFinite(w)) return [0, 0, 0, 0];
  const pad = 0.02;
  return [w - pad, s - pad, e + pad, n + pad];
}
