import { describe, expect, it } from 'vitest';
import {
  MIN_ELEMENT_MM,
  ORIENTATIONS,
  PAPER_SIZES,
  PRINT_ELEMENT_KINDS,
  checkPrintLayout,
  clampBox,
  defaultPrintLayout,
  elementOf,
  pagePath,
  pageSizeMm,
  withPaper,
  type Orientation,
  type PaperSize,
  type PrintBox,
  type PrintLayout,
} from '../../electron/domain/print-layout.js';

const TEXTS = { title: '某县村级医疗卫生服务覆盖图', subtitle: '15/30/60 分钟', organisation: '某县卫生健康局' };
const COMBOS: [PaperSize, Orientation][] = PAPER_SIZES.flatMap((p) => ORIENTATIONS.map((o) => [p, o] as [PaperSize, Orientation]));

/** Rounding each box edge to 0.1 mm may push an edge by at most 0.05 mm; allow a little more. */
const EPS = 0.11;

/** Overlap area > 0 beyond the rounding tolerance (touching edges do not count). */
function overlaps(a: PrintBox, b: PrintBox): boolean {
  return a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
}

function inside(inner: PrintBox, outer: PrintBox): boolean {
  return inner.x >= outer.x - EPS && inner.y >= outer.y - EPS && inner.x + inner.w <= outer.x + outer.w + EPS && inner.y + inner.h <= outer.y + outer.h + EPS;
}

describe('pageSizeMm', () => {
  it('gives ISO 216 sizes, swapped for landscape', () => {
    expect(pageSizeMm('A4', 'portrait')).toEqual({ w: 210, h: 297 });
    expect(pageSizeMm('A4', 'landscape')).toEqual({ w: 297, h: 210 });
    expect(pageSizeMm('A3', 'portrait')).toEqual({ w: 297, h: 420 });
    expect(pageSizeMm('A3', 'landscape')).toEqual({ w: 420, h: 297 });
  });
});

describe('defaultPrintLayout', () => {
  it.each(COMBOS)('%s %s is valid and holds every element once', (paper, orientation) => {
    const layout = defaultPrintLayout(paper, orientation, TEXTS);
    expect(checkPrintLayout(layout)).toEqual([]);
    expect(layout.paper).toBe(paper);
    expect(layout.orientation).toBe(orientation);
    expect(layout.marginMm).toBe(paper === 'A3' ? 12 : 10);
    expect(layout.dpi).toBe(300);
    expect(layout.gridMinutes).toBe(0);
    expect({ title: layout.title, subtitle: layout.subtitle, organisation: layout.organisation }).toEqual(TEXTS);
    expect([layout.date, layout.sources, layout.approvalNo]).toEqual(['', '', '']);
    expect(layout.elements.map((e) => e.kind)).toEqual([...PRINT_ELEMENT_KINDS]);
    // Every element is shown except the coordinate grid.
    expect(layout.elements.filter((e) => !e.visible).map((e) => e.kind)).toEqual(['grid']);
  });

  it.each(COMBOS)('%s %s keeps every element on the page, inside the margins, at least the minimum size', (paper, orientation) => {
    const layout = defaultPrintLayout(paper, orientation, TEXTS);
    const page = pageSizeMm(paper, orientation);
    const m = layout.marginMm;
    const margins = { x: m, y: m, w: page.w - 2 * m, h: page.h - 2 * m };
    for (const e of layout.elements) {
      expect(inside(e, { x: 0, y: 0, ...page }), `${e.kind} on page`).toBe(true);
      expect(inside(e, margins), `${e.kind} inside margins`).toBe(true);
      expect(e.w, `${e.kind} width`).toBeGreaterThanOrEqual(MIN_ELEMENT_MM);
      expect(e.h, `${e.kind} height`).toBeGreaterThanOrEqual(MIN_ELEMENT_MM);
      // Boxes are rounded to 0.1 mm.
      for (const v of [e.x, e.y, e.w, e.h]) expect(Math.round(v * 10) / 10).toBe(v);
    }
  });

  it.each(COMBOS)('%s %s does not overlap the map, legend, inset and stats; text is off the map; scale bar and north arrow sit on it', (paper, orientation) => {
    const layout = defaultPrintLayout(paper, orientation, TEXTS);
    const el = (k: (typeof PRINT_ELEMENT_KINDS)[number]) => elementOf(layout, k);
    const blocks = (['map', 'legend', 'inset', 'stats'] as const).map(el);
    for (let i = 0; i < blocks.length; i++) {
      for (let j = i + 1; j < blocks.length; j++) expect(overlaps(blocks[i], blocks[j]), `${blocks[i].kind} × ${blocks[j].kind}`).toBe(false);
    }
    const map = el('map');
    const { kind: _g, visible: _v, ...gridBox } = el('grid');
    const { kind: _m, visible: _mv, ...mapBox } = map;
    expect(gridBox).toEqual(mapBox);
    for (const k of ['title', 'subtitle', 'footer'] as const) {
      for (const b of blocks) expect(overlaps(el(k), b), `${k} × ${b.kind}`).toBe(false);
    }
    expect(overlaps(el('title'), el('subtitle'))).toBe(false);
    expect(inside(el('scalebar'), map)).toBe(true);
    expect(inside(el('north'), map)).toBe(true);
    expect(overlaps(el('scalebar'), el('north'))).toBe(false);
    // The map takes the largest share of the page.
    for (const b of blocks.slice(1)) expect(map.w * map.h).toBeGreaterThan(b.w * b.h);
  });

  it('lays landscape out with the map on the left and portrait with the map on top', () => {
    const land = defaultPrintLayout('A4', 'landscape', TEXTS);
    for (const k of ['inset', 'legend', 'stats'] as const) expect(elementOf(land, k).x).toBeGreaterThanOrEqual(elementOf(land, 'map').x + elementOf(land, 'map').w);
    const port = defaultPrintLayout('A4', 'portrait', TEXTS);
    for (const k of ['inset', 'legend', 'stats'] as const) expect(elementOf(port, k).y).toBeGreaterThanOrEqual(elementOf(port, 'map').y + elementOf(port, 'map').h);
  });

  it('pins exact boxes of A3 landscape (scale factor 1)', () => {
    const l = defaultPrintLayout('A3', 'landscape', TEXTS);
    // inner 12..408 × 12..285; title 12 high, subtitle 7, gap 4 → map top at 35; footer 9 high, bottom at 285 − 9 − 2 = 274.
    expect(elementOf(l, 'title')).toEqual({ kind: 'title', visible: true, x: 12, y: 12, w: 396, h: 12 });
    expect(elementOf(l, 'subtitle')).toEqual({ kind: 'subtitle', visible: true, x: 12, y: 24, w: 396, h: 7 });
    expect(elementOf(l, 'footer')).toEqual({ kind: 'footer', visible: true, x: 12, y: 276, w: 396, h: 9 });
    // Column width min(120, 396·0.3 = 118.8) = 118.8.
    expect(elementOf(l, 'map')).toEqual({ kind: 'map', visible: true, x: 12, y: 35, w: 273.2, h: 239 });
    expect(elementOf(l, 'inset')).toMatchObject({ x: 289.2, y: 35, w: 118.8, h: 73.7 });
  });
});

describe('withPaper', () => {
  it('keeps texts, dpi, grid spacing and visibility; lays boxes out for the new paper', () => {
    const a4 = defaultPrintLayout('A4', 'portrait', TEXTS);
    const edited: PrintLayout = {
      ...a4,
      date: '2026年11月',
      sources: '县统计局',
      approvalNo: 'GS(2026)123号',
      dpi: 150,
      gridMinutes: 10,
      elements: a4.elements.map((e) =>
        e.kind === 'grid' ? { ...e, visible: true } : e.kind === 'inset' ? { ...e, visible: false, x: 3, y: 4 } : e,
      ),
    };
    const a3 = withPaper(edited, 'A3', 'landscape');
    expect(a3.paper).toBe('A3');
    expect(a3.orientation).toBe('landscape');
    expect(a3.marginMm).toBe(10); // the layout's margin is kept unless one is given
    const { elements: _e1, paper: _p1, orientation: _o1, ...restBefore } = edited;
    const { elements: _e2, paper: _p2, orientation: _o2, ...restAfter } = a3;
    expect(restAfter).toEqual(restBefore);
    expect(checkPrintLayout(a3)).toEqual([]);
    expect(elementOf(a3, 'grid').visible).toBe(true);
    expect(elementOf(a3, 'inset').visible).toBe(false);
    expect(a3.elements.filter((e) => !e.visible).map((e) => e.kind)).toEqual(['inset']);
    // Boxes are those of the new paper, not the old ones (the hand-moved inset is laid out anew).
    const fresh = defaultPrintLayout('A3', 'landscape', TEXTS);
    const boxes = (l: PrintLayout) => l.elements.map(({ kind, x, y, w, h }) => ({ kind, x, y, w, h }));
    const freshAt10 = withPaper(fresh, 'A3', 'landscape', 10);
    expect(boxes(a3)).toEqual(boxes(freshAt10));
    expect(elementOf(a3, 'inset')).not.toMatchObject({ x: 3, y: 4 });
    expect(elementOf(a3, 'map').w).toBeGreaterThan(elementOf(a4, 'map').w);
  });

  it('takes a new margin and stays valid for every paper', () => {
    const start = defaultPrintLayout('A4', 'landscape', TEXTS);
    for (const [paper, orientation] of COMBOS) {
      const l = withPaper(start, paper, orientation, 15);
      expect(l.marginMm).toBe(15);
      expect(checkPrintLayout(l)).toEqual([]);
      expect(elementOf(l, 'title')).toMatchObject({ x: 15, y: 15 });
      expect(l.elements).toHaveLength(PRINT_ELEMENT_KINDS.length);
    }
  });

  it('does not change the layout it was given', () => {
    const a4 = defaultPrintLayout('A4', 'portrait', TEXTS);
    const copy = structuredClone(a4);
    withPaper(a4, 'A3', 'landscape', 20);
    expect(a4).toEqual(copy);
  });
});

describe('clampBox', () => {
  const page = { w: 297, h: 210 };

  it('leaves a box already on the page alone', () => {
    expect(clampBox({ x: 10, y: 20, w: 30, h: 40 }, page)).toEqual({ x: 10, y: 20, w: 30, h: 40 });
  });

  it('pushes a box back onto the page without resizing it', () => {
    expect(clampBox({ x: -12, y: -3, w: 30, h: 40 }, page)).toEqual({ x: 0, y: 0, w: 30, h: 40 });
    expect(clampBox({ x: 290, y: 200, w: 30, h: 40 }, page)).toEqual({ x: 267, y: 170, w: 30, h: 40 });
  });

  it('keeps each side at least MIN_ELEMENT_MM and at most the page', () => {
    expect(clampBox({ x: 5, y: 5, w: 1, h: -4 }, page)).toEqual({ x: 5, y: 5, w: MIN_ELEMENT_MM, h: MIN_ELEMENT_MM });
    expect(clampBox({ x: 50, y: 50, w: 1000, h: 1000 }, page)).toEqual({ x: 0, y: 0, w: 297, h: 210 });
    expect(clampBox({ x: 296, y: 209, w: 0, h: 0 }, page)).toEqual({ x: 292, y: 205, w: 5, h: 5 });
  });

  it('rounds to 0.1 mm', () => {
    expect(clampBox({ x: 10.04, y: 10.06, w: 20.123, h: 30.55 }, page)).toEqual({ x: 10, y: 10.1, w: 20.1, h: 30.6 });
  });

  it('always yields a box that checkPrintLayout accepts on the page', () => {
    const layout = defaultPrintLayout('A4', 'landscape', TEXTS);
    const p = pageSizeMm('A4', 'landscape');
    const wild: PrintBox[] = [
      { x: -100, y: -100, w: 0, h: 0 },
      { x: 1e4, y: 1e4, w: 1e4, h: 3 },
      { x: 296.96, y: 209.96, w: 4.96, h: 4.96 },
      { x: 0.04, y: 100, w: 296.98, h: 2 },
    ];
    for (const b of wild) {
      const c = clampBox(b, p);
      const l: PrintLayout = { ...layout, elements: layout.elements.map((e) => (e.kind === 'legend' ? { ...e, ...c } : e)) };
      expect(checkPrintLayout(l), JSON.stringify(b)).toEqual([]);
    }
  });
});

describe('checkPrintLayout', () => {
  const base = () => defaultPrintLayout('A4', 'portrait', TEXTS);

  it('reports a missing element', () => {
    const l = base();
    expect(checkPrintLayout({ ...l, elements: l.elements.filter((e) => e.kind !== 'north') })).toEqual([{ kind: 'missing_element', element: 'north' }]);
  });

  it('reports a duplicate element', () => {
    const l = base();
    expect(checkPrintLayout({ ...l, elements: [...l.elements, { ...elementOf(l, 'legend') }] })).toEqual([{ kind: 'duplicate_element', element: 'legend' }]);
  });

  it('reports an element off the page or too small', () => {
    const l = base();
    const move = (kind: string, patch: Partial<PrintBox>) => ({ ...l, elements: l.elements.map((e) => (e.kind === kind ? { ...e, ...patch } : e)) });
    expect(checkPrintLayout(move('stats', { x: 200 }))).toEqual([{ kind: 'off_page', element: 'stats' }]);
    expect(checkPrintLayout(move('title', { y: -1 }))).toEqual([{ kind: 'off_page', element: 'title' }]);
    expect(checkPrintLayout(move('footer', { y: 297 - 3, h: 4 }))).toEqual([{ kind: 'off_page', element: 'footer' }]);
    expect(checkPrintLayout(move('inset', { w: 4 }))).toEqual([{ kind: 'off_page', element: 'inset' }]);
    // The right edge exactly on the page edge is fine.
    expect(checkPrintLayout(move('stats', { x: 210 - elementOf(l, 'stats').w }))).toEqual([]);
    // Off the page on A4 portrait, on it on A4 landscape (the check uses the layout's own paper).
    const wide = move('stats', { x: 250, y: 10, w: 40, h: 40 });
    expect(checkPrintLayout(wide)).toEqual([{ kind: 'off_page', element: 'stats' }]);
    expect(checkPrintLayout({ ...wide, orientation: 'landscape' })).not.toContainEqual({ kind: 'off_page', element: 'stats' });
  });

  it('reports a dpi that is not one of the choices', () => {
    expect(checkPrintLayout({ ...base(), dpi: 96 })).toEqual([{ kind: 'bad_dpi', dpi: 96 }]);
    for (const dpi of [150, 200, 300]) expect(checkPrintLayout({ ...base(), dpi })).toEqual([]);
  });

  it('reports every problem at once', () => {
    const l = base();
    const elements = [...l.elements.filter((e) => e.kind !== 'map'), { ...elementOf(l, 'title') }].map((e) => (e.kind === 'legend' ? { ...e, x: -20 } : e));
    expect(checkPrintLayout({ ...l, dpi: 0, elements })).toEqual([
      { kind: 'missing_element', element: 'map' },
      { kind: 'duplicate_element', element: 'title' },
      { kind: 'off_page', element: 'legend' },
      { kind: 'bad_dpi', dpi: 0 },
    ]);
  });
});

describe('elementOf', () => {
  it('throws for a layout without the element', () => {
    const l = defaultPrintLayout('A4', 'portrait', TEXTS);
    expect(() => elementOf({ ...l, elements: [] }, 'map')).toThrow(/map/);
  });
});

describe('pagePath', () => {
  it('keeps the name of a single page', () => {
    expect(pagePath('a/map.png', 0, 1)).toBe('a/map.png');
    expect(pagePath('a/map.png', 0, 0)).toBe('a/map.png');
  });

  it('numbers pages from 1 before the extension, at least two digits', () => {
    expect(pagePath('a/map.png', 3, 8)).toBe('a/map-04.png');
    expect(pagePath('a/map.png', 0, 8)).toBe('a/map-01.png');
    expect(pagePath('a/map.png', 11, 12)).toBe('a/map-12.png');
    expect(pagePath('a/map.pdf', 8, 12)).toBe('a/map-09.pdf');
  });

  it('uses as many digits as the page count has', () => {
    expect(pagePath('a/map.png', 0, 120)).toBe('a/map-001.png');
    expect(pagePath('a/map.png', 99, 120)).toBe('a/map-100.png');
    expect(pagePath('a/map.png', 119, 120)).toBe('a/map-120.png');
    expect(pagePath('a/map.png', 9, 100)).toBe('a/map-010.png');
  });

  it('handles Windows paths and dotted folders', () => {
    expect(pagePath('C:\\out\\map.png', 1, 3)).toBe('C:\\out\\map-02.png');
    expect(pagePath('C:\\out.d\\map', 1, 3)).toBe('C:\\out.d\\map-02');
    expect(pagePath('a.b/map', 0, 2)).toBe('a.b/map-01');
    expect(pagePath('a.b/map.tar.png', 0, 2)).toBe('a.b/map.tar-01.png');
  });
});
