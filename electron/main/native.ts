/**
 * Which better_sqlite3.node the service loads inside Electron. Pure (fs check injected).
 *
 * Tests and the CLI run better-sqlite3 built for Node's ABI (node_modules). Electron needs the
 * addon built for its own ABI:
 * - packaged: electron-builder rebuilt node_modules/better-sqlite3 for Electron and unpacked it
 *   from the asar (asarUnpack), so the default lookup already finds the right file;
 * - development (`npm start`): scripts/prepare-electron-native.mjs builds a copy into
 *   .electron-native/ and we pass that file as better-sqlite3's `nativeBinding`.
 */
import path from 'node:path';

/** Keep in step with scripts/prepare-electron-native.mjs. */
export const DEV_NATIVE_BINDING = path.join(
  '.electron-native',
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);

export interface NativeBindingChoice {
  nativeBinding?: string;
  /** Printed when development is missing its Electron build of the addon. */
  warning?: string;
}

export function chooseNativeBinding(opts: {
  isPackaged: boolean;
  appPath: string;
  exists: (file: string) => boolean;
}): NativeBindingChoice {
  if (opts.isPackaged) return {};
  const file = path.join(opts.appPath, DEV_NATIVE_BINDING);
  if (opts.exists(file)) return { nativeBinding: file };
  return {
    warning:
      `better-sqlite3 has not been built for Electron (missing ${file}). ` +
      'Run `node scripts/prepare-electron-native.mjs` (npm start runs it first); ' +
      'until then opening a project fails with a NODE_MODULE_VERSION mismatch.',
  };
}
