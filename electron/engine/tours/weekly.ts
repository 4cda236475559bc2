/** The periodic weekly tour plan of one THC (V1, V2): visits → team, day, session; routes per team-day. */
import type { PlanPoint, ThcTourConfig, ThcWeekPlan, TourDemand } from '../../domain/tours.js';
import type { RuleValues } from '../../domain/rules.js';

export interface WeekInput {
  /** The THC: the depot, point 0. */
  depot: PlanPoint;
  config: ThcTourConfig;
  /** Venues to tour (points 1..n in this order). */
  demands: TourDemand[];
  /** Their locations, same order as `demands`. */
  locations: PlanPoint[];
  /** Travel minutes between [depot, ...demands], row-major (Infinity: unreachable). */
  minutes: Float64Array;
  /** Kilometres, same layout, or null. */
  km: Float64Array | null;
  rules: RuleValues;
  seed?: number;
}

export function planWeek(_input: WeekInput): ThcWeekPlan {
  throw new Error('planWeek: not implemented yet');
}
