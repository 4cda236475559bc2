/** The figures two scenarios are compared on. */
import type { PlanningDocument, ProposalDecision, ScenarioSummary } from '../../domain/planning.js';
import type { CoverageTotals, VillageCoverage } from '../coverage.js';

export interface SummaryInput {
  scenarioId: number;
  name: string;
  coverage: { villages: readonly Pick<VillageCoverage, 'code' | 'blank' | 'population' | 'beyond'>[]; county: CoverageTotals };
  planning: PlanningDocument;
  decisions: readonly ProposalDecision[];
}

export function summarizeScenario(_input: SummaryInput): ScenarioSummary {
  throw new Error('summarizeScenario: not implemented yet');
}
