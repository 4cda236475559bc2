import type { villageReasonsZh } from './planning-village.zh-CN.js';

/** en catalog section `villageReasons` (merged into en.ts); same keys as the zh-CN section. */
export const villageReasonsEn: typeof villageReasonsZh = {
  missing_population: 'population missing or invalid ({population}): no proposal',
  missing_location: 'location missing or invalid: no proposal',
  has_qualified_clinic: 'own qualified village clinic ({clinic})',
  blank_no_clinic: 'no village clinic',
  blank_no_qualified_doctor: 'village clinic without a qualified doctor',
  settlement: 'relocation settlement without a primary care facility',
  population_below: 'population {population} < {threshold}',
  population_at_least: 'population {population} ≥ {threshold}',
  population_between: 'population {population} (between {small} and {large})',
  area_below: 'area {area} km² < {threshold}',
  adjacent_blank_group: 'with adjacent blank villages ({villages}), {count} villages, {population} residents ≥ {threshold}',
  joint_host: 'joint clinic at {host}, {minutes} min ≤ {limit}',
  joint_host_self: 'joint clinic here ({host}), members within {limit} min',
  neighbour_clinic_within: 'neighbour clinic ({village}) {minutes} min ≤ {limit}',
  neighbour_clinic_beyond: 'nearest village clinic {minutes} min > {limit}',
  no_reachable_clinic: 'no reachable village clinic',
  posting_terms: '{days} days a week, at least {months} consecutive months',
  tour_visits: '{visits} tour visits a week (floor {floor})',
  thc_too_weak: '{thc} is below the basic standard: cannot tour or post',
  thc_short_staffed: '{thc} is short-staffed (needs {demand} physician-days/week, has {capacity})',
  no_thc: 'no responsible township health center',
  problems: {
    missing_population: '{village} ({code}): population missing or invalid',
    missing_location: '{village} ({code}): location missing or invalid',
  },
};
