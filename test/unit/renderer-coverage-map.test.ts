/** The coverage map layers: valid MapLibre style, stable ids, drawn in the right order, switchable. */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  COVERAGE_SOURCE,
  PICK_LAYERS,
  ISOCHRONE_SOURCE,
  SELECTION_SOURCE,
  SOURCE_IDS,
  TOWNSHIP_LABEL_SOURCE,
  analysisLayers,
  layerIdsOf,
  projectLabelLayers,
  projectLayers,
} from '../../renderer/src/map/layers.js';
import { basemapStyle } from '../../renderer/src/map/style.js';

const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };

/** The style as MapController builds it: project layers, then each analysis layer inserted before its anchor. */
function styleWithAnalysis() {
  const style = basemapStyle(null);
  for (const id of [...Object.values(SOURCE_IDS), TOWNSHIP_LABEL_SOURCE, SELECTION_SOURCE, COVERAGE_SOURCE, ISOCHRONE_SOURCE]) style.sources[id] = empty;
  style.layers.push(...projectLayers(), ...projectLabelLayers());
  for (const { layer, before } of analysisLayers()) {
    const at = style.layers.findIndex((l) => l.id === before);
    expect(at, before).toBeGreaterThan(0);
    style.layers.splice(at, 0, layer);
  }
  return style;
}

describe('coverage map layers', () => {
  it('are valid MapLibre layers with the ids the tests query', () => {
    const style = styleWithAnalysis();
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('coverage-villages');
    expect(ids).toContain('isochrones-fill');
  });

  it('draw bands under the roads and villages, coverage dots under the facilities, labels on top', () => {
    const ids = styleWithAnalysis().layers.map((l) => l.id);
    expect(ids.indexOf('isochrones-fill')).toBeLessThan(ids.indexOf('roads-line'));
    expect(ids.indexOf('isochrones-fill')).toBeGreaterThan(ids.indexOf('townships-fill'));
    expect(ids.indexOf('coverage-villages')).toBeGreaterThan(ids.indexOf('villages-circle'));
    expect(ids.indexOf('coverage-blank')).toBeGreaterThan(ids.indexOf('coverage-villages'));
    expect(ids.indexOf('coverage-blank')).toBeLessThan(ids.indexOf('facilities-circle'));
    expect(ids.indexOf('villages-label')).toBeGreaterThan(ids.indexOf('coverage-villages'));
  });

  it('have their own layer-panel switches and pick as villages', () => {
    const ids = styleWithAnalysis().layers.map((l) => l.id);
    expect(layerIdsOf('coverage', ids)).toEqual(['coverage-villages', 'coverage-blank']);
    expect(layerIdsOf('isochrones', ids)).toEqual(['isochrones-fill', 'isochrones-line']);
    expect(layerIdsOf('villages', ids)).not.toContain('coverage-villages');
    const pick = PICK_LAYERS.map((l) => l.id);
    // The proposals map's dots are added with its own layers (renderer-planning-map.test.ts).
    for (const id of pick.filter((p) => !p.startsWith('planning-'))) expect(ids).toContain(id);
    expect(PICK_LAYERS.find((l) => l.id === 'coverage-villages')?.layer).toBe('villages');
    expect(pick.indexOf('coverage-villages')).toBeLessThan(pick.indexOf('villages-circle'));
  });
});
