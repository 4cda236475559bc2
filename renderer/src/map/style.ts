/**
 * The offline basemap style: a calm planning background (light land, blue water, brownish
 * contours, faint hillshade, white/yellow roads, Chinese place labels). No `glyphs` URL, so
 * MapLibre draws every label with local fonts — nothing is fetched from the network.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { BasemapInfo } from '../../../electron/api/schema.js';
import { FONT_STACK } from './palette.js';
import { TILE_URL_TEMPLATE } from './tileUrl.js';

export const BASEMAP_SOURCE = 'basemap';
export const BACKGROUND_COLOR = '#f3f1ea';

/** Width that grows with zoom: `w` px at zoom 12. */
export function zoomWidth(w: number | ExpressionSpecification): ExpressionSpecification {
  return ['interpolate', ['exponential', 1.5], ['zoom'], 8, ['*', 0.45, w], 12, w, 16, ['*', 2.6, w]] as ExpressionSpecification;
}

export function basemapStyle(info: BasemapInfo | null): StyleSpecification {
  const layers: LayerSpecification[] = [
    { id: 'bm-background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
  ];
  const style: StyleSpecification = { version: 8, name: 'ccp-planning', sources: {}, layers };
  if (!info || !info.available) return style;

  style.sources[BASEMAP_SOURCE] = {
    type: 'vector',
    tiles: [TILE_URL_TEMPLATE],
    minzoom: info.minzoom,
    maxzoom: info.maxzoom,
    bounds: info.bounds,
  };
  layers.push(...basemapLayers());
  return style;
}

const src = { source: BASEMAP_SOURCE } as const;

function basemapLayers(): LayerSpecification[] {
  return [
    {
      id: 'bm-land',
      type: 'fill',
      ...src,
      'source-layer': 'land',
      paint: {
        'fill-color': [
          'match',
          ['get', 'kind'],
          'county', '#f8f6ef',
          'outside', '#e7e4dc',
          'forest', '#d8e8cf',
          'farmland', '#f1eed6',
          'urban', '#ece3da',
          '#f3f1ea',
        ],
      },
    },
    {
      id: 'bm-hillshade',
      type: 'fill',
      ...src,
      'source-layer': 'hillshade',
      paint: {
        'fill-color': '#5b5b5b',
        'fill-opacity': ['interpolate', ['linear'], ['to-number', ['get', 'shade'], 1], 1, 0.04, 2, 0.08, 3, 0.13],
        'fill-antialias': false,
      },
    },
    {
      id: 'bm-contour',
      type: 'line',
      ...src,
      'source-layer': 'contour',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': '#b39470',
        'line-opacity': ['case', ['==', ['to-number', ['get', 'major'], 0], 1], 0.7, 0.38],
        'line-width': ['case', ['==', ['to-number', ['get', 'major'], 0], 1], 0.9, 0.45],
      },
    },
    {
      id: 'bm-water',
      type: 'fill',
      ...src,
      'source-layer': 'water',
      paint: { 'fill-color': '#a9cce8', 'fill-outline-color': '#8ab6da' },
    },
    {
      id: 'bm-waterway',
      type: 'line',
      ...src,
      'source-layer': 'waterway',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': '#86b5dc',
        'line-width': zoomWidth(['match', ['get', 'kind'], 'river', 2.2, 0.8] as ExpressionSpecification),
      },
    },
    {
      id: 'bm-roads-casing',
      type: 'line',
      ...src,
      'source-layer': 'roads',
      minzoom: 9,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': '#cfc8ba',
        'line-width': zoomWidth(['+', 1, basemapRoadWidth()] as ExpressionSpecification),
      },
    },
    {
      id: 'bm-roads',
      type: 'line',
      ...src,
      'source-layer': 'roads',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': [
          'match',
          ['get', 'class'],
          ['national', 'motorway', 'trunk'], '#f7c873',
          ['provincial', 'primary'], '#fbdd95',
          ['county', 'secondary'], '#fdf0c4',
          '#ffffff',
        ],
        'line-width': zoomWidth(basemapRoadWidth()),
      },
    },
    {
      id: 'bm-boundary-township',
      type: 'line',
      ...src,
      'source-layer': 'boundary',
      filter: ['==', ['get', 'level'], 'township'],
      minzoom: 9,
      paint: { 'line-color': '#a397b5', 'line-width': 0.8, 'line-dasharray': [3, 2] },
    },
    {
      id: 'bm-boundary-county',
      type: 'line',
      ...src,
      'source-layer': 'boundary',
      filter: ['==', ['get', 'level'], 'county'],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': '#7d6a96',
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.2, 12, 2.4],
        'line-dasharray': [5, 2, 1, 2],
      },
    },
    {
      id: 'bm-contour-label',
      type: 'symbol',
      ...src,
      'source-layer': 'contour',
      minzoom: 13,
      filter: ['==', ['to-number', ['get', 'major'], 0], 1],
      layout: {
        'symbol-placement': 'line',
        'text-field': ['to-string', ['get', 'ele']],
        'text-font': FONT_STACK,
        'text-size': 10,
      },
      paint: { 'text-color': '#9a7a55', 'text-halo-color': '#f8f6ef', 'text-halo-width': 1.2 },
    },
    {
      id: 'bm-places-village',
      type: 'symbol',
      ...src,
      'source-layer': 'places',
      minzoom: 12,
      filter: ['==', ['get', 'kind'], 'village'],
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT_STACK, 'text-size': 11, 'text-padding': 3 },
      paint: { 'text-color': '#6a645c', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 },
    },
    {
      id: 'bm-places',
      type: 'symbol',
      ...src,
      'source-layer': 'places',
      filter: ['!=', ['get', 'kind'], 'village'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_STACK,
        'text-size': ['match', ['get', 'kind'], 'city', 16, 'county_seat', 15, 13],
        'symbol-sort-key': ['to-number', ['get', 'rank'], 10],
        'text-padding': 3,
      },
      paint: {
        'text-color': ['match', ['get', 'kind'], ['city', 'county_seat'], '#3a3530', '#4d4740'],
        'text-halo-color': 'rgba(255,255,255,0.9)',
        'text-halo-width': 1.4,
      },
    },
  ];
}

function basemapRoadWidth(): ExpressionSpecification {
  return [
    'match',
    ['get', 'class'],
    ['national', 'motorway', 'trunk'], 2.6,
    ['provincial', 'primary'], 2.1,
    ['county', 'secondary'], 1.6,
    ['township', 'tertiary'], 1.2,
    0.8,
  ] as ExpressionSpecification;
}
