/** Posting roster compliance (P1-P4, T4, T7, T8). */
import type { InputProblem, RosterIssue, RosterSummary } from '../../domain/planning.js';
import type { PlanningInput } from './types.js';

export function checkRoster(_input: PlanningInput): { issues: RosterIssue[]; summary: RosterSummary; problems: InputProblem[] } {
  throw new Error('checkRoster: not implemented yet');
}
