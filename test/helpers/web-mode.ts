/** Browser mode for end-to-end tests: scripts/web.ts in a real process, Debian's Chromium via playwright-core. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const root = path.resolve(__dirname, '../..');
export const outDir = path.join(root, 'test-output');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`Chromium is required in CI (${CHROMIUM}): apt-get install chromium`);

export function startWeb(home: string): Promise<{ proc: ChildProcess; url: string }> {
  if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) throw new Error('run npm run build:renderer first');
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

/** Flags measured for this environment (ARCHITECTURE.md): no sandbox as root, no background network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Browser mode on a fresh home with the demo county loaded in Chromium: the server, the browser
 * and a page whose map is ready. Console errors and page errors are collected in `errors`.
 */
export async function openAppPage(
  home: string,
  viewport: { width: number; height: number },
  errors: string[],
): Promise<{ web: { proc: ChildProcess; url: string }; browser: Browser; page: Page }> {
  const web = await startWeb(home);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(web.url);
  await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, { timeout: 60_000 });
  fs.mkdirSync(outDir, { recursive: true });
  return { web, browser, page };
}

export async function closeAppPage(browser: Browser | undefined, web: { proc: ChildProcess } | undefined): Promise<void> {
  await browser?.close();
  web?.proc.kill('SIGTERM');
}
