/** The CLI as a user runs it: a real process on real files. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function cli(args: string[], home: string) {
  const r = spawnSync(tsx, ['scripts/cli.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CCP_HOME: home } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('CLI', () => {
  const dir = tempDir('ccp-cli-');
  const demo = path.join(dir, 'demo.gpkg');

  it('creates the demo project and reports its layers', () => {
    const r = cli(['new', demo, '--demo'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已创建项目');
    const villages = Number(/villages\s+POINT\s+(\d+)/.exec(r.out)?.[1]);
    expect(villages).toBeGreaterThanOrEqual(152);
    expect(fs.existsSync(demo)).toBe(true);
  });

  it('prints info: counts, bounds, schema version', () => {
    const r = cli(['info', demo], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/结构版本: 2/);
    expect(r.out).toMatch(/范围: 1\d\d\.\d+, \d\d\.\d+, 1\d\d\.\d+, \d\d\.\d+/);
    expect(r.out).toMatch(/townships\s+MULTIPOLYGON\s+8/);
  });

  it('exports CSV with a BOM and Chinese text, and GeoJSON', () => {
    const csv = path.join(dir, 'villages.csv');
    const r = cli(['export', demo, '--layer', 'villages', '--format', 'csv', '--out', csv], dir);
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0].split(',')).toEqual(expect.arrayContaining(['code', 'name', 'population', 'longitude', 'latitude']));
    expect(lines.length).toBeGreaterThan(152);
    expect(lines[1]).toMatch(/[\u4e00-\u9fff]/);

    const gj = path.join(dir, 'facilities.geojson');
    expect(cli(['export', demo, '--layer', 'facilities', '--format', 'geojson', '--out', gj], dir).code).toBe(0);
    const fc = JSON.parse(fs.readFileSync(gj, 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.some((f: { properties: { level: string } }) => f.properties.level === 'county_hospital')).toBe(true);
  });

  it('fails with a clear message and a non-zero code on bad input', () => {
    const missing = cli(['info', path.join(dir, 'nope.gpkg')], dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('找不到文件');

    const text = path.join(dir, 'notes.gpkg');
    fs.writeFileSync(text, 'hello');
    const notGpkg = cli(['info', text, '--lang', 'en'], dir);
    expect(notGpkg.code).toBe(1);
    expect(notGpkg.err).toContain('Not a GeoPackage file');

    const badLayer = cli(['export', demo, '--layer', 'rivers', '--format', 'csv', '--out', path.join(dir, 'x.csv')], dir);
    expect(badLayer.code).toBe(1);
    expect(badLayer.err).toContain('参数无效：layer');

    const usage = cli(['frobnicate'], dir);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('未知命令');

    const exists = cli(['new', demo], dir);
    expect(exists.code).toBe(1);
    expect(exists.err).toContain('文件已存在');
  });
});
