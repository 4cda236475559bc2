/**
 * Hand-made inputs for the township and roster tests (tiers, roster, summary): facilities and
 * postings with defaults, and a travel oracle that answers from a table of exact minutes.
 */
import { defaultRuleValues, type RuleValues } from '../../electron/domain/rules.js';
import type { Facility, LngLat, Posting, Village } from '../../electron/domain/types.js';
import type { VillageCoverage } from '../../electron/engine/coverage.js';
import type { PlanningInput, TravelOracle } from '../../electron/engine/planning/types.js';

let nextId = 0;

/** A facility at its own place (a distinct point per record, so the oracle table can tell them apart). */
export function facility(code: string, level: Facility['level'], extra: Partial<Facility> = {}): Facility {
  const id = ++nextId;
  return {
    id, code, name: code, level, townshipCode: null, villageCode: null, capability: null, isCentralThc: false, isPlannedSubCenter: false,
    beds: 0, physicians: 0, assistantPhysicians: 0, villageDoctors: 0, tcmPhysicians: 0, nurses: 0, publicHealthPhysicians: 0,
    location: [110 + id / 1000, 27], ...extra,
  };
}

/** A THC of township `township` with the given capability and staff (1 public health physician unless set). */
export function thc(township: string, capability: Facility['capability'], extra: Partial<Facility> = {}): Facility {
  return facility(`THC-${township}`, 'township_hc', { townshipCode: township, capability, publicHealthPhysicians: 1, ...extra });
}

export function village(code: string, population: number, extra: Partial<Village> = {}): Village {
  return { id: ++nextId, code, name: code, townshipCode: code.slice(0, 9), population, households: 0, kind: 'village', areaKm2: 1, location: [111, 27], ...extra };
}

let nextPosting = 0;
/** A full-release, full-year 2026 posting of an intermediate internist from CH-1 to THC-1. */
export function posting(extra: Partial<Posting> = {}): Posting {
  const id = ++nextPosting;
  return {
    id, person: `P${id}`, titleLevel: 'intermediate', profession: '内科', fromInstitution: 'CH-1', toInstitution: 'THC-1', toVillage: null,
    startDate: '2026-01-01', endDate: '2026-12-31', release: 'full', daysPerWeek: 5, ...extra,
  };
}

const key = (p: LngLat): string => `${p[0]},${p[1]}`;

/** Minutes from one facility to another as listed; every other pair is unreachable. */
export function tableOracle(rows: readonly [Facility, Facility, number][]): TravelOracle {
  const table = new Map(rows.map(([a, b, m]) => [`${key(a.location)}>${key(b.location)}`, m]));
  return {
    minutes: (from, to) => Float64Array.from(to.map((t) => table.get(`${key(from)}>${key(t)}`) ?? Infinity)),
  };
}

/** Coverage records with only what the township rules read (nearest THC per village). */
export function coverageOf(villages: readonly Village[], nearestThc: Record<string, string> = {}): VillageCoverage[] {
  const flags = { clinic: false, thc: false, county: false };
  return villages.map((v) => ({
    id: v.id, code: v.code, name: v.name, townshipCode: v.townshipCode, population: v.population, kind: v.kind, blank: false, blankReason: null,
    minutes: { clinic: null, thc: null, county: null }, nearest: { clinic: null, thc: nearestThc[v.code] ?? null, county: null },
    estimated: { ...flags }, unreachable: { ...flags }, beyond: { ...flags }, offNetwork: false, snapDistanceM: 0,
    access: { sfca2: 0, e2sfca: 0, g2sfca: 0 }, thcAccess: { sfca2: 0, e2sfca: 0, g2sfca: 0 },
  }));
}

export interface InputParts {
  facilities: Facility[];
  villages?: Village[];
  postings?: Posting[];
  rules?: RuleValues;
  travel?: TravelOracle;
  year?: number;
  nearestThc?: Record<string, string>;
}

export function planningInput(p: InputParts): PlanningInput {
  const villages = p.villages ?? [];
  return {
    villages, facilities: p.facilities, postings: p.postings ?? [], villageAreas: [], coverage: coverageOf(villages, p.nearestThc),
    rules: { ...defaultRuleValues(), ...(p.rules ?? {}) }, mode: 'car', travel: p.travel ?? tableOracle([]), year: p.year,
  };
}
