/**
 * Builds the offline basemap of the fictional demo county: vector tiles (zoom 6-13) cut with
 * geojson-vt from generateDemoCounty() and stored as MBTiles. No network access.
 *
 *   npx tsx scripts/build-basemap.ts [--out data/basemap.mbtiles]
 *
 * The renderer's map style depends on the source-layer names and properties written here:
 *   land      polygons  kind: county | outside | forest | farmland | urban
 *   water     polygons  name
 *   waterway  lines     name, kind: river | stream
 *   contour   lines     ele (m), major (1 every 500 m, else 0)
 *   hillshade polygons  shade: 1 light .. 3 dark; highlight polygons have shade 0, highlight 1
 *   roads     lines     class (road class), name (when named), bridge (1 on bridges)
 *   places    points    name, kind: county_seat | town | village | city, rank (1 most important)
 *   boundary  lines     level: county | township
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import type { LngLat } from '../electron/domain/types.js';
import { generateDemoCounty, type DemoCounty } from '../electron/io/demo/generate.js';
import { writeMbtiles, type MbtilesMetadata, type MbtilesTile } from '../electron/io/mbtiles.js';

const MIN_ZOOM = 6;
const MAX_ZOOM = 13;
/** Land beyond the data extent, degrees: the "outside" polygon and the tiled area reach this far. */
const MARGIN_DEG = 0.12;
const LAYERS = ['land', 'water', 'waterway', 'contour', 'hillshade', 'roads', 'places', 'boundary'] as const;
type LayerName = (typeof LAYERS)[number];

type Layers = Record<LayerName, Feature[]>;
const feature = <G extends Geometry>(geometry: G, properties: GeoJsonProperties): Feature<G> => ({ type: 'Feature', geometry, properties });

/** Local scale so that simple geometry can be done in kilometres. */
function kmScale(c: DemoCounty): { kx: number; ky: number } {
  const lat = (c.bbox[1] + c.bbox[3]) / 2;
  return { kx: 111.32 * Math.cos((lat * Math.PI) / 180), ky: 110.574 };
}

/** A regular grid of points (row by row) carrying a value, as turf's isolines/isobands expect. */
function grid(bbox: number[], stepDeg: number, value: (lng: number, lat: number) => number): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  const nx = Math.ceil((bbox[2] - bbox[0]) / stepDeg);
  const ny = Math.ceil((bbox[3] - bbox[1]) / stepDeg);
  for (let j = 0; j <= ny; j++) {
    const lat = bbox[1] + j * stepDeg;
    for (let i = 0; i <= nx; i++) {
      const lng = bbox[0] + i * stepDeg;
      features.push(turf.point([lng, lat], { v: value(lng, lat) }));
    }
  }
  return turf.featureCollection(features);
}

const extent = (c: DemoCounty, margin: number): number[] => [c.bbox[0] - margin, c.bbox[1] - margin, c.bbox[2] + margin, c.bbox[3] + margin];

/** An irregular blob (a built-up area), radius in km. */
function blob(c: DemoCounty, centre: LngLat, radiusKm: number, phase: number): Feature<Polygon> {
  const { kx, ky } = kmScale(c);
  const ring: Position[] = [];
  for (let i = 0; i < 24; i++) {
    const t = (2 * Math.PI * i) / 24;
    const r = radiusKm * (1 + 0.18 * Math.sin(3 * t + phase) + 0.1 * Math.sin(5 * t + 2 * phase));
    ring.push([centre[0] + (r * Math.cos(t)) / kx, centre[1] + (r * Math.sin(t)) / ky]);
  }
  ring.push(ring[0]);
  return turf.polygon([ring]);
}

/** Slope (rise over run) of the terrain at a point. */
function slope(c: DemoCounty, lng: number, lat: number): number {
  const { kx, ky } = kmScale(c);
  const d = 0.002;
  const sx = (c.elevation(lng + d, lat) - c.elevation(lng - d, lat)) / (2 * d * kx * 1000);
  const sy = (c.elevation(lng, lat + d) - c.elevation(lng, lat - d)) / (2 * d * ky * 1000);
  return Math.hypot(sx, sy);
}

/**
 * Land cover inside the county: forest on hills and steep slopes, farmland on low, flat valley
 * floors. Both come from one continuous score (< 0 farmland, > 1 forest) so that isobands give
 * smooth edges. Outside the county only the plain "outside" land is drawn, which keeps the
 * county itself the focus of the map.
 */
function landLayer(c: DemoCounty): Feature[] {
  const county = turf.polygon(c.countyBoundary);
  const out: Feature[] = [turf.bboxPolygon(extent(c, MARGIN_DEG + 0.05) as [number, number, number, number], { properties: { kind: 'outside' } })];
  out.push(feature(county.geometry, { kind: 'county' }));
  const score = grid(turf.bbox(county), 0.003, (lng, lat) => Math.max((c.elevation(lng, lat) - 290) / 130, (slope(c, lng, lat) - 0.06) / 0.1));
  const clip = (band: Feature<MultiPolygon>, kind: string): void => {
    if (!band.geometry.coordinates.length) return;
    const inside = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([band, county]));
    if (inside) out.push(feature(inside.geometry, { kind }));
  };
  for (const band of turf.isobands(score, [1, 100], { zProperty: 'v' }).features) clip(band, 'forest');
  for (const band of turf.isobands(score, [-100, 0], { zProperty: 'v' }).features) clip(band, 'farmland');
  c.places.forEach((p, i) => {
    const r = p.kind === 'city' ? 3 : p.kind === 'county_seat' ? 1.3 : 0.45;
    out.push(feature(blob(c, p.location, r, i).geometry, { kind: 'urban' }));
  });
  return out;
}

function waterLayer(c: DemoCounty): Feature[] {
  const out: Feature[] = [];
  for (const r of c.rivers) {
    const poly = turf.buffer(turf.lineString(r.coordinates), Math.max(r.widthM, 40) / 2000, { units: 'kilometers' });
    if (poly) out.push(feature(poly.geometry, { name: r.name }));
  }
  const lakeNames = ['青山水库'];
  c.lakes.forEach((l, i) => out.push(feature({ type: 'Polygon', coordinates: l }, { name: lakeNames[i] ?? '' })));
  return out;
}

/**
 * Streams: traced downhill from points in the hills along the steepest descent of the terrain
 * until they reach the river, join an earlier stream, or stall in a hollow.
 */
function streams(c: DemoCounty): Feature<LineString>[] {
  const { kx, ky } = kmScale(c);
  const river = c.rivers[0].coordinates.map((p) => [p[0] * kx, p[1] * ky]);
  const nearRiver = (x: number, y: number): boolean => river.some((p) => Math.abs(p[0] - x) < 0.15 && Math.abs(p[1] - y) < 0.15);
  const elev = (x: number, y: number): number => c.elevation(x / kx, y / ky);
  const traced: number[][][] = [];
  const county = turf.polygon(c.countyBoundary);
  const [w, s, e, n] = turf.bbox(county);
  for (let lng = w; lng <= e; lng += 0.03) {
    for (let lat = s; lat <= n; lat += 0.03) {
      if (c.elevation(lng, lat) < 450 || !turf.booleanPointInPolygon([lng, lat], county)) continue;
      let x = lng * kx;
      let y = lat * ky;
      const path: number[][] = [[x, y]];
      let joined = false;
      for (let step = 0; step < 400; step++) {
        const h = 0.05;
        const gx = (elev(x + h, y) - elev(x - h, y)) / (2 * h);
        const gy = (elev(x, y + h) - elev(x, y - h)) / (2 * h);
        const g = Math.hypot(gx, gy);
        if (g < 2) break; // a hollow: the stream ends in a pond or seeps away
        x -= (0.12 * gx) / g;
        y -= (0.12 * gy) / g;
        path.push([x, y]);
        if (nearRiver(x, y)) break;
        const hit = traced.find((t) => t.some((p) => Math.abs(p[0] - x) < 0.1 && Math.abs(p[1] - y) < 0.1));
        if (hit) {
          joined = true;
          break;
        }
      }
      if (path.length * 0.12 >= (joined ? 1.5 : 3)) traced.push(path);
    }
  }
  const names = ['青山溪', '石门溪', '龙潭溪', '白沙溪', '云雾溪'];
  return traced
    .map((t) => t.filter((_, i) => i % 2 === 0 || i === t.length - 1).map((p): Position => [Math.round((p[0] / kx) * 1e6) / 1e6, Math.round((p[1] / ky) * 1e6) / 1e6]))
    .sort((a, b) => b.length - a.length)
    .map((coords, i) => turf.lineString(coords, i < names.length ? { kind: 'stream', name: names[i] } : { kind: 'stream' }));
}

function waterwayLayer(c: DemoCounty): Feature[] {
  return [...c.rivers.map((r) => turf.lineString(r.coordinates, { kind: 'river', name: r.name })), ...streams(c)];
}

function contourLayer(c: DemoCounty): Feature[] {
  const elevation = grid(extent(c, MARGIN_DEG), 0.0025, (lng, lat) => c.elevation(lng, lat));
  const breaks = Array.from({ length: 18 }, (_, i) => (i + 1) * 100);
  return turf.isolines(elevation, breaks, { zProperty: 'v' }).features
    .filter((f) => f.geometry.coordinates.length > 0)
    .map((f) => {
      const ele = f.properties!.v as number;
      return feature(f.geometry, { ele, major: ele % 500 === 0 ? 1 : 0 });
    });
}

/**
 * Hillshade bands: Lambert shading of the terrain lit from the north-west (azimuth 315°,
 * altitude 45°), classed into 3 shade bands and one highlight band relative to flat ground.
 */
function hillshadeLayer(c: DemoCounty): Feature[] {
  const { kx, ky } = kmScale(c);
  const zen = Math.PI / 4;
  const az = (315 * Math.PI) / 180;
  const flat = Math.cos(zen);
  const exaggeration = 1.6;
  const shade = (lng: number, lat: number): number => {
    const d = 0.002;
    const dzdx = (exaggeration * (c.elevation(lng + d, lat) - c.elevation(lng - d, lat))) / (2 * d * kx * 1000);
    const dzdy = (exaggeration * (c.elevation(lng, lat + d) - c.elevation(lng, lat - d))) / (2 * d * ky * 1000);
    const slope = Math.atan(Math.hypot(dzdx, dzdy));
    const aspect = Math.atan2(dzdy, -dzdx);
    const lit = Math.cos(zen) * Math.cos(slope) + Math.sin(zen) * Math.sin(slope) * Math.cos(az - Math.PI / 2 - aspect);
    return flat - lit;
  };
  const g = grid(extent(c, MARGIN_DEG), 0.004, shade);
  const out: Feature[] = [];
  turf.isobands(g, [0.08, 0.18, 0.3, 2], { zProperty: 'v' }).features.forEach((band, i) => {
    if (band.geometry.coordinates.length) out.push(feature(band.geometry, { shade: i + 1 }));
  });
  for (const band of turf.isobands(g, [-2, -0.08], { zProperty: 'v' }).features) {
    if (band.geometry.coordinates.length) out.push(feature(band.geometry, { shade: 0, highlight: 1 }));
  }
  return out;
}

function roadsLayer(c: DemoCounty): Feature[] {
  return c.roads.map((r) => {
    const props: Record<string, string | number> = { class: r.roadClass };
    if (r.name) props.name = r.name;
    if (r.bridge) props.bridge = 1;
    return turf.lineString(r.coordinates, props);
  });
}

function placesLayer(c: DemoCounty): Feature[] {
  const out: Feature[] = c.places.map((p) => turf.point(p.location, { name: p.name, kind: p.kind, rank: p.kind === 'town' ? 2 : 1 }));
  for (const v of c.villages) out.push(turf.point(v.location, { name: v.name, kind: 'village', rank: v.kind === 'village' && v.population >= 2000 ? 3 : 4 }));
  return out;
}

/**
 * County outline plus each inner township border once: an edge of township i is kept when the
 * township on its other side has a larger index (edges on the county outline have none).
 */
function boundaryLayer(c: DemoCounty): Feature[] {
  const out: Feature[] = [turf.lineString(c.countyBoundary[0], { level: 'county' })];
  const polys = c.townships.map((t) => turf.multiPolygon(t.coordinates));
  const other = (i: number, p: Position): number => polys.findIndex((poly, j) => j !== i && turf.booleanPointInPolygon(p, poly));
  c.townships.forEach((t, i) => {
    for (const poly of t.coordinates) {
      let line: Position[] = [];
      const flush = (): void => {
        if (line.length > 1) out.push(turf.lineString(line, { level: 'township' }));
        line = [];
      };
      const ring = poly[0];
      for (let k = 1; k < ring.length; k++) {
        const [a, b] = [ring[k - 1], ring[k]];
        const m = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
        const off = 2e-5 / len;
        const sides = [
          [m[0] - (b[1] - a[1]) * off, m[1] + (b[0] - a[0]) * off],
          [m[0] + (b[1] - a[1]) * off, m[1] - (b[0] - a[0]) * off],
        ];
        const j = Math.max(...sides.map((q) => other(i, q)));
        if (j > i) {
          if (line.length === 0) line.push(a);
          line.push(b);
        } else flush();
      }
      flush();
    }
  });
  return out;
}

function buildLayers(c: DemoCounty): Layers {
  return {
    land: landLayer(c),
    water: waterLayer(c),
    waterway: waterwayLayer(c),
    contour: contourLayer(c),
    hillshade: hillshadeLayer(c),
    roads: roadsLayer(c),
    places: placesLayer(c),
    boundary: boundaryLayer(c),
  };
}

const lngToX = (lng: number, z: number): number => Math.floor(((lng + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number): number => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

function* cutTiles(layers: Layers, bounds: number[]): Generator<MbtilesTile> {
  const indexes = LAYERS.map((name) => ({
    name,
    index: new GeoJSONVT(turf.featureCollection(layers[name]) as FeatureCollection, { maxZoom: MAX_ZOOM, indexMaxZoom: 5, tolerance: 3, buffer: 64 }),
  }));
  for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
    for (let x = lngToX(bounds[0], z); x <= lngToX(bounds[2], z); x++) {
      for (let y = latToY(bounds[3], z); y <= latToY(bounds[1], z); y++) {
        const tileLayers: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
        for (const { name, index } of indexes) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) tileLayers[name] = tile;
        }
        if (Object.keys(tileLayers).length === 0) continue;
        yield { z, x, y, data: vtpbf.fromGeojsonVt(tileLayers, { version: 2, extent: 4096 }) };
      }
    }
  }
}

function parseOut(argv: string[]): string {
  const i = argv.indexOf('--out');
  if (i >= 0 && argv[i + 1]) return resolve(process.cwd(), argv[i + 1]);
  return fileURLToPath(new URL('../data/basemap.mbtiles', import.meta.url));
}

function main(): void {
  const out = parseOut(process.argv.slice(2));
  const started = Date.now();
  const county = generateDemoCounty();
  const layers = buildLayers(county);
  const bounds = extent(county, MARGIN_DEG).map((v) => Math.round(v * 1e6) / 1e6) as [number, number, number, number];
  const [w, s, e, n] = turf.bbox(turf.polygon(county.countyBoundary));
  const metadata: MbtilesMetadata = {
    name: '示例县底图（虚构示例数据）',
    format: 'pbf',
    minzoom: MIN_ZOOM,
    maxzoom: MAX_ZOOM,
    bounds,
    center: [Math.round(((w + e) / 2) * 1e6) / 1e6, Math.round(((s + n) / 2) * 1e6) / 1e6, 10],
    attribution: '示例县为虚构数据 · 底图由 scripts/build-basemap.ts 生成',
    layers: [...LAYERS],
  };
  const perZoom = new Map<number, number>();
  const counted = function* (): Generator<MbtilesTile> {
    for (const t of cutTiles(layers, bounds)) {
      perZoom.set(t.z, (perZoom.get(t.z) ?? 0) + 1);
      yield t;
    }
  };
  mkdirSync(dirname(out), { recursive: true });
  writeMbtiles(out, metadata, counted());
  const size = statSync(out).size;
  const features = LAYERS.map((l) => `${l} ${layers[l].length}`).join(', ');
  console.log(`basemap: ${out}`);
  console.log(`  features: ${features}`);
  console.log(`  tiles: ${[...perZoom].map(([z, k]) => `z${z}:${k}`).join(' ')}`);
  console.log(`  size: ${(size / 1024 / 1024).toFixed(2)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
