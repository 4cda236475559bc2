/**
 * `npm run cli -- print`: the print layout of the app, without a window. The project is copied
 * to a temporary file (printing must not change the user's file, not even its cached coverage
 * result), served in browser mode on 127.0.0.1 with a fresh token, and opened in headless
 * Chromium with `?print=<spec>` (renderer/src/print/automation.ts builds and mounts the pages);
 * the page is then printed to PDF (the print stylesheet sets the paper) or drawn to PNG pages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pagePath } from '../../electron/domain/print-layout.js';
import type { PrintAutomationSpec } from '../../renderer/src/print/automation.js';
import { startWebServer } from '../../electron/server/http-server.js';
import { writeFileAtomic } from '../../electron/io/write-file.js';
import type { PlannerService } from '../../electron/service/service.js';
import { ChromiumUnavailableError, launchHeadlessChromium } from './headless-chromium.js';

export interface PrintJob {
  spec: PrintAutomationSpec;
  format: 'pdf' | 'png';
  out: string;
  overwrite: boolean;
}

export class PrintFailed extends Error {}

/**
 * Prints the project open in `service` (which is switched to a temporary copy and back). Returns
 * the files written.
 */
export async function printWithChromium(service: PlannerService, projectPath: string, rendererDist: string, job: PrintJob): Promise<{ files: string[]; pages: number }> {
  if (!fs.existsSync(path.join(rendererDist, 'index.html'))) throw new PrintFailed('renderer_not_built');
  const target = path.resolve(job.out);
  if (!job.overwrite && fs.existsSync(target)) throw new PrintFailed(`file_exists:${target}`);
  const browser = await launchHeadlessChromium().catch((e: unknown) => {
    throw e instanceof ChromiumUnavailableError ? new PrintFailed(`no_chromium:${e.tried.join(', ')}`) : e;
  });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ccp-print-'));
  const server = await startWebServer({ api: service, staticDir: rendererDist, port: 0 });
  try {
    await service.openProject({ path: projectPath });
    await service.saveProjectAs({ path: path.join(tmp, path.basename(projectPath)), overwrite: true });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    const url = new URL(server.url);
    url.searchParams.set('print', JSON.stringify(job.spec));
    await page.goto(url.toString());
    await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.printState ?? ''), null, { timeout: 15 * 60_000, polling: 200 });
    const state = await page.evaluate(() => ({ state: document.documentElement.dataset.printState, error: document.documentElement.dataset.printError ?? '', pages: Number(document.documentElement.dataset.printPages ?? 0) }));
    if (state.state !== 'ready') throw new PrintFailed(state.error || consoleErrors.join('; ') || 'print failed');
    if (job.format === 'pdf') {
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      writeFileAtomic(target, new Uint8Array(pdf));
      return { files: [target], pages: state.pages };
    }
    const pngs = await page.evaluate(() => (window as unknown as { ccpPrintPng(): Promise<string[]> }).ccpPrintPng());
    const files = pngs.map((b64, i) => {
      const file = pagePath(target, i, pngs.length);
      if (!job.overwrite && fs.existsSync(file)) throw new PrintFailed(`file_exists:${file}`);
      writeFileAtomic(file, new Uint8Array(Buffer.from(b64, 'base64')));
      return file;
    });
    return { files, pages: state.pages };
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    // Back to the user's file, then drop the copy.
    await service.openProject({ path: projectPath }).catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
