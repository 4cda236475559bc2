/**
 * Remembered window size, position and maximized flag. Pure: validates what was read from disk
 * against the displays that exist now. window-state-file.ts reads and writes the JSON file.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is written to window-state.json. */
export interface SavedWindowState {
  version: 1;
  bounds: Rect;
  maximized: boolean;
}

/** What is passed to the BrowserWindow: no x/y means "let the system centre it". */
export interface RestoredWindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_WIDTH = 1280;
export const DEFAULT_HEIGHT = 800;
export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 560;
/** A window counts as on-screen when at least this much of it lies on one display's work area. */
const MIN_VISIBLE_WIDTH = 120;
const MIN_VISIBLE_HEIGHT = 60;

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function readRect(x: unknown): Rect | null {
  if (typeof x !== 'object' || x === null) return null;
  const r = x as Record<string, unknown>;
  if (![r.x, r.y, r.width, r.height].every(isFiniteNumber)) return null;
  return {
    x: Math.round(r.x as number),
    y: Math.round(r.y as number),
    width: Math.round(r.width as number),
    height: Math.round(r.height as number),
  };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), Math.max(lo, hi));
}

/**
 * Turns whatever was stored (possibly nothing, garbage, or bounds on a monitor that has since
 * been unplugged) into safe BrowserWindow options. `workAreas[0]` is the primary display.
 */
export function sanitizeWindowState(saved: unknown, workAreas: Rect[]): RestoredWindowState {
  const primary = workAreas[0];
  const fallbackSize = (area: Rect | undefined) => ({
    width: area ? clamp(DEFAULT_WIDTH, MIN_WIDTH, area.width) : DEFAULT_WIDTH,
    height: area ? clamp(DEFAULT_HEIGHT, MIN_HEIGHT, area.height) : DEFAULT_HEIGHT,
  });

  const s = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : null;
  const bounds = s ? readRect(s.bounds) : null;
  const maximized = s?.maximized === true;
  if (!bounds || bounds.width <= 0 || bounds.height <= 0) return { ...fallbackSize(primary), maximized: false };

  // The display holding the largest part of the window, if enough of it is visible there.
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(bounds, area);
    if (o.width >= MIN_VISIBLE_WIDTH && o.height >= MIN_VISIBLE_HEIGHT && o.width * o.height > bestArea) {
      best = area;
      bestArea = o.width * o.height;
    }
  }

  if (!best) {
    // Off every display (e.g. a monitor was removed): keep the size, let the system centre it.
    const area = primary;
    return {
      width: area ? clamp(bounds.width, MIN_WIDTH, area.width) : Math.max(bounds.width, MIN_WIDTH),
      height: area ? clamp(bounds.height, MIN_HEIGHT, area.height) : Math.max(bounds.height, MIN_HEIGHT),
      maximized,
    };
  }

  const width = clamp(bounds.width, MIN_WIDTH, best.width);
  const height = clamp(bounds.height, MIN_HEIGHT, best.height);
  // Keep the title bar reachable: the top edge may not sit above the work area.
  const x = clamp(bounds.x, best.x - width + MIN_VISIBLE_WIDTH, best.x + best.width - MIN_VISIBLE_WIDTH);
  const y = clamp(bounds.y, best.y, best.y + best.height - MIN_VISIBLE_HEIGHT);
  return { width, height, x, y, maximized };
}

export function toSavedState(bounds: Rect, maximized: boolean): SavedWindowState {
  return { version: 1, bounds: { ...bounds }, maximized };
}
