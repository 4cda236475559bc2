/**
 * Maps any road class value to one of the Chinese road administration classes the rules table
 * has speeds for (`ROAD_CLASSES`). Raw OSM `highway` values and common Chinese labels from
 * spreadsheets both occur in project data; the OSM importer uses this same mapping.
 */
import { ROAD_CLASSES } from '../domain/types.js';

export type ChineseRoadClass = (typeof ROAD_CLASSES)[number];

/** Unknown values: a village road is the cautious middle (slower than main roads, faster than tracks). */
export const FALLBACK_ROAD_CLASS: ChineseRoadClass = 'village';

const MAPPING: Record<string, ChineseRoadClass> = {
  // OSM highway=* (and their *_link ramps, stripped below)
  motorway: 'national',
  trunk: 'national',
  primary: 'national',
  secondary: 'provincial',
  tertiary: 'county',
  unclassified: 'township',
  residential: 'village',
  service: 'village',
  living_street: 'village',
  road: 'village',
  pedestrian: 'track',
  track: 'track',
  path: 'track',
  footway: 'track',
  bridleway: 'track',
  steps: 'track',
  cycleway: 'track',
  // Chinese labels (国道 / 省道 / 县道 / 乡道 / 村道 / 机耕道)
  国道: 'national',
  高速: 'national',
  高速公路: 'national',
  省道: 'provincial',
  县道: 'county',
  乡道: 'township',
  村道: 'village',
  村级道路: 'village',
  机耕道: 'track',
  机耕路: 'track',
  小路: 'track',
  步道: 'track',
};

export function roadClassFor(value: string): ChineseRoadClass {
  const v = String(value ?? '').trim().toLowerCase();
  if ((ROAD_CLASSES as readonly string[]).includes(v)) return v as ChineseRoadClass;
  return MAPPING[v] ?? MAPPING[v.replace(/_link$/, '')] ?? FALLBACK_ROAD_CLASS;
}
