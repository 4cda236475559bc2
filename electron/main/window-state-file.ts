/**
 * Reads and writes window-state.json (in app.getPath('userData')). Node only, no electron import.
 * Writes are debounced while the user drags or resizes, and atomic (temp file + rename).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SavedWindowState } from './window-state.js';

export const WINDOW_STATE_FILE = 'window-state.json';

/** The parsed file, or null when it is missing or unreadable (sanitizeWindowState copes). */
export function readWindowStateFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

export function writeWindowStateFile(file: string, state: SavedWindowState): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
    fs.renameSync(tmp, file);
  } catch (e) {
    // Losing the window position is not worth bothering the user about.
    console.warn(`[window-state] could not save ${file}: ${(e as Error).message}`);
  }
}

export interface DebouncedSaver {
  /** Save after `delayMs` of quiet. */
  schedule(): void;
  /** Save now if a save is pending (e.g. when the window closes). */
  flush(): void;
  cancel(): void;
}

export function createDebouncedSaver(save: () => void, delayMs = 400): DebouncedSaver {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        save();
      }, delayMs);
    },
    flush() {
      if (!timer) return;
      clearTimeout(timer);
      timer = null;
      save();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
