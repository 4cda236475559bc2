/**
 * Health facilities of the demo county: county hospital and county TCM hospital in the county
 * seat, a community health center for the county-seat town, one township health center (THC)
 * per other township with a profile that follows its role, the city's level-2 hospital, and the
 * village clinics.
 */
import type { Capability, DoctorQualification, Facility, FacilityLevel } from '../../domain/types.js';
import type { P } from './geometry.js';
import { COUNTY_CODE, type CountyPlaces, type TownshipRole } from './places.js';
import type { Rng } from './random.js';

export type FacilityDraft = Omit<Facility, 'id' | 'location'> & { p: P };

export const CODES = {
  countyHospital: `CH-${COUNTY_CODE}`,
  tcmHospital: `TCM-${COUNTY_CODE}`,
  cityHospital: 'CITY-431200',
  cdc: `CDC-${COUNTY_CODE}`,
};

type Range = [number, number];
interface Profile {
  central: boolean;
  subCenter: boolean;
  capability: Capability;
  beds: Range;
  physicians: Range;
  assistants: Range;
  tcm: Range;
  nurses: Range;
  publicHealth: Range;
}

/**
 * THC profiles by township role. They are what makes the T5 tiers come out as intended: the two
 * central THCs reach the recommended standard (tier 1), the remote ones the basic standard
 * (tier 2), and the two weak ones are below it and lack a public health physician (tier 3, T3).
 */
const PROFILES: Record<Exclude<TownshipRole, 'county_seat'>, Profile> = {
  sub_center: { central: true, subCenter: true, capability: 'recommended', beds: [99, 130], physicians: [24, 32], assistants: [5, 8], tcm: [4, 6], nurses: [40, 55], publicHealth: [2, 3] },
  city_side: { central: true, subCenter: false, capability: 'recommended', beds: [60, 90], physicians: [18, 25], assistants: [4, 7], tcm: [3, 5], nurses: [28, 40], publicHealth: [2, 3] },
  river: { central: false, subCenter: false, capability: 'basic', beds: [35, 50], physicians: [10, 14], assistants: [3, 5], tcm: [2, 3], nurses: [15, 22], publicHealth: [1, 2] },
  remote: { central: false, subCenter: false, capability: 'basic', beds: [30, 45], physicians: [8, 12], assistants: [3, 5], tcm: [1, 2], nurses: [12, 18], publicHealth: [1, 1] },
  mountain: { central: false, subCenter: false, capability: 'basic', beds: [20, 35], physicians: [7, 10], assistants: [2, 4], tcm: [1, 2], nurses: [9, 14], publicHealth: [1, 1] },
  mountain_weak: { central: false, subCenter: false, capability: 'below_basic', beds: [10, 20], physicians: [3, 5], assistants: [1, 3], tcm: [0, 1], nurses: [4, 8], publicHealth: [0, 0] },
  weak: { central: false, subCenter: false, capability: 'below_basic', beds: [15, 25], physicians: [4, 6], assistants: [2, 3], tcm: [0, 1], nurses: [5, 9], publicHealth: [0, 0] },
};

// The 优质服务基层行 capability standard applies to primary institutions (THCs, community centers), not to hospitals.
const offset = (p: P, dx: number, dy: number): P => [p[0] + dx, p[1] + dy];

function base(code: string, name: string, level: FacilityLevel, townshipCode: string | null, p: P): FacilityDraft {
  return {
    code, name, level, townshipCode, villageCode: null, capability: null, isCentralThc: false, isPlannedSubCenter: false,
    beds: 0, physicians: 0, assistantPhysicians: 0, villageDoctors: 0, tcmPhysicians: 0, nurses: 0, publicHealthPhysicians: 0, p,
  };
}

/** County-level and city facilities, the community health center and the THCs. */
export function institutions(places: CountyPlaces, rng: Rng): FacilityDraft[] {
  const seatTown = places.townships.find((t) => t.role === 'county_seat')!;
  const cs = places.countySeat;
  const out: FacilityDraft[] = [
    { ...base(CODES.countyHospital, '示例县人民医院', 'county_hospital', seatTown.code, offset(cs, 0.3, 0.25)), beds: 560, physicians: 196, assistantPhysicians: 12, tcmPhysicians: 18, nurses: 312, publicHealthPhysicians: 4 },
    { ...base(CODES.tcmHospital, '示例县中医医院', 'county_tcm_hospital', seatTown.code, offset(cs, -0.45, 0.2)), beds: 300, physicians: 104, assistantPhysicians: 6, tcmPhysicians: 61, nurses: 150, publicHealthPhysicians: 2 },
    { ...base(CODES.cityHospital, '示例市第二人民医院', 'city_hospital', null, offset(places.city, 0.2, 0.1)), beds: 680, physicians: 238, assistantPhysicians: 8, tcmPhysicians: 21, nurses: 380, publicHealthPhysicians: 5 },
    { ...base(`CHC-${seatTown.code}`, '城关镇社区卫生服务中心', 'community_hc', seatTown.code, offset(cs, 0.1, 0.45)), capability: 'basic', beds: 30, physicians: 14, assistantPhysicians: 4, tcmPhysicians: 3, nurses: 18, publicHealthPhysicians: 2 },
  ];
  for (const t of places.townships) {
    if (t.role === 'county_seat') continue;
    const pr = PROFILES[t.role];
    const r = (x: Range): number => rng.int(x[0], x[1]);
    const a = rng.range(0, 2 * Math.PI);
    out.push({
      ...base(`THC-${t.code}`, `${t.name}${pr.central ? '中心卫生院' : '卫生院'}`, 'township_hc', t.code, offset(t.seat, 0.15 * Math.cos(a), 0.15 * Math.sin(a))),
      capability: pr.capability, isCentralThc: pr.central, isPlannedSubCenter: pr.subCenter,
      beds: r(pr.beds), physicians: r(pr.physicians), assistantPhysicians: r(pr.assistants), tcmPhysicians: r(pr.tcm), nurses: r(pr.nurses), publicHealthPhysicians: r(pr.publicHealth),
    });
  }
  return out;
}

/** Realistic mix of clinic staffing for a clinic whose highest qualification is `q`. */
export function villageClinic(village: { code: string; name: string; townshipCode: string; p: P }, q: DoctorQualification, rng: Rng): FacilityDraft {
  const a = rng.range(0, 2 * Math.PI);
  const d = rng.range(0.05, 0.15);
  const f = base(`VC-${village.code}`, `${village.name}卫生室`, 'village_clinic', village.townshipCode, offset(village.p, d * Math.cos(a), d * Math.sin(a)));
  f.villageCode = village.code;
  f.nurses = rng.chance(0.25) ? 1 : 0;
  if (q === 'licensed_physician') {
    f.physicians = 1;
    f.villageDoctors = rng.int(0, 2);
  } else if (q === 'assistant_physician') {
    f.assistantPhysicians = 1;
    f.villageDoctors = rng.int(0, 2);
  } else if (q === 'village_doctor') {
    f.villageDoctors = rng.int(1, 3);
  }
  return f;
}

/** The usual qualification mix of staffed clinics: most run by village doctors only. */
export function drawQualification(rng: Rng): DoctorQualification {
  const r = rng.next();
  return r < 0.12 ? 'licensed_physician' : r < 0.3 ? 'assistant_physician' : 'village_doctor';
}
