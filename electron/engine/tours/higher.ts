/** Higher-level tours (H1, H2): county hospital → THCs over a quarter, THC → its villages over a month. */
import type { HigherLevelPlan, PlanPoint, TourIssue, TourStop } from '../../domain/tours.js';
import type { RuleValues } from '../../domain/rules.js';
import { RuleReader } from '../rule-values.js';
import { solveVrp } from './vrp.js';

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

const NOON = 12 * 60;

export function planHigherLevel(input: HigherInput): HigherLevelPlan {
  const { depot, stops, minutes, km } = input;
  const size = stops.length + 1;
  const M = (i: number, j: number): number => minutes[i * size + j];
  const K = (i: number, j: number): number | null => (km && Number.isFinite(km[i * size + j]) ? km[i * size + j] : null);
  const rules = new RuleReader(input.rules);
  // H2: county-level touring at least once a quarter, township-level at least once a month.
  const rule = input.kind === 'county_to_thc' ? 'H2.county_tours_per_quarter' : 'H2.township_tours_per_month';
  const perPeriod = Math.max(1, Math.floor(rules.number(rule)));
  const W = Math.max(0, Math.floor(input.workingDays));
  const dayMinutes = input.hoursPerDay * 60;
  const service = Math.max(0, input.serviceMinutes);
  const issues: TourIssue[] = [];
  const issue = (code: string, severity: TourIssue['severity'], villageCode: string | null, r: string | null, params: TourIssue['params']): void => {
    issues.push({ code, severity, depotCode: depot.code, villageCode, team: null, day: null, rule: r, params });
  };
  const plan: HigherLevelPlan = {
    kind: input.kind,
    depotCode: depot.code,
    depotName: depot.name,
    period: input.kind === 'county_to_thc' ? 'quarter' : 'month',
    workingDays: W,
    points: [depot, ...stops],
    days: [],
    totals: { stops: 0, travelMinutes: 0, travelKm: km ? 0 : null, daysUsed: 0 },
    issues,
  };
  if (W === 0 || !(dayMinutes > 0)) {
    issue('no_team_days', 'error', null, W === 0 ? 'X.tour_working_days' : 'X.tour_team_hours_per_day', { teams: 1, workingDays: W, hoursPerDay: input.hoursPerDay, venues: stops.length });
    return plan;
  }
  const visits = Math.min(perPeriod, W);

  // Copies of each stop that can be toured: `visits` per stop, copy j in the j-th window of the period (spread).
  const copies: { stop: number; copy: number }[] = [];
  stops.forEach((s, i) => {
    const v = i + 1;
    if (!Number.isFinite(M(0, v)) || !Number.isFinite(M(v, 0))) {
      issue('unreachable', 'error', s.code, rule, { name: s.name, required: perPeriod });
      return;
    }
    const rt = M(0, v) + M(v, 0);
    if (rt > input.maxTravelMinutesPerDay || rt + service > dayMinutes) {
      issue('too_far_for_a_day', 'error', s.code, rt + service > dayMinutes ? 'X.tour_team_hours_per_day' : 'X.tour_max_travel_minutes_per_day', {
        name: s.name,
        travel: Math.round(rt),
        dayMinutes: Math.round(rt + service),
        hoursLimit: Math.round(dayMinutes),
        travelLimit: input.maxTravelMinutesPerDay,
      });
      return;
    }
    if (perPeriod > W) issue('frequency_too_high', 'error', s.code, rule, { name: s.name, required: perPeriod, days: W, allowed: '' });
    for (let c = 0; c < visits; c++) copies.push({ stop: v, copy: c });
  });
  const windowStart = (c: number): number => Math.floor((c * W) / visits);

  const placed = new Map<number, number>();
  if (copies.length > 0) {
    const n = copies.length + 1;
    const node = (i: number): number => (i === 0 ? 0 : copies[i - 1].stop);
    const time = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) time[i * n + j] = i === j ? 0 : M(node(i), node(j));
    const svc = new Float64Array(n).fill(service);
    svc[0] = 0;
    const allowed =
      visits > 1
        ? [null, ...copies.map((c) => {
            const mask = new Uint8Array(W);
            mask.fill(1, windowStart(c.copy), windowStart(c.copy + 1));
            return mask;
          })]
        : undefined;
    const maxStops = service > 0 ? Math.max(1, Math.floor(dayMinutes / service)) : copies.length; // half-day sessions that fit a day
    const sol = solveVrp({ n, time, service: svc, routes: W, maxStops, maxDuration: dayMinutes, maxTravel: input.maxTravelMinutesPerDay, allowed, seed: input.seed ?? 1 });

    // Route days: compacted to the first days of their window, checked against the limits.
    const used = sol.routes.map((r, idx) => ({ r, idx })).filter((x) => x.r.length > 0 && x.idx < W);
    const rank = new Map<number, number>();
    for (const { r, idx } of used) {
      const w = visits > 1 ? copies[r[0] - 1].copy : 0;
      const start = windowStart(w);
      const k = rank.get(w) ?? 0;
      rank.set(w, k + 1);
      let clock = input.dayStart;
      let prev = 0;
      let travel = 0;
      let dkm: number | null = km ? 0 : null;
      const out: TourStop[] = [];
      for (const c of r) {
        const v = node(c);
        const leg = M(prev, v);
        const back = M(v, 0);
        // Kept only while the day still closes within its hours and travel (X.tour_team_hours_per_day, X.tour_max_travel_minutes_per_day).
        if (!(travel + leg + back <= input.maxTravelMinutesPerDay && clock + leg + service + back - input.dayStart <= dayMinutes)) continue;
        const arrive = clock + leg;
        const lk = K(prev, v);
        out.push({ venueCode: stops[v - 1].code, villageCodes: input.kind === 'thc_to_village' ? [stops[v - 1].code] : [], session: arrive < NOON ? 'am' : 'pm', arrive, depart: arrive + service, travelMinutes: leg, travelKm: lk });
        dkm = dkm === null || lk === null ? null : dkm + lk;
        travel += leg;
        clock = arrive + service;
        prev = v;
        placed.set(v, (placed.get(v) ?? 0) + 1);
      }
      if (out.length === 0) continue;
      travel += M(prev, 0);
      const bk = K(prev, 0);
      dkm = dkm === null || bk === null ? null : dkm + bk;
      plan.days.push({ index: start + k + 1, stops: out, travelMinutes: travel, travelKm: dkm });
    }
    plan.days.sort((a, b) => a.index - b.index);
  }

  // Stops the period cannot hold: explicit, never dropped.
  const needed = new Set(copies.map((c) => c.stop));
  for (const v of needed) {
    const got = placed.get(v) ?? 0;
    if (got < visits) issue('does_not_fit_period', 'error', stops[v - 1].code, rule, { name: stops[v - 1].name, planned: got, required: perPeriod, days: W });
  }
  plan.totals = {
    stops: plan.days.reduce((s, d) => s + d.stops.length, 0),
    travelMinutes: Math.round(plan.days.reduce((s, d) => s + d.travelMinutes, 0) * 10) / 10,
    travelKm: km ? Math.round(plan.days.reduce((s, d) => s + (d.travelKm ?? 0), 0) * 10) / 10 : null,
    daysUsed: plan.days.length,
  };
  if (km && plan.days.some((d) => d.travelKm === null)) plan.totals.travelKm = null;
  return plan;
}
