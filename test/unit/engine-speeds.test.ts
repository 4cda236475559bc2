/**
 * Speeds from the rules table, class mapping of raw road values, and per-edge minutes (one-way,
 * speed overrides, Tobler walk factors).
 */
import { describe, expect, it } from 'vitest';
import { defaultRuleValues } from '../../electron/domain/rules.js';
import { buildRoadGraph } from '../../electron/engine/graph.js';
import { edgeMinutes, roadClassFor, speedTableFromRules } from '../../electron/engine/speeds.js';
import { minutesAt, road, rules } from './engine-fixtures.js';

describe('roadClassFor', () => {
  it('maps raw OSM highway values to the nearest Chinese road class', () => {
    const cases: [string, string][] = [
      ['motorway', 'national'], ['trunk', 'national'], ['primary', 'national'], ['primary_link', 'national'],
      ['secondary', 'provincial'], ['tertiary', 'county'], ['unclassified', 'township'],
      ['residential', 'village'], ['service', 'village'], ['living_street', 'village'],
      ['track', 'track'], ['path', 'track'], ['footway', 'track'], ['bridleway', 'track'], ['steps', 'track'],
    ];
    for (const [raw, cls] of cases) expect(roadClassFor(raw), raw).toBe(cls);
  });

  it('keeps the Chinese classes, reads Chinese labels, and falls back to village', () => {
    for (const c of ['national', 'provincial', 'county', 'township', 'village', 'track']) expect(roadClassFor(c)).toBe(c);
    expect(roadClassFor(' County ')).toBe('county');
    expect(roadClassFor('县道')).toBe('county');
    expect(roadClassFor('机耕道')).toBe('track');
    expect(roadClassFor('something odd')).toBe('village');
    expect(roadClassFor('')).toBe('village');
  });
});

describe('speedTableFromRules', () => {
  it('reads X.speed.<mode>.<class> and falls back to defaults for unusable values', () => {
    const table = speedTableFromRules({ ...defaultRuleValues(), 'X.speed.car.county': 50, 'X.speed.van.track': 'fast', 'X.speed.walk.village': -1 });
    expect(table.car.county).toBe(50);
    expect(table.van.track).toBe(10);
    expect(table.walk.village).toBe(4.5);
    expect(table.ebike.national).toBe(30);
  });

  it('an empty rules object gives the rules table defaults', () => {
    expect(speedTableFromRules({}).car).toEqual({ national: 70, provincial: 60, county: 45, township: 35, village: 25, track: 12 });
  });
});

describe('edgeMinutes', () => {
  const { graph } = buildRoadGraph([
    road([[0, 0], [0, 1000]], { roadClass: 'county' }),
    road([[0, 1000], [0, 2000]], { roadClass: 'residential', oneway: true }),
    road([[0, 2000], [0, 3000]], { roadClass: 'track', speedKmh: 90 }),
  ]);
  const speeds = speedTableFromRules(rules());

  it('times each edge by its class speed; raw classes use the mapped class speed', () => {
    const car = edgeMinutes(graph, 'car', speeds);
    expect(car.forward[0]).toBeCloseTo(minutesAt(1000, 45), 9);
    expect(car.forward[1]).toBeCloseTo(minutesAt(1000, 25), 9);
  });

  it('forbids the backward direction of a one-way road for vehicles but not for walkers', () => {
    for (const mode of ['car', 'van', 'ebike'] as const) {
      const m = edgeMinutes(graph, mode, speeds);
      expect(m.backward[1], mode).toBe(Infinity);
      expect(Number.isFinite(m.forward[1]), mode).toBe(true);
    }
    const walk = edgeMinutes(graph, 'walk', speeds);
    expect(walk.backward[1]).toBeCloseTo(minutesAt(1000, 4.5), 9);
  });

  it('applies the speed override to motorised modes only, uncapped', () => {
    expect(edgeMinutes(graph, 'ebike', speeds).forward[2]).toBeCloseTo(minutesAt(1000, 90), 9);
    expect(edgeMinutes(graph, 'walk', speeds).forward[2]).toBeCloseTo(minutesAt(1000, 4), 9);
  });

  it('scales walking (only) by the per-direction Tobler factors', () => {
    const walkFactor = { forward: new Float32Array([2, 1, 1]), backward: new Float32Array([0.5, 1, NaN]) };
    const walk = edgeMinutes(graph, 'walk', speeds, { walkFactor });
    expect(walk.forward[0]).toBeCloseTo(2 * minutesAt(1000, 4.5), 6);
    expect(walk.backward[0]).toBeCloseTo(0.5 * minutesAt(1000, 4.5), 6);
    expect(walk.backward[2]).toBeCloseTo(minutesAt(1000, 4), 6); // NaN factor ignored
    expect(edgeMinutes(graph, 'car', speeds, { walkFactor }).forward[0]).toBeCloseTo(minutesAt(1000, 45), 9);
    expect(() => edgeMinutes(graph, 'walk', speeds, { walkFactor: { forward: new Float32Array(1), backward: new Float32Array(1) } })).toThrow(/walk factors/);
  });

  it('follows the rules: a faster county-road speed gives shorter times', () => {
    const faster = speedTableFromRules(rules({ 'X.speed.car.county': 90 }));
    expect(edgeMinutes(graph, 'car', faster).forward[0]).toBeCloseTo(edgeMinutes(graph, 'car', speeds).forward[0] / 2, 9);
  });
});
