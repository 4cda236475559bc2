/** `defaultName` in the folder of `path` (Windows or POSIX separators), or just the name. */
export function siblingPath(path: string, defaultName: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(0, cut + 1) + defaultName : defaultName;
}

/** A file name for "save as": the project name with the .gpkg extension. */
export function projectFileName(name: string | null | undefined): string {
  const base = (name ?? '').trim() || 'project';
  return /\.gpkg$/i.test(base) ? base : `${base}.gpkg`;
}
