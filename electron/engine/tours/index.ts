/**
 * Tour planning for a project: from the proposals (and the planner's decisions) to the weekly
 * plan of every THC (V1, V2), the county hospital's backfilled tours (V5) and the higher-level
 * tours over a month and a quarter (H1, H2), over the road network of the analysis mode.
 */
import type { ProposalDecision, PlanningDocument } from '../../domain/planning.js';
import type { HigherLevelPlan, PlanPoint, ThcTourConfig, ThcWeekPlan, TourConfig, TourPlanDocument } from '../../domain/tours.js';
import type { Facility, LngLat } from '../../domain/types.js';
import { createTravelOracle, type AnalysisInput } from '../analysis.js';
import { EngineCancelled, type ProgressSink } from '../graph-types.js';
import type { TravelOracle } from '../planning/index.js';
import { RuleReader } from '../rule-values.js';
import { THC_LEVELS, tourConfigDefaults, tourDemands } from './demands.js';
import { planHigherLevel } from './higher.js';
import { planWeek } from './weekly.js';

export { THC_LEVELS, parseWeekdays, tourConfigDefaults } from './demands.js';

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

/** Weeks in a quarter and (mean) in a month, for the working days of the higher-level periods. */
const WEEKS_PER_QUARTER = 13;
const WEEKS_PER_MONTH = 4.33;

export function runTourPlanning(input: TourPlanningInput, opts: { signal?: AbortSignal; progress?: ProgressSink } = {}): TourPlanDocument {
  const { analysis, planning, decisions, config } = input;
  const rules = analysis.rules;
  const used: Record<string, number | string> = {};
  const defaults = tourConfigDefaults(rules, used);
  const reader = new RuleReader(rules);
  const defaultVisits = reader.number('V1.tour_visits_per_week');
  reader.number('H2.county_tours_per_quarter');
  reader.number('H2.township_tours_per_month');
  reader.number('H2.village_tours_per_week');
  const stored = new Map(config.thcs.map((c) => [c.thcCode, c]));
  const configOf = (code: string): ThcTourConfig => {
    const c = stored.get(code);
    return c ? { ...c, workingDays: [...c.workingDays] } : { thcCode: code, ...defaults, workingDays: [...defaults.workingDays] };
  };
  const cancelled = () => {
    if (opts.signal?.aborted) throw new EngineCancelled();
  };

  cancelled();
  opts.progress?.(0, 'tours');
  const oracle = createTravelOracle(analysis);
  const depots = tourDemands(planning.villages, decisions, analysis.villages, analysis.facilities, config, defaultVisits);

  const thcs = analysis.facilities.filter((f) => THC_LEVELS.includes(f.level)).sort(byCode);
  const county = analysis.facilities.find((f) => f.level === 'county_hospital') ?? null;
  const higherJobs = thcs.filter((t) => t.townshipCode !== null && analysis.villages.some((v) => v.townshipCode === t.townshipCode)).length + (county && thcs.length ? 1 : 0);
  const jobs = depots.length + higherJobs;
  let done = 0;
  const step = (stage: string) => {
    done++;
    opts.progress?.(jobs === 0 ? 1 : done / jobs, stage);
  };

  const week: ThcWeekPlan[] = [];
  for (const d of depots) {
    cancelled();
    const points: PlanPoint[] = [pointOf(d.depot), ...d.locations];
    const { minutes, km } = matrices(oracle, points.map((p) => p.location));
    const plan = planWeek({
      depot: pointOf(d.depot),
      config: configOf(d.depot.code),
      demands: d.demands,
      locations: d.locations,
      minutes,
      km,
      rules,
      seed: input.seed,
    });
    for (const r of d.reassigned) {
      plan.issues.push({ code: 'thc_missing', severity: 'warning', depotCode: d.depot.code, villageCode: r.villageCode, team: null, day: null, rule: 'V5', params: { thc: r.thcCode } });
    }
    week.push(plan);
    step(`tours:${d.depot.code}`);
  }

  const higher: HigherLevelPlan[] = [];
  const serviceMinutes = reader.number('V1.tour_session_hours') * 60;
  const higherPlan = (kind: HigherLevelPlan['kind'], depot: Facility, stops: PlanPoint[], weeks: number, round: boolean) => {
    cancelled();
    const c = configOf(depot.code);
    const perWeek = c.workingDays.length;
    const all = [pointOf(depot), ...stops];
    const { minutes, km } = matrices(oracle, all.map((p) => p.location));
    higher.push(
      planHigherLevel({
        kind,
        depot: pointOf(depot),
        stops,
        minutes,
        km,
        serviceMinutes,
        workingDays: round ? Math.round(weeks * perWeek) : weeks * perWeek,
        hoursPerDay: c.hoursPerDay,
        dayStart: c.dayStart,
        maxTravelMinutesPerDay: c.maxTravelMinutesPerDay,
        rules,
        seed: input.seed,
      }),
    );
    step(`higher:${kind}:${depot.code}`);
  };
  // H1/H2: the county hospital tours every THC at least once a quarter.
  if (county && thcs.length > 0) higherPlan('county_to_thc', county, thcs.map(pointOf), WEEKS_PER_QUARTER, false);
  // H2: every THC tours every village of its township at least once a month.
  for (const t of thcs) {
    const villages = analysis.villages
      .filter((v) => t.townshipCode !== null && v.townshipCode === t.townshipCode)
      .sort(byCode)
      .map((v) => ({ code: v.code, name: v.name, location: v.location }));
    if (villages.length > 0) higherPlan('thc_to_village', t, villages, WEEKS_PER_MONTH, true);
  }

  opts.progress?.(1, 'tours');
  return { mode: analysis.mode, rulesUsed: { ...used, ...reader.used }, week, higher, computedAt: null };
}

function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function pointOf(f: Facility): PlanPoint {
  return { code: f.code, name: f.name, location: f.location };
}

/** Minutes and km from every point to all points (row-major); Infinity where unreachable. */
function matrices(oracle: TravelOracle, locations: LngLat[]): { minutes: Float64Array; km: Float64Array | null } {
  const n = locations.length;
  const minutes = new Float64Array(n * n);
  const km = oracle.km ? new Float64Array(n * n) : null;
  for (let i = 0; i < n; i++) {
    minutes.set(oracle.minutes(locations[i], locations), i * n);
    if (km && oracle.km) km.set(oracle.km(locations[i], locations), i * n);
    minutes[i * n + i] = 0;
    if (km) km[i * n + i] = 0;
  }
  return { minutes, km };
}
