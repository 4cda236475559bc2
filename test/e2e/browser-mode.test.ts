/**
 * End to end: `scripts/web.ts` in a real process, the built renderer in Debian's Chromium via
 * playwright-core. Checks that the demo county's villages are drawn and the legend is Chinese,
 * and leaves a screenshot in test-output/ to look at.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';

const root = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`Chromium is required in CI (${CHROMIUM}): apt-get install chromium`);
const outDir = path.join(root, 'test-output');

function startWeb(home: string): Promise<{ proc: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/web.ts', '--port', '0', '--home', home], { cwd: root });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web server did not start: ${out}`)), 60_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\w+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] });
      }
    });
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => reject(new Error(`web server exited with ${code}: ${out}`)));
  });
}

describe.skipIf(!hasChromium)('browser mode in Chromium', () => {
  let web: { proc: ChildProcess; url: string };
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) throw new Error('run npm run build:renderer first');
    web = await startWeb(tempDir('ccp-e2e-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
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
});
