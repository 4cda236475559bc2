/**
 * The PDF reports (issue 7): writeReport with format 'pdf' on copies of the demo county, printed
 * by headless Chromium (the CLI's and browser mode's converter) and read back with poppler's
 * pdftotext / pdfinfo; the refusals without a converter and over an existing file; the HTML's
 * escaping; and the CLI `report --format pdf`. Needs Debian's chromium and poppler-utils:
 * skipped locally when missing, required in CI.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, reportHtml } from '../../electron/io/report-html.js';
import { createPlannerService } from '../../electron/service/service.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { chromiumCandidates, htmlToPdfWithChromium } from '../../scripts/lib/headless-chromium.js';
import { call, callError, demoCopy, open } from '../helpers/api-service.js';
import { tempDir } from '../helpers/fixtures.js';

const root = path.resolve(__dirname, '../..');
const hasChromium = chromiumCandidates().some((p) => fs.existsSync(p));
const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;
if (process.env.CI && !hasChromium) throw new Error('Chromium is required in CI: apt-get install chromium');
if (process.env.CI && !hasPoppler) throw new Error('pdftotext is required in CI: apt-get install poppler-utils');
const canPrint = hasChromium && hasPoppler;

function pdfText(file: string): string {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

function pdfInfo(file: string): { pages: number; width: number; height: number; size: string } {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(r.stdout)?.[1]);
  const m = /^Page size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/m.exec(r.stdout)!;
  return { pages, width: Number(m[1]), height: Number(m[2]), size: m[3] ?? '' };
}

/** A service on a demo copy whose PDFs come from headless Chromium (as in the CLI). */
async function pdfService() {
  const s = createPlannerService({ homeDir: tempDir('ccp-pdf-home-'), dataDir: tempDir('ccp-pdf-data-'), door: 'cli', version: '0.0.0', htmlToPdf: htmlToPdfWithChromium });
  await call(s, 'openProject', { path: demoCopy() });
  return s;
}

/** What each printed report must show: its title, sheet names, a few column headers and demo content. */
const EXPECTED = {
  tours: { title: '巡诊排班表', sheets: ['巡诊排班', '公示', '上级巡诊'], text: ['巡诊点编码', '到达', '离开', '石门镇中心卫生院', '第1巡诊队 · 周一', '幸福家园移民安置点', '每周应巡诊'] },
  proposals: { title: '村级服务方式规划建议表', sheets: ['规划建议', '合并'], text: ['代码', '名称', '花源村', '已覆盖 [V6]', '[V4]'] },
  tiers: { title: '乡镇卫生院梯次表', sheets: ['卫生院梯次'], text: ['梯次', '石门镇中心卫生院', '示例县人民医院'] },
  roster: { title: '派驻人员名单', sheets: ['派驻名单', '名单问题'], text: ['姓名', '职称', '周玲', '示例县人民医院'] },
  yearly: {
    title: '年度工作汇总表',
    sheets: ['年度汇总'],
    text: ['项目', '数值', '单位', '依据', '服务方式：已覆盖', '派驻补助（本年度）', 'P3.subsidy_per_person_year = 15000 [004, 五]', '年度统计上报截止（月-日）', 'D1.report_deadline'],
  },
} as const;

describe.skipIf(!canPrint)('writeReport (pdf, headless Chromium)', () => {
  it('prints each report kind on A4 landscape with its title, sheets, headers, demo content and rule ids', async () => {
    const s = await pdfService();
    try {
      const dir = tempDir('ccp-report-pdf-');
      for (const [kind, want] of Object.entries(EXPECTED)) {
        const file = path.join(dir, `${kind}.pdf`);
        const r = await call(s, 'writeReport', { kind, format: 'pdf', path: file, mode: 'car' });
        expect(r, kind).toEqual({ path: file, sheets: [...want.sheets] });
        const info = pdfInfo(file);
        expect(info.pages, kind).toBeGreaterThanOrEqual(1);
        expect(info.size, kind).toBe('A4');
        expect(info.width, kind).toBeGreaterThan(info.height);
        const text = pdfText(file);
        for (const t of [want.title, '项目：示例县（虚构示例数据）', '方案：基线（现状）', '出行方式：小汽车', ...want.sheets, ...want.text]) {
          expect(text, `${kind}: ${t}`).toContain(t);
        }
      }
    } finally {
      s.close();
    }
  }, 240_000);

  it('refuses to overwrite an existing file without overwrite (FILE_EXISTS, file untouched), replaces it with overwrite', async () => {
    const s = await pdfService();
    try {
      const file = path.join(tempDir('ccp-report-pdf-'), 'yearly.pdf');
      fs.writeFileSync(file, 'keep me');
      const e = await callError(s, 'writeReport', { kind: 'yearly', format: 'pdf', path: file, mode: 'car' });
      expect(e.code).toBe('FILE_EXISTS');
      expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
      await call(s, 'writeReport', { kind: 'yearly', format: 'pdf', path: file, mode: 'car', overwrite: true });
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      expect(fs.readdirSync(path.dirname(file))).toEqual(['yearly.pdf']);
    } finally {
      s.close();
    }
  }, 120_000);

  it('prints names with markup as text (a village called <script>)', async () => {
    const sheets = [{ key: 'notices', name: '公示', header: ['村代码', '村名', '巡诊安排'], fields: ['village_code', 'village_name', 'schedule'], rows: [['431299101201', '<script>alert(1)</script>', '周一 上午 <b>08:00</b>']] }];
    const html = reportHtml('tours', sheets, { project: '<img src=x onerror=alert(1)>', scenario: 'A&B', mode: 'car', generated: '2025-03-01 10:00' }, 'zh-CN');
    const file = path.join(tempDir('ccp-report-pdf-'), 'escaped.pdf');
    fs.writeFileSync(file, await htmlToPdfWithChromium(html, { paper: 'A4', landscape: true }));
    const text = pdfText(file);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('周一 上午 <b>08:00</b>');
  }, 60_000);

  it('cli: report --format pdf writes the yearly PDF and prints its path', () => {
    const out = path.join(tempDir('ccp-report-cli-'), 'yearly.pdf');
    const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/cli.ts', 'report', demoCopy(), '--kind', 'yearly', '--format', 'pdf', '--out', out], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CCP_HOME: tempDir('ccp-report-cli-home-') },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`已写出报表：${out}`);
    expect(pdfText(out)).toContain('年度工作汇总表');
    expect(pdfInfo(out).size).toBe('A4');
  }, 120_000);
});

describe('writeReport (pdf) without a converter', () => {
  it('fails with REPORT_FORMAT_UNAVAILABLE and a clear message, writing nothing', async () => {
    const s = await open(demoCopy());
    const file = path.join(tempDir('ccp-report-pdf-'), 'yearly.pdf');
    const e = await callError(s, 'writeReport', { kind: 'yearly', format: 'pdf', path: file, mode: 'car' });
    expect(e.code).toBe('REPORT_FORMAT_UNAVAILABLE');
    expect(translate('zh-CN', `errors.${e.code}`, e.params)).toBe('无法生成 pdf 格式的报表：此处没有可用的 PDF 打印程序（需要 Chromium、Chrome 或 Edge 浏览器）。可改用 xlsx');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a converter that fails becomes REPORT_FORMAT_UNAVAILABLE with its reason, nothing written', async () => {
    const s = createPlannerService({
      homeDir: tempDir('ccp-pdf-home-'),
      dataDir: tempDir('ccp-pdf-data-'),
      door: 'cli',
      version: '0.0.0',
      htmlToPdf: async () => {
        throw new Error('no Chromium, Chrome or Edge found');
      },
    });
    try {
      await call(s, 'openProject', { path: demoCopy() });
      const file = path.join(tempDir('ccp-report-pdf-'), 'tiers.pdf');
      const e = await callError(s, 'writeReport', { kind: 'tiers', format: 'pdf', path: file, mode: 'car' });
      expect(e.code).toBe('REPORT_FORMAT_UNAVAILABLE');
      expect(translate('en', `errors.${e.code}`, e.params)).toContain('no Chromium, Chrome or Edge found');
      expect(fs.readdirSync(path.dirname(file))).toEqual([]);
    } finally {
      s.close();
    }
  }, 120_000);
});

describe('report HTML', () => {
  const meta = { project: '示例县', scenario: '基线（现状）', mode: 'walk' as const, generated: '2025-03-01 10:00' };

  it('escapes every text: no markup from names, headers, sheet names or the heading', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const evil = '<script>alert(1)</script>';
    const html = reportHtml(
      'yearly',
      [{ key: 'yearly', name: evil, header: [evil, '数值'], fields: ['item', 'value'], rows: [[evil, 3]] }],
      { ...meta, project: evil, scenario: `"><img src=x onerror=alert(1)>` },
      'zh-CN',
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is a self-contained A4 landscape document: no external resources, header rows repeated, numbers right-aligned', () => {
    const html = reportHtml('yearly', [{ key: 'yearly', name: '年度汇总', header: ['项目', '数值'], fields: ['item', 'value'], rows: [['派驻补助', 360000]] }], meta, 'zh-CN');
    expect(html).toContain('@page { size: A4 landscape; margin: 12mm;');
    expect(html).toContain("'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif");
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).not.toMatch(/<(script|link|img|iframe)\b|\burl\(|src=/i);
    expect(html).toContain('<td class="num">360000</td>');
    expect(html).toContain('出行方式：</dt><dd>步行');
  });

  it('lays the tour schedule out per health centre (new page each) and per team and day', () => {
    const fields = ['depot_code', 'depot_name', 'team', 'day', 'session', 'order', 'venue_name'];
    const rows = [
      ['THC-1', '甲镇卫生院', 1, '周一', '上午', 1, '甲村'],
      ['THC-1', '甲镇卫生院', 2, '周一', '上午', 1, '乙村'],
      ['THC-1', '甲镇卫生院', 1, '周三', '下午', 1, '丙村'],
      ['THC-2', '乙镇卫生院', 1, '周二', '上午', 1, '丁村'],
    ];
    const html = reportHtml('tours', [{ key: 'tours', name: '巡诊排班', header: fields, fields, rows }], meta, 'zh-CN');
    expect(html.match(/<div class="group">/g)).toHaveLength(2);
    const headings = [...html.matchAll(/<h4>(.*?)<\/h4>/g)].map((m) => m[1]);
    expect(headings).toEqual(['第1巡诊队 · 周一', '第1巡诊队 · 周三', '第2巡诊队 · 周一', '第1巡诊队 · 周二']);
    expect(html).toContain('<h3>甲镇卫生院（THC-1）</h3>');
    // The depot, team and day columns are in the headings, not the day tables.
    expect(html).not.toContain('<th>depot_code</th>');
    expect(html).toContain('<th>venue_name</th>');
  });
});
