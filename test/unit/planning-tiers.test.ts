/** THC tiers (T5), supporting hospitals (T6) and THC needs (T1, T2, T3, T7). */
import { describe, expect, it } from 'vitest';
import { defaultRuleValues } from '../../electron/domain/rules.js';
import type { Facility, Posting } from '../../electron/domain/types.js';
import { roadInputsFromLayer, runCoverageAnalysis } from '../../electron/engine/analysis.js';
import { straightLineOracle } from '../../electron/engine/planning/oracle.js';
import { rankThcs, tierProblems } from '../../electron/engine/planning/tiers.js';
import { DEMO_CODES, generateDemoCounty } from '../../electron/io/demo/generate.js';
import { facility, planningInput, posting, tableOracle, thc, village, type InputParts } from './planning-thc-fixtures.js';

const TOWN = '431299201';
const CH = (): Facility => facility('CH-1', 'county_hospital');

/** One THC of TOWN with `population` residents, its county hospital `seat` minutes away. */
function rankOne(t: Facility, opts: { population?: number; seat?: number; city?: number; postings?: Posting[]; rules?: InputParts['rules'] } = {}) {
  const ch = CH();
  const facilities = [t, ch];
  const rows: [Facility, Facility, number][] = [[t, ch, opts.seat ?? 20]];
  if (opts.city !== undefined) {
    const city = facility('CITY-1', 'city_hospital');
    facilities.push(city);
    rows.push([t, city, opts.city]);
  }
  const villages = opts.population !== undefined ? [village(`${TOWN}001`, opts.population)] : [];
  const tiers = rankThcs(planningInput({ facilities, villages, postings: opts.postings, rules: opts.rules, travel: tableOracle(rows), year: 2026 }));
  expect(tiers).toHaveLength(1);
  return tiers[0];
}

const need = (t: ReturnType<typeof rankOne>, code: string) => t.needs.find((n) => n.code === code);

describe('T5 score parts', () => {
  it('T5 capability points: recommended 50, basic 25, below_basic 0', () => {
    expect(rankOne(thc(TOWN, 'recommended')).parts.capability).toBe(50);
    expect(rankOne(thc(TOWN, 'basic')).parts.capability).toBe(25);
    expect(rankOne(thc(TOWN, 'below_basic')).parts.capability).toBe(0);
  });

  it('T5.points_recommended / T5.points_basic / T5.points_population / T5.points_staff / T5.points_remoteness_max: the weights come from the rules table', () => {
    const rules = { ...defaultRuleValues(), 'T5.points_recommended': 40, 'T5.points_basic': 20, 'T5.points_population': 30, 'T5.points_staff': 10, 'T5.points_remoteness_max': 20 };
    expect(rankOne(thc(TOWN, 'recommended'), { rules }).parts.capability).toBe(40);
    expect(rankOne(thc(TOWN, 'basic'), { rules }).parts.capability).toBe(20);
    expect(rankOne(thc(TOWN, 'basic'), { population: 30000, rules }).parts.population).toBe(30);
    // Twice T5.remote_minutes (45) or more from the county seat: the full deduction.
    expect(rankOne(thc(TOWN, 'basic'), { seat: 90, rules }).parts.remoteness).toBe(-20);
  });

  it('T5.population_full_points: 30,000 → 25 points, 15,000 → 12.5, 45,000 capped at 25', () => {
    expect(rankOne(thc(TOWN, 'basic'), { population: 30000 }).parts.population).toBe(25);
    expect(rankOne(thc(TOWN, 'basic'), { population: 15000 }).parts.population).toBe(12.5);
    expect(rankOne(thc(TOWN, 'basic'), { population: 45000 }).parts.population).toBe(25);
  });

  it('T5.physicians_full_points: 20 + 5 assistants → 25 points, 24 → 24', () => {
    const t = rankOne(thc(TOWN, 'basic', { physicians: 20, assistantPhysicians: 5 }));
    expect(t.physicians).toBe(25);
    expect(t.parts.staff).toBe(25);
    expect(rankOne(thc(TOWN, 'basic', { physicians: 24 })).parts.staff).toBe(24);
  });

  it('T5.remote_minutes: 45 min no penalty, 48 min −1, 90 and 120 min −15, unreachable −15', () => {
    expect(rankOne(thc(TOWN, 'basic'), { seat: 45 }).parts.remoteness).toBe(0);
    expect(rankOne(thc(TOWN, 'basic'), { seat: 48 }).parts.remoteness).toBe(-1);
    expect(rankOne(thc(TOWN, 'basic'), { seat: 90 }).parts.remoteness).toBe(-15);
    expect(rankOne(thc(TOWN, 'basic'), { seat: 120 }).parts.remoteness).toBe(-15);
    const lost = rankOne(thc(TOWN, 'basic'), { seat: Infinity });
    expect(lost.parts.remoteness).toBe(-15);
    expect(lost.minutesToCountySeat).toBeNull();
    expect(lost.steps.map((s) => s.code)).toContain('remoteness_unreachable');
  });

  it('the score is the sum of its parts and every part has a step with its figures', () => {
    const t = rankOne(thc(TOWN, 'basic', { physicians: 10 }), { population: 12000, seat: 60 });
    expect(t.score).toBeCloseTo(t.parts.capability + t.parts.population + t.parts.staff + t.parts.remoteness, 9);
    expect(t.score).toBe(25 + 10 + 10 - 5);
    expect(t.steps.map((s) => s.code)).toEqual(['capability_basic', 'served_population', 'staff', 'remoteness', 'tier_2', 'support_county']);
    expect(t.steps[3].params).toMatchObject({ minutes: 60, limit: 45, points: 5 });
  });
});

describe('T5 tiers', () => {
  it('T5.tier1_min_score: 70 → tier 1, 69.9 → tier 2 (recommended)', () => {
    const at = rankOne(thc(TOWN, 'recommended'), { population: 24000 });
    expect(at.score).toBe(70);
    expect(at.tier).toBe(1);
    const below = rankOne(thc(TOWN, 'recommended'), { population: 23880 });
    expect(below.score).toBe(69.9);
    expect(below.tier).toBe(2);
  });

  it('T5 tier 1 needs the recommended standard: basic with 75 points → tier 2', () => {
    const t = rankOne(thc(TOWN, 'basic', { physicians: 25 }), { population: 30000 });
    expect(t.score).toBe(75);
    expect(t.tier).toBe(2);
  });

  it('T5.tier3_below_score: 40 → tier 2, 39.9 → tier 3 (basic)', () => {
    expect(rankOne(thc(TOWN, 'basic'), { population: 18000 })).toMatchObject({ score: 40, tier: 2 });
    const t = rankOne(thc(TOWN, 'basic'), { population: 17880 });
    expect(t).toMatchObject({ score: 39.9, tier: 3 });
    expect(t.steps.find((s) => s.code === 'tier_3_score')?.rule).toBe('T5.tier3_below_score');
  });

  it('T5 below the basic standard → tier 3 whatever the score', () => {
    const t = rankOne(thc(TOWN, 'below_basic', { physicians: 25 }), { population: 30000 });
    expect(t).toMatchObject({ score: 50, tier: 3 });
    expect(t.steps.map((s) => s.code)).toContain('tier_3_below_basic');
  });

  it('T5 unknown capability → no tier, a capability_unknown step and a facility input problem', () => {
    const t = rankOne(thc(TOWN, null, { physicians: 25 }), { population: 30000 });
    expect(t.tier).toBeNull();
    expect(t.score).toBeNull();
    expect(t.steps[0].code).toBe('capability_unknown');
    expect(tierProblems([t])).toEqual([{ kind: 'facility', ref: t.code, code: 'capability_unknown', params: { code: t.code, name: t.name } }]);
  });

  it('T5.tier1_min_score and T5.population_full_points are read from the project rules', () => {
    const t = rankOne(thc(TOWN, 'recommended'), { population: 10000, rules: { 'T5.population_full_points': 10000, 'T5.tier1_min_score': 75 } });
    expect(t).toMatchObject({ score: 75, tier: 1 });
    expect(t.rules).toEqual(expect.arrayContaining(['T5.population_full_points', 'T5.tier1_min_score']));
  });

  it('served population: the THC township villages; without a township, the villages it is nearest to', () => {
    const a = thc(TOWN, 'basic');
    const b = facility('SC-1', 'sub_center', { capability: 'basic' });
    const villages = [village(`${TOWN}001`, 1000), village(`${TOWN}002`, 2000), village('431299202001', 4000), village('431299202002', 8000)];
    const tiers = rankThcs(planningInput({ facilities: [a, b, CH()], villages, nearestThc: { '431299202001': 'SC-1', [`${TOWN}002`]: 'SC-1' } }));
    expect(tiers.map((t) => [t.code, t.servedPopulation])).toEqual([[a.code, 3000], ['SC-1', 6000]]);
  });
});

describe('T6 supporting hospital', () => {
  it('T6.city_core_near_minutes at 45 / 45.1: city hospital / county hospital', () => {
    const near = rankOne(thc(TOWN, 'basic'), { seat: 10, city: 45 });
    expect(near).toMatchObject({ supportingHospital: 'CITY-1', supportingLevel: 'city_hospital', nearCityCore: true, minutesToCityCore: 45 });
    const far = rankOne(thc(TOWN, 'basic'), { seat: 10, city: 45.1 });
    expect(far).toMatchObject({ supportingHospital: 'CH-1', supportingLevel: 'county_hospital', nearCityCore: false });
  });

  it('T6.city_side_margin_minutes (product default 30): city hospital 30 min farther than the county hospital → city, 30.1 → county', () => {
    expect(rankOne(thc(TOWN, 'basic'), { seat: 40, city: 70 })).toMatchObject({ supportingLevel: 'city_hospital', nearCityCore: true });
    expect(rankOne(thc(TOWN, 'basic'), { seat: 39.9, city: 70 })).toMatchObject({ supportingLevel: 'county_hospital', nearCityCore: false });
    expect(rankOne(thc(TOWN, 'basic'), { seat: 39.9, city: 70, rules: { 'T6.city_side_margin_minutes': 31 } }).supportingLevel).toBe('city_hospital');
  });

  it('T6 without a city hospital: the county hospital, minutes to the city core null', () => {
    const t = rankOne(thc(TOWN, 'basic'), { seat: 30 });
    expect(t).toMatchObject({ supportingHospital: 'CH-1', supportingLevel: 'county_hospital', minutesToCityCore: null, minutesToCountySeat: 30 });
  });

  it('T6 with no county hospital within reach: the city hospital, however far', () => {
    const t = rankOne(thc(TOWN, 'basic'), { seat: Infinity, city: 200 });
    expect(t).toMatchObject({ supportingHospital: 'CITY-1', supportingLevel: 'city_hospital', nearCityCore: false });
  });
});

describe('THC needs', () => {
  const T = `THC-${TOWN}`;
  it('T1 below basic: needs 1 county hospital staff; met by a qualified county hospital posting, not by a junior one', () => {
    expect(need(rankOne(thc(TOWN, 'below_basic')), 't1_county_staff')).toMatchObject({ gap: 1, rule: 'T1', params: { required: 1, posted: 0 } });
    expect(need(rankOne(thc(TOWN, 'below_basic'), { postings: [posting({ toInstitution: T })] }), 't1_county_staff')?.gap).toBe(0);
    expect(need(rankOne(thc(TOWN, 'below_basic'), { postings: [posting({ toInstitution: T, titleLevel: 'junior' })] }), 't1_county_staff')?.gap).toBe(1);
    expect(need(rankOne(thc(TOWN, 'basic')), 't1_county_staff')).toBeUndefined();
  });

  it('T2 planned sub-center: emergency or surgery staff from county level or above close the gap', () => {
    const sc = (): Facility => thc(TOWN, 'recommended', { isPlannedSubCenter: true });
    expect(need(rankOne(sc()), 't2_sub_center_staff')?.gap).toBe(1);
    expect(need(rankOne(sc(), { postings: [posting({ toInstitution: T, profession: '急诊' })] }), 't2_sub_center_staff')?.gap).toBe(0);
    expect(need(rankOne(sc(), { postings: [posting({ toInstitution: T, profession: '内科' })] }), 't2_sub_center_staff')?.gap).toBe(1);
    expect(need(rankOne(sc(), { postings: [posting({ toInstitution: T, profession: '外科', fromInstitution: 'CDC-1' })] }), 't2_sub_center_staff')?.gap).toBe(1);
    expect(need(rankOne(thc(TOWN, 'recommended')), 't2_sub_center_staff')).toBeUndefined();
  });

  it('T3.public_health_physicians_min: 1 on staff → gap 0, none → gap 1', () => {
    expect(need(rankOne(thc(TOWN, 'basic', { publicHealthPhysicians: 1 })), 't3_public_health')?.gap).toBe(0);
    expect(need(rankOne(thc(TOWN, 'basic', { publicHealthPhysicians: 0 })), 't3_public_health')).toMatchObject({ gap: 1, rule: 'T3.public_health_physicians_min' });
    expect(need(rankOne(thc(TOWN, 'basic', { publicHealthPhysicians: 0 }), { rules: { 'T3.public_health_physicians_min': 2 } }), 't3_public_health')?.gap).toBe(2);
  });

  it('T3 a CDC public health posting counts when it covers the whole year: two half years yes, one half year no', () => {
    const noPh = (): Facility => thc(TOWN, 'basic', { publicHealthPhysicians: 0 });
    const h1 = (): Posting => posting({ toInstitution: T, profession: '公共卫生', fromInstitution: 'CDC-1', endDate: '2026-06-30' });
    const h2 = (): Posting => posting({ toInstitution: T, profession: '公共卫生', fromInstitution: 'CDC-1', startDate: '2026-07-01' });
    expect(need(rankOne(noPh(), { postings: [h1(), h2()] }), 't3_public_health')).toMatchObject({ gap: 0, params: { posted: 1 } });
    expect(need(rankOne(noPh(), { postings: [h1()] }), 't3_public_health')).toMatchObject({ gap: 1, params: { posted: 0 } });
  });

  it('T7.posting_min_title: intermediate counts, junior does not', () => {
    const ok = rankOne(thc(TOWN, 'basic'), { postings: [posting({ toInstitution: T })] });
    expect(ok).toMatchObject({ requiredPostings: 1, postedQualified: 1 });
    expect(need(ok, 't7_posting')?.gap).toBe(0);
    const junior = rankOne(thc(TOWN, 'basic'), { postings: [posting({ toInstitution: T, titleLevel: 'junior' })] });
    expect(junior.postedQualified).toBe(0);
    expect(need(junior, 't7_posting')).toMatchObject({ gap: 1, rule: 'T7.posted_physicians_per_thc' });
  });

  it('T7.posting_min_months: 6 months (01-01 … 06-30) counts, 06-29 does not', () => {
    expect(rankOne(thc(TOWN, 'basic'), { postings: [posting({ toInstitution: T, endDate: '2026-06-30' })] }).postedQualified).toBe(1);
    expect(rankOne(thc(TOWN, 'basic'), { postings: [posting({ toInstitution: T, endDate: '2026-06-29' })] }).postedQualified).toBe(0);
  });

  it('T7.posted_physicians_per_thc: a person posted twice counts once; 2 required → gap 1', () => {
    const twice = [posting({ toInstitution: T, person: '甲', endDate: '2026-06-30' }), posting({ toInstitution: T, person: '甲', startDate: '2026-07-01', profession: '外科' })];
    const t = rankOne(thc(TOWN, 'basic'), { postings: twice, rules: { 'T7.posted_physicians_per_thc': 2 } });
    expect(t).toMatchObject({ requiredPostings: 2, postedQualified: 1 });
    expect(need(t, 't7_posting')?.gap).toBe(1);
  });
});

describe('demo county', () => {
  const d = generateDemoCounty();
  const rules = defaultRuleValues();
  const out = runCoverageAnalysis({ villages: d.villages, facilities: d.facilities, roads: roadInputsFromLayer(d.roads), townships: d.townships, rules, mode: 'car', dem: null });
  const tiers = rankThcs({ villages: d.villages, facilities: d.facilities, postings: d.postings, villageAreas: d.villageAreas, coverage: out.document.villages, rules, mode: 'car', travel: straightLineOracle(40, 1.3) });
  const byCode = new Map(tiers.map((t) => [t.code, t]));
  const codesOf = (tier: number) => tiers.filter((t) => t.tier === tier).map((t) => t.code).sort();

  it('T5 ranks the demo THCs into the tiers the demo was built for', () => {
    expect(codesOf(1)).toEqual(d.cases.thcTier1);
    expect(codesOf(2)).toEqual(d.cases.thcTier2);
    expect(codesOf(3)).toEqual(d.cases.thcTier3);
    expect(tiers.every((t) => t.score !== null && t.score >= 0 && t.score <= 100)).toBe(true);
  });

  it('T5 served populations are the township populations', () => {
    expect(byCode.get('THC-431299102')?.servedPopulation).toBe(23351);
    expect(byCode.get('THC-431299203')?.servedPopulation).toBe(31980);
  });

  it('T6 the city-side THC (桥头镇) is supported by the city hospital, the others by the county hospital', () => {
    expect(byCode.get('THC-431299103')).toMatchObject({ supportingHospital: DEMO_CODES.cityHospital, supportingLevel: 'city_hospital', nearCityCore: true });
    const others = tiers.filter((t) => t.code !== 'THC-431299103');
    expect(others.every((t) => t.supportingHospital === DEMO_CODES.countyHospital && !t.nearCityCore)).toBe(true);
  });

  it('T3 the THCs without a public health physician need one unless the CDC posts one all year', () => {
    for (const code of d.cases.thcWithoutPublicHealth) expect(byCode.get(code)?.needs.some((n) => n.code === 't3_public_health')).toBe(true);
    // 青山乡 gets two consecutive half-year CDC public health postings; 龙潭乡 gets none
    expect(byCode.get('THC-431299201')?.needs.find((n) => n.code === 't3_public_health')).toMatchObject({ gap: 0, params: { present: 0, posted: 1 } });
    expect(byCode.get('THC-431299204')?.needs.find((n) => n.code === 't3_public_health')?.gap).toBe(1);
  });

  it('T2 the planned sub-center has its emergency and surgery postings; T7 every THC has a qualified posting', () => {
    expect(byCode.get('THC-431299102')?.needs.find((n) => n.code === 't2_sub_center_staff')?.gap).toBe(0);
    expect(tiers.every((t) => t.postedQualified >= 1 && t.needs.find((n) => n.code === 't7_posting')?.gap === 0)).toBe(true);
  });
});
