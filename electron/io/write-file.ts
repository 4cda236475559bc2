/** Writes a file under a temporary name and renames it, so a failure never leaves half a file. */
import fs from 'node:fs';
import { ApiError } from '../api/errors.js';

export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const err = e as NodeJS.ErrnoException;
    const cannotOpen = ['ENOENT', 'EACCES', 'EROFS', 'EPERM', 'EISDIR'].includes(err.code ?? '');
    throw new ApiError(cannotOpen ? 'FILE_READ_ONLY' : 'WRITE_FAILED', `cannot write ${target}: ${err.message}`, {
      path: target,
      detail: err.message,
    });
  }
}
