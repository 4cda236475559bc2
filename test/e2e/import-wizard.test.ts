/**
 * End to end: 文件 → 导入… in browser mode. A GBK CSV with Chinese headers and GCJ-02
 * coordinates (as copied from 高德) goes through the wizard: preview on the map, problems
 * listed, a mapping changed and fixed back, GCJ-02 chosen, imported; then 撤销 and 重做 with
 * Ctrl+Z / Ctrl+Y and the 历史记录 dialog. Leaves test-output/import-wizard.png to look at.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import gcoord from 'gcoord';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../electron/io/demo/generate.js';
import { tempDir } from '../helpers/fixtures.js';
import { hasChromium, launchChromium, outDir, root, startWeb } from '../helpers/web-mode.js';


/** Four new villages next to demo villages of one township (GCJ-02, as 高德 gives them) and one bad row. */
function writeGbkCsv(dir: string): { file: string; valid: number } {
  const county = generateDemoCounty();
  const township = county.townships[0]!;
  const used = new Set(county.villages.map((v) => v.code));
  const near = county.villages.filter((v) => v.townshipCode === township.code).slice(0, 5);
  const lines = ['村名,区划代码,乡镇代码,人口,户数,经度,纬度'];
  let serial = 990;
  near.forEach((v, i) => {
    let code: string;
    do code = `${township.code}${String(serial++).padStart(3, '0')}`;
    while (used.has(code));
    const [lng, lat] = gcoord.transform([v.location[0] + 0.004, v.location[1] + 0.003], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    // The last row's population is not a number: it must be listed and skipped.
    const population = i === near.length - 1 ? '约一千' : String(800 + i * 37);
    lines.push([`新建村${i + 1}`, code, township.code, population, String(200 + i * 9), lng.toFixed(6), lat.toFixed(6)].join(','));
  });
  const file = path.join(dir, '新增行政村.csv');
  fs.writeFileSync(file, iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
  return { file, valid: near.length - 1 };
}

describe.skipIf(!hasChromium)('import wizard in Chromium', () => {
  let web: { proc: ChildProcess; url: string };
  let browser: Browser;
  let page: Page;
  let csv: { file: string; valid: number };
  const consoleErrors: string[] = [];

  const villageCount = async () => {
    const text = await page.locator('[data-testid="status-counts"]').innerText();
    return Number(/行政村\s*(\d+)/.exec(text)![1]);
  };
  const waitVillages = (n: number) =>
    page.waitForFunction(
      (want) => {
        const el = document.querySelector('[data-testid="status-counts"]');
        const m = el && /行政村\s*(\d+)/.exec(el.textContent ?? '');
        return m !== null && Number(m[1]) === want;
      },
      n,
      { timeout: 30_000 },
    );
  const previewDone = () => page.waitForSelector('[data-testid="import-wizard"][data-step="2"][data-loading="false"] [data-testid="import-counts"]', { timeout: 30_000 });
  const renderedPreviewPoints = () =>
    page.evaluate(() => {
      const map = (window as unknown as { __ccp: { map: { getLayer(id: string): unknown; queryRenderedFeatures(o: object): unknown[] } } }).__ccp.map;
      return map.getLayer('import-preview') ? map.queryRenderedFeatures({ layers: ['import-preview'] }).length : -1;
    });

  beforeAll(async () => {
    csv = writeGbkCsv(tempDir('ccp-import-csv-'));
    web = await startWeb(tempDir('ccp-e2e-import-'));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(web.url);
    await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, { timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    web?.proc.kill('SIGTERM');
  });

  let before = 0;

  it('opens 文件 → 导入… and previews the GBK file: format, encoding, points on the map, problems', async () => {
    before = await villageCount();
    expect(before).toBeGreaterThan(100);
    await page.locator('.menu-title[data-menu="file"]').click();
    await page.locator('.menu-dropdown [data-command="file.import"]').click();
    await page.waitForSelector('[data-testid="import-wizard"][data-step="1"]');
    expect(await page.locator('[data-testid="import-layer"]').inputValue()).toBe('villages');
    await page.locator('[data-testid="import-path"]').fill(csv.file);
    await page.locator('[data-testid="import-next"]').click();
    await previewDone();

    expect(await page.locator('[data-testid="import-format"]').innerText()).toContain('GBK');
    const counts = page.locator('[data-testid="import-counts"]');
    expect(Number(await counts.getAttribute('data-accepted'))).toBe(csv.valid);
    expect(Number(await counts.getAttribute('data-rejected'))).toBe(1);
    // The sample table shows the Chinese text decoded.
    expect(await page.locator('[data-testid="import-sample"]').innerText()).toContain('新建村1');
    // The bad row is listed in Chinese, with its row number (header = row 1, so the fifth village is row 6).
    const problems = page.locator('[data-testid="import-problems"] li');
    expect(await problems.count()).toBeGreaterThan(0);
    const first = await problems.first().innerText();
    expect(first).toContain('6');
    expect(first).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('[data-testid="import-apply"]').innerText()).toBe(`导入 ${csv.valid} 条有效记录`);

    await page.waitForFunction(
      () => {
        const map = (window as unknown as { __ccp: { map: { getLayer(id: string): unknown; queryRenderedFeatures(o: object): unknown[] } } }).__ccp.map;
        return Boolean(map.getLayer('import-preview')) && map.queryRenderedFeatures({ layers: ['import-preview'] }).length > 0;
      },
      null,
      { timeout: 20_000 },
    );
    expect(await renderedPreviewPoints()).toBeGreaterThan(0);
  });

  it('re-runs the preview when a mapping changes, and when it is fixed back', async () => {
    const population = page.locator('[data-testid="import-map-population"]');
    expect(await population.inputValue()).toBe('人口');
    await population.selectOption('户数');
    await previewDone();
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('[data-testid="import-map-population"]')?.value === '户数');
    // With 户数 as the population, the bad 人口 cell no longer matters: every row is valid.
    await page.waitForFunction(() => document.querySelector('[data-testid="import-counts"]')?.getAttribute('data-rejected') === '0', null, { timeout: 20_000 });
    await population.selectOption('人口');
    await previewDone();
    await page.waitForFunction(() => document.querySelector('[data-testid="import-counts"]')?.getAttribute('data-rejected') === '1', null, { timeout: 20_000 });
    expect(await population.inputValue()).toBe('人口');
  });

  it('takes GCJ-02 (高德、腾讯), imports the valid records and says so', async () => {
    await page.locator('[data-testid="import-crs"]').selectOption('gcj02');
    await previewDone();
    expect(await page.locator('[data-testid="import-crs"] option:checked').innerText()).toBe('GCJ-02（高德、腾讯）');
    fs.mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: path.join(outDir, 'import-wizard.png') });

    await page.locator('[data-testid="import-apply"]').click();
    await page.waitForSelector('[data-testid="import-wizard"]', { state: 'detached' });
    await waitVillages(before + csv.valid);
    expect(await page.locator('[data-testid="notice"][data-key="importWizard.imported"]').innerText()).toContain(`已导入 ${csv.valid} 条（可撤销）`);
    // The preview layer went with the wizard.
    expect(await renderedPreviewPoints()).toBe(-1);
  });

  it('undoes with Ctrl+Z and redoes with Ctrl+Y, naming the change; 历史记录 lists it', async () => {
    await page.locator('[data-testid="status-counts"]').click();
    await page.keyboard.press('Control+z');
    await waitVillages(before);
    expect(await page.locator('[data-testid="notice"][data-key="importWizard.undone"]').innerText()).toContain('已撤销');
    await page.keyboard.press('Control+y');
    await waitVillages(before + csv.valid);
    expect(await page.locator('[data-testid="notice"][data-key="importWizard.redone"]').innerText()).toContain('已重做');

    await page.locator('.menu-title[data-menu="edit"]').click();
    await page.locator('.menu-dropdown [data-command="edit.history"]').click();
    const dialog = page.locator('[data-testid="history-dialog"]');
    await dialog.locator('.history-list li').first().waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('行政村');
    expect(await dialog.locator('.history-list li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(outDir, 'import-history.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('downloads the village template (下载模板) through the path prompt', async () => {
    const target = path.join(tempDir('ccp-template-'), '行政村模板.xlsx');
    await page.locator('.toolbar [data-command="file.import"]').click();
    await page.waitForSelector('[data-testid="import-wizard"][data-step="1"]');
    await page.locator('[data-testid="import-template"]').click();
    const prompt = page.locator('[data-testid="path-dialog"]');
    expect(await prompt.locator('.modal-title').innerText()).toBe('保存导入模板');
    await page.locator('[data-testid="path-input"]').fill(target);
    await prompt.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-testid="notice"][data-key="importWizard.templateWritten"]', { timeout: 20_000 });
    // An XLSX is a zip: PK header.
    expect(fs.readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.locator('[data-testid="import-wizard"] button', { hasText: '取消' }).click();
    await page.waitForSelector('[data-testid="import-wizard"]', { state: 'detached' });
  });

  it('opens the wizard with a dropped file\'s name for the path to be completed', async () => {
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['村名\n'], '拖入的村表.csv', { type: 'text/csv' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    });
    await page.waitForSelector('[data-testid="import-wizard"][data-step="1"]');
    expect(await page.locator('[data-testid="import-path"]').inputValue()).toMatch(/拖入的村表\.csv$/);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="import-wizard"]', { state: 'detached' });
    expect(consoleErrors).toEqual([]);
  });
});
