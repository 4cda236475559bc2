/** The planning commands of the CLI as a user runs them: real processes on a copy of the demo county. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_MODES } from '../../electron/domain/planning.js';
import { DEMO_SCENARIO } from '../../electron/service/demo-project.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { sha256, tempDir } from '../helpers/fixtures.js';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const DEMO = path.join(root, 'data', 'demo-county.gpkg');

function cli(args: string[], home: string) {
  const r = spawnSync(tsx, ['scripts/cli.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CCP_HOME: home } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A CSV written by the exporters: BOM, CRLF, quoted cells with commas. */
function readCsv(file: string): { header: string[]; rows: string[][] } {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      records.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return { header: records[0], rows: records.slice(1) };
}

const column = (t: { header: string[]; rows: string[][] }, name: string): string[] => {
  const i = t.header.indexOf(name);
  expect(i, `column ${name} in ${t.header.join(',')}`).toBeGreaterThanOrEqual(0);
  return t.rows.map((r) => r[i]);
};

// Each step spawns the CLI (a few seconds each under tsx): the tests get room on a loaded 2-core CI machine.
describe('CLI: planning', { timeout: 240_000 }, () => {
  const dir = tempDir('ccp-plan-cli-');
  const copy = path.join(dir, 'demo.gpkg');
  fs.copyFileSync(DEMO, copy);
  const demoHash = sha256(DEMO);

  it('analyze writes proposals, merges, tiers and roster issues beside the coverage files', () => {
    const out = path.join(dir, 'out');
    const r = cli(['analyze', copy, '--out', out], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('规划建议：');
    for (const f of ['villages.csv', 'coverage.json', 'proposals.csv', 'merges.csv', 'tiers.csv', 'roster-issues.csv']) {
      expect(r.out).toContain(path.join(out, f));
      expect(fs.existsSync(path.join(out, f))).toBe(true);
    }

    const proposals = readCsv(path.join(out, 'proposals.csv'));
    expect(proposals.header.slice(0, 6)).toEqual(['代码', '名称', '乡镇代码', '乡镇', '人口', '建议服务方式']);
    expect(proposals.rows.length).toBe(166);
    const modes = new Set(column(proposals, '建议服务方式'));
    for (const m of SERVICE_MODES) expect(modes, m).toContain(translate('zh-CN', `serviceModes.${m}`));
    expect(column(proposals, '处理状态').every((s) => s === '待定')).toBe(true);
    const reasons = column(proposals, '建议理由');
    expect(reasons.every((x) => x.includes('→') || x.length > 0)).toBe(true);
    expect(reasons.some((x) => /\[V4\]$/.test(x))).toBe(true);
    expect(column(proposals, '依据规则').some((x) => x.includes(';'))).toBe(true);
    const tourRow = proposals.rows[column(proposals, '建议服务方式').indexOf('巡诊')];
    expect(Number(tourRow[proposals.header.indexOf('巡诊（次/周）')])).toBeGreaterThanOrEqual(1);
    const postingRow = proposals.rows[column(proposals, '建议服务方式').indexOf('派驻')];
    expect(Number(postingRow[proposals.header.indexOf('派驻（天/周）')])).toBeGreaterThanOrEqual(5);
    expect(Number(postingRow[proposals.header.indexOf('派驻至少（月）')])).toBeGreaterThanOrEqual(6);

    const tiers = readCsv(path.join(out, 'tiers.csv'));
    for (const tier of ['1', '2', '3']) expect(column(tiers, '梯次')).toContain(tier);
    expect(column(tiers, '分梯次理由').every((x) => x.length > 0)).toBe(true);

    const merges = readCsv(path.join(out, 'merges.csv'));
    expect(merges.rows.length).toBeGreaterThan(0);
    expect(new Set(column(merges, '合并方式'))).toEqual(new Set(['邻村延伸服务', '联合设置村卫生室']));

    const issues = readCsv(path.join(out, 'roster-issues.csv'));
    expect(issues.header).toEqual(['名册编号', '姓名', '机构代码', '机构', '规则编号', '严重程度', '问题']);
    expect(issues.rows.length).toBeGreaterThan(0);
    expect(column(issues, '问题').every((x) => /\[[A-Z]\d?[^\]]*\]$/.test(x))).toBe(true);
  }, 60_000);

  it('analyze --lang en writes English headers and mode names', () => {
    const out = path.join(dir, 'out-en');
    const r = cli(['analyze', copy, '--out', out, '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    const proposals = readCsv(path.join(out, 'proposals.csv'));
    expect(proposals.header).toContain('Proposed mode');
    expect(column(proposals, 'Proposed mode')).toContain(translate('en', 'serviceModes.posting'));
  }, 60_000);

  it('compare prints the table of two scenarios (by id or name) and writes it as CSV', () => {
    const csv = path.join(dir, 'compare.csv');
    const r = cli(['compare', copy, '基线', DEMO_SCENARIO.name, '--out', csv], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`B = ${DEMO_SCENARIO.name}`);
    const blankLine = r.out.split('\n').find((l) => l.startsWith('空白村（个）'))!;
    const [, a, b, d] = blankLine.trim().split(/\s+/);
    expect(Number(b)).toBe(Number(a) - 1);
    expect(d).toBe('-1');
    expect(r.out).toContain('服务方式：派驻（村）');
    const table = readCsv(csv);
    expect(table.header).toEqual(['指标', 'A: 基线（现状）', `B: ${DEMO_SCENARIO.name}`, '差值（B−A）']);
    expect(table.rows.find((x) => x[0] === '空白村（个）')![3]).toBe('-1');

    const byId = cli(['compare', copy, '0', '1', '--lang', 'en'], dir);
    expect(byId.code).toBe(0);
    expect(byId.out).toContain('Blank villages');

    const unknown = cli(['compare', copy, '0', '没有的方案'], dir);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('找不到方案：没有的方案');
    const missingId = cli(['compare', copy, '0', '99'], dir);
    expect(missingId.code).toBe(1);
    expect(missingId.err).toContain('找不到方案 #99');
    expect(cli(['compare', copy, '0'], dir).code).toBe(2);
  }, 120_000);

  it('scenario list / create / delete', () => {
    const list = cli(['scenario', copy, 'list'], dir);
    expect(list.code).toBe(0);
    expect(list.out).toContain(DEMO_SCENARIO.name);
    const created = cli(['scenario', copy, 'create', '方案三', '--copy-of', '1'], dir);
    expect(created.code).toBe(0);
    const id = Number(/#(\d+)/.exec(created.out)?.[1]);
    expect(id).toBeGreaterThan(1);
    expect(cli(['scenario', copy, 'list'], dir).out).toMatch(/方案三\s+设施 1 项/);
    const deleted = cli(['scenario', copy, 'delete', '方案三'], dir);
    expect(deleted.code).toBe(0);
    expect(deleted.out).toContain(`已删除方案 #${id}`);
    expect(cli(['scenario', copy, 'list'], dir).out).not.toContain('方案三');
  });

  it('rules set / reset: all or nothing, with the rule named in the error', () => {
    const bad = cli(['rules', copy, 'set', 'V1.tour_visits_per_week=3', 'V2.tour_floor_per_week=0'], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/规则参数“.+”的值 0 无效：不能小于 1/);
    expect(cli(['rules', copy, 'list'], dir).out).toMatch(/V1\.tour_visits_per_week .*= 2$/m);
    const order = cli(['rules', copy, 'set', 'X.small_village_population=99999'], dir);
    expect(order.code).toBe(1);
    expect(order.err).toMatch(/必须小于/);
    const good = cli(['rules', copy, 'set', 'V1.tour_visits_per_week=3'], dir);
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/V1\.tour_visits_per_week .*= 3$/m);
    const reset = cli(['rules', copy, 'reset', 'V1.tour_visits_per_week'], dir);
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/V1\.tour_visits_per_week .*= 2$/m);
    // The shipped demo file was never touched.
    expect(sha256(DEMO)).toBe(demoHash);
  });
});
