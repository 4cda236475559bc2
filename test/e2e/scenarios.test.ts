/**
 * End to end, scenarios (方案) in Chromium: on the demo county, create a scenario (it becomes the
 * active one), add a village clinic in 龙岗村 through the detail pane, let the analysis re-run,
 * compare the baseline with the scenario (one blank village fewer), and check the roster tab flags
 * the planted problems (three junior titles, one half-release posting of 2 days a week). Leaves
 * test-output/scenario-compare.png and test-output/roster.png to look at.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { closeAppPage, hasChromium, openAppPage, outDir } from '../helpers/web-mode.js';

const LONGGANG = '431299202213';
const SCENARIO = '增设龙岗村卫生室';

describe.skipIf(!hasChromium)('scenarios in Chromium', () => {
  let web: { proc: ChildProcess; url: string };
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ({ web, browser, page } = await openAppPage(tempDir('ccp-e2e-scenarios-'), { width: 1500, height: 960 }, consoleErrors));
  });

  afterAll(() => closeAppPage(browser, web));

  /** Waits until an analysis has started after `before` and finished. */
  const analysisDone = () => page.waitForSelector('[data-testid="analysis-panel"][data-status="done"]', { timeout: 120_000 });

  it('lists the baseline as the active scenario of the demo county', async () => {
    await page.waitForSelector('[data-testid="scenario-panel"]');
    const baseline = page.locator('[data-testid="scenario-list"] [data-scenario-id="0"]');
    expect(await baseline.getAttribute('data-active')).toBe('true');
    expect(await baseline.innerText()).toContain('基线');
    expect(await page.locator('[data-testid="scenario-edits"]').count()).toBe(0);
  });

  it('creates a scenario (a copy of the baseline) and makes it active', async () => {
    await page.locator('[data-testid="scenario-new"]').click();
    const input = page.locator('[data-testid="scenario-name-input"]');
    await input.fill(SCENARIO);
    await page.locator('[data-testid="scenario-name-ok"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="scenario-panel"]')?.getAttribute('data-active') !== '0', null, { timeout: 30_000 });
    const item = page.locator('[data-testid="scenario-list"] li', { hasText: SCENARIO });
    expect(await item.getAttribute('data-active')).toBe('true');
    expect(await page.locator('[data-testid="scenario-list"] [data-scenario-id="0"]').getAttribute('data-active')).toBe('false');
    await analysisDone();
    expect(await page.locator('[data-testid="scenario-edits"]').innerText()).toContain('还没有改动');
  });

  it('adds a village clinic in 龙岗村 from the detail pane and re-runs the analysis', async () => {
    await page.locator('[data-testid="dock-tab-coverage"]').click();
    const row = page.locator(`[data-testid="village-table"] tr[data-code="${LONGGANG}"]`);
    await row.scrollIntoViewIfNeeded();
    expect(await row.locator('td.blank').count()).toBe(1); // a blank village in the baseline
    await row.click();
    await page.waitForSelector('[data-testid="detail-pane"] [data-testid="scenario-facility-actions"]');
    expect(await page.locator('[data-testid="detail-pane"] h2').innerText()).toContain('龙岗村');
    await page.locator('[data-testid="scenario-add-clinic"]').click();

    // The edit is listed in the scenario panel, and the analysis of the scenario runs again.
    await page.waitForSelector('[data-testid="scenario-edits"] li[data-edit-op="add"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="scenario-edits"] li').innerText()).toContain('龙岗村卫生室');
    await analysisDone();
    await page.waitForSelector('[data-testid="detail-pane"] [data-testid="scenario-undo-clinic"]');
    expect(await page.locator('[data-testid="scenario-facility-actions"]').innerText()).toContain('SC-431299202213');

    // In the scenario's result 龙岗村 is no longer blank.
    await page.waitForFunction((code) => {
      const tr = document.querySelector(`[data-testid="village-table"] tr[data-code="${code}"]`);
      return tr !== null && tr.querySelector('td.blank') === null;
    }, LONGGANG, { timeout: 30_000 });
  });

  it('compares the baseline with the scenario: one blank village fewer', async () => {
    await page.locator('[data-testid="scenario-compare"]').click();
    await page.waitForSelector('[data-testid="compare-dialog"]');
    expect(await page.locator('[data-testid="compare-a"]').inputValue()).toBe('0');
    expect(await page.locator('[data-testid="compare-b"] option:checked').innerText()).toBe(SCENARIO);
    const started = Date.now();
    await page.waitForSelector('[data-testid="compare-status"][data-state="done"], [data-testid="compare-status"][data-state="error"]', { state: 'attached', timeout: 200_000 });
    console.log(`[e2e] scenario comparison: ${Date.now() - started} ms`);
    expect(await page.locator('[data-testid="compare-status"]').getAttribute('data-state'), await page.locator('[data-testid="compare-status"]').innerText()).toBe('done');
    const blank = page.locator('[data-testid="compare-table"] tr[data-row="blankVillages"]');
    const a = Number(await blank.getAttribute('data-a'));
    const b = Number(await blank.getAttribute('data-b'));
    expect(a - b).toBe(1);
    expect(await blank.getAttribute('data-verdict')).toBe('better');
    expect(await blank.locator('td').nth(3).innerText()).toMatch(/^−1(\s|$)/);
    // Every figure of the issue is a row; the chart has its bars.
    for (const key of ['beyond.clinic', 'beyond.thc', 'beyond.county', 'mode.tour', 'mode.undecided', 'staff.postingStaff', 'subsidyCny', 'rosterIssues', 'tier.1']) {
      expect(await page.locator(`[data-testid="compare-table"] tr[data-row="${key}"]`).count(), key).toBe(1);
    }
    expect(await page.locator('[data-testid="compare-chart"] .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(outDir, 'scenario-compare.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="compare-dialog"]', { state: 'detached' });
  }, 240_000);

  it('flags the planted roster problems in the roster tab', async () => {
    // (A comparison that failed above may have left its dialog open.)
    if (await page.locator('[data-testid="compare-dialog"]').count()) await page.keyboard.press('Escape');
    await page.locator('[data-testid="dock-tab-roster"]').click();
    await page.waitForSelector('[data-testid="roster-table"] tbody tr', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="roster-summary"]');

    const junior = page.locator('[data-testid="roster-table"] tbody tr[data-title="junior"]');
    expect(await junior.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      expect(await junior.nth(i).getAttribute('data-flagged')).toBe('true');
      expect(await junior.nth(i).getAttribute('data-rules')).toMatch(/\S/);
    }
    const twoDayHalf = page.locator('[data-testid="roster-table"] tbody tr[data-release="half"][data-days="2"]');
    expect(await twoDayHalf.count()).toBe(1);
    expect(await twoDayHalf.getAttribute('data-flagged')).toBe('true');

    // 只看问题 keeps the flagged rows only.
    const total = await page.locator('[data-testid="roster-table"] tbody tr[data-posting-id]').count();
    await page.locator('[data-testid="roster-issues-only"]').check();
    const flagged = await page.locator('[data-testid="roster-table"] tbody tr[data-posting-id]').count();
    // Each flagged posting has its issue texts (with the rule id) in the line under it.
    expect(await page.locator('[data-testid="roster-table"] tbody tr.roster-issue-row').count()).toBe(flagged);
    expect(await page.locator('[data-testid="roster-table"] tbody tr.roster-issue-row').first().innerText()).toMatch(/\[[A-Z]\d/);
    expect(flagged).toBeGreaterThanOrEqual(4);
    expect(flagged).toBeLessThan(total);
    expect(await page.locator('[data-testid="roster-table"] tbody tr[data-flagged="false"]').count()).toBe(0);

    const summary = await page.locator('[data-testid="roster-summary"]').innerText();
    expect(summary).toContain('半脱产占比');
    expect(summary).toMatch(/\d{1,3}(,\d{3})+/); // the subsidy with thousands separators
    await page.screenshot({ path: path.join(outDir, 'roster.png') });
  });

  it('changes a posting in the scenario: the 2-day half-release posting to 3 days clears its P2 issue', async () => {
    const row = page.locator('[data-testid="roster-table"] tbody tr[data-release="half"][data-days="2"]');
    const id = await row.getAttribute('data-posting-id');
    expect(await row.getAttribute('data-rules')).toContain('P2');
    await row.locator('[data-testid="roster-edit"]').click();
    await page.locator('[data-testid="posting-days"]').fill('3');
    await page.locator('[data-testid="posting-apply"]').click();
    await page.waitForSelector('[data-testid="scenario-edits"] li[data-edit-op="postingUpdate"]', { timeout: 30_000 });
    await analysisDone();
    const changed = page.locator(`[data-testid="roster-table"] tbody tr[data-posting-id="${id}"]`);
    await page.locator('[data-testid="roster-issues-only"]').uncheck();
    await page.waitForFunction((pid) => document.querySelector(`[data-testid="roster-table"] tbody tr[data-posting-id="${pid}"]`)?.getAttribute('data-days') === '3', id);
    expect(await changed.getAttribute('class')).toContain('edited');
    expect(await changed.getAttribute('data-rules')).not.toContain('half_release_min_days');
    expect(await page.locator('[data-testid="scenario-edits"]').innerText()).toContain('调整派驻');
  });

  it('what-if → 存入方案: a clinic added in the what-if session becomes the scenario\'s edit', async () => {
    // Undo the clinic added from the detail pane (× in the scenario panel's edit list).
    await page.locator('[data-testid="scenario-edits"] li[data-edit-op="add"] [data-testid="scenario-edit-remove"]').click();
    await page.waitForSelector('[data-testid="scenario-edits"] li[data-edit-op="add"]', { state: 'detached', timeout: 30_000 });
    await analysisDone();

    await page.locator('[data-testid="dock-tab-coverage"]').click();
    await page.locator('.toolbar [data-command="analysis.whatIf"]').click();
    await page.waitForSelector('[data-testid="what-if-banner"][data-pending="false"]', { timeout: 60_000 });
    expect(await page.locator('[data-testid="what-if-save-scenario"]').isDisabled()).toBe(true); // nothing changed yet
    await page.locator(`[data-testid="village-table"] tr[data-code="${LONGGANG}"]`).click(); // flies the map there
    await page.waitForTimeout(1200);
    const pt = await page.evaluate((code) => {
      const map = (window as unknown as { __ccp: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[]; project(c: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } } }).__ccp.map;
      const f = map.queryRenderedFeatures({ layers: ['villages-circle'] }).find((x) => x.properties.code === code)!;
      const p = map.project(f.geometry.coordinates);
      const r = map.getContainer().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, LONGGANG);
    await page.mouse.click(pt.x, pt.y);
    await page.locator('[data-testid="add-clinic"]').click();
    await page.waitForSelector('[data-testid="what-if-banner"][data-pending="false"]', { timeout: 30_000 });
    await page.locator('[data-testid="what-if-save-scenario"]').click();
    await page.waitForSelector('[data-testid="scenario-edits"] li[data-edit-op="add"]', { timeout: 30_000 });
    await analysisDone();
    expect(await page.locator('[data-testid="what-if-banner"]').count()).toBe(0);
    expect(await page.locator('[data-testid="scenario-edits"] li[data-edit-op="add"]').innerText()).toContain('SC-431299202213');
  }, 120_000);

  it('ran without page errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
