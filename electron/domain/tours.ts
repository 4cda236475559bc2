/**
 * Tour plans (巡诊排班) as plain data: the weekly half-day tours of THC teams to the villages the
 * proposals tour (V1, V2), the higher-level tours over a month or a quarter (H1, H2), and what a
 * planner configures (teams, working days, hours, allowed days, central venues).
 *
 * Times of day are minutes since midnight; travel times are minutes over the road network of the
 * plan's travel mode. A plan carries the travel-time matrix between its points so that the
 * renderer can re-check a hand edit (evaluateWeekPlan in tour-evaluate.ts) without the engine.
 */
import type { LngLat } from './types.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The two half-day sessions of a working day. */
export const SESSIONS = ['am', 'pm'] as const;
export type Session = (typeof SESSIONS)[number];

/** A THC's touring set-up (defaults from the rules table when the project has none stored). */
export interface ThcTourConfig {
  thcCode: string;
  /** Touring teams (V1: clinical and TCM physician, nurse, public health worker, auxiliary). */
  teams: number;
  workingDays: Weekday[];
  /** Working time of a team day, travel included. */
  hoursPerDay: number;
  /** On-site time of one visit (V1: at least half a day). */
  sessionHours: number;
  /** Travel a team may do in one day. */
  maxTravelMinutesPerDay: number;
  /** Departure from the THC, minutes since midnight. */
  dayStart: number;
}

/** Per-village limits: the days a village can be toured (market days, farming season) and its venue. */
export interface VillageTourConstraint {
  villageCode: string;
  /** Null: any working day of its THC. */
  allowedDays: Weekday[] | null;
  /** Village code of a central venue where this village is served together with others, or null. */
  venueCode: string | null;
}

export interface TourConfig {
  thcs: ThcTourConfig[];
  villages: VillageTourConstraint[];
}

/** One village (or venue of several villages) a THC must tour, and how often. */
export interface TourDemand {
  /** Code of the venue (a village code): the stop a team drives to. */
  venueCode: string;
  /** The villages served at that stop. */
  villageCodes: string[];
  names: string[];
  visitsPerWeek: number;
  population: number;
  allowedDays: Weekday[] | null;
}

/** A point of a plan: index 0 is the depot (THC or county hospital), then the venues. */
export interface PlanPoint {
  code: string;
  name: string;
  location: LngLat;
}

export interface TourStop {
  venueCode: string;
  villageCodes: string[];
  session: Session;
  /** Arrival and departure, minutes since midnight. */
  arrive: number;
  depart: number;
  /** Travel from the previous point (the depot for the first stop). */
  travelMinutes: number;
  travelKm: number | null;
}

/** One team's working day: its stops in route order (at most one per session). */
export interface TeamDay {
  team: number;
  day: Weekday;
  stops: TourStop[];
  /** Leaving the depot, back at the depot (minutes since midnight). */
  start: number;
  end: number;
  /** Travel of the whole day, back to the depot included. */
  travelMinutes: number;
  travelKm: number | null;
}

export type TourIssueSeverity = 'error' | 'warning';

/** An infeasibility or breach, with its reason (i18n code under `tourIssues.`). */
export interface TourIssue {
  code: string;
  severity: TourIssueSeverity;
  /** Depot (THC / county hospital) code. */
  depotCode: string;
  villageCode: string | null;
  team: number | null;
  day: Weekday | null;
  rule: string | null;
  params: Record<string, string | number>;
}

export interface WeekTotals {
  visitsRequired: number;
  visitsPlanned: number;
  travelMinutes: number;
  travelKm: number | null;
  teamDaysUsed: number;
  /** Team-days more the week would need to hold every required visit (0 when it fits). */
  extraTeamDaysNeeded: number;
}

export interface ThcWeekPlan {
  thcCode: string;
  name: string;
  config: ThcTourConfig;
  demands: TourDemand[];
  /** Depot first, then one point per demand (same order as `demands`). */
  points: PlanPoint[];
  /** Minutes between points, row-major (points × points); null when unreachable. */
  matrix: (number | null)[];
  /** Kilometres between points, same layout; null when unknown. */
  km: (number | null)[] | null;
  /** One entry per team × working day (days without stops included). */
  days: TeamDay[];
  totals: WeekTotals;
  /** Venues that cannot be fitted and need county backfill (V5) instead of being dropped. */
  backfill: string[];
  issues: TourIssue[];
}

/** H1/H2: county hospital → THCs over a quarter, THC → all its villages over a month. */
export interface HigherLevelPlan {
  kind: 'county_to_thc' | 'thc_to_village';
  depotCode: string;
  depotName: string;
  period: 'quarter' | 'month';
  /** Working days available in the period. */
  workingDays: number;
  points: PlanPoint[];
  /** Route days in order; `index` counts working days from 1. */
  days: { index: number; stops: TourStop[]; travelMinutes: number; travelKm: number | null }[];
  totals: { stops: number; travelMinutes: number; travelKm: number | null; daysUsed: number };
  issues: TourIssue[];
}

export interface TourPlanDocument {
  mode: string;
  rulesUsed: Record<string, number | string>;
  week: ThcWeekPlan[];
  higher: HigherLevelPlan[];
  computedAt: string | null;
}

/** "08:00" ↔ 480. */
export function formatClock(minutes: number): string {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  return `${String(h).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function parseClock(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}
