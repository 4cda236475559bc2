/**
 * Small hand-built networks for the engine tests. Coordinates are laid out in metres on a local
 * plane around (110°E, 27°N) and converted to lng/lat, so a test can say "a 1 km road".
 */
import { defaultRuleValues, type RuleValues } from '../../electron/domain/rules.js';
import type { Facility, FacilityLevel, Village } from '../../electron/domain/types.js';
import type { RoadInput } from '../../electron/engine/graph-types.js';

export const LNG0 = 110;
export const LAT0 = 27;
const M_PER_DEG_LAT = (6_371_008.8 * Math.PI) / 180;
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos((LAT0 * Math.PI) / 180);

/** Local metres (east, north) to [lng, lat]. */
export function ll(x: number, y: number): [number, number] {
  return [LNG0 + x / M_PER_DEG_LNG, LAT0 + y / M_PER_DEG_LAT];
}

let nextRoadId = 1;
export function road(pointsM: [number, number][], opts: Partial<Omit<RoadInput, 'coordinates'>> = {}): RoadInput {
  return { id: opts.id ?? nextRoadId++, coordinates: pointsM.map(([x, y]) => ll(x, y)), roadClass: opts.roadClass ?? 'county', speedKmh: opts.speedKmh ?? null, oneway: opts.oneway ?? false, bridge: opts.bridge ?? false };
}

/** Interleaved lng/lat of points given in local metres. */
export function points(pointsM: [number, number][]): Float64Array {
  return new Float64Array(pointsM.flatMap(([x, y]) => ll(x, y)));
}

/** Minutes to cover `metres` at `kmh`. */
export const minutesAt = (metres: number, kmh: number): number => (metres / 1000 / kmh) * 60;

export function village(id: number, xy: [number, number], extra: Partial<Village> = {}): Village {
  return {
    id,
    code: `4312990000${String(id).padStart(2, '0')}`,
    name: `村${id}`,
    townshipCode: '431299001',
    population: 1000,
    households: 300,
    kind: 'village',
    areaKm2: null,
    location: ll(xy[0], xy[1]),
    ...extra,
  };
}

export function facility(id: number, level: FacilityLevel, xy: [number, number], extra: Partial<Facility> = {}): Facility {
  return {
    id,
    code: `F${id}`,
    name: `机构${id}`,
    level,
    townshipCode: '431299001',
    villageCode: null,
    capability: null,
    isCentralThc: false,
    isPlannedSubCenter: false,
    beds: 0,
    physicians: 1,
    assistantPhysicians: 0,
    villageDoctors: 0,
    tcmPhysicians: 0,
    nurses: 0,
    publicHealthPhysicians: 0,
    location: ll(xy[0], xy[1]),
    ...extra,
  };
}

export function rules(overrides: RuleValues = {}): RuleValues {
  return { ...defaultRuleValues(), ...overrides };
}

/**
 * Relative closeness. The fixtures' flat local frame and the engine's spherical metric differ by
 * up to ~1e-4 over a few kilometres east-west (meridians converge), so exact-time tests allow that.
 */
export function near(actual: number, expected: number, relative = 3e-4): boolean {
  return Math.abs(actual - expected) <= relative * Math.abs(expected);
}
