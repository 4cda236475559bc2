/** THC support tiers (T5), supporting hospitals (T6) and what each THC needs (T1, T2, T3, T7). */
import type { ThcTier } from '../../domain/planning.js';
import type { PlanningInput } from './types.js';

export function rankThcs(_input: PlanningInput): ThcTier[] {
  throw new Error('rankThcs: not implemented yet');
}
