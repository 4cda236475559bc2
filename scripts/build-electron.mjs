#!/usr/bin/env node
/**
 * Bundles the Electron main process and preload with esbuild:
 *   electron/main/index.ts    → dist/electron/main.cjs     (CommonJS; electron + better-sqlite3 external)
 *   electron/preload/index.ts → dist/electron/preload.cjs  (CommonJS: sandboxed preloads must be;
 *                                                           only electron external, nothing else bundled)
 * The source is ESM TypeScript; import.meta.url / dirname / filename are rewritten to the
 * bundle's own CommonJS equivalents so code that uses them keeps working in main.cjs.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'electron');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
};

/** esbuild has already printed the errors; stop without a second, stack-traced copy. */
async function bundle(options) {
  try {
    return await build(options);
  } catch {
    console.error(`build-electron: bundling ${options.entryPoints.join(', ')} failed (errors above)`);
    process.exit(1);
  }
}

const main = await bundle({
  ...common,
  entryPoints: ['electron/main/index.ts'],
  outfile: path.join(outdir, 'main.cjs'),
  // better-sqlite3 stays a real node_modules package: its .node addon is rebuilt for Electron
  // by electron-builder and unpacked from the asar (electron-builder.yml asarUnpack).
  external: ['electron', 'better-sqlite3'],
  // The banner goes above esbuild's own "use strict", so it repeats the directive to keep the
  // bundle in strict mode.
  banner: { js: '"use strict";\nconst __ccpImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: {
    'import.meta.url': '__ccpImportMetaUrl',
    'import.meta.dirname': '__dirname',
    'import.meta.filename': '__filename',
  },
});

const preload = await bundle({
  ...common,
  entryPoints: ['electron/preload/index.ts'],
  outfile: path.join(outdir, 'preload.cjs'),
  external: ['electron'],
  // A sandboxed preload gets a reduced `require` (electron, events, timers, url); Node's
  // built-ins are not there, so target the browser side of any dual package it might pull in.
  platform: 'browser',
});

// The preload must import nothing but electron (and erased type-only imports): fail the build
// if anything else was bundled into it.
const preloadInputs = Object.keys(preload.metafile.inputs);
const stray = preloadInputs.filter((p) => !p.startsWith('electron/preload/'));
if (stray.length > 0) {
  console.error(`build-electron: the preload may import only 'electron', but it bundles:\n  ${stray.join('\n  ')}`);
  process.exit(1);
}
const preloadImports = Object.values(preload.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
const strayImports = preloadImports.filter((p) => p !== 'electron');
if (strayImports.length > 0) {
  console.error(`build-electron: the preload requires more than 'electron': ${strayImports.join(', ')}`);
  process.exit(1);
}

const size = (m) =>
  Object.entries(m.metafile.outputs)
    .filter(([f]) => f.endsWith('.cjs'))
    .map(([f, o]) => `${path.relative(root, path.resolve(root, f))} (${(o.bytes / 1024).toFixed(0)} KiB)`)
    .join(', ');
console.log(`build-electron: ${size(main)}; ${size(preload)}`);
