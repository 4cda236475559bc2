/** Browser mode for end-to-end tests: scripts/web.ts in a real process, Debian's Chromium via playwright-core. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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
