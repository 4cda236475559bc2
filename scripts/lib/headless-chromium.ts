/**
 * Headless Chromium for the CLI and browser mode (the Electron door prints with its own
 * webContents.printToPDF instead): the system's Chromium (CHROMIUM_PATH, else /usr/bin/chromium),
 * else an installed Microsoft Edge or Google Chrome (Windows/macOS), driven by playwright-core.
 */
import fs from 'node:fs';
import type { Browser, LaunchOptions } from 'playwright-core';
import type { PaperSize } from '../../electron/domain/print-layout.js';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where Chromium was looked for, for the error message. */
export function chromiumCandidates(): string[] {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => Boolean(p));
}

export class ChromiumUnavailableError extends Error {
  constructor(readonly tried: string[]) {
    super(`no Chromium, Chrome or Edge found (tried ${tried.join(', ')}, channels msedge, chrome)`);
  }
}

/** Launches a headless browser; throws ChromiumUnavailableError when none can be started. */
export async function launchHeadlessChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const tried = chromiumCandidates();
  const attempts: LaunchOptions[] = [
    ...tried.filter((p) => fs.existsSync(p)).map((executablePath) => ({ executablePath })),
    { channel: 'msedge' },
    { channel: 'chrome' },
  ];
  for (const a of attempts) {
    try {
      return await chromium.launch({ ...a, headless: true, args: ARGS });
    } catch {
      // try the next browser
    }
  }
  throw new ChromiumUnavailableError(tried);
}

/** One HTML document (self-contained: inline CSS, data: images) printed to PDF bytes. */
export async function htmlToPdfWithChromium(html: string, opts: { paper: PaperSize; landscape: boolean }): Promise<Uint8Array> {
  const browser = await launchHeadlessChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: opts.paper, landscape: opts.landscape, printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
