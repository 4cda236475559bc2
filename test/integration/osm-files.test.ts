/**
 * The OSM import on the real extracts in ../shared/data/osm (see its README), and a round trip
 * into a real project file.
 *
 * Expected numbers were cross-checked independently with osmium-tool 1.15:
 *   osmium fileinfo -e FILE                                   (node/way/relation totals)
 *   osmium tags-filter -R -o - -f opl FILE n/place=village    (| grep -c '^n'; same for hamlet, town)
 *   osmium tags-filter -R -o - -f opl FILE nwr/amenity=hospital nwr/healthcare=hospital
 *   osmium tags-filter -R -o - -f opl FILE w/highway          (tallied per highway value)
 * andorra.osm.pbf: 69,644 nodes, 2,725 ways, 74 relations; 32 villages, 20 hamlets, 7 towns;
 *   7 hospitals (6 nodes + 1 closed way, none named), no clinic, 3 pharmacies; 1,615 highway ways,
 *   1,601 mapped (14 skipped: 12 pedestrian, 2 construction).
 * north-bayreuth.osm.gz: 58,631 nodes, 7,801 ways, 179 relations; 22 villages, 48 hamlets,
 *   1 isolated_dwelling (skipped); 2,056 highway ways, all mapped, 900 of them highway=track;
 *   1 pharmacy, no clinic. For the XML file the test also recounts with a second, regex-based path.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/api/errors.js';
import { roadClassFor } from '../../electron/engine/speeds.js';
import { readOsm, type OsmImport } from '../../electron/io/osm/import-osm.js';
import { ProjectStore } from '../../electron/store/project-store.js';
import { tempDir } from '../helpers/fixtures.js';

const repoRoot = path.resolve(__dirname, '../..');
const ANDORRA = path.resolve(repoRoot, '../shared/data/osm/andorra.osm.pbf');
const BAYREUTH = path.resolve(repoRoot, '../shared/data/osm/north-bayreuth.osm.gz');

function need(file: string): string {
  if (!fs.existsSync(file)) throw new Error(`test data missing: ${file} (see ../shared/data/README.md)`);
  return file;
}

const cache = new Map<string, Promise<{ result: OsmImport; ms: number }>>();
function load(file: string): Promise<{ result: OsmImport; ms: number }> {
  let p = cache.get(file);
  if (!p) {
    const t0 = performance.now();
    p = readOsm(need(file)).then((result) => ({ result, ms: performance.now() - t0 }));
    cache.set(file, p);
  }
  return p;
}

const dir = tempDir('ccp-osm-int-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Mapped highway ways per value, tallied with osmium (see the header). */
const ANDORRA_HIGHWAYS: Record<string, number> = {
  residential: 468, primary: 309, path: 211, track: 152, secondary: 144, service: 124, unclassified: 98, footway: 44,
  primary_link: 17, steps: 13, tertiary: 9, road: 5, secondary_link: 4, bridleway: 2, living_street: 1,
};
const BAYREUTH_HIGHWAYS: Record<string, number> = {
  track: 900, residential: 313, path: 197, service: 156, unclassified: 136, tertiary: 80, motorway: 64, primary: 62,
  footway: 41, motorway_link: 33, cycleway: 31, secondary: 23, living_street: 8, primary_link: 6, steps: 4, road: 2,
};

/** Expected roads per Chinese class: the tallies above through the engine's mapping. */
function classCounts(highways: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [h, n] of Object.entries(highways)) out[roadClassFor(h)] = (out[roadClassFor(h)] ?? 0) + n;
  return out;
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of items) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
}

/** Every coordinate of the import is a finite lon/lat inside `box`. */
function checkGeometry(r: OsmImport, box: [number, number, number, number]): void {
  const inside = ([x, y]: [number, number]) => Number.isFinite(x) && Number.isFinite(y) && x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
  for (const road of r.data.roads) {
    expect(road.coordinates.length).toBeGreaterThanOrEqual(2);
    expect(road.coordinates.every(inside)).toBe(true);
    expect(road.speedKmh === null || (Number.isFinite(road.speedKmh) && road.speedKmh > 0)).toBe(true);
  }
  for (const v of r.data.villages) {
    expect(inside(v.location)).toBe(true);
    expect(Number.isFinite(v.population) && Number.isFinite(v.households)).toBe(true);
  }
  for (const f of r.data.facilities) expect(inside(f.location)).toBe(true);
  expect(r.bounds).not.toBeNull();
  expect(r.bounds!.every(Number.isFinite)).toBe(true);
  expect(r.bounds![0] >= box[0] && r.bounds![2] <= box[2] && r.bounds![1] >= box[1] && r.bounds![3] <= box[3]).toBe(true);
}

describe('andorra.osm.pbf', () => {
  it('reads the element totals', async () => {
    const { result, ms } = await load(ANDORRA);
    console.log(`read andorra.osm.pbf in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(20_000);
    expect(result.stats).toMatchObject({ nodes: 69_644, ways: 2_725, relations: 74 });
  });

  it('finds 32 villages, 20 hamlets, 7 towns with unique 12-digit codes', async () => {
    const { result } = await load(ANDORRA);
    expect(result.stats).toMatchObject({ villages: 32, hamlets: 20, towns: 7 });
    expect(result.data.villages).toHaveLength(59);
    const codes = result.data.villages.map((v) => v.code);
    expect(codes.every((c) => /^990000\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(59);
    expect(codes[0]).toBe('990000000001');
    expect(codes.at(-1)).toBe('990000000059');
    expect(result.data.villages.every((v) => v.townshipCode === '990000000' && v.kind === 'village' && v.areaKm2 === null && v.name !== '')).toBe(true);
  });

  it('finds the 7 hospitals (6 nodes, 1 area) and no pharmacy', async () => {
    const { result } = await load(ANDORRA);
    expect(result.stats.facilities).toBe(7);
    expect(result.stats.facilitiesByLevel).toEqual({ county_hospital: 7 });
    expect(result.data.facilities.map((f) => f.code)).toEqual([
      'OSM-n522787974', 'OSM-n666793601', 'OSM-n666793602', 'OSM-n666793607', 'OSM-n666793610', 'OSM-n2050364490', 'OSM-w194554955',
    ]);
    expect(result.data.facilities.every((f) => f.villageCode === null && f.physicians === 0 && f.villageDoctors === 0)).toBe(true);
  });

  it('maps 1,601 road ways by class and skips 14', async () => {
    const { result } = await load(ANDORRA);
    expect(result.stats.roads).toBe(1_601);
    expect(result.stats.skippedRoads).toBe(14);
    expect(countBy(result.data.roads, (r) => String(r.roadClass))).toEqual(classCounts(ANDORRA_HIGHWAYS));
    expect(result.data.roads.some((r) => r.oneway)).toBe(true);
    expect(result.data.roads.some((r) => r.bridge)).toBe(true);
  });

  it('has only finite coordinates inside Andorra and roads of >= 2 points', async () => {
    const { result } = await load(ANDORRA);
    checkGeometry(result, [1.35, 42.35, 1.85, 42.75]);
  });
});

/** Second counting path for XML: a regex scan of the decompressed file, independent of the reader. */
function regexCount(file: string): { places: Record<string, number>; highways: Record<string, number>; amenities: Record<string, number> } {
  const xml = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  const places: Record<string, number> = {};
  const highways: Record<string, number> = {};
  const amenities: Record<string, number> = {};
  for (const m of xml.matchAll(/<(node|way)\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
    const body = m[2] ?? '';
    const tag = (k: string) => new RegExp(`<tag k="${k}" v="([^"]*)"`).exec(body)?.[1];
    const place = tag('place');
    if (m[1] === 'node' && place) places[place] = (places[place] ?? 0) + 1;
    const hw = tag('highway');
    if (m[1] === 'way' && hw) highways[hw] = (highways[hw] ?? 0) + 1;
    const am = tag('amenity');
    if (am) amenities[am] = (amenities[am] ?? 0) + 1;
  }
  return { places, highways, amenities };
}

describe('north-bayreuth.osm.gz', () => {
  it('reads the element totals', async () => {
    const { result, ms } = await load(BAYREUTH);
    console.log(`read north-bayreuth.osm.gz in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(30_000);
    expect(result.stats).toMatchObject({ nodes: 58_631, ways: 7_801, relations: 179 });
  });

  it('agrees with an independent regex count of the XML', async () => {
    const { result } = await load(BAYREUTH);
    const c = regexCount(BAYREUTH);
    expect(c.places.village).toBe(22);
    expect(c.places.hamlet).toBe(48);
    expect(c.highways.track).toBe(900);
    expect(c.amenities.pharmacy).toBe(1);
    expect(result.stats).toMatchObject({ villages: c.places.village, hamlets: c.places.hamlet, towns: c.places.town ?? 0 });
    const trackLike = ['track', 'path', 'footway', 'bridleway', 'cycleway', 'steps'].reduce((n, k) => n + (c.highways[k] ?? 0), 0);
    expect(result.data.roads.filter((r) => r.roadClass === 'track')).toHaveLength(trackLike);
  });

  it('finds 22 villages, 48 hamlets, 2,056 roads (1,173 track class: 900 of them highway=track), no facility', async () => {
    const { result } = await load(BAYREUTH);
    expect(result.stats).toMatchObject({ villages: 22, hamlets: 48, towns: 0, roads: 2_056, skippedRoads: 0, skippedPlaces: 1, facilities: 0 });
    expect(result.data.roads.filter((r) => r.roadClass === 'track')).toHaveLength(1_173);
    expect(countBy(result.data.roads, (r) => String(r.roadClass))).toEqual(classCounts(BAYREUTH_HIGHWAYS));
    expect(result.data.facilities).toEqual([]);
    expect(result.stats.facilitiesByLevel).toEqual({});
    // The pharmacy ("Apotheke am Schlossberg") is not imported under any layer.
    expect(JSON.stringify(result.data)).not.toContain('Apotheke');
  });

  it('has only finite coordinates inside the extract and roads of >= 2 points', async () => {
    const { result } = await load(BAYREUTH);
    checkGeometry(result, [11.39, 49.88, 11.68, 50.1]);
  });
});

describe('round trip into a project', () => {
  it('stores the Andorra import and reads the same counts back', async () => {
    const { result } = await load(ANDORRA);
    const file = path.join(dir, 'andorra.gpkg');
    const store = ProjectStore.create(file, { title: 'Andorra OSM', isDemo: false });
    try {
      store.add(result.data);
      const counts = Object.fromEntries(store.layerSummaries().map((l) => [l.name, l.count]));
      expect(counts).toMatchObject({ villages: 59, facilities: 7, roads: 1_601, townships: 0, village_areas: 0 });
      expect(store.count('postings')).toBe(0);
      const villages = store.getLayer('villages').features;
      expect(villages[0].properties).toMatchObject({ code: '990000000001', townshipCode: '990000000' });
      const roads = store.getLayer('roads').features;
      expect(roads[0].geometry).toEqual({ type: 'LineString', coordinates: result.data.roads[0].coordinates });
      const b = store.bounds()!;
      expect(b[0]).toBeCloseTo(result.bounds![0], 6);
      expect(b[3]).toBeCloseTo(result.bounds![3], 6);
    } finally {
      store.close();
    }
  });

  it('stores the Bayreuth import', async () => {
    const { result } = await load(BAYREUTH);
    const store = ProjectStore.create(path.join(dir, 'bayreuth.gpkg'), { title: 'Bayreuth OSM', isDemo: false });
    try {
      store.add(result.data);
      const counts = Object.fromEntries(store.layerSummaries().map((l) => [l.name, l.count]));
      expect(counts).toMatchObject({ villages: 70, facilities: 0, roads: 2_056 });
    } finally {
      store.close();
    }
  });
});

describe('damaged copies of the real files', () => {
  it('a truncated andorra.osm.pbf (first 20 KB) → BAD_OSM_FILE', async () => {
    const file = path.join(dir, 'andorra-20k.osm.pbf');
    fs.writeFileSync(file, fs.readFileSync(need(ANDORRA)).subarray(0, 20 * 1024));
    const e = await readOsm(file).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('BAD_OSM_FILE');
    expect(String((e as ApiError).params.detail)).toContain('truncated');
  });

  it('a truncated north-bayreuth.osm.gz (cut compressed stream, and cut XML recompressed) → BAD_OSM_FILE', async () => {
    const gz = fs.readFileSync(need(BAYREUTH));
    const cutGz = path.join(dir, 'cut.osm.gz');
    fs.writeFileSync(cutGz, gz.subarray(0, 300 * 1024));
    const cutXml = path.join(dir, 'cut-xml.osm.gz');
    fs.writeFileSync(cutXml, zlib.gzipSync(zlib.gunzipSync(gz).subarray(0, 2_000_000)));
    for (const f of [cutGz, cutXml]) {
      const e = await readOsm(f).catch((x: unknown) => x);
      expect(e, f).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe('BAD_OSM_FILE');
    }
  });
});
