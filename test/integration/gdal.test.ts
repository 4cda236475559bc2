/** GDAL, an independent GeoPackage reader, must read every layer of our project files. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../electron/service/demo-project.js';
import { tempDir } from '../helpers/fixtures.js';

const hasGdal = spawnSync('ogrinfo', ['--version']).status === 0;
if (!hasGdal && process.env.CI) throw new Error('ogrinfo (gdal-bin) is required in CI');

describe.skipIf(!hasGdal)('GDAL reads the demo project', () => {
  const file = path.join(tempDir('ccp-gdal-'), 'demo.gpkg');
  createDemoProject(file).close();

  const expected: Record<string, string> = {
    villages: 'Point',
    village_areas: 'Multi Polygon',
    facilities: 'Point',
    roads: 'Line String',
    townships: 'Multi Polygon',
  };

  for (const [layer, geomType] of Object.entries(expected)) {
    it(`ogrinfo -so ${layer}: geometry ${geomType}, EPSG:4326, features counted`, () => {
      const r = spawnSync('ogrinfo', ['-so', file, layer], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/ERROR|Warning/);
      expect(r.stdout).toContain(`Geometry: ${geomType}`);
      expect(r.stdout).toMatch(/ID\["EPSG",4326\]|AUTHORITY\["EPSG","4326"\]/);
      const count = Number(/Feature Count: (\d+)/.exec(r.stdout)?.[1]);
      expect(count).toBeGreaterThan(0);
      if (layer === 'villages') expect(count).toBeGreaterThanOrEqual(152);
    });
  }

  it('lists the attribute tables too', () => {
    const r = spawnSync('ogrinfo', ['-q', file], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const t of ['postings', 'settings', 'scenarios']) expect(r.stdout).toContain(t);
  });
});
