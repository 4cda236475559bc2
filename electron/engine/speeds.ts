/**
 * Speeds per travel mode and road class (rules `X.speed.<mode>.<class>`) and the minutes it takes
 * to drive or walk each graph edge in each direction.
 */
import { RULES_BY_ID, TRAVEL_MODES, type RuleValues, type TravelMode } from '../domain/rules.js';
import { ROAD_CLASSES } from '../domain/types.js';
import { EDGE_ONEWAY } from './graph.js';
import type { RoadGraph, SpeedTable } from './graph-types.js';
import { roadClassFor } from './road-class.js';

export { roadClassFor } from './road-class.js';

/** Minutes to traverse each edge along its geometry (forward) and against it (backward). */
export interface EdgeCosts {
  forward: Float64Array;
  backward: Float64Array;
}

/** Per-edge, per-direction multipliers of flat walking time (from the DEM / Tobler module). */
export interface WalkFactors {
  forward: Float32Array;
  backward: Float32Array;
}

export const speedRuleId = (mode: TravelMode, roadClass: string): string => `X.speed.${mode}.${roadClass}`;

/**
 * The speed table of a project's rules. A missing or unusable value (not a positive finite
 * number) falls back to the rules table default. Extra `X.speed.<mode>.<class>` entries for other
 * class names (a project may define e.g. `X.speed.car.expressway`) are kept as well.
 */
export function speedTableFromRules(rules: RuleValues): SpeedTable {
  const table = Object.fromEntries(TRAVEL_MODES.map((m) => [m, {} as Record<string, number>])) as SpeedTable;
  for (const mode of TRAVEL_MODES) {
    for (const cls of ROAD_CLASSES) {
      const id = speedRuleId(mode, cls);
      table[mode][cls] = usableSpeed(rules[id]) ?? (RULES_BY_ID.get(id)?.defaultValue as number);
    }
  }
  for (const [id, value] of Object.entries(rules)) {
    const m = /^X\.speed\.([a-z]+)\.(.+)$/.exec(id);
    const speed = usableSpeed(value);
    if (m && (TRAVEL_MODES as readonly string[]).includes(m[1]) && speed !== null) table[m[1] as TravelMode][m[2]] = speed;
  }
  return table;
}

function usableSpeed(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null;
}

/**
 * Speed km/h of a class for a mode: the table's entry for the class name itself, else for the
 * Chinese class it maps to (raw OSM values), else 0 (impassable).
 */
export function classSpeedKmh(speeds: SpeedTable, mode: TravelMode, roadClass: string): number {
  const row = speeds[mode];
  return usableSpeed(row[roadClass]) ?? usableSpeed(row[roadClassFor(roadClass)]) ?? 0;
}

/** Minutes per metre at a speed in km/h (Infinity at speed 0: the road cannot be used). */
const minutesPerMetre = (kmh: number): number => (kmh > 0 ? 60 / (kmh * 1000) : Infinity);

/**
 * Minutes to traverse every edge in both directions for a mode.
 * - Motorised modes (ebike, car, van) use a road's own speed override when it has one, as is:
 *   a surveyed speed is better knowledge than the class default, whatever its value.
 * - One-way roads forbid the backward direction for motorised modes (Infinity); walkers ignore it.
 * - `walkFactor` (Tobler's hiking function per edge and direction) scales walking times only.
 */
export function edgeMinutes(graph: RoadGraph, mode: TravelMode, speeds: SpeedTable, opts: { walkFactor?: WalkFactors | null } = {}): EdgeCosts {
  const n = graph.edgeCount;
  const walk = mode === 'walk';
  const factor = walk ? opts.walkFactor ?? null : null;
  if (factor && (factor.forward.length !== n || factor.backward.length !== n)) {
    throw new Error(`engine: walk factors cover ${factor.forward.length}/${factor.backward.length} edges, the graph has ${n}`);
  }
  const perClass = graph.classes.map((c) => minutesPerMetre(classSpeedKmh(speeds, mode, c)));
  const forward = new Float64Array(n);
  const backward = new Float64Array(n);
  for (let e = 0; e < n; e++) {
    const override = walk ? 0 : graph.edgeSpeedOverride[e];
    const base = times(graph.edgeLengthM[e], override > 0 ? minutesPerMetre(override) : perClass[graph.edgeClass[e]]);
    forward[e] = factor ? times(base, usableFactor(factor.forward[e])) : base;
    backward[e] = factor ? times(base, usableFactor(factor.backward[e])) : base;
    if (!walk && graph.edgeFlags[e] & EDGE_ONEWAY) backward[e] = Infinity;
  }
  return { forward, backward };
}

/** Product where 0 × Infinity is 0 (a zero-length edge costs nothing), never NaN. */
function times(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : a * b;
}

/** A factor that would make a time NaN or negative is ignored (flat walking); Infinity (impassable) is kept. */
function usableFactor(f: number): number {
  return f > 0 ? f : 1;
}
