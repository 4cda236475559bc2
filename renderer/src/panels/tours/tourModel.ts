/**
 * The pure parts of the tour screen (巡诊排班): the week calendar's cells from a plan (teams ×
 * days × sessions, with the issues that fall on each cell), a hand edit applied through moveStop,
 * the colour of each team-day (shared by the calendar and the map), the routes as GeoJSON (lines,
 * direction arrows, numbered stops, the depot) and the issues in words.
 */
import { moveStop, type SessionSlot } from '../../../../electron/domain/tour-evaluate.js';
import {
  SESSIONS,
  WEEKDAYS,
  type Session,
  type TeamDay,
  type ThcWeekPlan,
  type TourIssue,
  type TourPlanDocument,
  type TourStop,
  type Weekday,
} from '../../../../electron/domain/tours.js';
import { translate, type Locale } from '../../i18n/index.js';

// ---- colours ------------------------------------------------------------------------------------

/**
 * One hue per weekday (Okabe-Ito order, colour-blind safe, dark enough for a white casing), a
 * darker shade per further team: the same team-day has the same colour in the calendar and on the map,
 * and stays the same when a visit is moved.
 */
const DAY_COLORS: Record<Weekday, [number, number, number]> = {
  mon: [0, 114, 178],
  tue: [213, 94, 0],
  wed: [0, 158, 115],
  thu: [204, 121, 167],
  fri: [230, 159, 0],
  sat: [86, 180, 233],
  sun: [120, 94, 60],
};

export function teamDayColor(team: number, day: Weekday): string {
  const [r, g, b] = DAY_COLORS[day];
  // Team 1 the base hue, team 2 darker, team 3 darker still, then around again.
  const shade = [1, 0.68, 0.45][(Math.max(1, team) - 1) % 3];
  const hex = (v: number) => Math.round(v * shade).toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

// ---- calendar -------------------------------------------------------------------------------------

export const slotKey = (s: SessionSlot): string => `${s.team}|${s.day}|${s.session}`;

export interface CalendarCell extends SessionSlot {
  key: string;
  stop: TourStop | null;
  /** Names of the villages served at the stop (several at a central venue). */
  names: string[];
  /** The day is one of the depot's working days and the team exists. */
  working: boolean;
  issues: TourIssue[];
  severity: 'error' | 'warning' | null;
}

export interface CalendarModel {
  days: Weekday[];
  teams: number[];
  cells: Map<string, CalendarCell>;
  /** Team-day of each (team, day): its travel and times. */
  teamDays: Map<string, TeamDay>;
}

export const teamDayKey = (team: number, day: Weekday): string => `${team}|${day}`;

/** Names of a venue's villages (the demand's), else the point's name, else the code. */
export function venueNames(plan: ThcWeekPlan, venueCode: string): string[] {
  const d = plan.demands.find((x) => x.venueCode === venueCode);
  if (d && d.names.length > 0) return d.names;
  const p = plan.points.find((x) => x.code === venueCode);
  return [p?.name ?? venueCode];
}

export function calendarModel(plan: ThcWeekPlan): CalendarModel {
  const used = new Set(plan.days.filter((d) => d.stops.length > 0).map((d) => d.day));
  const days = WEEKDAYS.filter((d) => plan.config.workingDays.includes(d) || used.has(d));
  const maxTeam = Math.max(plan.config.teams, ...plan.days.filter((d) => d.stops.length > 0).map((d) => d.team), 0);
  const teams = Array.from({ length: maxTeam }, (_, i) => i + 1);
  const cells = new Map<string, CalendarCell>();
  const teamDays = new Map<string, TeamDay>();
  for (const td of plan.days) teamDays.set(teamDayKey(td.team, td.day), td);
  for (const team of teams)
    for (const day of days)
      for (const session of SESSIONS) {
        const stop = teamDays.get(teamDayKey(team, day))?.stops.find((s) => s.session === session) ?? null;
        const key = slotKey({ team, day, session });
        cells.set(key, {
          key,
          team,
          day,
          session,
          stop,
          names: stop ? venueNames(plan, stop.venueCode) : [],
          working: plan.config.workingDays.includes(day) && team <= plan.config.teams,
          issues: [],
          severity: null,
        });
      }
  for (const issue of plan.issues) for (const key of cellsOfIssue(issue, cells)) addIssue(cells.get(key)!, issue);
  return { days, teams, cells, teamDays };
}

function addIssue(cell: CalendarCell, issue: TourIssue): void {
  if (cell.issues.includes(issue)) return;
  cell.issues.push(issue);
  if (issue.severity === 'error') cell.severity = 'error';
  else if (!cell.severity) cell.severity = 'warning';
}

/** The calendar cells an issue is about (none for issues about the whole depot). */
export function cellsOfIssue(issue: TourIssue, cells: ReadonlyMap<string, CalendarCell>): string[] {
  const all = [...cells.values()];
  const daysParam = typeof issue.params.days === 'string' ? (issue.params.days.split(',') as Weekday[]) : null;
  const session = typeof issue.params.session === 'string' ? (issue.params.session as Session) : null;
  let hit: CalendarCell[];
  if (issue.villageCode) {
    // A venue's visits: on the issue's team-day, on its day, on the listed days, or all of them.
    hit = all.filter(
      (c) =>
        c.stop?.venueCode === issue.villageCode &&
        (issue.team === null || c.team === issue.team) &&
        (issue.day === null || c.day === issue.day) &&
        (!daysParam || daysParam.includes(c.day)),
    );
  } else if (issue.team !== null && issue.day !== null) {
    // A team-day's limits: its visits (or the session in question).
    hit = all.filter((c) => c.team === issue.team && c.day === issue.day && (session ? c.session === session : c.stop !== null));
  } else hit = [];
  return hit.map((c) => c.key);
}

// ---- hand edits ---------------------------------------------------------------------------------------

/** A visit moved to another cell (swapped with the visit there), re-checked; null when nothing moves. */
export function applyMove(plan: ThcWeekPlan, from: SessionSlot, to: SessionSlot): ThcWeekPlan | null {
  if (slotKey(from) === slotKey(to)) return null;
  const src = plan.days.find((d) => d.team === from.team && d.day === from.day)?.stops.find((s) => s.session === from.session);
  if (!src) return null;
  return moveStop(plan, from, to);
}

/** Cells a visit can be moved to with the keyboard menu: every other working cell of the calendar. */
export function moveTargets(model: CalendarModel, from: SessionSlot): CalendarCell[] {
  return [...model.cells.values()].filter((c) => c.working && c.key !== slotKey(from));
}

/** Whether a week plan has a visit at all (a depot worth choosing). */
export function planHasVisits(plan: ThcWeekPlan): boolean {
  return plan.days.some((d) => d.stops.length > 0);
}

/** Depots in the selector: those with visits or issues first, then by name. */
export function depotOrder(doc: TourPlanDocument): ThcWeekPlan[] {
  const rank = (w: ThcWeekPlan) => (planHasVisits(w) ? 0 : w.demands.length > 0 || w.issues.length > 0 ? 1 : 2);
  return [...doc.week].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN') || a.thcCode.localeCompare(b.thcCode));
}

// ---- map ------------------------------------------------------------------------------------------

type Position = [number, number];
interface PointFeature<P> {
  type: 'Feature';
  id: number;
  geometry: { type: 'Point'; coordinates: Position };
  properties: P;
}
interface LineFeature<P> {
  type: 'Feature';
  id: number;
  geometry: { type: 'LineString'; coordinates: Position[] };
  properties: P;
}
interface Collection<F> {
  type: 'FeatureCollection';
  features: F[];
}

export interface RouteProps {
  key: string;
  team: number;
  day: Weekday;
  color: string;
  highlighted: boolean;
  /** Some route is highlighted and this is not it (drawn faded). */
  dimmed: boolean;
  stops: number;
  travelMinutes: number;
  /** Sideways shift in pixels, so team-days driving the same way are drawn side by side, not on top of each other. */
  offset: number;
}
export interface ArrowProps {
  key: string;
  color: string;
  /** Degrees clockwise from north on the (Mercator) map: the direction of travel. */
  bearing: number;
  /** Leg of the route: 0 from the depot to the first stop. */
  leg: number;
  highlighted: boolean;
  dimmed: boolean;
}
export interface StopProps {
  key: string;
  team: number;
  day: Weekday;
  session: Session;
  order: number;
  label: string;
  code: string;
  name: string;
  color: string;
  highlighted: boolean;
  dimmed: boolean;
  /** A venue the week does not visit (unreachable, too far, over capacity: county backfill) — drawn, never hidden. */
  unplanned: boolean;
}
export interface DepotProps {
  code: string;
  name: string;
}

export interface TourMapData {
  routes: Collection<LineFeature<RouteProps>>;
  arrows: Collection<PointFeature<ArrowProps>>;
  stops: Collection<PointFeature<StopProps>>;
  depot: Collection<PointFeature<DepotProps>>;
}

const emptyCollection = <F>(): Collection<F> => ({ type: 'FeatureCollection', features: [] });
export const EMPTY_TOUR_MAP: TourMapData = { routes: emptyCollection(), arrows: emptyCollection(), stops: emptyCollection(), depot: emptyCollection() };

const mercY = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360)) * (180 / Math.PI);

/** Direction from a to b on the Mercator map, degrees clockwise from north (0-360). */
export function bearingOf(a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = mercY(b[1]) - mercY(a[1]);
  const deg = (Math.atan2(dx, dy) * 180) / Math.PI;
  return Math.round(((deg + 360) % 360) * 10) / 10;
}

/**
 * The depot's routes on the map: per team-day with visits one line depot → am → pm → depot in the
 * team-day's colour, an arrow at the middle of each leg pointing the way the team drives, the stops
 * numbered 1, 2 … along each route, and the depot.
 */
export function tourMapData(plan: ThcWeekPlan | null, highlight: { team: number; day: Weekday } | null = null): TourMapData {
  if (!plan || plan.points.length === 0) return EMPTY_TOUR_MAP;
  const loc = new Map(plan.points.map((p) => [p.code, p.location as Position] as const));
  const depotAt = plan.points[0].location as Position;
  const out: TourMapData = { routes: emptyCollection(), arrows: emptyCollection(), stops: emptyCollection(), depot: emptyCollection() };
  out.depot.features.push({ type: 'Feature', id: 1, geometry: { type: 'Point', coordinates: depotAt }, properties: { code: plan.thcCode, name: plan.name } });
  const days = [...plan.days].filter((d) => d.stops.length > 0).sort((a, b) => a.team - b.team || WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day));
  let arrowId = 1;
  let stopId = 1;
  days.forEach((td, i) => {
    const key = teamDayKey(td.team, td.day);
    const color = teamDayColor(td.team, td.day);
    const highlighted = highlight !== null && highlight.team === td.team && highlight.day === td.day;
    const dimmed = highlight !== null && !highlighted;
    const stops = [...td.stops].sort((a, b) => SESSIONS.indexOf(a.session) - SESSIONS.indexOf(b.session));
    const path: Position[] = [depotAt];
    stops.forEach((s, k) => {
      const at = loc.get(s.venueCode);
      if (!at) return;
      path.push(at);
      const name = venueNames(plan, s.venueCode).join('、');
      out.stops.features.push({
        type: 'Feature',
        id: stopId++,
        geometry: { type: 'Point', coordinates: at },
        properties: { key, team: td.team, day: td.day, session: s.session, order: k + 1, label: String(k + 1), code: s.venueCode, name, color, highlighted, dimmed, unplanned: false },
      });
    });
    path.push(depotAt);
    out.routes.features.push({
      type: 'Feature',
      id: i + 1,
      geometry: { type: 'LineString', coordinates: path },
      properties: { key, team: td.team, day: td.day, color, highlighted, dimmed, stops: stops.length, travelMinutes: td.travelMinutes, offset: 0 },
    });
    for (let leg = 0; leg + 1 < path.length; leg++) {
      const [a, b] = [path[leg], path[leg + 1]];
      if (a[0] === b[0] && a[1] === b[1]) continue;
      out.arrows.features.push({
        type: 'Feature',
        id: arrowId++,
        // Slightly past the middle so the arrows of the way out and the way back do not sit on each other.
        geometry: { type: 'Point', coordinates: [a[0] + (b[0] - a[0]) * 0.55, a[1] + (b[1] - a[1]) * 0.55] },
        properties: { key, color, bearing: bearingOf(a, b), leg, highlighted, dimmed },
      });
    }
  });
  // Routes over the same points, side by side (either direction counts: the lines coincide).
  const groups = new Map<string, RouteProps[]>();
  for (const f of out.routes.features) {
    const sig = [...new Set(f.geometry.coordinates.map((c) => c.join(',')))].sort().join(';');
    groups.set(sig, [...(groups.get(sig) ?? []), f.properties]);
  }
  for (const g of groups.values()) g.forEach((p, k) => (p.offset = g.length > 1 ? (k - (g.length - 1) / 2) * ROUTE_OFFSET_PX : 0));

  // Venues the week leaves out: a red '!' where they are.
  const visited = new Set(days.flatMap((d) => d.stops.map((s) => s.venueCode)));
  for (const d of plan.demands) {
    const at = loc.get(d.venueCode);
    if (visited.has(d.venueCode) || !at) continue;
    out.stops.features.push({
      type: 'Feature',
      id: stopId++,
      geometry: { type: 'Point', coordinates: at },
      properties: { key: '', team: 0, day: 'mon', session: 'am', order: 0, label: '!', code: d.venueCode, name: d.names.join('、'), color: UNPLANNED_COLOR, highlighted: false, dimmed: highlight !== null, unplanned: true },
    });
  }
  return out;
}

/** Gap between routes that share their points. */
export const ROUTE_OFFSET_PX = 4;

/** Colour of a toured venue left out of the week. */
export const UNPLANNED_COLOR = '#c62828';

// ---- words ----------------------------------------------------------------------------------------

export { sessionName, tourIssueText, weekdayName } from '../../i18n/tours-format.js';

/** Issues to list: errors first (infeasibilities prominent), then warnings, in plan order. */
export function sortedIssues(issues: readonly TourIssue[]): TourIssue[] {
  return [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
