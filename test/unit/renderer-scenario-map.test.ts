import { describe, expect, it } from 'vitest';
import { EMPTY_SCENARIO_PAYLOAD } from '../../electron/domain/planning.js';
import { proposedVillageClinic } from '../../electron/domain/types.js';
import { facilitiesOfScenario } from '../../renderer/src/analysis/mapData.js';
import { sampleLayers } from './renderer-fixtures.js';

describe('facilities of the active scenario on the map', () => {
  const layers = sampleLayers();
  const fc = layers.facilities!;

  it('is the project layer itself when the scenario edits no facility', () => {
    expect(facilitiesOfScenario(fc, null)).toBe(fc);
    expect(facilitiesOfScenario(fc, EMPTY_SCENARIO_PAYLOAD)).toBe(fc);
  });

  it('adds, moves and closes facilities and flags the ones the scenario changed', () => {
    const [first, second] = fc.features;
    const { id: _id, ...clinic } = proposedVillageClinic(0, 'SC-1', '新卫生室', '500101001209', [106.5, 29.5]);
    const shown = facilitiesOfScenario(fc, {
      ...EMPTY_SCENARIO_PAYLOAD,
      facilityEdits: [
        { op: 'add', facility: clinic },
        { op: 'move', code: first.properties.code, location: [106.6, 29.6] },
        { op: 'close', code: second.properties.code },
      ],
    })!;
    expect(shown.features).toHaveLength(fc.features.length);
    const byCode = new Map(shown.features.map((f) => [f.properties.code, f]));
    expect(byCode.has(second.properties.code)).toBe(false);
    expect(byCode.get(first.properties.code)!.geometry).toEqual({ type: 'Point', coordinates: [106.6, 29.6] });
    expect(byCode.get(first.properties.code)!.properties).toMatchObject({ whatIf: true });
    expect(byCode.get('SC-1')!.properties).toMatchObject({ name: '新卫生室', whatIf: true, villageDoctors: 1 });
    const untouched = shown.features.find((f) => f.properties.code === fc.features[2].properties.code)!;
    expect(untouched.properties).not.toHaveProperty('whatIf');
  });
});
