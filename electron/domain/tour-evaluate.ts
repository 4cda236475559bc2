/**
 * Re-checking a weekly tour plan after a hand edit, without the engine: times of every stop,
 * travel of every team-day, totals and the rule checks (frequency, spacing, allowed days, working
 * time, travel limit), from the plan's own travel-time matrix. Pure.
 */
import type { Session, ThcWeekPlan, Weekday } from './tours.js';

export interface SessionSlot {
  team: number;
  day: Weekday;
  session: Session;
}

/** The plan with its stops' times, day totals, week totals and issues recomputed from `days`. */
export function evaluateWeekPlan(_plan: ThcWeekPlan): ThcWeekPlan {
  throw new Error('evaluateWeekPlan: not implemented yet');
}

/** Moves the visit in `from` to `to` (swapping with the visit there, if any) and re-evaluates. */
export function moveStop(_plan: ThcWeekPlan, _from: SessionSlot, _to: SessionSlot): ThcWeekPlan {
  throw new Error('moveStop: not implemented yet');
}
