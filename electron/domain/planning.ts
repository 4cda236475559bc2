/**
 * Planning proposals as plain data: what the planning engine (electron/engine/planning) returns,
 * what the planner decides about it (accept / reject / override, stored per scenario), and what a
 * scenario changes on top of the project (its payload). Pure types and small pure helpers only:
 * the renderer, the service and the CLI all read these shapes.
 *
 * Every proposal carries the rule ids that produced it and the figures it compared; the reason
 * text is assembled from `steps` by the i18n catalogs (renderer/src/i18n/reasons-*.ts), never
 * stored as prose.
 */
import type { Capability, Facility, FacilityLevel, LngLat, Posting, TitleLevel } from './types.js';

/** How a village is served (DOMAIN.md V1-V6). */
export const SERVICE_MODES = ['covered', 'neighbour', 'joint_clinic', 'tour', 'posting', 'county_backfill'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export type TierLevel = 1 | 2 | 3;

/** One step of a reason: an i18n code (`reasons.<code>` / `thcReasons.<code>`) with its figures and rule id. */
export interface ReasonStep {
  code: string;
  /** Rule id from the rules table (e.g. 'X.small_village_population') or a DOMAIN.md id ('V4'). */
  rule: string | null;
  params: Record<string, string | number>;
}

export type Figures = Record<string, number | string | boolean | null>;

/** What cannot be decided for a village, and why (no guessing). */
export type ProposalMissing = 'population' | 'location';

export interface VillageProposal {
  code: string;
  name: string;
  townshipCode: string;
  population: number | null;
  /** Null when the proposal cannot be made (see `missing`). */
  mode: ServiceMode | null;
  missing: ProposalMissing[];
  /** The DOMAIN.md id of the rule that decided the mode (V1 … V6), shown as "[V4]". */
  decisiveRule: string | null;
  /** Every rule id the decision read (rules-table ids and DOMAIN.md ids). */
  rules: string[];
  /** The reasoning, in order; the renderer joins them with "，" and appends "→ mode [decisiveRule]". */
  steps: ReasonStep[];
  /** The figures it compared (population, thresholds, minutes …). */
  figures: Figures;
  /** Tour (or backfilled tour): visits per week (V1, floor V2). */
  visitsPerWeek: number | null;
  /** Posting (or backfilled posting): days per week and minimum consecutive months (V3). */
  postingDaysPerWeek: number | null;
  postingMinMonths: number | null;
  /** County backfill (V5): the service the county hospital provides instead of the THC. */
  backfillOf: 'tour' | 'posting' | null;
  /** Facility code of the THC responsible for the village (its township's), or null. */
  thcCode: string | null;
  /** Facility code of the county hospital that backfills (V5), or null. */
  backfillBy: string | null;
  /** Id of the merge (neighbour service / joint clinic) the village belongs to, or null. */
  mergeId: number | null;
}

export interface MergeMember {
  code: string;
  name: string;
  population: number;
  /** Minutes from the member village to the host's clinic (the host itself: 0); null when unreachable. */
  minutes: number | null;
}

/** V4: villages served together, by a neighbour's clinic or by a joint clinic at a host village. */
export interface MergeProposal {
  id: number;
  kind: 'neighbour' | 'joint_clinic';
  /** Village code of the host: the village whose clinic serves (neighbour) or where the joint clinic goes. */
  hostCode: string;
  hostName: string;
  hostLocation: LngLat;
  /** Neighbour service: the serving clinic's facility code. */
  clinicCode: string | null;
  /** The served villages (for a joint clinic, the host is a member too, with 0 minutes). */
  members: MergeMember[];
  /** Population-weighted mean minutes of the members to the host. */
  weightedMinutes: number | null;
  /** How adjacency was found: shared boundaries of village polygons, or a Delaunay triangulation. */
  adjacency: 'polygons' | 'delaunay' | 'travel_time';
  rules: string[];
}

/** V5: a THC's outreach capacity against what its villages need. */
export interface ThcCapacity {
  thcCode: string;
  name: string;
  townshipCode: string | null;
  capability: Capability | null;
  /** Physician-days per week the THC can put into tours and postings. */
  capacityDays: number;
  /** Physician-days per week its tours and postings need (before backfill). */
  demandDays: number;
  tourVillages: number;
  postingVillages: number;
  backfilledVillages: number;
  /** Below the basic standard (T1): too weak to tour or post; the county hospital backfills all. */
  tooWeak: boolean;
}

/** Something a THC needs from above (T1, T2, T3, T7). */
export interface ThcNeed {
  code: 't1_county_staff' | 't2_sub_center_staff' | 't3_public_health' | 't7_posting';
  rule: string;
  /** Persons still needed (0 when met). */
  gap: number;
  params: Record<string, string | number>;
}

export interface ThcTier {
  code: string;
  name: string;
  level: FacilityLevel;
  townshipCode: string | null;
  /** Null when it cannot be ranked (unknown capability: see steps). */
  tier: TierLevel | null;
  capability: Capability | null;
  /** Transparent score: the sum of its parts (0-100). */
  score: number | null;
  parts: { capability: number; population: number; staff: number; remoteness: number };
  servedPopulation: number;
  physicians: number;
  minutesToCountySeat: number | null;
  minutesToCityCore: number | null;
  nearCityCore: boolean;
  /** T6: facility code and level of the supporting hospital. */
  supportingHospital: string | null;
  supportingLevel: 'city_hospital' | 'county_hospital' | null;
  /** T7: posted physicians (intermediate title or above, >= 6 months) required and present in the roster. */
  requiredPostings: number;
  postedQualified: number;
  needs: ThcNeed[];
  steps: ReasonStep[];
  rules: string[];
}

export type RosterSeverity = 'error' | 'warning';

/** One rule a posting (or the roster as a whole) breaks. */
export interface RosterIssue {
  /** Posting id, or null for an issue of an institution or of the whole roster. */
  postingId: number | null;
  person: string | null;
  /** Facility code the issue is about (receiving institution), or null. */
  institution: string | null;
  /** i18n code under `rosterIssues.` */
  code: string;
  /** Rule id (rules table or DOMAIN.md id). */
  rule: string;
  severity: RosterSeverity;
  params: Record<string, string | number>;
}

export interface RosterSummary {
  people: number;
  postings: number;
  halfReleaseShare: number;
  personMonths: number;
  /** P3: person-years posted to THCs in the county × the subsidy rate. */
  subsidyCny: number;
  institutionsCovered: number;
}

/** The staff a plan needs (comparison of scenarios). */
export interface StaffNeeds {
  /** Tour visits per week run by THCs. */
  tourVisitsPerWeek: number;
  /** Village postings (persons) by THCs. */
  postingStaff: number;
  /** Villages the county hospital backfills (V5). */
  backfilledVillages: number;
  /** T7 postings to THCs still missing. */
  thcPostingGap: number;
  /** T3 public health physicians still missing. */
  publicHealthGap: number;
  /** New village clinics (joint clinics) to staff. */
  newClinics: number;
}

/** A problem of the input that stops or weakens a proposal (bad data, not a rule breach). */
export interface InputProblem {
  kind: 'village' | 'facility' | 'posting' | 'rule';
  /** Village code, facility code, posting id or rule id. */
  ref: string;
  code: string;
  params: Record<string, string | number>;
}

export interface PlanningDocument {
  /** Travel mode of the minutes the proposals read. */
  mode: string;
  rulesUsed: Record<string, number | string>;
  villages: VillageProposal[];
  merges: MergeProposal[];
  capacity: ThcCapacity[];
  thcs: ThcTier[];
  roster: { issues: RosterIssue[]; summary: RosterSummary };
  problems: InputProblem[];
}

// ---- decisions ----------------------------------------------------------------------------------

export const DECISION_ACTIONS = ['accept', 'reject', 'override'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** The planner's decision on one village's proposal, kept per scenario with its reason. */
export interface ProposalDecision {
  scenarioId: number;
  villageCode: string;
  action: DecisionAction;
  /** Override: the mode chosen instead; accept/reject: null. */
  mode: ServiceMode | null;
  visitsPerWeek: number | null;
  postingDaysPerWeek: number | null;
  /** Why (required for override and reject, optional for accept). */
  reason: string;
  /** The proposed mode when the decision was taken (to flag decisions a later run made stale). */
  proposedMode: ServiceMode | null;
  decidedAt: string;
}

export type DecisionStatus = 'proposed' | 'accepted' | 'rejected' | 'overridden';

/** A village's plan after the planner's decision: what is shown, exported and counted. */
export interface EffectiveVillagePlan {
  proposal: VillageProposal;
  decision: ProposalDecision | null;
  status: DecisionStatus;
  /** Mode in force: the override's, the proposal's when accepted or undecided, null when rejected. */
  mode: ServiceMode | null;
  visitsPerWeek: number | null;
  postingDaysPerWeek: number | null;
  /** The proposal changed since the decision (its proposed mode differs). */
  stale: boolean;
}

export function applyDecisions(proposals: readonly VillageProposal[], decisions: readonly ProposalDecision[]): EffectiveVillagePlan[] {
  const byCode = new Map(decisions.map((d) => [d.villageCode, d]));
  return proposals.map((p) => {
    const d = byCode.get(p.code) ?? null;
    const stale = d !== null && d.proposedMode !== p.mode;
    if (!d) return { proposal: p, decision: null, status: 'proposed', mode: p.mode, visitsPerWeek: p.visitsPerWeek, postingDaysPerWeek: p.postingDaysPerWeek, stale: false };
    if (d.action === 'reject') return { proposal: p, decision: d, status: 'rejected', mode: null, visitsPerWeek: null, postingDaysPerWeek: null, stale };
    if (d.action === 'override') {
      return {
        proposal: p,
        decision: d,
        status: 'overridden',
        mode: d.mode,
        visitsPerWeek: d.mode === 'tour' || (d.mode === 'county_backfill' && d.visitsPerWeek !== null) ? d.visitsPerWeek : null,
        postingDaysPerWeek: d.mode === 'posting' || (d.mode === 'county_backfill' && d.postingDaysPerWeek !== null) ? d.postingDaysPerWeek : null,
        stale,
      };
    }
    return { proposal: p, decision: d, status: 'accepted', mode: p.mode, visitsPerWeek: p.visitsPerWeek, postingDaysPerWeek: p.postingDaysPerWeek, stale };
  });
}

// ---- scenarios ----------------------------------------------------------------------------------

/** A change to the facilities layer inside a scenario (the project's layer itself is untouched). */
export type FacilityEdit =
  | { op: 'add'; facility: Omit<Facility, 'id'> }
  | { op: 'move'; code: string; location: LngLat }
  | { op: 'close'; code: string }
  | { op: 'upgrade'; code: string; capability?: Capability; isPlannedSubCenter?: boolean; physicians?: number; assistantPhysicians?: number; villageDoctors?: number; publicHealthPhysicians?: number };

/** A change to the posting roster inside a scenario. */
export type PostingEdit =
  | { op: 'add'; posting: Omit<Posting, 'id'> }
  | { op: 'remove'; id: number }
  | { op: 'update'; id: number; patch: Partial<Pick<Posting, 'titleLevel' | 'release' | 'daysPerWeek' | 'startDate' | 'endDate' | 'toInstitution' | 'toVillage'>> };

export interface ScenarioPayload {
  version: 1;
  facilityEdits: FacilityEdit[];
  postingEdits: PostingEdit[];
}

export const EMPTY_SCENARIO_PAYLOAD: ScenarioPayload = { version: 1, facilityEdits: [], postingEdits: [] };

/** Scenario 0 is the project as it is (the baseline); stored scenarios have ids from 1. */
export const BASELINE_SCENARIO_ID = 0;

export interface ScenarioInfo {
  id: number;
  name: string;
  description: string;
  createdAt: string;
  payload: ScenarioPayload;
}

/**
 * The project's facilities and roster with a scenario's edits applied, in order. An edit that
 * names a facility or posting that is not there is reported, not applied.
 */
export function applyScenario(
  facilities: readonly Facility[],
  postings: readonly Posting[],
  payload: ScenarioPayload,
): { facilities: Facility[]; postings: Posting[]; problems: InputProblem[] } {
  const fs = facilities.map((f) => ({ ...f }));
  let ps = postings.map((p) => ({ ...p }));
  const problems: InputProblem[] = [];
  let nextFacilityId = Math.max(0, ...fs.map((f) => f.id)) + 1;
  let nextPostingId = Math.max(0, ...ps.map((p) => p.id)) + 1;
  for (const e of payload.facilityEdits) {
    if (e.op === 'add') {
      fs.push({ ...e.facility, id: nextFacilityId++ });
      continue;
    }
    const i = fs.findIndex((f) => f.code === e.code);
    if (i < 0) {
      problems.push({ kind: 'facility', ref: e.code, code: 'scenario_unknown_facility', params: { code: e.code, op: e.op } });
      continue;
    }
    if (e.op === 'move') fs[i] = { ...fs[i], location: [e.location[0], e.location[1]] };
    else if (e.op === 'close') fs.splice(i, 1);
    else {
      const { op: _op, code: _code, ...patch } = e;
      fs[i] = { ...fs[i], ...patch };
    }
  }
  for (const e of payload.postingEdits) {
    if (e.op === 'add') {
      ps.push({ ...e.posting, id: nextPostingId++ });
      continue;
    }
    const i = ps.findIndex((p) => p.id === e.id);
    if (i < 0) {
      problems.push({ kind: 'posting', ref: String(e.id), code: 'scenario_unknown_posting', params: { id: e.id, op: e.op } });
      continue;
    }
    if (e.op === 'remove') ps = ps.filter((_, k) => k !== i);
    else ps[i] = { ...ps[i], ...e.patch };
  }
  return { facilities: fs, postings: ps, problems };
}

/** What two scenarios are compared on (one row each in the comparison table and chart). */
export interface ScenarioSummary {
  scenarioId: number;
  name: string;
  blankVillages: number;
  /** Residents beyond each travel-time standard (clinic, THC, county hospital). */
  populationBeyond: { clinic: number; thc: number; county: number };
  /** Villages per effective service mode (rejected proposals count under 'undecided'). */
  villagesByMode: Record<ServiceMode | 'undecided', number>;
  staff: StaffNeeds;
  /** P3 subsidy of the roster, CNY per year. */
  subsidyCny: number;
  rosterIssues: number;
  tiers: Record<'1' | '2' | '3' | 'unranked', number>;
}

/** Title order for "intermediate or above" checks. */
export const TITLE_RANK: Record<TitleLevel, number> = { none: 0, junior: 1, intermediate: 2, associate_senior: 3, senior: 4 };
