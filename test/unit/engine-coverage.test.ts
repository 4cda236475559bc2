/**
 * The coverage analysis, on hand-built counties (exact figures) and on the demo county (the
 * planning cases the generator promises), and the what-if session against fresh runs.
 */
import { describe, expect, it } from 'vitest';
import { defaultRuleValues } from '../../electron/domain/rules.js';
import type { Facility } from '../../electron/domain/types.js';
import { analyzeCoverage, createCoverageSession, type CoverageInput, type CoverageResult, type CoverageTotals } from '../../electron/engine/coverage.js';
import { EngineCancelled, type FacilityGroup } from '../../electron/engine/graph-types.js';
import { generateDemoCounty } from '../../electron/io/demo/generate.js';
import { facility, minutesAt, near, road, rules, village } from './engine-fixtures.js';

const GROUPS: FacilityGroup[] = ['clinic', 'thc', 'county'];

describe('coverage on a hand-built county', () => {
  // A 6 km road (county class) with a clinic at 1 km, a THC at 3 km and the county hospital at
  // 6 km; a second road far away that nothing connects to; one village 3 km off every road.
  const villages = [
    village(1, [0, 0], { population: 500 }),
    village(2, [5000, 0], { population: 1200, townshipCode: '431299002' }),
    village(3, [0, 20_000], { population: 300 }), // on the isolated road
    village(4, [3000, 3000], { population: 100, kind: 'settlement' }), // off network (3 km > 1 km)
  ];
  const input: CoverageInput = {
    villages,
    facilities: [
      facility(1, 'village_clinic', [1000, 0], { villageCode: villages[0].code, villageDoctors: 1, physicians: 0 }),
      facility(2, 'village_clinic', [5000, 0], { villageCode: villages[1].code, villageDoctors: 0, physicians: 0 }),
      facility(3, 'township_hc', [3000, 0]),
      facility(4, 'county_hospital', [6000, 0]),
    ],
    roads: [road([[0, 0], [1000, 0], [3000, 0], [5000, 0], [6000, 0]]), road([[0, 20_000], [1000, 20_000]])],
    townships: [{ code: '431299001', name: '甲镇' }, { code: '431299002', name: '乙乡' }],
    rules: rules(),
    mode: 'car',
  };
  const result = analyzeCoverage(input);
  const [v1, v2, v3, v4] = result.villages;

  it('gives exact road times to the nearest facility of each group', () => {
    expect(near(v1.minutes.clinic!, minutesAt(1000, 45))).toBe(true);
    expect(near(v1.minutes.thc!, minutesAt(3000, 45))).toBe(true);
    expect(near(v1.minutes.county!, minutesAt(6000, 45))).toBe(true);
    expect(v1.nearest).toEqual({ clinic: 'F1', thc: 'F3', county: 'F4' });
    expect(v1.estimated).toEqual({ clinic: false, thc: false, county: false });
  });

  it('a clinic without a qualified doctor makes its village blank and is nobody’s nearest clinic', () => {
    expect(v1.blank).toBe(false);
    expect(v1.blankReason).toBeNull();
    expect(v2.blank).toBe(true);
    expect(v2.blankReason).toBe('no_qualified_doctor');
    expect(v2.nearest.clinic).toBe('F1');
    expect(near(v2.minutes.clinic!, minutesAt(4000, 45))).toBe(true);
    expect(v3.blankReason).toBe('no_clinic');
  });

  it('unreachable: null minutes and nearest, flagged, beyond the standard — never NaN', () => {
    for (const g of GROUPS) {
      expect(v3.minutes[g]).toBeNull();
      expect(v3.nearest[g]).toBeNull();
      expect(v3.unreachable[g]).toBe(true);
      expect(v3.beyond[g]).toBe(true);
    }
    expect(result.county.unreachable).toEqual({ clinic: 1, thc: 1, county: 1 });
    expect(findNaN(result.villages)).toEqual([]);
  });

  it('off network: straight-line estimate at the mode’s village-road speed, flagged', () => {
    expect(v4.offNetwork).toBe(true);
    expect(v4.snapDistanceM).toBeGreaterThan(2900);
    expect(v4.estimated.thc).toBe(true);
    expect(near(v4.minutes.thc!, (3000 * 1.3) / ((25 * 1000) / 60))).toBe(true);
    expect(result.network.offNetworkVillages).toBe(1);
  });

  it('beyond follows the standards, and the bands split the population by them', () => {
    // Car at 45 km/h: v1 reaches the clinic in 1.3 min, the THC in 4 min, the hospital in 8 min.
    expect(v1.beyond).toEqual({ clinic: false, thc: false, county: false });
    const strict = analyzeCoverage({ ...input, rules: rules({ 'X.clinic_minutes': 1, 'X.county_hospital_minutes': 5 }) });
    expect(strict.villages[0].beyond).toEqual({ clinic: true, thc: false, county: true });
    const bands = result.county.bands.clinic;
    expect(bands.map((b) => [b.from, b.to, b.unreachable])).toEqual([
      [0, 15, false],
      [15, 30, false],
      [30, 60, false],
      [60, null, false],
      [60, null, true],
    ]);
    expect(bands.reduce((s, b) => s + b.population, 0)).toBe(2100);
    expect(bands[4]).toMatchObject({ villages: 1, population: 300 });
  });

  it('totals per township add up to the county, and blank counts are right', () => {
    expect(result.townships.map((t) => [t.code, t.name, t.villages])).toEqual([
      ['431299001', '甲镇', 3],
      ['431299002', '乙乡', 1],
    ]);
    expect(result.county).toMatchObject({ villages: 4, population: 2100, blank: 3, blankPopulation: 1600 });
    expect(sumTotals(result.townships)).toEqual(result.county);
  });

  it('lists the rules it used, with their values', () => {
    expect(result.rulesUsed).toMatchObject({
      'X.clinic_minutes': 15,
      'X.thc_minutes': 30,
      'X.county_hospital_minutes': 60,
      'X.detour_factor': 1.3,
      'X.max_snap_metres': 1000,
      'X.speed.car.county': 45,
      'X.speed.walk.village': 4.5,
    });
  });

  it('returns node minutes per group for isochrones, and network figures', () => {
    expect(result.nodeMinutes.county.length).toBe(result.network.nodes);
    expect(result.network).toMatchObject({ nodes: 7, edges: 5, components: 2, issues: [], offNetworkFacilities: 0 });
  });

  it('is deterministic, and cancellable', () => {
    expect(analyzeCoverage(input)).toEqual(result);
    const controller = new AbortController();
    controller.abort();
    expect(() => analyzeCoverage(input, { signal: controller.signal })).toThrow(EngineCancelled);
  });

  it('reports progress and survives bad roads and bad facility coordinates', () => {
    const stages: string[] = [];
    const bad = analyzeCoverage(
      {
        ...input,
        roads: [...input.roads, { id: 99, coordinates: [], roadClass: 'x', speedKmh: null, oneway: false, bridge: false }],
        facilities: [...input.facilities, facility(9, 'county_hospital', [0, 0], { location: [NaN, NaN] })],
      },
      { progress: (f, stage) => stages.push(`${stage}`) },
    );
    expect(bad.network.issues).toEqual([{ kind: 'no_geometry', roadId: 99 }]);
    expect(bad.villages.map((v) => v.minutes)).toEqual(result.villages.map((v) => v.minutes));
    expect(stages[0]).toBe('graph');
    expect(stages[stages.length - 1]).toBe('done');
  });
});

/** Paths of every NaN number in a value (JSON.stringify would hide them as null). */
function findNaN(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isNaN(value) ? [path] : [];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => findNaN(v, `${path}.${k}`));
  return [];
}

/** Sum of township totals, field by field (bands and per-group records included). */
function sumTotals(list: readonly CoverageTotals[]): CoverageTotals {
  const LIMITS = new Set(['from', 'to', 'unreachable']); // band limits and flags: the same in every township
  const add = (a: unknown, b: unknown): unknown => {
    if (typeof a === 'number' && typeof b === 'number') return a + b;
    if (Array.isArray(a) && Array.isArray(b)) return a.map((x, i) => add(x, b[i]));
    if (a && typeof a === 'object' && b && typeof b === 'object') {
      return Object.fromEntries(Object.keys(a).map((k) => [k, LIMITS.has(k) ? (a as Record<string, unknown>)[k] : add((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])]));
    }
    return a;
  };
  const strip = ({ villages, population, blank, blankPopulation, within, beyond, unreachable, bands }: CoverageTotals): CoverageTotals => ({ villages, population, blank, blankPopulation, within, beyond, unreachable, bands });
  return list.map(strip).reduce((a, b) => add(a, b) as CoverageTotals);
}

describe('coverage on the demo county', () => {
  const county = generateDemoCounty();
  const input: CoverageInput = { villages: county.villages, facilities: county.facilities, roads: county.roads, townships: county.townships, rules: defaultRuleValues(), mode: 'ebike' };
  const result = analyzeCoverage(input);
  const byCode = (r: CoverageResult, code: string) => {
    const v = r.villages.find((x) => x.code === code);
    if (!v) throw new Error(`no village ${code}`);
    return v;
  };

  it('has every village, once, in input order, with no NaN anywhere', () => {
    expect(result.villages.map((v) => v.code)).toEqual(county.villages.map((v) => v.code));
    for (const v of result.villages) {
      for (const g of GROUPS) {
        const m = v.minutes[g];
        expect(m === null || (Number.isFinite(m) && m >= 0), `${v.code} ${g}`).toBe(true);
      }
      expect(findNaN(v), v.code).toEqual([]);
      for (const a of [v.access, v.thcAccess]) for (const x of Object.values(a)) expect(Number.isFinite(x) && x >= 0).toBe(true);
    }
    expect(result.network.components).toBe(1);
    expect(result.county.unreachable).toEqual({ clinic: 0, thc: 0, county: 0 });
  });

  it('finds the blank villages the generator built, with the right reason', () => {
    expect(byCode(result, county.cases.largeBlankFar).blankReason).toBe('no_clinic');
    expect(byCode(result, county.cases.remoteSmallBlank).blankReason).toBe('no_clinic');
    expect(byCode(result, county.cases.smallBlankNearNeighbour).blankReason).toBe('no_clinic');
    for (const code of county.cases.adjacentSmallBlanks) expect(byCode(result, code).blankReason).toBe('no_clinic');
    for (const code of county.cases.clinicWithoutQualifiedDoctor) expect(byCode(result, code).blankReason).toBe('no_qualified_doctor');
    // And nothing else: every other village has a clinic with a qualified doctor.
    const staffed = new Set(county.facilities.filter((f) => f.level === 'village_clinic' && f.physicians + f.assistantPhysicians + f.villageDoctors > 0).map((f) => f.villageCode));
    for (const v of result.villages) expect(v.blank, v.code).toBe(!staffed.has(v.code));
  });

  it('the remote small blank village is farther from a clinic than the blank village next to a neighbour’s clinic', () => {
    const remote = byCode(result, county.cases.remoteSmallBlank).minutes.clinic!;
    const nearNeighbour = byCode(result, county.cases.smallBlankNearNeighbour).minutes.clinic!;
    expect(remote).toBeGreaterThan(nearNeighbour);
    expect(byCode(result, county.cases.remoteSmallBlank).beyond.clinic).toBe(true);
    expect(byCode(result, county.cases.largeBlankFar).beyond.clinic).toBe(true);
  });

  it('county totals are the sum of the townships', () => {
    expect(result.townships.length).toBe(county.townships.length);
    expect(sumTotals(result.townships)).toEqual(result.county);
    expect(result.county.villages).toBe(county.villages.length);
  });

  it('a faster mode never takes longer (no one-way roads in the demo)', () => {
    const car = analyzeCoverage({ ...input, mode: 'car' });
    const walk = analyzeCoverage({ ...input, mode: 'walk' });
    car.villages.forEach((v, i) => {
      for (const g of GROUPS) expect(v.minutes[g]!).toBeLessThanOrEqual(walk.villages[i].minutes[g]! + 1e-9);
    });
  });
});

describe('what-if session on the demo county', () => {
  const county = generateDemoCounty();
  const input: CoverageInput = { villages: county.villages, facilities: county.facilities, roads: county.roads, townships: county.townships, rules: defaultRuleValues(), mode: 'ebike' };
  const target = county.villages.find((v) => v.code === county.cases.largeBlankFar)!;
  const clinic = county.facilities.find((f) => f.level === 'village_clinic' && f.villageDoctors > 0)!;

  it('starts from the same result as a one-off analysis', () => {
    expect(createCoverageSession(input).result()).toEqual(analyzeCoverage(input));
  });

  it('moving a clinic to a blank village lowers its clinic time, and equals a fresh analysis', () => {
    const session = createCoverageSession(input);
    const before = session.result().villages.find((v) => v.code === target.code)!.minutes.clinic!;
    const moved = session.moveFacility(clinic.id, target.location);
    expect(moved.villages.find((v) => v.code === target.code)!.minutes.clinic!).toBeLessThan(before);
    const fresh = analyzeCoverage({ ...input, facilities: input.facilities.map((f) => (f.id === clinic.id ? { ...f, location: target.location } : f)) });
    expect(moved.villages.map((v) => v.minutes)).toEqual(fresh.villages.map((v) => v.minutes));
    expect(moved).toEqual(fresh);
    // The caller's input is untouched.
    expect(input.facilities.find((f) => f.id === clinic.id)!.location).toEqual(clinic.location);
  });

  it('adding a staffed clinic in a blank village removes it from the blank list; removing it restores the start', () => {
    const session = createCoverageSession(input);
    const start = session.result();
    const added: Facility = { ...clinic, id: 9999, code: `VC-${target.code}`, villageCode: target.code, location: target.location };
    const withClinic = session.addFacility(added);
    const v = withClinic.villages.find((x) => x.code === target.code)!;
    expect(v.blank).toBe(false);
    expect(v.nearest.clinic).toBe(added.code);
    expect(withClinic).toEqual(analyzeCoverage({ ...input, facilities: [...input.facilities, added] }));
    expect(withClinic.county.blank).toBe(start.county.blank - 1);
    const removed = session.removeFacility(added.id);
    expect(removed).toEqual(start);
  });

  it('removing a THC moves its villages to another one, as a fresh analysis does', () => {
    const session = createCoverageSession(input);
    const thc = county.facilities.find((f) => f.level === 'township_hc')!;
    const out = session.removeFacility(thc.id);
    expect(out.villages.some((v) => v.nearest.thc === thc.code)).toBe(false);
    expect(out).toEqual(analyzeCoverage({ ...input, facilities: input.facilities.filter((f) => f.id !== thc.id) }));
    expect(() => session.moveFacility(thc.id, [0, 0])).toThrow(/no facility/);
  });
});
