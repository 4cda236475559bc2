/**
 * Deterministic generator of the fictional demo county "示例县" (clearly labelled sample data).
 *
 * Pure TypeScript: no node:* imports, no DOM, so it also runs in a worker or the browser. The same
 * seed always gives byte-identical output. Geometry is built in a local kilometre frame (see
 * geometry.ts) and projected to WGS-84 at the end, rounded to 6 decimals.
 *
 * The county is built so that every planning situation of DOMAIN.md occurs at least once; the
 * `cases` field names the villages and health centers that show each one, and each case is
 * re-checked against the data by test/unit/demo-county.test.ts.
 */
import type { DoctorQualification, Facility, LngLat, Posting, Road, Township, Village, VillageArea } from '../../domain/types.js';
import { dist, distToPolyline, type P } from './geometry.js';
import { CODES, drawQualification, institutions, villageClinic, type FacilityDraft } from './facilities.js';
import { villageNames } from './names.js';
import { buildMajorRoads, connectVillages } from './network.js';
import { COUNTY_CODE, placeTowns, type CountyPlaces } from './places.js';
import { buildPostings } from './postings.js';
import { ringToLngLat, toKm, toLngLat } from './projection.js';
import { mulberry32, type Rng } from './random.js';
import { River } from './river.js';
import { RoadNetwork } from './roads.js';
import { createTerrain, elevationWithLakes } from './terrain.js';
import { areaKm2, basePopulation, codeSites, sampleSites, siteOk, villageAreas, type SiteContext } from './villages.js';
import { placeLake } from './water.js';

export interface DemoRiver {
  name: string;
  coordinates: LngLat[];
  widthM: number;
}

export interface DemoCases {
  /** Small blank village (no clinic) within 2 km of a neighbouring village's clinic. */
  smallBlankNearNeighbour: string;
  /** Small blank mountain village more than 6 km from every clinic, reachable only by a track. */
  remoteSmallBlank: string;
  /** Blank village of >= 2000 residents with no clinic within 6 km. */
  largeBlankFar: string;
  /** Two small blank villages less than 2 km apart (candidates for a joint clinic, V4). */
  adjacentSmallBlanks: [string, string];
  /** Villages whose clinic has no qualified doctor (blank as well). */
  clinicWithoutQualifiedDoctor: string[];
  /** THC facility codes meant to land in support tiers 1, 2 and 3 (T5). */
  thcTier1: string[];
  thcTier2: string[];
  thcTier3: string[];
  /** THC facility codes with no public health physician (T3). */
  thcWithoutPublicHealth: string[];
  /** Village codes of relocation settlements. */
  settlements: string[];
}

export interface DemoPlace {
  name: string;
  kind: 'county_seat' | 'town' | 'city';
  /** Township code for the county seat and towns; null for the city. */
  townshipCode: string | null;
  location: LngLat;
}

export interface DemoCounty {
  title: string;
  countyCode: string;
  townships: Township[];
  villages: Village[];
  villageAreas: VillageArea[];
  facilities: Facility[];
  roads: Road[];
  postings: Posting[];
  countyBoundary: LngLat[][];
  rivers: DemoRiver[];
  lakes: LngLat[][][];
  /** County seat, township seats and the neighbouring city (for map labels). */
  places: DemoPlace[];
  /** Terrain elevation in metres at a point (deterministic, smooth); used by the basemap for contours/hillshade and later as a DEM. */
  elevation(lng: number, lat: number): number;
  bbox: [number, number, number, number];
  cases: DemoCases;
}

export const DEMO_TITLE = '示例县（虚构示例数据）';
export const DEFAULT_DEMO_SEED = 20260101;
const TARGET_VILLAGES = 164;
const RIVER_WIDTH_M = 70;
/** Clinics are kept this far from the two mountain case villages (the cases promise > 6 km). */
const CLINIC_FREE_KM = 6.4;
const SMALL = 800;

export function generateDemoCounty(seed: number = DEFAULT_DEMO_SEED): DemoCounty {
  const root = mulberry32(seed);
  // One forked generator per stage keeps the stages independent of each other's draw counts.
  const rng = { terrain: root.fork(), towns: root.fork(), lake: root.fork(), roads: root.fork(), sites: root.fork(), people: root.fork(), clinics: root.fork(), names: root.fork() };

  const terrain = createTerrain(rng.terrain);
  const xs = terrain.countyRing.map((p) => p[0]);
  const ys = terrain.countyRing.map((p) => p[1]);
  // Map extent: the county plus a margin, and the city 12-15 km beyond the eastern border.
  const box: [number, number, number, number] = [Math.min(...xs) - 6, Math.min(...ys) - 6, Math.max(...xs) + 22, Math.max(...ys) + 6];
  const river = new River(terrain.riverY, box[0], box[2]);
  const places = placeTowns(terrain, river, rng.towns);
  // The reservoir is placed after the main roads, clear of them; its flattening of the terrain
  // only reaches ~2 km, so the main roads (built on the raw terrain) are unaffected by it.
  let elevation = terrain.rawElevation;
  const net = new RoadNetwork(river, [], (p) => elevation(p), rng.roads);
  buildMajorRoads(net, river, places, box, rng.roads);
  const lake = placeLake(terrain, river, places, net.vertices(), rng.lake);
  elevation = elevationWithLakes(terrain, [lake]);
  net.addObstacle({ c: lake.centre, r: Math.max(lake.a, lake.b) * 1.25 + 0.1 });
  const ctx: SiteContext = { terrain, elevation, river, places, lake };
  const fixed = placeMountainCases(ctx, net.vertices(), rng.sites);

  const raw = sampleSites(ctx, fixed, TARGET_VILLAGES, rng.sites);
  const names = villageNames(rng.names, raw.length);
  const coded = codeSites(raw, places, names, ['幸福家园移民安置点', '城东移民安置点']);
  const sites = raw.map((s, i) => ({ ...s, ...coded[i], population: basePopulation(elevation(s.p), rng.people) }));
  const areas = villageAreas(sites, places);

  // Nothing but the remote village's own track may come near it.
  net.addObstacle({ c: fixed.remote, r: 1.8, passKey: 'remote' });
  connectVillages(net, sites.map((s) => s.p), 0, rng.roads);
  net.node();

  const plan = planClinics(sites, elevation, rng.clinics);
  for (const [i, pop] of plan.population) sites[i].population = pop;
  const facilityDrafts = [...institutions(places, rng.clinics), ...clinicsFor(sites, places, plan, rng.clinics)];
  const postings = buildPostings(places.townships, facilityDrafts, postingTargets(sites, places, plan), rng.people);

  return assemble({ rng: rng.people, terrain, river, places, lake, elevation, sites, areas, net, facilityDrafts, postings, plan });
}

type Site = { p: P; kind: 'village' | 'settlement'; township: number; code: string; name: string; population: number };

/** Village clinics, in village code order, staffed as the clinic plan says. */
function clinicsFor(sites: readonly Site[], places: CountyPlaces, plan: ClinicPlan, rng: Rng): FacilityDraft[] {
  const order = sites.map((_, i) => i).sort((a, b) => sites[a].code.localeCompare(sites[b].code));
  return order.flatMap((i) => {
    const q = plan.qualification[i];
    const s = sites[i];
    return q ? [villageClinic({ code: s.code, name: s.name, townshipCode: places.townships[s.township].code, p: s.p }, q, rng)] : [];
  });
}

/** The biggest ordinary village in each of the two weak townships gets a county hospital posting (V5 backfill). */
function postingTargets(sites: readonly Site[], places: CountyPlaces, plan: ClinicPlan): string[] {
  return places.townships
    .map((t, ti) => ({ t, ti }))
    .filter(({ t }) => t.role === 'mountain_weak' || t.role === 'weak')
    .map(({ ti }) => {
      const options = sites.filter((s, i) => s.township === ti && s.kind === 'village' && !plan.caseVillages.has(i));
      return options.reduce((a, b) => (b.population > a.population ? b : a)).code;
    });
}

/**
 * The remote small village (deep in the massif, far from towns and main roads) and the large
 * far village (a high basin 4.5-7 km from it). Both are kept more than 7 km from every town.
 */
function placeMountainCases(ctx: SiteContext, roadPts: readonly P[], rng: Rng): { remote: P; large: P } {
  const seats = ctx.places.townships.map((t) => t.seat);
  const clearOf = (p: P, seatKm: number, roadKm: number): boolean =>
    seats.every((s) => dist(s, p) >= seatKm) && roadPts.every((v) => dist(v, p) >= roadKm) && dist(p, ctx.lake.centre) >= 3.5;
  const xs = ctx.terrain.countyRing.map((p) => p[0]);
  const ys = ctx.terrain.countyRing.map((p) => p[1]);
  for (let k = 0; k < 20_000; k++) {
    const remote: P = [ctx.terrain.massif[0] + rng.range(-12, 12), ctx.terrain.massif[1] + rng.range(-12, 12)];
    if (remote[0] < Math.min(...xs) || remote[1] > Math.max(...ys)) continue;
    if (ctx.elevation(remote) < 850 || !siteOk(remote, ctx) || distToPolyline(remote, ctx.terrain.countyRing) < 1.5) continue;
    if (!clearOf(remote, 7.5, 3.5)) continue;
    for (let j = 0; j < 300; j++) {
      const a = rng.range(0, 2 * Math.PI);
      const r = rng.range(4.5, 7);
      const large: P = [remote[0] + r * Math.cos(a), remote[1] + r * Math.sin(a)];
      const e = ctx.elevation(large);
      if (e < 450 || e > 1150 || !siteOk(large, ctx) || distToPolyline(large, ctx.terrain.countyRing) < 1.5) continue;
      if (clearOf(large, 7, 2) && ctx.river.pointDistance(large) >= 1) return { remote, large };
    }
  }
  throw new Error('demo: no place for the mountain case villages');
}

interface ClinicPlan {
  /** Highest qualification of each site's clinic, or null when the site has no clinic. */
  qualification: (DoctorQualification | null)[];
  /** Population overrides for the case villages. */
  population: Map<number, number>;
  caseVillages: Set<number>;
  near: { blank: number; neighbour: number };
  pair: [number, number];
  zeroStaff: number[];
}

/**
 * Decides which villages have a clinic and who staffs it, engineering the blank-village cases:
 * no clinic near the two mountain case villages, a small blank village next to a staffed one,
 * a pair of adjacent small blank villages, clinics without a qualified doctor, a few other
 * blank villages, and one relocation settlement without any facility (V1).
 */
function planClinics(sites: readonly { p: P; kind: string; township: number }[], elevation: (p: P) => number, rng: Rng): ClinicPlan {
  const remote = sites[0].p;
  const large = sites[1].p;
  const inZone = (i: number): boolean => dist(sites[i].p, remote) < CLINIC_FREE_KM || dist(sites[i].p, large) < CLINIC_FREE_KM;
  const order = rng.shuffle(sites.map((_, i) => i)).filter((i) => sites[i].kind === 'village');
  const valley = (i: number, maxE: number): boolean => !inZone(i) && elevation(sites[i].p) < maxE;

  let near: { blank: number; neighbour: number } | null = null;
  for (const i of order) {
    if (!valley(i, 500)) continue;
    const j = order.find((j) => j !== i && !inZone(j) && dist(sites[i].p, sites[j].p) >= 0.9 && dist(sites[i].p, sites[j].p) <= 1.7);
    if (j !== undefined) {
      near = { blank: i, neighbour: j };
      break;
    }
  }
  if (!near) throw new Error('demo: no village pair for the neighbour-clinic case');
  const nb = near;
  const taken = new Set([0, 1, nb.blank, nb.neighbour]);

  let pair: [number, number] | null = null;
  for (const i of order) {
    if (taken.has(i) || !valley(i, 600) || dist(sites[i].p, sites[nb.blank].p) < 2.5) continue;
    const j = order.find((j) => !taken.has(j) && j !== i && sites[j].township === sites[i].township && valley(j, 600) && dist(sites[i].p, sites[j].p) < 1.9 && dist(sites[j].p, sites[nb.blank].p) >= 2.5);
    if (j !== undefined) {
      pair = [i, j];
      break;
    }
  }
  if (!pair) throw new Error('demo: no adjacent village pair');
  pair.forEach((i) => taken.add(i));

  const free = order.filter((i) => !taken.has(i) && !inZone(i));
  const zeroStaff = free.slice(0, 3);
  const extraBlank = free.slice(3, 7);

  const qualification = sites.map((_, i): DoctorQualification | null => {
    if (inZone(i) || i === 2 || i === nb.blank || pair!.includes(i) || extraBlank.includes(i)) return null;
    if (zeroStaff.includes(i)) return 'none';
    return drawQualification(rng);
  });
  const population = new Map<number, number>([
    [0, rng.int(320, 560)],
    [1, rng.int(2300, 3100)],
    [2, rng.int(700, 1100)],
    [3, rng.int(1000, 1600)],
    [nb.blank, rng.int(380, SMALL - 40)],
    [pair[0], rng.int(380, SMALL - 40)],
    [pair[1], rng.int(380, SMALL - 40)],
  ]);
  return { qualification, population, caseVillages: new Set([...taken]), near: nb, pair, zeroStaff };
}

interface AssembleInput {
  /** For the last random details (households, settlement areas). */
  rng: Rng;
  terrain: ReturnType<typeof createTerrain>;
  river: River;
  places: CountyPlaces;
  lake: { ring: P[] };
  elevation: (p: P) => number;
  sites: Site[];
  areas: (P[][][] | null)[];
  net: RoadNetwork;
  facilityDrafts: FacilityDraft[];
  postings: Posting[];
  plan: ClinicPlan;
}

const projectMulti = (mp: P[][][]): LngLat[][][] => mp.map((poly) => poly.map(ringToLngLat));

/** Projects everything to WGS-84 and numbers the records 1..n per layer. */
function assemble(a: AssembleInput): DemoCounty {
  const { places, sites, plan } = a;
  const townships: Township[] = places.townships.map((t, i) => ({ id: i + 1, code: t.code, name: t.name, coordinates: projectMulti(t.polygon) }));
  const order = sites.map((_, i) => i).sort((x, y) => sites[x].code.localeCompare(sites[y].code));
  const villages: Village[] = order.map((i, n) => {
    const s = sites[i];
    const area = a.areas[i];
    return {
      id: n + 1,
      code: s.code,
      name: s.name,
      townshipCode: places.townships[s.township].code,
      population: s.population,
      households: Math.round(s.population / a.rng.range(3.0, 3.4)),
      kind: s.kind,
      areaKm2: area ? areaKm2(area) : Math.round(a.rng.range(0.15, 0.45) * 100) / 100,
      location: toLngLat(s.p),
    };
  });
  const villageAreas: VillageArea[] = order
    .filter((i) => a.areas[i])
    .map((i, n) => ({ id: n + 1, villageCode: sites[i].code, coordinates: projectMulti(a.areas[i]!) }));
  const facilities: Facility[] = a.facilityDrafts.map(({ p, ...f }, i) => ({ id: i + 1, ...f, location: toLngLat(p) }));
  const roads: Road[] = a.net.roads
    .map((r) => ({ r, coordinates: ringToLngLat(r.pts) }))
    .filter(({ coordinates }) => coordinates.length >= 2)
    .map(({ r, coordinates }, i) => ({ id: i + 1, name: r.name, roadClass: r.roadClass, speedKmh: null, oneway: false, bridge: r.bridge, coordinates }));

  const countyBoundary = [ringToLngLat(a.terrain.countyRing)];
  const rivers: DemoRiver[] = [{ name: '清水河', coordinates: a.river.line.map(toLngLat), widthM: RIVER_WIDTH_M }];
  const lakes = [[ringToLngLat([...a.lake.ring, a.lake.ring[0]])]];
  const thc = (role: string): string => `THC-${places.townships.find((t) => t.role === role)!.code}`;
  const code = (i: number): string => sites[i].code;
  const cases: DemoCases = {
    smallBlankNearNeighbour: code(plan.near.blank),
    remoteSmallBlank: code(0),
    largeBlankFar: code(1),
    adjacentSmallBlanks: [code(plan.pair[0]), code(plan.pair[1])],
    clinicWithoutQualifiedDoctor: plan.zeroStaff.map(code).sort(),
    thcTier1: [thc('sub_center'), thc('city_side')].sort(),
    thcTier2: [thc('river'), thc('remote'), thc('mountain')].sort(),
    thcTier3: [thc('mountain_weak'), thc('weak')].sort(),
    thcWithoutPublicHealth: [thc('mountain_weak'), thc('weak')].sort(),
    settlements: sites.filter((s) => s.kind === 'settlement').map((s) => s.code).sort(),
  };
  const placesOut: DemoPlace[] = [
    ...places.townships.map((t): DemoPlace => ({ name: t.role === 'county_seat' ? '示例县' : t.name, kind: t.role === 'county_seat' ? 'county_seat' : 'town', townshipCode: t.code, location: toLngLat(t.seat) })),
    { name: '示例市', kind: 'city', townshipCode: null, location: toLngLat(places.city) },
  ];
  const all: LngLat[] = [...countyBoundary[0], ...rivers[0].coordinates, ...roads.flatMap((r) => r.coordinates), ...facilities.map((f) => f.location)];
  const bbox: [number, number, number, number] = [
    Math.min(...all.map((c) => c[0])),
    Math.min(...all.map((c) => c[1])),
    Math.max(...all.map((c) => c[0])),
    Math.max(...all.map((c) => c[1])),
  ];
  const elevation = a.elevation;
  return {
    title: DEMO_TITLE,
    countyCode: COUNTY_CODE,
    townships,
    villages,
    villageAreas,
    facilities,
    roads,
    postings: a.postings,
    countyBoundary,
    rivers,
    lakes,
    places: placesOut,
    elevation: (lng, lat) => elevation(toKm(lng, lat)),
    bbox,
    cases,
  };
}

export { CODES as DEMO_CODES };
