/**
 * V5 county backfill: whether a THC can run the tours and postings its villages need, and which
 * of them the county hospital takes over when it cannot.
 */
import type { Facility } from '../../domain/types.js';

/** THCs that tour and post to villages (the levels a village can be "responsible" to). */
export function isResponsibleThc(f: Facility): boolean {
  return f.level === 'township_hc' || f.level === 'sub_center';
}

/** Outreach physician-days per week: licensed + assistant physicians × working days × outreach share (V5). */
export function thcCapacityDays(f: Facility, workingDaysPerWeek: number, outreachSharePercent: number): number {
  const staff = count(f.physicians) + count(f.assistantPhysicians);
  return (staff * workingDaysPerWeek * outreachSharePercent) / 100;
}

const count = (x: number): number => (Number.isFinite(x) && x > 0 ? x : 0);

/** A half-day session is half a physician-day (DOMAIN.md: a working day holds two half-day sessions). */
export const TOUR_VISIT_DAYS = 0.5;

export interface ServiceDemand {
  /** Caller's id of the village. */
  id: number;
  kind: 'tour' | 'posting';
  /** Physician-days per week it needs. */
  days: number;
  population: number;
  code: string;
}

/**
 * What fits into a THC's capacity: postings first (a posting is the heavier, longer commitment to
 * the larger villages), then tours, each by population descending (ties by code); first fit, so a
 * smaller demand further down may still fit after a larger one did not. Returns the ids that do
 * not fit (county backfill, V5).
 */
export function allocateCapacity(demands: readonly ServiceDemand[], capacityDays: number): Set<number> {
  const order = demands.slice().sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === 'posting' ? -1 : 1;
    if (a.population !== b.population) return b.population - a.population;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
  const overflow = new Set<number>();
  let used = 0;
  for (const d of order) {
    // A tiny tolerance: capacity exactly full is full, not over.
    if (used + d.days <= capacityDays + 1e-9) used += d.days;
    else overflow.add(d.id);
  }
  return overflow;
}
