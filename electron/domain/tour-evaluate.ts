/**
 * Re-checking a weekly tour plan after a hand edit, without the engine: times of every stop,
 * travel of every team-day, totals and the rule checks (frequency, spacing, allowed days, working
 * time, travel limit), from the plan's own travel-time matrix. Pure.
 *
 * planWeek ends with evaluateWeekPlan, so the engine and the screen agree on every figure.
 */
import { SESSIONS, WEEKDAYS, type Session, type TeamDay, type ThcWeekPlan, type TourIssue, type TourStop, type Weekday } from './tours.js';

export interface SessionSlot {
  team: number;
  day: Weekday;
  session: Session;
}

/**
 * Issues about the input (reach, team set-up, frequency vs allowed days, capacity) that no hand
 * edit of `days` can change: moveStop never adds or removes a visit, so they are carried over
 * as the planner wrote them; every other issue is recomputed from `days`.
 */
export const INPUT_ISSUE_CODES: ReadonlySet<string> = new Set([
  'unreachable',
  'no_team_days',
  'frequency_too_high',
  'too_far_for_a_day',
  'no_capacity',
  'below_floor',
  'session_too_short',
]);

/** Two weekdays are consecutive when they are next to each other in the week, Sunday→Monday included (the plan repeats weekly). */
export function consecutiveDays(a: Weekday, b: Weekday): boolean {
  const d = Math.abs(WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
  return d === 1 || d === WEEKDAYS.length - 1;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** The plan with its stops' times, day totals, week totals and issues recomputed from `days`. */
export function evaluateWeekPlan(plan: ThcWeekPlan): ThcWeekPlan {
  const { config } = plan;
  const n = plan.points.length;
  const depotCode = plan.thcCode;
  const indexOf = new Map<string, number>();
  for (let i = 1; i < n; i++) if (!indexOf.has(plan.points[i].code)) indexOf.set(plan.points[i].code, i);
  const demandOf = new Map(plan.demands.map((d) => [d.venueCode, d]));
  const nameOf = (code: string): string => demandOf.get(code)?.names.join('、') || plan.points[indexOf.get(code) ?? -1]?.name || code;
  const serviceMin = config.sessionHours * 60;
  const dayLimit = config.hoursPerDay * 60;
  const issues: TourIssue[] = plan.issues.filter((i) => INPUT_ISSUE_CODES.has(i.code));
  const issue = (code: string, severity: TourIssue['severity'], villageCode: string | null, team: number | null, day: Weekday | null, rule: string | null, params: TourIssue['params']): void => {
    issues.push({ code, severity, depotCode, villageCode, team, day, rule, params });
  };
  const leg = (from: number, to: number): { minutes: number; km: number | null; ok: boolean } => {
    const m = from < 0 || to < 0 ? null : plan.matrix[from * n + to];
    const k = plan.km && from >= 0 && to >= 0 ? plan.km[from * n + to] : null;
    return m === null || m === undefined || !Number.isFinite(m) ? { minutes: 0, km: null, ok: false } : { minutes: m, km: k ?? null, ok: true };
  };

  let weekTravel = 0;
  let weekKm: number | null = plan.km ? 0 : null;
  let teamDaysUsed = 0;
  let visitsPlanned = 0;
  const visitDays = new Map<string, Weekday[]>();

  const days: TeamDay[] = sortDays(plan.days).map((td) => {
    const sorted = [...td.stops].sort((a, b) => SESSIONS.indexOf(a.session) - SESSIONS.indexOf(b.session));
    let start = config.dayStart;
    let clock = start;
    let prev = 0;
    let travel = 0;
    let km: number | null = plan.km ? 0 : null;
    const stops: TourStop[] = [];
    for (let s = 0; s < sorted.length; s++) {
      const st = sorted[s];
      const idx = indexOf.get(st.venueCode);
      if (idx === undefined) issue('unknown_venue', 'error', st.venueCode, td.team, td.day, null, { venue: st.venueCode });
      if (s > 0 && sorted[s - 1].session === st.session) issue('session_clash', 'error', st.venueCode, td.team, td.day, null, { team: td.team, day: td.day, session: st.session, name: nameOf(st.venueCode) });
      const l = leg(prev, idx ?? -1);
      if (!l.ok && idx !== undefined) issue('unreachable_leg', 'error', st.venueCode, td.team, td.day, null, { from: prev === 0 ? plan.name : plan.points[prev].name, to: nameOf(st.venueCode) });
      // An afternoon visit starts no earlier than the afternoon half of the day; a lone afternoon
      // visit has the team leave the depot just in time for it.
      const afternoon = config.dayStart + serviceMin;
      const arrive = st.session === 'pm' ? Math.max(clock + l.minutes, afternoon) : clock + l.minutes;
      if (s === 0) start = arrive - l.minutes;
      const depart = arrive + serviceMin; // V1: at least half a day on site
      travel += l.minutes;
      km = km === null || l.km === null ? null : km + l.km;
      stops.push({ ...st, villageCodes: demandOf.get(st.venueCode)?.villageCodes ?? st.villageCodes, arrive, depart, travelMinutes: l.minutes, travelKm: l.km });
      clock = depart;
      prev = idx ?? prev;
      const list = visitDays.get(st.venueCode) ?? [];
      list.push(td.day);
      visitDays.set(st.venueCode, list);
    }
    if (stops.length > 0) {
      const back = leg(prev, 0);
      if (!back.ok) issue('unreachable_leg', 'error', plan.points[prev]?.code ?? null, td.team, td.day, null, { from: plan.points[prev]?.name ?? '', to: plan.name });
      travel += back.minutes;
      km = km === null || back.km === null ? null : km + back.km;
      clock += back.minutes;
      teamDaysUsed++;
      visitsPlanned += stops.length;
    } else km = plan.km ? 0 : null;
    const end = stops.length > 0 ? clock : start;
    if (stops.length > 0 && end - start > dayLimit + 1e-6)
      issue('day_too_long', 'error', null, td.team, td.day, 'X.tour_team_hours_per_day', { team: td.team, day: td.day, minutes: Math.round(end - start), limit: Math.round(dayLimit) });
    if (travel > config.maxTravelMinutesPerDay + 1e-6)
      issue('travel_too_long', 'error', null, td.team, td.day, 'X.tour_max_travel_minutes_per_day', { team: td.team, day: td.day, minutes: Math.round(travel), limit: config.maxTravelMinutesPerDay });
    if (stops.length > SESSIONS.length) issue('too_many_stops', 'error', null, td.team, td.day, null, { team: td.team, day: td.day, stops: stops.length, max: SESSIONS.length });
    weekTravel += travel;
    weekKm = weekKm === null || km === null ? null : weekKm + km;
    return { ...td, stops, start, end, travelMinutes: travel, travelKm: km };
  });

  // Per venue: frequency, one visit a day, allowed and working days, spacing (V1, V2).
  const backfill = new Set(plan.backfill);
  for (const d of plan.demands) {
    const seen = [...(visitDays.get(d.venueCode) ?? [])].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
    const name = d.names.join('、') || d.venueCode;
    const distinct = [...new Set(seen)];
    for (const day of distinct) if (seen.filter((x) => x === day).length > 1) issue('same_day_twice', 'error', d.venueCode, null, day, 'V1.tour_visits_per_week', { name, day });
    for (const day of distinct) {
      if (!config.workingDays.includes(day)) issue('not_working_day', 'error', d.venueCode, null, day, 'X.tour_working_days', { name, day });
      else if (d.allowedDays && !d.allowedDays.includes(day)) issue('day_not_allowed', 'error', d.venueCode, null, day, null, { name, day, allowed: d.allowedDays.join(',') });
    }
    const consecutive = distinct.filter((day, i) => distinct.some((o, j) => j !== i && consecutiveDays(day, o)));
    if (consecutive.length > 0) issue('consecutive_days', 'warning', d.venueCode, null, null, 'V1.tour_visits_per_week', { name, dayList: consecutive.join(',') });
    // Shortfalls of backfill venues are explained by their input issue (V5); anything else is a breach.
    if (seen.length < d.visitsPerWeek && !backfill.has(d.venueCode))
      issue('frequency_not_met', 'error', d.venueCode, null, null, 'V1.tour_visits_per_week', { name, visits: seen.length, required: d.visitsPerWeek });
    if (seen.length > d.visitsPerWeek) issue('too_many_visits', 'warning', d.venueCode, null, null, 'V1.tour_visits_per_week', { name, visits: seen.length, required: d.visitsPerWeek });
  }
  for (const code of visitDays.keys()) if (!demandOf.has(code) && indexOf.has(code)) issue('unknown_venue', 'error', code, null, null, null, { venue: code });

  return {
    ...plan,
    days,
    issues,
    totals: {
      visitsRequired: plan.demands.reduce((s, d) => s + d.visitsPerWeek, 0),
      visitsPlanned,
      travelMinutes: round1(weekTravel),
      travelKm: weekKm === null ? null : round1(weekKm),
      teamDaysUsed,
      // Unchanged by a hand edit: moves never add or drop visits.
      extraTeamDaysNeeded: plan.totals.extraTeamDaysNeeded,
    },
  };
}

/** Team-days by team, then WEEKDAYS order. */
function sortDays(days: readonly TeamDay[]): TeamDay[] {
  return [...days].sort((a, b) => a.team - b.team || WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day));
}

/** Moves the visit in `from` to `to` (swapping with the visit there, if any) and re-evaluates. */
export function moveStop(plan: ThcWeekPlan, from: SessionSlot, to: SessionSlot): ThcWeekPlan {
  const days = plan.days.map((d) => ({ ...d, stops: d.stops.map((s) => ({ ...s })) }));
  const src = days.find((d) => d.team === from.team && d.day === from.day);
  const moving = src?.stops.find((s) => s.session === from.session);
  if (!src || !moving || (from.team === to.team && from.day === to.day && from.session === to.session)) return evaluateWeekPlan({ ...plan, days });
  let dst = days.find((d) => d.team === to.team && d.day === to.day);
  if (!dst) {
    // A slot outside the planned team-days (not a working day, or a team beyond the count): kept, and flagged by the checks.
    dst = { team: to.team, day: to.day, stops: [], start: plan.config.dayStart, end: plan.config.dayStart, travelMinutes: 0, travelKm: plan.km ? 0 : null };
    days.push(dst);
  }
  const taken = dst.stops.find((s) => s.session === to.session);
  src.stops = src.stops.filter((s) => s !== moving);
  if (taken) {
    dst.stops = dst.stops.filter((s) => s !== taken);
    taken.session = from.session;
    src.stops.push(taken);
  }
  moving.session = to.session;
  dst.stops.push(moving);
  // Route order follows the sessions: the am visit first.
  for (const d of [src, dst]) d.stops.sort((a, b) => SESSIONS.indexOf(a.session) - SESSIONS.indexOf(b.session));
  return evaluateWeekPlan({ ...plan, days });
}
