/** The CLI as a user runs it: a real process on real files. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/store/schema.js';
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
    expect(r.out).toMatch(new RegExp(`结构版本: ${SCHEMA_VERSION}`));
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
    expect(cli(['export', demo, '--layer', 'villages', '--format', 'geojson', '--out', path.join(dir, 'villages-all.geojson.check')], dir).code).toBe(0);
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

  it('analyze writes villages.csv, coverage.json and isochrones.geojson with every village', () => {
    const out = path.join(dir, 'analysis');
    const r = cli(['analyze', demo, '--out', out, '--mode', 'car'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('覆盖分析完成');
    const csv = fs.readFileSync(path.join(out, 'villages.csv'), 'utf8').slice(1).trim().split('\r\n');
    const header = csv[0].split(',');
    for (const col of ['code', 'blank', 'blank_reason', 'minutes_clinic', 'minutes_thc', 'minutes_county', 'nearest_thc', 'beyond_county', 'access_2sfca']) {
      expect(header).toContain(col);
    }
    const codes = new Set(csv.slice(1).map((l) => l.split(',')[0]));
    const villages = JSON.parse(fs.readFileSync(path.join(dir, 'villages-all.geojson.check'), 'utf8'));
    expect(codes.size).toBe(villages.features.length);
    const coverage = JSON.parse(fs.readFileSync(path.join(out, 'coverage.json'), 'utf8'));
    expect(coverage.county.villages).toBe(villages.features.length);
    expect(coverage.rulesUsed['X.clinic_minutes']).toBe(15);
    const sum = coverage.townships.reduce((s: number, t: { population: number }) => s + t.population, 0);
    expect(sum).toBe(coverage.county.population);
    expect(fs.statSync(path.join(out, 'villages.xlsx')).size).toBeGreaterThan(1000);
    const iso = JSON.parse(fs.readFileSync(path.join(out, 'isochrones.geojson'), 'utf8'));
    expect(new Set(iso.features.map((f: { properties: { group: string } }) => f.properties.group))).toEqual(new Set(['clinic', 'thc', 'county']));
  });

  it('imports OpenStreetMap into a project and analyses it (Andorra)', () => {
    const osm = path.resolve(root, '../shared/data/osm/andorra.osm.pbf');
    if (!fs.existsSync(osm)) throw new Error(`missing test data: ${osm}`);
    const project = path.join(dir, 'andorra.gpkg');
    expect(cli(['new', project], dir).code).toBe(0);
    const imp = cli(['import-osm', project, osm], dir);
    expect(imp.err).toBe('');
    expect(imp.code).toBe(0);
    expect(imp.out).toMatch(/道路 1601 条，居民点 59 个，医疗机构 7 个/);
    const dem = path.resolve(root, '../shared/data/dem/N42E001.hgt.zip');
    expect(cli(['import-dem', project, dem], dir).code).toBe(0);
    const out = path.join(dir, 'andorra-analysis');
    const r = cli(['analyze', project, '--out', out, '--mode', 'walk'], dir);
    expect(r.code).toBe(0);
    const coverage = JSON.parse(fs.readFileSync(path.join(out, 'coverage.json'), 'utf8'));
    expect(coverage.county.villages).toBe(59);
    expect(coverage.slope.dem).toBe(true);
    const info = cli(['info', project], dir);
    expect(info.out).toMatch(/roads\s+LINESTRING\s+1601/);
  });

  it('exports XLSX with Chinese headers that re-imports into another project', async () => {
    const xlsx = path.join(dir, '行政村.xlsx');
    expect(cli(['export', demo, '--layer', 'villages', '--format', 'xlsx', '--out', xlsx], dir).code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['村代码', '村名', '乡镇代码', '人口', '户数', '经度', '纬度']));
    expect(sheet.rowCount).toBe(1 + 166);
    const target = path.join(dir, 'copy.gpkg');
    expect(cli(['new', target], dir).code).toBe(0);
    const r = cli(['import', target, xlsx, '--layer', 'villages', '--crs', 'wgs84'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(cli(['info', target], dir).out).toMatch(/villages\s+POINT\s+166/);
  });
});
