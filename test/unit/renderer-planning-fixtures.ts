/** A hand-made PlanningDocument over the sample layers (renderer-fixtures.ts) for the planning UI tests. */
import type { PlanningDocument, ProposalDecision, VillageProposal } from '../../electron/domain/planning.js';
import { T1 } from './renderer-fixtures.js';

export const V = {
  A: `${T1}201`, // 上坪村: covered
  B: `${T1}202`, // 下坪村: neighbour service (host A)
  C: `${T1}203`, // 石门村: tour
  D: `${T1}204`, // 新安安置点: posting
};

function proposal(code: string, name: string, extra: Partial<VillageProposal>): VillageProposal {
  return {
    code,
    name,
    townshipCode: T1,
    population: 1000,
    mode: 'covered',
    missing: [],
    decisiveRule: 'V6',
    rules: ['V6'],
    steps: [{ code: 'has_qualified_clinic', rule: 'V6', params: { clinic: '上坪村卫生室' } }],
    figures: {},
    visitsPerWeek: null,
    postingDaysPerWeek: null,
    postingMinMonths: null,
    backfillOf: null,
    thcCode: 'F15',
    backfillBy: null,
    mergeId: null,
    ...extra,
  };
}

export function samplePlanning(): PlanningDocument {
  return {
    mode: 'car',
    rulesUsed: { 'V1.tour_visits_per_week': 2, 'V2.tour_floor_per_week': 1, 'V3.posting_days_per_week': 5 },
    villages: [
      proposal(V.A, '上坪村', { population: 12345 }),
      proposal(V.B, '下坪村', {
        population: 620,
        mode: 'neighbour',
        decisiveRule: 'V4',
        rules: ['X.small_village_population', 'V4.neighbour_service_minutes', 'V4'],
        steps: [
          { code: 'population_below', rule: 'X.small_village_population', params: { population: 620, threshold: 800 } },
          { code: 'neighbour_clinic_within', rule: 'V4.neighbour_service_minutes', params: { village: '上坪村', minutes: 9, limit: 15 } },
        ],
        mergeId: 1,
      }),
      proposal(V.C, '石门村', {
        population: 700,
        mode: 'tour',
        decisiveRule: 'V1',
        rules: ['X.small_village_population', 'V1.tour_visits_per_week', 'V1'],
        steps: [{ code: 'tour_visits', rule: 'V1.tour_visits_per_week', params: { visits: 2, floor: 1 } }],
        visitsPerWeek: 2,
      }),
      proposal(V.D, '新安安置点', {
        population: null,
        mode: null,
        missing: ['population'],
        decisiveRule: null,
        rules: [],
        steps: [{ code: 'missing_population', rule: null, params: { population: '—' } }],
      }),
      proposal(`${T1}205`, '龙岗村', {
        population: 2680,
        mode: 'posting',
        decisiveRule: 'V3',
        rules: ['X.large_village_population', 'V3.posting_days_per_week', 'V3'],
        steps: [{ code: 'posting_terms', rule: 'V3.posting_days_per_week', params: { days: 5, months: 6 } }],
        postingDaysPerWeek: 5,
        postingMinMonths: 6,
      }),
    ],
    merges: [
      {
        id: 1,
        kind: 'neighbour',
        hostCode: V.A,
        hostName: '上坪村',
        hostLocation: [110.01, 30],
        clinicCode: 'F11',
        members: [{ code: V.B, name: '下坪村', population: 620, minutes: 9 }],
        weightedMinutes: 9,
        adjacency: 'delaunay',
        rules: ['V4'],
      },
    ],
    capacity: [
      { thcCode: 'F15', name: '东岭镇卫生院', townshipCode: T1, capability: 'basic', capacityDays: 4, demandDays: 7, tourVillages: 1, postingVillages: 1, backfilledVillages: 0, tooWeak: false },
    ],
    thcs: [
      {
        code: 'F15',
        name: '东岭镇卫生院',
        level: 'township_hc',
        townshipCode: T1,
        tier: 2,
        capability: 'basic',
        score: 55,
        parts: { capability: 25, population: 15, staff: 20, remoteness: -5 },
        servedPopulation: 14665,
        physicians: 8,
        minutesToCountySeat: 52,
        minutesToCityCore: 95,
        nearCityCore: false,
        supportingHospital: 'F11',
        supportingLevel: 'county_hospital',
        requiredPostings: 1,
        postedQualified: 0,
        needs: [{ code: 't7_posting', rule: 'T7', gap: 1, params: { required: 1, posted: 0 } }],
        steps: [{ code: 'tier_2', rule: 'T5', params: { score: 55, t1: 70, t3: 40 } }],
        rules: ['T5', 'T6', 'T7'],
      },
    ],
    roster: { issues: [], summary: { people: 0, postings: 0, halfReleaseShare: 0, personMonths: 0, subsidyCny: 0, institutionsCovered: 0 } },
    problems: [],
  };
}

export function decision(villageCode: string, extra: Partial<ProposalDecision>): ProposalDecision {
  return {
    scenarioId: 0,
    villageCode,
    action: 'accept',
    mode: null,
    visitsPerWeek: null,
    postingDaysPerWeek: null,
    reason: '',
    proposedMode: null,
    decidedAt: '2026-11-23T01:00:00Z',
    ...extra,
  };
}
