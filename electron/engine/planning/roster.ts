/** Posting roster compliance (P1-P4, T4, T7, T8). */
import type { InputProblem, RosterIssue, RosterSummary } from '../../domain/planning.js';
import { RuleReader } from '../rule-values.js';
import { checkCommunityStaff, checkThcsCovered } from './roster-coverage.js';
import { checkInput } from './roster-input.js';
import { checkPostings } from './roster-postings.js';
import { checkHalfReleaseShare, checkPeoplePerPost } from './roster-posts.js';
import { rosterSummary } from './roster-summary.js';
import { checkedYear, facilityIndex, rosterEntries } from './roster-view.js';
import type { PlanningInput } from './types.js';

/**
 * Checks the postings in force in the roster year (input.year, else the year most postings start
 * in). Bad postings are reported (problem + error issue) and left out of every other check.
 */
export function checkRoster(input: PlanningInput): { issues: RosterIssue[]; summary: RosterSummary; problems: InputProblem[] } {
  const rules = new RuleReader(input.rules);
  const facilities = facilityIndex(input.facilities);
  const bad = checkInput(input.postings, facilities, new Set(input.villages.map((v) => v.code)));
  const good = input.postings.filter((p) => !bad.bad.has(p.id));
  const year = checkedYear(input.postings, input.year);
  const entries = rosterEntries(good, facilities, year);
  const issues = [
    ...bad.issues,
    ...checkPostings(entries, rules, input.rules),
    ...checkPeoplePerPost(entries, rules),
    ...checkHalfReleaseShare(entries, rules),
    ...checkThcsCovered(input.facilities, entries, rules, input.rules),
    ...checkCommunityStaff(input.facilities, entries, year, rules, input.rules),
  ];
  return { issues, summary: rosterSummary(entries, year, rules), problems: bad.problems };
}
