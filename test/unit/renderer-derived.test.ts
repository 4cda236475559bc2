import { pointInRing } from '../../electron/domain/geometry.js';
import { describe, expect, it } from 'vitest';
import {
  annotateBlankVillages,
  bestQualification,
  blankVillageCodes,
  lineLengthKm,
  polygonLabelPoint,
  townshipLabelPoints,
  townshipStats,
} from '../../renderer/src/state/derived.js';
import type { Position } from '../../electron/api/schema.js';
import { T1, facility, sampleLayers, village } from './renderer-fixtures.js';

describe('blank villages (空白村: no clinic, or no qualified doctor at its clinics)', () => {
  const layers = sampleLayers();
  const blank = blankVillageCodes(layers.villages!.features, layers.facilities!.features);

  it('flags a village without a clinic and one whose clinic has no doctor', () => {
    expect(blank.has(`${T1}203`)).toBe(true); // no village clinic (only a township health centre)
    expect(blank.has(`${T1}202`)).toBe(true); // clinic with a nurse only
  });

  it('does not flag villages with a village doctor or better at any of their clinics', () => {
    expect(blank.has(`${T1}201`)).toBe(false);
    expect(blank.has(`${T1}204`)).toBe(false);
    expect(blank.size).toBe(2);
  });

  it('counts a clinic only for the village it serves', () => {
    const v = [village(1, '111111111001', 'A'), village(2, '111111111002', 'B')];
    const f = [facility(9, 'A 卫生室', { villageCode: '111111111001', physicians: 1 })];
    expect([...blankVillageCodes(v, f)]).toEqual(['111111111002']);
  });

  it('takes the best qualification among several clinics', () => {
    const clinics = [
      facility(1, 'a', { villageDoctors: 1 }).properties,
      facility(2, 'b', { physicians: 2 }).properties,
      facility(3, 'c').properties,
    ];
    expect(bestQualification(clinics)).toBe('licensed_physician');
    expect(bestQualification([])).toBeNull();
    expect(bestQualification([facility(4, 'd').properties])).toBe('none');
  });

  it('annotates village features with a blank flag for the map, keeping their ids', () => {
    const out = annotateBlankVillages(layers.villages!, blank);
    expect(out.features.map((f) => [f.id, f.properties.blank])).toEqual([
      [1, false],
      [2, true],
      [3, true],
      [4, false],
    ]);
  });
});

describe('geometry helpers', () => {
  it('puts a township label inside a U-shaped polygon, not in its notch', () => {
    const u: Position[] = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]];
    const p = polygonLabelPoint({ type: 'Polygon', coordinates: [u] })!;
    expect(pointInRing(p, u)).toBe(true);
  });

  it('labels the largest part of a multipolygon', () => {
    const small: Position[] = [[10, 10], [10.1, 10], [10.1, 10.1], [10, 10.1], [10, 10]];
    const big: Position[] = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];
    const p = polygonLabelPoint({ type: 'MultiPolygon', coordinates: [[small], [big]] })!;
    expect(p[0]).toBeCloseTo(1);
    expect(p[1]).toBeCloseTo(1);
  });

  it('makes one label point per township', () => {
    const fc = townshipLabelPoints(sampleLayers().townships!);
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0].properties.name).toBe('东岭镇');
    expect(fc.features[0].geometry.type).toBe('Point');
  });

  it('measures a road in kilometres (0.1° of longitude at 30°N ≈ 9.63 km)', () => {
    const km = lineLengthKm({ type: 'LineString', coordinates: [[110, 30], [110.1, 30]] });
    expect(km).toBeGreaterThan(9.5);
    expect(km).toBeLessThan(9.7);
  });

  it('sums villages, population and facilities per township', () => {
    expect(townshipStats(sampleLayers(), T1)).toEqual({ villages: 4, population: 12345 + 3000, facilities: 5 });
  });
});
