/**
 * Institutions the roster leaves short: a THC without a qualified posted physician (T7), a
 * community center without enough city staff present at the same time (T8). Warnings: they are
 * missing postings, counted as gaps in the staff needs, not broken postings.
 */
import type { RosterIssue } from '../../domain/planning.js';
import type { RuleValues } from '../../domain/rules.js';
import type { Facility } from '../../domain/types.js';
import type { RuleReader } from '../rule-values.js';
import { minConcurrent } from './posting-dates.js';
import { isThc, titleAtLeast, titleRule, type RosterEntry } from './roster-view.js';
import { t7Qualified } from './tier-needs.js';

const warning = (f: Facility, code: string, rule: string, params: Record<string, string | number>): RosterIssue => ({
  postingId: null,
  person: null,
  institution: f.code,
  code,
  rule,
  severity: 'warning',
  params: { code: f.code, name: f.name, ...params },
});

/** T7 every THC has at least T7.posted_physicians_per_thc qualified posted physicians. */
export function checkThcsCovered(facilities: readonly Facility[], entries: readonly RosterEntry[], rules: RuleReader, values: RuleValues): RosterIssue[] {
  const required = rules.number('T7.posted_physicians_per_thc');
  return facilities.filter(isThc).flatMap((f) => {
    const posted = t7Qualified(entries.filter((e) => e.posting.toInstitution === f.code), rules, values);
    return posted >= required ? [] : [warning(f, 'thc_not_covered', 'T7.posted_physicians_per_thc', { posted, required })];
  });
}

/**
 * T8 community centers: at every moment of the year at least T8.community_resident_staff posted
 * staff of intermediate title or above, each on at least T8.community_days_per_week days a week.
 */
export function checkCommunityStaff(facilities: readonly Facility[], entries: readonly RosterEntry[], year: number | null, rules: RuleReader, values: RuleValues): RosterIssue[] {
  const required = rules.number('T8.community_resident_staff');
  const days = rules.number('T8.community_days_per_week');
  const minTitle = titleRule(values, 'T8.community_min_title', rules.used);
  return facilities
    .filter((f) => f.level === 'community_hc')
    .flatMap((f) => {
      const terms = entries
        .filter((e) => e.posting.toInstitution === f.code && e.posting.daysPerWeek >= days && titleAtLeast(e.posting.titleLevel, minTitle))
        .map((e) => e.term);
      const staff = year === null ? 0 : minConcurrent(terms, year);
      return staff >= required ? [] : [warning(f, 'community_staff', 'T8.community_resident_staff', { staff, required, days })];
    });
}
