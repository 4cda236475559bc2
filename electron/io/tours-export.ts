/**
 * Writes a tour plan for people outside the app:
 *   tours.csv          one row per planned visit (depot, team, day, session, order, venue, villages,
 *                      arrive, depart, travel from the previous point; the day's return on its last stop)
 *   tours.geojson      one LineString per team-day route (depot → stops → depot, straight segments)
 *                      and one Point per stop with its order
 *   notices.csv        one row per toured village: its weekly schedule and status
 *   notices/<code>.txt the notice (公示) per toured village, for the village board (D3)
 *   higher-tours.csv   the higher-level tours (H1, H2): kind, depot, day index, order, stop, times
 *
 * CSV for Excel: UTF-8 with a BOM, localized headers, weekdays and sessions; codes stay codes.
 * Every text is built first, then each file is written under a temporary name and renamed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors.js';
import type { Locale } from '../api/schema.js';
import { formatClock, type PlanPoint, type TeamDay, type ThcWeekPlan, type TourDemand, type TourPlanDocument } from '../domain/tours.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { sessionName, weekdayName } from '../../renderer/src/i18n/tours-format.js';
import { toCsv } from './csv.js';
import { writeFileAtomic } from './write-file.js';

export const TOUR_FILES = ['tours.csv', 'tours.geojson', 'notices.csv', 'higher-tours.csv'] as const;
export const NOTICES_DIR = 'notices';

type Table = { fields: string[]; rows: unknown[][] };
type Params = Record<string, string | number>;

/** `tourExport.<key>` in the locale. */
export function tourText(locale: Locale, key: string, params: Params = {}): string {
  return translate(locale, `tourExport.${key}`, params);
}

const num = (x: number | null | undefined, digits = 1): number | string => (x === null || x === undefined || !Number.isFinite(x) ? '' : Math.round(x * 10 ** digits) / 10 ** digits);
/** Localized column headers of the tour tables. */
export const tourHeaders = (locale: Locale, fields: string[]) => fields.map((f) => tourText(locale, `headers.${f}`));

interface Visit {
  plan: ThcWeekPlan;
  day: TeamDay;
  order: number;
  demand: TourDemand | undefined;
  stop: TeamDay['stops'][number];
}

function visitsOf(doc: TourPlanDocument): Visit[] {
  const out: Visit[] = [];
  for (const plan of doc.week) {
    const demands = new Map(plan.demands.map((d) => [d.venueCode, d]));
    for (const day of plan.days) day.stops.forEach((stop, i) => out.push({ plan, day, order: i + 1, demand: demands.get(stop.venueCode), stop }));
  }
  return out;
}

/** Return leg of a day: its travel minus the legs to its stops. */
function returnLeg(day: TeamDay): { minutes: number; km: number | null } {
  const minutes = day.travelMinutes - day.stops.reduce((s, st) => s + st.travelMinutes, 0);
  const km = day.travelKm === null ? null : day.travelKm - day.stops.reduce((s, st) => s + (st.travelKm ?? 0), 0);
  return { minutes, km };
}

export function toursTable(doc: TourPlanDocument, locale: Locale): Table {
  const fields = [
    'depot_code', 'depot_name', 'team', 'day', 'session', 'order', 'venue_code', 'venue_name', 'village_codes', 'village_names',
    'arrive', 'depart', 'travel_minutes', 'travel_km', 'return_minutes', 'return_km',
  ];
  const sep = tourText(locale, 'nameSeparator');
  const rows = visitsOf(doc).map(({ plan, day, order, demand, stop }) => {
    const last = order === day.stops.length;
    const back = last ? returnLeg(day) : null;
    const venueName = plan.points.find((p) => p.code === stop.venueCode)?.name ?? '';
    return [
      plan.thcCode, plan.name, day.team, weekdayName(locale, day.day), sessionName(locale, stop.session), order,
      stop.venueCode, venueName, stop.villageCodes.join(';'), (demand?.names ?? []).join(sep),
      formatClock(stop.arrive), formatClock(stop.depart), num(stop.travelMinutes), num(stop.travelKm),
      back ? num(back.minutes) : '', back ? num(back.km) : '',
    ];
  });
  return { fields, rows };
}

export function toursGeoJson(doc: TourPlanDocument): object {
  const features: object[] = [];
  for (const plan of doc.week) {
    const at = new Map<string, PlanPoint>(plan.points.map((p) => [p.code, p]));
    const depot = plan.points[0];
    let colour = 0;
    for (const day of plan.days) {
      if (day.stops.length === 0) continue;
      const coords = [depot.location, ...day.stops.map((s) => at.get(s.venueCode)?.location ?? depot.location), depot.location];
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: coords.map(([lng, lat]) => [lng, lat]) },
        properties: {
          kind: 'route',
          depot: plan.thcCode,
          depot_name: plan.name,
          team: day.team,
          day: day.day,
          colour,
          stops: day.stops.length,
          start: formatClock(day.start),
          end: formatClock(day.end),
          travel_minutes: num(day.travelMinutes),
          travel_km: num(day.travelKm),
        },
      });
      day.stops.forEach((s, i) => {
        const p = at.get(s.venueCode);
        if (!p) return;
        features.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [p.location[0], p.location[1]] },
          properties: {
            kind: 'stop',
            depot: plan.thcCode,
            team: day.team,
            day: day.day,
            colour,
            order: i + 1,
            session: s.session,
            venue: s.venueCode,
            name: p.name,
            villages: s.villageCodes.join(';'),
            arrive: formatClock(s.arrive),
            depart: formatClock(s.depart),
            travel_minutes: num(s.travelMinutes),
            travel_km: num(s.travelKm),
          },
        });
      });
      colour++;
    }
  }
  return { type: 'FeatureCollection', features };
}

interface VillageNotice {
  code: string;
  name: string;
  plan: ThcWeekPlan;
  demand: TourDemand;
  slots: { day: TeamDay; stop: TeamDay['stops'][number] }[];
}

function villageNotices(doc: TourPlanDocument): VillageNotice[] {
  const out: VillageNotice[] = [];
  for (const plan of doc.week) {
    for (const demand of plan.demands) {
      const slots = plan.days.flatMap((day) => day.stops.filter((s) => s.venueCode === demand.venueCode).map((stop) => ({ day, stop })));
      const order = (x: { day: TeamDay; stop: { session: string; arrive: number } }) => WEEK_ORDER.indexOf(x.day.day) * 10000 + x.stop.arrive;
      slots.sort((a, b) => order(a) - order(b));
      demand.villageCodes.forEach((code, i) => out.push({ code, name: demand.names[i] ?? code, plan, demand, slots }));
    }
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
const WEEK_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const teamName = (locale: Locale, team: number) => tourText(locale, 'teamName', { team });

function statusOf(n: VillageNotice): 'planned' | 'partial' | 'backfill' {
  if (n.slots.length >= n.demand.visitsPerWeek) return 'planned';
  return n.slots.length === 0 ? 'backfill' : 'partial';
}

export function noticesTable(doc: TourPlanDocument, locale: Locale): Table {
  const fields = ['village_code', 'village_name', 'depot_code', 'depot_name', 'venue_code', 'visits_required', 'visits_planned', 'schedule', 'teams', 'status', 'notice_file'];
  const rows = villageNotices(doc).map((n) => [
    n.code, n.name, n.plan.thcCode, n.plan.name, n.demand.venueCode, n.demand.visitsPerWeek, n.slots.length,
    n.slots.map(({ day, stop }) => tourText(locale, 'slot', {
      day: weekdayName(locale, day.day), session: sessionName(locale, stop.session),
      arrive: formatClock(stop.arrive), depart: formatClock(stop.depart), team: teamName(locale, day.team),
    })).join(tourText(locale, 'listSeparator')),
    [...new Set(n.slots.map((s) => s.day.team))].sort((a, b) => a - b).map((tm) => teamName(locale, tm)).join(tourText(locale, 'nameSeparator')),
    tourText(locale, `status.${statusOf(n)}`),
    `${NOTICES_DIR}/${n.code}.txt`,
  ]);
  return { fields, rows };
}

/** The notice (公示) of one village, as plain text lines. */
export function noticeText(n: VillageNotice, locale: Locale, date: string): string {
  const depot = n.plan.name;
  const lines = [tourText(locale, 'notice.title', { village: n.name }), '', tourText(locale, 'notice.intro', { depot, visits: n.demand.visitsPerWeek })];
  if (n.demand.villageCodes.length > 1 || n.demand.venueCode !== n.code) {
    const venue = n.plan.points.find((p) => p.code === n.demand.venueCode)?.name ?? n.demand.venueCode;
    const others = n.demand.names.filter((_, i) => n.demand.villageCodes[i] !== n.code).join(tourText(locale, 'nameSeparator'));
    lines.push(tourText(locale, 'notice.venue', { venue, others }));
  }
  if (n.slots.length > 0) {
    lines.push('', tourText(locale, 'notice.scheduleTitle'));
    for (const { day, stop } of n.slots) {
      lines.push(tourText(locale, 'notice.scheduleLine', {
        day: weekdayName(locale, day.day), session: sessionName(locale, stop.session),
        arrive: formatClock(stop.arrive), depart: formatClock(stop.depart), team: teamName(locale, day.team),
      }));
    }
  }
  if (n.slots.length < n.demand.visitsPerWeek) lines.push('', tourText(locale, 'notice.missing', { required: n.demand.visitsPerWeek, planned: n.slots.length, depot }));
  lines.push('', tourText(locale, 'notice.team'), tourText(locale, 'notice.services'), tourText(locale, 'notice.change', { depot }), tourText(locale, 'notice.publicity'), '', tourText(locale, 'notice.footer', { depot, date }));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function higherTable(doc: TourPlanDocument, locale: Locale): Table {
  const fields = ['kind', 'period', 'depot_code', 'depot_name', 'day_index', 'order', 'stop_code', 'stop_name', 'arrive', 'depart', 'travel_minutes', 'travel_km'];
  const rows: unknown[][] = [];
  for (const h of doc.higher) {
    const names = new Map(h.points.map((p) => [p.code, p.name]));
    for (const d of h.days)
      d.stops.forEach((s, i) =>
        rows.push([
          tourText(locale, `kinds.${h.kind}`), tourText(locale, `periods.${h.period}`), h.depotCode, h.depotName, d.index, i + 1,
          s.venueCode, names.get(s.venueCode) ?? '', formatClock(s.arrive), formatClock(s.depart), num(s.travelMinutes), num(s.travelKm),
        ]),
      );
  }
  return { fields, rows };
}

/** Writes the tour files into `outDir` and returns their paths (notices last, by village code). */
export function writeTourFiles(doc: TourPlanDocument, outDir: string, locale: Locale = 'zh-CN', opts: { date?: string } = {}): string[] {
  const dir = path.resolve(outDir);
  const noticeDir = path.join(dir, NOTICES_DIR);
  try {
    fs.mkdirSync(noticeDir, { recursive: true });
  } catch (e) {
    throw new ApiError('FILE_READ_ONLY', `cannot create ${noticeDir}: ${(e as Error).message}`, { path: noticeDir });
  }
  const date = opts.date ?? new Date().toISOString().slice(0, 10);
  const csv = (t: Table) => toCsv(tourHeaders(locale, t.fields), t.rows);
  const texts: [string, string][] = [
    [path.join(dir, 'tours.csv'), csv(toursTable(doc, locale))],
    [path.join(dir, 'tours.geojson'), JSON.stringify(toursGeoJson(doc))],
    [path.join(dir, 'notices.csv'), csv(noticesTable(doc, locale))],
    [path.join(dir, 'higher-tours.csv'), csv(higherTable(doc, locale))],
    ...villageNotices(doc).map((n): [string, string] => [path.join(noticeDir, `${n.code}.txt`), noticeText(n, locale, date)]),
  ];
  for (const [target, text] of texts) writeFileAtomic(target, text);
  return texts.map(([target]) => target);
}
