/**
 * Hand-made planning inputs for the village planning tests: villages on a local kilometre grid,
 * facilities, and coverage records computed with a straight-line oracle (1 km = 1 minute) unless
 * a test overrides them.
 */
import type { Facility, LngLat, Village, VillageArea } from '../../electron/domain/types.js';
import { defaultRuleValues, type RuleValues } from '../../electron/domain/rules.js';
import type { VillageCoverage } from '../../electron/engine/coverage.js';
import { blankReasons, facilityGroup, isGroupSource } from '../../electron/engine/facility-groups.js';
import type { FacilityGroup } from '../../electron/engine/graph-types.js';
import { straightLineOracle } from '../../electron/engine/planning/oracle.js';
import type { PlanningInput, TravelOracle } from '../../electron/engine/planning/types.js';
import { METRES_PER_DEGREE, metresPerDegreeLng } from '../../electron/engine/metric.js';

const LAT0 = 27;
const LNG0 = 112;
/** A place `x` km east and `y` km north of the origin. */
export function km(x: number, y: number): LngLat {
  return [LNG0 + (x * 1000) / metresPerDegreeLng(LAT0), LAT0 + (y * 1000) / METRES_PER_DEGREE];
}

/** 60 km/h, no detour: 1 km of straight line is 1 minute. */
export const ONE_KM_PER_MINUTE: TravelOracle = straightLineOracle(60, 1);

export const TOWNSHIP = '431299201';
let vid = 0;
export function village(n: number, population: number, at: [number, number], extra: Partial<Village> = {}): Village {
  vid++;
  return { id: vid, code: `${TOWNSHIP}${String(n).padStart(3, '0')}`, name: `村${n}`, townshipCode: TOWNSHIP, population, households: Math.round(population / 3), kind: 'village', areaKm2: 10, location: km(at[0], at[1]), ...extra };
}

let fid = 0;
const base = (code: string, level: Facility['level'], at: [number, number]): Facility => ({
  id: ++fid, code, name: code, level, townshipCode: TOWNSHIP, villageCode: null, capability: null, isCentralThc: false, isPlannedSubCenter: false,
  beds: 0, physicians: 0, assistantPhysicians: 0, villageDoctors: 0, tcmPhysicians: 0, nurses: 0, publicHealthPhysicians: 0, location: km(at[0], at[1]),
});
export function clinic(v: Village, at: [number, number], doctors = 1): Facility {
  return { ...base(`VC-${v.code}`, 'village_clinic', at), name: `${v.name}卫生室`, villageCode: v.code, villageDoctors: doctors };
}
export function thc(capability: Facility['capability'], physicians: number, assistants = 0, at: [number, number] = [0, -30], township = TOWNSHIP): Facility {
  return { ...base(`THC-${township}`, 'township_hc', at), name: `THC${township}`, townshipCode: township, capability, physicians, assistantPhysicians: assistants };
}
export function countyHospital(at: [number, number] = [0, -60]): Facility {
  return { ...base('CH-1', 'county_hospital', at), physicians: 100 };
}

export type CoveragePatch = Partial<Record<FacilityGroup, number | null>>;

/** Coverage records: nearest source of each group by the oracle, blank flags from the facilities. */
export function coverageOf(villages: Village[], facilities: Facility[], oracle: TravelOracle = ONE_KM_PER_MINUTE, patch: Record<string, CoveragePatch> = {}): VillageCoverage[] {
  const blank = blankReasons(villages, facilities);
  return villages.map((v, i) => {
    const minutes: Record<FacilityGroup, number | null> = { clinic: null, thc: null, county: null };
    const nearest: Record<FacilityGroup, string | null> = { clinic: null, thc: null, county: null };
    for (const g of ['clinic', 'thc', 'county'] as const) {
      const sources = facilities.filter((f) => facilityGroup(f.level) === g && isGroupSource(f));
      const t = sources.length ? oracle.minutes(v.location, sources.map((f) => f.location)) : new Float64Array(0);
      t.forEach((m, k) => {
        if (Number.isFinite(m) && (minutes[g] === null || m < minutes[g]!)) {
          minutes[g] = m;
          nearest[g] = sources[k].code;
        }
      });
      const p = patch[v.code];
      if (p && g in p) minutes[g] = p[g] ?? null;
    }
    const flags = { clinic: false, thc: false, county: false };
    return {
      id: v.id, code: v.code, name: v.name, townshipCode: v.townshipCode, population: v.population, kind: v.kind,
      blank: blank[i] !== null, blankReason: blank[i], minutes, nearest, estimated: { ...flags },
      unreachable: { clinic: minutes.clinic === null, thc: minutes.thc === null, county: minutes.county === null },
      beyond: { ...flags }, offNetwork: false, snapDistanceM: 0,
      access: { sfca2: 0, e2sfca: 0, g2sfca: 0 }, thcAccess: { sfca2: 0, e2sfca: 0, g2sfca: 0 },
    };
  });
}

export interface InputOptions {
  rules?: Partial<RuleValues>;
  areas?: VillageArea[];
  patch?: Record<string, CoveragePatch>;
  oracle?: TravelOracle;
}

export function planningInput(villages: Village[], facilities: Facility[], o: InputOptions = {}): PlanningInput {
  const oracle = o.oracle ?? ONE_KM_PER_MINUTE;
  const rules = { ...defaultRuleValues() } as RuleValues;
  for (const [k, v] of Object.entries(o.rules ?? {})) if (v !== undefined) rules[k] = v;
  return { villages, facilities, postings: [], villageAreas: o.areas ?? [], coverage: coverageOf(villages, facilities, oracle, o.patch), rules, mode: 'car', travel: oracle };
}

/** A square village polygon of side `size` km with its south-west corner at (x, y) km. */
export function square(v: Village, x: number, y: number, size = 1): VillageArea {
  const ring = [km(x, y), km(x + size, y), km(x + size, y + size), km(x, y + size), km(x, y)];
  return { id: v.id, villageCode: v.code, coordinates: [[ring]] };
}
