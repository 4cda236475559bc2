/** Posting roster compliance (P2, P3, T4, T7, T8) and bad roster input. */
import { describe, expect, it } from 'vitest';
import type { RuleValues } from '../../electron/domain/rules.js';
import type { Facility, Posting } from '../../electron/domain/types.js';
import { checkRoster } from '../../electron/engine/planning/roster.js';
import { straightLineOracle } from '../../electron/engine/planning/oracle.js';
import { defaultRuleValues } from '../../electron/domain/rules.js';
import { generateDemoCounty } from '../../electron/io/demo/generate.js';
import { facility, planningInput, posting, village } from './planning-thc-fixtures.js';

const VILLAGE = '431299201001';
/** THC-1 (qualified-covered by default postings), a sub-center, a community center, a county hospital and one village. */
function world(): Facility[] {
  return [
    facility('THC-1', 'township_hc', { townshipCode: '431299201', capability: 'basic' }),
    facility('CHC-1', 'community_hc', { townshipCode: '431299101', capability: 'basic' }),
    facility('CH-1', 'county_hospital'),
    facility('CITY-1', 'city_hospital'),
  ];
}

function check(postings: Posting[], o: { rules?: RuleValues; year?: number; facilities?: Facility[] } = {}) {
  return checkRoster(planningInput({ facilities: o.facilities ?? world(), villages: [village(VILLAGE, 1500)], postings, rules: o.rules, year: o.year }));
}

/** Three city staff at CHC-1 all year: T8 met. */
const community = (extra: Partial<Posting> = {}): Posting[] => [1, 2, 3].map((i) => posting({ fromInstitution: 'CITY-1', toInstitution: 'CHC-1', person: `社区${i}`, profession: `科${i}`, ...extra }));

/** `n` full-year THC postings, each a post of its own. */
const fullOf = (n: number): Posting[] => Array.from({ length: n }, (_, i) => posting({ profession: `专业${i}` }));

const codes = (r: ReturnType<typeof check>) => r.issues.map((i) => i.code).sort();

describe('bad roster input', () => {
  it('a clean roster has no issues and no problems', () => {
    const r = check([posting(), ...community()]);
    expect(r.issues).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it('end before start → error naming the posting, and an input problem', () => {
    const p = posting({ startDate: '2026-07-01', endDate: '2026-06-30' });
    const r = check([posting(), p, ...community()]);
    expect(r.issues).toEqual([expect.objectContaining({ postingId: p.id, person: p.person, code: 'end_before_start', severity: 'error' })]);
    expect(r.problems).toEqual([{ kind: 'posting', ref: String(p.id), code: 'end_before_start', params: expect.objectContaining({ id: p.id, start: '2026-07-01', end: '2026-06-30' }) }]);
  });

  it('invalid dates (2026-02-30, 2026/01/01) → invalid_date', () => {
    const r = check([posting(), posting({ endDate: '2026-02-30' }), posting({ startDate: '2026/01/01' }), ...community()]);
    expect(r.problems.map((p) => [p.code, p.params.field])).toEqual([['invalid_date', 'endDate'], ['invalid_date', 'startDate']]);
  });

  it('unknown receiving institution or village → error; senders outside the project (the CDC) are fine', () => {
    const a = posting({ toInstitution: 'THC-X' });
    const b = posting({ toInstitution: null, toVillage: '431299201999' });
    const c = posting({ fromInstitution: 'CDC-431299', profession: '公共卫生' });
    const r = check([posting(), a, b, c, ...community()]);
    expect(r.problems.map((p) => [p.ref, p.code])).toEqual([[String(a.id), 'unknown_institution'], [String(b.id), 'unknown_village']]);
    expect(r.issues.every((i) => i.severity === 'error' && i.rule === 'input')).toBe(true);
  });

  it('a bad posting is left out of the rule checks and the summary', () => {
    const r = check([posting(), posting({ titleLevel: 'junior', endDate: '2025-01-01' }), ...community()]);
    expect(codes(r)).toEqual(['end_before_start']);
    expect(r.summary.postings).toBe(4);
  });
});

describe('P2 release and posts', () => {
  it('P2.half_release_min_days_per_week: 3 days ok, 2 days flagged', () => {
    const ok = check([posting({ release: 'half', daysPerWeek: 3 }), ...fullOf(9), ...community()]);
    expect(codes(ok)).toEqual([]);
    const p = posting({ release: 'half', daysPerWeek: 2 });
    const bad = check([p, ...fullOf(9), ...community()]);
    expect(bad.issues).toEqual([expect.objectContaining({ postingId: p.id, code: 'half_release_days', rule: 'P2.half_release_min_days_per_week', severity: 'error', params: expect.objectContaining({ days: 2, min: 3 }) })]);
  });

  it('P2.half_release_max_share: 1 of 10 people (10%) ok, 1 of 9 (11.1%) flagged; a person counts once', () => {
    const half = (): Posting => posting({ release: 'half', daysPerWeek: 4, person: '半', endDate: '2026-06-30' });
    // 3 community staff + 6 full + the half-release person (twice) = 10 people
    const ok = check([half(), posting({ person: '半', startDate: '2026-07-01' }), ...fullOf(6), ...community()]);
    expect(ok.summary).toMatchObject({ people: 10, halfReleaseShare: 0.1 });
    expect(codes(ok)).toEqual([]);
    const bad = check([half(), ...fullOf(5), ...community()]);
    expect(bad.issues).toEqual([expect.objectContaining({ postingId: null, code: 'half_release_share', rule: 'P2.half_release_max_share', params: { half: 1, people: 9, percent: 11.1, max: 10 } })]);
  });

  it('P2.max_people_per_post_year: 2 ok, 3 flagged (same institution and profession)', () => {
    const rot = (person: string, startDate: string, endDate: string): Posting => posting({ person, profession: '外科', startDate, endDate });
    const two = check([posting(), rot('A', '2026-01-01', '2026-06-30'), rot('B', '2026-07-01', '2026-12-31'), ...community()]);
    expect(codes(two)).toEqual([]);
    const three = check([posting(), rot('A', '2026-01-01', '2026-06-30'), rot('B', '2026-07-01', '2026-12-31'), rot('C', '2026-03-01', '2026-09-30'), ...community()]);
    expect(three.issues).toEqual([expect.objectContaining({ code: 'too_many_people_per_post', rule: 'P2.max_people_per_post_year', institution: 'THC-1', params: expect.objectContaining({ people: 3, max: 2, profession: '外科' }) })]);
  });

  it('T4.county_posting_min_months: 6 months to a THC ok, one day less flagged; V3.posting_min_months for villages', () => {
    expect(codes(check([posting({ endDate: '2026-06-30' }), ...community()]))).toEqual([]);
    const short = check([posting({ endDate: '2026-06-29' }), ...community()]);
    expect(short.issues.find((i) => i.code === 'term_too_short')).toMatchObject({ rule: 'T4.county_posting_min_months', params: expect.objectContaining({ min: 6 }) });
    const village6 = posting({ toInstitution: null, toVillage: VILLAGE, startDate: '2026-03-01', endDate: '2026-08-31' });
    const village5 = posting({ toInstitution: null, toVillage: VILLAGE, startDate: '2026-03-01', endDate: '2026-07-31' });
    expect(check([posting(), village6, ...community()]).issues).toEqual([]);
    expect(check([posting(), village5, ...community()]).issues).toEqual([expect.objectContaining({ postingId: village5.id, code: 'term_too_short', rule: 'V3.posting_min_months', params: expect.objectContaining({ months: 5 }) })]);
  });
});

describe('T4 / T7 / T8 institutions', () => {
  it('T4.county_posting_min_title: intermediate ok, junior flagged per person; a higher project rule flags intermediate', () => {
    const junior = posting({ titleLevel: 'junior', person: '小王' });
    const r = check([posting(), junior, ...community()]);
    expect(r.issues).toEqual([expect.objectContaining({ postingId: junior.id, person: '小王', institution: 'THC-1', code: 'title_below', rule: 'T4.county_posting_min_title', params: expect.objectContaining({ title: 'junior', minTitle: 'intermediate' }) })]);
    const stricter = check([posting({ titleLevel: 'associate_senior' }), posting(), ...community()], { rules: { ...defaultRuleValues(), 'T4.county_posting_min_title': 'associate_senior' } });
    expect(codes(stricter)).toEqual(['title_below']);
  });

  it('T7.posted_physicians_per_thc: a THC without a qualified posting → warning for the institution', () => {
    const r = check([posting({ titleLevel: 'junior' }), ...community()]);
    expect(r.issues.find((i) => i.code === 'thc_not_covered')).toMatchObject({ postingId: null, institution: 'THC-1', severity: 'warning', rule: 'T7.posted_physicians_per_thc', params: expect.objectContaining({ posted: 0, required: 1 }) });
    expect(check(community()).issues.map((i) => i.code)).toEqual(['thc_not_covered']);
  });

  it('T8.community_days_per_week: 3 days ok, 2 days flagged', () => {
    expect(codes(check([posting(), ...community({ daysPerWeek: 3 })]))).toEqual([]);
    const r = check([posting(), ...community().slice(0, 2), posting({ fromInstitution: 'CITY-1', toInstitution: 'CHC-1', daysPerWeek: 2, person: '社区3' })]);
    expect(codes(r)).toEqual(['community_days', 'community_staff']);
    expect(r.issues.find((i) => i.code === 'community_days')).toMatchObject({ rule: 'T8.community_days_per_week', severity: 'error', params: expect.objectContaining({ days: 2, min: 3 }) });
  });

  it('T8.community_resident_staff: 3 at the same time ok, 2 flagged; a junior title does not count and is flagged', () => {
    const two = check([posting(), ...community().slice(0, 2)]);
    expect(two.issues).toEqual([expect.objectContaining({ code: 'community_staff', institution: 'CHC-1', severity: 'warning', params: expect.objectContaining({ staff: 2, required: 3 }) })]);
    // 3 people, but the third only from July: 2 at a time in the first half year
    const gap = check([posting(), ...community().slice(0, 2), posting({ fromInstitution: 'CITY-1', toInstitution: 'CHC-1', person: '社区3', startDate: '2026-07-01' })]);
    expect(codes(gap)).toEqual(['community_staff']);
    const junior = check([posting(), ...community().slice(0, 2), posting({ fromInstitution: 'CITY-1', toInstitution: 'CHC-1', person: '社区3', titleLevel: 'junior' })]);
    expect(codes(junior)).toEqual(['community_staff', 'title_below']);
    expect(junior.issues.find((i) => i.code === 'title_below')?.rule).toBe('T8.community_min_title');
  });
});

describe('P3 subsidy and summary', () => {
  it('P3 subsidy 15,000 per person-year, none for community centers', () => {
    expect(check([posting()]).summary.subsidyCny).toBe(15000);
    expect(check([posting({ endDate: '2026-06-30' })]).summary.subsidyCny).toBe(7500);
    expect(check([posting({ toInstitution: null, toVillage: VILLAGE })]).summary.subsidyCny).toBe(15000);
    expect(check(community()).summary.subsidyCny).toBe(0);
    expect(check([posting()], { rules: { ...defaultRuleValues(), 'P3.subsidy_per_person_year': 20000 } }).summary.subsidyCny).toBe(20000);
  });

  it('the roster year: input.year, else the year most postings start in; other years are not checked', () => {
    const old = posting({ startDate: '2025-01-01', endDate: '2025-12-31', titleLevel: 'junior' });
    const r = check([old, posting(), posting(), ...community()]);
    expect(r.summary.postings).toBe(5);
    expect(codes(r)).toEqual([]);
    const r2025 = check([old, posting(), ...community()], { year: 2025 });
    expect(r2025.summary.postings).toBe(1);
    expect(codes(r2025)).toEqual(['community_staff', 'thc_not_covered', 'title_below']);
  });

  it('summary: distinct people, postings, half-release share, person-months, institutions', () => {
    const r = check([posting({ person: '甲', endDate: '2026-06-30' }), posting({ person: '甲', startDate: '2026-07-01', toInstitution: null, toVillage: VILLAGE }), ...community({ release: 'half', daysPerWeek: 3 })]);
    expect(r.summary).toEqual({ people: 4, postings: 5, halfReleaseShare: 0.75, personMonths: 48, subsidyCny: 15000, institutionsCovered: 2 });
  });
});

describe('demo roster', () => {
  const d = generateDemoCounty();
  const r = checkRoster({ villages: d.villages, facilities: d.facilities, postings: d.postings, villageAreas: [], coverage: [], rules: defaultRuleValues(), mode: 'car', travel: straightLineOracle(40, 1.3) });

  it('finds exactly the planted breaches: 3 junior titles and one half-release posting of 2 days a week', () => {
    const titles = r.issues.filter((i) => i.code === 'title_below');
    expect(titles).toHaveLength(3);
    expect(titles.every((i) => i.params.title === 'junior' && i.rule === 'T4.county_posting_min_title')).toBe(true);
    expect(titles.map((i) => i.postingId)).toEqual(d.postings.filter((p) => p.titleLevel === 'junior').map((p) => p.id));
    const days = r.issues.filter((i) => i.code === 'half_release_days');
    expect(days).toHaveLength(1);
    expect(d.postings.find((p) => p.id === days[0].postingId)).toMatchObject({ release: 'half', daysPerWeek: 2 });
    expect(r.issues).toHaveLength(4);
    expect(r.problems).toEqual([]);
  });

  it('P2 half-release share 4/42 is within 10%; P3 subsidy of 24 person-years to THCs and villages', () => {
    expect(r.summary).toMatchObject({ people: 42, postings: 42, personMonths: 324, subsidyCny: 360000, institutionsCovered: 8 });
    expect(r.summary.halfReleaseShare).toBeCloseTo(4 / 42, 12);
  });
});
