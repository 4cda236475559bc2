/**
 * Project layers drawn over the basemap: GeoJSON sources fed from api.getLayer, with the
 * symbols of the legend (palette.ts). Layer ids are stable: tests query 'villages-circle' and
 * 'facilities-circle'.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { FACILITY_LEVELS } from '../../../electron/domain/types.js';
import type { LayerName } from '../../../electron/api/schema.js';
import type { LayerToggle } from '../state/layersSlice.js';
import {
  BRIDGE_CASING,
  COVERAGE_COLORS,
  FACILITY_SYMBOLS,
  FONT_STACK,
  ISOCHRONE_OPACITY,
  ROAD_OTHER,
  ROAD_STYLES,
  SELECTION_COLOR,
  TOWNSHIP_COLORS,
  VILLAGE_AREA_LINE,
  VILLAGE_COLORS,
} from './palette.js';
import { zoomWidth } from './style.js';

/** GeoJSON source id of each project layer. */
export const SOURCE_IDS: Record<LayerName, string> = {
  townships: 'p-townships',
  village_areas: 'p-village_areas',
  roads: 'p-roads',
  villages: 'p-villages',
  facilities: 'p-facilities',
};
export const TOWNSHIP_LABEL_SOURCE = 'p-township-labels';
export const SELECTION_SOURCE = 'p-selection';
/** Coverage analysis: village dots coloured by minutes, and the travel-time bands. */
export const COVERAGE_SOURCE = 'a-coverage';
export const ISOCHRONE_SOURCE = 'a-isochrones';
/** Planning proposals: village dots by service mode, merge links and hosts, THCs by support tier. */
export const PLANNING_SOURCES = {
  villages: 'pl-villages',
  links: 'pl-links',
  hosts: 'pl-hosts',
  thcs: 'pl-thcs',
} as const;

/** The layers a pointer can hover or click, most specific first, with the project layer they show. */
export const INTERACTIVE_LAYERS: readonly { id: string; layer: LayerName }[] = [
  { id: 'facilities-circle', layer: 'facilities' },
  { id: 'villages-circle', layer: 'villages' },
  { id: 'roads-line', layer: 'roads' },
  { id: 'townships-fill', layer: 'townships' },
];

// ---- expressions ------------------------------------------------------------------------------

function facilityMatch(pick: (level: (typeof FACILITY_LEVELS)[number]) => number | string, fallback: number | string): ExpressionSpecification {
  const args: (string | number)[] = [];
  for (const level of FACILITY_LEVELS) args.push(level, pick(level));
  return ['match', ['get', 'level'], ...args, fallback] as unknown as ExpressionSpecification;
}

function roadMatch(pick: (s: { color: string; casing: string; width: number }) => number | string): ExpressionSpecification {
  const args: (string | number)[] = [];
  for (const [cls, s] of Object.entries(ROAD_STYLES)) args.push(cls, pick(s));
  return ['match', ['get', 'roadClass'], ...args, pick(ROAD_OTHER)] as unknown as ExpressionSpecification;
}

/** Village dot radius at zoom 12, by the square root of population (area ∝ population). */
const villageRadius: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['sqrt', ['max', 0, ['to-number', ['get', 'population'], 0]]],
  0, 2.5,
  20, 4,
  40, 6.5,
  70, 10,
  110, 14,
];

/** Scales a radius at zoom 12 with the zoom (smaller when zoomed out). */
function zoomRadius(r: ExpressionSpecification | number, extra: number | ExpressionSpecification = 0): ExpressionSpecification {
  return [
    'interpolate', ['linear'], ['zoom'],
    8, ['+', extra, ['*', 0.55, r]],
    12, ['+', extra, r],
    16, ['+', extra, ['*', 1.6, r]],
  ] as ExpressionSpecification;
}

const isBridge: ExpressionSpecification = ['==', ['get', 'bridge'], true];

// ---- layers -----------------------------------------------------------------------------------

/** Layers under the labels, bottom first. */
export function projectLayers(): LayerSpecification[] {
  const facilityRadius = facilityMatch((l) => FACILITY_SYMBOLS[l].radius, 6);
  return [
    {
      id: 'townships-fill',
      type: 'fill',
      source: SOURCE_IDS.townships,
      paint: { 'fill-color': TOWNSHIP_COLORS.fill, 'fill-opacity': 0.05 },
    },
    {
      id: 'townships-line',
      type: 'line',
      source: SOURCE_IDS.townships,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': TOWNSHIP_COLORS.line,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.9, 13, 1.8],
        'line-dasharray': [4, 2],
        'line-opacity': 0.85,
      },
    },
    {
      id: 'village_areas-line',
      type: 'line',
      source: SOURCE_IDS.village_areas,
      minzoom: 11.5,
      paint: { 'line-color': VILLAGE_AREA_LINE, 'line-width': 0.6, 'line-opacity': 0.8, 'line-dasharray': [2, 2] },
    },
    {
      id: 'roads-bridge-casing',
      type: 'line',
      source: SOURCE_IDS.roads,
      filter: isBridge,
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: { 'line-color': BRIDGE_CASING, 'line-width': zoomWidth(['+', 3.5, roadMatch((s) => s.width)] as ExpressionSpecification) },
    },
    {
      id: 'roads-casing',
      type: 'line',
      source: SOURCE_IDS.roads,
      filter: ['!=', ['get', 'roadClass'], 'track'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': roadMatch((s) => s.casing),
        'line-width': zoomWidth(['+', 1.4, roadMatch((s) => s.width)] as ExpressionSpecification),
      },
    },
    {
      id: 'roads-line',
      type: 'line',
      source: SOURCE_IDS.roads,
      filter: ['!=', ['get', 'roadClass'], 'track'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': roadMatch((s) => s.color), 'line-width': zoomWidth(roadMatch((s) => s.width)) },
    },
    {
      // Tracks dashed; a separate layer because line-dasharray cannot depend on data.
      id: 'roads-track',
      type: 'line',
      source: SOURCE_IDS.roads,
      filter: ['==', ['get', 'roadClass'], 'track'],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': ROAD_STYLES.track.color, 'line-width': zoomWidth(ROAD_STYLES.track.width), 'line-dasharray': [3, 2] },
    },
    {
      id: 'villages-blank-ring',
      type: 'circle',
      source: SOURCE_IDS.villages,
      filter: ['==', ['get', 'blank'], true],
      paint: {
        'circle-radius': zoomRadius(villageRadius, 3),
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': VILLAGE_COLORS.blankRing,
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 13, 2.5],
      },
    },
    {
      id: 'villages-circle',
      type: 'circle',
      source: SOURCE_IDS.villages,
      paint: {
        'circle-radius': zoomRadius(villageRadius),
        'circle-color': ['match', ['get', 'kind'], 'settlement', VILLAGE_COLORS.settlement.fill, VILLAGE_COLORS.village.fill],
        'circle-stroke-color': ['match', ['get', 'kind'], 'settlement', VILLAGE_COLORS.settlement.stroke, VILLAGE_COLORS.village.stroke],
        'circle-stroke-width': ['match', ['get', 'kind'], 'settlement', 1.6, 1],
        'circle-opacity': 0.9,
      },
    },
    {
      id: 'facilities-circle',
      type: 'circle',
      source: SOURCE_IDS.facilities,
      layout: { 'circle-sort-key': facilityRadius },
      paint: {
        'circle-radius': zoomRadius(facilityRadius),
        'circle-color': facilityMatch((l) => FACILITY_SYMBOLS[l].color, '#555555'),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 13, 1.6],
      },
    },
    {
      // A white cross marks hospitals and health centres (village clinics are plain dots).
      id: 'facilities-cross',
      type: 'symbol',
      source: SOURCE_IDS.facilities,
      filter: ['!=', ['get', 'level'], 'village_clinic'],
      minzoom: 9,
      layout: {
        'text-field': '+',
        'text-font': FONT_STACK,
        'text-size': zoomRadius(['*', 1.9, facilityRadius] as ExpressionSpecification),
        'text-allow-overlap': true,
        'text-ignore-placement': true,
        'text-offset': [0, -0.05],
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: 'selection-fill',
      type: 'line',
      source: SELECTION_SOURCE,
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      paint: { 'line-color': SELECTION_COLOR, 'line-width': 3, 'line-opacity': 0.9 },
    },
    {
      id: 'selection-line',
      type: 'line',
      source: SELECTION_SOURCE,
      filter: ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': SELECTION_COLOR, 'line-width': zoomWidth(6), 'line-opacity': 0.55 },
    },
    {
      id: 'selection-point',
      type: 'circle',
      source: SELECTION_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 10, 14, 18],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': SELECTION_COLOR,
        'circle-stroke-width': 3,
      },
    },
  ];
}

/** Label layers, drawn above everything else; later entries win label collisions (facilities last). */
export function projectLabelLayers(): LayerSpecification[] {
  return [
    {
      id: 'roads-label',
      type: 'symbol',
      source: SOURCE_IDS.roads,
      minzoom: 12,
      filter: ['has', 'name'],
      layout: {
        'symbol-placement': 'line',
        'text-field': ['coalesce', ['get', 'name'], ''],
        'text-font': FONT_STACK,
        'text-size': 11,
      },
      paint: { 'text-color': '#5a4a32', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
    },
    {
      id: 'townships-label',
      type: 'symbol',
      source: TOWNSHIP_LABEL_SOURCE,
      maxzoom: 14,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_STACK,
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 12, 12, 16],
        'text-letter-spacing': 0.15,
        'text-allow-overlap': false,
      },
      paint: { 'text-color': TOWNSHIP_COLORS.label, 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 1.8, 'text-opacity': 0.85 },
    },
    {
      id: 'villages-label',
      type: 'symbol',
      source: SOURCE_IDS.villages,
      minzoom: 11,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_STACK,
        'text-size': ['interpolate', ['linear'], ['zoom'], 11, 11, 15, 13],
        'text-anchor': 'top',
        'text-offset': [0, 0.8],
        'text-padding': 2,
        'symbol-sort-key': ['-', 0, ['to-number', ['get', 'population'], 0]],
      },
      paint: {
        'text-color': ['case', ['==', ['get', 'blank'], true], '#b71c1c', '#3b4a5a'],
        'text-halo-color': 'rgba(255,255,255,0.95)',
        'text-halo-width': 1.4,
      },
    },
    {
      id: 'facilities-label',
      type: 'symbol',
      source: SOURCE_IDS.facilities,
      filter: ['any', ['!=', ['get', 'level'], 'village_clinic'], ['>=', ['zoom'], 13]] as unknown as ExpressionSpecification,
      minzoom: 9.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_STACK,
        'text-size': facilityMatch((l) => (FACILITY_SYMBOLS[l].radius >= 9 ? 13 : 11.5), 11),
        'text-anchor': 'left',
        'text-offset': [1.1, 0],
        'text-padding': 2,
        'symbol-sort-key': facilityMatch((l) => -FACILITY_SYMBOLS[l].radius, 0),
      },
      paint: {
        'text-color': facilityMatch((l) => FACILITY_SYMBOLS[l].color, '#333333'),
        'text-halo-color': 'rgba(255,255,255,0.95)',
        'text-halo-width': 1.6,
      },
    },
  ];
}

/** INTERACTIVE_LAYERS with the coverage dots (which hide 'villages-circle' while shown) picked as villages. */
export const PICK_LAYERS: readonly { id: string; layer: LayerName }[] = [
  INTERACTIVE_LAYERS[0],
  { id: 'planning-villages', layer: 'villages' },
  { id: 'coverage-villages', layer: 'villages' },
  ...INTERACTIVE_LAYERS.slice(1),
];

/**
 * Coverage analysis layers and the layer each goes below: the travel-time bands under the roads,
 * the coloured village dots (with a cross on blank villages) under the facilities. Layer ids are
 * stable: tests query 'coverage-villages' and 'isochrones-fill'.
 */
export function analysisLayers(): { layer: LayerSpecification; before: string }[] {
  const beyond: ExpressionSpecification = ['==', ['get', 'beyond'], true];
  return [
    {
      before: 'roads-bridge-casing',
      layer: {
        id: 'isochrones-fill',
        type: 'fill',
        source: ISOCHRONE_SOURCE,
        paint: { 'fill-color': ['get', 'color'], 'fill-opacity': ISOCHRONE_OPACITY, 'fill-antialias': false },
      },
    },
    {
      before: 'roads-bridge-casing',
      layer: {
        id: 'isochrones-line',
        type: 'line',
        source: ISOCHRONE_SOURCE,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': ['get', 'color'], 'line-width': 0.8, 'line-opacity': 0.45 },
      },
    },
    {
      before: 'facilities-circle',
      layer: {
        id: 'coverage-villages',
        type: 'circle',
        source: COVERAGE_SOURCE,
        layout: { 'circle-sort-key': ['case', beyond, 1, 0] },
        paint: {
          // Larger than the plain village dot, so the colour shows around a village clinic drawn on
          // top; villages beyond the standard a little larger still, with a thick dark outline.
          'circle-radius': zoomRadius(villageRadius, ['case', beyond, 3.5, 2.5]),
          'circle-color': ['get', 'color'],
          'circle-stroke-color': ['case', beyond, COVERAGE_COLORS.beyondStroke, COVERAGE_COLORS.stroke],
          'circle-stroke-width': ['case', beyond, 2.2, 0.7],
          'circle-opacity': 0.95,
        },
      },
    },
    {
      before: 'facilities-circle',
      layer: {
        id: 'coverage-blank',
        type: 'symbol',
        source: COVERAGE_SOURCE,
        filter: ['==', ['get', 'blank'], true],
        layout: {
          'text-field': '×',
          'text-font': FONT_STACK,
          'text-size': zoomRadius(['*', 2.6, villageRadius] as ExpressionSpecification, 12),
          'text-allow-overlap': true,
          'text-ignore-placement': true,
          'text-offset': [0, -0.04],
        },
        paint: { 'text-color': COVERAGE_COLORS.blankCross, 'text-halo-color': COVERAGE_COLORS.blankHalo, 'text-halo-width': 1.4 },
      },
    },
  ];
}

/** Map layer ids each layer-panel toggle shows or hides. */
export function layerIdsOf(toggle: LayerToggle, allLayerIds: readonly string[]): string[] {
  if (toggle === 'basemap') return allLayerIds.filter((id) => id.startsWith('bm-') && id !== 'bm-background');
  const prefix = `${toggle}-`;
  return allLayerIds.filter((id) => id.startsWith(prefix));
}

/**
 * The proposals map (规划建议图) and the layer each goes below: merge links under the village
 * dots, village dots by effective mode (replacing the coverage dots while shown), host rings, THC
 * tier rings under the facility symbols and the tier number above them. Layer ids are stable:
 * tests query 'planning-villages', 'planning-links-*' and 'planning-thc-ring'.
 */
export function planningLayers(): { layer: LayerSpecification; before?: string }[] {
  const thcRadius = FACILITY_SYMBOLS.township_hc.radius;
  return [
    {
      before: 'facilities-circle',
      layer: {
        id: 'planning-links-neighbour',
        type: 'line',
        source: PLANNING_SOURCES.links,
        filter: ['==', ['get', 'kind'], 'neighbour'],
        layout: { 'line-cap': 'butt', 'line-join': 'round' },
        paint: { 'line-color': ['get', 'color'], 'line-width': zoomWidth(1.8), 'line-dasharray': [2.5, 1.6], 'line-opacity': 0.95 },
      },
    },
    {
      before: 'facilities-circle',
      layer: {
        id: 'planning-links-joint',
        type: 'line',
        source: PLANNING_SOURCES.links,
        filter: ['==', ['get', 'kind'], 'joint_clinic'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': ['get', 'color'], 'line-width': zoomWidth(2.2), 'line-opacity': 0.95 },
      },
    },
    {
      before: 'facilities-circle',
      layer: {
        id: 'planning-villages',
        type: 'circle',
        source: PLANNING_SOURCES.villages,
        // Villages needing action drawn over covered ones.
        layout: { 'circle-sort-key': ['case', ['==', ['get', 'mode'], 'covered'], 0, 1] },
        paint: {
          'circle-radius': zoomRadius(villageRadius, 2),
          'circle-color': ['get', 'color'],
          'circle-stroke-color': ['get', 'stroke'],
          'circle-stroke-width': ['get', 'strokeWidth'],
          'circle-opacity': ['case', ['==', ['get', 'mode'], 'covered'], 0.8, 0.97],
        },
      },
    },
    {
      before: 'facilities-circle',
      layer: {
        id: 'planning-hosts',
        type: 'circle',
        source: PLANNING_SOURCES.hosts,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 7, 12, 12, 16, 18],
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': ['get', 'color'],
          'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 8, 1.8, 13, 3],
        },
      },
    },
    {
      before: 'facilities-circle',
      layer: {
        id: 'planning-thc-ring',
        type: 'circle',
        source: PLANNING_SOURCES.thcs,
        paint: {
          'circle-radius': zoomRadius(thcRadius, 4),
          'circle-color': ['get', 'color'],
          'circle-opacity': 0.25,
          'circle-stroke-color': ['get', 'color'],
          'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 13, 4],
        },
      },
    },
    {
      layer: {
        id: 'planning-thc-tier',
        type: 'symbol',
        source: PLANNING_SOURCES.thcs,
        filter: ['!=', ['get', 'label'], ''],
        layout: {
          'text-field': ['get', 'label'],
          'text-font': FONT_STACK,
          'text-size': ['interpolate', ['linear'], ['zoom'], 8, 10, 13, 13],
          'text-anchor': 'bottom-right',
          'text-offset': [-0.7, -0.5],
          'text-allow-overlap': true,
          'text-ignore-placement': true,
        },
        paint: { 'text-color': '#ffffff', 'text-halo-color': ['get', 'color'], 'text-halo-width': 3 },
      },
    },
  ];
}

/** Layers hidden while the proposals map is shown (a thematic map of its own: its village dots replace the coverage dots and bands). */
export const REPLACED_BY_PLANNING: ReadonlySet<string> = new Set(['coverage-villages', 'coverage-blank', 'villages-blank-ring', 'isochrones-fill', 'isochrones-line']);

// ---- weekly tour routes (巡诊排班) ----------------------------------------------------------------

/** Tour routes of the depot shown in the tours tab: lines, direction arrows, numbered stops, the depot. */
export const TOUR_SOURCES = {
  routes: 'tr-routes',
  arrows: 'tr-arrows',
  stops: 'tr-stops',
  depot: 'tr-depot',
} as const;
/** Image id of the direction arrow (an SDF icon drawn by the controller, tinted per route). */
export const TOUR_ARROW_IMAGE = 'tour-arrow';

const tourOpacity = (on: number, dim: number): ExpressionSpecification => ['case', ['boolean', ['get', 'dimmed'], false], dim, on] as unknown as ExpressionSpecification;
const tourSortKey: ExpressionSpecification = ['case', ['boolean', ['get', 'highlighted'], false], 2, ['boolean', ['get', 'dimmed'], false], 0, 1] as unknown as ExpressionSpecification;

/**
 * The tour layers, all on top of the project and analysis layers (ids start with 'tour-'; tests
 * query 'tour-routes' and 'tour-stops'). One colour per team-day (the calendar's); the highlighted
 * route drawn wider and on top, the others faded.
 */
export function tourLayers(): LayerSpecification[] {
  return [
    {
      id: 'tour-routes-casing',
      type: 'line',
      source: TOUR_SOURCES.routes,
      layout: { 'line-cap': 'round', 'line-join': 'round', 'line-sort-key': tourSortKey },
      paint: {
        'line-color': '#ffffff',
        'line-width': zoomWidth(['case', ['boolean', ['get', 'highlighted'], false], 8, 5.5] as unknown as ExpressionSpecification),
        'line-opacity': tourOpacity(0.9, 0.3),
        'line-offset': ['get', 'offset'],
      },
    },
    {
      id: 'tour-routes',
      type: 'line',
      source: TOUR_SOURCES.routes,
      layout: { 'line-cap': 'round', 'line-join': 'round', 'line-sort-key': tourSortKey },
      paint: {
        'line-color': ['get', 'color'],
        'line-width': zoomWidth(['case', ['boolean', ['get', 'highlighted'], false], 5, 3] as unknown as ExpressionSpecification),
        'line-opacity': tourOpacity(0.95, 0.3),
        'line-offset': ['get', 'offset'],
      },
    },
    {
      id: 'tour-arrows',
      type: 'symbol',
      source: TOUR_SOURCES.arrows,
      layout: {
        'icon-image': TOUR_ARROW_IMAGE,
        'icon-rotate': ['get', 'bearing'],
        'icon-rotation-alignment': 'map',
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 8, 0.75, 12, 1, 15, 1.3],
        'symbol-sort-key': tourSortKey,
      },
      paint: { 'icon-color': ['get', 'color'], 'icon-halo-color': '#ffffff', 'icon-halo-width': 1.5, 'icon-opacity': tourOpacity(1, 0.35) },
    },
    {
      id: 'tour-depot',
      type: 'circle',
      source: TOUR_SOURCES.depot,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 9, 13, 14],
        'circle-color': '#ffffff',
        'circle-stroke-color': '#1a1a1a',
        'circle-stroke-width': 3,
      },
    },
    {
      id: 'tour-depot-label',
      type: 'symbol',
      source: TOUR_SOURCES.depot,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_STACK,
        'text-size': 12,
        'text-anchor': 'top',
        'text-offset': [0, 1.2],
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
    {
      id: 'tour-stops',
      type: 'circle',
      source: TOUR_SOURCES.stops,
      layout: { 'circle-sort-key': tourSortKey },
      paint: {
        'circle-radius': ['case', ['boolean', ['get', 'highlighted'], false], 11, 9],
        'circle-color': ['get', 'color'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
        'circle-opacity': tourOpacity(1, 0.4),
        'circle-stroke-opacity': tourOpacity(1, 0.4),
      },
    },
    {
      id: 'tour-stop-labels',
      type: 'symbol',
      source: TOUR_SOURCES.stops,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_STACK,
        'text-size': 12,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
        'symbol-sort-key': tourSortKey,
      },
      paint: { 'text-color': '#ffffff', 'text-opacity': tourOpacity(1, 0.45) },
    },
  ];
}

/** An upward arrowhead as a signed distance field (TinySDF encoding: edge at 0.75, 8 px radius), for per-route tinting. */
export function tourArrowImage(size = 32): { width: number; height: number; data: Uint8Array } {
  const poly: [number, number][] = [
    [size / 2, size * 0.14],
    [size * 0.82, size * 0.8],
    [size / 2, size * 0.64],
    [size * 0.18, size * 0.8],
  ];
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      let inside = false;
      let dmin = Infinity;
      for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
        const [xi, yi] = poly[i];
        const [xj, yj] = poly[j];
        if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
        const dx = xj - xi;
        const dy = yj - yi;
        const t = Math.max(0, Math.min(1, ((px - xi) * dx + (py - yi) * dy) / (dx * dx + dy * dy)));
        dmin = Math.min(dmin, Math.hypot(px - (xi + t * dx), py - (yi + t * dy)));
      }
      const d = inside ? -dmin : dmin;
      data[(y * size + x) * 4 + 3] = Math.max(0, Math.min(255, Math.round(255 * (0.75 - d / 8))));
    }
  return { width: size, height: size, data };
}
