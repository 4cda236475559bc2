#!/usr/bin/env node
/**
 * npm run check:packaging — checks electron-builder.yml without the Electron binary and without
 * the network: packs an unpacked Linux build (`dir` target) with a stand-in electronDist (an
 * empty Electron folder holding a fake `electron` executable) and npmRebuild off, then checks
 * what landed where:
 *   resources/app.asar           dist/electron/main.cjs, preload.cjs, dist/renderer/index.html,
 *                                package.json (main → an existing file); no sources, no maps,
 *                                no node_modules except better-sqlite3 and its run-time helpers
 *   resources/app.asar.unpacked  better-sqlite3 with build/Release/better_sqlite3.node
 *   resources/data               demo-county.gpkg, basemap.mbtiles
 *
 * Needs `npm run build` first (dist/) and the data files (`npm run demo`, `npm run basemap`).
 * Options: --placeholder-data  use empty stand-ins for missing data files (prints a warning)
 *          --keep              keep the temporary output folder and print its path
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = new Set(process.argv.slice(2));
const started = Date.now();
const failures = [];
const passes = [];

function check(ok, what, detail = '') {
  (ok ? passes : failures).push(detail ? `${what} — ${detail}` : what);
}
function abort(lines) {
  console.error(['', 'check-packaging: FAILED', ...lines.map((l) => `  ${l}`), ''].join('\n'));
  process.exit(1);
}
const rel = (p) => path.relative(root, p) || '.';

// ---- preconditions ------------------------------------------------------------------------------
const requiredBuild = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'];
const missingBuild = requiredBuild.filter((f) => !fs.existsSync(path.join(root, f)));
if (missingBuild.length) abort([`missing ${missingBuild.join(', ')}`, 'run `npm run build` first.']);

const DATA_FILES = ['demo-county.gpkg', 'basemap.mbtiles'];
const missingData = DATA_FILES.filter((f) => !fs.existsSync(path.join(root, 'data', f)));
if (missingData.length && !args.has('--placeholder-data')) {
  abort([
    `missing data/${missingData.join(', data/')}`,
    'build the shipped data first: `npm run demo` (demo-county.gpkg) and `npm run basemap` (basemap.mbtiles),',
    'or pass --placeholder-data to check the rest of the packaging with empty stand-ins.',
  ]);
}

// ---- temporary folders -----------------------------------------------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ccp-check-packaging-'));
const electronDist = path.join(tmp, 'electron-dist');
const outDir = path.join(tmp, 'out');
fs.mkdirSync(path.join(electronDist, 'resources'), { recursive: true });
fs.mkdirSync(path.join(electronDist, 'locales'), { recursive: true });
fs.writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary (check-packaging)"\n', { mode: 0o755 });
fs.writeFileSync(path.join(electronDist, 'LICENSE'), 'stand-in\n');

const overrides = {
  electronDist,
  npmRebuild: false,
  publish: null,
  directories: { output: outDir },
};
if (missingData.length) {
  const placeholderDir = path.join(tmp, 'placeholder-data');
  fs.mkdirSync(placeholderDir);
  overrides.extraResources = DATA_FILES.map((f) => {
    const real = path.join(root, 'data', f);
    const from = fs.existsSync(real) ? real : path.join(placeholderDir, f);
    if (from !== real) fs.writeFileSync(from, '');
    return { from, to: `data/${f}` };
  });
  console.warn(`check-packaging: WARNING using empty placeholders for data/${missingData.join(', data/')}`);
}

// ---- build ----------------------------------------------------------------------------------------------
// Relative hook paths in electron-builder.yml resolve against the working directory.
process.chdir(root);
const { build, Platform, Arch } = require('electron-builder');
const arch = Arch[process.arch] ?? Arch.x64;
const timeout = setTimeout(() => abort(['electron-builder did not finish within 4 minutes (is it trying the network?)']), 240_000);
try {
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget(['dir'], arch),
    config: overrides,
    publish: 'never',
  });
} catch (e) {
  clearTimeout(timeout);
  abort([`electron-builder failed: ${e instanceof Error ? e.message : String(e)}`, `(temporary files left in ${tmp})`]);
}
clearTimeout(timeout);

// ---- inspect ----------------------------------------------------------------------------------------
const unpackedName = fs.readdirSync(outDir).find((d) => d.startsWith('linux') && d.endsWith('unpacked'));
if (!unpackedName) abort([`no linux*-unpacked folder in ${outDir}`]);
const appDir = path.join(outDir, unpackedName);
const resources = path.join(appDir, 'resources');
const asarPath = path.join(resources, 'app.asar');

check(fs.existsSync(path.join(appDir, 'county-coverage-planner')), 'executable renamed to county-coverage-planner (executableName)');
check(fs.existsSync(asarPath), 'resources/app.asar exists');

let entries = [];
let packageJson = null;
if (fs.existsSync(asarPath)) {
  const header = readAsarHeader(asarPath);
  entries = listAsar(header);
  const has = (p) => entries.includes(p);
  for (const f of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'package.json']) {
    check(has(f), `app.asar contains ${f}`);
  }
  try {
    packageJson = JSON.parse(readAsarFile(asarPath, header, 'package.json'));
  } catch (e) {
    check(false, 'package.json in app.asar is readable', String(e));
  }
  if (packageJson) check(has(packageJson.main), `package.json "main" (${packageJson.main}) is in app.asar`);

  const sources = entries.filter((p) => /^(electron|renderer|scripts|test|data|\.electron-native)\//.test(p) || /\.(ts|tsx|map)$/.test(p));
  check(sources.length === 0, 'app.asar holds no sources, tests, data or source maps', sources.slice(0, 5).join(', '));
  const modules = [...new Set(entries.filter((p) => p.startsWith('node_modules/')).map((p) => p.split('/')[1]))];
  const allowed = new Set(['better-sqlite3', 'bindings', 'file-uri-to-path']);
  const extra = modules.filter((m) => !allowed.has(m));
  check(extra.length === 0, 'node_modules in app.asar: only better-sqlite3, bindings, file-uri-to-path', extra.length ? `also: ${extra.join(', ')}` : modules.join(', '));
  const nodeEntry = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  check(has(nodeEntry) && isUnpacked(header, nodeEntry), 'better_sqlite3.node is listed in app.asar as unpacked');
}

const unpackedNode = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
check(fs.existsSync(unpackedNode), 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node exists');
const unpackedLib = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'lib', 'index.js');
check(fs.existsSync(unpackedLib), 'better-sqlite3/lib is unpacked next to its addon');

for (const f of DATA_FILES) {
  const packed = path.join(resources, 'data', f);
  const src = path.join(root, 'data', f);
  const ok = fs.existsSync(packed) && (!fs.existsSync(src) || fs.statSync(packed).size === fs.statSync(src).size);
  check(ok, `resources/data/${f} exists${fs.existsSync(src) ? ' with the size of data/' + f : ' (placeholder)'}`);
}

// ---- summary ------------------------------------------------------------------------------------------
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log('\ncheck-packaging: results');
for (const p of passes) console.log(`  ok    ${p}`);
for (const f of failures) console.log(`  FAIL  ${f}`);
if (fs.existsSync(asarPath)) console.log(`  app.asar: ${entries.length} entries, ${(fs.statSync(asarPath).size / 1024).toFixed(0)} KiB`);
console.log(`  (${seconds} s, stand-in Electron, npmRebuild off, no network)`);
if (args.has('--keep')) console.log(`  output kept in ${appDir}`);
else fs.rmSync(tmp, { recursive: true, force: true });
if (failures.length) {
  console.error(`check-packaging: FAILED (${failures.length} of ${failures.length + passes.length} checks)`);
  process.exit(1);
}
console.log(`check-packaging: OK (${passes.length} checks)`);

// ---- asar reading ----------------------------------------------------------------------------------
// Uses @electron/asar (installed with electron-builder) when present, else reads the format
// directly: a Chromium pickle holding the header size, then a pickle holding the JSON header.
function readAsarHeader(file) {
  try {
    const asar = require('@electron/asar');
    const raw = asar.getRawHeader(file);
    return { json: raw.header, offset: raw.headerSize + 8, lib: asar };
  } catch {
    const fd = fs.openSync(file, 'r');
    try {
      const sizeBuf = Buffer.alloc(8);
      fs.readSync(fd, sizeBuf, 0, 8, 0);
      const headerPickleSize = sizeBuf.readUInt32LE(4);
      const headerBuf = Buffer.alloc(headerPickleSize);
      fs.readSync(fd, headerBuf, 0, headerPickleSize, 8);
      const jsonLength = headerBuf.readUInt32LE(4);
      const json = JSON.parse(headerBuf.subarray(8, 8 + jsonLength).toString('utf8'));
      return { json, offset: 8 + headerPickleSize, lib: null };
    } finally {
      fs.closeSync(fd);
    }
  }
}

function listAsar(header) {
  const out = [];
  const walk = (node, prefix) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const p = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, p);
      else out.push(p);
    }
  };
  walk(header.json, '');
  return out;
}

function findEntry(header, p) {
  let node = header.json;
  for (const part of p.split('/')) {
    node = node?.files?.[part];
    if (!node) return null;
  }
  return node;
}

function isUnpacked(header, p) {
  return findEntry(header, p)?.unpacked === true;
}

function readAsarFile(file, header, p) {
  if (header.lib) return header.lib.extractFile(file, p).toString('utf8');
  const entry = findEntry(header, p);
  if (!entry || entry.unpacked) throw new Error(`${p} not packed in the asar`);
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(entry.size);
    fs.readSync(fd, buf, 0, entry.size, header.offset + Number(entry.offset));
    return buf.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
