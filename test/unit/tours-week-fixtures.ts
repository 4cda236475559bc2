/** Small tour instances for the planner tests: points on a plane (km) with straight-line minutes. */
import { defaultRuleValues } from '../../electron/domain/rules.js';
import type { PlanPoint, ThcTourConfig, TourDemand, Weekday } from '../../electron/domain/tours.js';
import type { WeekInput } from '../../electron/engine/tours/weekly.js';

/** Straight-line minutes at `kmh` between points given in km on a plane (stored in `location`). */
export function planeMatrix(points: PlanPoint[], kmh = 40): { minutes: Float64Array; km: Float64Array } {
  const n = points.length;
  const minutes = new Float64Array(n * n);
  const km = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const d = Math.hypot(points[i].location[0] - points[j].location[0], points[i].location[1] - points[j].location[1]);
      km[i * n + j] = d;
      minutes[i * n + j] = Math.round((d / kmh) * 60 * 10) / 10;
    }
  return { minutes, km };
}

export function config(extra: Partial<ThcTourConfig> = {}): ThcTourConfig {
  return { thcCode: 'T0', teams: 1, workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], hoursPerDay: 8, sessionHours: 3.5, maxTravelMinutesPerDay: 120, dayStart: 480, ...extra };
}

export interface VenueSpec {
  x: number;
  y: number;
  visits: number;
  allowedDays?: Weekday[] | null;
}

/** A THC at (0,0) and venues V1..Vn at (x, y) km. */
export function weekInput(venues: VenueSpec[], cfg: Partial<ThcTourConfig> = {}): WeekInput {
  const depot: PlanPoint = { code: 'T0', name: '中心卫生院', location: [0, 0] };
  const locations: PlanPoint[] = venues.map((v, i) => ({ code: `V${i + 1}`, name: `村${i + 1}`, location: [v.x, v.y] }));
  const demands: TourDemand[] = venues.map((v, i) => ({
    venueCode: `V${i + 1}`,
    villageCodes: [`V${i + 1}`],
    names: [`村${i + 1}`],
    visitsPerWeek: v.visits,
    population: 300,
    allowedDays: v.allowedDays ?? null,
  }));
  const { minutes, km } = planeMatrix([depot, ...locations]);
  return { depot, config: config(cfg), demands, locations, minutes, km, rules: defaultRuleValues(), seed: 7 };
}
