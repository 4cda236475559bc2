#!/usr/bin/env node
/**
 * Builds better-sqlite3 for the installed Electron into .electron-native/ (run by `npm start`'s
 * prestart). The copy in node_modules stays built for Node, which tests and the CLI need; the
 * Electron main process passes .electron-native/…/better_sqlite3.node as `nativeBinding`
 * (electron/main/native.ts).
 *
 * How: copy node_modules/better-sqlite3 (without its build/) to
 * .electron-native/node_modules/better-sqlite3 and run @electron/rebuild's rebuild() on
 * .electron-native. rebuild() first tries a prebuilt binary for Electron (prebuild-install,
 * from GitHub), then compiles with node-gyp against Electron's headers (electronjs.org/headers).
 * Either way it needs the network once; later runs are skipped while the build is current.
 *
 * Usage: node scripts/prepare-electron-native.mjs [--force]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nativeRoot = path.join(root, '.electron-native');
const moduleSrc = path.join(root, 'node_modules', 'better-sqlite3');
const moduleDst = path.join(nativeRoot, 'node_modules', 'better-sqlite3');
// Keep in step with electron/main/native.ts (DEV_NATIVE_BINDING).
const binding = path.join(moduleDst, 'build', 'Release', 'better_sqlite3.node');
const stampFile = path.join(nativeRoot, 'build-info.json');
const electronPkgFile = path.join(root, 'node_modules', 'electron', 'package.json');
const sqlitePkgFile = path.join(moduleSrc, 'package.json');
const force = process.argv.includes('--force');

function fail(lines) {
  console.error(['', 'prepare-electron-native: FAILED', ...lines.map((l) => `  ${l}`), ''].join('\n'));
  process.exit(1);
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

if (!fs.existsSync(electronPkgFile)) fail(['node_modules/electron is missing: run `npm install` first.']);
if (!fs.existsSync(sqlitePkgFile)) fail(['node_modules/better-sqlite3 is missing: run `npm install` first.']);

const electronVersion = readJson(electronPkgFile).version;
const sqliteVersion = readJson(sqlitePkgFile).version;
const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };

// ---- skip when the build is current ------------------------------------------------------------
// Current = the .node file exists, is newer than the installed electron and better-sqlite3
// (their package.json files change whenever npm installs another version), and the stamp
// written after the last successful build names the same versions, platform and arch.
function isCurrent() {
  if (force || !fs.existsSync(binding) || !fs.existsSync(stampFile)) return false;
  const built = fs.statSync(binding).mtimeMs;
  if (built <= fs.statSync(electronPkgFile).mtimeMs || built <= fs.statSync(sqlitePkgFile).mtimeMs) return false;
  try {
    const stamp = readJson(stampFile);
    return Object.entries(wanted).every(([k, v]) => stamp[k] === v);
  } catch {
    return false;
  }
}

if (isCurrent()) {
  console.log(`prepare-electron-native: better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is up to date (${path.relative(root, binding)})`);
  process.exit(0);
}

// ---- environment ------------------------------------------------------------------------------
// node-gyp reads npm_config_* variables and lets them OVERRIDE its command-line flags. With
// nodedir=/usr in npm's config (as on these machines) it would quietly compile against Node's
// own headers, i.e. for Node's ABI, and Electron would refuse the result. Remove every setting
// that would redirect the headers or the target runtime.
const overriding = /^npm_(config_|package_config_node_gyp_)(nodedir|target|runtime|disturl|dist_url|dist-url)$/i;
for (const key of Object.keys(process.env)) {
  if (overriding.test(key)) delete process.env[key];
}

// ---- copy the package -------------------------------------------------------------------------
console.log(`prepare-electron-native: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch}) in ${path.relative(root, nativeRoot)}/`);
fs.rmSync(moduleDst, { recursive: true, force: true });
fs.rmSync(stampFile, { force: true });
fs.mkdirSync(moduleDst, { recursive: true });
fs.cpSync(moduleSrc, moduleDst, {
  recursive: true,
  // Leave Node's build behind; the copy must be built from scratch for Electron.
  filter: (src) => {
    const rel = path.relative(moduleSrc, src).split(path.sep);
    return !(rel[0] === 'build' || rel[0] === 'node_modules' || rel[0] === 'prebuilds');
  },
});
// A package.json naming the dependency, so rebuild()'s module walker finds it.
fs.writeFileSync(
  path.join(nativeRoot, 'package.json'),
  `${JSON.stringify({ name: 'ccp-electron-native', private: true, description: 'better-sqlite3 built for Electron by scripts/prepare-electron-native.mjs', dependencies: { 'better-sqlite3': sqliteVersion } }, null, 2)}\n`,
);

// ---- rebuild ----------------------------------------------------------------------------------
const { rebuild } = await import('@electron/rebuild');
try {
  const run = rebuild({
    buildPath: nativeRoot,
    electronVersion,
    arch: process.arch,
    onlyModules: ['better-sqlite3'],
    // Without a root, rebuild()'s module search climbs every ancestor folder holding a
    // package.json, i.e. into the repository, and would rebuild node_modules/better-sqlite3 in
    // place for Electron too, breaking the tests and the CLI. Stop the search at .electron-native.
    projectRootPath: nativeRoot,
    force: true,
    mode: 'sequential',
  });
  run.lifecycle.on('modules-found', (names) => {
    // Safety net for the above: exactly one module, our copy, or nothing is built at all.
    if (names.length !== 1) throw new Error(`refusing to rebuild ${names.length} modules (${names.join(', ')}); expected only the copy in .electron-native`);
  });
  run.lifecycle.on('module-found', (name) => console.log(`prepare-electron-native: rebuilding ${name} …`));
  await run;
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  fail([
    `Could not build better-sqlite3 for Electron ${electronVersion}: ${message}`,
    'This step needs the network once: @electron/rebuild downloads a prebuilt better-sqlite3 for',
    "Electron from GitHub or, failing that, Electron's C++ headers from https://www.electronjs.org/headers",
    'to compile it (a C/C++ toolchain and Python are then needed too).',
    'Without network access the Electron app cannot open projects; the browser mode',
    '(`npm run web`) and the CLI use the Node build in node_modules and still work.',
    'Retry with network access: node scripts/prepare-electron-native.mjs --force',
  ]);
}

if (!fs.existsSync(binding)) fail([`The rebuild reported success but ${path.relative(root, binding)} does not exist.`]);

// ---- check the ABI ----------------------------------------------------------------------------
// Built for Electron, the addon must NOT load in plain Node: Node reports the module's
// NODE_MODULE_VERSION, which must be Electron's. If it loads, it was built for Node (the
// nodedir trap above) and would crash Electron's main process instead.
const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(binding)})`], { encoding: 'utf8' });
if (probe.status === 0) {
  fs.rmSync(binding, { force: true });
  fail([
    "The addon was built for Node's ABI, not Electron's (it loads in plain Node).",
    'Something redirected node-gyp to Node headers: check `npm config get nodedir` and npm_config_* variables.',
  ]);
}
const abi = /NODE_MODULE_VERSION (\d+)\. This version of Node\.js requires/.exec(probe.stderr)?.[1];
console.log(`prepare-electron-native: built ${path.relative(root, binding)}${abi ? ` (NODE_MODULE_VERSION ${abi}; Node here is ${process.versions.modules})` : ''}`);

fs.writeFileSync(stampFile, `${JSON.stringify({ ...wanted, abi: abi ?? null, builtAt: new Date().toISOString() }, null, 2)}\n`);
