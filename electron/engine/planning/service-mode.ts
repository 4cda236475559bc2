/**
 * The service mode of one village (V1-V4, V6), decided from facts already gathered: a pure
 * function of the village's figures and the thresholds. Joint clinics (a group decision) and
 * THC capacity (V5, a per-THC decision) are made elsewhere and come in as facts or go on after.
 */
import type { Figures, ProposalMissing, ReasonStep, ServiceMode, VillageProposal } from '../../domain/planning.js';
import type { VillageKind } from '../../domain/types.js';
import type { BlankReason } from '../facility-groups.js';
import type { RuleReader } from '../rule-values.js';

/** The thresholds the village decision reads, with the rule ids they come from. */
export interface ModeThresholds {
  /** X.small_village_population */
  small: number;
  /** X.large_village_population */
  large: number;
  /** V4.small_area_km2 */
  areaSmall: number;
  /** V4.neighbour_service_minutes */
  reach: number;
  /** V4.joint_clinic_min_population */
  jointMin: number;
  /** V4.merge_max_minutes */
  mergeMax: number;
  /** V3.posting_days_per_week */
  postingDays: number;
  /** V3.posting_min_months */
  postingMonths: number;
  /** V1.tour_visits_per_week */
  tourVisits: number;
  /** V2.tour_floor_per_week */
  tourFloor: number;
  /** H2.village_tours_per_week */
  h2VillageTours: number;
}

export function readThresholds(r: RuleReader): ModeThresholds {
  return {
    small: r.number('X.small_village_population'),
    large: r.number('X.large_village_population'),
    areaSmall: r.number('V4.small_area_km2'),
    reach: r.number('V4.neighbour_service_minutes'),
    jointMin: r.number('V4.joint_clinic_min_population'),
    mergeMax: r.number('V4.merge_max_minutes'),
    postingDays: r.number('V3.posting_days_per_week'),
    postingMonths: r.number('V3.posting_min_months'),
    tourVisits: r.number('V1.tour_visits_per_week'),
    tourFloor: r.number('V2.tour_floor_per_week'),
    h2VillageTours: r.number('H2.village_tours_per_week'),
  };
}

/** A village's joint clinic, when the group decision (merges.ts) put it in one. */
export interface JointFact {
  mergeId: number;
  hostName: string;
  isHost: boolean;
  /** Minutes from this village to the host (0 for the host). */
  minutes: number;
  /** Names of the other members. */
  others: string[];
  groupPopulation: number;
}

export interface VillageFacts {
  code: string;
  name: string;
  kind: VillageKind;
  /** As recorded (may be missing or nonsense: checked here). */
  population: number | null | undefined;
  areaKm2: number | null;
  locationValid: boolean;
  /** Null: covered (a clinic of its own with a qualified doctor). */
  blank: BlankReason | null;
  /** Name of its own qualified clinic (covered villages). */
  ownClinic: string | null;
  /** Nearest qualified clinic (of another village, for a blank village). */
  clinicMinutes: number | null;
  clinicCode: string | null;
  clinicName: string | null;
  /** Name of the village the nearest clinic belongs to. */
  clinicVillage: string | null;
  thcMinutes: number | null;
  countyMinutes: number | null;
  joint: JointFact | null;
}

/** The part of a village's proposal the service-mode rules decide. */
export type ModeDecision = Pick<
  VillageProposal,
  'mode' | 'missing' | 'decisiveRule' | 'rules' | 'steps' | 'figures' | 'visitsPerWeek' | 'postingDaysPerWeek' | 'postingMinMonths'
>;

/** Minutes in reason params: 1 decimal. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;

export function validPopulation(p: number | null | undefined): p is number {
  return typeof p === 'number' && Number.isFinite(p) && p > 0;
}

/** Small by population or by area (V4 "人口较少或面积较小"). */
export function isSmall(f: Pick<VillageFacts, 'population' | 'areaKm2'>, t: ModeThresholds): boolean {
  return (validPopulation(f.population) && f.population < t.small) || smallArea(f.areaKm2, t);
}

function smallArea(area: number | null, t: ModeThresholds): area is number {
  return typeof area === 'number' && Number.isFinite(area) && area < t.areaSmall;
}

/** Candidate for a joint clinic (V4): a blank, non-settlement village, small by population or area, with the data to decide. */
export function isJointCandidate(f: VillageFacts, t: ModeThresholds): boolean {
  return f.blank !== null && f.kind !== 'settlement' && validPopulation(f.population) && f.locationValid && isSmall(f, t);
}

/** Tour frequency: V1's visits, never below the national floor V2 (and the H2 village touring floor). */
export function tourVisitsPerWeek(t: ModeThresholds): number {
  return Math.max(t.tourVisits, t.tourFloor, t.h2VillageTours);
}

/** Collects steps and the rule ids read, in order. */
class Trace {
  readonly steps: ReasonStep[] = [];
  readonly rules: string[] = [];
  use(...ids: string[]): void {
    for (const id of ids) if (!this.rules.includes(id)) this.rules.push(id);
  }
  step(code: string, rule: string | null, params: Record<string, string | number> = {}): void {
    this.steps.push({ code, rule, params });
    if (rule) this.use(rule);
  }
}

/**
 * Steps 0-6 of the village decision: missing data, covered (V6), settlement tour (V1), joint
 * clinic (V4, decided by the group beforehand), neighbour service (V4), posting (V3), tour (V1/V2).
 */
export function decideServiceMode(f: VillageFacts, t: ModeThresholds): ModeDecision {
  const tr = new Trace();
  const figures: Figures = {
    population: validPopulation(f.population) ? f.population : null,
    area: f.areaKm2,
    clinicMinutes: f.clinicMinutes === null ? null : round1(f.clinicMinutes),
    thcMinutes: f.thcMinutes === null ? null : round1(f.thcMinutes),
    countyMinutes: f.countyMinutes === null ? null : round1(f.countyMinutes),
  };
  const out = (mode: ServiceMode | null, decisiveRule: string | null, extra: Partial<ModeDecision> = {}): ModeDecision => ({
    mode,
    missing: [],
    decisiveRule,
    rules: tr.rules,
    steps: tr.steps,
    figures,
    visitsPerWeek: null,
    postingDaysPerWeek: null,
    postingMinMonths: null,
    ...extra,
  });

  // 0. Never guess: no decision without a population and a location.
  const missing: ProposalMissing[] = [];
  if (!validPopulation(f.population)) missing.push('population');
  if (!f.locationValid) missing.push('location');
  if (missing.length > 0) {
    for (const m of missing) tr.step(`missing_${m}`, null, m === 'population' ? { population: String(f.population ?? '') } : {});
    return out(null, null, { missing });
  }
  const population = f.population as number;

  // 1. V6 one village, one clinic: a qualified clinic of its own covers it.
  if (f.blank === null) {
    tr.step('has_qualified_clinic', 'V6', { clinic: f.ownClinic ?? '' });
    return out('covered', 'V6');
  }

  // 2. V1 tour: relocation settlements without a primary care facility are toured.
  if (f.kind === 'settlement') {
    tr.step(f.blank === 'no_clinic' ? 'blank_no_clinic' : 'blank_no_qualified_doctor', null);
    tr.step('settlement', 'V1');
    return tour(tr, t, out);
  }

  // The size of the village: the figures every later step compares.
  tr.use('X.small_village_population', 'X.large_village_population');
  figures.small = t.small;
  figures.large = t.large;
  if (population < t.small) tr.step('population_below', 'X.small_village_population', { population, threshold: t.small });
  else if (population >= t.large) tr.step('population_at_least', 'X.large_village_population', { population, threshold: t.large });
  else tr.step('population_between', 'X.small_village_population', { population, small: t.small, large: t.large });
  if (population >= t.small) {
    // V4 small area: a small village by area is a merge candidate whatever its population.
    tr.use('V4.small_area_km2');
    figures.areaSmall = t.areaSmall;
    if (smallArea(f.areaKm2, t)) tr.step('area_below', 'V4.small_area_km2', { area: f.areaKm2, threshold: t.areaSmall });
  }
  tr.step(f.blank === 'no_clinic' ? 'blank_no_clinic' : 'blank_no_qualified_doctor', null);

  // 3. V4 joint clinic (decided for the group in merges.ts). A joint clinic restores a qualified
  // clinic for every member (the V6 target), so it is preferred over depending on a neighbour.
  if (f.joint) {
    const j = f.joint;
    tr.use('V4.joint_clinic_min_population', 'V4.merge_max_minutes');
    figures.groupPopulation = j.groupPopulation;
    figures.jointMin = t.jointMin;
    figures.hostMinutes = round1(j.minutes);
    figures.mergeMax = t.mergeMax;
    tr.step('adjacent_blank_group', 'V4.joint_clinic_min_population', { villages: j.others.join('、'), count: j.others.length + 1, population: j.groupPopulation, threshold: t.jointMin });
    tr.step(j.isHost ? 'joint_host_self' : 'joint_host', 'V4.merge_max_minutes', { host: j.hostName, minutes: round1(j.minutes), limit: t.mergeMax });
    tr.use('V4');
    return out('joint_clinic', 'V4');
  }

  // A candidate that no joint clinic group took (none adjacent, too few residents, too far apart).
  if (isJointCandidate(f, t)) tr.use('V4.joint_clinic_min_population', 'V4.merge_max_minutes');

  // 4. V4 neighbour service: the nearest qualified clinic (another village's) within reach.
  tr.use('V4.neighbour_service_minutes');
  figures.reach = t.reach;
  if (f.clinicMinutes !== null && f.clinicCode !== null && f.clinicMinutes <= t.reach) {
    tr.step('neighbour_clinic_within', 'V4.neighbour_service_minutes', {
      village: f.clinicVillage ?? f.clinicName ?? f.clinicCode,
      clinic: f.clinicName ?? f.clinicCode,
      minutes: round1(f.clinicMinutes),
      limit: t.reach,
    });
    tr.use('V4');
    return out('neighbour', 'V4');
  }
  if (f.clinicMinutes === null) tr.step('no_reachable_clinic', 'V4.neighbour_service_minutes');
  else tr.step('neighbour_clinic_beyond', 'V4.neighbour_service_minutes', { minutes: round1(f.clinicMinutes), limit: t.reach });

  // 5. V3 posting: a large village that no neighbour clinic can cover.
  if (population >= t.large) {
    tr.use('V3.posting_days_per_week', 'V3.posting_min_months');
    tr.step('posting_terms', 'V3', { days: t.postingDays, months: t.postingMonths });
    return out('posting', 'V3', { postingDaysPerWeek: t.postingDays, postingMinMonths: t.postingMonths });
  }

  // 6. V1 tour (frequency floor V2).
  return tour(tr, t, out);
}

function tour(tr: Trace, t: ModeThresholds, out: (mode: ServiceMode, rule: string, extra: Partial<ModeDecision>) => ModeDecision): ModeDecision {
  const visits = tourVisitsPerWeek(t);
  tr.use('V1.tour_visits_per_week', 'V2.tour_floor_per_week', 'H2.village_tours_per_week');
  // V2 floor: never fewer visits than the national floor.
  tr.step('tour_visits', 'V2', { visits, floor: t.tourFloor });
  tr.use('V1');
  return out('tour', 'V1', { visitsPerWeek: visits });
}
