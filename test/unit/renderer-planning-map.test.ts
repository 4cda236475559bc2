import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { SERVICE_MODES } from '../../electron/domain/planning.js';
import {
  COVERAGE_SOURCE,
  ISOCHRONE_SOURCE,
  PICK_LAYERS,
  PLANNING_SOURCES,
  REPLACED_BY_PLANNING,
  SELECTION_SOURCE,
  SOURCE_IDS,
  TOWNSHIP_LABEL_SOURCE,
  analysisLayers,
  planningLayers,
  projectLabelLayers,
  projectLayers,
} from '../../renderer/src/map/layers.js';
import { basemapStyle } from '../../renderer/src/map/style.js';
import { PLANNING_COLORS, SERVICE_MODE_COLORS, TIER_COLORS } from '../../renderer/src/map/palette.js';
import { mergeHostFeatures, mergeLinkFeatures, planningMapData, thcTierFeatures } from '../../renderer/src/map/planningMapData.js';
import { effectivePlans } from '../../renderer/src/panels/planning/proposalModel.js';
import { sampleLayers } from './renderer-fixtures.js';
import { V, decision, samplePlanning } from './renderer-planning-fixtures.js';

const layers = sampleLayers();

describe('proposals map data', () => {
  it('colours each village by its effective mode, with the village feature id', () => {
    const planning = samplePlanning();
    const data = planningMapData(effectivePlans(planning, {}), planning.merges, planning.thcs, layers);
    const byCode = new Map(data.villages.features.map((f) => [f.properties.code, f]));
    // 龙岗村 is not in the villages layer: nothing to draw.
    expect(data.villages.features).toHaveLength(4);
    expect(byCode.get(V.A)!.properties).toMatchObject({ mode: 'covered', color: SERVICE_MODE_COLORS.covered, stroke: PLANNING_COLORS.coveredStroke });
    expect(byCode.get(V.B)!.properties).toMatchObject({ mode: 'neighbour', color: SERVICE_MODE_COLORS.neighbour });
    expect(byCode.get(V.C)!.properties).toMatchObject({ mode: 'tour', color: SERVICE_MODE_COLORS.tour, status: 'proposed' });
    expect(byCode.get(V.D)!.properties).toMatchObject({ mode: 'none', color: PLANNING_COLORS.none });
    expect(byCode.get(V.B)!.id).toBe(2);
    expect(byCode.get(V.B)!.geometry).toEqual(layers.villages!.features[1].geometry);
  });

  it('follows the decisions: an override recolours with a dark outline, a rejection shows no mode', () => {
    const planning = samplePlanning();
    const plans = effectivePlans(planning, {
      [V.C]: decision(V.C, { action: 'override', mode: 'posting', postingDaysPerWeek: 5, reason: 'x', proposedMode: 'tour' }),
      [V.A]: decision(V.A, { action: 'reject', reason: 'y', proposedMode: 'covered' }),
    });
    const data = planningMapData(plans, planning.merges, planning.thcs, layers);
    const byCode = new Map(data.villages.features.map((f) => [f.properties.code, f.properties]));
    expect(byCode.get(V.C)).toMatchObject({ mode: 'posting', color: SERVICE_MODE_COLORS.posting, stroke: PLANNING_COLORS.overriddenStroke, status: 'overridden' });
    expect(byCode.get(V.A)).toMatchObject({ mode: 'none', status: 'rejected' });
  });

  it('draws a link from each member to the host and rings the host; a member decided otherwise is dropped', () => {
    const planning = samplePlanning();
    const links = mergeLinkFeatures(planning.merges, layers);
    expect(links.features).toHaveLength(1);
    expect(links.features[0].geometry).toEqual({ type: 'LineString', coordinates: [layers.villages!.features[1].geometry.coordinates, layers.villages!.features[0].geometry.coordinates] });
    expect(links.features[0].properties).toMatchObject({ kind: 'neighbour', member: V.B, host: V.A, minutes: 9, color: PLANNING_COLORS.neighbourLink });
    expect(mergeHostFeatures(planning.merges, layers).features[0].properties).toMatchObject({ host: V.A, kind: 'neighbour', members: 1 });
    const modes = new Map<string, string | null>([[V.B, 'tour']]);
    expect(mergeLinkFeatures(planning.merges, layers, modes).features).toEqual([]);
    expect(mergeHostFeatures(planning.merges, layers, modes).features).toEqual([]);
  });

  it('rings THCs by tier, naming the supporting hospital', () => {
    const planning = samplePlanning();
    const [thc] = thcTierFeatures(planning.thcs, layers).features;
    expect(thc.id).toBe(15);
    expect(thc.properties).toMatchObject({ code: 'F15', tier: '2', label: '2', color: TIER_COLORS['2'], supportingName: '上坪村卫生室' });
    planning.thcs[0].tier = null;
    expect(thcTierFeatures(planning.thcs, layers).features[0].properties).toMatchObject({ tier: 'unranked', label: '', color: TIER_COLORS.unranked });
  });
});

describe('proposals map layers and palette', () => {
  it('has a distinct colour per service mode, per tier, and links of both kinds told apart', () => {
    const colours = SERVICE_MODES.map((m) => SERVICE_MODE_COLORS[m].toLowerCase());
    expect(new Set([...colours, PLANNING_COLORS.none]).size).toBe(SERVICE_MODES.length + 1);
    expect(new Set(Object.values(TIER_COLORS)).size).toBe(4);
    expect(PLANNING_COLORS.neighbourLink).not.toBe(PLANNING_COLORS.jointLink);
    const [neighbour, joint] = planningLayers().map((l) => l.layer);
    expect(neighbour.id).toBe('planning-links-neighbour');
    expect((neighbour as { paint: Record<string, unknown> }).paint['line-dasharray']).toBeDefined();
    expect(joint.id).toBe('planning-links-joint');
    expect((joint as { paint: Record<string, unknown> }).paint['line-dasharray']).toBeUndefined();
  });

  it('are valid MapLibre layers once added as the MapController adds them', () => {
    const style = basemapStyle(null);
    const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };
    for (const id of [...Object.values(SOURCE_IDS), TOWNSHIP_LABEL_SOURCE, SELECTION_SOURCE, COVERAGE_SOURCE, ISOCHRONE_SOURCE, ...Object.values(PLANNING_SOURCES)]) style.sources[id] = empty;
    style.layers.push(...projectLayers(), ...projectLabelLayers());
    for (const { layer, before } of [...analysisLayers(), ...planningLayers()]) {
      const at = before ? style.layers.findIndex((l) => l.id === before) : style.layers.length;
      expect(at, before).toBeGreaterThan(0);
      style.layers.splice(at, 0, layer);
    }
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    const ids = style.layers.map((l) => l.id);
    for (const id of PICK_LAYERS.map((l) => l.id)) expect(ids).toContain(id);
    // Links under the dots, the dots under the facilities, the tier number on top.
    expect(ids.indexOf('planning-links-joint')).toBeLessThan(ids.indexOf('planning-villages'));
    expect(ids.indexOf('planning-thc-ring')).toBeLessThan(ids.indexOf('facilities-circle'));
    expect(ids.indexOf('planning-thc-tier')).toBe(ids.length - 1);
  });

  it('puts its layers under the facility symbols, replaces the coverage dots and picks its village dots as villages', () => {
    const ids = new Set([...projectLayers(), ...analysisLayers().map((l) => l.layer)].map((l) => l.id));
    for (const { layer, before } of planningLayers()) {
      expect(layer.id.startsWith('planning-')).toBe(true);
      if (before) expect(ids.has(before)).toBe(true);
    }
    for (const id of REPLACED_BY_PLANNING) expect(ids.has(id)).toBe(true);
    expect(PICK_LAYERS.find((l) => l.id === 'planning-villages')?.layer).toBe('villages');
  });
});
