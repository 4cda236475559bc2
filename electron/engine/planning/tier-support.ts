/**
 * T6 who supports whom: THCs near the city's central urban area are supported by a city level-2
 * hospital, the others by the county hospital. Travel times come from the planning oracle.
 */
import type { ReasonStep } from '../../domain/planning.js';
import type { RuleValues } from '../../domain/rules.js';
import type { Facility, FacilityLevel, LngLat } from '../../domain/types.js';
import type { RuleReader } from '../rule-values.js';
import type { TravelOracle } from './types.js';

export interface Nearest {
  code: string | null;
  /** Minutes to the nearest facility; null when none is reachable. */
  minutes: number | null;
  /** Whether the project has any facility of the level at all. */
  exists: boolean;
}

/** Nearest facility of `level` from `from` (trip THC → hospital). */
export function nearestOfLevel(travel: TravelOracle, from: LngLat, facilities: readonly Facility[], level: FacilityLevel): Nearest {
  const targets = facilities.filter((f) => f.level === level);
  if (targets.length === 0) return { code: null, minutes: null, exists: false };
  const minutes = travel.minutes(from, targets.map((f) => f.location));
  let best = -1;
  minutes.forEach((m, i) => {
    if (Number.isFinite(m) && (best < 0 || m < minutes[best])) best = i;
  });
  return best < 0 ? { code: null, minutes: null, exists: true } : { code: targets[best].code, minutes: minutes[best], exists: true };
}

/**
 * Second test of "near the city core" (product default, DOMAIN.md T6 靠近城市中心城区): the city
 * hospital is at most `T6.city_side_margin_minutes` farther than the county hospital, i.e. the THC
 * lies on the city side of the county.
 */
export const CITY_SIDE_MARGIN_RULE = 'T6.city_side_margin_minutes';

export interface Support {
  supportingHospital: string | null;
  supportingLevel: 'city_hospital' | 'county_hospital' | null;
  nearCityCore: boolean;
  step: ReasonStep;
  rules: string[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const show = (m: number | null): number | string => (m === null ? '—' : round1(m));

export function supportOf(city: Nearest, county: Nearest, rules: RuleReader): Support {
  const limit = rules.number('T6.city_core_near_minutes');
  const margin = rules.number(CITY_SIDE_MARGIN_RULE);
  const ruleIds = ['T6.city_core_near_minutes', CITY_SIDE_MARGIN_RULE];
  const params = { cityMinutes: show(city.minutes), countyMinutes: show(county.minutes), limit, margin };
  if (city.minutes !== null && city.code) {
    // T6 near the city core: within T6.city_core_near_minutes of the city hospital …
    if (city.minutes <= limit) return { supportingHospital: city.code, supportingLevel: 'city_hospital', nearCityCore: true, step: { code: 'support_city_near', rule: 'T6.city_core_near_minutes', params: { ...params, hospital: city.code } }, rules: ruleIds };
    // … or on the city side: the city hospital at most `margin` minutes farther than the county hospital
    if (county.minutes !== null && city.minutes - county.minutes <= margin) {
      return { supportingHospital: city.code, supportingLevel: 'city_hospital', nearCityCore: true, step: { code: 'support_city_side', rule: 'T6', params: { ...params, hospital: city.code } }, rules: ruleIds };
    }
  }
  // T6 far from the city core: the county hospital supports
  if (county.code) return { supportingHospital: county.code, supportingLevel: 'county_hospital', nearCityCore: false, step: { code: 'support_county', rule: 'T6.city_core_near_minutes', params: { ...params, hospital: county.code } }, rules: ruleIds };
  // T6 no county hospital within reach: the city hospital is the only one left
  if (city.code) return { supportingHospital: city.code, supportingLevel: 'city_hospital', nearCityCore: false, step: { code: 'support_city_only', rule: 'T6', params: { ...params, hospital: city.code } }, rules: ruleIds };
  return { supportingHospital: null, supportingLevel: null, nearCityCore: false, step: { code: 'support_none', rule: 'T6', params }, rules: ruleIds };
}
