/**
 * Browser mode: `npm run web` builds the renderer, then this serves it with the API on
 * 127.0.0.1 only. Options: --port N (default: a free port), --home DIR (per-user folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startWebServer } from '../electron/server/http-server.js';
import { createPlannerService } from '../electron/service/service.js';
import { translate } from '../renderer/src/i18n/index.js';
import { htmlToPdfWithChromium } from './lib/headless-chromium.js';
import { appVersion, dataDir, rendererDist, userHome } from './paths.js';

/** The server's console lines in both languages (it has no locale of its own). */
const both = (key: string, params: Record<string, string> = {}) => `${translate('zh-CN', key, params)} / ${translate('en', key, params)}`;

const { values } = parseArgs({ options: { port: { type: 'string' }, home: { type: 'string' } } });
const port = values.port ? Number(values.port) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(both('web.badPort', { port: String(values.port) }));
  process.exit(2);
}
if (!fs.existsSync(path.join(rendererDist, 'index.html'))) {
  console.error(both('web.notBuilt'));
  process.exit(1);
}

const service = createPlannerService({ homeDir: values.home ?? userHome(), dataDir, door: 'browser', version: appVersion, htmlToPdf: htmlToPdfWithChromium });
const server = await startWebServer({ api: service, staticDir: rendererDist, port });
console.log(both('web.started', { url: server.url }));
console.log(both('web.loopbackOnly'));

const stop = async () => {
  await server.close();
  service.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
