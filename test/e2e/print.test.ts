/**
 * End to end, the print layout editor (打印) in Chromium on the demo county: run the analysis,
 * open the editor with Ctrl+P, see the page preview with the map drawn, change the title, move
 * the legend by dragging and resize it by its corner handle, save the layout as a template in the
 * project, reload the page and load it back, then export a PNG through browser mode's path
 * dialog. Leaves test-output/print-editor.png and print-editor-export.png to look at.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { closeAppPage, hasChromium, openAppPage, outDir } from '../helpers/web-mode.js';

const TEMPLATE = '会议用图A3（测试）';

describe.skipIf(!hasChromium)('print layout editor in Chromium', { timeout: 180_000 }, () => {
  let web: { proc: ChildProcess; url: string };
  let browser: Browser;
  let page: Page;
  let home: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    home = tempDir('ccp-e2e-print-');
    ({ web, browser, page } = await openAppPage(home, { width: 1500, height: 960 }, consoleErrors));
  });

  afterAll(() => closeAppPage(browser, web));

  const editor = () => page.locator('[data-testid="print-editor"]');
  const boxValue = async (f: 'x' | 'y' | 'w' | 'h') => Number(await page.locator(`[data-testid="print-box-${f}"]`).inputValue());

  async function openEditor() {
    await page.keyboard.press('Control+P');
    await editor().waitFor();
    await page.waitForSelector('[data-testid="print-preview"][data-map-drawn="true"]', { timeout: 60_000 });
  }

  it('opens with Ctrl+P after an analysis: the page preview with the map, legend, scale bar, statistics and footer', async () => {
    await page.locator('.toolbar [data-command="analysis.coverage"]').click();
    await page.waitForSelector('[data-testid="analysis-panel"][data-status="done"]', { timeout: 120_000 });
    await openEditor();
    const svg = page.locator('[data-testid="print-preview"] > svg');
    const text = await svg.textContent();
    for (const s of ['示例县村级医疗卫生服务覆盖图', '图例', '0–15 分钟', '村卫生室', '公里', '分乡镇统计', '石门镇', '全县合计', '编制单位：示例县卫生健康局']) expect(text, s).toContain(s);
    // The preview's map is an image drawn for the page, not the window's canvas.
    const href = await svg.locator('[data-element="map"] image').getAttribute('href');
    expect(href).toMatch(/^data:image\/png;base64,/);
    await page.screenshot({ path: path.join(outDir, 'print-editor.png') });
  });

  it('edits the title, moves the legend by dragging and resizes it by its corner handle', async () => {
    await page.locator('[data-testid="print-field-title"]').fill('石门片区村级医疗卫生服务覆盖图（测试）');
    await expect.poll(() => page.locator('[data-testid="print-preview"] [data-element="title"]').textContent()).toContain('石门片区');

    // Select the legend by clicking it, then drag it 120 px left and 60 px up.
    const legend = page.locator('[data-edit="legend"] rect').first();
    const b = (await legend.boundingBox())!;
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    const x0 = await boxValue('x');
    const y0 = await boxValue('y');
    const w0 = await boxValue('w');
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2 - 60, b.y + b.height / 2 - 30, { steps: 4 });
    await page.mouse.move(b.x + b.width / 2 - 120, b.y + b.height / 2 - 60, { steps: 4 });
    await page.mouse.up();
    const x1 = await boxValue('x');
    const y1 = await boxValue('y');
    expect(x1).toBeLessThan(x0 - 20);
    expect(y1).toBeLessThan(y0 - 10);
    // Same scale on both axes (mm per screen pixel): 120 px left ≈ twice 60 px up.
    expect((x0 - x1) / (y0 - y1)).toBeCloseTo(2, 0);

    const handle = page.locator('[data-resize="legend"]');
    const hb = (await handle.boundingBox())!;
    await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await page.mouse.down();
    await page.mouse.move(hb.x + 40, hb.y + 20, { steps: 4 });
    await page.mouse.up();
    expect(await boxValue('w')).toBeGreaterThan(w0);
    expect(await boxValue('x')).toBe(x1);

    // The coordinate grid: off by default, labelled in degrees and minutes when on.
    const gridText = () => page.locator('[data-testid="print-preview"] [data-element="grid"]').textContent();
    expect(await page.locator('[data-testid="print-preview"] [data-element="grid"]').count()).toBe(0);
    await page.locator('[data-testid="print-element-grid"]').check();
    await expect.poll(gridText, { timeout: 30_000 }).toMatch(/\d+°(\d{2}′)?E/);
    expect(await gridText()).toMatch(/\d+°(\d{2}′)?N/);
    // A chosen spacing: 5′ gives more lines than the automatic 10′ on the whole county.
    const lines = () => page.locator('[data-testid="print-preview"] [data-element="grid"] line').count();
    const auto = await lines();
    await page.locator('[data-testid="print-grid-minutes"]').selectOption('5');
    await expect.poll(lines, { timeout: 30_000 }).toBeGreaterThan(auto);
    await page.screenshot({ path: path.join(outDir, 'print-editor-grid.png') });
    await page.locator('[data-testid="print-element-grid"]').uncheck();

    // Arrow keys nudge by 1 mm.
    await editor().focus();
    await page.keyboard.press('ArrowRight');
    expect(await boxValue('x')).toBeCloseTo(x1 + 1, 1);
  });

  it('saves the layout as a template in the project and loads it back after a reload', async () => {
    const x = await boxValue('x');
    await page.locator('[data-testid="print-template-name"]').fill(TEMPLATE);
    await page.locator('[data-testid="print-template-save"]').click();
    await expect.poll(() => page.locator('[data-testid="print-message"]').textContent()).toContain(TEMPLATE);
    await page.locator('[data-testid="print-close"]').click();
    // Closed and opened again (e.g. to change the map): the work in progress is still there.
    await openEditor();
    expect(await page.locator('[data-testid="print-field-title"]').inputValue()).toBe('石门片区村级医疗卫生服务覆盖图（测试）');
    expect(await page.locator('[data-testid="print-template"]').inputValue()).toBe(TEMPLATE);
    await page.locator('[data-testid="print-close"]').click();

    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, { timeout: 60_000 });
    await openEditor();
    const options = await page.locator('[data-testid="print-template"] option').allTextContents();
    expect(options).toContain(TEMPLATE);
    expect(options).toContain('A4竖版会议用图'); // the demo's example template
    await page.locator('[data-testid="print-template"]').selectOption(TEMPLATE);
    expect(await page.locator('[data-testid="print-field-title"]').inputValue()).toBe('石门片区村级医疗卫生服务覆盖图（测试）');
    await page.locator('[data-edit="legend"] rect').first().click();
    expect(await boxValue('x')).toBeCloseTo(x, 1);
  });

  it('exports the page as a PNG through the path dialog (150 dpi A3 landscape: 2480 × 1754 px)', async () => {
    await page.locator('[data-testid="print-dpi"]').selectOption('150');
    await page.screenshot({ path: path.join(outDir, 'print-editor-before-export.png') });
    const target = path.join(home, 'map-out.png');
    await page.locator('[data-testid="print-png"]').click();
    const dialog = page.locator('[data-testid="path-dialog"]');
    await dialog.waitFor();
    await dialog.locator('[data-testid="path-input"]').fill(target);
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-testid="print-message"]').textContent(), { timeout: 120_000 }).toContain(target);
    const png = fs.readFileSync(target);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2480, 1754]);
    fs.copyFileSync(target, path.join(outDir, 'print-editor-export.png'));
    // The pages mounted for the export are gone again.
    expect(await page.locator('#print-root').count()).toBe(0);
    expect(await page.locator('[data-testid="error-banner"]').count()).toBe(0);
  });

  it('writes the yearly report as a PDF from 文件 → 报表… (the dialog, the path dialog, the server printing it)', async () => {
    await page.locator('[data-testid="print-close"]').click();
    await page.locator('.menu-bar [data-menu="file"]').click();
    await page.locator('[data-command="file.reports"]').click();
    await page.locator('[data-testid="report-kind-yearly"]').check();
    await page.locator('[data-testid="report-format-pdf"]').click();
    await page.screenshot({ path: path.join(outDir, 'reports-dialog.png') });
    await page.locator('[data-testid="reports-save"]').click();
    const target = path.join(home, 'yearly.pdf');
    const dialog = page.locator('[data-testid="path-dialog"]');
    await dialog.waitFor();
    await dialog.locator('[data-testid="path-input"]').fill(target);
    await dialog.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-testid="reports-written"]', { timeout: 120_000 });
    const pdf = fs.readFileSync(target);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await page.locator('[data-testid="reports-written"]').textContent()).toContain(target);
    expect(await page.locator('[data-testid="error-banner"]').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
