/**
 * Village planning (electron/engine/planning/villages.ts): every rule pinned at and either side of
 * its threshold on small hand-made inputs, and the demo county's advertised cases.
 */
import { describe, expect, it } from 'vitest';
import { SERVICE_MODES, type VillageProposal } from '../../electron/domain/planning.js';
import { defaultRuleValues } from '../../electron/domain/rules.js';
import type { Facility, LngLat, Village } from '../../electron/domain/types.js';
import { roadInputsFromLayer, runCoverageAnalysis } from '../../electron/engine/analysis.js';
import { straightLineOracle } from '../../electron/engine/planning/oracle.js';
import type { TravelOracle } from '../../electron/engine/planning/types.js';
import { planVillages } from '../../electron/engine/planning/villages.js';
import { generateDemoCounty } from '../../electron/io/demo/generate.js';
import { catalogs, translate } from '../../renderer/src/i18n/index.js';
import { proposalReasonText } from '../../renderer/src/i18n/planning-format.js';
import { clinic, countyHospital, planningInput, thc, village, type InputOptions } from './planning-village-fixtures.js';

const byCode = (ps: VillageProposal[], code: string): VillageProposal => {
  const p = ps.find((x) => x.code === code);
  if (!p) throw new Error(`no proposal for ${code}`);
  return p;
};
const codes = (p: VillageProposal): string[] => p.steps.map((s) => s.code);

/** A strong THC and a county hospital, so V5 does not interfere unless a test wants it. */
const strong = (): Facility[] => [thc('recommended', 50), countyHospital()];
/** A covered village whose clinic is `km` east of the origin (the nearest clinic of the test villages). */
function farClinic(n: number, at: [number, number]): { v: Village; f: Facility } {
  const v = village(n, 1500, at);
  return { v, f: clinic(v, at) };
}

/** One blank village at the origin plus a covered village with a clinic 30 km away. */
function single(population: number, o: InputOptions & { extra?: Partial<Village>; facilities?: Facility[] } = {}): VillageProposal {
  const a = village(1, population, [0, 0], o.extra);
  const far = farClinic(99, [30, 5]);
  const plan = planVillages(planningInput([a, far.v], [far.f, ...(o.facilities ?? strong())], o));
  return byCode(plan.villages, a.code);
}

/** Oracle where every pair of distinct places is `m` minutes apart. */
function constantOracle(m: number): TravelOracle {
  return {
    minutes(from: LngLat, to: readonly LngLat[], limit = Infinity) {
      return Float64Array.from(to.map((p) => (p[0] === from[0] && p[1] === from[1] ? 0 : m <= limit ? m : Infinity)));
    },
  };
}

describe('planVillages: V6 and data', () => {
  it('V6: a village with its own qualified clinic is covered', () => {
    const a = village(1, 500, [0, 0]);
    const plan = planVillages(planningInput([a], [clinic(a, [0, 0]), ...strong()]));
    expect(plan.villages[0]).toMatchObject({ mode: 'covered', decisiveRule: 'V6', mergeId: null, thcCode: 'THC-431299201' });
    expect(plan.villages[0].steps[0]).toMatchObject({ code: 'has_qualified_clinic', rule: 'V6', params: { clinic: '村1卫生室' } });
  });

  it('a clinic without a qualified doctor leaves the village blank (blank_no_qualified_doctor)', () => {
    const a = village(1, 1500, [0, 0]);
    const far = farClinic(99, [30, 5]);
    const plan = planVillages(planningInput([a, far.v], [clinic(a, [0, 0], 0), far.f, ...strong()]));
    expect(codes(byCode(plan.villages, a.code))).toContain('blank_no_qualified_doctor');
    expect(byCode(plan.villages, a.code).mode).toBe('tour');
  });

  it('missing population → no proposal, reason missing_population (0, negative, NaN)', () => {
    for (const population of [0, -5, Number.NaN]) {
      const a = village(1, population, [0, 0]);
      const plan = planVillages(planningInput([a], strong()));
      expect(plan.villages[0]).toMatchObject({ mode: null, missing: ['population'], decisiveRule: null, population: null });
      expect(codes(plan.villages[0])).toEqual(['missing_population']);
      expect(plan.problems).toEqual([{ kind: 'village', ref: a.code, code: 'missing_population', params: { village: a.name, code: a.code } }]);
    }
  });

  it('missing location → no proposal, reason missing_location', () => {
    const a = village(1, 900, [0, 0], { location: [Number.NaN, 27] });
    const plan = planVillages(planningInput([a], strong()));
    expect(plan.villages[0]).toMatchObject({ mode: null, missing: ['location'] });
    expect(plan.problems.map((p) => p.code)).toEqual(['missing_location']);
  });
});

describe('planVillages: thresholds (V1-V4)', () => {
  it('X.small_village_population: 799 → joint clinic candidate, 800 → not (tour)', () => {
    const run = (pop: number) => {
      const a = village(1, pop, [0, 0]);
      const b = village(2, 500, [2, 0]);
      const far = farClinic(99, [40, 10]);
      const plan = planVillages(planningInput([a, b, far.v], [far.f, ...strong()]));
      return [byCode(plan.villages, a.code), byCode(plan.villages, b.code)];
    };
    const [a799, b799] = run(799);
    expect(a799.mode).toBe('joint_clinic');
    expect(b799.mode).toBe('joint_clinic');
    expect(a799.steps[0]).toMatchObject({ code: 'population_below', params: { population: 799, threshold: 800 } });
    const [a800, b800] = run(800);
    expect(a800.mode).toBe('tour');
    expect(a800.steps[0]).toMatchObject({ code: 'population_between', params: { population: 800, small: 800, large: 2000 } });
    expect(b800.mode).toBe('tour');
  });

  it('V4.small_area_km2: area 2.9 makes a 1500-resident village a joint clinic candidate, 3.0 does not', () => {
    const run = (area: number) => {
      const a = village(1, 1500, [0, 0], { areaKm2: area });
      const b = village(2, 500, [2, 0]);
      const far = farClinic(99, [40, 10]);
      return byCode(planVillages(planningInput([a, b, far.v], [far.f, ...strong()])).villages, a.code);
    };
    const small = run(2.9);
    expect(small.mode).toBe('joint_clinic');
    expect(small.steps.find((s) => s.code === 'area_below')).toMatchObject({ rule: 'V4.small_area_km2', params: { area: 2.9, threshold: 3 } });
    expect(run(3).mode).toBe('tour');
  });

  it('V4.joint_clinic_min_population: 800 combined → joint clinic, 799 → none', () => {
    const run = (second: number) => {
      const a = village(1, 400, [0, 0]);
      const b = village(2, second, [2, 0]);
      const far = farClinic(99, [40, 10]);
      const plan = planVillages(planningInput([a, b, far.v], [far.f, ...strong()]));
      return { a: byCode(plan.villages, a.code), merges: plan.merges };
    };
    const yes = run(400);
    expect(yes.a.mode).toBe('joint_clinic');
    expect(yes.merges).toHaveLength(1);
    expect(yes.a.steps.find((s) => s.code === 'adjacent_blank_group')?.params).toMatchObject({ population: 800, threshold: 800, count: 2 });
    const no = run(399);
    expect(no.a.mode).toBe('tour');
    expect(no.merges).toHaveLength(0);
  });

  it('V4.merge_max_minutes: an adjacent pair 20.0 minutes apart joins, 20.1 does not', () => {
    const run = (m: number) => {
      const a = village(1, 500, [0, 0]);
      const b = village(2, 500, [2, 0]);
      const far = farClinic(99, [40, 10]);
      const plan = planVillages(planningInput([a, b, far.v], [far.f, ...strong()], { oracle: constantOracle(m) }));
      return byCode(plan.villages, a.code);
    };
    expect(run(20).mode).toBe('joint_clinic');
    expect(run(20.1).mode).toBe('tour');
  });

  it('V4.neighbour_service_minutes: 15.0 in reach, 15.1 not', () => {
    const run = (m: number) => {
      const a = village(1, 620, [0, 0]);
      const far = farClinic(99, [30, 5]);
      const plan = planVillages(planningInput([a, far.v], [far.f, ...strong()], { patch: { [a.code]: { clinic: m } } }));
      return { p: byCode(plan.villages, a.code), merges: plan.merges };
    };
    const within = run(15);
    expect(within.p).toMatchObject({ mode: 'neighbour', decisiveRule: 'V4', mergeId: 1 });
    expect(within.p.steps.at(-1)).toMatchObject({ code: 'neighbour_clinic_within', rule: 'V4.neighbour_service_minutes', params: { village: '村99', clinic: '村99卫生室', minutes: 15, limit: 15 } });
    expect(within.merges).toEqual([
      expect.objectContaining({ id: 1, kind: 'neighbour', hostCode: '431299201099', clinicCode: 'VC-431299201099', adjacency: 'travel_time', members: [{ code: within.p.code, name: '村1', population: 620, minutes: 15 }], weightedMinutes: 15 }),
    ]);
    const beyond = run(15.1);
    expect(beyond.p.mode).toBe('tour');
    expect(beyond.p.mergeId).toBeNull();
    expect(beyond.p.steps.find((s) => s.code === 'neighbour_clinic_beyond')?.params).toEqual({ minutes: 15.1, limit: 15 });
    expect(beyond.merges).toEqual([]);
  });

  it('V4 neighbour applies to a large village too: 2500 residents with a clinic 9 minutes away → neighbour, not posting', () => {
    const a = village(1, 2500, [0, 0]);
    const far = farClinic(99, [9, 0]);
    expect(byCode(planVillages(planningInput([a, far.v], [far.f, ...strong()])).villages, a.code).mode).toBe('neighbour');
  });

  it('V3 posting at 2000 / tour at 1999 (X.large_village_population)', () => {
    const at = single(2000);
    expect(at).toMatchObject({ mode: 'posting', decisiveRule: 'V3', postingDaysPerWeek: 5, postingMinMonths: 6, visitsPerWeek: null });
    expect(at.rules).toEqual(expect.arrayContaining(['X.large_village_population', 'V4.neighbour_service_minutes', 'V3.posting_days_per_week', 'V3.posting_min_months', 'V3']));
    expect(at.figures).toMatchObject({ population: 2000, large: 2000, reach: 15 });
    const below = single(1999);
    expect(below).toMatchObject({ mode: 'tour', decisiveRule: 'V1', visitsPerWeek: 2, postingDaysPerWeek: null });
  });

  it('V1: a blank relocation settlement is toured, whatever its size', () => {
    const p = single(3000, { extra: { kind: 'settlement' } });
    expect(p).toMatchObject({ mode: 'tour', decisiveRule: 'V1' });
    expect(codes(p)).toEqual(['blank_no_clinic', 'settlement', 'tour_visits']);
  });

  it('V2 floor: tour visits never below V2.tour_floor_per_week', () => {
    expect(single(1000, { rules: { 'V1.tour_visits_per_week': 1, 'V2.tour_floor_per_week': 3 } }).visitsPerWeek).toBe(3);
    expect(single(1000, { rules: { 'V1.tour_visits_per_week': 4, 'V2.tour_floor_per_week': 1 } }).visitsPerWeek).toBe(4);
    // Values below the floors are clamped up to the floor, never used as such.
    expect(single(1000, { rules: { 'V1.tour_visits_per_week': 0, 'V2.tour_floor_per_week': 1, 'H2.village_tours_per_week': 1 } }).visitsPerWeek).toBe(1);
  });

  it('V4: a joint clinic is preferred over a neighbour clinic within reach', () => {
    const a = village(1, 500, [0, 0]);
    const b = village(2, 500, [2, 0]);
    const c = village(3, 1500, [5, 0.5]);
    const plan = planVillages(planningInput([a, b, c], [clinic(c, [5, 0.5]), ...strong()]));
    expect(byCode(plan.villages, a.code).mode).toBe('joint_clinic');
    expect(byCode(plan.villages, b.code).mode).toBe('joint_clinic');
  });
});

describe('planVillages: capacity (V5)', () => {
  /** Two tour villages (900 and 1000 residents) far apart, a THC with `physicians`. */
  function tours(facilities: Facility[]): VillageProposal[] {
    const a = village(1, 900, [0, 0]);
    const b = village(2, 1000, [0, 50]);
    const far = farClinic(99, [30, 25]);
    return planVillages(planningInput([a, b, far.v], [far.f, ...facilities])).villages.slice(0, 2);
  }

  it('V5 capacity exactly full / one over: 1 physician = 1 day = two half-day visits', () => {
    // Capacity: 1 physician × 5 days × 20 % = 1 day; a tour of 2 visits needs 2 × 0.5 = 1 day.
    const a = village(1, 1000, [0, 0]);
    const far = farClinic(99, [30, 25]);
    const full = byCode(planVillages(planningInput([a, far.v], [far.f, thc('basic', 1), countyHospital()])).villages, a.code);
    expect(full).toMatchObject({ mode: 'tour', visitsPerWeek: 2, thcCode: 'THC-431299201', backfillBy: null });
    // One tour more than the day holds: the larger village keeps the THC, the smaller is backfilled.
    const over = tours([thc('basic', 1), countyHospital()]);
    expect(over[1].mode).toBe('tour');
    expect(over[0]).toMatchObject({ mode: 'county_backfill', backfillOf: 'tour', visitsPerWeek: 2, decisiveRule: 'V5', backfillBy: 'CH-1' });
    expect(over[0].steps.at(-1)).toEqual({ code: 'thc_short_staffed', rule: 'V5', params: { thc: 'THC431299201', demand: 2, capacity: 1 } });
    expect(over[0].rules).toEqual(expect.arrayContaining(['X.working_days_per_week', 'V5.thc_outreach_share', 'V5']));
    // An assistant physician counts too: 2 days, both tours fit exactly.
    expect(tours([thc('basic', 1, 1), countyHospital()]).map((p) => p.mode)).toEqual(['tour', 'tour']);
  });

  it('V5 capacity table: demand, capacity and backfilled counts per THC', () => {
    const a = village(1, 900, [0, 0]);
    const b = village(2, 1000, [0, 50]);
    const far = farClinic(99, [30, 25]);
    const plan = planVillages(planningInput([a, b, far.v], [far.f, thc('basic', 1), countyHospital()]));
    expect(plan.capacity).toEqual([
      { thcCode: 'THC-431299201', name: 'THC431299201', townshipCode: '431299201', capability: 'basic', capacityDays: 1, demandDays: 2, tourVillages: 2, postingVillages: 0, backfilledVillages: 1, tooWeak: false },
    ]);
  });

  it('V5: postings are served before tours', () => {
    const a = village(1, 2500, [0, 0]);
    const b = village(2, 1000, [0, 50]);
    const far = farClinic(99, [30, 25]);
    // 5 physicians: 5 days; the posting takes all 5.
    const plan = planVillages(planningInput([a, b, far.v], [far.f, thc('basic', 5), countyHospital()]));
    expect(byCode(plan.villages, a.code).mode).toBe('posting');
    expect(byCode(plan.villages, b.code)).toMatchObject({ mode: 'county_backfill', backfillOf: 'tour' });
  });

  it('V5 below_basic THC → county_backfill of all its tours and postings', () => {
    const a = village(1, 2500, [0, 0]);
    const b = village(2, 1000, [0, 50]);
    const far = farClinic(99, [30, 25]);
    const plan = planVillages(planningInput([a, b, far.v], [far.f, thc('below_basic', 50), countyHospital()]));
    expect(byCode(plan.villages, a.code)).toMatchObject({ mode: 'county_backfill', backfillOf: 'posting', postingDaysPerWeek: 5, postingMinMonths: 6, decisiveRule: 'V5', backfillBy: 'CH-1' });
    expect(byCode(plan.villages, b.code)).toMatchObject({ mode: 'county_backfill', backfillOf: 'tour', visitsPerWeek: 2 });
    expect(byCode(plan.villages, b.code).steps.at(-1)).toEqual({ code: 'thc_too_weak', rule: 'V5', params: { thc: 'THC431299201' } });
    expect(plan.capacity[0]).toMatchObject({ tooWeak: true, capacityDays: 0, backfilledVillages: 2, tourVillages: 1, postingVillages: 1 });
    // The covered village is not the THC's concern.
    expect(byCode(plan.villages, far.v.code).mode).toBe('covered');
  });

  it('V5 without a responsible THC → county_backfill (no_thc); without a county hospital backfillBy is null', () => {
    const p = single(1000, { facilities: [] });
    expect(p).toMatchObject({ mode: 'county_backfill', backfillOf: 'tour', thcCode: null, backfillBy: null });
    expect(p.steps.at(-1)?.code).toBe('no_thc');
  });

  it('V5: a THC of another township is responsible when the village has none of its own (nearest THC)', () => {
    const p = single(1000, { facilities: [thc('basic', 10, 0, [0, -30], '431299202'), countyHospital()] });
    expect(p).toMatchObject({ mode: 'tour', thcCode: 'THC-431299202' });
  });
});

describe('planVillages: reasons', () => {
  it('the renderer sentence names the figures and the rule', () => {
    const a = village(1, 620, [0, 0]);
    const b = village(2, 1500, [9, 0]);
    const plan = planVillages(planningInput([a, b], [clinic(b, [9, 0]), ...strong()]));
    const text = proposalReasonText('zh-CN', byCode(plan.villages, a.code));
    expect(text.startsWith('人口 620 < 800，无村卫生室，距邻村卫生室（村2）9 分钟 ≤ 15 → ')).toBe(true);
    expect(text.endsWith('[V4]')).toBe(true);
  });
});

describe('planVillages: demo county', () => {
  const d = generateDemoCounty();
  const rules = defaultRuleValues();
  const coverage = runCoverageAnalysis({ villages: d.villages, facilities: d.facilities, roads: roadInputsFromLayer(d.roads), townships: d.townships, rules, mode: 'car', dem: null }).document.villages;
  const plan = planVillages({ villages: d.villages, facilities: d.facilities, postings: d.postings, villageAreas: d.villageAreas, coverage, rules, mode: 'car', travel: straightLineOracle(35, 1.3) });
  const mode = (code: string) => byCode(plan.villages, code);

  it('every service mode occurs', () => {
    const modes = new Set(plan.villages.map((p) => p.mode));
    expect(SERVICE_MODES.filter((m) => !modes.has(m))).toEqual([]);
    expect(plan.problems).toEqual([]);
  });

  it('the large blank village far from any clinic gets a posting (V3)', () => {
    expect(mode(d.cases.largeBlankFar)).toMatchObject({ mode: 'posting', population: 2680, figures: expect.objectContaining({ clinicMinutes: 23.3 }) });
  });

  it('the adjacent small blank pair: joint clinic where the roads allow it', () => {
    // 李林村 (609) joins 牛田村 (746) in a joint clinic. 上坪村 (576) is 3 minutes from 李林村 in a
    // straight line but, by the car network, at least 29.8 minutes (its nearest THC is 35.6 minutes
    // away, 李林村's 5.8: triangle inequality), beyond V4.merge_max_minutes, so it is served by its
    // neighbour's clinic 5.6 minutes away instead.
    const [shangping, lilin] = d.cases.adjacentSmallBlanks;
    expect(mode(lilin).mode).toBe('joint_clinic');
    const merge = plan.merges.find((m) => m.id === mode(lilin).mergeId);
    expect(merge).toMatchObject({ kind: 'joint_clinic', adjacency: 'polygons' });
    expect(merge?.members.map((m) => m.name).sort()).toEqual(['李林村', '牛田村'].sort());
    expect(mode(shangping).mode).toBe('neighbour');
  });

  it('the small blank village near a neighbour clinic is served by it (V4)', () => {
    expect(mode(d.cases.smallBlankNearNeighbour)).toMatchObject({ mode: 'neighbour', figures: expect.objectContaining({ clinicMinutes: 4.4 }) });
  });

  it('blank settlements are toured (or backfilled)', () => {
    const blank = new Set(coverage.filter((c) => c.blank).map((c) => c.code));
    const settlements = d.cases.settlements.filter((c) => blank.has(c));
    expect(settlements.length).toBeGreaterThan(0);
    for (const c of settlements) expect(['tour', 'county_backfill']).toContain(mode(c).mode);
    for (const c of settlements) expect(mode(c).mode === 'tour' || mode(c).backfillOf === 'tour').toBe(true);
  });

  it('the remote small blank village is backfilled by the county (its THC is below basic)', () => {
    expect(mode(d.cases.remoteSmallBlank)).toMatchObject({ mode: 'county_backfill', backfillOf: 'tour', decisiveRule: 'V5' });
    expect(mode(d.cases.remoteSmallBlank).steps.at(-1)?.code).toBe('thc_too_weak');
    expect(plan.capacity.find((c) => c.thcCode === 'THC-431299201')).toMatchObject({ tooWeak: true });
  });

  it('every THC has a capacity row and every step code has a text in both locales', () => {
    expect(plan.capacity.map((c) => c.thcCode).sort()).toEqual(d.facilities.filter((f) => f.level === 'township_hc' || f.level === 'sub_center').map((f) => f.code).sort());
    const used = new Set(plan.villages.flatMap((p) => p.steps.map((s) => s.code)));
    for (const code of used) {
      expect(translate('zh-CN', `villageReasons.${code}`)).not.toBe(`villageReasons.${code}`);
      expect(translate('en', `villageReasons.${code}`)).not.toBe(`villageReasons.${code}`);
    }
    expect(Object.keys(catalogs.en.villageReasons).sort()).toEqual(Object.keys(catalogs['zh-CN'].villageReasons).sort());
  });
});
