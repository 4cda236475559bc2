/**
 * The rules table: every policy number the product applies, with its DOMAIN.md id, default,
 * unit and seed citation. Stored per project in the `settings` table; code that applies a rule
 * names its id (e.g. `// V3 posting`).
 *
 * Ids are `<rule>.<name>`; the rule part is the DOMAIN.md id (V1, T7, P2 …) or `X` for the
 * product defaults listed under "What the seeds do not fix".
 */

import { TITLE_LEVELS } from './types.js';

export type RuleUnit =
  | 'per_week'
  | 'per_month'
  | 'per_quarter'
  | 'days_per_week'
  | 'days_per_month'
  | 'hours'
  | 'months'
  | 'persons'
  | 'residents'
  | 'minutes'
  | 'km_per_h'
  | 'ratio'
  | 'percent'
  | 'cny'
  | 'cny_per_year'
  | 'metres'
  | 'km'
  | 'km2'
  | 'time'
  | 'weekdays'
  | 'points'
  | 'title'
  | 'date';

export interface RuleDefinition {
  /** Stable id, `<DOMAIN id>.<name>`. */
  id: string;
  /** DOMAIN.md rule id, or 'X' for product defaults the seeds do not fix. */
  rule: string;
  defaultValue: number | string;
  unit: RuleUnit;
  /** `[seed file, clause]` from DOMAIN.md, or 'product default'. */
  source: string;
  /** Lowest acceptable value for numeric rules (a floor set by a higher document). */
  min?: number;
  max?: number;
}

/** The `source` of rules the seeds do not fix (product defaults). */
export const PRODUCT_DEFAULT_SOURCE = 'product default (DOMAIN.md: what the seeds do not fix)';
const PRODUCT = PRODUCT_DEFAULT_SOURCE;

export const TRAVEL_MODES = ['walk', 'ebike', 'car', 'van'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

/** Default speeds, km/h, per travel mode and road class (X: not fixed by the seeds). */
const SPEEDS: Record<TravelMode, Record<string, number>> = {
  walk: { national: 4.5, provincial: 4.5, county: 4.5, township: 4.5, village: 4.5, track: 4 },
  ebike: { national: 30, provincial: 28, county: 25, township: 22, village: 18, track: 10 },
  car: { national: 70, provincial: 60, county: 45, township: 35, village: 25, track: 12 },
  van: { national: 60, provincial: 50, county: 40, township: 30, village: 20, track: 10 },
};

const speedRules: RuleDefinition[] = Object.entries(SPEEDS).flatMap(([mode, classes]) =>
  Object.entries(classes).map(([roadClass, kmh]) => ({
    id: `X.speed.${mode}.${roadClass}`,
    rule: 'X',
    defaultValue: kmh,
    unit: 'km_per_h' as const,
    source: PRODUCT,
    min: 1,
    max: 150,
  })),
);

export const RULES: readonly RuleDefinition[] = [
  // Village level
  { id: 'V1.tour_visits_per_week', rule: 'V1', defaultValue: 2, unit: 'per_week', source: '[000, 主要任务(一)1; 002, 一.2]', min: 1 },
  { id: 'V1.tour_session_hours', rule: 'V1', defaultValue: 3.5, unit: 'hours', source: '[000, 主要任务(一)1] 每次不少于半天; 半天 3.5 小时为产品默认', min: 3.5 },
  { id: 'V2.tour_floor_per_week', rule: 'V2', defaultValue: 1, unit: 'per_week', source: '[003, 四(三)]', min: 1 },
  { id: 'V3.posting_days_per_week', rule: 'V3', defaultValue: 5, unit: 'days_per_week', source: '[000, 主要任务(一)2]', min: 5, max: 7 },
  { id: 'V3.posting_min_months', rule: 'V3', defaultValue: 6, unit: 'months', source: '[000, 主要任务(一)2]', min: 6 },
  { id: 'V4.small_area_km2', rule: 'V4', defaultValue: 3, unit: 'km2', source: '[000, 主要任务(一)3] 面积较小; 阈值为产品默认', min: 0 },
  { id: 'V4.neighbour_service_minutes', rule: 'V4', defaultValue: 15, unit: 'minutes', source: '[002, 一.2] 邻（联）村延伸服务; 时限为产品默认', min: 1, max: 120 },
  { id: 'V4.joint_clinic_min_population', rule: 'V4', defaultValue: 800, unit: 'residents', source: '[000, 主要任务(一)3] 联合设置村卫生室; 合计人口为产品默认', min: 0 },
  { id: 'V4.merge_max_minutes', rule: 'V4', defaultValue: 20, unit: 'minutes', source: '[000, 主要任务(一)3] 相邻村; 时限为产品默认', min: 1, max: 120 },
  { id: 'V5.thc_outreach_share', rule: 'V5', defaultValue: 20, unit: 'percent', source: '[000, 主要任务(一)4] 力量不足; 比例为产品默认', min: 0, max: 100 },
  // Township level
  { id: 'T3.public_health_physicians_min', rule: 'T3', defaultValue: 1, unit: 'persons', source: '[000, (二)3]', min: 1 },
  { id: 'T4.county_posting_min_title', rule: 'T4', defaultValue: 'intermediate', unit: 'title', source: '[000, (二)4]' },
  { id: 'T4.county_posting_min_months', rule: 'T4', defaultValue: 6, unit: 'months', source: '[000, (二)4]', min: 6 },
  { id: 'T5.tier1_min_score', rule: 'T5', defaultValue: 70, unit: 'points', source: '[003, 三(二)] 第一梯次; 分值为产品默认', min: 0, max: 100 },
  { id: 'T5.tier3_below_score', rule: 'T5', defaultValue: 40, unit: 'points', source: '[003, 三(二)] 第三梯次; 分值为产品默认', min: 0, max: 100 },
  { id: 'T5.points_recommended', rule: 'T5', defaultValue: 50, unit: 'points', source: '[003, 三(二)] 能力较强、基础较好（推荐标准）; 分值为产品默认', min: 0, max: 100 },
  { id: 'T5.points_basic', rule: 'T5', defaultValue: 25, unit: 'points', source: '[003, 三(二)] 具备一定基础（基本标准）; 分值为产品默认', min: 0, max: 100 },
  { id: 'T5.points_population', rule: 'T5', defaultValue: 25, unit: 'points', source: '[003, 三(二)] 服务人口较多; 分值为产品默认', min: 0, max: 100 },
  { id: 'T5.points_staff', rule: 'T5', defaultValue: 25, unit: 'points', source: '[003, 三(二)] 能力较强; 分值为产品默认', min: 0, max: 100 },
  { id: 'T5.points_remoteness_max', rule: 'T5', defaultValue: 15, unit: 'points', source: '[003, 三(二)] 地处偏远、交通不便; 扣分为产品默认', min: 0, max: 100 },
  { id: 'T5.population_full_points', rule: 'T5', defaultValue: 30000, unit: 'residents', source: '[003, 三(二)] 服务人口较多; 产品默认', min: 1 },
  { id: 'T5.physicians_full_points', rule: 'T5', defaultValue: 25, unit: 'persons', source: '[003, 三(二)] 能力较强; 产品默认', min: 1 },
  { id: 'T5.remote_minutes', rule: 'T5', defaultValue: 45, unit: 'minutes', source: '[003, 三(二)] 地处偏远、交通不便; 时限为产品默认', min: 1 },
  { id: 'T6.city_core_near_minutes', rule: 'T6', defaultValue: 45, unit: 'minutes', source: '[003, 三(一)] 距城市中心城区较近; 时限为产品默认', min: 1 },
  { id: 'T6.city_side_margin_minutes', rule: 'T6', defaultValue: 30, unit: 'minutes', source: '[003, 三(一)] 靠近城市中心城区（城市一侧）; 时限为产品默认', min: 0 },
  { id: 'T7.posted_physicians_per_thc', rule: 'T7', defaultValue: 1, unit: 'persons', source: '[003, 三(三)]', min: 1 },
  { id: 'T7.posting_min_title', rule: 'T7', defaultValue: 'intermediate', unit: 'title', source: '[003, 三(三)]' },
  { id: 'T7.posting_min_months', rule: 'T7', defaultValue: 6, unit: 'months', source: '[003, 三(三)]', min: 6 },
  { id: 'T8.community_days_per_week', rule: 'T8', defaultValue: 3, unit: 'days_per_week', source: '[003, 二(二)]', min: 3 },
  { id: 'T8.community_min_title', rule: 'T8', defaultValue: 'intermediate', unit: 'title', source: '[003, 二(二)]' },
  { id: 'T8.community_resident_staff', rule: 'T8', defaultValue: 3, unit: 'persons', source: '[003, 二(二)]', min: 3 },
  // Touring hierarchy
  { id: 'H2.county_tours_per_quarter', rule: 'H2', defaultValue: 1, unit: 'per_quarter', source: '[003, 四]', min: 1 },
  { id: 'H2.township_tours_per_month', rule: 'H2', defaultValue: 1, unit: 'per_month', source: '[003, 四]', min: 1 },
  { id: 'H2.village_tours_per_week', rule: 'H2', defaultValue: 1, unit: 'per_week', source: '[003, 四]', min: 1 },
  // Staff postings programme
  { id: 'P1.support_days_per_month', rule: 'P1', defaultValue: 1, unit: 'days_per_month', source: '[001, 二(一)]', min: 1 },
  { id: 'P2.half_release_min_days_per_week', rule: 'P2', defaultValue: 3, unit: 'days_per_week', source: '[004, 三(二)]', min: 3 },
  { id: 'P2.half_release_max_share', rule: 'P2', defaultValue: 10, unit: 'percent', source: '[004, 三(二)]', min: 0, max: 10 },
  { id: 'P2.post_term_months', rule: 'P2', defaultValue: 12, unit: 'months', source: '[004, 三(二)]' },
  { id: 'P2.max_people_per_post_year', rule: 'P2', defaultValue: 2, unit: 'persons', source: '[004, 三(二)]', max: 2 },
  { id: 'P3.subsidy_per_person_year', rule: 'P3', defaultValue: 15000, unit: 'cny_per_year', source: '[004, 五]', min: 0 },
  { id: 'P5.remote_village_doctor_subsidy', rule: 'P5', defaultValue: 300, unit: 'cny', source: '[002, 六(二)] 200-400', min: 200, max: 400 },
  { id: 'P5.weak_township_fund', rule: 'P5', defaultValue: 300000, unit: 'cny', source: '[002, 六(二)]', min: 0 },
  // Reporting
  { id: 'D1.deploy_within_months', rule: 'D1', defaultValue: 1, unit: 'months', source: '[000, 四(五)]' },
  { id: 'D1.report_deadline', rule: 'D1', defaultValue: '12-01', unit: 'date', source: '[000, 四(五)]' },
  // Product defaults the seeds do not fix
  { id: 'X.small_village_population', rule: 'X', defaultValue: 800, unit: 'residents', source: PRODUCT, min: 0 },
  { id: 'X.large_village_population', rule: 'X', defaultValue: 2000, unit: 'residents', source: PRODUCT, min: 0 },
  { id: 'X.clinic_minutes', rule: 'X', defaultValue: 15, unit: 'minutes', source: PRODUCT, min: 1 },
  { id: 'X.thc_minutes', rule: 'X', defaultValue: 30, unit: 'minutes', source: PRODUCT, min: 1 },
  { id: 'X.county_hospital_minutes', rule: 'X', defaultValue: 60, unit: 'minutes', source: PRODUCT, min: 1 },
  { id: 'X.detour_factor', rule: 'X', defaultValue: 1.3, unit: 'ratio', source: PRODUCT, min: 1, max: 3 },
  { id: 'X.max_snap_metres', rule: 'X', defaultValue: 1000, unit: 'metres', source: PRODUCT, min: 0 },
  { id: 'X.import_far_from_project_km', rule: 'X', defaultValue: 50, unit: 'km', source: PRODUCT, min: 1 },
  { id: 'X.isochrone_bands', rule: 'X', defaultValue: '15,30,60', unit: 'minutes', source: PRODUCT },
  { id: 'X.working_days_per_week', rule: 'X', defaultValue: 5, unit: 'days_per_week', source: PRODUCT, min: 1, max: 7 },
  { id: 'X.tour_teams_per_thc', rule: 'X', defaultValue: 1, unit: 'persons', source: PRODUCT, min: 0, max: 20 },
  { id: 'X.tour_team_hours_per_day', rule: 'X', defaultValue: 8, unit: 'hours', source: PRODUCT, min: 1, max: 14 },
  { id: 'X.tour_max_travel_minutes_per_day', rule: 'X', defaultValue: 120, unit: 'minutes', source: PRODUCT, min: 0, max: 600 },
  { id: 'X.tour_day_start', rule: 'X', defaultValue: '08:00', unit: 'time', source: PRODUCT },
  { id: 'X.tour_working_days', rule: 'X', defaultValue: 'mon,tue,wed,thu,fri', unit: 'weekdays', source: PRODUCT },
  { id: 'X.half_day_hours', rule: 'X', defaultValue: 3.5, unit: 'hours', source: PRODUCT, min: 1 },
  ...speedRules,
];

export const RULES_BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(RULES.map((r) => [r.id, r]));

/** Current values of the rules table, keyed by rule id. */
export type RuleValues = Record<string, number | string>;

export function defaultRuleValues(): RuleValues {
  return Object.fromEntries(RULES.map((r) => [r.id, r.defaultValue]));
}

export type RuleValueError = 'unknown_rule' | 'wrong_type' | 'below_min' | 'above_max' | 'invalid_value';

/** Checks a new value against its rule's type, floor/ceiling and format; returns an error code or null. */
export function checkRuleValue(id: string, value: number | string): RuleValueError | null {
  const def = RULES_BY_ID.get(id);
  if (!def) return 'unknown_rule';
  if (typeof def.defaultValue !== typeof value) return 'wrong_type';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'wrong_type';
    if (def.min !== undefined && value < def.min) return 'below_min';
    if (def.max !== undefined && value > def.max) return 'above_max';
    return null;
  }
  if (def.unit === 'title') return (TITLE_LEVELS as readonly string[]).includes(value) ? null : 'invalid_value';
  if (def.unit === 'date') return /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value) ? null : 'invalid_value';
  if (def.unit === 'time') return /^([01]?\d|2[0-3]):[0-5]\d$/.test(value) ? null : 'invalid_value';
  if (def.unit === 'weekdays') return /^(mon|tue|wed|thu|fri|sat|sun)(\s*,\s*(mon|tue|wed|thu|fri|sat|sun))*$/.test(value.trim()) ? null : 'invalid_value';
  if (def.unit === 'minutes') return /^\s*\d+(\.\d+)?(\s*[,，]\s*\d+(\.\d+)?)*\s*$/.test(value) ? null : 'invalid_value';
  return null;
}

/** Pairs of rules whose values must keep an order (the first below the second). */
export const RULE_ORDER: readonly [string, string][] = [
  ['X.small_village_population', 'X.large_village_population'],
  ['T5.tier3_below_score', 'T5.tier1_min_score'],
];

/** Order constraints a whole set of values breaks: [lower id, upper id] pairs. */
export function checkRuleOrder(values: RuleValues): [string, string][] {
  return RULE_ORDER.filter(([lo, hi]) => typeof values[lo] === 'number' && typeof values[hi] === 'number' && (values[lo] as number) >= (values[hi] as number));
}
