/**
 * The transparent T5 score of a THC (0-100) and its tier. Score = capability points + population
 * points + staff points − remoteness penalty; every part is kept and explained by a step.
 */
import type { ReasonStep, ThcTier, TierLevel } from '../../domain/planning.js';
import type { Capability } from '../../domain/types.js';
import type { RuleReader } from '../rule-values.js';

/**
 * Weights of the parts, from the rules table (T5 "strong capability, good foundation, larger
 * served population, central"; "remote or poor transport"): by default capability counts most
 * (recommended 50, basic 25, below basic 0: the tier targets are capability standards),
 * population and staff 25 each, remoteness takes off at most 15.
 */
function capabilityPoints(c: Capability, rules: RuleReader): number {
  if (c === 'recommended') return rules.number('T5.points_recommended');
  return c === 'basic' ? rules.number('T5.points_basic') : 0;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

export interface ScoreFacts {
  capability: Capability | null;
  servedPopulation: number;
  /** Licensed + assistant physicians. */
  physicians: number;
  /** Minutes to the county seat (nearest county hospital): null unreachable; undefined when the project has no county hospital. */
  minutesToCountySeat: number | null | undefined;
}

export interface ScoreResult {
  parts: ThcTier['parts'];
  /** Null when the capability is unknown. */
  score: number | null;
  steps: ReasonStep[];
}

export function scoreThc(f: ScoreFacts, rules: RuleReader): ScoreResult {
  const steps: ReasonStep[] = [];
  // T5 capability: the standard the THC has reached
  const capability = f.capability ? capabilityPoints(f.capability, rules) : 0;
  if (f.capability) steps.push({ code: `capability_${f.capability}`, rule: f.capability === 'below_basic' ? 'T5' : `T5.points_${f.capability}`, params: { capability: f.capability, points: capability } });
  else steps.push({ code: 'capability_unknown', rule: 'T5', params: {} });
  // T5 served population, full points at T5.population_full_points
  const fullPop = rules.number('T5.population_full_points');
  const population = round1(Math.min(Math.max(f.servedPopulation, 0) / fullPop, 1) * rules.number('T5.points_population'));
  steps.push({ code: 'served_population', rule: 'T5.population_full_points', params: { population: f.servedPopulation, full: fullPop, points: population } });
  // T5 staff (licensed + assistant physicians), full points at T5.physicians_full_points
  const fullStaff = rules.number('T5.physicians_full_points');
  const staff = round1(Math.min(Math.max(f.physicians, 0) / fullStaff, 1) * rules.number('T5.points_staff'));
  steps.push({ code: 'staff', rule: 'T5.physicians_full_points', params: { physicians: f.physicians, full: fullStaff, points: staff } });
  const penalty = remotenessPenalty(f.minutesToCountySeat, rules, steps);
  const remoteness = penalty === 0 ? 0 : -penalty;
  const parts = { capability, population, staff, remoteness };
  const score = f.capability ? Math.max(0, round1(capability + population + staff + remoteness)) : null;
  return { parts, score, steps };
}

/** T5 remoteness: 0 up to T5.remote_minutes, then linear to the full penalty at twice that; unreachable: full penalty. */
function remotenessPenalty(minutes: number | null | undefined, rules: RuleReader, steps: ReasonStep[]): number {
  const limit = rules.number('T5.remote_minutes');
  const maxPenalty = rules.number('T5.points_remoteness_max');
  if (minutes === undefined) {
    steps.push({ code: 'remoteness_no_county_hospital', rule: 'T5.remote_minutes', params: { points: 0 } });
    return 0;
  }
  if (minutes === null) {
    steps.push({ code: 'remoteness_unreachable', rule: 'T5.remote_minutes', params: { points: maxPenalty } });
    return maxPenalty;
  }
  const penalty = round1(Math.min(Math.max((minutes - limit) / limit, 0), 1) * maxPenalty);
  steps.push({ code: 'remoteness', rule: 'T5.remote_minutes', params: { minutes: round1(minutes), limit, points: penalty } });
  return penalty;
}

/** T5 tier from capability and score (null when the capability is unknown). */
export function tierOf(capability: Capability | null, score: number | null, rules: RuleReader): { tier: TierLevel | null; step: ReasonStep } {
  const t1 = rules.number('T5.tier1_min_score');
  const t3 = rules.number('T5.tier3_below_score');
  if (!capability || score === null) return { tier: null, step: { code: 'tier_unranked', rule: 'T5', params: {} } };
  // T5 tier 1: strong (recommended standard) and a score of at least T5.tier1_min_score
  if (score >= t1 && capability === 'recommended') return { tier: 1, step: { code: 'tier_1', rule: 'T5.tier1_min_score', params: { score, t1, t3 } } };
  // T5 tier 3: weak (below the basic standard) or a score below T5.tier3_below_score
  if (capability === 'below_basic') return { tier: 3, step: { code: 'tier_3_below_basic', rule: 'T5', params: { score, t1, t3 } } };
  if (score < t3) return { tier: 3, step: { code: 'tier_3_score', rule: 'T5.tier3_below_score', params: { score, t1, t3 } } };
  return { tier: 2, step: { code: 'tier_2', rule: 'T5', params: { score, t1, t3 } } };
}
