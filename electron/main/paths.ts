/**
 * Where the main process finds its pieces, in development and when packaged. Pure.
 *
 * Layout (both cases): dist/electron/main.cjs (this bundle), dist/electron/preload.cjs,
 * dist/renderer/index.html. Packaged, dist/ sits inside resources/app.asar and the shipped data
 * in resources/data (electron-builder.yml extraResources); in development it is <repo>/data.
 */
import path from 'node:path';

export interface AppPaths {
  rendererRoot: string;
  preload: string;
  dataDir: string;
}

export function resolveAppPaths(opts: {
  isPackaged: boolean;
  /** Folder of the running main.cjs (dist/electron). */
  bundleDir: string;
  /** app.getAppPath(): the repo in development, resources/app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath */
  resourcesPath: string;
}): AppPaths {
  return {
    rendererRoot: path.resolve(opts.bundleDir, '..', 'renderer'),
    preload: path.resolve(opts.bundleDir, 'preload.cjs'),
    dataDir: opts.isPackaged ? path.join(opts.resourcesPath, 'data') : path.join(opts.appPath, 'data'),
  };
}
