/** The analysis input the renderer builds from its loaded layers, rules and DEM bytes. */
import { describe, expect, it } from 'vitest';
import type { DemInfo, RuleSetting } from '../../electron/api/schema.js';
import { RULES } from '../../electron/domain/rules.js';
import {
  buildAnalysisInput,
  elevationGridFromDem,
  facilitiesFromLayer,
  roadsFromLayer,
  ruleValuesFromSettings,
  townshipsFromLayer,
  villagesFromLayer,
} from '../../renderer/src/analysis/input.js';
import { sampleLayers, T1 } from './renderer-fixtures.js';

describe('analysis input from the loaded layers', () => {
  it('turns village and facility features into domain records with their location', () => {
    const layers = sampleLayers();
    const villages = villagesFromLayer(layers.villages);
    expect(villages).toHaveLength(4);
    expect(villages[0]).toMatchObject({ id: 1, code: `${T1}201`, name: '上坪村', population: 12345, location: [110.01, 30] });
    const facilities = facilitiesFromLayer(layers.facilities);
    expect(facilities.find((f) => f.id === 15)).toMatchObject({ level: 'township_hc', physicians: 8, location: [110.5, 30.1] });
  });

  it('leaves out features without a usable point', () => {
    const layers = sampleLayers();
    const bad = { ...layers.villages!.features[0], id: 99, geometry: { type: 'Point' as const, coordinates: [NaN, 30] as [number, number] } };
    expect(villagesFromLayer({ type: 'FeatureCollection', features: [bad] })).toEqual([]);
    expect(villagesFromLayer(undefined)).toEqual([]);
  });

  it('splits multi-part roads and keeps each road’s class, speed and flags', () => {
    const layers = sampleLayers();
    const base = layers.roads!.features[0];
    const multi = {
      ...base,
      id: 77,
      geometry: { type: 'MultiLineString' as const, coordinates: [[[110, 30], [110.1, 30]], [[110.2, 30], [110.3, 30.1]]] as [number, number][][] },
    };
    const roads = roadsFromLayer({ type: 'FeatureCollection', features: [...layers.roads!.features, multi] });
    expect(roads.filter((r) => r.id === 77).map((r) => r.coordinates)).toEqual([
      [[110, 30], [110.1, 30]],
      [[110.2, 30], [110.3, 30.1]],
    ]);
    const bridge = roads.find((r) => r.id === 21)!;
    expect(bridge).toMatchObject({ roadClass: 'county', speedKmh: null, oneway: false, bridge: true });
  });

  it('reads township names and the rules table values', () => {
    expect(townshipsFromLayer(sampleLayers().townships)).toEqual([{ code: T1, name: '东岭镇' }]);
    const settings: RuleSetting[] = RULES.map((r) => ({ ...r, value: r.id === 'X.clinic_minutes' ? 20 : r.defaultValue }));
    const rules = ruleValuesFromSettings(settings);
    expect(rules['X.clinic_minutes']).toBe(20);
    expect(rules['X.isochrone_bands']).toBe('15,30,60');
  });

  it('assembles the worker input for a mode', () => {
    const input = buildAnalysisInput(sampleLayers(), { 'X.clinic_minutes': 15 }, 'walk', null);
    expect(input.mode).toBe('walk');
    expect(input.dem).toBeNull();
    expect(input.villages).toHaveLength(4);
    expect(input.facilities).toHaveLength(5);
    expect(input.townships).toHaveLength(1);
    expect(input.roads.length).toBeGreaterThan(0);
    // Plain data only: it crosses the worker boundary by structured clone.
    expect(structuredClone(input)).toEqual(input);
  });
});

describe('DEM bytes → ElevationGrid', () => {
  const info: DemInfo = { name: 'dem', width: 3, height: 2, west: 110, north: 30.2, dx: 0.01, dy: 0.01, source: 'test.tif' };
  const values = [100, 120, NaN, 140, 150.5, 160];
  const bytes = () => {
    const view = new DataView(new ArrayBuffer(values.length * 4));
    values.forEach((v, i) => view.setFloat32(i * 4, v, true));
    return new Uint8Array(view.buffer);
  };

  it('reads Float32 little-endian cells row-major, NaN voids kept', () => {
    const grid = elevationGridFromDem(info, bytes())!;
    expect(grid).toMatchObject({ width: 3, height: 2, west: 110, north: 30.2, dx: 0.01, dy: 0.01 });
    expect(Array.from(grid.data.slice(0, 2))).toEqual([100, 120]);
    expect(Number.isNaN(grid.data[2])).toBe(true);
    expect(grid.data[4]).toBeCloseTo(150.5);
  });

  it('copies bytes that sit at an unaligned offset (IPC may hand over a view)', () => {
    const raw = bytes();
    const padded = new Uint8Array(raw.byteLength + 1);
    padded.set(raw, 1);
    const grid = elevationGridFromDem(info, padded.subarray(1))!;
    expect(grid.data[5]).toBe(160);
  });

  it('is null without a DEM or when the size does not match', () => {
    expect(elevationGridFromDem(null, null)).toBeNull();
    expect(elevationGridFromDem(info, null)).toBeNull();
    expect(elevationGridFromDem(info, bytes().subarray(0, 20))).toBeNull();
  });
});
