/** The tour commands of the CLI as a user runs them: real processes on a copy of the demo county. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256, tempDir } from '../helpers/fixtures.js';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const DEMO = path.join(root, 'data', 'demo-county.gpkg');

function cli(args: string[], home: string) {
  const r = spawnSync(tsx, ['scripts/cli.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CCP_HOME: home } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function demoCopy(): string {
  const file = path.join(tempDir('ccp-tour-cli-'), 'demo.gpkg');
  fs.copyFileSync(DEMO, file);
  return file;
}

const lines = (file: string) => fs.readFileSync(file, 'utf8').slice(1).split('\r\n').filter((l) => l !== '');

describe('cli tours', () => {
  it('writes tours.csv, tours.geojson, the notices and higher-tours.csv, and prints a summary', () => {
    const demoBefore = sha256(DEMO);
    const home = tempDir('ccp-tour-cli-home-');
    const file = demoCopy();
    const out = path.join(tempDir('ccp-tour-cli-out-'), 'tours');
    const r = cli(['tours', file, '--out', out, '--mode', 'car'], home);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/巡诊排班完成（car）：巡诊机构 \d+ 个，巡诊点 \d+ 个；每周应巡诊 \d+ 次，已排 \d+ 次/);
    expect(r.out).toContain('上级巡诊：');
    for (const f of ['tours.csv', 'tours.geojson', 'notices.csv', 'higher-tours.csv']) {
      expect(fs.existsSync(path.join(out, f)), f).toBe(true);
      expect(r.out).toContain(path.join(out, f));
    }
    const planned = Number(/已排 (\d+) 次/.exec(r.out)![1]);
    expect(lines(path.join(out, 'tours.csv')).length - 1).toBe(planned);
    const notices = lines(path.join(out, 'notices.csv')).slice(1);
    expect(notices.length).toBeGreaterThan(0);
    for (const row of notices) {
      const [code, name] = row.split(',');
      const text = fs.readFileSync(path.join(out, 'notices', `${code}.txt`), 'utf8');
      expect(text).toContain(`${name}巡诊服务公示`);
      expect(text).toContain('每周');
    }
    // The infeasible village of the demo (too far for a day) is reported, not dropped.
    if (/需县级医院补位/.test(r.err)) expect(r.err).toMatch(/｜/);
    expect(sha256(DEMO)).toBe(demoBefore);
  }, 120_000);

  it('writes English headers with --lang en', () => {
    const out = tempDir('ccp-tour-cli-en-');
    const r = cli(['tours', demoCopy(), '--out', out, '--lang', 'en'], tempDir('ccp-tour-cli-home-'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Tours planned \(car\)/);
    expect(lines(path.join(out, 'tours.csv'))[0]).toMatch(/^depot_code,depot,team,day,session,order/);
  }, 120_000);

  it('tour-config set-thc stores a set-up; a bad one exits 1 with a Chinese message and leaves the file as it was', () => {
    const home = tempDir('ccp-tour-cli-home-');
    const file = demoCopy();
    const ok = cli(['tour-config', file, 'set-thc', 'THC-431299102', '--teams', '2', '--days', 'mon,wed,fri', '--start', '07:30'], home);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('巡诊队 2 个，工作日 mon,wed,fri');
    expect(ok.out).toContain('07:30 出发');
    const before = sha256(file);
    const bad = cli(['tour-config', file, 'set-thc', 'THC-431299102', '--teams', '30'], home);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('石门镇中心卫生院（THC-431299102）的巡诊设置无效：巡诊队数须为 0–20 的整数（现为 30）（未写入任何设置）');
    expect(sha256(file)).toBe(before);
    const usage = cli(['tour-config', file, 'set-thc', 'THC-431299102', '--days', 'someday'], home);
    expect(usage.code).toBe(2);
    const list = cli(['tour-config', file, 'list'], home);
    expect(list.out).toContain('THC-431299102  巡诊队 2 个');
  }, 120_000);
});
