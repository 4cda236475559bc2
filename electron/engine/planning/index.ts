/**
 * The planning engine: from a coverage result, the roster and the rules, proposes how every
 * village is served (V1-V6), which villages merge (V4), who backfills (V5), the THC tiers and
 * supporting hospitals (T1-T7) and the roster's rule breaches (P1-P4, T4, T7, T8). Pure.
 */
import type { PlanningDocument } from '../../domain/planning.js';
import { checkRoster } from './roster.js';
import { rankThcs, tierProblems } from './tiers.js';
import type { PlanningInput } from './types.js';
import { planVillages } from './villages.js';

export type { PlanningInput, TravelOracle } from './types.js';
export { summarizeScenario, type SummaryInput } from './summary.js';

export function runPlanning(input: PlanningInput): PlanningDocument {
  const villages = planVillages(input);
  const thcs = rankThcs(input);
  const roster = checkRoster(input);
  return {
    mode: input.mode,
    rulesUsed: { ...input.rules },
    villages: villages.villages,
    merges: villages.merges,
    capacity: villages.capacity,
    thcs,
    roster: { issues: roster.issues, summary: roster.summary },
    problems: [...villages.problems, ...tierProblems(thcs), ...roster.problems],
  };
}
