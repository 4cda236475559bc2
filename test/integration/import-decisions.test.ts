/** The planner's decisions on flagged rows: swapped lng/lat, points far outside, self-intersecting polygons. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewImportFile } from '../../electron/io/import/index.js';
import { ProjectStore } from '../../electron/store/project-store.js';
import { tempDir, tinyProject } from '../helpers/fixtures.js';

function project() {
  const dir = tempDir('ccp-decide-');
  return { dir, store: ProjectStore.create(path.join(dir, 'p.gpkg'), { title: 't', isDemo: false }, tinyProject()) };
}

describe('import decisions', () => {
  it('swaps suspected lng/lat by default, and rejects the row when the planner says no', async () => {
    const { dir, store } = project();
    const csv = path.join(dir, 'v.csv');
    fs.writeFileSync(csv, '村代码,村名,乡镇代码,人口,经度,纬度\n431299101210,对调村,431299101,500,27.05,110.05\n');
    const auto = await previewImportFile(store, csv, { layer: 'villages' });
    expect(auto.accepted).toBe(1);
    expect(auto.crsWarnings.map((p) => p.code)).toEqual(['swapped_coordinates']);
    expect(auto.points[0].lng).toBeCloseTo(110.05, 6);
    const no = await previewImportFile(store, csv, { layer: 'villages', swapSuspected: false });
    expect(no.rejected).toBe(1);
    expect(no.problems.map((p) => p.code)).toContain('swapped_coordinates');
    store.close();
  });

  it('keeps far-away points with a warning by default, rejects them on request', async () => {
    const { dir, store } = project();
    const csv = path.join(dir, 'v.csv');
    fs.writeFileSync(csv, '村代码,村名,乡镇代码,人口,经度,纬度\n431299101211,远方村,431299101,500,116.4,39.9\n');
    const keep = await previewImportFile(store, csv, { layer: 'villages' });
    expect(keep.accepted).toBe(1);
    expect(keep.crsWarnings.map((p) => p.code)).toEqual(['far_from_project']);
    const reject = await previewImportFile(store, csv, { layer: 'villages', acceptOutside: false });
    expect(reject.accepted).toBe(0);
    expect(reject.problems.map((p) => p.code)).toEqual(['far_from_project']);
    store.close();
  });

  it('repairs a self-intersecting township polygon on request', async () => {
    const { dir, store } = project();
    const file = path.join(dir, 't.geojson');
    const bowTie = [[110.0, 27.0], [110.1, 27.1], [110.1, 27.0], [110.0, 27.1], [110.0, 27.0]];
    fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 乡镇代码: '431299102', 乡镇名称: '蝴蝶乡' }, geometry: { type: 'Polygon', coordinates: [bowTie] } }] }));
    const strict = await previewImportFile(store, file, { layer: 'townships' });
    expect(strict.problems.map((p) => p.code)).toContain('self_intersecting_polygon');
    const repaired = await previewImportFile(store, file, { layer: 'townships', repairPolygons: true });
    expect(repaired.rejected).toBe(0);
    expect(repaired.crsWarnings.map((p) => p.code)).toEqual(['polygon_repaired']);
    store.close();
  });
});
