/**
 * Browser mode: `npm run web` builds the renderer, then this serves it with the API on
 * 127.0.0.1 only. Options: --port N (default: a free port), --home DIR (per-user folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startWebServer } from '../electron/server/http-server.js';
import { createPlannerService } from '../electron/service/service.js';
import { appVersion, dataDir, rendererDist, userHome } from './paths.js';

const { values } = parseArgs({ options: { port: { type: 'string' }, home: { type: 'string' } } });
const port = values.port ? Number(values.port) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`端口无效 / invalid port: ${values.port}`);
  process.exit(2);
}
if (!fs.existsSync(path.join(rendererDist, 'index.html'))) {
  console.error('未找到界面构建结果，请先运行 npm run build:renderer / renderer not built: run npm run build:renderer');
  process.exit(1);
}

const service = createPlannerService({ homeDir: values.home ?? userHome(), dataDir, door: 'browser', version: appVersion });
const server = await startWebServer({ api: service, staticDir: rendererDist, port });
console.log(`浏览器模式 / Browser mode: ${server.url}`);
console.log('仅本机可访问；按 Ctrl+C 退出。 Loopback only; Ctrl+C to stop.');

const stop = async () => {
  await server.close();
  service.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
