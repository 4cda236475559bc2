/** The XLSX reports (issue 7): writeReport on copies of the demo county, and the CLI `report` command (PDF: reports-pdf.test.ts). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SERVICE_MODES } from '../../electron/domain/planning.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { call, callError, DEMO, demoCopy, open } from '../helpers/api-service.js';
import { sha256, tempDir } from '../helpers/fixtures.js';

const root = path.resolve(__dirname, '../..');

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number): unknown[] => (sheet.getRow(n).values as unknown[]).slice(1);

const EXPECTED = {
  proposals: { sheets: ['规划建议', '合并'], header: ['代码', '名称', '乡镇代码'] },
  tiers: { sheets: ['卫生院梯次'], header: ['乡镇卫生院代码', '乡镇卫生院', '梯次'] },
  roster: { sheets: ['派驻名单', '名单问题'], header: ['名册编号', '姓名', '职称'] },
  tours: { sheets: ['巡诊排班', '公示', '上级巡诊'], header: ['巡诊机构编码', '巡诊机构', '巡诊队'] },
  yearly: { sheets: ['年度汇总'], header: ['项目', '数值', '单位', '依据'] },
} as const;

describe('writeReport (xlsx)', () => {
  it('writes each report kind as a workbook with its sheets and headers', async () => {
    const demoBefore = sha256(DEMO);
    const s = await open(demoCopy());
    const dir = tempDir('ccp-report-');
    for (const [kind, want] of Object.entries(EXPECTED)) {
      const file = path.join(dir, `${kind}.xlsx`);
      const r = await call(s, 'writeReport', { kind, format: 'xlsx', path: file, mode: 'car' });
      expect(r).toEqual({ path: file, sheets: [...want.sheets] });
      const wb = await workbook(file);
      expect(wb.worksheets.map((w) => w.name), kind).toEqual([...want.sheets]);
      expect(rowValues(wb.worksheets[0], 1).slice(0, want.header.length), kind).toEqual([...want.header]);
      expect(wb.worksheets[0].rowCount, kind).toBeGreaterThan(1);
    }
    expect(sha256(DEMO)).toBe(demoBefore);
  }, 120_000);

  it('yearly summary: villages by each of the six service modes, visits, staff and a P3 subsidy with its citation', async () => {
    const s = await open(demoCopy());
    const file = path.join(tempDir('ccp-report-'), 'yearly.xlsx');
    await call(s, 'writeReport', { kind: 'yearly', format: 'xlsx', path: file, mode: 'car' });
    const sheet = (await workbook(file)).getWorksheet('年度汇总')!;
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => rowValues(sheet, i + 2));
    const byItem = new Map(rows.map((r) => [String(r[0]), r]));
    let villages = 0;
    for (const m of SERVICE_MODES) {
      const row = byItem.get(`服务方式：${translate('zh-CN', `serviceModes.${m}`)}`);
      expect(row, m).toBeDefined();
      villages += Number(row![1]);
    }
    const summary = (await call(s, 'analyzeProject', { mode: 'car' })).summary!;
    expect(villages + summary.villagesByMode.undecided).toBe(Object.values(summary.villagesByMode).reduce((a, b) => a + b, 0));
    const subsidy = byItem.get('派驻补助（本年度）')!;
    expect(Number(subsidy[1])).toBeGreaterThan(0);
    expect(subsidy[1]).toBe(summary.subsidyCny);
    expect(String(subsidy[3])).toContain('P3.subsidy_per_person_year = 15000 [004, 五]');
    const perWeek = Number(byItem.get('乡镇卫生院巡诊：每周已排')![1]);
    expect(Number(byItem.get('乡镇卫生院巡诊：全年计划（每周已排 × 52 周）')![1])).toBe(perWeek * 52);
    expect(Number(byItem.get('已派驻人员（名单）')![1])).toBeGreaterThan(0);
    expect(Number(byItem.get('派驻人月（本年度）')![1])).toBeGreaterThan(0);
  }, 120_000);

  it('English sheet names with the en locale', async () => {
    const s = await open(demoCopy());
    await call(s, 'setLocale', { locale: 'en' });
    const file = path.join(tempDir('ccp-report-'), 'yearly.xlsx');
    const r = await call(s, 'writeReport', { kind: 'yearly', format: 'xlsx', path: file, mode: 'car' });
    expect(r.sheets).toEqual(['Yearly summary']);
    const sheet = (await workbook(file)).worksheets[0];
    expect(rowValues(sheet, 1)).toEqual(['Item', 'Value', 'Unit', 'Basis']);
  }, 120_000);

  it('refuses to overwrite an existing file without overwrite (FILE_EXISTS, file untouched)', async () => {
    const s = await open(demoCopy());
    const file = path.join(tempDir('ccp-report-'), 'tiers.xlsx');
    fs.writeFileSync(file, 'keep me');
    const e = await callError(s, 'writeReport', { kind: 'tiers', format: 'xlsx', path: file, mode: 'car' });
    expect(e.code).toBe('FILE_EXISTS');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    await call(s, 'writeReport', { kind: 'tiers', format: 'xlsx', path: file, mode: 'car', overwrite: true });
    expect((await workbook(file)).worksheets.map((w) => w.name)).toEqual(['卫生院梯次']);
  }, 120_000);
});

describe('cli report', () => {
  it('writes the yearly workbook and prints the file and its sheets', () => {
    const home = tempDir('ccp-report-cli-home-');
    const file = demoCopy();
    const out = path.join(tempDir('ccp-report-cli-'), 'yearly.xlsx');
    const cli = (args: string[]) => {
      const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/cli.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CCP_HOME: home } });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const r = cli(['report', file, '--kind', 'yearly', '--format', 'xlsx', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`已写出报表：${out}`);
    expect(r.out).toContain('工作表：年度汇总');
    expect(fs.existsSync(out)).toBe(true);
  }, 120_000);
});
