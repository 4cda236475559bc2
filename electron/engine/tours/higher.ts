/** Higher-level tours (H1, H2): county hospital → THCs over a quarter, THC → its villages over a month. */
import type { HigherLevelPlan, PlanPoint } from '../../domain/tours.js';
import type { RuleValues } from '../../domain/rules.js';

export interface HigherInput {
  kind: HigherLevelPlan['kind'];
  depot: PlanPoint;
  /** The places to visit once in the period (THCs, or the THC's villages). */
  stops: PlanPoint[];
  /** Travel minutes between [depot, ...stops], row-major (Infinity: unreachable). */
  minutes: Float64Array;
  km: Float64Array | null;
  /** On-site minutes per stop. */
  serviceMinutes: number;
  /** Working days in the period, hours per day, departure time, travel limit per day. */
  workingDays: number;
  hoursPerDay: number;
  dayStart: number;
  maxTravelMinutesPerDay: number;
  rules: RuleValues;
  seed?: number;
}

export function planHigherLevel(_input: HigherInput): HigherLevelPlan {
  throw new Error('planHigherLevel: not implemented yet');
}
