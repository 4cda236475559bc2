/**
 * Print layouts (issue 7): a page of A4 or A3 paper, portrait or landscape, with boxes in
 * millimetres for the title, the map, its legend, scale bar, north arrow, inset overview, the
 * statistics table by township and the footer (organisation, date, sources, 审图号). A layout is
 * saved in the project as a named template; "default" is the layout made by `defaultPrintLayout`.
 * Pure data and arithmetic: the renderer draws it (renderer/src/print), the store keeps it.
 */

export const PAPER_SIZES = ['A4', 'A3'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** Every element a layout can hold, in drawing order (the map first, text above it). */
export const PRINT_ELEMENT_KINDS = ['map', 'grid', 'title', 'subtitle', 'legend', 'scalebar', 'north', 'inset', 'stats', 'footer'] as const;
export type PrintElementKind = (typeof PRINT_ELEMENT_KINDS)[number];

/** The paper's short and long sides, mm (ISO 216). */
const PAPER_MM: Record<PaperSize, [number, number]> = { A4: [210, 297], A3: [297, 420] };

/** The name of the layout made from the paper alone (never stored; a template may not take it). */
export const DEFAULT_LAYOUT_NAME = 'default';

export interface PrintBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PrintElement extends PrintBox {
  kind: PrintElementKind;
  visible: boolean;
}

export interface PrintLayout {
  paper: PaperSize;
  orientation: Orientation;
  /** Page margin, mm (elements are placed inside it by the defaults; the user may move them anywhere on the page). */
  marginMm: number;
  title: string;
  subtitle: string;
  organisation: string;
  /** Free text, e.g. "2026年11月" (empty: the date of printing). */
  date: string;
  /** Extra data sources; "© OpenStreetMap contributors" is added when OSM data is shown. */
  sources: string;
  /** 审图号 (map approval number); empty: the line is left out. */
  approvalNo: string;
  /** Map resolution of PDF and PNG exports, dots per inch. */
  dpi: number;
  /** The grid element's line spacing in minutes of arc; 0: chosen from the map's extent. */
  gridMinutes: number;
  elements: PrintElement[];
}

export const PRINT_DPI_CHOICES = [150, 200, 300] as const;
export const MIN_ELEMENT_MM = 5;

/** Page width and height in mm. */
export function pageSizeMm(paper: PaperSize, orientation: Orientation): { w: number; h: number } {
  const [short, long] = PAPER_MM[paper];
  return orientation === 'portrait' ? { w: short, h: long } : { w: long, h: short };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Element boxes for a page: landscape puts the map on the left and a column of inset, legend and
 * statistics on the right; portrait puts the map on top and those three side by side below it.
 * Sizes scale with the paper so A4 and A3 look alike.
 */
export function defaultElements(paper: PaperSize, orientation: Orientation, marginMm: number): PrintElement[] {
  const { w, h } = pageSizeMm(paper, orientation);
  const k = paper === 'A3' ? 1 : 1 / Math.SQRT2;
  const m = marginMm;
  const inner = { x: m, y: m, w: w - 2 * m, h: h - 2 * m };
  const gap = 4 * k;
  const titleH = 12 * k;
  const subtitleH = Math.max(MIN_ELEMENT_MM, 7 * k); // 7/√2 mm on A4 would fall below the minimum checkPrintLayout asks
  const footerH = 9 * k;
  const top = inner.y + titleH + subtitleH + gap;
  const bottom = inner.y + inner.h - footerH - gap / 2;
  const el = (kind: PrintElementKind, b: PrintBox): PrintElement => ({ kind, visible: true, x: round1(b.x), y: round1(b.y), w: round1(b.w), h: round1(b.h) });
  let map: PrintBox;
  let inset: PrintBox;
  let legend: PrintBox;
  let stats: PrintBox;
  if (orientation === 'landscape') {
    const colW = Math.min(120 * k, inner.w * 0.3);
    map = { x: inner.x, y: top, w: inner.w - colW - gap, h: bottom - top };
    const cx = inner.x + inner.w - colW;
    const insetH = colW * 0.62;
    const statsH = (bottom - top) * 0.36;
    inset = { x: cx, y: top, w: colW, h: insetH };
    stats = { x: cx, y: bottom - statsH, w: colW, h: statsH };
    legend = { x: cx, y: top + insetH + gap, w: colW, h: bottom - statsH - gap - (top + insetH + gap) };
  } else {
    const bandH = (bottom - top) * 0.3;
    map = { x: inner.x, y: top, w: inner.w, h: bottom - top - bandH - gap };
    const by = map.y + map.h + gap;
    const insetW = inner.w * 0.26;
    const legendW = inner.w * 0.3;
    inset = { x: inner.x, y: by, w: insetW, h: bandH };
    legend = { x: inner.x + insetW + gap, y: by, w: legendW, h: bandH };
    stats = { x: legend.x + legendW + gap, y: by, w: inner.x + inner.w - (legend.x + legendW + gap), h: bandH };
  }
  const northW = 11 * k;
  return [
    el('map', map),
    el('grid', map),
    el('title', { x: inner.x, y: inner.y, w: inner.w, h: titleH }),
    el('subtitle', { x: inner.x, y: inner.y + titleH, w: inner.w, h: subtitleH }),
    el('legend', legend),
    el('scalebar', { x: map.x + 4 * k, y: map.y + map.h - 14 * k, w: 62 * k, h: 10 * k }),
    el('north', { x: map.x + map.w - northW - 4 * k, y: map.y + 4 * k, w: northW, h: northW * 1.6 }),
    el('inset', inset),
    el('stats', stats),
    el('footer', { x: inner.x, y: inner.y + inner.h - footerH, w: inner.w, h: footerH }),
  ].map((e) => (e.kind === 'grid' ? { ...e, visible: false } : e));
}

/** The layout a project starts from; texts in the caller's language. */
export function defaultPrintLayout(
  paper: PaperSize,
  orientation: Orientation,
  texts: { title: string; subtitle: string; organisation: string },
): PrintLayout {
  const marginMm = paper === 'A3' ? 12 : 10;
  return {
    paper,
    orientation,
    marginMm,
    title: texts.title,
    subtitle: texts.subtitle,
    organisation: texts.organisation,
    date: '',
    sources: '',
    approvalNo: '',
    dpi: 300,
    gridMinutes: 0,
    elements: defaultElements(paper, orientation, marginMm),
  };
}

/**
 * The layout on other paper: texts, visibility and settings kept, boxes laid out anew for the
 * new page (a box dragged by hand on A4 has no obvious place on A3 landscape).
 */
export function withPaper(layout: PrintLayout, paper: PaperSize, orientation: Orientation, marginMm = layout.marginMm): PrintLayout {
  const visible = new Map(layout.elements.map((e) => [e.kind, e.visible]));
  const elements = defaultElements(paper, orientation, marginMm).map((e) => ({ ...e, visible: visible.get(e.kind) ?? e.visible }));
  return { ...layout, paper, orientation, marginMm, elements };
}

/** The element of a kind (every layout holds each kind once; see checkPrintLayout). */
export function elementOf(layout: PrintLayout, kind: PrintElementKind): PrintElement {
  const e = layout.elements.find((x) => x.kind === kind);
  if (!e) throw new Error(`layout has no ${kind} element`);
  return e;
}

/** A box moved and/or resized, kept on the page and at least MIN_ELEMENT_MM on each side. */
export function clampBox(b: PrintBox, page: { w: number; h: number }): PrintBox {
  const w = Math.min(page.w, Math.max(MIN_ELEMENT_MM, b.w));
  const h = Math.min(page.h, Math.max(MIN_ELEMENT_MM, b.h));
  const x = Math.min(page.w - w, Math.max(0, b.x));
  const y = Math.min(page.h - h, Math.max(0, b.y));
  return { x: round1(x), y: round1(y), w: round1(w), h: round1(h) };
}

export type PrintLayoutProblem =
  | { kind: 'missing_element'; element: PrintElementKind }
  | { kind: 'duplicate_element'; element: PrintElementKind }
  | { kind: 'off_page'; element: PrintElementKind }
  | { kind: 'bad_dpi'; dpi: number };

/** What is wrong with a layout read from a file or the API (an empty list: it can be printed). */
export function checkPrintLayout(layout: PrintLayout): PrintLayoutProblem[] {
  const problems: PrintLayoutProblem[] = [];
  const page = pageSizeMm(layout.paper, layout.orientation);
  for (const kind of PRINT_ELEMENT_KINDS) {
    const n = layout.elements.filter((e) => e.kind === kind).length;
    if (n === 0) problems.push({ kind: 'missing_element', element: kind });
    if (n > 1) problems.push({ kind: 'duplicate_element', element: kind });
  }
  for (const e of layout.elements) {
    const eps = 0.05;
    if (e.x < -eps || e.y < -eps || e.w < MIN_ELEMENT_MM - eps || e.h < MIN_ELEMENT_MM - eps || e.x + e.w > page.w + eps || e.y + e.h > page.h + eps) {
      problems.push({ kind: 'off_page', element: e.kind });
    }
  }
  if (!(PRINT_DPI_CHOICES as readonly number[]).includes(layout.dpi)) problems.push({ kind: 'bad_dpi', dpi: layout.dpi });
  return problems;
}

/** A saved template as the API returns it. */
export interface PrintTemplate {
  name: string;
  layout: PrintLayout;
  updatedAt: string;
}

/** "map.png" → "map-03.png" for page 3 of several (a single page keeps the name). */
export function pagePath(file: string, index: number, count: number): string {
  if (count <= 1) return file;
  const n = String(index + 1).padStart(Math.max(2, String(count).length), '0');
  const dot = file.lastIndexOf('.');
  return dot > file.lastIndexOf('/') && dot > file.lastIndexOf('\\') ? `${file.slice(0, dot)}-${n}${file.slice(dot)}` : `${file}-${n}`;
}
