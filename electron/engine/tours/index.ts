/**
 * Tour planning for a project: from the proposals (and the planner's decisions) to the weekly
 * plan of every THC (V1, V2), the county hospital's backfilled tours (V5) and the higher-level
 * tours over a month and a quarter (H1, H2), over the road network of the analysis mode.
 */
import type { ProposalDecision, PlanningDocument } from '../../domain/planning.js';
import type { TourConfig, TourPlanDocument } from '../../domain/tours.js';
import type { AnalysisInput } from '../analysis.js';
import type { ProgressSink } from '../graph-types.js';

export interface TourPlanningInput {
  /** The scenario's analysis input (its facilities and roads; `planning` is not read). */
  analysis: AnalysisInput;
  /** The proposals of that input (which villages are toured, how often, by which THC). */
  planning: PlanningDocument;
  /** The planner's decisions on them (overrides to or from 'tour' count). */
  decisions: readonly ProposalDecision[];
  /** Stored set-up per THC and village; missing entries take the rules-table defaults. */
  config: TourConfig;
  seed?: number;
}

export function runTourPlanning(_input: TourPlanningInput, _opts: { signal?: AbortSignal; progress?: ProgressSink } = {}): TourPlanDocument {
  throw new Error('runTourPlanning: not implemented yet');
}
