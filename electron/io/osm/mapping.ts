/**
 * Pure tag → domain mapping of the OSM import (no I/O): which OSM objects become roads,
 * villages and facilities, and how their attributes are read.
 */
import type { FacilityLevel, RoadClass } from '../../domain/types.js';
import { roadClassFor } from '../../engine/speeds.js';

type Tags = Record<string, string>;

/** Display name: Chinese first (name:zh, name:zh-Hans), then the local name. */
export function osmName(tags: Tags): string | null {
  for (const k of ['name:zh', 'name:zh-Hans', 'name']) {
    const v = tags[k]?.trim();
    if (v) return v;
  }
  return null;
}

export interface RoadAttributes {
  roadClass: RoadClass;
  oneway: boolean;
  /** oneway=-1: the way's direction of travel is against its node order. */
  reverse: boolean;
  bridge: boolean;
  speedKmh: number | null;
  name: string | null;
}

/**
 * OSM `highway` values imported as roads. Everything else (proposed, construction, platform,
 * bus_stop, pedestrian, corridor, raceway, …) is skipped. The Chinese class of an imported road
 * comes from the engine's `roadClassFor` (electron/engine/speeds.ts), the one mapping the travel
 * time engine also uses: motorway/trunk/primary(+_link) → national, secondary → provincial,
 * tertiary → county, unclassified → township, residential/service/living_street → village,
 * track/path/footway/bridleway/cycleway/steps → track (and `road` as the engine maps it).
 */
export const ROAD_HIGHWAYS: ReadonlySet<string> = new Set([
  'motorway', 'trunk', 'primary', 'secondary', 'tertiary',
  'motorway_link', 'trunk_link', 'primary_link', 'secondary_link', 'tertiary_link',
  'unclassified', 'road', 'residential', 'service', 'living_street',
  'track', 'path', 'footway', 'bridleway', 'cycleway', 'steps',
]);

/**
 * Road attributes of a way, or null when the way is not a routable road: no `highway`, a value
 * outside {@link ROAD_HIGHWAYS}, or area=yes.
 */
export function roadAttributes(tags: Tags): RoadAttributes | null {
  const highway = tags.highway;
  if (!highway || !ROAD_HIGHWAYS.has(highway) || tags.area === 'yes') return null;
  const roadClass = roadClassFor(highway);
  const ow = tags.oneway;
  let oneway = false;
  let reverse = false;
  if (ow === 'yes' || ow === '1' || ow === 'true') oneway = true;
  else if (ow === '-1' || ow === 'reverse') {
    oneway = true;
    reverse = true;
  } else if (ow === undefined) {
    // Implied one-way: motorways (and their links) and roundabouts, unless tagged otherwise.
    oneway = highway === 'motorway' || highway === 'motorway_link' || tags.junction === 'roundabout' || tags.junction === 'circular';
  }
  const bridge = tags.bridge !== undefined && tags.bridge !== 'no';
  return { roadClass, oneway, reverse, bridge, speedKmh: parseMaxspeed(tags.maxspeed), name: osmName(tags) };
}

/** `maxspeed` in km/h: "50", "50 km/h", "30 mph", "10 knots"; null for "none", "walk", "RU:urban", "50;30", … */
export function parseMaxspeed(v: string | undefined): number | null {
  if (!v) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph|knots)?\s*$/i.exec(v);
  if (!m) return null;
  let kmh = Number(m[1]);
  const unit = m[2]?.toLowerCase();
  if (unit === 'mph') kmh *= 1.609344;
  else if (unit === 'knots') kmh *= 1.852;
  kmh = Math.round(kmh * 10) / 10;
  return kmh > 0 && kmh < 400 ? kmh : null;
}

/** A plain count ("1234", "1,234", "1 234", "1.234" as thousands): else null (no guessing). */
export function parseCount(v: string | undefined): number | null {
  if (!v) return null;
  const s = v.trim();
  let digits: string | null = null;
  if (/^\d+$/.test(s)) digits = s;
  else if (/^\d{1,3}([,.'\u00a0\u202f ]\d{3})+$/.test(s)) digits = s.replace(/\D/g, '');
  if (digits === null) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

export const PLACE_TYPES = ['village', 'hamlet', 'town'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

export function placeType(tags: Tags): PlaceType | null {
  const p = tags.place;
  return p === 'village' || p === 'hamlet' || p === 'town' ? p : null;
}

/**
 * Health facility level of an OSM object, or null. amenity/healthcare=hospital → county hospital;
 * amenity=clinic|doctors, healthcare=clinic|doctor|centre → village clinic. Pharmacies, dentists,
 * laboratories, physiotherapists etc. are not facilities of this product.
 */
export function facilityLevel(tags: Tags): FacilityLevel | null {
  const a = tags.amenity;
  const h = tags.healthcare;
  if (a === 'hospital' || h === 'hospital') return 'county_hospital';
  if (a === 'clinic' || a === 'doctors' || h === 'clinic' || h === 'doctor' || h === 'centre') return 'village_clinic';
  return null;
}

/** Average people per household used to derive households from an OSM population. */
export const PERSONS_PER_HOUSEHOLD = 3.2;

/** Synthetic 9-digit township code for OSM villages (OSM carries no Chinese division codes). */
export const OSM_TOWNSHIP_CODE = '990000000';
/** Synthetic village codes: '990000' + 6-digit sequence, so at most 999,999 villages. */
export const OSM_VILLAGE_CODE_PREFIX = '990000';
export const MAX_OSM_VILLAGES = 999_999;

export function osmVillageCode(seq: number): string {
  return OSM_VILLAGE_CODE_PREFIX + String(seq).padStart(6, '0');
}

/**
 * Centroid of a closed ring (lon/lat, first = last) by the shoelace formula; the vertex mean when
 * the ring has no area. Planar in degrees: good enough for a building-sized polygon.
 */
export function ringCentroid(ring: [number, number][]): [number, number] {
  const n = ring.length;
  // Relative to the first vertex, for precision.
  const [x0, y0] = ring[0];
  let a2 = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n - 1; i++) {
    const xa = ring[i][0] - x0;
    const ya = ring[i][1] - y0;
    const xb = ring[i + 1][0] - x0;
    const yb = ring[i + 1][1] - y0;
    const cross = xa * yb - xb * ya;
    a2 += cross;
    cx += (xa + xb) * cross;
    cy += (ya + yb) * cross;
  }
  if (Math.abs(a2) < 1e-18) {
    let sx = 0;
    let sy = 0;
    const m = n > 1 ? n - 1 : n;
    for (let i = 0; i < m; i++) {
      sx += ring[i][0];
      sy += ring[i][1];
    }
    return [sx / m, sy / m];
  }
  return [x0 + cx / (3 * a2), y0 + cy / (3 * a2)];
}
