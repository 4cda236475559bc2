/**
 * Colours and sizes shared by the map style and the legend, so the legend always shows the
 * symbols the map draws. Pure constants.
 */
import type { FacilityLevel } from '../../../electron/domain/types.js';

export const FONT_STACK = ['Noto Sans CJK SC', 'Microsoft YaHei', 'sans-serif'];
export const CJK_FONT_FAMILY = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export interface FacilitySymbol {
  color: string;
  /** Circle radius in pixels at zoom 12. */
  radius: number;
  /** Draw a white cross on the circle (hospitals and health centres, not village clinics). */
  cross: boolean;
}

/** County and city hospitals biggest, village clinics smallest (the tiers of H1). */
export const FACILITY_SYMBOLS: Record<FacilityLevel, FacilitySymbol> = {
  village_clinic: { color: '#2e9d4a', radius: 4.5, cross: false },
  township_hc: { color: '#1f6fd1', radius: 7.5, cross: true },
  community_hc: { color: '#0f8d8a', radius: 7.5, cross: true },
  sub_center: { color: '#7b3fb8', radius: 9.5, cross: true },
  county_hospital: { color: '#d0312d', radius: 11.5, cross: true },
  county_tcm_hospital: { color: '#c8651b', radius: 11.5, cross: true },
  city_hospital: { color: '#8c1d40', radius: 12.5, cross: true },
};

export const VILLAGE_COLORS = {
  village: { fill: '#5b6f86', stroke: '#ffffff' },
  settlement: { fill: '#e0a526', stroke: '#7a5200' },
  blankRing: '#e53935',
};

/** Project road classes: colour, casing colour, width in px at zoom 12, dashed. */
export const ROAD_STYLES: Record<string, { color: string; casing: string; width: number; dashed?: boolean }> = {
  national: { color: '#e0613a', casing: '#9c3b1f', width: 3.4 },
  provincial: { color: '#f0922e', casing: '#a65c12', width: 2.8 },
  county: { color: '#f4cb3c', casing: '#a68614', width: 2.2 },
  township: { color: '#ffffff', casing: '#8c8476', width: 1.8 },
  village: { color: '#ffffff', casing: '#a59d8f', width: 1.2 },
  track: { color: '#a8916a', casing: 'rgba(0,0,0,0)', width: 0.9, dashed: true },
};
export const ROAD_OTHER = { color: '#d9d4ca', casing: '#a59d8f', width: 1 };
export const BRIDGE_CASING = '#3f3a33';

export const TOWNSHIP_COLORS = { fill: '#7e57c2', line: '#6a4fa3', label: '#4a3a75' };
export const VILLAGE_AREA_LINE = '#9b9282';
export const SELECTION_COLOR = '#00b8d9';

/**
 * Coverage analysis: a sequential ramp from near (light) to far (dark) for travel-time bands,
 * a grey that reads as "no value" for unreachable villages, and the blank/beyond marks.
 */
export const COVERAGE_RAMP = ['#fee08b', '#fdae61', '#f46d43', '#d73027', '#a50026', '#67001f'];
export const COVERAGE_COLORS = {
  unreachable: '#9e9e9e',
  /** Dot outline of villages within the standard, and of villages beyond it (thicker). */
  stroke: '#5d4037',
  beyondStroke: '#1a1a1a',
  /** The cross drawn on blank villages (no clinic or no qualified doctor). */
  blankCross: '#1565c0',
  blankHalo: '#ffffff',
};
/** Fill opacity of the isochrone bands (low: the villages and roads must stay readable). */
export const ISOCHRONE_OPACITY = 0.22;

/**
 * Planning proposals (规划建议图): villages by effective service mode in the Okabe-Ito
 * colour-blind-safe palette, 'covered' a muted grey so the villages needing action stand out;
 * merge links and host rings in the colour of their kind; THCs ringed by support tier (with the
 * tier number drawn beside, so colour is never the only cue).
 */
export const SERVICE_MODE_COLORS: Record<'covered' | 'neighbour' | 'joint_clinic' | 'tour' | 'posting' | 'county_backfill', string> = {
  covered: '#c9ced6',
  neighbour: '#56b4e9',
  joint_clinic: '#009e73',
  tour: '#e69f00',
  posting: '#d55e00',
  county_backfill: '#cc79a7',
};
export const PLANNING_COLORS = {
  /** No proposal (missing data) or the proposal rejected: white with a dark outline. */
  none: '#ffffff',
  noneStroke: '#37474f',
  stroke: '#ffffff',
  coveredStroke: '#8d96a3',
  /** Overridden decisions: a thick dark outline. */
  overriddenStroke: '#212121',
  neighbourLink: '#1f78b4',
  jointLink: '#00795a',
};
export const TIER_COLORS: Record<'1' | '2' | '3' | 'unranked', string> = {
  '1': '#0072b2',
  '2': '#e69f00',
  '3': '#b2182b',
  unranked: '#9e9e9e',
};
