/**
 * End to end, planning proposals (规划建议) in Chromium on the demo county: run the analysis,
 * open the proposals tab, accept one proposal and override another (mode + reason), switch on the
 * proposals map and check it draws villages by service mode (test-output/planning-proposals.png),
 * reload the page and check the override survived, then change X.large_village_population to
 * 2700 in 设置 and check 龙岗村 (2680 residents) is no longer a posting while every other
 * proposal stays as it was. Leaves test-output/planning-*.png to look at.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { closeAppPage, hasChromium, openAppPage, outDir } from '../helpers/web-mode.js';

const LONGGANG = '431299202213';

type MapHandle = { __ccp: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown> }[] } } };

describe.skipIf(!hasChromium)('planning proposals in Chromium', () => {
  let web: { proc: ChildProcess; url: string };
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  let accepted = '';
  let overridden = '';

  beforeAll(async () => {
    ({ web, browser, page } = await openAppPage(tempDir('ccp-e2e-planning-'), { width: 1500, height: 960 }, consoleErrors));
  });

  afterAll(() => closeAppPage(browser, web));

  const table = () => page.locator('[data-testid="proposal-table"]');
  const row = (code: string) => page.locator(`[data-testid="proposal-table"] tbody tr[data-code="${code}"]`);

  /** Proposed mode of every row of the proposals table (all filters off), by village code. */
  const proposedModes = () =>
    page.evaluate(() => {
      const out: Record<string, string> = {};
      for (const tr of document.querySelectorAll<HTMLElement>('[data-testid="proposal-table"] tbody tr')) out[tr.dataset.code!] = tr.dataset.proposed!;
      return out;
    });

  it('runs the analysis and lists a proposal for every village in the proposals tab', async () => {
    await page.locator('.toolbar [data-command="analysis.coverage"]').click();
    await page.waitForSelector('[data-testid="analysis-panel"][data-status="done"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="planning-panel"][data-has-planning="true"]', { timeout: 30_000 });
    await page.locator('[data-testid="open-proposals"]').click();
    await table().waitFor();
    expect(await table().locator('tbody tr').count()).toBeGreaterThanOrEqual(150);
    const modes = new Set(Object.values(await proposedModes()));
    for (const m of ['covered', 'neighbour', 'joint_clinic', 'tour', 'posting', 'county_backfill']) expect(modes, m).toContain(m);
    // Reasons in words, with the deciding rule.
    const reason = await table().locator('tbody tr[data-proposed="neighbour"] td.reason').first().innerText();
    expect(reason).toMatch(/→ 邻村延伸服务 \[V4\]$/);
  });

  it('accepts one proposal and overrides another (mode + reason; OK disabled until a reason is given)', async () => {
    const codesOf = (mode: string) => table().locator(`tbody tr[data-proposed="${mode}"][data-status="proposed"]`).evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.code!));
    // Accept a neighbour service; turn a tour into a posting.
    [accepted] = await codesOf('neighbour');
    [overridden] = await codesOf('tour');
    expect(accepted).toBeTruthy();
    expect(overridden).toBeTruthy();

    await row(accepted).locator('button[data-action="accept"]').click();
    await page.waitForSelector(`[data-testid="proposal-table"] tbody tr[data-code="${accepted}"][data-status="accepted"]`, { timeout: 15_000 });

    await row(overridden).locator('button[data-action="override"]').click();
    const dialog = page.locator('[data-testid="decision-dialog"]');
    await dialog.waitFor();
    await dialog.locator('[data-testid="decision-mode"]').selectOption('posting');
    await dialog.locator('[data-testid="decision-days"]').fill('5');
    expect(await dialog.locator('[data-testid="decision-ok"]').isDisabled()).toBe(true);
    await dialog.locator('[data-testid="decision-reason"]').fill('村民就诊需求大，乡镇卫生院同意派驻（测试）');
    expect(await dialog.locator('[data-testid="decision-ok"]').isDisabled()).toBe(false);
    await page.screenshot({ path: path.join(outDir, 'planning-override.png') });
    await dialog.locator('[data-testid="decision-ok"]').click();
    await page.waitForSelector(`[data-testid="proposal-table"] tbody tr[data-code="${overridden}"][data-status="overridden"][data-mode="posting"]`, { timeout: 15_000 });
    expect(await dialog.count()).toBe(0);
    expect(await page.locator('[data-testid="planning-decisions"]').getAttribute('data-decided')).toBe('2');
  });

  it('shows the proposals map: villages by service mode, merge links, THC tiers, with a legend', async () => {
    await page.locator('[data-testid="proposals-view"]').check();
    await page.locator('.toolbar [data-command="view.zoomToProject"]').click();
    await page.waitForFunction(
      () => {
        const map = (window as unknown as MapHandle).__ccp.map;
        return map.queryRenderedFeatures({ layers: ['planning-villages'] }).length >= 150 && map.queryRenderedFeatures({ layers: ['planning-thc-ring'] }).length > 0;
      },
      null,
      { timeout: 30_000 },
    );
    const drawn = await page.evaluate(() => {
      const map = (window as unknown as MapHandle).__ccp.map;
      const villages = map.queryRenderedFeatures({ layers: ['planning-villages'] });
      const byCode: Record<string, { mode: unknown; color: unknown; status: unknown }> = {};
      for (const f of villages) byCode[String(f.properties.code)] = { mode: f.properties.mode, color: f.properties.color, status: f.properties.status };
      const links = ['planning-links-neighbour', 'planning-links-joint'].map((id) => map.queryRenderedFeatures({ layers: [id] }).length);
      const tiers = [...new Set(map.queryRenderedFeatures({ layers: ['planning-thc-ring'] }).map((f) => f.properties.tier))].sort();
      const coverageDots = map.queryRenderedFeatures({ layers: ['coverage-villages'] }).length;
      return { byCode, links, tiers, coverageDots };
    });
    const colours = new Map<unknown, unknown>();
    for (const v of Object.values(drawn.byCode)) colours.set(v.mode, v.color);
    // Every mode but tour (its one village was overridden to a posting).
    expect(colours.size).toBeGreaterThanOrEqual(5);
    expect(new Set(colours.values()).size).toBe(colours.size);
    expect(drawn.byCode[overridden]).toMatchObject({ mode: 'posting', status: 'overridden' });
    expect(drawn.byCode[accepted]).toMatchObject({ mode: 'neighbour', status: 'accepted' });
    expect(drawn.links[0] + drawn.links[1]).toBeGreaterThan(0);
    expect(drawn.tiers).toEqual(['1', '2', '3']);
    // The proposals dots replace the coverage dots.
    expect(drawn.coverageDots).toBe(0);
    const legend = await page.locator('[data-testid="legend-planning"]').innerText();
    for (const label of ['巡诊', '派驻', '邻村延伸服务', '联合设置村卫生室', '县医院补位', '第一梯次', '第三梯次']) expect(legend).toContain(label);
    await page.screenshot({ path: path.join(outDir, 'planning-proposals.png') });

    // Close up on a joint clinic: member links to the ringed host.
    await page.evaluate(() => {
      const map = (window as unknown as { __ccp: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[]; jumpTo(o: object): void } } }).__ccp.map;
      const hosts = map.queryRenderedFeatures({ layers: ['planning-hosts'] });
      const host = hosts.find((f) => f.properties.kind === 'joint_clinic') ?? hosts[0];
      map.jumpTo({ center: host.geometry.coordinates, zoom: 11 });
    });
    await page.waitForFunction(() => {
      const map = (window as unknown as { __ccp: { map: { loaded(): boolean; queryRenderedFeatures(o: object): unknown[] } } }).__ccp.map;
      return map.loaded() && map.queryRenderedFeatures({ layers: ['planning-hosts'] }).length > 0;
    });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, 'planning-merge-zoom.png') });
  });

  it('selecting a village shows its proposal in the detail pane; the tiers tab names the supporting hospital', async () => {
    await row(overridden).locator('td').nth(1).click();
    const detail = page.locator('[data-testid="detail-planning"]');
    await detail.waitFor();
    const text = await detail.innerText();
    expect(text).toContain('派驻');
    expect(text).toContain('已调整');
    expect(text).toContain('乡镇卫生院同意派驻');
    await page.locator('[data-testid="dock-tab-tiers"]').click();
    const tiers = page.locator('[data-testid="tier-table"]');
    await tiers.waitFor();
    expect(await tiers.locator('tbody tr').count()).toBeGreaterThan(5);
    const tierSet = new Set(await tiers.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.tier)));
    expect([...tierSet].sort()).toEqual(['1', '2', '3']);
    expect(await tiers.innerText()).toMatch(/县医院|人民医院|市/);
    await page.screenshot({ path: path.join(outDir, 'planning-tiers.png') });
  });

  it('keeps the override after reopening the project', async () => {
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, { timeout: 60_000 });
    await page.waitForSelector('[data-testid="analysis-computed"][data-origin="stored"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="planning-panel"][data-has-planning="true"]', { timeout: 30_000 });
    await page.locator('[data-testid="open-proposals"]').click();
    await page.waitForSelector(`[data-testid="proposal-table"] tbody tr[data-code="${overridden}"][data-status="overridden"][data-mode="posting"]`, { timeout: 30_000 });
    expect(await row(accepted).getAttribute('data-status')).toBe('accepted');
    expect(await row(overridden).locator('td.reason').getAttribute('title')).toContain('乡镇卫生院同意派驻');
  });

  it('settings: X.large_village_population 2700 turns 龙岗村 (2680) from posting into something else and changes nothing else', async () => {
    const before = await proposedModes();
    expect(before[LONGGANG]).toBe('posting');

    await page.locator('[data-testid="open-settings"]').click();
    const dialog = page.locator('[data-testid="settings-dialog"]');
    await dialog.locator('[data-testid="settings-table"]').waitFor();
    // Seed citations beside the values, families grouped.
    expect(await dialog.locator('tr[data-rule="V3.posting_days_per_week"] td.rule-source').innerText()).toContain('[000, 主要任务(一)2]');
    expect(await dialog.locator('tbody[data-family="speeds"] tr[data-rule]').count()).toBe(24);
    const input = dialog.locator('tr[data-rule="X.large_village_population"] input');
    // Inline validation: below the small-village threshold is refused before saving.
    await input.fill('500');
    await dialog.locator('tr[data-rule="X.small_village_population"] .field-error').waitFor();
    expect(await dialog.locator('[data-testid="settings-save"]').isDisabled()).toBe(true);
    await input.fill('2700');
    expect(await dialog.locator('[data-testid="settings-status"]').innerText()).toContain('已修改 1 项');
    await page.screenshot({ path: path.join(outDir, 'planning-settings.png') });
    await dialog.locator('[data-testid="settings-save"]').click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });

    // The analysis re-runs with the new value.
    await page.waitForSelector('[data-testid="analysis-computed"][data-origin="run"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="analysis-panel"][data-status="done"]', { timeout: 120_000 });
    await page.locator('[data-testid="dock-tab-proposals"]').click();
    await page.waitForSelector(`[data-testid="proposal-table"] tbody tr[data-code="${LONGGANG}"]:not([data-proposed="posting"])`, { timeout: 30_000 });
    const after = await proposedModes();
    expect(after[LONGGANG]).not.toBe('posting');
    const changed = Object.keys(before).filter((code) => before[code] !== after[code]);
    expect(changed).toEqual([LONGGANG]);
    // The decisions are still there.
    expect(await row(overridden).getAttribute('data-status')).toBe('overridden');
    await page.screenshot({ path: path.join(outDir, 'planning-after-settings.png') });
  });

  it('shows the planning screens in English too', async () => {
    await page.locator('.locale-switch [data-command="view.locale.en"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.locator('[data-testid="proposals-view"]').check();
    expect(await page.locator('[data-testid="planning-panel"]').innerText()).toContain('Proposals map');
    const head = await page.locator('[data-testid="proposal-table"] thead').innerText();
    for (const label of ['Proposed', 'In force', 'Status', 'Reason']) expect(head).toContain(label);
    expect(await row(overridden).locator('td.reason').innerText()).toMatch(/→ Tour \[V1\]$/);
    expect(await page.locator('[data-testid="legend-planning"]').innerText()).toContain('Joint clinic');
    await page.screenshot({ path: path.join(outDir, 'planning-en.png') });
    await page.locator('.locale-switch [data-command="view.locale.zh-CN"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });

  it('runs without page errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
