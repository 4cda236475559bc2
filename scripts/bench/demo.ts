/**
 * Demo county timings: graph build, one full multi-source pass (every facility → every village,
 * village → facility direction, the analysis's own code path), a full analyzeCoverage and what-if
 * moveFacility edits, against the product targets (< 1 s full analysis, < 200 ms what-if).
 */
import { defaultRuleValues } from '../../electron/domain/rules.js';
import type { Facility } from '../../electron/domain/types.js';
import { analyzeCoverage, createCoverageSession, type CoverageInput } from '../../electron/engine/coverage.js';
import { buildRoadGraph } from '../../electron/engine/graph.js';
import type { RoadInput } from '../../electron/engine/graph-types.js';
import { METRES_PER_DEGREE, metresPerDegreeLng } from '../../electron/engine/metric.js';
import { buildEdgeIndex, snapPoints } from '../../electron/engine/snap.js';
import { classSpeedKmh, edgeMinutes, speedTableFromRules } from '../../electron/engine/speeds.js';
import { kmhToMetresPerMinute, nearestSources, placeSet, type TravelSetting } from '../../electron/engine/travel-time.js';
import { facilityGroup } from '../../electron/engine/facility-groups.js';
import { generateDemoCounty } from '../../electron/io/demo/generate.js';
import { bestOf, median, timeIt } from './timing.js';

export const FULL_ANALYSIS_TARGET_MS = 1000;
export const WHAT_IF_TARGET_MS = 200;

export interface DemoTimings {
  roads: number;
  edges: number;
  nodes: number;
  villages: number;
  facilities: number;
  generateMs: number;
  buildMs: number;
  /** edgeMinutes + snapping + nearestSources over all facilities (best of runs). */
  passMs: number;
  /** First analyzeCoverage call (cold JIT) and the median of the warm calls. */
  analysisColdMs: number;
  analysisMs: number;
  /** Median moveFacility time per facility group moved. */
  whatIf: { group: string; facility: string; ms: number }[];
}

export function benchDemo(log: (msg: string) => void): DemoTimings {
  log('demo county: generating');
  const gen = timeIt(() => generateDemoCounty());
  const county = gen.value;
  const roads: RoadInput[] = county.roads.map((r) => ({ id: r.id, coordinates: r.coordinates, roadClass: r.roadClass, speedKmh: r.speedKmh, oneway: r.oneway, bridge: r.bridge }));
  const rules = defaultRuleValues();
  const mode = 'car' as const;

  log('demo county: graph + multi-source pass');
  const build = bestOf(3, () => buildRoadGraph(roads));
  const { graph } = build.value;
  const speeds = speedTableFromRules(rules);
  const maxSnapM = Number(rules['X.max_snap_metres']);
  const detourFactor = Number(rules['X.detour_factor']);
  const points = (xs: readonly { location: [number, number] }[]): Float64Array => Float64Array.from(xs.flatMap((x) => [x.location[0], x.location[1]]));
  const pass = bestOf(5, () => {
    const costs = edgeMinutes(graph, mode, speeds);
    const setting: TravelSetting = {
      graph,
      costs,
      detourFactor,
      offRoadMetresPerMinute: kmhToMetresPerMinute(speeds.walk.village),
      estimateMetresPerMinute: kmhToMetresPerMinute(classSpeedKmh(speeds, mode, 'village')),
    };
    const index = buildEdgeIndex(graph);
    const fp = points(county.facilities);
    const vp = points(county.villages);
    const facilities = placeSet(setting, fp, snapPoints(graph, fp, maxSnapM, index));
    const villages = placeSet(setting, vp, snapPoints(graph, vp, maxSnapM, index));
    return nearestSources(setting, facilities, villages, { direction: 'to_sources' });
  });

  const input: CoverageInput = {
    villages: county.villages,
    facilities: county.facilities,
    roads,
    townships: county.townships.map((t) => ({ code: t.code, name: t.name })),
    rules,
    mode,
  };
  log('demo county: analyzeCoverage');
  const cold = timeIt(() => analyzeCoverage(input));
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push(timeIt(() => analyzeCoverage(input)).ms);

  log('demo county: what-if moveFacility');
  const session = createCoverageSession(input);
  const whatIf: DemoTimings['whatIf'] = [];
  for (const group of ['clinic', 'thc', 'county'] as const) {
    const f = county.facilities.find((x: Facility) => facilityGroup(x.level) === group);
    if (!f) continue;
    const [lng, lat] = f.location;
    // Move ~800 m east and back, alternately (each call is one real what-if edit).
    const east: [number, number] = [lng + 800 / metresPerDegreeLng(lat), lat + 100 / METRES_PER_DEGREE];
    session.moveFacility(f.id, east); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 6; i++) times.push(timeIt(() => session.moveFacility(f.id, i % 2 === 0 ? [lng, lat] : east)).ms);
    session.moveFacility(f.id, [lng, lat]);
    whatIf.push({ group, facility: `${f.code} ${f.name}`, ms: median(times) });
  }

  return {
    roads: roads.length,
    edges: graph.edgeCount,
    nodes: graph.nodeCount,
    villages: county.villages.length,
    facilities: county.facilities.length,
    generateMs: gen.ms,
    buildMs: build.ms,
    passMs: pass.ms,
    analysisColdMs: cold.ms,
    analysisMs: median(warm),
    whatIf,
  };
}
