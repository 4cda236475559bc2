/** Browser mode's HTTP door: loopback only, token required, same API as IPC. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/server/http-server.js';
import { createPlannerService, type PlannerService } from '../../electron/service/service.js';
import { tempDir } from '../helpers/fixtures.js';

const root = path.resolve(__dirname, '../..');

describe('browser-mode HTTP server', () => {
  let server: WebServer;
  let service: PlannerService;
  const home = tempDir('ccp-web-');
  const staticDir = tempDir('ccp-static-');

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(staticDir, 'app.js'), 'console.log(1)');
    service = createPlannerService({ homeDir: home, dataDir: path.join(root, 'data'), door: 'browser', version: '0.0.0' });
    server = await startWebServer({ api: service, staticDir });
  });
  afterAll(async () => {
    await server.close();
    service.close();
  });

  const base = () => `http://127.0.0.1:${server.port}`;
  const api = (method: string, body: unknown, token: string | null = server.token) =>
    fetch(`${base()}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { 'X-CCP-Token': token } : {}) },
      body: JSON.stringify(body),
    });

  it('prints a loopback URL with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('refuses pages and API calls without the token', async () => {
    expect((await fetch(`${base()}/`)).status).toBe(401);
    expect((await fetch(`${base()}/?token=wrong`)).status).toBe(401);
    const r = await api('getAppInfo', {}, null);
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await api('getAppInfo', {}, 'x'.repeat(48))).status).toBe(401);
  });

  it('serves the page with the token, then assets by cookie, with a CSP', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const cookie = page.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    const asset = await fetch(`${base()}/app.js`, { headers: { cookie: cookie.split(';')[0] } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${base()}/app.js`)).status).toBe(401);
  });

  it('refuses foreign Host headers (DNS rebinding) and path traversal', async () => {
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port: server.port, path: server.url.slice(base().length), headers: { host: 'evil.example:80' } }, (res) => resolve(res.statusCode!));
    });
    expect(status).toBe(421);
    const traversal = await fetch(`${base()}/%2e%2e/%2e%2e/etc/passwd?token=${server.token}`);
    expect([403, 404]).toContain(traversal.status);
  });

  it('validates arguments and names the field', async () => {
    const r = await api('getLayer', { layer: 'rivers' });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', params: { field: 'layer' } } });
    const u = await api('dropAllTables', {});
    expect(u.status).toBe(404);
    const garbage = await fetch(`${base()}/api/getAppInfo`, { method: 'POST', headers: { 'X-CCP-Token': server.token }, body: '{not json' });
    expect(garbage.status).toBe(400);
  });

  it('opens the demo county and returns its layers and basemap tiles', async () => {
    expect((await api('getProjectSummary', {})).status).toBe(204); // nothing open yet
    const opened = await (await api('openDemoProject', {})).json();
    expect(opened.ok).toBe(true);
    expect(opened.value.isDemo).toBe(true);
    const villages = await (await api('getLayer', { layer: 'villages' })).json();
    expect(villages.value.features.length).toBeGreaterThanOrEqual(152);
    const info = await (await api('getBasemapInfo', {})).json();
    if (info.value.available) {
      const [lng, lat] = info.value.center;
      const z = 10;
      const x = Math.floor(((lng + 180) / 360) * 2 ** z);
      const y = Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);
      const tile = await api('getTile', { z, x, y });
      expect(tile.status).toBe(200);
      expect(tile.headers.get('content-type')).toBe('application/octet-stream');
      expect((await tile.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    expect((await api('getTile', { z: 3, x: 0, y: 0 })).status).toBe(204);
  });

  it('gives typed errors for bad project files', async () => {
    const text = path.join(home, 'notes.gpkg');
    fs.writeFileSync(text, 'not sqlite');
    const r = await api('openProject', { path: text });
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'NOT_A_GEOPACKAGE', params: { path: text } } });
  });

  it('records the OpenStreetMap attribution when OSM data is imported', async () => {
    const osm = path.resolve(root, '../shared/data/osm/north-bayreuth.osm.gz');
    if (!fs.existsSync(osm)) throw new Error(`missing test data: ${osm}`);
    const created = await (await api('newProject', { path: path.join(home, 'bayreuth.gpkg'), demo: false })).json();
    expect(created.value.attribution).toBe('');
    const imported = await (await api('importOsm', { path: osm })).json();
    expect(imported).toMatchObject({ ok: true, value: { villages: 70, facilities: 0 } });
    const summary = await (await api('getProjectSummary', {})).json();
    expect(summary.value.attribution).toContain('© OpenStreetMap contributors');
    const truncated = path.join(home, 'cut.osm.gz');
    fs.writeFileSync(truncated, fs.readFileSync(osm).subarray(0, 5000));
    const bad = await (await api('importOsm', { path: truncated })).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_OSM_FILE' } });
    const after = await (await api('getProjectSummary', {})).json();
    expect(after.value.layers.find((l: { name: string }) => l.name === 'villages').count).toBe(70);
  });
});
