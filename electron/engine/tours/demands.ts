/**
 * From the proposals (with the planner's decisions) to the venues each depot must tour: THC tours
 * (V1, V2) at the village's THC, county backfill of tours (V5) at the county hospital; villages
 * sharing a central venue are one stop. Pure.
 */
import { applyDecisions, type EffectiveVillagePlan, type ProposalDecision, type VillageProposal } from '../../domain/planning.js';
import { WEEKDAYS, parseClock, type ThcTourConfig, type TourConfig, type TourDemand, type Weekday } from '../../domain/tours.js';
import type { Facility, LngLat, Village } from '../../domain/types.js';
import { RULES_BY_ID, type RuleValues } from '../../domain/rules.js';
import { RuleReader } from '../rule-values.js';

/** Facility levels that run village tours (THCs). */
export const THC_LEVELS: readonly string[] = ['township_hc', 'sub_center'];

/** Rules-table defaults of a depot's touring set-up, and the ids read. */
export function tourConfigDefaults(rules: RuleValues, used: Record<string, number | string> = {}): Omit<ThcTourConfig, 'thcCode'> {
  const reader = new RuleReader(rules);
  const teams = reader.number('X.tour_teams_per_thc');
  const hoursPerDay = reader.number('X.tour_team_hours_per_day');
  const sessionHours = reader.number('V1.tour_session_hours');
  const maxTravelMinutesPerDay = reader.number('X.tour_max_travel_minutes_per_day');
  Object.assign(used, reader.used);
  const text = (id: string): string => {
    const v = rules[id];
    const value = typeof v === 'string' && v.trim() !== '' ? v : String(RULES_BY_ID.get(id)?.defaultValue ?? '');
    used[id] = value;
    return value;
  };
  const workingDays = parseWeekdays(text('X.tour_working_days')) ?? parseWeekdays(String(RULES_BY_ID.get('X.tour_working_days')?.defaultValue)) ?? [];
  const dayStart = parseClock(text('X.tour_day_start')) ?? parseClock(String(RULES_BY_ID.get('X.tour_day_start')?.defaultValue)) ?? 480;
  return { teams, workingDays, hoursPerDay, sessionHours, maxTravelMinutesPerDay, dayStart };
}

/** 'mon,wed,fri' → ['mon','wed','fri'] (week order); null when a part is not a weekday. */
export function parseWeekdays(text: string): Weekday[] | null {
  const parts = text.split(/[,，\s]+/).map((p) => p.trim().toLowerCase()).filter((p) => p !== '');
  if (parts.some((p) => !(WEEKDAYS as readonly string[]).includes(p))) return null;
  return WEEKDAYS.filter((d) => parts.includes(d));
}

export interface DepotDemands {
  depot: Facility;
  demands: TourDemand[];
  locations: { code: string; name: string; location: LngLat }[];
  /** Villages moved to this depot because their THC is not in the scenario (V5). */
  reassigned: { villageCode: string; thcCode: string }[];
}

/** Is the village toured in its effective plan, and by whom (null: not toured)? */
function tourOf(e: EffectiveVillagePlan): 'thc' | 'county' | null {
  if (e.mode === 'tour') return 'thc';
  if (e.mode !== 'county_backfill') return null;
  // An override to backfill carries its own figures; a proposal says what it backfills.
  if (e.decision?.action === 'override') return e.visitsPerWeek !== null && e.visitsPerWeek > 0 ? 'county' : null;
  return e.proposal.backfillOf === 'tour' ? 'county' : null;
}

export function tourDemands(
  proposals: readonly VillageProposal[],
  decisions: readonly ProposalDecision[],
  villages: readonly Village[],
  facilities: readonly Facility[],
  config: TourConfig,
  defaultVisits: number,
): DepotDemands[] {
  const villageByCode = new Map(villages.map((v) => [v.code, v]));
  const facilityByCode = new Map(facilities.map((f) => [f.code, f]));
  const county = facilities.find((f) => f.level === 'county_hospital') ?? null;
  const constraint = new Map(config.villages.map((c) => [c.villageCode, c]));
  type Group = { depot: Facility; venues: Map<string, { members: { proposal: VillageProposal; visits: number }[] }>; reassigned: DepotDemands['reassigned'] };
  const groups = new Map<string, Group>();
  const groupOf = (depot: Facility): Group => {
    let g = groups.get(depot.code);
    if (!g) groups.set(depot.code, (g = { depot, venues: new Map(), reassigned: [] }));
    return g;
  };
  for (const e of applyDecisions(proposals, decisions)) {
    const kind = tourOf(e);
    if (!kind) continue;
    const p = e.proposal;
    if (!villageByCode.has(p.code)) continue; // no location: the proposals report it already
    let depot: Facility | null = null;
    let moved = false;
    if (kind === 'thc') {
      depot = p.thcCode ? (facilityByCode.get(p.thcCode) ?? null) : null;
      if (!depot) {
        depot = facilities.find((f) => THC_LEVELS.includes(f.level) && f.townshipCode === p.townshipCode) ?? county;
        moved = depot !== null && depot.level === 'county_hospital';
      }
    } else {
      depot = (p.backfillBy ? facilityByCode.get(p.backfillBy) : undefined) ?? county;
    }
    if (!depot) continue;
    const g = groupOf(depot);
    if (moved) g.reassigned.push({ villageCode: p.code, thcCode: p.thcCode ?? '' });
    const venueRef = constraint.get(p.code)?.venueCode ?? null;
    const venue = venueRef && villageByCode.has(venueRef) ? venueRef : p.code;
    let v = g.venues.get(venue);
    if (!v) g.venues.set(venue, (v = { members: [] }));
    v.members.push({ proposal: p, visits: Math.max(0, Math.round(e.visitsPerWeek ?? p.visitsPerWeek ?? defaultVisits)) });
  }
  return [...groups.values()]
    .sort((a, b) => (a.depot.code < b.depot.code ? -1 : a.depot.code > b.depot.code ? 1 : 0))
    .map((g) => {
      const venues = [...g.venues.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const demands: TourDemand[] = venues.map(([venueCode, { members }]) => {
        members.sort((a, b) => (a.proposal.code < b.proposal.code ? -1 : 1));
        let allowed: Weekday[] | null = null;
        for (const m of members) {
          const days = constraint.get(m.proposal.code)?.allowedDays ?? null;
          if (days === null) continue;
          allowed = allowed === null ? WEEKDAYS.filter((d) => days.includes(d)) : allowed.filter((d) => days.includes(d));
        }
        return {
          venueCode,
          villageCodes: members.map((m) => m.proposal.code),
          names: members.map((m) => m.proposal.name),
          visitsPerWeek: Math.max(...members.map((m) => m.visits)),
          population: members.reduce((s, m) => s + (m.proposal.population ?? villageByCode.get(m.proposal.code)?.population ?? 0), 0),
          allowedDays: allowed,
        };
      });
      const locations = venues.map(([venueCode]) => {
        const v = villageByCode.get(venueCode)!;
        return { code: v.code, name: v.name, location: v.location };
      });
      return { depot: g.depot, demands, locations, reassigned: g.reassigned };
    });
}
