/**
 * Service mode per village (V1-V6), merges (V4) and THC capacity (V5): gathers each village's
 * facts from the coverage result and the facility records, decides joint clinics for groups of
 * adjacent villages, decides each village (service-mode.ts), then applies THC capacity.
 */
import type { InputProblem, MergeMember, MergeProposal, ReasonStep, ThcCapacity, VillageProposal } from '../../domain/planning.js';
import type { Facility, Village } from '../../domain/types.js';
import type { VillageCoverage } from '../coverage.js';
import { blankReasons, clinicDoctors, type BlankReason } from '../facility-groups.js';
import { RuleReader } from '../rule-values.js';
import { validLocation, villageAdjacency } from './adjacency.js';
import { allocateCapacity, isResponsibleThc, thcCapacityDays, TOUR_VISIT_DAYS, type ServiceDemand } from './capacity.js';
import { groupByClinic, jointClinicGroups, type NeighbourServed } from './merges.js';
import { decideServiceMode, isJointCandidate, readThresholds, round1, validPopulation, type JointFact, type ModeDecision, type VillageFacts } from './service-mode.js';
import type { PlanningInput } from './types.js';

export interface VillagePlan {
  villages: VillageProposal[];
  merges: MergeProposal[];
  capacity: ThcCapacity[];
  problems: InputProblem[];
}

export function planVillages(input: PlanningInput): VillagePlan {
  const reader = new RuleReader(input.rules);
  const t = readThresholds(reader);
  const villages = input.villages;
  const coverage = coverageByVillage(villages, input.coverage);
  const blank = blankOf(villages, input.facilities, coverage);
  const facilityByCode = new Map<string, Facility>();
  for (const f of input.facilities) if (!facilityByCode.has(f.code)) facilityByCode.set(f.code, f);
  const villageByCode = new Map<string, Village>();
  for (const v of villages) if (!villageByCode.has(v.code)) villageByCode.set(v.code, v);
  const ownClinic = qualifiedClinicByVillage(input.facilities);

  const facts: VillageFacts[] = villages.map((v, i) => {
    const c = coverage[i];
    const clinic = c?.nearest.clinic ? (facilityByCode.get(c.nearest.clinic) ?? null) : null;
    return {
      code: v.code,
      name: v.name,
      kind: v.kind,
      population: v.population,
      areaKm2: v.areaKm2,
      locationValid: validLocation(v.location),
      blank: blank[i],
      ownClinic: ownClinic.get(v.code)?.name ?? null,
      clinicMinutes: c?.minutes.clinic ?? null,
      clinicCode: c?.nearest.clinic ?? null,
      clinicName: clinic?.name ?? null,
      clinicVillage: clinic?.villageCode ? (villageByCode.get(clinic.villageCode)?.name ?? null) : null,
      thcMinutes: c?.minutes.thc ?? null,
      countyMinutes: c?.minutes.county ?? null,
      joint: null,
    };
  });

  // 3. V4 joint clinics, decided for all candidates before any village is decided alone.
  const merges: MergeProposal[] = [];
  const candidate = facts.map((f) => isJointCandidate(f, t));
  const candidates = candidate.flatMap((c, i) => (c ? [i] : []));
  if (candidates.length >= 2) {
    const adjacency = villageAdjacency(villages, input.villageAreas, (i) => candidate[i]);
    const joint = jointClinicGroups({
      locations: villages.map((v) => v.location),
      population: villages.map((v) => (validPopulation(v.population) ? v.population : 0)),
      codes: villages.map((v) => v.code),
      candidates,
      pairs: adjacency.pairs,
      travel: input.travel,
      maxMinutes: t.mergeMax,
      minPopulation: t.jointMin,
      lowerBound: roadLowerBound(coverage),
    });
    for (const g of joint.groups) {
      const id = merges.length + 1;
      const host = villages[g.host];
      g.members.forEach((m, k) => {
        const j: JointFact = {
          mergeId: id,
          hostName: host.name,
          isHost: m === g.host,
          minutes: g.minutes[k],
          others: g.members.filter((o) => o !== m).map((o) => villages[o].name),
          groupPopulation: g.population,
        };
        facts[m].joint = j;
      });
      merges.push({
        id,
        kind: 'joint_clinic',
        hostCode: host.code,
        hostName: host.name,
        hostLocation: [host.location[0], host.location[1]],
        clinicCode: null,
        members: g.members.map((m, k): MergeMember => ({ code: villages[m].code, name: villages[m].name, population: villages[m].population, minutes: round1(g.minutes[k]) })),
        weightedMinutes: round1(g.weightedMinutes),
        adjacency: adjacency.source,
        rules: ['X.small_village_population', 'V4.small_area_km2', 'V4.joint_clinic_min_population', 'V4.merge_max_minutes', 'V4'],
      });
    }
  }

  // 0-6: each village on its own.
  const decisions: ModeDecision[] = facts.map((f) => decideServiceMode(f, t));
  const mergeIdOf: (number | null)[] = facts.map((f) => f.joint?.mergeId ?? null);

  // 4. V4 neighbour service: one merge per serving clinic.
  const served: NeighbourServed[] = [];
  decisions.forEach((d, i) => {
    if (d.mode === 'neighbour' && facts[i].clinicCode && facts[i].clinicMinutes !== null) served.push({ village: i, clinicCode: facts[i].clinicCode!, minutes: facts[i].clinicMinutes! });
  });
  for (const [clinicCode, list] of groupByClinic(served)) {
    const clinic = facilityByCode.get(clinicCode) ?? null;
    const hostVillage = clinic?.villageCode ? (villageByCode.get(clinic.villageCode) ?? null) : null;
    const id = merges.length + 1;
    const population = list.reduce((s, x) => s + villages[x.village].population, 0);
    const weighted = list.reduce((s, x) => s + villages[x.village].population * x.minutes, 0);
    for (const x of list) mergeIdOf[x.village] = id;
    merges.push({
      id,
      kind: 'neighbour',
      hostCode: hostVillage?.code ?? clinic?.villageCode ?? clinicCode,
      hostName: hostVillage?.name ?? clinic?.name ?? clinicCode,
      hostLocation: clinic ? [clinic.location[0], clinic.location[1]] : [NaN, NaN],
      clinicCode,
      members: list.map((x): MergeMember => ({ code: villages[x.village].code, name: villages[x.village].name, population: villages[x.village].population, minutes: round1(x.minutes) })),
      weightedMinutes: population > 0 ? round1(weighted / population) : null,
      adjacency: 'travel_time',
      rules: ['V4.neighbour_service_minutes', 'V4'],
    });
  }

  // 7. V5 capacity per responsible THC.
  const thcOf = responsibleThcs(villages, input.facilities, coverage);
  const backfillBy = countyHospitalFor(input.facilities, coverage, facilityByCode);
  const workingDays = reader.number('X.working_days_per_week');
  const share = reader.number('V5.thc_outreach_share');
  const capacity = applyCapacity(input.facilities, decisions, villages, thcOf, workingDays, share);

  const problems: InputProblem[] = [];
  const proposals: VillageProposal[] = villages.map((v, i) => {
    const d = decisions[i];
    for (const m of d.missing) problems.push({ kind: 'village', ref: v.code, code: `missing_${m}`, params: { village: v.name, code: v.code } });
    const backfill = d.mode === 'county_backfill';
    return {
      code: v.code,
      name: v.name,
      townshipCode: v.townshipCode,
      population: validPopulation(v.population) ? v.population : null,
      mode: d.mode,
      missing: d.missing,
      decisiveRule: d.decisiveRule,
      rules: d.rules,
      steps: d.steps,
      figures: d.figures,
      visitsPerWeek: d.visitsPerWeek,
      postingDaysPerWeek: d.postingDaysPerWeek,
      postingMinMonths: d.postingMinMonths,
      backfillOf: backfill ? (d.postingDaysPerWeek !== null ? 'posting' : 'tour') : null,
      thcCode: thcOf[i]?.code ?? null,
      backfillBy: backfill ? backfillBy(i) : null,
      mergeId: d.mode === 'joint_clinic' || d.mode === 'neighbour' ? mergeIdOf[i] : null,
    };
  });
  return { villages: proposals, merges, capacity, problems };
}

/**
 * A lower bound on the road minutes from village a to village b, from the coverage's minutes to
 * the nearest facility of each group (triangle inequality: a's nearest clinic is no farther than
 * going to b first and on to b's nearest, so a → b >= minutes(a) − minutes(b)). Straight-line
 * estimates are skipped. This keeps a stand-in oracle (straight lines) from joining villages that
 * the road network keeps apart, e.g. a mountain village reached only by a long track.
 */
function roadLowerBound(coverage: readonly (VillageCoverage | null)[]): (a: number, b: number) => number {
  const groups = ['clinic', 'thc', 'county'] as const;
  return (a, b) => {
    const ca = coverage[a];
    const cb = coverage[b];
    if (!ca || !cb) return 0;
    let bound = 0;
    for (const g of groups) {
      const ma = ca.minutes[g];
      const mb = cb.minutes[g];
      if (ma === null || mb === null || ca.estimated[g] || cb.estimated[g]) continue;
      bound = Math.max(bound, ma - mb);
    }
    return bound;
  };
}

/** Coverage record per village: same index when the codes agree, else looked up by code. */
function coverageByVillage(villages: readonly Village[], coverage: readonly VillageCoverage[]): (VillageCoverage | null)[] {
  const byCode = new Map<string, VillageCoverage>();
  for (const c of coverage) if (!byCode.has(c.code)) byCode.set(c.code, c);
  return villages.map((v, i) => (coverage[i]?.code === v.code ? coverage[i] : (byCode.get(v.code) ?? null)));
}

/** Blank (空白村) per village: the coverage's flag, or from the facility records when a village has no coverage record. */
function blankOf(villages: readonly Village[], facilities: readonly Facility[], coverage: readonly (VillageCoverage | null)[]): (BlankReason | null)[] {
  const own = blankReasons(villages, facilities);
  return villages.map((_, i) => {
    const c = coverage[i];
    if (!c) return own[i];
    return c.blank ? (c.blankReason ?? own[i] ?? 'no_clinic') : null;
  });
}

function qualifiedClinicByVillage(facilities: readonly Facility[]): Map<string, Facility> {
  const out = new Map<string, Facility>();
  for (const f of facilities) {
    if (f.level !== 'village_clinic' || !f.villageCode || clinicDoctors(f) <= 0) continue;
    if (!out.has(f.villageCode)) out.set(f.villageCode, f);
  }
  return out;
}

/**
 * The THC responsible for each village: its township's THC (township_hc or sub_center with the
 * same township code; the first listed when there are several), else the nearest THC of the
 * coverage when that is a township_hc or sub_center, else none.
 */
function responsibleThcs(villages: readonly Village[], facilities: readonly Facility[], coverage: readonly (VillageCoverage | null)[]): (Facility | null)[] {
  const byTownship = new Map<string, Facility>();
  const byCode = new Map<string, Facility>();
  for (const f of facilities) {
    if (!isResponsibleThc(f)) continue;
    if (!byCode.has(f.code)) byCode.set(f.code, f);
    if (f.townshipCode && !byTownship.has(f.townshipCode)) byTownship.set(f.townshipCode, f);
  }
  return villages.map((v, i) => {
    const own = byTownship.get(v.townshipCode);
    if (own) return own;
    const nearest = coverage[i]?.nearest.thc;
    return nearest ? (byCode.get(nearest) ?? null) : null;
  });
}

/** V5: the county hospital that backfills a village: the coverage's nearest county facility when it is a county hospital, else the first county hospital. */
function countyHospitalFor(facilities: readonly Facility[], coverage: readonly (VillageCoverage | null)[], byCode: Map<string, Facility>): (i: number) => string | null {
  const first = facilities.find((f) => f.level === 'county_hospital')?.code ?? null;
  return (i) => {
    const nearest = coverage[i]?.nearest.county;
    const f = nearest ? byCode.get(nearest) : undefined;
    return f?.level === 'county_hospital' ? f.code : first;
  };
}

/**
 * Step 7, V5: per responsible THC, tours and postings it cannot run become county backfill.
 * Mutates the decisions; returns the capacity table of every THC.
 */
function applyCapacity(
  facilities: readonly Facility[],
  decisions: ModeDecision[],
  villages: readonly Village[],
  thcOf: readonly (Facility | null)[],
  workingDays: number,
  share: number,
): ThcCapacity[] {
  const demands = new Map<Facility, ServiceDemand[]>();
  decisions.forEach((d, i) => {
    if (d.mode !== 'tour' && d.mode !== 'posting') return;
    const thc = thcOf[i];
    if (!thc) {
      // V5: no THC to run it, the county hospital does.
      backfill(d, { code: 'no_thc', rule: 'V5', params: { village: villages[i].name } }, []);
      return;
    }
    const days = d.mode === 'posting' ? (d.postingDaysPerWeek ?? 0) : (d.visitsPerWeek ?? 0) * TOUR_VISIT_DAYS;
    const list = demands.get(thc) ?? [];
    list.push({ id: i, kind: d.mode, days, population: villages[i].population, code: villages[i].code });
    demands.set(thc, list);
  });
  const table: ThcCapacity[] = [];
  for (const thc of facilities.filter(isResponsibleThc)) {
    const list = demands.get(thc) ?? [];
    // T1 / V5: below the basic standard, the THC is too weak to tour or post at all.
    const tooWeak = thc.capability === 'below_basic';
    const capacityDays = tooWeak ? 0 : thcCapacityDays(thc, workingDays, share);
    const demandDays = list.reduce((s, d) => s + d.days, 0);
    const overflow = tooWeak ? new Set(list.map((d) => d.id)) : allocateCapacity(list, capacityDays);
    for (const id of overflow) {
      const step: ReasonStep = tooWeak
        ? { code: 'thc_too_weak', rule: 'V5', params: { thc: thc.name } }
        : { code: 'thc_short_staffed', rule: 'V5', params: { thc: thc.name, demand: round1(demandDays), capacity: round1(capacityDays) } };
      decisions[id].figures.thcCapacity = round1(capacityDays);
      decisions[id].figures.thcDemand = round1(demandDays);
      backfill(decisions[id], step, tooWeak ? [] : ['X.working_days_per_week', 'V5.thc_outreach_share']);
    }
    table.push({
      thcCode: thc.code,
      name: thc.name,
      townshipCode: thc.townshipCode,
      capability: thc.capability,
      capacityDays: round1(capacityDays),
      demandDays: round1(demandDays),
      tourVillages: list.filter((d) => d.kind === 'tour').length,
      postingVillages: list.filter((d) => d.kind === 'posting').length,
      backfilledVillages: overflow.size,
      tooWeak,
    });
  }
  return table;
}

/** V5 county backfill of a tour or posting (keeps its visits / posting days). */
function backfill(d: ModeDecision, step: ReasonStep, ruleIds: string[]): void {
  d.mode = 'county_backfill';
  d.decisiveRule = 'V5';
  d.steps.push(step);
  for (const id of [...ruleIds, 'V5']) if (!d.rules.includes(id)) d.rules.push(id);
}
