/**
 * Checks a touring set-up before it is stored (setTourConfig): ranges, the V1 half-day floor and
 * the codes. The API's zod schemas have checked the shapes; this names the THC or village and the
 * problem in the user's language. The first problem found is thrown; nothing is written.
 *
 * A session shorter than V1.tour_session_hours is refused (not just warned about): V1 asks at
 * least half a day per visit, and the rules table's value is the project's half day.
 */
import { ApiError } from '../api/errors.js';
import type { RuleValues } from '../domain/rules.js';
import { RULES_BY_ID } from '../domain/rules.js';
import { formatClock, type ThcTourConfig, type TourConfig, type VillageTourConstraint } from '../domain/tours.js';
import type { Facility, Village } from '../domain/types.js';

/** Facility levels that may send touring teams: THCs (village tours) and county hospitals (V5 backfill, H1). */
export const DEPOT_LEVELS: readonly string[] = ['township_hc', 'sub_center', 'county_hospital'];

export const TOUR_LIMITS = { teams: [0, 20], hoursPerDay: [1, 14], maxTravelMinutesPerDay: [0, 600], dayStart: [0, 1439] } as const;

export interface TourConfigContext {
  facilities: readonly Pick<Facility, 'code' | 'name' | 'level'>[];
  villages: readonly Pick<Village, 'code' | 'name'>[];
  rules: RuleValues;
  t: (key: string, params?: Record<string, string | number>) => string;
}

export function checkTourConfig(config: TourConfig, ctx: TourConfigContext): void {
  const facilities = new Map(ctx.facilities.map((f) => [f.code, f]));
  const villages = new Map(ctx.villages.map((v) => [v.code, v]));
  const v1 = ctx.rules['V1.tour_session_hours'];
  const minSession = typeof v1 === 'number' && Number.isFinite(v1) ? v1 : Number(RULES_BY_ID.get('V1.tour_session_hours')?.defaultValue ?? 3.5);
  const fail = (target: string, code: string, field: string, params: Record<string, string | number> = {}) =>
    new ApiError('TOUR_CONFIG_INVALID', `tour config ${target}: ${code}`, { target, code, field, reasonCode: code, detail: ctx.t(`errors.details.tour_${code}`, params) });

  const seenThc = new Set<string>();
  config.thcs.forEach((c: ThcTourConfig, i) => {
    const f = facilities.get(c.thcCode);
    const target = f ? `${f.name}（${c.thcCode}）` : c.thcCode;
    const field = (name: string) => `thcs.${i}.${name}`;
    if (seenThc.has(c.thcCode)) throw fail(target, 'duplicate_entry', field('thcCode'));
    seenThc.add(c.thcCode);
    if (!f) throw fail(target, 'unknown_facility', field('thcCode'));
    if (!DEPOT_LEVELS.includes(f.level)) throw fail(target, 'not_a_depot', field('thcCode'));
    if (!Number.isInteger(c.teams) || c.teams < TOUR_LIMITS.teams[0] || c.teams > TOUR_LIMITS.teams[1]) throw fail(target, 'teams_range', field('teams'), { value: c.teams });
    if (new Set(c.workingDays).size !== c.workingDays.length) throw fail(target, 'days_duplicate', field('workingDays'));
    if (!(c.hoursPerDay >= TOUR_LIMITS.hoursPerDay[0] && c.hoursPerDay <= TOUR_LIMITS.hoursPerDay[1])) throw fail(target, 'hours_range', field('hoursPerDay'), { value: c.hoursPerDay });
    if (!(c.sessionHours >= minSession)) throw fail(target, 'session_below_min', field('sessionHours'), { value: c.sessionHours, min: minSession });
    if (c.sessionHours > c.hoursPerDay) throw fail(target, 'session_above_day', field('sessionHours'), { value: c.sessionHours, hours: c.hoursPerDay });
    const [tMin, tMax] = TOUR_LIMITS.maxTravelMinutesPerDay;
    if (!(c.maxTravelMinutesPerDay >= tMin && c.maxTravelMinutesPerDay <= tMax)) throw fail(target, 'travel_range', field('maxTravelMinutesPerDay'), { value: c.maxTravelMinutesPerDay });
    if (!Number.isInteger(c.dayStart) || c.dayStart < TOUR_LIMITS.dayStart[0] || c.dayStart > TOUR_LIMITS.dayStart[1]) throw fail(target, 'day_start_range', field('dayStart'), { value: c.dayStart });
    if (c.dayStart + c.hoursPerDay * 60 > 24 * 60) throw fail(target, 'day_past_midnight', field('dayStart'), { start: formatClock(c.dayStart), hours: c.hoursPerDay });
  });

  const seenVillage = new Set<string>();
  config.villages.forEach((c: VillageTourConstraint, i) => {
    const v = villages.get(c.villageCode);
    const target = v ? `${v.name}（${c.villageCode}）` : c.villageCode;
    const field = (name: string) => `villages.${i}.${name}`;
    if (seenVillage.has(c.villageCode)) throw fail(target, 'duplicate_entry', field('villageCode'));
    seenVillage.add(c.villageCode);
    if (!v) throw fail(target, 'unknown_village', field('villageCode'));
    if (c.allowedDays !== null && c.allowedDays.length === 0) throw fail(target, 'days_empty', field('allowedDays'));
    if (c.allowedDays !== null && new Set(c.allowedDays).size !== c.allowedDays.length) throw fail(target, 'days_duplicate', field('allowedDays'));
    if (c.venueCode !== null && !villages.has(c.venueCode)) throw fail(target, 'unknown_venue', field('venueCode'), { venue: c.venueCode });
  });
}
