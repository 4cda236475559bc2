/** Pure parts of the OSM import: tag mapping, format sniffing, the node coordinate store. */
import { describe, expect, it } from 'vitest';
import { sniffOsmFormat } from '../../electron/io/osm/import-osm.js';
import {
  facilityLevel,
  osmName,
  osmVillageCode,
  parseCount,
  parseMaxspeed,
  placeType,
  ringCentroid,
  ROAD_HIGHWAYS,
  roadAttributes,
} from '../../electron/io/osm/mapping.js';
import { NodeStore } from '../../electron/io/osm/node-store.js';
import { ROAD_CLASSES } from '../../electron/domain/types.js';

describe('road classes of imported highways', () => {
  it('imports the agreed highway values with the agreed Chinese classes (from the engine mapping)', () => {
    const expected: Record<string, string> = {
      motorway: 'national', trunk: 'national', primary: 'national', motorway_link: 'national', trunk_link: 'national', primary_link: 'national',
      secondary: 'provincial', secondary_link: 'provincial', tertiary: 'county', tertiary_link: 'county',
      unclassified: 'township', residential: 'village', service: 'village', living_street: 'village',
      track: 'track', path: 'track', footway: 'track', bridleway: 'track', cycleway: 'track', steps: 'track',
    };
    for (const [h, c] of Object.entries(expected)) expect(roadAttributes({ highway: h })?.roadClass, h).toBe(c);
    // highway=road: the brief says township, the engine's roadClassFor currently says village (to settle in the engine).
    expect(['township', 'village']).toContain(roadAttributes({ highway: 'road' })?.roadClass);
    expect([...ROAD_HIGHWAYS].sort()).toEqual([...Object.keys(expected), 'road'].sort());
    for (const h of ROAD_HIGHWAYS) expect(ROAD_CLASSES as readonly string[]).toContain(roadAttributes({ highway: h })?.roadClass);
  });

  it('skips non-roads', () => {
    for (const h of ['proposed', 'construction', 'platform', 'bus_stop', 'pedestrian', 'corridor', 'raceway', 'service_link', 'toString', '']) {
      expect(roadAttributes({ highway: h }), h).toBeNull();
    }
  });
});

describe('roadAttributes', () => {
  it('reads oneway, reverse, bridge, maxspeed and the Chinese name', () => {
    expect(roadAttributes({ highway: 'secondary', oneway: 'yes', bridge: 'viaduct', maxspeed: '60', name: 'Main', 'name:zh': '主路' })).toEqual({
      roadClass: 'provincial', oneway: true, reverse: false, bridge: true, speedKmh: 60, name: '主路',
    });
    expect(roadAttributes({ highway: 'tertiary', oneway: '-1' })).toMatchObject({ oneway: true, reverse: true, bridge: false, name: null });
    expect(roadAttributes({ highway: 'residential', oneway: '1', bridge: 'no' })).toMatchObject({ oneway: true, bridge: false });
    expect(roadAttributes({ highway: 'residential', oneway: 'true' })?.oneway).toBe(true);
    expect(roadAttributes({ highway: 'residential', oneway: 'no' })?.oneway).toBe(false);
  });

  it('implies oneway on motorways and roundabouts unless tagged otherwise', () => {
    expect(roadAttributes({ highway: 'motorway' })?.oneway).toBe(true);
    expect(roadAttributes({ highway: 'motorway_link' })?.oneway).toBe(true);
    expect(roadAttributes({ highway: 'motorway', oneway: 'no' })?.oneway).toBe(false);
    expect(roadAttributes({ highway: 'unclassified', junction: 'roundabout' })?.oneway).toBe(true);
    expect(roadAttributes({ highway: 'primary' })?.oneway).toBe(false);
  });

  it('skips unmapped highway values and areas', () => {
    expect(roadAttributes({ highway: 'proposed' })).toBeNull();
    expect(roadAttributes({ highway: 'construction' })).toBeNull();
    expect(roadAttributes({ highway: 'service', area: 'yes' })).toBeNull();
    expect(roadAttributes({ building: 'yes' })).toBeNull();
  });
});

describe('value parsing', () => {
  it('parses maxspeed in km/h, converting mph and knots', () => {
    expect(parseMaxspeed('50')).toBe(50);
    expect(parseMaxspeed('50 km/h')).toBe(50);
    expect(parseMaxspeed('30 mph')).toBe(48.3);
    expect(parseMaxspeed('10 knots')).toBe(18.5);
    for (const v of [undefined, '', 'none', 'walk', 'RU:urban', '50;30', '0', '-5']) expect(parseMaxspeed(v), String(v)).toBeNull();
  });

  it('parses plain counts with thousands separators only', () => {
    expect(parseCount('1234')).toBe(1234);
    expect(parseCount(' 1,234 ')).toBe(1234);
    expect(parseCount('1 234 567')).toBe(1234567);
    expect(parseCount('1.234')).toBe(1234);
    for (const v of [undefined, '', 'about 500', '1,5', '12.5', '500 (2010)', '-3', '~200']) expect(parseCount(v), String(v)).toBeNull();
  });

  it('prefers the Chinese name', () => {
    expect(osmName({ name: 'Encamp', 'name:zh': '恩坎普' })).toBe('恩坎普');
    expect(osmName({ name: 'Encamp' })).toBe('Encamp');
    expect(osmName({ name: '  ' })).toBeNull();
  });
});

describe('places and facilities', () => {
  it('takes village, hamlet and town only', () => {
    expect(placeType({ place: 'village' })).toBe('village');
    expect(placeType({ place: 'hamlet' })).toBe('hamlet');
    expect(placeType({ place: 'town' })).toBe('town');
    for (const p of ['city', 'suburb', 'locality', 'isolated_dwelling', 'farm']) expect(placeType({ place: p })).toBeNull();
  });

  it('maps hospitals and clinics, never pharmacies', () => {
    expect(facilityLevel({ amenity: 'hospital' })).toBe('county_hospital');
    expect(facilityLevel({ healthcare: 'hospital' })).toBe('county_hospital');
    const clinics: Record<string, string>[] = [{ amenity: 'clinic' }, { amenity: 'doctors' }, { healthcare: 'clinic' }, { healthcare: 'doctor' }, { healthcare: 'centre' }];
    for (const t of clinics) {
      expect(facilityLevel(t), JSON.stringify(t)).toBe('village_clinic');
    }
    expect(facilityLevel({ amenity: 'pharmacy' })).toBeNull();
    expect(facilityLevel({ amenity: 'pharmacy', healthcare: 'pharmacy' })).toBeNull();
    expect(facilityLevel({ healthcare: 'dentist' })).toBeNull();
  });

  it('synthesises 12-digit village codes', () => {
    expect(osmVillageCode(1)).toBe('990000000001');
    expect(osmVillageCode(999_999)).toBe('990000999999');
    expect(osmVillageCode(42)).toHaveLength(12);
  });

  it('computes a ring centroid', () => {
    const [x, y] = ringCentroid([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]);
    expect(x).toBeCloseTo(1, 12);
    expect(y).toBeCloseTo(1, 12);
    // Degenerate ring: vertex mean.
    expect(ringCentroid([[1, 1], [3, 1], [1, 1]])).toEqual([2, 1]);
  });
});

describe('sniffOsmFormat', () => {
  const b = (...x: number[]) => Uint8Array.from(x);
  it('detects by content, not by name', () => {
    expect(sniffOsmFormat(b(0x1f, 0x8b, 8, 0))).toBe('xml.gz');
    expect(sniffOsmFormat(b(0, 0, 0, 0x0d, 0x0a, 0x09, ...Buffer.from('OSMHeader')))).toBe('pbf');
    expect(sniffOsmFormat(new TextEncoder().encode('<?xml version="1.0"?><osm>'))).toBe('xml');
    expect(sniffOsmFormat(new TextEncoder().encode('\ufeff \n <osm>'))).toBe('xml');
    expect(sniffOsmFormat(new TextEncoder().encode('name,lat,lon\n'))).toBeNull();
    expect(sniffOsmFormat(b())).toBeNull();
  });
});

describe('NodeStore', () => {
  it('finds nodes added in id order', () => {
    const s = new NodeStore();
    for (let i = 0; i < 200_000; i++) s.add(i * 3 + 1, i, -i);
    s.finish();
    expect(s.size).toBe(200_000);
    const k = s.indexOf(3 * 123_456 + 1);
    expect([s.lonE7(k), s.latE7(k)]).toEqual([123_456, -123_456]);
    expect(s.indexOf(2)).toBe(-1);
    expect(s.indexOf(1e12)).toBe(-1);
  });

  it('sorts unsorted input (negative ids too) and keeps the last duplicate', () => {
    const s = new NodeStore();
    const ids = [50, -3, 7, 9_000_000_000, 7, 1];
    ids.forEach((id, i) => s.add(id, i, i * 10));
    s.finish();
    expect(s.lonE7(s.indexOf(-3))).toBe(1);
    expect(s.lonE7(s.indexOf(9_000_000_000))).toBe(3);
    expect(s.lonE7(s.indexOf(7))).toBe(4);
    expect(s.latE7(s.indexOf(1))).toBe(50);
    expect(s.indexOf(8)).toBe(-1);
  });
});
