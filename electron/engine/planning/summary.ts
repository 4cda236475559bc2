/** The figures two scenarios are compared on. */
import { applyDecisions, SERVICE_MODES, type EffectiveVillagePlan, type PlanningDocument, type ProposalDecision, type ScenarioSummary, type ServiceMode, type StaffNeeds } from '../../domain/planning.js';
import type { CoverageTotals, VillageCoverage } from '../coverage.js';

export interface SummaryInput {
  scenarioId: number;
  name: string;
  coverage: { villages: readonly Pick<VillageCoverage, 'code' | 'blank' | 'population' | 'beyond'>[]; county: CoverageTotals };
  planning: PlanningDocument;
  decisions: readonly ProposalDecision[];
}

export function summarizeScenario(input: SummaryInput): ScenarioSummary {
  const plans = applyDecisions(input.planning.villages, input.decisions);
  const beyond = input.coverage.county.beyond;
  return {
    scenarioId: input.scenarioId,
    name: input.name,
    blankVillages: input.coverage.villages.filter((v) => v.blank).length,
    populationBeyond: { clinic: beyond.clinic.population, thc: beyond.thc.population, county: beyond.county.population },
    villagesByMode: villagesByMode(plans),
    staff: staffNeeds(plans, input.planning),
    subsidyCny: input.planning.roster.summary.subsidyCny,
    rosterIssues: input.planning.roster.issues.filter((i) => i.severity === 'error').length,
    tiers: tierCounts(input.planning),
  };
}

/** Villages per effective mode; rejected (and undecidable) proposals count as 'undecided'. */
function villagesByMode(plans: readonly EffectiveVillagePlan[]): Record<ServiceMode | 'undecided', number> {
  const counts = Object.fromEntries([...SERVICE_MODES, 'undecided'].map((m) => [m, 0])) as Record<ServiceMode | 'undecided', number>;
  for (const p of plans) counts[p.mode ?? 'undecided']++;
  return counts;
}

function staffNeeds(plans: readonly EffectiveVillagePlan[], planning: PlanningDocument): StaffNeeds {
  const withMode = (m: ServiceMode): EffectiveVillagePlan[] => plans.filter((p) => p.mode === m);
  const gap = (code: string): number => planning.thcs.reduce((s, t) => s + t.needs.filter((n) => n.code === code).reduce((a, n) => a + n.gap, 0), 0);
  return {
    tourVisitsPerWeek: withMode('tour').reduce((s, p) => s + (p.visitsPerWeek ?? 0), 0),
    postingStaff: withMode('posting').length,
    backfilledVillages: withMode('county_backfill').length,
    thcPostingGap: gap('t7_posting'),
    publicHealthGap: gap('t3_public_health'),
    newClinics: newClinics(plans, planning),
  };
}

/** Joint clinics (V4) that at least one member village is effectively served by. */
function newClinics(plans: readonly EffectiveVillagePlan[], planning: PlanningDocument): number {
  const joint = new Set(plans.filter((p) => p.mode === 'joint_clinic').map((p) => p.proposal.code));
  return planning.merges.filter((m) => m.kind === 'joint_clinic' && m.members.some((v) => joint.has(v.code))).length;
}

function tierCounts(planning: PlanningDocument): Record<'1' | '2' | '3' | 'unranked', number> {
  const counts = { '1': 0, '2': 0, '3': 0, unranked: 0 };
  for (const t of planning.thcs) counts[t.tier === null ? 'unranked' : (String(t.tier) as '1' | '2' | '3')]++;
  return counts;
}
