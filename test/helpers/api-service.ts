/**
 * The PlannerService as the API tests use it: services on temporary homes (closed after each
 * test), copies of the shipped demo project (never written itself), and `call` / `callError`
 * through `dispatch`, so every argument goes through the same zod validation as IPC and HTTP.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { dispatch } from '../../electron/api/dispatch.js';
import type { ApiErrorData } from '../../electron/api/errors.js';
import type { ApiMethod, ApiResults } from '../../electron/api/schema.js';
import { createPlannerService, type PlannerService } from '../../electron/service/service.js';
import { tempDir } from './fixtures.js';

export const DEMO = path.resolve(__dirname, '../../data/demo-county.gpkg');

const services: PlannerService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.close();
});

export function service(home = tempDir('ccp-api-home-')): PlannerService {
  const s = createPlannerService({ homeDir: home, dataDir: tempDir('ccp-api-data-'), door: 'cli', version: '0.0.0' });
  services.push(s);
  return s;
}

export function demoCopy(): string {
  const file = path.join(tempDir('ccp-api-'), 'demo.gpkg');
  fs.copyFileSync(DEMO, file);
  return file;
}

export async function call<M extends ApiMethod>(s: PlannerService, method: M, args: unknown): Promise<ApiResults[M]> {
  const r = await dispatch(s, method, args);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { api: r.error });
  return r.value as ApiResults[M];
}

export async function callError(s: PlannerService, method: ApiMethod, args: unknown): Promise<ApiErrorData> {
  const r = await dispatch(s, method, args);
  if (r.ok) throw new Error(`expected ${method} to fail`);
  return r.error;
}

export async function open(file: string): Promise<PlannerService> {
  const s = service();
  await call(s, 'openProject', { path: file });
  return s;
}
