/** Scenario comparison figures from a coverage result, a planning document and the decisions. */
import { describe, expect, it } from 'vitest';
import type { MergeProposal, PlanningDocument, ProposalDecision, RosterIssue, ServiceMode, ThcNeed, ThcTier, TierLevel, VillageProposal } from '../../electron/domain/planning.js';
import type { CoverageTotals } from '../../electron/engine/coverage.js';
import { summarizeScenario, type SummaryInput } from '../../electron/engine/planning/summary.js';

function proposal(code: string, mode: ServiceMode | null, extra: Partial<VillageProposal> = {}): VillageProposal {
  return {
    code, name: code, townshipCode: code.slice(0, 9), population: 500, mode, missing: [], decisiveRule: null, rules: [], steps: [], figures: {},
    visitsPerWeek: mode === 'tour' ? 2 : null, postingDaysPerWeek: mode === 'posting' ? 5 : null, postingMinMonths: null, backfillOf: null,
    thcCode: null, backfillBy: null, mergeId: null, ...extra,
  };
}

function tier(code: string, t: TierLevel | null, needs: [ThcNeed['code'], number][] = []): ThcTier {
  return {
    code, name: code, level: 'township_hc', townshipCode: null, tier: t, capability: 'basic', score: 50, parts: { capability: 25, population: 25, staff: 0, remoteness: 0 },
    servedPopulation: 0, physicians: 0, minutesToCountySeat: 10, minutesToCityCore: null, nearCityCore: false, supportingHospital: null, supportingLevel: null,
    requiredPostings: 1, postedQualified: 0, needs: needs.map(([c, gap]) => ({ code: c, rule: 'T7', gap, params: {} })), steps: [], rules: [],
  };
}

function merge(id: number, kind: MergeProposal['kind'], members: string[]): MergeProposal {
  return {
    id, kind, hostCode: members[0], hostName: members[0], hostLocation: [0, 0], clinicCode: null,
    members: members.map((code) => ({ code, name: code, population: 300, minutes: 1 })), weightedMinutes: 1, adjacency: 'delaunay', rules: ['V4'],
  };
}

const issue = (severity: RosterIssue['severity']): RosterIssue => ({ postingId: 1, person: 'x', institution: null, code: 'title_below', rule: 'T4', severity, params: {} });

function decision(villageCode: string, action: ProposalDecision['action'], mode: ServiceMode | null = null, visitsPerWeek: number | null = null): ProposalDecision {
  return { scenarioId: 3, villageCode, action, mode, visitsPerWeek, postingDaysPerWeek: mode === 'posting' ? 5 : null, reason: 'r', proposedMode: null, decidedAt: '2026-11-23T00:00:00Z' };
}

const group = <T>(v: T): Record<'clinic' | 'thc' | 'county', T> => ({ clinic: v, thc: v, county: v });
function totals(beyond: { clinic: number; thc: number; county: number }): CoverageTotals {
  return {
    villages: 0, population: 0, blank: 0, blankPopulation: 0, within: group({ villages: 0, population: 0 }),
    beyond: { clinic: { villages: 1, population: beyond.clinic }, thc: { villages: 1, population: beyond.thc }, county: { villages: 1, population: beyond.county } },
    unreachable: group(0), bands: group([]),
  };
}

function input(decisions: ProposalDecision[] = []): SummaryInput {
  const villages = [
    proposal('V1', 'tour', { visitsPerWeek: 2 }),
    proposal('V2', 'tour', { visitsPerWeek: 3 }),
    proposal('V3', 'posting'),
    proposal('V4', 'county_backfill', { backfillOf: 'tour', visitsPerWeek: 2 }),
    proposal('V5', 'joint_clinic', { mergeId: 1 }),
    proposal('V6', 'joint_clinic', { mergeId: 1 }),
    proposal('V7', 'neighbour', { mergeId: 2 }),
    proposal('V8', 'covered'),
    proposal('V9', null, { missing: ['population'] }),
  ];
  const planning: PlanningDocument = {
    mode: 'car', rulesUsed: {}, villages, merges: [merge(1, 'joint_clinic', ['V5', 'V6']), merge(2, 'neighbour', ['V7']), merge(3, 'joint_clinic', ['V1', 'V2'])], capacity: [],
    thcs: [tier('A', 1, [['t7_posting', 0], ['t3_public_health', 1]]), tier('B', 2, [['t7_posting', 1]]), tier('C', 3, [['t7_posting', 1], ['t3_public_health', 1], ['t1_county_staff', 1]]), tier('D', null)],
    roster: { issues: [issue('error'), issue('error'), issue('warning')], summary: { people: 3, postings: 3, halfReleaseShare: 0, personMonths: 36, subsidyCny: 45000, institutionsCovered: 2 } },
    problems: [],
  };
  const coverage = {
    villages: villages.map((v, i) => ({ code: v.code, blank: i < 4, population: 500, beyond: group(false) })),
    county: totals({ clinic: 1200, thc: 800, county: 300 }),
  };
  return { scenarioId: 3, name: '方案三', coverage, planning, decisions };
}

describe('summarizeScenario', () => {
  it('counts blank villages, population beyond the standards, subsidy, roster errors and tiers', () => {
    const s = summarizeScenario(input());
    expect(s).toMatchObject({ scenarioId: 3, name: '方案三', blankVillages: 4, populationBeyond: { clinic: 1200, thc: 800, county: 300 }, subsidyCny: 45000, rosterIssues: 2 });
    expect(s.tiers).toEqual({ '1': 1, '2': 1, '3': 1, unranked: 1 });
  });

  it('villages per effective mode and staff needs without decisions (proposals in force)', () => {
    const s = summarizeScenario(input());
    expect(s.villagesByMode).toEqual({ covered: 1, neighbour: 1, joint_clinic: 2, tour: 2, posting: 1, county_backfill: 1, undecided: 1 });
    expect(s.staff).toEqual({ tourVisitsPerWeek: 5, postingStaff: 1, backfilledVillages: 1, thcPostingGap: 2, publicHealthGap: 2, newClinics: 1 });
  });

  it('decisions: a reject counts as undecided, an override moves the village and its visits', () => {
    const s = summarizeScenario(input([decision('V1', 'reject'), decision('V8', 'override', 'tour', 4), decision('V5', 'override', 'posting'), decision('V3', 'accept')]));
    expect(s.villagesByMode).toEqual({ covered: 0, neighbour: 1, joint_clinic: 1, tour: 2, posting: 2, county_backfill: 1, undecided: 2 });
    expect(s.staff).toMatchObject({ tourVisitsPerWeek: 3 + 4, postingStaff: 2, newClinics: 1 });
  });

  it('V4 a joint clinic counts as a new clinic while one member is still served by it; none when all are overridden', () => {
    const s = summarizeScenario(input([decision('V5', 'override', 'tour', 2), decision('V6', 'reject')]));
    expect(s.staff.newClinics).toBe(0);
    // merge 3 lists V1/V2 as members, but they are tours: no clinic to staff there
    expect(summarizeScenario(input([decision('V1', 'override', 'joint_clinic')])).staff.newClinics).toBe(2);
  });
});
