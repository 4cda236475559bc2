/** Where the repository's pieces live, for the scripts (CLI, browser mode, builders). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const dataDir = path.join(repoRoot, 'data');
export const rendererDist = path.join(repoRoot, 'dist', 'renderer');
export const appVersion: string = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;

/** Per-user folder of browser mode and the CLI; CCP_HOME overrides it (tests use a temp folder). */
export function userHome(): string {
  return process.env.CCP_HOME ?? path.join(os.homedir(), '.county-coverage-planner');
}
