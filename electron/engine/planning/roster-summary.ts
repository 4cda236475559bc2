/** Roster figures (people, postings, months) and the P3 subsidy. */
import type { RosterSummary } from '../../domain/planning.js';
import type { RuleReader } from '../rule-values.js';
import { monthsInYear } from './posting-dates.js';
import { halfReleaseShare } from './roster-posts.js';
import type { RosterEntry } from './roster-view.js';

/**
 * P3: postings to THCs (and sub-centers) and to villages of the county earn the subsidy per
 * person-year; community centers (urban) and other institutions earn none from this fund.
 */
export const subsidised = (e: RosterEntry): boolean => e.receiver === 'thc' || e.receiver === 'village';

export function rosterSummary(entries: readonly RosterEntry[], year: number | null, rules: RuleReader): RosterSummary {
  const months = (e: RosterEntry): number => (year === null ? 0 : monthsInYear(e.term, year));
  const personMonths = entries.reduce((s, e) => s + months(e), 0);
  const subsidisedMonths = entries.filter(subsidised).reduce((s, e) => s + months(e), 0);
  // P3 subsidy per person-year
  const rate = rules.number('P3.subsidy_per_person_year');
  return {
    people: new Set(entries.map((e) => e.posting.person)).size,
    postings: entries.length,
    halfReleaseShare: halfReleaseShare(entries).share,
    personMonths: Math.round(personMonths * 10) / 10,
    subsidyCny: Math.round((subsidisedMonths / 12) * rate),
    institutionsCovered: new Set(entries.flatMap((e) => (e.posting.toInstitution !== null ? [e.posting.toInstitution] : []))).size,
  };
}
