/** Village polygons from GeoJSON: a village point inside each polygon, and the polygons as village_areas. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointInPolygon } from '../../electron/domain/geometry.js';
import { applyImportFile, previewImportFile } from '../../electron/io/import/index.js';
import { ProjectStore } from '../../electron/store/project-store.js';
import { tempDir, tinyProject } from '../helpers/fixtures.js';

describe('importing village polygons', () => {
  it('puts the village inside its (concave) polygon and keeps the polygon as a village area', async () => {
    const dir = tempDir('ccp-areas-');
    const store = ProjectStore.create(path.join(dir, 'p.gpkg'), { title: 't', isDemo: false }, { townships: tinyProject().townships });
    // An L-shaped village: its centroid lies outside the polygon.
    const ring: [number, number][] = [[110.0, 27.0], [110.1, 27.0], [110.1, 27.02], [110.02, 27.02], [110.02, 27.1], [110.0, 27.1], [110.0, 27.0]];
    const file = path.join(dir, 'villages.geojson');
    fs.writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { 村名: '拐角村', 村代码: '431299101299', 乡镇代码: '431299101', 人口: 900 }, geometry: { type: 'Polygon', coordinates: [ring] } }],
      }),
    );
    const preview = await previewImportFile(store, file, { layer: 'villages' });
    expect(preview.rejected).toBe(0);
    const outcome = await applyImportFile(store, file, { layer: 'villages' }, false);
    expect(outcome.inserted).toBe(1);
    const village = store.getLayer('villages').features[0];
    expect(pointInPolygon(village.geometry.coordinates as [number, number], [ring])).toBe(true);
    const areas = store.getLayer('village_areas').features;
    expect(areas).toHaveLength(1);
    expect(areas[0].properties.villageCode).toBe('431299101299');
    expect(store.undo()).not.toBeNull();
    expect(store.getLayer('village_areas').features).toHaveLength(0);
    store.close();
  });
});
