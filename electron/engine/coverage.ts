/**
 * The coverage analysis: for every village, travel time (village → facility, what a patient
 * travels) to the nearest village clinic, THC and county-level hospital; blank villages (空白村);
 * who is beyond the travel-time standards; floating-catchment access scores; township and county
 * totals. Pure and deterministic: the same input gives the same result, field for field.
 *
 * `createCoverageSession` keeps the prepared state (graph, spatial index, snaps, per-group
 * results) so a what-if edit re-snaps only the facility that changed and reruns only its group.
 */
import { TRAVEL_MODES, type RuleValues, type TravelMode } from '../domain/rules.js';
import { ROAD_CLASSES, type Facility, type LngLat, type Village } from '../domain/types.js';
import { accessScores, type AccessScores } from './access.js';
import { coverageTotals, type CoverageTotals } from './coverage-totals.js';
import { accessSupply, blankReasons, facilityGroup, FACILITY_GROUPS, isGroupSource, STANDARD_RULE, type BlankReason } from './facility-groups.js';
import { buildRoadGraph } from './graph.js';
import { EngineCancelled, type FacilityGroup, type GraphIssue, type NearestResult, type ProgressSink, type RoadGraph, type RoadInput } from './graph-types.js';
import { RuleReader } from './rule-values.js';
import { buildEdgeIndex, snapOne, snapPoints, type EdgeIndex } from './snap.js';
import { classSpeedKmh, edgeMinutes, speedRuleId, speedTableFromRules, type WalkFactors } from './speeds.js';
import { kmhToMetresPerMinute, nearestSources, offRoadLegMinutes, placeSet, subsetPlaces, travelTimeMatrix, type PlaceSet, type TravelSetting } from './travel-time.js';

export type { AccessScores } from './access.js';
export type { CoverageTotals, TimeBand } from './coverage-totals.js';

export interface CoverageInput {
  villages: Village[];
  facilities: Facility[];
  roads: RoadInput[];
  townships: { code: string; name: string }[];
  rules: RuleValues;
  mode: TravelMode;
  /**
   * Per-edge walking multipliers and per-place off-road multipliers from a DEM (Tobler), when the
   * project has one. `edgeWalk` is indexed by the edges of `buildRoadGraph(roads)` (default
   * options: the graph this analysis builds); the place arrays by villages / facilities order.
   */
  slope?: { edgeWalk: WalkFactors; villageOffRoad?: Float32Array; facilityOffRoad?: Float32Array } | null;
}

export interface VillageCoverage {
  id: number;
  code: string;
  name: string;
  townshipCode: string;
  population: number;
  kind: 'village' | 'settlement';
  blank: boolean;
  blankReason: BlankReason | null;
  /** Minutes to the nearest facility of each group; null when unreachable. */
  minutes: Record<FacilityGroup, number | null>;
  /** Facility code of that nearest facility. */
  nearest: Record<FacilityGroup, string | null>;
  /** The figure is a straight-line estimate (the village or the facility is off network). */
  estimated: Record<FacilityGroup, boolean>;
  unreachable: Record<FacilityGroup, boolean>;
  /** Minutes above the group's standard, or unreachable. */
  beyond: Record<FacilityGroup, boolean>;
  offNetwork: boolean;
  /** Straight-line metres to the snap point on the nearest road (Infinity without roads or coordinates). */
  snapDistanceM: number;
  /** Village clinic access: qualified clinic doctors per 1,000 residents within the clinic standard. */
  access: AccessScores;
  /** THC access: THC physicians per 1,000 residents within the THC standard. */
  thcAccess: AccessScores;
}

export interface CoverageResult {
  mode: TravelMode;
  /** Every rule id and value this run used (traceability). */
  rulesUsed: Record<string, number | string>;
  villages: VillageCoverage[];
  townships: (CoverageTotals & { code: string; name: string })[];
  county: CoverageTotals;
  network: { nodes: number; edges: number; components: number; issues: GraphIssue[]; offNetworkVillages: number; offNetworkFacilities: number };
  /** Minutes from every road node to the nearest facility of each group (for isochrones). */
  nodeMinutes: Record<FacilityGroup, Float64Array>;
}

export interface CoverageOptions {
  signal?: AbortSignal;
  progress?: ProgressSink;
}

export interface CoverageSession {
  result(): CoverageResult;
  /** `offRoadFactor`: the DEM off-road multiplier at the new place (default 1). */
  moveFacility(id: number, location: [number, number], offRoadFactor?: number): CoverageResult;
  addFacility(f: Facility, offRoadFactor?: number): CoverageResult;
  removeFacility(id: number): CoverageResult;
}

export function analyzeCoverage(input: CoverageInput, opts: CoverageOptions = {}): CoverageResult {
  const model = prepare(input, opts);
  FACILITY_GROUPS.forEach((g, i) => {
    opts.progress?.(0.3 + 0.2 * i, g);
    computeGroup(model, g, opts.signal);
  });
  opts.progress?.(1, 'done');
  return assemble(model);
}

export function createCoverageSession(input: CoverageInput): CoverageSession {
  const model = prepare(input, {});
  for (const g of FACILITY_GROUPS) computeGroup(model, g);
  let current = assemble(model);
  const indexOf = (id: number): number => {
    const i = model.facilities.findIndex((f) => f.id === id);
    if (i < 0) throw new Error(`engine: no facility with id ${id}`);
    return i;
  };
  const rerun = (groups: (FacilityGroup | null)[]): CoverageResult => {
    for (const g of new Set(groups)) if (g) computeGroup(model, g);
    model.blank = blankReasons(model.input.villages, model.facilities);
    current = assemble(model);
    return current;
  };
  return {
    result: () => current,
    moveFacility(id, location, offRoadFactor = 1) {
      const i = indexOf(id);
      model.facilities[i] = { ...model.facilities[i], location: [location[0], location[1]] };
      model.facilityOffRoad[i] = offRoadFactor;
      placeFacility(model, i);
      return rerun([facilityGroup(model.facilities[i].level)]);
    },
    addFacility(f, offRoadFactor = 1) {
      model.facilities.push(f);
      model.facilityOffRoad.push(offRoadFactor);
      model.facilityPlaces = appendPlace(model.facilityPlaces);
      placeFacility(model, model.facilities.length - 1);
      return rerun([facilityGroup(f.level)]);
    },
    removeFacility(id) {
      const i = indexOf(id);
      const [removed] = model.facilities.splice(i, 1);
      model.facilityOffRoad.splice(i, 1);
      model.facilityPlaces = subsetPlaces(model.facilityPlaces, model.facilities.map((_, k) => (k < i ? k : k + 1)));
      return rerun([facilityGroup(removed.level)]);
    },
  };
}

/** Prepared state shared by a one-off analysis and a what-if session. */
interface CoverageModel {
  input: CoverageInput;
  /** Current facilities (a session edits this copy, never the caller's array). */
  facilities: Facility[];
  facilityOffRoad: number[];
  rules: RuleReader;
  standards: Record<FacilityGroup, number>;
  graph: RoadGraph;
  issues: GraphIssue[];
  index: EdgeIndex;
  maxSnapM: number;
  setting: TravelSetting;
  villagePlaces: PlaceSet;
  facilityPlaces: PlaceSet;
  blank: (BlankReason | null)[];
  groups: Partial<Record<FacilityGroup, GroupResult>>;
  /**
   * Village → facility minutes within the catchment, per facility record. A row depends only on
   * the facility's place (fixed for a record: a move makes a new record) and on what the session
   * never changes, so a what-if edit recomputes one row instead of the whole matrix.
   */
  accessRows: WeakMap<Facility, Float64Array>;
}

interface GroupResult {
  /** Facility codes of the group's sources, in facility order (codes, not indices: removing a
   * facility of another group shifts indices but must not touch this group's result). */
  codes: string[];
  nearest: NearestResult;
  nodeMinutes: Float64Array;
  access: { sfca2: Float64Array; e2sfca: Float64Array; g2sfca: Float64Array } | null;
}

function prepare(input: CoverageInput, opts: CoverageOptions): CoverageModel {
  if (!(TRAVEL_MODES as readonly string[]).includes(input.mode)) throw new Error(`engine: unknown travel mode ${String(input.mode)}`);
  const rules = new RuleReader(input.rules);
  const standards = { clinic: rules.number(STANDARD_RULE.clinic), thc: rules.number(STANDARD_RULE.thc), county: rules.number(STANDARD_RULE.county) };
  const detourFactor = rules.number('X.detour_factor');
  const maxSnapM = rules.number('X.max_snap_metres');
  const speeds = speedTableFromRules(input.rules);
  for (const cls of ROAD_CLASSES) rules.used[speedRuleId(input.mode, cls)] = speeds[input.mode][cls];
  rules.used[speedRuleId('walk', 'village')] = speeds.walk.village;

  opts.progress?.(0, 'graph');
  const { graph, issues } = buildRoadGraph(input.roads);
  checkAborted(opts.signal);
  const costs = edgeMinutes(graph, input.mode, speeds, { walkFactor: input.slope?.edgeWalk });
  const setting: TravelSetting = {
    graph,
    costs,
    detourFactor,
    // Off-road legs are walked (flat walking: the village-road walking speed), whatever the mode.
    offRoadMetresPerMinute: kmhToMetresPerMinute(speeds.walk.village),
    estimateMetresPerMinute: kmhToMetresPerMinute(classSpeedKmh(speeds, input.mode, 'village')),
  };

  opts.progress?.(0.15, 'snap');
  const index = buildEdgeIndex(graph);
  const villagePoints = lngLatArray(input.villages.map((v) => v.location));
  const villagePlaces = placeSet(setting, villagePoints, snapPoints(graph, villagePoints, maxSnapM, index), input.slope?.villageOffRoad);
  const facilities = input.facilities.slice();
  const facilityPoints = lngLatArray(facilities.map((f) => f.location));
  const facilityPlaces = placeSet(setting, facilityPoints, snapPoints(graph, facilityPoints, maxSnapM, index), input.slope?.facilityOffRoad);
  const facilityOffRoad = facilities.map((_, i) => input.slope?.facilityOffRoad?.[i] ?? 1);
  checkAborted(opts.signal);
  return {
    input, facilities, facilityOffRoad, rules, standards, graph, issues, index, maxSnapM, setting, villagePlaces, facilityPlaces,
    blank: blankReasons(input.villages, facilities),
    groups: {},
    accessRows: new WeakMap(),
  };
}

function lngLatArray(points: readonly LngLat[]): Float64Array {
  const out = new Float64Array(2 * points.length);
  points.forEach((p, i) => {
    out[2 * i] = Array.isArray(p) ? p[0] : NaN;
    out[2 * i + 1] = Array.isArray(p) ? p[1] : NaN;
  });
  return out;
}

/** (Re)snaps facility i at its current location. */
function placeFacility(model: CoverageModel, i: number): void {
  const f = model.facilities[i];
  const places = model.facilityPlaces;
  places.points[2 * i] = Array.isArray(f.location) ? f.location[0] : NaN;
  places.points[2 * i + 1] = Array.isArray(f.location) ? f.location[1] : NaN;
  snapOne(model.graph, model.index, places.points[2 * i], places.points[2 * i + 1], model.maxSnapM, places.snap, i);
  places.offRoadMinutes[i] = offRoadLegMinutes(model.setting, places.snap.offRoadM[i], model.facilityOffRoad[i]);
}

/** A copy of the place set with one more (empty) slot at the end. */
function appendPlace(p: PlaceSet): PlaceSet {
  const n = p.snap.edge.length;
  const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, size: number, make: (len: number) => T): T => {
    const out = make(size);
    out.set(a);
    return out;
  };
  return {
    points: grow(p.points, 2 * n + 2, (l) => new Float64Array(l)),
    snap: {
      edge: grow(p.snap.edge, n + 1, (l) => new Int32Array(l)),
      t: grow(p.snap.t, n + 1, (l) => new Float64Array(l)),
      offRoadM: grow(p.snap.offRoadM, n + 1, (l) => new Float64Array(l)),
      offNetwork: grow(p.snap.offNetwork, n + 1, (l) => new Uint8Array(l)),
    },
    offRoadMinutes: grow(p.offRoadMinutes, n + 1, (l) => new Float64Array(l)),
  };
}

/** Nearest facility of one group for every village, and the group's access scores. */
function computeGroup(model: CoverageModel, group: FacilityGroup, signal?: AbortSignal): void {
  const members = model.facilities.flatMap((f, i) => (facilityGroup(f.level) === group && isGroupSource(f) ? [i] : []));
  const sources = subsetPlaces(model.facilityPlaces, members);
  const res = nearestSources(model.setting, sources, model.villagePlaces, { direction: 'to_sources', signal });
  const { nodeMinutes, ...nearest } = res;
  let access: GroupResult['access'] = null;
  if (group === 'clinic' || group === 'thc') {
    const minutes = accessMatrix(model, group, members, sources, signal);
    access = accessScores({
      population: model.input.villages.map((v) => v.population),
      supply: members.map((i) => accessSupply(model.facilities[i], group)),
      minutes,
      catchmentMinutes: model.standards[group],
    });
  }
  model.groups[group] = { codes: members.map((i) => model.facilities[i].code), nearest, nodeMinutes, access };
}

/**
 * Village → facility minutes within the group's catchment, facility-major: one bounded reverse
 * Dijkstra per facility whose row is not cached yet.
 */
function accessMatrix(model: CoverageModel, group: FacilityGroup, members: number[], sources: PlaceSet, signal?: AbortSignal): Float64Array {
  const villages = model.input.villages.length;
  const missing = members.flatMap((f, k) => (model.accessRows.has(model.facilities[f]) ? [] : [k]));
  if (missing.length > 0) {
    const fresh = travelTimeMatrix(model.setting, subsetPlaces(sources, missing), model.villagePlaces, { direction: 'to_sources', maxMinutes: model.standards[group], signal });
    missing.forEach((k, r) => model.accessRows.set(model.facilities[members[k]], fresh.subarray(r * villages, (r + 1) * villages)));
  }
  const out = new Float64Array(members.length * villages);
  members.forEach((f, k) => out.set(model.accessRows.get(model.facilities[f])!, k * villages));
  return out;
}

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new EngineCancelled();
}

const perGroup = <T>(f: (g: FacilityGroup) => T): Record<FacilityGroup, T> => ({ clinic: f('clinic'), thc: f('thc'), county: f('county') });

function assemble(model: CoverageModel): CoverageResult {
  const { input, standards } = model;
  const group = (g: FacilityGroup): GroupResult => {
    const r = model.groups[g];
    if (!r) throw new Error(`engine: group ${g} not computed`);
    return r;
  };
  const scores = (g: FacilityGroup, i: number): AccessScores => {
    const a = group(g).access;
    return a ? { sfca2: a.sfca2[i], e2sfca: a.e2sfca[i], g2sfca: a.g2sfca[i] } : { sfca2: 0, e2sfca: 0, g2sfca: 0 };
  };
  const villages: VillageCoverage[] = input.villages.map((v, i) => {
    const time = perGroup((g) => group(g).nearest.minutes[i]);
    const reachable = perGroup((g) => Number.isFinite(time[g]));
    return {
      id: v.id,
      code: v.code,
      name: v.name,
      townshipCode: v.townshipCode,
      population: v.population,
      kind: v.kind,
      blank: model.blank[i] !== null,
      blankReason: model.blank[i],
      minutes: perGroup((g) => (reachable[g] ? time[g] : null)),
      nearest: perGroup((g) => {
        const k = group(g).nearest.nearest[i];
        return k >= 0 ? group(g).codes[k] : null;
      }),
      estimated: perGroup((g) => reachable[g] && group(g).nearest.estimated[i] === 1),
      unreachable: perGroup((g) => !reachable[g]),
      beyond: perGroup((g) => !reachable[g] || time[g] > standards[g]),
      offNetwork: model.villagePlaces.snap.offNetwork[i] === 1,
      snapDistanceM: model.villagePlaces.snap.offRoadM[i],
      access: scores('clinic', i),
      thcAccess: scores('thc', i),
    };
  });
  return {
    mode: input.mode,
    rulesUsed: { ...model.rules.used },
    villages,
    townships: townshipTotals(input.townships, villages, standards),
    county: coverageTotals(villages, standards),
    network: {
      nodes: model.graph.nodeCount,
      edges: model.graph.edgeCount,
      components: model.graph.componentCount,
      issues: model.issues.slice(),
      offNetworkVillages: countOnes(model.villagePlaces.snap.offNetwork),
      offNetworkFacilities: countOnes(model.facilityPlaces.snap.offNetwork),
    },
    nodeMinutes: perGroup((g) => group(g).nodeMinutes),
  };
}

/**
 * Totals per township, in the given order; villages whose township code is not in the list get a
 * township entry of their own (name empty) so the townships always add up to the county.
 */
function townshipTotals(townships: readonly { code: string; name: string }[], villages: readonly VillageCoverage[], standards: Record<FacilityGroup, number>): CoverageResult['townships'] {
  const list: { code: string; name: string }[] = [];
  const known = new Set<string>();
  const add = (code: string, name: string): void => {
    if (known.has(code)) return; // a township listed twice is counted once
    known.add(code);
    list.push({ code, name });
  };
  for (const t of townships) add(t.code, t.name);
  for (const v of villages) add(v.townshipCode, '');
  const byTownship = new Map<string, VillageCoverage[]>(list.map((t) => [t.code, []]));
  for (const v of villages) byTownship.get(v.townshipCode)!.push(v);
  return list.map((t) => ({ code: t.code, name: t.name, ...coverageTotals(byTownship.get(t.code)!, standards) }));
}

function countOnes(a: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) n += a[i];
  return n;
}
