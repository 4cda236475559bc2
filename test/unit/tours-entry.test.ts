/**
 * The tour planning entry on the demo county (car): demands per depot from the proposals and the
 * decisions, defaults from the rules, venues, and every toured village planned or reported.
 */
import { describe, expect, it } from 'vitest';
import { applyDecisions, type ProposalDecision } from '../../electron/domain/planning.js';
import { defaultRuleValues } from '../../electron/domain/rules.js';
import type { TourConfig } from '../../electron/domain/tours.js';
import { roadInputsFromLayer, runCoverageAnalysis, type AnalysisInput } from '../../electron/engine/analysis.js';
import { EngineCancelled } from '../../electron/engine/graph-types.js';
import { tourDemands } from '../../electron/engine/tours/demands.js';
import { runTourPlanning } from '../../electron/engine/tours/index.js';
import { generateDemoCounty } from '../../electron/io/demo/generate.js';

const demo = generateDemoCounty();
const input: AnalysisInput = {
  villages: demo.villages,
  facilities: demo.facilities,
  roads: roadInputsFromLayer(demo.roads),
  townships: demo.townships,
  rules: defaultRuleValues(),
  mode: 'car',
  dem: null,
  planning: { postings: demo.postings, villageAreas: demo.villageAreas },
};
const planning = runCoverageAnalysis(input).document.planning!;
const empty: TourConfig = { thcs: [], villages: [] };

/** Villages the proposals tour (THC tours and backfilled tours). */
const toured = planning.villages.filter((v) => v.mode === 'tour' || (v.mode === 'county_backfill' && v.backfillOf === 'tour'));

describe('runTourPlanning (demo county, car)', () => {
  it('gives every toured village its visits, or reports it', () => {
    const t0 = performance.now();
    const doc = runTourPlanning({ analysis: input, planning, decisions: [], config: empty, seed: 1 });
    const ms = performance.now() - t0;
    const visits = doc.week.reduce((s, w) => s + w.totals.visitsRequired, 0);
    const planned = doc.week.reduce((s, w) => s + w.totals.visitsPlanned, 0);
    const travel = doc.week.reduce((s, w) => s + w.totals.travelMinutes, 0);
    const km = doc.week.reduce((s, w) => s + (w.totals.travelKm ?? 0), 0);
    console.log(
      `tours (demo, car): ${doc.week.length} depots, ${toured.length} toured villages, visits ${planned}/${visits}, travel ${(travel / 60).toFixed(1)} h ${km.toFixed(0)} km, ` +
        `${doc.higher.length} higher-level plans, ${ms.toFixed(0)} ms`,
    );
    expect(toured.length).toBeGreaterThan(0);
    expect(doc.mode).toBe('car');
    expect(doc.computedAt).toBeNull();
    expect(doc.rulesUsed['X.tour_teams_per_thc']).toBe(1);
    expect(doc.rulesUsed['X.tour_working_days']).toBe('mon,tue,wed,thu,fri');
    // Depots sorted by code, each with demands.
    const codes = doc.week.map((w) => w.thcCode);
    expect(codes).toEqual([...codes].sort());
    for (const w of doc.week) expect(w.demands.length).toBeGreaterThan(0);
    for (const v of toured) {
      const plan = doc.week.find((w) => w.demands.some((d) => d.villageCodes.includes(v.code)));
      expect(plan, v.code).toBeDefined();
      const demand = plan!.demands.find((d) => d.villageCodes.includes(v.code))!;
      const times = plan!.days.reduce((s, day) => s + day.stops.filter((st) => st.venueCode === demand.venueCode).length, 0);
      const reported = plan!.backfill.includes(demand.venueCode) || plan!.issues.some((i) => i.villageCode === demand.venueCode && i.severity === 'error');
      expect(times === demand.visitsPerWeek || reported, `${v.code}: ${times}/${demand.visitsPerWeek}`).toBe(true);
    }
    // The backfilled tours go to the county hospital.
    const county = demo.facilities.find((f) => f.level === 'county_hospital')!;
    const backfilled = toured.filter((v) => v.mode === 'county_backfill');
    if (backfilled.length) expect(doc.week.find((w) => w.thcCode === county.code)).toBeDefined();
    // H1/H2: one quarterly county plan, one monthly plan per THC with villages.
    expect(doc.higher.filter((h) => h.kind === 'county_to_thc')).toHaveLength(1);
    const q = doc.higher.find((h) => h.kind === 'county_to_thc')!;
    expect(q.workingDays).toBe(65);
    expect(doc.higher.filter((h) => h.kind === 'thc_to_village').every((h) => h.workingDays === 22)).toBe(true);
  }, 60_000);

  it('counts decisions: an override to tour adds a village, a reject removes one', () => {
    const notToured = planning.villages.find((v) => v.mode === 'covered')!;
    const rejected = toured.find((v) => v.mode === 'tour')!;
    const decisions: ProposalDecision[] = [
      { scenarioId: 0, villageCode: notToured.code, action: 'override', mode: 'tour', visitsPerWeek: 3, postingDaysPerWeek: null, reason: 'x', proposedMode: notToured.mode, decidedAt: '' },
      { scenarioId: 0, villageCode: rejected.code, action: 'reject', mode: null, visitsPerWeek: null, postingDaysPerWeek: null, reason: 'x', proposedMode: rejected.mode, decidedAt: '' },
    ];
    expect(applyDecisions(planning.villages, decisions).find((e) => e.proposal.code === notToured.code)!.mode).toBe('tour');
    const depots = tourDemands(planning.villages, decisions, input.villages, input.facilities, empty, 2);
    const all = depots.flatMap((d) => d.demands);
    expect(all.find((d) => d.villageCodes.includes(notToured.code))!.visitsPerWeek).toBe(3);
    expect(all.some((d) => d.villageCodes.includes(rejected.code))).toBe(false);
  });

  it('groups villages at a central venue: max visits, intersection of allowed days', () => {
    const [a, b] = planning.villages.filter((v) => v.townshipCode === '431299102' && v.mode !== 'tour').slice(0, 2);
    const override = (code: string, visits: number): ProposalDecision => ({
      scenarioId: 0, villageCode: code, action: 'override', mode: 'tour', visitsPerWeek: visits, postingDaysPerWeek: null, reason: 'x', proposedMode: null, decidedAt: '',
    });
    const config: TourConfig = {
      thcs: [],
      villages: [
        { villageCode: a.code, allowedDays: ['mon', 'tue', 'wed'], venueCode: null },
        { villageCode: b.code, allowedDays: ['tue', 'wed', 'fri'], venueCode: a.code },
      ],
    };
    const depots = tourDemands(planning.villages, [override(a.code, 2), override(b.code, 3)], input.villages, input.facilities, config, 2);
    const depot = depots.find((d) => d.demands.some((x) => x.venueCode === a.code))!;
    expect(depot.depot.code).toBe('THC-431299102');
    const venue = depot.demands.find((d) => d.venueCode === a.code)!;
    expect(venue.villageCodes).toEqual([a.code, b.code].sort());
    expect(venue.visitsPerWeek).toBe(3);
    expect(venue.allowedDays).toEqual(['tue', 'wed']);
    expect(depot.demands.some((d) => d.venueCode === b.code)).toBe(false);
    expect(depot.locations.map((l) => l.code)).toEqual(depot.demands.map((d) => d.venueCode));
  });

  it('uses a stored THC config and stops when cancelled', () => {
    const thc = toured.find((v) => v.mode === 'tour')!.thcCode!;
    const config: TourConfig = { thcs: [{ thcCode: thc, teams: 0, workingDays: ['mon'], hoursPerDay: 8, sessionHours: 3.5, maxTravelMinutesPerDay: 120, dayStart: 450 }], villages: [] };
    const ac = new AbortController();
    ac.abort();
    expect(() => runTourPlanning({ analysis: input, planning, decisions: [], config }, { signal: ac.signal })).toThrow(EngineCancelled);
  });
});
