/**
 * The arithmetic of a printed map: scale bar lengths, the scale ratio, coordinate grid spacing
 * and labels, text widths for fitting, the inset overview's projection. Pure, unit-tested.
 */

export type Bounds = [number, number, number, number];

/** Web Mercator ground metres per CSS pixel at a latitude and MapLibre zoom (512-px tiles). */
export function metersPerPixel(lat: number, zoom: number): number {
  return (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** CSS pixels per millimetre (96 dpi). */
export const PX_PER_MM = 96 / 25.4;

export interface ScaleBar {
  /** Ground length of the whole bar, metres. */
  meters: number;
  /** Its length on paper, mm. */
  lengthMm: number;
  /** Tick labels along the bar (0, half, whole), in the bar's unit. */
  ticks: { atMm: number; label: string }[];
  unit: 'km' | 'm';
  /** The representative fraction's denominator (1:N), rounded. */
  ratio: number;
}

/** A round ground length (1, 2 or 5 × 10^k m) whose bar fits in `maxMm` of paper. */
export function scaleBar(metersPerMm: number, maxMm: number): ScaleBar {
  const target = metersPerMm * maxMm;
  let meters = 1;
  for (let k = -1; k < 9; k++) {
    for (const f of [1, 2, 5]) {
      const d = f * 10 ** k;
      if (d <= target) meters = d;
    }
  }
  const unit = meters >= 1000 ? 'km' : 'm';
  const inUnit = (m: number) => {
    const v = unit === 'km' ? m / 1000 : m;
    return String(Math.round(v * 100) / 100);
  };
  const lengthMm = meters / metersPerMm;
  return {
    meters,
    lengthMm,
    unit,
    ticks: [0, 0.5, 1].map((f) => ({ atMm: lengthMm * f, label: inUnit(meters * f) })),
    ratio: roundRatio(metersPerMm * 1000),
  };
}

/** 1:N rounded to two significant figures (1:247,312 → 1:250,000), as maps print it. */
export function roundRatio(n: number): number {
  if (!(n > 0) || !Number.isFinite(n)) return 0;
  const p = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / p) * p;
}

/** Grid spacing choices, minutes of arc. */
const GRID_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300];

/** A spacing (arc minutes) giving at most `maxLines` lines over the longer side of `bounds`. */
export function gridStepMinutes(bounds: Bounds, maxLines = 6): number {
  const span = Math.max(bounds[2] - bounds[0], bounds[3] - bounds[1]) * 60;
  return GRID_STEPS.find((s) => span / s <= maxLines) ?? GRID_STEPS[GRID_STEPS.length - 1];
}

/** The multiples of `stepMinutes` strictly inside [lo, hi] (degrees). */
export function gridValues(lo: number, hi: number, stepMinutes: number): number[] {
  const step = stepMinutes / 60;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v < hi - 1e-9; v += step) if (v > lo + 1e-9) out.push(Math.round(v * 6000) / 6000);
  return out;
}

/** 113.5, 'E' → "113°30′E" (whole minutes; seconds when the step needs them are not used). */
export function formatDegrees(value: number, axis: 'lng' | 'lat'): string {
  const hemi = axis === 'lng' ? (value < 0 ? 'W' : 'E') : value < 0 ? 'S' : 'N';
  const a = Math.abs(value);
  let d = Math.floor(a + 1e-9);
  let m = Math.round((a - d) * 60);
  if (m === 60) {
    d += 1;
    m = 0;
  }
  return m === 0 ? `${d}°${hemi}` : `${d}°${String(m).padStart(2, '0')}′${hemi}`;
}

/**
 * Width of a line of text in em: CJK and full-width characters 1 em, digits and Latin letters
 * about 0.56 em, spaces 0.3 em (measured on Noto Sans CJK; good enough to fit titles and tables).
 */
export function textEm(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x2e80 || (c >= 0xff00 && c <= 0xffef)) w += 1;
    else if (ch === ' ') w += 0.3;
    else if (/[il.,:;'|!()[\]]/.test(ch)) w += 0.3;
    else if (/[A-ZMW@%]/.test(ch)) w += 0.68;
    else w += 0.56;
  }
  return w;
}

/** The largest font size (≤ max) at which `text` fits in `widthMm`. */
export function fitFont(text: string, widthMm: number, maxMm: number, minMm = 1.6): number {
  const em = textEm(text);
  if (em === 0) return maxMm;
  return Math.max(minMm, Math.min(maxMm, widthMm / em));
}

/** Splits text into lines of at most `widthMm` at `fontMm` (breaks at spaces, or anywhere in CJK runs). */
export function wrapText(text: string, widthMm: number, fontMm: number): string[] {
  const maxEm = widthMm / fontMm;
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    // Tokens: a Latin word with its trailing space, or one other character.
    for (const token of para.match(/[\x21-\x7e]+ ?| |[^\x20-\x7e]/g) ?? []) {
      if (line && textEm((line + token).trimEnd()) > maxEm) {
        lines.push(line.trimEnd());
        line = token.trimStart();
      } else line += token;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Projects lon/lat into a box (equirectangular with cos(lat) at the centre), fitting `bounds` with padding. */
export function fitProjection(bounds: Bounds, box: { w: number; h: number }, padding: number): (lng: number, lat: number) => [number, number] {
  const k = Math.cos((((bounds[1] + bounds[3]) / 2) * Math.PI) / 180);
  const gw = Math.max(1e-9, (bounds[2] - bounds[0]) * k);
  const gh = Math.max(1e-9, bounds[3] - bounds[1]);
  const s = Math.min((box.w - 2 * padding) / gw, (box.h - 2 * padding) / gh);
  const ox = (box.w - gw * s) / 2;
  const oy = (box.h - gh * s) / 2;
  return (lng, lat) => [ox + (lng - bounds[0]) * k * s, oy + (bounds[3] - lat) * s];
}

/** The bounding box of a set of positions (null when empty). */
export function boundsOf(points: Iterable<readonly number[]>): Bounds | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of points) {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
    w = Math.min(w, p[0]);
    e = Math.max(e, p[0]);
    s = Math.min(s, p[1]);
    n = Math.max(n, p[1]);
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** The convex hull of points (Andrew's monotone chain), counter-clockwise, closed; null for fewer than 3 non-collinear points. */
export function convexHull(points: readonly (readonly number[])[]): number[][] | null {
  const ps = [...new Map(points.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1])).map((p) => [`${p[0]},${p[1]}`, [p[0], p[1]]])).values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (ps.length < 3) return null;
  const cross = (o: number[], a: number[], b: number[]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: number[][]) => {
    const out: number[][] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2], out[out.length - 1], p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const hull = [...half(ps), ...half([...ps].reverse())];
  return hull.length >= 3 ? [...hull, hull[0]] : null;
}

/** A closed ring pushed outwards from its centroid by `meters` at each vertex (a margin around a hull). */
export function growRing(ring: readonly number[][], meters: number): number[][] {
  const pts = ring.slice(0, -1);
  const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const cy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const mPerDegLat = 111_320;
  const mPerDegLng = mPerDegLat * Math.cos((cy * Math.PI) / 180);
  const grown = pts.map((p) => {
    const dx = (p[0] - cx) * mPerDegLng;
    const dy = (p[1] - cy) * mPerDegLat;
    const d = Math.hypot(dx, dy) || 1;
    return [p[0] + ((dx / d) * meters) / mPerDegLng, p[1] + ((dy / d) * meters) / mPerDegLat];
  });
  return [...grown, grown[0]];
}
