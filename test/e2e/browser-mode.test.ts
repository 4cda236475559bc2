/**
 * End to end: `scripts/web.ts` in a real process, the built renderer in Debian's Chromium via
 * playwright-core. Checks that the demo county's villages are drawn and the legend is Chinese,
 * and leaves a screenshot in test-output/ to look at.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { hasChromium, launchChromium, outDir, root, startWeb } from '../helpers/web-mode.js';


describe.skipIf(!hasChromium)('browser mode in Chromium', () => {
  let web: { proc: ChildProcess; url: string };
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    web = await startWeb(tempDir('ccp-e2e-'));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(web.url);
    await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    web?.proc.kill('SIGTERM');
  });

  it('draws the demo county villages and facilities', async () => {
    const counts = await page.evaluate(() => {
      const map = (window as unknown as { __ccp: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown> }[] } } }).__ccp.map;
      const ids = (layer: string) => new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties.code)).size;
      return { villages: ids('villages-circle'), facilities: ids('facilities-circle') };
    });
    expect(counts.villages).toBeGreaterThanOrEqual(150);
    expect(counts.facilities).toBeGreaterThan(100);
  });

  it('shows the legend in Chinese and the page in zh-CN', async () => {
    const legend = await page.locator('[data-testid="legend"]').innerText();
    for (const label of ['村卫生室', '乡镇卫生院', '县医院']) expect(legend).toContain(label);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('renders without page errors and leaves a screenshot', async () => {
    fs.mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: path.join(outDir, 'browser-mode-demo.png') });
    expect(consoleErrors).toEqual([]);
  });

  // ---- coverage analysis (覆盖分析) -------------------------------------------------------------

  /** Minutes of every rendered coverage dot, by village code. */
  const renderedMinutes = () =>
    page.evaluate(() => {
      const map = (window as unknown as { __ccp: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown> }[] } } }).__ccp.map;
      const out: Record<string, number | null> = {};
      for (const f of map.queryRenderedFeatures({ layers: ['coverage-villages'] })) {
        const m = f.properties.minutes;
        out[String(f.properties.code)] = typeof m === 'number' ? m : null;
      }
      return out;
    });

  it('runs the coverage analysis from the toolbar: coloured villages, isochrones, table and chart', async () => {
    await page.locator('.toolbar [data-command="analysis.coverage"]').click();
    await page.waitForSelector('[data-testid="analysis-panel"][data-status="done"]', { timeout: 60_000 });
    // The dock under the map made it shorter: fit the county again, as a planner would (全图).
    await page.locator('.toolbar [data-command="view.zoomToProject"]').click();
    await page.waitForFunction(
      () => {
        const map = (window as unknown as { __ccp: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown> }[] } } }).__ccp.map;
        const codes = new Set(map.queryRenderedFeatures({ layers: ['coverage-villages'] }).filter((f) => typeof f.properties.minutes === 'number').map((f) => f.properties.code));
        return codes.size >= 150 && map.queryRenderedFeatures({ layers: ['isochrones-fill'] }).length > 0;
      },
      null,
      { timeout: 30_000 },
    );
    const minutes = await renderedMinutes();
    expect(Object.values(minutes).filter((m) => typeof m === 'number').length).toBeGreaterThanOrEqual(150);
    const groups = await page.evaluate(() => {
      const map = (window as unknown as { __ccp: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown> }[] } } }).__ccp.map;
      return [...new Set(map.queryRenderedFeatures({ layers: ['coverage-villages'] }).map((f) => f.properties.group))];
    });
    expect(groups).toEqual(['clinic']);

    expect(await page.locator('[data-testid="village-table"] tbody tr').count()).toBeGreaterThanOrEqual(150);
    const summary = await page.locator('[data-testid="analysis-summary"]').innerText();
    expect(summary).toContain('≤15 分钟（X.clinic_minutes）');
    expect(summary).toContain('X.thc_minutes');
    expect(summary).toContain('空白村');
    expect(await page.locator('[data-testid="township-chart"] .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="legend-coverage"]').innerText()).toContain('小汽车');
    // Saved in the project: the panel shows when.
    await page.waitForFunction(() => /计算于/.test(document.querySelector('[data-testid="analysis-computed"]')?.textContent ?? ''), null, { timeout: 10_000 });

    // Sorting and filtering the table.
    await page.locator('[data-testid="village-table"] input[data-filter="blank"]').check();
    const blankRows = await page.locator('[data-testid="village-table"] tbody tr').count();
    expect(blankRows).toBeGreaterThan(0);
    expect(blankRows).toBeLessThan(150);
    await page.locator('[data-testid="village-table"] input[data-filter="blank"]').uncheck();

    const timing = await page.locator('[data-testid="analysis-computed"]').evaluate((el) => ({ total: el.getAttribute('data-total-ms'), worker: el.getAttribute('data-worker-ms') }));
    console.log(`[e2e] coverage analysis: ${timing.total} ms from the command to the result (worker ${timing.worker} ms)`);

    fs.mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: path.join(outDir, 'coverage-zh.png') });
  });

  // 30 drags, each a worker round trip and a software-WebGL repaint: slow on a loaded 2-core machine.
  it('what-if: dragging the county hospital recolours villages live, without saving', async () => {
    await page.locator('[data-testid="analysis-panel"] button[data-group="county"]').click();
    await page.waitForFunction(() => {
      const map = (window as unknown as { __ccp: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown> }[] } } }).__ccp.map;
      const f = map.queryRenderedFeatures({ layers: ['coverage-villages'] });
      return f.length > 0 && f.every((x) => x.properties.group === 'county');
    });
    const before = await renderedMinutes();

    await page.locator('.toolbar [data-command="analysis.whatIf"]').click();
    await page.waitForSelector('[data-testid="what-if-banner"][data-pending="false"]', { timeout: 60_000 });
    expect(await page.locator('[data-testid="what-if-banner"]').innerText()).toContain('假设情景（未保存）');

    // Record every update's round trip while dragging (the banner's data-last-ms).
    await page.evaluate(() => {
      const w = window as unknown as { __lat: string[] };
      w.__lat = [];
      const banner = document.querySelector('[data-testid="what-if-banner"]')!;
      new MutationObserver(() => {
        const ms = Number(banner.getAttribute('data-last-ms'));
        if (ms > 0) w.__lat.push(`${ms}/${banner.getAttribute('data-worker-ms')}`);
      }).observe(banner, { attributes: true, attributeFilter: ['data-last-ms'] });
    });

    const hospital = await page.evaluate(() => {
      const map = (window as unknown as {
        __ccp: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[]; project(c: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } };
      }).__ccp.map;
      const f = map.queryRenderedFeatures({ layers: ['facilities-circle'] }).find((x) => x.properties.level === 'county_hospital')!;
      const p = map.project(f.geometry.coordinates);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y, lngLat: f.geometry.coordinates };
    });
    const started = Date.now();
    await page.mouse.move(hospital.x, hospital.y);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) {
      await page.mouse.move(hospital.x + i * 10, hospital.y + i * 6);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    const dragMs = Date.now() - started;
    await page.waitForSelector('[data-testid="what-if-banner"][data-pending="false"]', { timeout: 30_000 });
    await page.waitForFunction(
      (prev) => {
        const map = (window as unknown as { __ccp: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown> }[] } } }).__ccp.map;
        return map.queryRenderedFeatures({ layers: ['coverage-villages'] }).some((f) => {
          const code = String(f.properties.code);
          return code in prev && f.properties.minutes !== prev[code];
        });
      },
      before,
      { timeout: 30_000 },
    );
    const after = await renderedMinutes();
    const changed = Object.keys(after).filter((code) => code in before && after[code] !== before[code]);
    expect(changed.length).toBeGreaterThan(0);
    // The hospital was dragged, not the map.
    const moved = await page.evaluate(() => {
      const map = (window as unknown as { __ccp: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[] } } }).__ccp.map;
      return map.queryRenderedFeatures({ layers: ['facilities-circle'] }).find((x) => x.properties.level === 'county_hospital')?.geometry.coordinates;
    });
    expect(moved).toBeDefined();
    expect(Math.hypot(moved![0] - hospital.lngLat[0], moved![1] - hospital.lngLat[1])).toBeGreaterThan(0.005);
    expect(await page.locator('[data-testid="what-if-banner"]').innerText()).toContain('移动 1 个机构');
    const latencies = await page.evaluate(() => (window as unknown as { __lat: string[] }).__lat);
    // Measured, not asserted (speed lives in the benchmarks).
    console.log(`[e2e] what-if drag: ${latencies.length} updates during a ${dragMs} ms drag; round trip/worker ms: ${latencies.join(', ')}; ${changed.length} villages changed`);
    await page.screenshot({ path: path.join(outDir, 'coverage-what-if.png') });

    // A click on a blank village offers a clinic there.
    const blank = await page.evaluate(() => {
      const map = (window as unknown as {
        __ccp: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[]; project(c: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } };
      }).__ccp.map;
      const r = map.getCanvas().getBoundingClientRect();
      const facilities = map.queryRenderedFeatures({ layers: ['facilities-circle'] }).map((f) => map.project(f.geometry.coordinates));
      return map
        .queryRenderedFeatures({ layers: ['coverage-villages'] })
        .filter((f) => f.properties.blank === true)
        .map((f) => ({ code: String(f.properties.code), p: map.project(f.geometry.coordinates) }))
        .filter(({ p }) => p.x > 300 && p.y > 80 && p.x < r.width - 60 && p.y < r.height - 40 && facilities.every((q) => Math.hypot(q.x - p.x, q.y - p.y) > 14))
        .map(({ code, p }) => ({ code, x: r.left + p.x, y: r.top + p.y }))[0];
    });
    expect(blank).toBeDefined();
    await page.mouse.click(blank.x, blank.y);
    await page.locator('[data-testid="add-clinic"]').click();
    await page.waitForFunction(() => /新增 1 个村卫生室/.test(document.querySelector('[data-testid="what-if-banner"]')?.textContent ?? ''));
    await page.waitForSelector('[data-testid="what-if-banner"][data-pending="false"]', { timeout: 30_000 });

    // Reset, then leave: the project's saved result is untouched.
    await page.locator('[data-testid="what-if-reset"]').click();
    await page.waitForSelector('[data-testid="what-if-banner"][data-pending="false"]', { timeout: 30_000 });
    await page.waitForFunction((prev) => {
      const map = (window as unknown as { __ccp: { map: { queryRenderedFeatures(o: object): { properties: Record<string, unknown> }[] } } }).__ccp.map;
      const f = map.queryRenderedFeatures({ layers: ['coverage-villages'] });
      return f.length > 0 && f.every((x) => !(String(x.properties.code) in prev) || x.properties.minutes === prev[String(x.properties.code)]);
    }, before);
    await page.locator('[data-testid="what-if-exit"]').click();
    expect(await page.locator('[data-testid="what-if-banner"]').count()).toBe(0);
    expect(await page.locator('[data-testid="analysis-computed"]').innerText()).toContain('计算于');
  }, 150_000);

  it('shows the saved result when the project is opened again', async () => {
    await page.locator('.toolbar [data-command="file.openDemo"]').click();
    await page.waitForSelector('[data-testid="analysis-computed"][data-origin="stored"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="analysis-computed"]').innerText()).toMatch(/小汽车 · 计算于 \d{4}年/);
    await page.waitForFunction(() => {
      const map = (window as unknown as { __ccp: { map: { queryRenderedFeatures(o: object): unknown[] } } }).__ccp.map;
      return map.queryRenderedFeatures({ layers: ['coverage-villages'] }).length > 0;
    });
  });

  it('cancels a run on request and keeps the result already shown', async () => {
    await page.evaluate(() => {
      document.querySelector<HTMLButtonElement>('.toolbar [data-command="analysis.coverage"]')!.click();
      setTimeout(() => document.querySelector<HTMLButtonElement>('.toolbar [data-command="analysis.cancel"]')!.click(), 30);
    });
    await page.waitForSelector('[data-testid="analysis-panel"][data-status="cancelled"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="analysis-panel"]').innerText()).toContain('分析已取消');
    expect(await page.locator('[data-testid="analysis-summary"]').count()).toBe(1);
    // The next run works (a fresh worker when the old one had to be stopped).
    await page.locator('.toolbar [data-command="analysis.coverage"]').click();
    await page.waitForSelector('[data-testid="analysis-panel"][data-status="done"]', { timeout: 60_000 });
  });

  it('shows the analysis in English too, without page errors', async () => {
    await page.locator('.locale-switch [data-command="view.locale.en"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.locator('[data-testid="analysis-summary"]').innerText()).toContain('(X.clinic_minutes)');
    expect(await page.locator('[data-testid="legend-coverage"]').innerText()).toContain('Car');
    await page.screenshot({ path: path.join(outDir, 'coverage-en.png') });
    await page.locator('.locale-switch [data-command="view.locale.zh-CN"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(consoleErrors).toEqual([]);
  });
});
