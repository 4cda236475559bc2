/**
 * The Electron door's PDF converter (ServiceOptions.htmlToPdf, used by the PDF reports): the
 * self-contained HTML document is written to a temporary file, shown in a hidden, sandboxed
 * window with JavaScript off and no preload, and printed with webContents.printToPDF. The window
 * and the temporary file are removed whatever happens.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { HtmlToPdf } from '../io/report-html.js';

export const htmlToPdfWithElectron: HtmlToPdf = async (html, page) => {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ccp-print-'));
  const file = path.join(dir, 'report.html');
  let win: BrowserWindow | null = null;
  try {
    await fs.promises.writeFile(file, html, 'utf8');
    win = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        // Its own in-memory session: nothing shared with the app's window.
        partition: 'ccp-print-pdf',
      },
    });
    await win.loadFile(file);
    const pdf = await win.webContents.printToPDF({
      pageSize: page.paper,
      landscape: page.landscape,
      printBackground: true,
      preferCSSPageSize: true,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    if (win && !win.isDestroyed()) win.destroy();
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
};
