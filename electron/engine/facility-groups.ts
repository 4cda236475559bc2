/**
 * Facility groups of the coverage analysis and the per-village facts that come from facility
 * records alone (blank villages, 空白村).
 */
import type { Facility, FacilityLevel, Village } from '../domain/types.js';
import type { FacilityGroup } from './graph-types.js';

export const FACILITY_GROUPS: readonly FacilityGroup[] = ['clinic', 'thc', 'county'];

const GROUP_OF: Record<FacilityLevel, FacilityGroup> = {
  village_clinic: 'clinic',
  township_hc: 'thc',
  community_hc: 'thc',
  sub_center: 'thc',
  county_hospital: 'county',
  county_tcm_hospital: 'county',
  city_hospital: 'county',
};

export function facilityGroup(level: FacilityLevel): FacilityGroup | null {
  return GROUP_OF[level] ?? null;
}

/** Travel-time standard of each group (X: product defaults, DOMAIN.md "What the seeds do not fix"). */
export const STANDARD_RULE: Record<FacilityGroup, string> = {
  clinic: 'X.clinic_minutes',
  thc: 'X.thc_minutes',
  county: 'X.county_hospital_minutes',
};

/** Qualified doctors at a village clinic: licensed + assistant physicians + village doctors. */
export function clinicDoctors(f: Pick<Facility, 'physicians' | 'assistantPhysicians' | 'villageDoctors'>): number {
  return count(f.physicians) + count(f.assistantPhysicians) + count(f.villageDoctors);
}

const count = (x: number): number => (Number.isFinite(x) && x > 0 ? x : 0);

/**
 * Whether a facility serves as a source of its group. A village clinic without a qualified doctor
 * is not care a patient can travel to (it is what makes its village blank), so it does not count
 * as the nearest clinic of anyone; every other facility of a group does.
 */
export function isGroupSource(f: Facility): boolean {
  if (f.level === 'village_clinic') return clinicDoctors(f) > 0;
  return facilityGroup(f.level) !== null;
}

/**
 * Supply of a facility in the floating-catchment access scores: qualified clinic doctors for
 * village clinics, licensed physicians for THCs (and community centers, sub-centers).
 */
export function accessSupply(f: Facility, group: FacilityGroup): number {
  return group === 'clinic' ? clinicDoctors(f) : count(f.physicians);
}

export type BlankReason = 'no_clinic' | 'no_qualified_doctor';

/**
 * 空白村 (DOMAIN.md glossary): no village clinic with this village's code, or none of its clinics
 * has a qualified doctor. Returns the reason per village, null when the village is covered.
 */
export function blankReasons(villages: readonly Village[], facilities: readonly Facility[]): (BlankReason | null)[] {
  const doctors = new Map<string, number>();
  for (const f of facilities) {
    if (f.level !== 'village_clinic' || !f.villageCode) continue;
    doctors.set(f.villageCode, (doctors.get(f.villageCode) ?? 0) + clinicDoctors(f));
  }
  return villages.map((v) => {
    const d = doctors.get(v.code);
    if (d === undefined) return 'no_clinic';
    return d > 0 ? null : 'no_qualified_doctor';
  });
}
