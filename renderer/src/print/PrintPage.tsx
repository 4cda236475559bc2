/**
 * One printed page as a single SVG in millimetres: the map image (at print resolution) with its
 * frame and optional grid, and vector text for everything else (title, legend, scale bar, north
 * arrow, inset overview, statistics table, footer). The same SVG is the editor's preview, the
 * PDF page (Chromium keeps SVG text as text) and, drawn on a canvas, the 300-dpi PNG.
 */
import type { ReactNode } from 'react';
import { elementOf, pageSizeMm, PRINT_ELEMENT_KINDS, type PrintBox, type PrintElementKind, type PrintLayout } from '../../../electron/domain/print-layout.js';
import type { LegendSection } from '../map/legendModel.js';
import { SH, SW } from '../map/legendModel.js';
import { CJK_FONT_FAMILY, TOWNSHIP_COLORS } from '../map/palette.js';
import type { StatsTable } from './printContent.js';
import { fitFont, fitProjection, formatDegrees, scaleBar, textEm, wrapText, type Bounds } from './printMath.js';
import type { MapSnapshot } from './printMap.js';

type T = (key: string, params?: Record<string, string | number>) => string;

export interface PrintPageContent {
  key: string;
  title: string;
  subtitle: string;
  map: MapSnapshot | null;
  legend: LegendSection[];
  stats: StatsTable;
  /** Township outlines for the inset overview (lon/lat rings), and the county's extent. */
  inset: { rings: number[][][]; bounds: Bounds } | null;
  footer: string[];
}

export interface EditHandlers {
  selected: PrintElementKind | null;
  onPointerDown(kind: PrintElementKind, mode: 'move' | 'resize', e: React.PointerEvent<SVGElement>): void;
}

const INK = '#222';
const FRAME = 0.35;

export function PrintPage({ layout, content, t, edit, className }: { layout: PrintLayout; content: PrintPageContent; t: T; edit?: EditHandlers; className?: string }) {
  const page = pageSizeMm(layout.paper, layout.orientation);
  const unit = layout.paper === 'A3' ? 1 : 0.8;
  const visible = (kind: PrintElementKind) => layout.elements.some((e) => e.kind === kind && e.visible);
  const parts: Record<PrintElementKind, (b: PrintBox) => ReactNode> = {
    map: (b) => <MapElement box={b} snapshot={content.map} t={t} />,
    grid: () => (content.map ? <GridElement box={elementOf(layout, 'map')} snapshot={content.map} unit={unit} /> : null),
    title: (b) => <TextLine box={b} text={content.title} maxFont={b.h * 0.72} weight={700} />,
    subtitle: (b) => <TextLine box={b} text={content.subtitle} maxFont={b.h * 0.62} weight={400} color="#444" />,
    legend: (b) => <LegendElement box={b} sections={content.legend} t={t} unit={unit} />,
    scalebar: (b) => (content.map ? <ScaleBarElement box={b} metersPerMm={content.map.metersPerMm} t={t} /> : null),
    north: (b) => <NorthArrow box={b} label={t('print.north')} />,
    inset: (b) => <InsetElement box={b} inset={content.inset} extent={content.map?.bounds ?? null} title={t('print.insetTitle')} unit={unit} />,
    stats: (b) => <StatsElement box={b} table={content.stats} title={t('print.statsTitle')} unit={unit} />,
    footer: (b) => <FooterElement box={b} lines={content.footer} unit={unit} />,
  };
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      className={className}
      width={`${page.w}mm`}
      height={`${page.h}mm`}
      viewBox={`0 0 ${page.w} ${page.h}`}
      fontFamily={CJK_FONT_FAMILY}
      data-page={content.key}
    >
      <rect x={0} y={0} width={page.w} height={page.h} fill="#fff" />
      {PRINT_ELEMENT_KINDS.filter(visible).map((kind) => (
        <g key={kind} data-element={kind}>
          {parts[kind](elementOf(layout, kind))}
        </g>
      ))}
      {edit && <EditOverlay layout={layout} edit={edit} />}
    </svg>
  );
}

/** Handles over the elements (editor only; never part of an export). */
function EditOverlay({ layout, edit }: { layout: PrintLayout; edit: EditHandlers }) {
  const handle = layout.paper === 'A3' ? 4 : 3;
  return (
    <g className="print-edit-overlay">
      {layout.elements
        .filter((e) => e.visible && e.kind !== 'grid')
        .map((e) => {
          const selected = edit.selected === e.kind;
          return (
            <g key={e.kind} data-edit={e.kind}>
              <rect
                x={e.x}
                y={e.y}
                width={e.w}
                height={e.h}
                fill={selected ? 'rgba(25,118,210,0.06)' : 'transparent'}
                stroke={selected ? '#1976d2' : 'rgba(25,118,210,0.35)'}
                strokeWidth={selected ? 0.6 : 0.3}
                strokeDasharray={selected ? undefined : '1.5 1'}
                style={{ cursor: 'move' }}
                onPointerDown={(ev) => edit.onPointerDown(e.kind, 'move', ev)}
              />
              {selected && (
                <rect
                  x={e.x + e.w - handle / 2}
                  y={e.y + e.h - handle / 2}
                  width={handle}
                  height={handle}
                  fill="#1976d2"
                  data-resize={e.kind}
                  style={{ cursor: 'nwse-resize' }}
                  onPointerDown={(ev) => edit.onPointerDown(e.kind, 'resize', ev)}
                />
              )}
            </g>
          );
        })}
    </g>
  );
}

function MapElement({ box, snapshot, t }: { box: PrintBox; snapshot: MapSnapshot | null; t: T }) {
  return (
    <>
      {snapshot ? (
        <image href={snapshot.image} x={box.x} y={box.y} width={box.w} height={box.h} preserveAspectRatio="none" />
      ) : (
        <>
          <rect x={box.x} y={box.y} width={box.w} height={box.h} fill="#eef0f2" />
          <text x={box.x + box.w / 2} y={box.y + box.h / 2} fontSize={Math.min(8, box.h / 10)} textAnchor="middle" fill="#889">
            {t('print.mapRendering')}
          </text>
        </>
      )}
      <rect x={box.x} y={box.y} width={box.w} height={box.h} fill="none" stroke={INK} strokeWidth={FRAME * 1.5} />
    </>
  );
}

/** Graticule over the map, labelled inside the frame. */
function GridElement({ box, snapshot, unit }: { box: PrintBox; snapshot: MapSnapshot; unit: number }) {
  const fs = 2.3 * unit;
  return (
    <g stroke="#1d3557" strokeOpacity={0.55} strokeWidth={0.2}>
      {snapshot.grid.lngs.map((g) => (
        <g key={`x${g.deg}`}>
          <line x1={box.x + g.x} y1={box.y} x2={box.x + g.x} y2={box.y + box.h} />
          <text x={box.x + g.x + 0.6} y={box.y + fs + 0.6} fontSize={fs} fill="#1d3557" stroke="none">
            {formatDegrees(g.deg, 'lng')}
          </text>
        </g>
      ))}
      {snapshot.grid.lats.map((g) => (
        <g key={`y${g.deg}`}>
          <line x1={box.x} y1={box.y + g.y} x2={box.x + box.w} y2={box.y + g.y} />
          <text x={box.x + 0.8} y={box.y + g.y - 0.6} fontSize={fs} fill="#1d3557" stroke="none">
            {formatDegrees(g.deg, 'lat')}
          </text>
        </g>
      ))}
    </g>
  );
}

function TextLine({ box, text, maxFont, weight, color = INK }: { box: PrintBox; text: string; maxFont: number; weight: number; color?: string }) {
  if (!text) return null;
  const fs = fitFont(text, box.w, maxFont);
  return (
    <text x={box.x + box.w / 2} y={box.y + box.h / 2} fontSize={fs} fontWeight={weight} fill={color} textAnchor="middle" dominantBaseline="central">
      {text}
    </text>
  );
}

/** The legend of the layers on the map: sections in columns, the largest type that fits. */
function LegendElement({ box, sections, t, unit }: { box: PrintBox; sections: LegendSection[]; t: T; unit: number }) {
  const title = t('print.legendTitle');
  const pad = 2.5 * unit;
  const titleFs = 4 * unit;
  const lines: ({ kind: 'head'; text: string } | { kind: 'item'; text: string; swatch: ReactNode })[] = [];
  for (const s of sections) {
    lines.push({ kind: 'head', text: s.subtitle ? t('print.legendSection', { title: s.title, subtitle: s.subtitle }) : s.title });
    for (const i of s.items) lines.push({ kind: 'item', text: i.label, swatch: i.swatch });
  }
  const innerW = box.w - 2 * pad;
  const innerH = box.h - 2 * pad - titleFs * 1.5;
  // Largest font (≤ 3.2 mm at A3) and fewest columns that hold every line.
  let fs = 1.4;
  let cols = 1;
  search: for (let f = 3.2 * unit; f >= 1.4; f -= 0.1) {
    for (let c = 1; c <= 4; c++) {
      const perCol = Math.ceil(lines.length / c);
      const colW = innerW / c;
      const widest = Math.max(...lines.map((l) => textEm(l.text) * f + (l.kind === 'item' ? f * 2.2 : 0)));
      if (perCol * f * 1.55 <= innerH && widest <= colW - 1) {
        fs = f;
        cols = c;
        break search;
      }
    }
  }
  const lineH = fs * 1.55;
  const perCol = Math.ceil(lines.length / cols);
  const colW = innerW / cols;
  const top = box.y + pad + titleFs * 1.5;
  const swH = fs * 1.25;
  const swW = (swH * SW) / SH;
  return (
    <>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} fill="#fff" stroke={INK} strokeWidth={FRAME} />
      <text x={box.x + pad} y={box.y + pad + titleFs * 0.85} fontSize={titleFs} fontWeight={700} fill={INK}>
        {title}
      </text>
      {lines.map((l, i) => {
        const x = box.x + pad + Math.floor(i / perCol) * colW;
        const y = top + (i % perCol) * lineH;
        return l.kind === 'head' ? (
          <text key={i} x={x} y={y + fs * 1.05} fontSize={fs * 0.95} fontWeight={700} fill="#333">
            {l.text}
          </text>
        ) : (
          <g key={i}>
            <svg x={x} y={y + (lineH - swH) / 2 - fs * 0.1} width={swW} height={swH} viewBox={`0 0 ${SW} ${SH}`}>
              {l.swatch}
            </svg>
            <text x={x + swW + fs * 0.5} y={y + fs * 1.05} fontSize={fs} fill={INK}>
              {l.text}
            </text>
          </g>
        );
      })}
    </>
  );
}

/** Alternating black and white segments, 0 / half / whole labels, the unit and 1:N. */
function ScaleBarElement({ box, metersPerMm, t }: { box: PrintBox; metersPerMm: number; t: T }) {
  const fs = Math.min(3, box.h * 0.28);
  const unitText = t('print.units.km');
  const bar = scaleBar(metersPerMm, box.w - textEm(unitText) * fs - 3);
  const barH = Math.max(0.8, box.h * 0.14);
  const x0 = box.x + 1;
  const yBar = box.y + fs * 1.4;
  const segs = 4;
  return (
    <g>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} fill="#fff" fillOpacity={0.8} />
      {Array.from({ length: segs }, (_, i) => (
        <rect key={i} x={x0 + (bar.lengthMm / segs) * i} y={yBar} width={bar.lengthMm / segs} height={barH} fill={i % 2 === 0 ? INK : '#fff'} stroke={INK} strokeWidth={0.2} />
      ))}
      {bar.ticks.map((tk, i) => (
        <text key={i} x={x0 + tk.atMm} y={yBar - 0.6} fontSize={fs} textAnchor="middle" fill={INK}>
          {tk.label}
        </text>
      ))}
      <text x={x0 + bar.lengthMm + 1.2} y={yBar + barH} fontSize={fs} fill={INK}>
        {t(`print.units.${bar.unit}`)}
      </text>
      <text x={x0} y={yBar + barH + fs * 1.25} fontSize={fs * 0.95} fill={INK}>
        {t('print.ratio', { ratio: bar.ratio.toLocaleString('en-US') })}
      </text>
    </g>
  );
}

function NorthArrow({ box, label }: { box: PrintBox; label: string }) {
  const cx = box.x + box.w / 2;
  const fs = Math.min(box.w * 0.5, box.h * 0.28);
  const top = box.y + fs * 1.15;
  const bottom = box.y + box.h;
  const half = box.w * 0.32;
  const mid = top + (bottom - top) * 0.68;
  return (
    <g>
      <text x={cx} y={box.y + fs * 0.95} fontSize={fs} fontWeight={700} textAnchor="middle" fill={INK}>
        {label}
      </text>
      <path d={`M${cx} ${top}L${cx - half} ${bottom}L${cx} ${mid}Z`} fill={INK} />
      <path d={`M${cx} ${top}L${cx + half} ${bottom}L${cx} ${mid}Z`} fill="#fff" stroke={INK} strokeWidth={0.3} />
    </g>
  );
}

/** The whole county small, with the printed extent as a red frame. */
function InsetElement({ box, inset, extent, title, unit }: { box: PrintBox; inset: PrintPageContent['inset']; extent: Bounds | null; title: string; unit: number }) {
  const fs = 2.6 * unit;
  const titleH = fs * 1.6;
  if (!inset) return <rect x={box.x} y={box.y} width={box.w} height={box.h} fill="#fff" stroke={INK} strokeWidth={FRAME} />;
  const area = { w: box.w, h: box.h - titleH };
  // The county and the printed extent both in view (the extent may reach beyond the county).
  const shown: Bounds = extent ? [Math.min(inset.bounds[0], extent[0]), Math.min(inset.bounds[1], extent[1]), Math.max(inset.bounds[2], extent[2]), Math.max(inset.bounds[3], extent[3])] : inset.bounds;
  const project = fitProjection(shown, area, 2 * unit);
  const path = (ring: number[][]) => ring.map((p, i) => `${i ? 'L' : 'M'}${project(p[0], p[1]).map((v) => v.toFixed(2)).join(' ')}`).join('') + 'Z';
  let frame: ReactNode = null;
  if (extent) {
    const [x1, y1] = project(extent[0], extent[3]);
    const [x2, y2] = project(extent[2], extent[1]);
    // Clip to the inset: an extent larger than the county is drawn as the inset's edge.
    const cx1 = Math.max(0.4, x1);
    const cy1 = Math.max(0.4, y1);
    const cx2 = Math.min(area.w - 0.4, x2);
    const cy2 = Math.min(area.h - 0.4, y2);
    if (cx2 > cx1 && cy2 > cy1) frame = <rect x={cx1} y={cy1} width={cx2 - cx1} height={cy2 - cy1} fill="none" stroke="#d32f2f" strokeWidth={0.6} />;
  }
  return (
    <g>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} fill="#fff" stroke={INK} strokeWidth={FRAME} />
      <text x={box.x + 1.5 * unit} y={box.y + fs * 1.2} fontSize={fs} fontWeight={700} fill={INK}>
        {title}
      </text>
      <g transform={`translate(${box.x} ${box.y + titleH})`}>
        <path d={inset.rings.map(path).join('')} fill={TOWNSHIP_COLORS.fill} fillOpacity={0.12} stroke={TOWNSHIP_COLORS.line} strokeWidth={0.25} fillRule="evenodd" />
        {frame}
      </g>
    </g>
  );
}

/** The statistics table: columns sized to their longest text, type sized to the box. */
function StatsElement({ box, table, title, unit }: { box: PrintBox; table: StatsTable; title: string; unit: number }) {
  const pad = 2 * unit;
  const titleFs = 3.6 * unit;
  const innerW = box.w - 2 * pad;
  const cellText = (v: string | number) => String(v);
  const headLinesOf = (s: string, fs: number, w: number) => wrapText(s, w, fs);
  // Column weights by their longest cell; a header may wrap, but not inside a word.
  const em = table.columns.map((c, i) => Math.max(headerEm(c), ...table.rows.map((r) => textEm(cellText(r.cells[i] ?? '')))) + 1);
  const emSum = em.reduce((a, b) => a + b, 0);
  const rows = table.rows.length;
  const noteH = table.note ? 1 : 0;
  const avail = box.h - 2 * pad - titleFs * 1.5;
  let fs = Math.min(3 * unit, innerW / emSum, avail / ((rows + 2 + noteH) * 1.5));
  fs = Math.max(1.3, fs);
  const widths = em.map((e) => (e / emSum) * innerW);
  const headLines = table.columns.map((c, i) => headLinesOf(c, fs * 0.95, widths[i] - fs * 0.6));
  const headH = Math.max(...headLines.map((l) => l.length)) * fs * 1.2 + fs * 0.5;
  const rowH = fs * 1.5;
  const x0 = box.x + pad;
  const y0 = box.y + pad + titleFs * 1.5;
  const xs = widths.map((_, i) => x0 + widths.slice(0, i).reduce((a, b) => a + b, 0));
  return (
    <g>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} fill="#fff" stroke={INK} strokeWidth={FRAME} />
      <text x={x0} y={box.y + pad + titleFs * 0.85} fontSize={titleFs} fontWeight={700} fill={INK}>
        {title}
      </text>
      <rect x={x0} y={y0} width={innerW} height={headH} fill="#eceff4" />
      {headLines.map((ls, i) =>
        ls.map((line, k) => (
          <text key={`${i}-${k}`} x={i === 0 ? xs[i] + fs * 0.3 : xs[i] + widths[i] - fs * 0.3} y={y0 + fs * 1.05 + k * fs * 1.2} fontSize={fs * 0.95} fontWeight={700} textAnchor={i === 0 ? 'start' : 'end'} fill={INK}>
            {line}
          </text>
        )),
      )}
      {table.rows.map((r, ri) => {
        const y = y0 + headH + ri * rowH;
        return (
          <g key={ri} data-row={r.code ?? (r.total ? 'total' : ri)}>
            {(r.highlight || r.total || ri % 2 === 1) && <rect x={x0} y={y} width={innerW} height={rowH} fill={r.highlight ? '#fff3c4' : r.total ? '#e3e7ee' : '#f7f8fa'} />}
            {r.cells.map((c, i) => (
              <text key={i} x={i === 0 ? xs[i] + fs * 0.3 : xs[i] + widths[i] - fs * 0.3} y={y + fs * 1.08} fontSize={fs} fontWeight={r.total || r.highlight ? 700 : 400} textAnchor={i === 0 ? 'start' : 'end'} fill={INK}>
                {cellText(c)}
              </text>
            ))}
          </g>
        );
      })}
      <line x1={x0} y1={y0 + headH + rows * rowH} x2={x0 + innerW} y2={y0 + headH + rows * rowH} stroke={INK} strokeWidth={0.25} />
      {table.note && (
        <text x={x0} y={y0 + headH + rows * rowH + fs * 1.3} fontSize={fs * 0.85} fill="#555">
          {table.note}
        </text>
      )}
    </g>
  );
}

/** The width a header needs: its lines as written when short, else about half (two lines), never less than its longest word. */
function headerEm(header: string): number {
  const lines = header.split('\n');
  const widest = Math.max(...lines.map(textEm));
  const longestWord = Math.max(0, ...(header.match(/[\x21-\x7e]+/g) ?? []).map(textEm));
  return Math.max(longestWord, widest <= 8 ? widest : widest / 2 + 1);
}

function FooterElement({ box, lines, unit }: { box: PrintBox; lines: string[]; unit: number }) {
  if (lines.length === 0) return null;
  const fs = Math.min(2.8 * unit, box.h / (lines.length * 1.35), ...lines.map((l) => box.w / Math.max(1, textEm(l))));
  return (
    <g>
      <line x1={box.x} y1={box.y} x2={box.x + box.w} y2={box.y} stroke={INK} strokeWidth={0.25} />
      {lines.map((l, i) => (
        <text key={i} x={box.x} y={box.y + fs * 1.2 + i * fs * 1.35} fontSize={fs} fill="#333">
          {l}
        </text>
      ))}
    </g>
  );
}
