/**
 * Rule checks of single postings: half-release days (P2), term length (T4/T7 to THCs, V3 to
 * villages, P2 otherwise), titles (T4/T7 to THCs, T8 to community centers), community center
 * days (T8).
 */
import { TITLE_RANK, type RosterIssue } from '../../domain/planning.js';
import type { RuleValues } from '../../domain/rules.js';
import type { TitleLevel } from '../../domain/types.js';
import type { RuleReader } from '../rule-values.js';
import { monthsBetween, termAtLeast } from './posting-dates.js';
import { titleAtLeast, titleRule, type RosterEntry } from './roster-view.js';


const round1 = (x: number): number => Math.round(x * 10) / 10;

function issue(e: RosterEntry, code: string, rule: string, params: Record<string, string | number>): RosterIssue {
  const p = e.posting;
  return { postingId: p.id, person: p.person, institution: p.toInstitution, code, rule, severity: 'error', params: { id: p.id, person: p.person, to: e.receiverCode, ...params } };
}

/** P2 half-release: on at least P2.half_release_min_days_per_week days a week. */
function halfReleaseDays(e: RosterEntry, rules: RuleReader): RosterIssue[] {
  const min = rules.number('P2.half_release_min_days_per_week');
  return e.posting.release === 'half' && e.posting.daysPerWeek < min ? [issue(e, 'half_release_days', 'P2.half_release_min_days_per_week', { days: e.posting.daysPerWeek, min })] : [];
}

/** Minimum term and the rule that sets it, per kind of receiver. */
function minTerm(e: RosterEntry, rules: RuleReader): { months: number; rule: string } {
  if (e.receiver === 'thc') {
    // T4 county staff to a township / T7 posting period: the stricter of the two
    const t4 = rules.number('T4.county_posting_min_months');
    const t7 = rules.number('T7.posting_min_months');
    return t7 > t4 ? { months: t7, rule: 'T7.posting_min_months' } : { months: t4, rule: 'T4.county_posting_min_months' };
  }
  // V3 posting in a village: consecutive months in the same village
  if (e.receiver === 'village') return { months: rules.number('V3.posting_min_months'), rule: 'V3.posting_min_months' };
  // P2 one year per post, rotated between at most P2.max_people_per_post_year people: each stays term ÷ people
  return { months: rules.number('P2.post_term_months') / Math.max(1, rules.number('P2.max_people_per_post_year')), rule: 'P2.post_term_months' };
}

function termTooShort(e: RosterEntry, rules: RuleReader): RosterIssue[] {
  const min = minTerm(e, rules);
  return termAtLeast(e.term, min.months) ? [] : [issue(e, 'term_too_short', min.rule, { months: round1(monthsBetween(e.term[0], e.term[1])), min: round1(min.months) })];
}

/** T4 (and T7) titles of staff posted to THCs; T8 titles of staff posted to community centers. */
function titleBelow(e: RosterEntry, rules: RuleReader, values: RuleValues): RosterIssue[] {
  let min: TitleLevel;
  let rule: string;
  if (e.receiver === 'thc') {
    const t4 = titleRule(values, 'T4.county_posting_min_title', rules.used);
    const t7 = titleRule(values, 'T7.posting_min_title', rules.used);
    [min, rule] = TITLE_RANK[t7] > TITLE_RANK[t4] ? [t7, 'T7.posting_min_title'] : [t4, 'T4.county_posting_min_title'];
  } else if (e.receiver === 'community') [min, rule] = [titleRule(values, 'T8.community_min_title', rules.used), 'T8.community_min_title'];
  else return [];
  return titleAtLeast(e.posting.titleLevel, min) ? [] : [issue(e, 'title_below', rule, { title: e.posting.titleLevel, minTitle: min })];
}

/** T8 city staff at a community center on at least T8.community_days_per_week days a week. */
function communityDays(e: RosterEntry, rules: RuleReader): RosterIssue[] {
  if (e.receiver !== 'community') return [];
  const min = rules.number('T8.community_days_per_week');
  return e.posting.daysPerWeek < min ? [issue(e, 'community_days', 'T8.community_days_per_week', { days: e.posting.daysPerWeek, min })] : [];
}

export function checkPostings(entries: readonly RosterEntry[], rules: RuleReader, values: RuleValues): RosterIssue[] {
  return entries.flatMap((e) => [...halfReleaseDays(e, rules), ...termTooShort(e, rules), ...titleBelow(e, rules, values), ...communityDays(e, rules)]);
}
