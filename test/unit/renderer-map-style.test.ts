/**
 * The map style as MapLibre will read it: the basemap style plus the project layers validated
 * with MapLibre's own style-spec validator (the version maplibre-gl ships with), and the layer
 * ids the app and the tests rely on.
 */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { BasemapInfo } from '../../electron/api/schema.js';
import { INTERACTIVE_LAYERS, SELECTION_SOURCE, SOURCE_IDS, TOWNSHIP_LABEL_SOURCE, layerIdsOf, projectLabelLayers, projectLayers } from '../../renderer/src/map/layers.js';
import { basemapStyle } from '../../renderer/src/map/style.js';
import { parseTileUrl, TILE_URL_TEMPLATE, toExactArrayBuffer } from '../../renderer/src/map/tileUrl.js';

const info: BasemapInfo = {
  available: true,
  name: 'basemap',
  format: 'pbf',
  minzoom: 5,
  maxzoom: 14,
  bounds: [110, 27, 111, 28],
  center: [110.5, 27.5, 10],
  attribution: '',
  layers: ['land', 'water', 'waterway', 'contour', 'hillshade', 'roads', 'places', 'boundary'],
};
const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };

function fullStyle(basemap: BasemapInfo | null) {
  const style = basemapStyle(basemap);
  for (const id of [...Object.values(SOURCE_IDS), TOWNSHIP_LABEL_SOURCE, SELECTION_SOURCE]) style.sources[id] = empty;
  style.layers.push(...projectLayers(), ...projectLabelLayers());
  return style;
}

describe('map style', () => {
  it('is a valid MapLibre style with the basemap and the project layers', () => {
    expect(validateStyleMin(fullStyle(info)).map((e) => e.message)).toEqual([]);
  });

  it('is valid with no basemap (plain background) and fetches nothing', () => {
    const style = fullStyle({ ...info, available: false });
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    expect(style.sources.basemap).toBeUndefined();
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('reads the basemap through ccp:// with the source layers of the offline basemap', () => {
    const style = basemapStyle(info);
    expect(style.glyphs).toBeUndefined();
    expect(style.sources.basemap).toMatchObject({ type: 'vector', tiles: [TILE_URL_TEMPLATE], minzoom: 5, maxzoom: 14, bounds: info.bounds });
    const used = new Set(style.layers.flatMap((l) => ('source-layer' in l && l['source-layer'] ? [l['source-layer']] : [])));
    expect([...used].sort()).toEqual([...info.layers].sort());
  });

  it('has the layer ids tests query, and every interactive layer exists', () => {
    const ids = fullStyle(info).layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('villages-circle');
    expect(ids).toContain('facilities-circle');
    for (const l of INTERACTIVE_LAYERS) expect(ids).toContain(l.id);
    // Facilities draw above villages, labels above both.
    expect(ids.indexOf('facilities-circle')).toBeGreaterThan(ids.indexOf('villages-circle'));
    expect(ids.indexOf('villages-label')).toBeGreaterThan(ids.indexOf('facilities-circle'));
  });

  it('maps each layer-panel switch to its map layers', () => {
    const ids = fullStyle(info).layers.map((l) => l.id);
    expect(layerIdsOf('villages', ids)).toEqual(expect.arrayContaining(['villages-circle', 'villages-blank-ring', 'villages-label']));
    expect(layerIdsOf('village_areas', ids)).toEqual(['village_areas-line']);
    expect(layerIdsOf('basemap', ids)).not.toContain('bm-background');
    expect(layerIdsOf('basemap', ids).length).toBeGreaterThan(5);
  });
});

describe('ccp:// tile URLs', () => {
  it('parse z/x/y and reject anything else', () => {
    expect(parseTileUrl('ccp://tiles/12/3301/1712')).toEqual({ z: 12, x: 3301, y: 1712 });
    expect(parseTileUrl('ccp://tiles/1/0/0.pbf')).toEqual({ z: 1, x: 0, y: 0 });
    expect(parseTileUrl('ccp://tiles/a/b/c')).toBeNull();
    expect(parseTileUrl('https://example.com/1/2/3')).toBeNull();
  });

  it('hand MapLibre exactly the tile bytes, even from a view into a larger buffer', () => {
    const big = new Uint8Array([9, 9, 1, 2, 3, 9]);
    const view = big.subarray(2, 5);
    expect([...new Uint8Array(toExactArrayBuffer(view))]).toEqual([1, 2, 3]);
    const own = new Uint8Array([4, 5]);
    expect(toExactArrayBuffer(own)).toBe(own.buffer);
  });
});
