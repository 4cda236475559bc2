/**
 * The OSM readers on small hand-made files: a PBF encoded here byte by byte (DenseNodes with
 * granularity and offsets, plain Nodes, Ways, Relations, raw and zlib blobs) and XML / gzipped XML
 * covering the tag mapping; then bad input, abort and progress.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/api/errors.js';
import { readOsm, type OsmImport } from '../../electron/io/osm/import-osm.js';
import { tempDir } from '../helpers/fixtures.js';

const dir = tempDir('ccp-osm-unit-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
function write(name: string, content: Uint8Array | string): string {
  const file = path.join(dir, `${fileNo++}-${name}`);
  fs.writeFileSync(file, content);
  return file;
}

async function errorOf(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw new Error(`expected an ApiError, got ${String(e)}`);
  }
  throw new Error('expected a rejection');
}

// ---- a minimal protobuf / PBF writer ----------------------------------------------------------

type Bytes = number[];
function varint(n: number | bigint): Bytes {
  let v = BigInt(n);
  if (v < 0n) v += 1n << 64n;
  const out: Bytes = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}
const zigzag = (n: number): bigint => (n >= 0 ? 2n * BigInt(n) : -2n * BigInt(n) - 1n);
const fVarint = (tag: number, n: number): Bytes => [...varint(tag << 3), ...varint(n)];
const fSint = (tag: number, n: number): Bytes => [...varint(tag << 3), ...varint(zigzag(n))];
const fBytes = (tag: number, b: ArrayLike<number>): Bytes => [...varint((tag << 3) | 2), ...varint(b.length), ...Array.from(b)];
const fString = (tag: number, s: string): Bytes => fBytes(tag, Buffer.from(s, 'utf8'));
const packedSint = (tag: number, nums: number[]): Bytes => fBytes(tag, nums.flatMap((n) => varint(zigzag(n))));
const packedVarint = (tag: number, nums: number[]): Bytes => fBytes(tag, nums.flatMap((n) => varint(n)));
const deltas = (a: number[]): number[] => a.map((v, i) => (i === 0 ? v : v - a[i - 1]));

function blob(type: string, payload: Bytes, compression: 'zlib' | 'raw' | 'lzma' = 'zlib'): Bytes {
  const data =
    compression === 'zlib'
      ? [...fVarint(2, payload.length), ...fBytes(3, zlib.deflateSync(Buffer.from(payload)))]
      : compression === 'raw'
        ? fBytes(1, payload)
        : [...fVarint(2, payload.length), ...fBytes(4, payload)];
  const header = [...fString(1, type), ...fVarint(3, data.length)];
  return [(header.length >>> 24) & 255, (header.length >>> 16) & 255, (header.length >>> 8) & 255, header.length & 255, ...header, ...data];
}

function headerBlock(features = ['OsmSchema-V0.6', 'DenseNodes']): Bytes {
  const bbox = [...fSint(1, 110e9), ...fSint(2, 111e9), ...fSint(3, 28e9), ...fSint(4, 27e9)];
  return [...fBytes(1, bbox), ...features.flatMap((f) => fString(4, f)), ...fString(16, 'test')];
}

function stringTable(strings: string[]): Bytes {
  return fBytes(1, ['', ...strings].flatMap((s) => fString(1, s)));
}

/**
 * Block 1 (zlib, granularity 1000, lat_offset +0.5°, lon_offset -1° given after the groups):
 * dense nodes 1..4 (node 2: place=village; node 4: amenity=pharmacy), a plain node 5
 * (place=hamlet), ways 10 (primary_link, oneway=-1, refs 1,2,3), 11 (refs 3, 999 missing, 4),
 * 12 (only missing refs), 13 (highway=proposed), 14 (closed clinic area 1-2-3-1), a relation.
 * Block 2 (raw, default granularity, own string table): dense node 6 (place=town).
 */
function samplePbf(): Uint8Array {
  const S = ['place', 'village', 'name', '石门村', 'population', '1,830', 'amenity', 'pharmacy', 'hamlet', 'highway', 'primary_link', 'oneway', '-1',
    'name:zh', '一号路', 'residential', 'proposed', 'clinic', 'maxspeed', '30 mph', 'bridge', 'yes'];
  const s = (x: string) => S.indexOf(x) + 1;
  const gran = 1000;
  const latOff = 500_000_000;
  const lonOff = -1_000_000_000;
  const raw = (deg: number, off: number) => Math.round((Math.round(deg * 1e9) - off) / gran);
  const lons = [110.1, 110.2, 110.3, 110.4];
  const lats = [27.1, 27.2, 27.15, 27.3];
  const dense = [
    ...packedSint(1, deltas([1, 2, 3, 4])),
    ...packedSint(8, deltas(lats.map((d) => raw(d, latOff)))),
    ...packedSint(9, deltas(lons.map((d) => raw(d, lonOff)))),
    ...packedVarint(10, [0, s('place'), s('village'), s('name'), s('石门村'), s('population'), s('1,830'), 0, 0, s('amenity'), s('pharmacy'), 0]),
  ];
  const plainNode = [...fSint(1, 5), ...packedVarint(2, [s('place')]), ...packedVarint(3, [s('hamlet')]), ...fSint(8, raw(27.4, latOff)), ...fSint(9, raw(110.5, lonOff))];
  const way = (id: number, refs: number[], tags: [string, string][]) => [
    ...fVarint(1, id),
    ...packedVarint(2, tags.map(([k]) => s(k))),
    ...packedVarint(3, tags.map(([, v]) => s(v))),
    ...packedSint(8, deltas(refs)),
  ];
  const group1 = [
    ...fBytes(2, dense),
    ...fBytes(1, plainNode),
  ];
  const group2 = [
    ...fBytes(3, way(10, [1, 2, 3], [['highway', 'primary_link'], ['oneway', '-1'], ['name:zh', '一号路'], ['maxspeed', '30 mph'], ['bridge', 'yes']])),
    ...fBytes(3, way(11, [3, 999, 4], [['highway', 'residential']])),
    ...fBytes(3, way(12, [998, 999], [['highway', 'residential']])),
    ...fBytes(3, way(13, [1, 2], [['highway', 'proposed']])),
    ...fBytes(3, way(14, [1, 2, 3, 1], [['amenity', 'clinic']])),
    ...fBytes(4, [...fVarint(1, 77), ...packedVarint(2, [s('place')]), ...packedVarint(3, [s('village')])]),
  ];
  const block1 = [...stringTable(S), ...fBytes(2, group1), ...fBytes(2, group2), ...fVarint(17, gran), ...fVarint(19, latOff), ...varint((20 << 3) | 0), ...varint(lonOff)];
  const S2 = ['place', 'town', 'name', 'Xiangcheng'];
  const dense2 = [
    ...packedSint(1, [6]),
    ...packedSint(8, [Math.round(27.5 * 1e7)]),
    ...packedSint(9, [Math.round(110.6 * 1e7)]),
    ...packedVarint(10, [1, 2, 3, 4, 0]),
  ];
  const block2 = [...stringTable(S2), ...fBytes(2, fBytes(2, dense2))];
  return Uint8Array.from([
    ...blob('OSMHeader', headerBlock()),
    ...blob('OSMData', block1),
    ...blob('SomethingElse', [1, 2, 3], 'raw'),
    ...blob('OSMData', block2, 'raw'),
  ]);
}

describe('PBF reader', () => {
  let result: OsmImport;
  it('decodes dense and plain nodes, ways and relations', async () => {
    result = await readOsm(write('sample.osm.pbf', samplePbf()));
    expect(result.stats).toMatchObject({ nodes: 6, ways: 5, relations: 1, roads: 2, villages: 1, hamlets: 1, towns: 1, facilities: 1, skippedRoads: 2 });
  });

  it('applies granularity and offsets, and the default granularity in a block without them', () => {
    const byName = new Map(result.data.villages.map((v) => [v.name, v]));
    expect(byName.get('石门村')?.location).toEqual([110.2, 27.2]);
    expect(byName.get('OSM-n5')?.location).toEqual([110.5, 27.4]);
    expect(byName.get('Xiangcheng')?.location).toEqual([110.6, 27.5]);
  });

  it('maps places with synthetic codes in OSM id order and population', () => {
    expect(result.data.villages.map((v) => [v.code, v.townshipCode, v.population, v.households, v.kind])).toEqual([
      ['990000000001', '990000000', 1830, 572, 'village'],
      ['990000000002', '990000000', 0, 0, 'village'],
      ['990000000003', '990000000', 0, 0, 'village'],
    ]);
  });

  it('maps ways to roads: reversed oneway=-1, dropped missing refs, skipped ways with warnings', () => {
    const [r10, r11] = result.data.roads;
    expect(r10).toMatchObject({ name: '一号路', roadClass: 'national', oneway: true, bridge: true, speedKmh: 48.3 });
    expect(r10.coordinates).toEqual([[110.3, 27.15], [110.2, 27.2], [110.1, 27.1]]);
    expect(r11).toMatchObject({ name: null, roadClass: 'village', oneway: false, bridge: false, speedKmh: null });
    expect(r11.coordinates).toEqual([[110.3, 27.15], [110.4, 27.3]]);
    const kinds = result.warnings.map((w) => `${w.kind} ${w.osmId}`);
    expect(kinds).toContain('road_partial w11');
    expect(kinds).toContain('road_missing_nodes w12');
  });

  it('places a clinic area at its centroid and skips the pharmacy', () => {
    expect(result.data.facilities).toHaveLength(1);
    const f = result.data.facilities[0];
    expect(f).toMatchObject({ code: 'OSM-w14', level: 'village_clinic', villageDoctors: 1, physicians: 0, villageCode: null });
    expect(f.location[0]).toBeCloseTo((110.1 + 110.2 + 110.3) / 3, 6);
    expect(f.location[1]).toBeCloseTo((27.1 + 27.2 + 27.15) / 3, 6);
    expect(result.stats.facilitiesByLevel).toEqual({ village_clinic: 1 });
  });

  it('reports bounds of the imported features', () => {
    expect(result.bounds).toEqual([110.1, 27.1, 110.6, 27.5]);
  });

  it('refuses unsupported required features and compressions with a clear error', async () => {
    const hist = write('history.osm.pbf', Uint8Array.from(blob('OSMHeader', headerBlock(['OsmSchema-V0.6', 'HistoricalInformation']))));
    const e1 = await errorOf(readOsm(hist));
    expect(e1.code).toBe('BAD_OSM_FILE');
    expect(e1.params.detail).toContain('HistoricalInformation');
    const lzma = write('lzma.osm.pbf', Uint8Array.from([...blob('OSMHeader', headerBlock()), ...blob('OSMData', [1, 2, 3], 'lzma')]));
    const e2 = await errorOf(readOsm(lzma));
    expect(e2.code).toBe('BAD_OSM_FILE');
    expect(e2.params.detail).toContain('lzma');
  });

  it('refuses a PBF whose first blob is not OSMHeader, and a truncated one', async () => {
    const noHeader = write('noheader.osm.pbf', Uint8Array.from(blob('OSMData', [])));
    expect((await errorOf(readOsm(noHeader))).params.detail).toContain('OSMHeader');
    const whole = samplePbf();
    for (const cut of [5, 30, whole.length - 1]) {
      const e = await errorOf(readOsm(write('cut.osm.pbf', whole.subarray(0, cut))));
      expect(e.code, `cut at ${cut}`).toBe('BAD_OSM_FILE');
    }
  });

  it('refuses a PBF with corrupt zlib data', async () => {
    const good = Uint8Array.from([...blob('OSMHeader', headerBlock()), ...blob('OSMData', stringTable(['a']))]);
    const bad = good.slice();
    bad.fill(0x55, bad.length - 6); // overwrite the deflate stream's end and checksum
    const e = await errorOf(readOsm(write('badzlib.osm.pbf', bad)));
    expect(e.code).toBe('BAD_OSM_FILE');
  });
});

// ---- XML ----------------------------------------------------------------------------------

/** Ways come before their nodes and ids are unsorted: the reader must not depend on file order. */
const SAMPLE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="hand">
  <bounds minlat="27" minlon="110" maxlat="28" maxlon="111"/>
  <way id="20">
    <nd ref="3"/><nd ref="1"/><nd ref="2"/>
    <tag k="highway" v="tertiary"/><tag k="oneway" v="yes"/><tag k="name" v="Chang &amp; Le Road"/><tag k="maxspeed" v="40"/>
  </way>
  <way id="21"><nd ref="1"/><nd ref="404"/><tag k="highway" v="track"/></way>
  <way id="22"><nd ref="1"/><nd ref="2"/><tag k="highway" v="service"/><tag k="area" v="yes"/></way>
  <way id="23"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="1"/><tag k="healthcare" v="hospital"/><tag k="name" v="县人民医院"/><tag k="beds" v="120"/></way>
  <way id="24"><nd ref="1"/><nd ref="2"/><tag k="amenity" v="clinic"/></way>
  <node id="3" lat="27.3" lon="110.3"/>
  <node id="1" lat="27.1" lon="110.1">
    <tag k="place" v="hamlet"/><tag k="name" v="Lower"/><tag k="population" v="about 40"/>
  </node>
  <node id="2" lat="27.2" lon="110.2"/>
  <node id="9" lat="27.25" lon="110.25"><tag k="amenity" v="doctors"/><tag k="name" v="Dr. Li"/></node>
  <node id="8" lat="27.26" lon="110.26"><tag k="amenity" v="pharmacy"/><tag k="healthcare" v="pharmacy"/></node>
  <node id="7" lat="27.27" lon="110.27"><tag k="place" v="village"/><tag k="name" v="Upper"/><tag k="name:zh" v="上村"/><tag k="population" v="2 400"/></node>
  <node id="6" lat="27.28" lon="110.28"><tag k="place" v="city"/><tag k="name" v="Big"/></node>
  <node id="5" lat="27.29" lon="110.29" action="delete"><tag k="place" v="village"/></node>
  <relation id="30"><member type="way" ref="20" role=""/><tag k="type" v="route"/></relation>
</osm>
`;

describe('XML reader', () => {
  for (const [label, name, content] of [
    ['plain', 'sample.osm', SAMPLE_XML],
    ['gzipped (detected by magic bytes, whatever the name)', 'sample.xml', zlib.gzipSync(SAMPLE_XML)],
  ] as const) {
    it(`maps a ${label} file`, async () => {
      const r = await readOsm(write(name, content));
      expect(r.stats).toMatchObject({ nodes: 7, ways: 5, relations: 1, roads: 1, villages: 1, hamlets: 1, towns: 0, facilities: 2, skippedRoads: 2, skippedPlaces: 1 });
      expect(r.data.roads[0]).toMatchObject({ name: 'Chang & Le Road', roadClass: 'county', oneway: true, speedKmh: 40, coordinates: [[110.3, 27.3], [110.1, 27.1], [110.2, 27.2]] });
      expect(r.data.villages.map((v) => [v.code, v.name, v.population, v.households])).toEqual([
        ['990000000001', 'Lower', 0, 0],
        ['990000000002', '上村', 2400, 750],
      ]);
      expect(r.data.facilities.map((f) => [f.code, f.name, f.level, f.beds, f.villageDoctors])).toEqual([
        ['OSM-n9', 'Dr. Li', 'village_clinic', 0, 1],
        ['OSM-w23', '县人民医院', 'county_hospital', 120, 0],
      ]);
      expect(r.stats.facilitiesByLevel).toEqual({ village_clinic: 1, county_hospital: 1 });
      expect(r.warnings.map((w) => `${w.kind} ${w.osmId}`).sort()).toEqual(['facility_open_way w24', 'road_missing_nodes w21']);
      expect(r.data.townships).toEqual([]);
      expect(r.data.villageAreas).toEqual([]);
      expect(r.data.postings).toEqual([]);
    });
  }

  it('refuses XML that is not OSM, truncated XML and broken XML', async () => {
    const cases: [string, string | Uint8Array][] = [
      ['gpx', '<?xml version="1.0"?><gpx><trk/></gpx>'],
      ['truncated', SAMPLE_XML.slice(0, 700)],
      ['truncated gz', zlib.gzipSync(SAMPLE_XML).subarray(0, 200)],
      ['broken', '<osm><node id="1" lat="1" lon="2"></way></osm>'],
      ['bad coordinate', '<osm><node id="1" lat="north" lon="2"/></osm>'],
      ['no elements', '<osm></osm>'],
    ];
    for (const [label, content] of cases) {
      const e = await errorOf(readOsm(write(`${label}.osm`, content)));
      expect(e.code, label).toBe('BAD_OSM_FILE');
      expect(e.params.detail, label).toBeTruthy();
    }
  });
});

describe('bad input', () => {
  it('missing file → FILE_NOT_FOUND', async () => {
    const e = await errorOf(readOsm(path.join(dir, 'nope.osm.pbf')));
    expect(e.code).toBe('FILE_NOT_FOUND');
    expect(e.params.path).toBe(path.join(dir, 'nope.osm.pbf'));
  });

  it('empty file, text file, gzip of garbage, a folder → BAD_OSM_FILE naming the path', async () => {
    const files = [
      write('empty.osm.pbf', ''),
      write('villages.csv', 'name,lat,lon\n石门村,27.1,110.1\n'),
      write('garbage.osm.gz', zlib.gzipSync(Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)))),
      write('garbage.osm.pbf', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251))),
      dir,
    ];
    for (const f of files) {
      const e = await errorOf(readOsm(f));
      expect(e.code, f).toBe('BAD_OSM_FILE');
      expect(e.params.path).toBe(f);
    }
  });
});

describe('progress and abort', () => {
  it('reports increasing progress ending at 1', async () => {
    const seen: number[] = [];
    await readOsm(write('p.osm.pbf', samplePbf()), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]))).toBe(true);
  });

  it('stops on abort with the signal reason', async () => {
    const pre = new AbortController();
    pre.abort();
    await expect(readOsm(write('a.osm.pbf', samplePbf()), { signal: pre.signal })).rejects.toMatchObject({ name: 'AbortError' });

    const mid = new AbortController();
    const big = write('big.osm', SAMPLE_XML.replace('</osm>', '') + '<node id="100" lat="1" lon="1"/>\n'.repeat(60_000) + '</osm>');
    await expect(readOsm(big, { signal: mid.signal, onProgress: () => mid.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
