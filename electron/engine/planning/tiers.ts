/** THC support tiers (T5), supporting hospitals (T6) and what each THC needs (T1, T2, T3, T7). */
import type { InputProblem, ThcNeed, ThcTier } from '../../domain/planning.js';
import type { Facility } from '../../domain/types.js';
import { residents } from '../coverage-totals.js';
import { RuleReader } from '../rule-values.js';
import { checkedYear, facilityIndex, isThc, rosterEntries, type RosterEntry } from './roster-view.js';
import { t1Need, t2Need, t3Need, t7Need, type NeedContext } from './tier-needs.js';
import { scoreThc, tierOf } from './tier-score.js';
import { nearestOfLevel, supportOf } from './tier-support.js';
import type { PlanningInput } from './types.js';

export function rankThcs(input: PlanningInput): ThcTier[] {
  const facilities = facilityIndex(input.facilities);
  const year = checkedYear(input.postings, input.year);
  const entries = rosterEntries(input.postings, facilities, year);
  return input.facilities.filter(isThc).map((thc) => rankOne(input, thc, { facilities, year, entries: entries.filter((e) => e.posting.toInstitution === thc.code) }));
}

/** Facility input problems behind the tiers (T5: a THC of unknown capability cannot be ranked). */
export function tierProblems(tiers: readonly ThcTier[]): InputProblem[] {
  return tiers.filter((t) => t.capability === null).map((t) => ({ kind: 'facility', ref: t.code, code: 'capability_unknown', params: { code: t.code, name: t.name } }));
}

interface RosterContext {
  facilities: ReadonlyMap<string, Facility>;
  year: number | null;
  entries: readonly RosterEntry[];
}

function rankOne(input: PlanningInput, thc: Facility, roster: RosterContext): ThcTier {
  const rules = new RuleReader(input.rules);
  const servedPopulation = servedPopulationOf(input, thc);
  const physicians = Math.max(0, thc.physicians || 0) + Math.max(0, thc.assistantPhysicians || 0);
  // T5 remoteness and T6 support: minutes to the county seat (county hospital) and the city core (city hospital)
  const county = nearestOfLevel(input.travel, thc.location, input.facilities, 'county_hospital');
  const city = nearestOfLevel(input.travel, thc.location, input.facilities, 'city_hospital');
  const scored = scoreThc({ capability: thc.capability, servedPopulation, physicians, minutesToCountySeat: county.exists ? county.minutes : undefined }, rules);
  const { tier, step } = tierOf(thc.capability, scored.score, rules);
  const support = supportOf(city, county, rules);
  // The reason names the hospital as planners know it, not by its code.
  const hospital = support.supportingHospital ? roster.facilities.get(support.supportingHospital) : undefined;
  if (hospital && 'hospital' in support.step.params) support.step.params.hospital = hospital.name;
  const ctx: NeedContext = { thc, entries: roster.entries, facilities: roster.facilities, year: roster.year, rules, values: input.rules };
  const t7 = t7Need(ctx);
  const needs = [t1Need(ctx), t2Need(ctx), t3Need(ctx), t7.need].filter((n): n is ThcNeed => n !== null);
  return {
    code: thc.code,
    name: thc.name,
    level: thc.level,
    townshipCode: thc.townshipCode,
    tier,
    capability: thc.capability,
    score: scored.score,
    parts: scored.parts,
    servedPopulation,
    physicians,
    minutesToCountySeat: county.minutes,
    minutesToCityCore: city.minutes,
    nearCityCore: support.nearCityCore,
    supportingHospital: support.supportingHospital,
    supportingLevel: support.supportingLevel,
    requiredPostings: t7.required,
    postedQualified: t7.posted,
    needs,
    steps: [...scored.steps, step, support.step],
    rules: [...new Set([...Object.keys(rules.used), ...support.rules, 'T1', 'T2', 'T5', 'T6'])].sort(),
  };
}

/**
 * T5 served population: residents of the villages of the THC's township; a THC without a
 * township serves the villages whose nearest THC it is (coverage analysis).
 */
function servedPopulationOf(input: PlanningInput, thc: Facility): number {
  const served = thc.townshipCode
    ? input.villages.filter((v) => v.townshipCode === thc.townshipCode)
    : input.villages.filter((_, i) => input.coverage[i]?.nearest.thc === thc.code);
  return served.reduce((sum, v) => sum + residents(v.population), 0);
}
