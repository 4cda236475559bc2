/** What a THC needs from above (T1, T2, T3, T7), net of what the roster already posts to it. */
import type { ThcNeed } from '../../domain/planning.js';
import type { RuleValues } from '../../domain/rules.js';
import type { Facility, FacilityLevel } from '../../domain/types.js';
import type { RuleReader } from '../rule-values.js';
import { minConcurrent, termAtLeast } from './posting-dates.js';
import { COUNTY_OR_ABOVE, personCount, professionIs, titleAtLeast, titleRule, type RosterEntry } from './roster-view.js';

/** T1: county hospital technical staff a below-basic THC needs (documented constant: one, for its first specialty department). */
export const T1_COUNTY_STAFF = 1;
/** T2: professions of sub-center postings (emergency, surgery). */
export const T2_PROFESSIONS = ['急诊', '外科', 'emergency', 'surg'];
/** T3: profession of a posted public health physician. */
export const T3_PROFESSIONS = ['公共卫生', 'public health'];
/** T1: county hospitals (the medical community's) as senders. */
const COUNTY_HOSPITALS: readonly FacilityLevel[] = ['county_hospital', 'county_tcm_hospital'];

export interface NeedContext {
  thc: Facility;
  /** Roster entries of the roster year posted to this THC. */
  entries: readonly RosterEntry[];
  facilities: ReadonlyMap<string, Facility>;
  year: number | null;
  rules: RuleReader;
  values: RuleValues;
}

/** Whether the sender is a project facility of one of `levels` (senders outside the project, e.g. the CDC, are not). */
const sentBy = (c: NeedContext, e: RosterEntry, levels: readonly FacilityLevel[]): boolean => {
  const f = c.facilities.get(e.posting.fromInstitution);
  return f !== undefined && levels.includes(f.level);
};

/** T1 below basic: county hospital staff posted (intermediate title or above per T4, at least T4 months). */
export function t1Need(c: NeedContext): ThcNeed | null {
  if (c.thc.capability !== 'below_basic') return null;
  const minTitle = titleRule(c.values, 'T4.county_posting_min_title', c.rules.used);
  const minMonths = c.rules.number('T4.county_posting_min_months');
  const posted = personCount(c.entries.filter((e) => sentBy(c, e, COUNTY_HOSPITALS) && titleAtLeast(e.posting.titleLevel, minTitle) && termAtLeast(e.term, minMonths)));
  return { code: 't1_county_staff', rule: 'T1', gap: Math.max(0, T1_COUNTY_STAFF - posted), params: { required: T1_COUNTY_STAFF, posted } };
}

/** T2 planned sub-center: county-level-or-above emergency or surgery staff posted in the roster year. */
export function t2Need(c: NeedContext): ThcNeed | null {
  if (!c.thc.isPlannedSubCenter && c.thc.level !== 'sub_center') return null;
  const posted = personCount(c.entries.filter((e) => sentBy(c, e, COUNTY_OR_ABOVE) && professionIs(e.posting.profession, T2_PROFESSIONS)));
  return { code: 't2_sub_center_staff', rule: 'T2', gap: posted > 0 ? 0 : 1, params: { posted } };
}

/**
 * T3 public health physicians: the shortfall below T3.public_health_physicians_min, less the public
 * health physicians posted to the THC at every moment of the roster year (a posting for half the
 * year leaves it without one for the other half; two consecutive half-year postings cover it).
 */
export function t3Need(c: NeedContext): ThcNeed {
  const required = c.rules.number('T3.public_health_physicians_min');
  const present = Math.max(0, c.thc.publicHealthPhysicians || 0);
  const terms = c.entries.filter((e) => professionIs(e.posting.profession, T3_PROFESSIONS)).map((e) => e.term);
  const posted = c.year === null ? 0 : minConcurrent(terms, c.year);
  return { code: 't3_public_health', rule: 'T3.public_health_physicians_min', gap: Math.max(0, required - present - posted), params: { required, present, posted } };
}

/** T7 posted physicians: distinct persons of title >= T7.posting_min_title with a term of >= T7.posting_min_months. */
export function t7Qualified(entries: readonly RosterEntry[], rules: RuleReader, values: RuleValues): number {
  const minTitle = titleRule(values, 'T7.posting_min_title', rules.used);
  const minMonths = rules.number('T7.posting_min_months');
  return personCount(entries.filter((e) => titleAtLeast(e.posting.titleLevel, minTitle) && termAtLeast(e.term, minMonths)));
}

export function t7Need(c: NeedContext): { need: ThcNeed; required: number; posted: number } {
  const required = c.rules.number('T7.posted_physicians_per_thc');
  const posted = t7Qualified(c.entries, c.rules, c.values);
  const months = c.rules.number('T7.posting_min_months');
  return { need: { code: 't7_posting', rule: 'T7.posted_physicians_per_thc', gap: Math.max(0, required - posted), params: { required, posted, months } }, required, posted };
}
