/**
 * End to end, weekly tours (巡诊排班) in Chromium on the demo county: run the analysis, turn a few
 * villages of 石门镇 into twice-weekly tours (override with a reason, as a planner would), open the
 * tours tab, 生成排班, choose 石门镇卫生院, check the week calendar shows its visits and the map
 * draws its routes (lines, arrows, numbered stops), drag a visit to another session (live
 * re-check, 还原), move one with the keyboard, and export the tour files. Leaves
 * test-output/tours-week.png (and tours-edited.png) to look at.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { closeAppPage, hasChromium, openAppPage, outDir } from '../helpers/web-mode.js';

const SHIMEN = '431299102';
const OVERRIDES = 3;

type Rendered = { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } };
type MapHandle = { __ccp: { map: { queryRenderedFeatures(o: object): Rendered[]; loaded(): boolean } } };

describe.skipIf(!hasChromium)('weekly tours in Chromium', () => {
  let web: { proc: ChildProcess; url: string };
  let browser: Browser;
  let page: Page;
  let home: string;
  const consoleErrors: string[] = [];
  let depot = '';

  beforeAll(async () => {
    home = tempDir('ccp-e2e-tours-');
    ({ web, browser, page } = await openAppPage(home, { width: 1500, height: 1000 }, consoleErrors));
  });

  afterAll(() => closeAppPage(browser, web));

  const panel = () => page.locator('[data-testid="tours-panel"]');
  const calendar = () => page.locator('[data-testid="tour-calendar"]');
  const rendered = (layer: string) =>
    page.evaluate((id) => (window as unknown as MapHandle).__ccp.map.queryRenderedFeatures({ layers: [id] }).map((f) => ({ properties: f.properties, type: f.geometry.type })), layer);

  it('runs the analysis and overrides a few 石门镇 villages to twice-weekly tours', async () => {
    await page.locator('.toolbar [data-command="analysis.coverage"]').click();
    await page.waitForSelector('[data-testid="analysis-panel"][data-status="done"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="planning-panel"][data-has-planning="true"]', { timeout: 30_000 });
    await page.locator('[data-testid="open-proposals"]').click();
    const table = page.locator('[data-testid="proposal-table"]');
    await table.waitFor();
    await table.locator('select[data-filter="township"]').selectOption(SHIMEN);
    const codes = await table
      .locator('tbody tr[data-status="proposed"]:not([data-proposed="tour"])')
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.code!));
    expect(codes.length).toBeGreaterThanOrEqual(OVERRIDES);
    for (const code of codes.slice(0, OVERRIDES)) {
      await table.locator(`tbody tr[data-code="${code}"] button[data-action="override"]`).click();
      const dialog = page.locator('[data-testid="decision-dialog"]');
      await dialog.waitFor();
      await dialog.locator('[data-testid="decision-mode"]').selectOption('tour');
      await dialog.locator('[data-testid="decision-visits"]').fill('2');
      await dialog.locator('[data-testid="decision-reason"]').fill('村医外出务工，卫生院每周巡诊两次（测试）');
      await dialog.locator('[data-testid="decision-ok"]').click();
      await page.waitForSelector(`[data-testid="proposal-table"] tbody tr[data-code="${code}"][data-status="overridden"][data-mode="tour"]`, { timeout: 15_000 });
    }
  });

  it('plans the tours and shows the week of 石门镇卫生院 with its visits', async () => {
    await page.locator('[data-testid="dock-tab-tours"]').click();
    await panel().waitFor();
    expect(await page.locator('[data-testid="tours-empty"]').innerText()).toContain('生成排班');
    await page.locator('[data-testid="tours-run"]').click();
    await page.waitForSelector('[data-testid="tours-panel"][data-status="done"]', { timeout: 120_000 });
    const options = await page.locator('[data-testid="tour-depot"] option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const shimen = options.find((o) => o.value.includes(SHIMEN) || o.text.includes('石门'));
    expect(shimen, JSON.stringify(options)).toBeTruthy();
    depot = shimen!.value;
    await page.locator('[data-testid="tour-depot"]').selectOption(depot);
    await page.waitForSelector(`[data-testid="tours-week"][data-depot="${depot}"]`);
    const visits = await calendar().locator('td.has-visit').count();
    // The settlement and the overridden villages, twice a week each (some may be flagged, never dropped).
    const totals = page.locator('[data-testid="tours-totals"]');
    const required = Number(await totals.getAttribute('data-required'));
    const planned = Number(await totals.getAttribute('data-planned'));
    expect(required).toBeGreaterThanOrEqual(2 * (OVERRIDES + 1));
    expect(planned).toBe(visits);
    expect(visits).toBeGreaterThanOrEqual(2 * OVERRIDES);
    // Every cell with a visit names its village and shows arrival–departure and travel.
    const first = await calendar().locator('td.has-visit').first().innerText();
    expect(first).toMatch(/\d{2}:\d{2}–\d{2}:\d{2}/);
    expect(first).toMatch(/路程 \d+ 分/);
    expect(await calendar().locator('thead th').allInnerTexts()).toEqual(expect.arrayContaining(['周一', '周五']));
    expect(await calendar().innerText()).toContain('上午');
    // Unplanned visits are never silent: the shortfall is listed as an issue.
    if (planned < required) expect(Number(await page.locator('[data-testid="tours-issues"]').getAttribute('data-errors'))).toBeGreaterThan(0);
  });

  it('draws the routes on the map: lines, direction arrows, numbered stops and the depot', async () => {
    await page.waitForFunction(
      () => {
        const map = (window as unknown as MapHandle).__ccp.map;
        return map.loaded() && map.queryRenderedFeatures({ layers: ['tour-routes'] }).length > 0 && map.queryRenderedFeatures({ layers: ['tour-stops'] }).length > 0;
      },
      null,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(700);
    const routes = await rendered('tour-routes');
    const stops = await rendered('tour-stops');
    const arrows = await rendered('tour-arrows');
    const depots = await rendered('tour-depot');
    expect(routes.every((r) => r.type === 'LineString' || r.type === 'MultiLineString')).toBe(true);
    const teamDays = new Set(routes.map((r) => r.properties.key));
    const calendarTeamDays = new Set(
      await calendar().locator('td.has-visit').evaluateAll((tds) => tds.map((td) => `${(td as HTMLElement).dataset.team}|${(td as HTMLElement).dataset.day}`)),
    );
    expect([...teamDays].sort()).toEqual([...calendarTeamDays].sort());
    expect(new Set(stops.map((s) => s.properties.label))).toContain('1');
    expect(arrows.length).toBeGreaterThanOrEqual(teamDays.size * 2);
    expect(depots.length).toBe(1);
    // One colour per team-day.
    const colours = new Map(routes.map((r) => [r.properties.key, r.properties.color]));
    expect(new Set(colours.values()).size).toBe(colours.size);
    await page.screenshot({ path: path.join(outDir, 'tours-week.png') });
  });

  it('hovering a calendar cell highlights its route', async () => {
    const cell = calendar().locator('td.has-visit').first();
    const key = await cell.evaluate((td) => `${(td as HTMLElement).dataset.team}|${(td as HTMLElement).dataset.day}`);
    await cell.hover();
    await page.waitForFunction(
      (k) => (window as unknown as MapHandle).__ccp.map.queryRenderedFeatures({ layers: ['tour-routes'] }).some((f) => f.properties.key === k && f.properties.highlighted === true),
      key,
      { timeout: 10_000 },
    );
  });

  it('drags a visit to another session: re-checked live, flagged, totals kept; 还原 restores', async () => {
    const before = await calendar().locator('td.has-visit').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.slot));
    const source = calendar().locator('td.has-visit').first();
    const venue = await source.getAttribute('data-venue');
    // Onto a free working cell of another day.
    const target = calendar().locator('td.tour-cell.empty:not(.off)').last();
    const targetSlot = (await target.getAttribute('data-slot'))!;
    await source.locator('[data-testid="tour-visit"]').dragTo(target);
    await page.waitForSelector('[data-testid="tours-week"][data-edited="true"]', { timeout: 10_000 });
    expect(await calendar().locator(`td[data-slot="${targetSlot}"]`).getAttribute('data-venue')).toBe(venue);
    expect(await calendar().locator('td.has-visit').count()).toBe(before.length);
    expect(await page.locator('[data-testid="tours-edited"]').innerText()).toContain('不写入项目');
    await page.screenshot({ path: path.join(outDir, 'tours-edited.png') });
    await page.locator('[data-testid="tours-restore"]').click();
    await page.waitForSelector('[data-testid="tours-week"][data-edited="false"]');
    expect(await calendar().locator('td.has-visit').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.slot))).toEqual(before);
  });

  it('flags a breach made by hand (a village twice on one day) on the cell and in the issues (移到… list)', async () => {
    const visits = await calendar()
      .locator('td.has-visit')
      .evaluateAll((tds) => tds.map((td) => ({ ...(td as HTMLElement).dataset })) as { slot: string; venue: string; team: string; day: string; session: string }[]);
    const a = visits.find((v) => visits.some((w) => w.venue === v.venue && w.day !== v.day));
    expect(a).toBeTruthy();
    const b = visits.find((w) => w.venue === a!.venue && w.day !== a!.day)!;
    const target = `${b.team}|${b.day}|${b.session === 'am' ? 'pm' : 'am'}`;
    await calendar().locator(`td[data-slot="${a!.slot}"]`).click();
    await page.locator('[data-testid="tour-move-to"]').selectOption(target);
    await page.waitForSelector('[data-testid="tours-week"][data-edited="true"]');
    expect(await calendar().locator(`td[data-slot="${target}"]`).getAttribute('data-severity')).toBe('error');
    const issues = page.locator('[data-testid="tours-issues"]');
    expect(Number(await issues.getAttribute('data-errors'))).toBeGreaterThan(0);
    expect(await issues.locator(`li[data-code="same_day_twice"]`).count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: path.join(outDir, 'tours-flagged.png') });
    await page.locator('[data-testid="tours-restore"]').click();
    await page.waitForSelector('[data-testid="tours-week"][data-edited="false"]');
    expect(Number(await issues.getAttribute('data-errors'))).toBe(0);
  });

  it('moves a visit with the keyboard (Enter, arrows, Enter)', async () => {
    const source = calendar().locator('td.has-visit').first();
    const slot = (await source.getAttribute('data-slot'))!;
    const venue = await source.getAttribute('data-venue');
    await source.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid="tour-calendar-hint"]').innerText()).toContain('正在移动');
    // Down one row (the other session of the same team) and confirm.
    await page.keyboard.press('ArrowDown');
    const targetSlot = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.slot);
    expect(targetSlot).not.toBe(slot);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="tours-week"][data-edited="true"]');
    expect(await calendar().locator(`td[data-slot="${targetSlot}"]`).getAttribute('data-venue')).toBe(venue);
    await page.locator('[data-testid="tours-restore"]').click();
    await page.waitForSelector('[data-testid="tours-week"][data-edited="false"]');
  });

  it('edits the team settings of the depot and re-plans', async () => {
    await page.locator('[data-testid="tours-settings-toggle"]').click();
    const form = page.locator('[data-testid="tour-settings"]');
    await form.waitFor();
    expect(await form.locator('input[data-field="dayStart"]').inputValue()).toMatch(/^\d{2}:\d{2}$/);
    // The selected visit's village: its allowed days.
    await calendar().locator('td.has-visit').first().click();
    await form.locator('[data-testid="tour-village-days"]').waitFor();
    await form.locator('input[data-field="teams"]').fill('2');
    await page.screenshot({ path: path.join(outDir, 'tours-settings.png') });
    await form.locator('[data-testid="tour-settings-save"]').click();
    await page.locator('[data-testid="notice"][data-key="toursUi.settings.saved"]').waitFor({ timeout: 15_000 });
    await page.waitForSelector('[data-testid="tours-panel"][data-status="done"]', { timeout: 120_000 });
    await page.locator('[data-testid="tours-settings-toggle"]').click();
  });

  it('lists the monthly and quarterly tours', async () => {
    await page.locator('[data-testid="tours-view-higher"]').click();
    const higher = page.locator('[data-testid="tours-higher"]');
    await higher.waitFor();
    expect(await higher.locator('section[data-kind="county_to_thc"]').count()).toBeGreaterThan(0);
    expect(await higher.locator('tbody tr').count()).toBeGreaterThan(0);
    // The routes are only drawn in the week view.
    await page.waitForFunction(() => (window as unknown as MapHandle).__ccp.map.queryRenderedFeatures({ layers: ['tour-routes'] }).length === 0);
    await page.locator('[data-testid="tours-view-week"]').click();
  });

  it('exports the tour files to a folder', async () => {
    expect(await page.locator('[data-testid="error-banner"]').count()).toBe(0);
    const dir = path.join(home, 'tours-out');
    await page.locator('[data-testid="tours-export"]').click();
    const dialog = page.locator('[data-testid="path-dialog"]');
    await dialog.waitFor();
    await dialog.locator('[data-testid="path-input"]').fill(dir);
    await dialog.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-testid="tours-files"]', { timeout: 60_000 });
    expect(fs.existsSync(path.join(dir, 'tours.csv'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'tours.geojson'))).toBe(true);
  });

  it('shows a depot with infeasibilities (county backfill) with its issues in words', async () => {
    const options = await page.locator('[data-testid="tour-depot"] option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const flagged = options.find((o) => o.text.includes('有问题')) ?? options.find((o) => /县|医院/.test(o.text) && !o.text.includes('卫生院'));
    if (!flagged) return;
    await page.locator('[data-testid="tour-depot"]').selectOption(flagged.value);
    await page.waitForSelector(`[data-testid="tours-week"][data-depot="${flagged.value}"]`);
    const issues = page.locator('[data-testid="tours-issues"]');
    await page.screenshot({ path: path.join(outDir, 'tours-issues.png') });
    const text = await issues.innerText();
    expect(Number(await issues.getAttribute('data-errors'))).toBeGreaterThan(0);
    // Reasons in Chinese, never an untranslated code.
    expect(text).not.toMatch(/tourIssues\.|[a-z]+_[a-z]+/);
    await page.locator('[data-testid="tour-depot"]').selectOption(depot);
  });

  it('hides the routes when another tab is shown, and logged no console errors', async () => {
    await page.locator('[data-testid="dock-tab-coverage"]').click();
    await page.waitForFunction(() => (window as unknown as MapHandle).__ccp.map.queryRenderedFeatures({ layers: ['tour-routes'] }).length === 0);
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
