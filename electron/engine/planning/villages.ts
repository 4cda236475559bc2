/** Service mode per village (V1-V6), merges (V4) and THC capacity (V5). */
import type { InputProblem, MergeProposal, ThcCapacity, VillageProposal } from '../../domain/planning.js';
import type { PlanningInput } from './types.js';

export function planVillages(_input: PlanningInput): { villages: VillageProposal[]; merges: MergeProposal[]; capacity: ThcCapacity[]; problems: InputProblem[] } {
  throw new Error('planVillages: not implemented yet');
}
