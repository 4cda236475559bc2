/** en catalog section `tourIssues` (see tours-issues.zh-CN.ts for the params). */
import type { tourIssuesZh } from './tours-issues.zh-CN.js';

export const tourIssuesEn: typeof tourIssuesZh = {
  // Input and set-up (planWeek / planHigherLevel)
  session_too_short: 'Each visit is {hours} h on site, less than half a day ({min} h)',
  no_team_days: 'No team working days to schedule ({teams} teams, {workingDays} working days, {hoursPerDay} h a day); {venues} venues need county backfill',
  below_floor: '{name} is toured {required} times a week, below the floor of {floor} a week',
  unreachable: '{name} cannot be reached by road; its tours ({required} a week) need county backfill',
  too_far_for_a_day: '{name}: the round trip alone takes {travel} min, {dayMinutes} min with the visit, beyond the day limit of {hoursLimit} min or the travel limit of {travelLimit} min',
  frequency_too_high: '{name} needs {required} visits a week but only {days} days are possible',
  no_capacity: 'The teams ({teams}) cannot hold all visits of {name}: {planned} of {required} planned; the rest need county backfill',
  does_not_fit_period: '{name} does not fit the {days} working days of the period: {planned} of {required} planned',
  // Re-checks of the plan (evaluateWeekPlan)
  unknown_venue: 'Venue {venue} is not part of this plan',
  session_clash: 'Team {team} has more than one venue on {day} {session} (including {name})',
  unreachable_leg: 'No road from {from} to {to}',
  day_too_long: 'Team {team} on {day}: {minutes} min, beyond the working day of {limit} min',
  travel_too_long: 'Team {team} on {day}: {minutes} min of travel, beyond the limit of {limit} min',
  too_many_stops: 'Team {team} on {day} has {stops} venues; at most {max} a day (morning and afternoon)',
  same_day_twice: '{name} is visited twice on {day}',
  not_working_day: '{name} is scheduled on {day}, not a working day',
  day_not_allowed: '{name} cannot be toured on {day} (allowed: {allowed})',
  consecutive_days: '{name} is visited on consecutive days ({dayList})',
  frequency_not_met: '{name} gets {visits} visits a week; {required} are required',
  thc_missing: 'The responsible THC {thc} is not in the project; this depot tours the village instead',
  too_many_visits: '{name} gets {visits} visits a week, more than the {required} required',
};
