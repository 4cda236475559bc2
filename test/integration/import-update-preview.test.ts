/** Update mode shows, field by field, what an import will change before it changes anything. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImportFile, previewImportFile } from '../../electron/io/import/index.js';
import { ProjectStore } from '../../electron/store/project-store.js';
import { sha256, tempDir, tinyProject } from '../helpers/fixtures.js';

describe('update-mode preview', () => {
  it('lists each changed field with its old and new value, writes nothing, then applies exactly that', async () => {
    const dir = tempDir('ccp-update-');
    const file = path.join(dir, 'p.gpkg');
    ProjectStore.create(file, { title: 't', isDemo: false }, tinyProject()).close();
    const csv = path.join(dir, '更新.csv');
    fs.writeFileSync(csv, '\uFEFF村代码,村名,人口,户数\r\n431299101201,石门村,1900,571\r\n431299101202,新安安置点,420,130\r\n');
    const store = ProjectStore.open(file);
    const before = sha256(file);
    const preview = await previewImportFile(store, csv, { layer: 'villages', mode: 'update' });
    expect(preview.rejected).toBe(0);
    expect(preview.updates).toBe(1);
    expect(preview.changes).toEqual([{ code: '431299101201', name: '石门村', field: 'population', from: '1830', to: '1900' }]);
    expect(sha256(file)).toBe(before);
    const outcome = await applyImportFile(store, csv, { layer: 'villages', mode: 'update' }, false);
    expect(outcome.updated).toBe(1);
    const v = store.getLayer('villages').features.find((f) => f.properties.code === '431299101201')!;
    expect(v.properties.population).toBe(1900);
    store.undo();
    expect(store.getLayer('villages').features.find((f) => f.properties.code === '431299101201')!.properties.population).toBe(1830);
    store.close();
  });
});
