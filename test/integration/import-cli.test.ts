/** `npm run cli -- import`: counts, each rejection with row/column/reason in Chinese, exit codes, nothing written on rejection. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../electron/store/project-store.js';
import { makeProject, sha256, tmpDir } from './import-helpers.js';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const dir = tmpDir('ccp-import-cli-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  const r = spawnSync(tsx, ['scripts/cli.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CCP_HOME: dir } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('CLI import', () => {
  const gpkg = path.join(dir, 'p.gpkg');
  makeProject(dir).close();
  const csv = path.join(dir, 'v.csv');
  fs.writeFileSync(csv, iconv.encode('村代码,村名,人口,经度,纬度\r\n350524100301,甲村,100,118.05,25.05\r\n350524100302,乙村,-3,118.06,25.06\r\n', 'gbk'));

  it('prints counts and each rejection, exits 1 and writes nothing', () => {
    const before = sha256(gpkg);
    const r = cli(['import', gpkg, csv, '--layer', 'villages', '--crs', 'gcj02', '--encoding', 'auto']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('读取 2 行：可导入 1 行');
    expect(r.out).toContain('第 3 行“人口”：不能为负数（-3）');
    expect(r.err).toContain('未写入任何数据');
    expect(sha256(gpkg)).toBe(before);
  });

  it('--dry-run writes nothing; --skip-invalid imports the good rows and exits 0', () => {
    const before = sha256(gpkg);
    expect(cli(['import', gpkg, csv, '--layer', 'villages', '--skip-invalid', '--dry-run']).code).toBe(0);
    expect(sha256(gpkg)).toBe(before);
    const r = cli(['import', gpkg, csv, '--layer', 'villages', '--skip-invalid']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已导入：新增 1，更新 0，跳过 1 行');
    const s = ProjectStore.open(gpkg);
    expect(s.getLayer('villages').features.map((f) => f.properties.name)).toContain('甲村');
    s.close();
  });
});
