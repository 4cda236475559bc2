/**
 * Bad roster input (not a rule breach): dates that are not dates, a term that ends before it
 * starts, a receiving institution or village that is not in the project, a posting with nowhere
 * to go, days a week outside 1-7. Senders outside the project (the CDC, a city hospital of another
 * project) are normal and not reported.
 */
import type { InputProblem, RosterIssue } from '../../domain/planning.js';
import type { Facility, Posting } from '../../domain/types.js';
import { dayOf } from './posting-dates.js';

type Found = { code: string; params: Record<string, string | number> };

function inputFaults(p: Posting, facilities: ReadonlyMap<string, Facility>, villages: ReadonlySet<string>): Found[] {
  const out: Found[] = [];
  const start = dayOf(p.startDate);
  const end = dayOf(p.endDate);
  if (start === null) out.push({ code: 'invalid_date', params: { field: 'startDate', value: p.startDate } });
  if (end === null) out.push({ code: 'invalid_date', params: { field: 'endDate', value: p.endDate } });
  if (start !== null && end !== null && end < start) out.push({ code: 'end_before_start', params: { start: p.startDate, end: p.endDate } });
  if (p.toInstitution === null && p.toVillage === null) out.push({ code: 'no_destination', params: {} });
  if (p.toInstitution !== null && !facilities.has(p.toInstitution)) out.push({ code: 'unknown_institution', params: { code: p.toInstitution } });
  if (p.toInstitution === null && p.toVillage !== null && !villages.has(p.toVillage)) out.push({ code: 'unknown_village', params: { code: p.toVillage } });
  if (!(Number.isFinite(p.daysPerWeek) && p.daysPerWeek > 0 && p.daysPerWeek <= 7)) out.push({ code: 'invalid_days_per_week', params: { days: String(p.daysPerWeek) } });
  return out;
}

/** Problems and matching error issues per bad posting, and the ids of the postings that have any. */
export function checkInput(postings: readonly Posting[], facilities: ReadonlyMap<string, Facility>, villages: ReadonlySet<string>): { problems: InputProblem[]; issues: RosterIssue[]; bad: Set<number> } {
  const problems: InputProblem[] = [];
  const issues: RosterIssue[] = [];
  const bad = new Set<number>();
  for (const p of postings) {
    for (const f of inputFaults(p, facilities, villages)) {
      const params = { id: p.id, person: p.person, ...f.params };
      bad.add(p.id);
      problems.push({ kind: 'posting', ref: String(p.id), code: f.code, params });
      issues.push({ postingId: p.id, person: p.person, institution: p.toInstitution, code: f.code, rule: 'input', severity: 'error', params });
    }
  }
  return { problems, issues, bad };
}
