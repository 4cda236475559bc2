/**
 * The 2026 posting roster ("千名医师下基层"), shaped like the example in P4: 42 people, 12 on
 * one-year posts and 30 on half-year posts (a post rotated between two people, 6 months each, P2).
 * Senders follow T6 (the THC next to the city is supported by the city hospital, the others by the
 * county hospitals), T2 (the sub-center gets emergency and surgery staff) and T3 (the county CDC
 * posts a public health physician to one THC that has none). A few entries break rules on purpose
 * (junior titles, a half-release posting of 2 days a week) so the checks have something to find.
 */
import type { Posting, Release, TitleLevel } from '../../domain/types.js';
import type { FacilityDraft } from './facilities.js';
import { CODES } from './facilities.js';
import { personNames } from './names.js';
import type { TownshipPlan } from './places.js';
import type { Rng } from './random.js';

type Term = 'year' | 'h1' | 'h2';
type Draft = Omit<Posting, 'id' | 'person' | 'titleLevel' | 'release' | 'daysPerWeek'>;

const TERMS: Record<Term, [string, string]> = {
  year: ['2026-01-01', '2026-12-31'],
  h1: ['2026-01-01', '2026-06-30'],
  h2: ['2026-07-01', '2026-12-31'],
};

const HALF_YEAR_PROFESSIONS = ['外科', '妇产科', '儿科', '康复', '医学影像', '检验'];

function post(from: string, to: { facility?: string; village?: string }, profession: string, term: 'year' | 'half'): Draft[] {
  const terms: Term[] = term === 'year' ? ['year'] : ['h1', 'h2'];
  return terms.map((t) => ({
    fromInstitution: from,
    toInstitution: to.facility ?? null,
    toVillage: to.village ?? null,
    profession,
    startDate: TERMS[t][0],
    endDate: TERMS[t][1],
  }));
}

/** `villageTargets`: codes of the (two) villages that get a county hospital posting (V3/V5). */
export function buildPostings(townships: readonly TownshipPlan[], facilities: readonly FacilityDraft[], villageTargets: readonly string[], rng: Rng): Posting[] {
  const drafts: Draft[] = [];
  let k = 0;
  for (const t of townships) {
    if (t.role === 'county_seat') continue;
    const thc = facilities.find((f) => f.level === 'township_hc' && f.townshipCode === t.code)!;
    const to = { facility: thc.code };
    const sender = t.role === 'city_side' ? CODES.cityHospital : CODES.countyHospital;
    drafts.push(...post(sender, to, '内科', 'year'));
    if (t.role === 'sub_center') {
      drafts.push(...post(CODES.countyHospital, to, '急诊', 'half'), ...post(CODES.cityHospital, to, '外科', 'half'));
    } else {
      drafts.push(...post(sender, to, HALF_YEAR_PROFESSIONS[k++ % HALF_YEAR_PROFESSIONS.length], 'half'));
    }
    drafts.push(...(t.role === 'mountain_weak' ? post(CODES.cdc, to, '公共卫生', 'half') : post(CODES.tcmHospital, to, '中医', 'half')));
  }
  const chc = facilities.find((f) => f.level === 'community_hc')!;
  for (const profession of ['内科', '儿科', '护理']) drafts.push(...post(CODES.cityHospital, { facility: chc.code }, profession, 'year'));
  for (const v of villageTargets) drafts.push(...post(CODES.countyHospital, { village: v }, '全科', 'year'));

  const names = personNames(rng, drafts.length);
  const titles: TitleLevel[] = drafts.map(() => {
    const r = rng.next();
    return r < 0.55 ? 'intermediate' : r < 0.85 ? 'associate_senior' : 'senior';
  });
  // Rule-breaking entries, at fixed positions among the THC half-year posts.
  const halfYear = drafts.map((d, i) => (d.endDate !== '2026-12-31' || d.startDate !== '2026-01-01' ? i : -1)).filter((i) => i >= 0);
  for (const i of [halfYear[1], halfYear[6], halfYear[11]]) titles[i] = 'junior';
  const half: [number, number][] = [[halfYear[2], 4], [halfYear[5], 3], [halfYear[9], 3], [halfYear[12], 2]];
  return drafts.map((d, i) => {
    const h = half.find(([j]) => j === i);
    const release: Release = h ? 'half' : 'full';
    return { id: i + 1, person: names[i], titleLevel: titles[i], release, daysPerWeek: h ? h[1] : 5, ...d };
  });
}
