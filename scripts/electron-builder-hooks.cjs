/**
 * electron-builder hooks (electron-builder.yml: beforeBuild, afterAllArtifactBuild).
 *
 * electron-builder rebuilds native modules for Electron's ABI in the project's own node_modules.
 * - beforeBuild: remove npm settings that would redirect node-gyp (with nodedir=/usr it builds
 *   against Node's headers, i.e. for the wrong ABI, without any error), and keep a copy of the
 *   Node build of better_sqlite3.node.
 * - afterAllArtifactBuild: put the Node build back, so `npm test` and the CLI keep working after
 *   `npm run dist`. (If a build fails half-way, run `npm rebuild better-sqlite3`.)
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const nodeBuild = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const backup = path.join(root, '.electron-native', 'node-abi-backup', 'better_sqlite3.node');
const overriding = /^npm_(config_|package_config_node_gyp_)(nodedir|target|runtime|disturl|dist_url|dist-url)$/i;

exports.beforeBuild = async function beforeBuild() {
  for (const key of Object.keys(process.env)) {
    if (overriding.test(key)) delete process.env[key];
  }
  if (fs.existsSync(nodeBuild)) {
    fs.mkdirSync(path.dirname(backup), { recursive: true });
    fs.copyFileSync(nodeBuild, backup);
  }
  return true; // go on with electron-builder's own rebuild
};

exports.afterAllArtifactBuild = async function afterAllArtifactBuild() {
  if (fs.existsSync(backup)) {
    fs.mkdirSync(path.dirname(nodeBuild), { recursive: true });
    fs.copyFileSync(backup, nodeBuild);
    fs.rmSync(backup, { force: true });
    console.log('  • restored the Node build of better-sqlite3 in node_modules');
  }
  return [];
};
