import type { planningCommonZh } from './rules.zh-CN.js';

const SPEED_MODES = { walk: 'Walk', ebike: 'E-bike', car: 'Car', van: 'Tour van' };
const SPEED_ROADS = { national: 'national road', provincial: 'provincial road', county: 'county road', township: 'township road', village: 'village road', track: 'track' };
/** One label per travel mode and road class, e.g. "Car speed on national roads". */
const speedLabels = Object.fromEntries(
  Object.entries(SPEED_MODES).map(([mode, modeName]) => [
    mode,
    Object.fromEntries(Object.entries(SPEED_ROADS).map(([road, roadName]) => [road, `${modeName} speed on ${roadName}s`])),
  ]),
) as Record<keyof typeof SPEED_MODES, Record<keyof typeof SPEED_ROADS, string>>;

/** en: names of the service modes, tiers, rule units, and the label of every rule in the rules table. */
export const planningCommonEn: typeof planningCommonZh = {
  serviceModes: {
    covered: 'Covered',
    neighbour: 'Neighbour service',
    joint_clinic: 'Joint clinic',
    tour: 'Tour',
    posting: 'Posting',
    county_backfill: 'County backfill',
    undecided: 'Undecided',
  },
  tiers: { '1': 'Tier 1', '2': 'Tier 2', '3': 'Tier 3', unranked: 'Unranked' },
  decisionStatus: { proposed: 'Proposed', accepted: 'Accepted', rejected: 'Rejected', overridden: 'Overridden' },
  weekdays: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' },
  sessions: { am: 'morning', pm: 'afternoon' },
  ruleLabels: {
    V1: {
      tour_visits_per_week: 'Tour visits per village per week',
      tour_session_hours: 'Hours on site per tour visit',
    },
    V2: {
      tour_floor_per_week: 'Minimum tour visits per week (national)',
    },
    V3: {
      posting_days_per_week: 'Posting days per week',
      posting_min_months: 'Minimum consecutive posting months',
    },
    V4: {
      small_area_km2: 'Area below which a village is small',
      neighbour_service_minutes: 'Reach of a neighbour village clinic',
      joint_clinic_min_population: 'Minimum combined population for a joint clinic',
      merge_max_minutes: 'Travel limit between merged villages',
    },
    V5: {
      thc_outreach_share: 'Share of THC physician time for tours and postings',
    },
    T3: {
      public_health_physicians_min: 'Minimum public health physicians per THC',
    },
    T4: {
      county_posting_min_title: 'Minimum title of county staff posted down',
      county_posting_min_months: 'Minimum months of a county posting',
    },
    T5: {
      tier1_min_score: 'Minimum score for tier 1',
      tier3_below_score: 'Score below which a THC is tier 3',
      points_recommended: 'Capability points at the recommended standard',
      points_basic: 'Capability points at the basic standard',
      points_population: 'Full points for served population',
      points_staff: 'Full points for physicians',
      points_remoteness_max: 'Largest deduction for remoteness',
      population_full_points: 'Served population for full points',
      physicians_full_points: 'Physicians for full points',
      remote_minutes: 'Minutes to the county seat beyond which a THC is remote',
    },
    T6: {
      city_core_near_minutes: 'Minutes within which a THC is near the city core',
      city_side_margin_minutes: 'Extra minutes to the city hospital over the county hospital within which a THC counts as city side',
    },
    T7: {
      posted_physicians_per_thc: 'Minimum posted physicians per THC',
      posting_min_title: 'Minimum title of posted physicians',
      posting_min_months: 'Minimum posting months',
    },
    T8: {
      community_days_per_week: 'Posting days per week at community centers',
      community_resident_staff: 'Resident staff at community centers',
      community_min_title: 'Minimum title of staff posted to community centers',
    },
    H2: {
      county_tours_per_quarter: 'County-level tours per quarter',
      township_tours_per_month: 'Township-level tours per month',
      village_tours_per_week: 'Village-level tours per week',
    },
    P1: {
      support_days_per_month: 'Support days per month at the recipient unit',
    },
    P2: {
      half_release_min_days_per_week: 'Minimum days per week of a half-release posting',
      half_release_max_share: 'Maximum share of half-release staff',
      post_term_months: 'Term of a post',
      max_people_per_post_year: 'Maximum people per post per year',
    },
    P3: {
      subsidy_per_person_year: 'Subsidy for staff posted to THCs',
    },
    P5: {
      remote_village_doctor_subsidy: 'Raise of the remote village doctor post subsidy',
      weak_township_fund: 'Fund per weak township',
    },
    D1: {
      deploy_within_months: 'Deployment deadline after the plan',
      report_deadline: 'Yearly report deadline',
    },
    X: {
      speed: speedLabels,
      small_village_population: 'Population below which a village is small',
      large_village_population: 'Population from which a village is large',
      clinic_minutes: 'Village clinic travel standard',
      thc_minutes: 'THC travel standard',
      county_hospital_minutes: 'County hospital travel standard',
      detour_factor: 'Detour factor for straight lines',
      max_snap_metres: 'Maximum distance from a place to a road',
      import_far_from_project_km: 'Import warning distance from the project',
      isochrone_bands: 'Isochrone bands',
      working_days_per_week: 'Working days per week',
      tour_teams_per_thc: 'Touring teams per THC (unless set per THC)',
      tour_team_hours_per_day: 'Working hours of a touring team per day (travel included)',
      tour_max_travel_minutes_per_day: 'Maximum travel of a touring team per day',
      tour_day_start: 'Tour departure time',
      tour_working_days: 'Touring days of the week',
      half_day_hours: 'Hours of a half-day session',
    },
  },
  ruleUnits: {
    per_week: 'per week',
    per_month: 'per month',
    per_quarter: 'per quarter',
    days_per_week: 'days/week',
    days_per_month: 'days/month',
    hours: 'hours',
    months: 'months',
    persons: 'persons',
    residents: 'residents',
    minutes: 'minutes',
    km_per_h: 'km/h',
    ratio: '×',
    percent: '%',
    cny: 'CNY',
    cny_per_year: 'CNY per person-year',
    metres: 'm',
    km: 'km',
    time: 'HH:MM',
    weekdays: 'weekdays',
    km2: 'km²',
    points: 'points',
    title: 'title',
    date: 'MM-DD',
  },
  ruleFamilies: {
    V: 'Village coverage',
    T: 'Township health centers',
    H: 'Touring hierarchy',
    P: 'Staff postings programme',
    D: 'Reporting',
    X: 'Product defaults (not fixed by the policy texts)',
  },
};
