/**
 * A report (reports.ts) as one self-contained printable HTML document, for the PDF reports:
 * inline CSS only (no fonts, images or scripts from anywhere), A4 landscape pages, the report's
 * title with the project, scenario, travel mode and date, then each sheet as a section.
 *
 * The tables are the workbook's (reportSheets), laid out for paper:
 *   - header rows repeat on every page, rows never split across pages, numbers right-aligned;
 *   - the tour schedule (巡诊排班) reads as a timetable: one part per health centre (a new page
 *     each), one small table per team and day;
 *   - the notices (公示) are one block per village, ready to cut out for the village board.
 * Every text goes through `escapeHtml`: names from imported files cannot inject markup.
 */
import type { Locale, ReportKind } from '../api/schema.js';
import type { PaperSize } from '../domain/print-layout.js';
import type { TravelMode } from '../domain/rules.js';
import { translate } from '../../renderer/src/i18n/index.js';
import type { ReportSheet } from './reports.js';

/** Paper of a PDF page, as both converters (headless Chromium, Electron's printToPDF) take it. */
export interface PdfPage {
  paper: PaperSize;
  landscape: boolean;
}

/** Prints one self-contained HTML document to PDF bytes (injected: each door has its own). */
export type HtmlToPdf = (html: string, page: PdfPage) => Promise<Uint8Array>;

/** Reports are printed on A4 landscape (the @page rule below says the same). */
export const REPORT_PAGE: PdfPage = { paper: 'A4', landscape: true };

export interface ReportMeta {
  /** The project's title (or file name). */
  project: string;
  /** The scenario's name (the baseline's localized name for scenario 0). */
  scenario: string;
  mode: TravelMode;
  /** When the report was made, as printed (e.g. 2025-03-01 14:05). */
  generated: string;
}

const FONT_STACK = "'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif";

const CSS = `
@page { size: A4 landscape; margin: 12mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 8pt; line-height: 1.35; color: #111; }
header.report { border-bottom: 1.5pt solid #1f4e79; padding-bottom: 2mm; margin-bottom: 4mm; }
h1 { font-size: 16pt; margin: 0 0 1.5mm; color: #1f4e79; }
.meta { display: flex; flex-wrap: wrap; gap: 1mm 8mm; margin: 0; font-size: 9pt; }
.meta dt { display: inline; font-weight: bold; }
.meta dd { display: inline; margin: 0; }
section.sheet + section.sheet { break-before: page; }
h2 { font-size: 12pt; margin: 0 0 2mm; color: #1f4e79; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 3mm 0 1.5mm; break-after: avoid; }
h4 { font-size: 9pt; margin: 2.5mm 0 1mm; break-after: avoid; }
.group + .group { break-before: page; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; margin-bottom: 2mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 0.8mm 1.2mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #dde6f0; font-weight: bold; }
tbody tr:nth-child(even) td { background: #f5f7fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.day { break-inside: avoid; }
.empty { color: #666; font-style: italic; }
.notices { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.notice { border: 1pt solid #1f4e79; padding: 2.5mm 3mm; break-inside: avoid; page-break-inside: avoid; }
.notice h3 { margin-top: 0; }
.notice table { margin: 0; }
.notice th { width: 28%; background: none; }
.notice td, .notice th { border: none; border-bottom: 0.5pt dotted #bbb; }
`;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** The printable HTML document of one report. Pure: same input, same document. */
export function reportHtml(kind: ReportKind, sheets: readonly ReportSheet[], meta: ReportMeta, locale: Locale): string {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const title = t(`reports.titles.${kind}`);
  const metaItems: [string, string][] = [
    [t('reports.meta.project'), meta.project],
    [t('reports.meta.scenario'), meta.scenario],
    [t('reports.meta.mode'), t(`analysis.modes.${meta.mode}`)],
    [t('reports.meta.generated'), meta.generated],
  ];
  const cell = (v: unknown) => cellText(v, locale);
  const body = sheets.map((s) => `<section class="sheet"><h2>${escapeHtml(s.name)}</h2>\n${sheetBody(s, locale, cell)}</section>`).join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>`,
    `<header class="report"><h1>${escapeHtml(title)}</h1><dl class="meta">${metaItems.map(([k, v]) => `<div><dt>${escapeHtml(t('reports.html.label', { label: k }))}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl></header>`,
    body,
    '</body></html>',
  ].join('\n');
}

type CellText = (v: unknown) => string;

/** A cell as printed: booleans as 是/否 (as in the workbook), nothing for empty values. */
function cellText(v: unknown, locale: Locale): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return translate(locale, v ? 'exportHeaders.yes' : 'exportHeaders.no');
  return String(v);
}

function sheetBody(s: ReportSheet, locale: Locale, cell: CellText): string {
  if (s.rows.length === 0) return `<p class="empty">${escapeHtml(translate(locale, 'reports.html.empty'))}</p>`;
  if (s.key === 'tours') return toursSchedule(s, locale, cell);
  if (s.key === 'notices') return noticeBlocks(s, locale, cell);
  return table(s.header, s.rows, cell);
}

/**
 * Cell text with a line-break opportunity after each ';' or ',': lists of rule ids and codes
 * ("V1.tour_visits_per_week;V2.tour_floor_per_week") then wrap between their items rather than
 * in the middle of an id.
 */
function cellHtml(text: string): string {
  return escapeHtml(text).replace(/([;,])(?=\S)/g, '$1<wbr>');
}

/** Printed width of a text in half-em units: CJK and full-width characters 2, others (digits, Latin) about 1.1. */
function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1.1;
  return n;
}

/** The printable width of an A4 landscape page (297 mm less 2 × 12 mm) in half-ems of the 8 pt body text. */
const PAGE_UNITS = 273 / ((8 * 25.4) / 72 / 2);
/** Cell padding and borders of one column, in the same units. */
const COLUMN_PADDING_UNITS = 2;
/** No column is narrower than this (its header wraps to two characters a line). */
const MIN_COLUMN_UNITS = 4;
/** Columns whose typical cell is wider are long-text columns (reasons, rule lists): they wrap. */
const LONG_COLUMN_UNITS = 24;
/** A long-text column asks for at most this much, and gives way (down to the floor) before any other. */
const LONG_COLUMN_CAP_UNITS = 80;
const LONG_COLUMN_FLOOR_UNITS = 16;

/**
 * The width most filled cells of a column fit in (their 90th percentile): one odd long name does
 * not widen it, and a column mostly empty (the roster's rule breaches) is sized by what it holds.
 */
function typical(widths: number[]): number {
  const sorted = widths.filter((w) => w > 0).sort((x, y) => x - y);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))];
}

/**
 * Column widths for a fixed table layout, as percentages of the page: every short column (names,
 * codes, numbers) gets the width of its typical cell, the long-text columns share what is left (they give way
 * first), and only when even that does not fit is every column scaled down. Automatic layout
 * cannot be told this: one long unbreakable rule list would squeeze the reasons into a strip.
 */
function columnWidths(rows: readonly string[][], header: readonly string[]): number[] {
  const widest = header.map((h, i) => Math.max(MIN_COLUMN_UNITS, typical(rows.map((r) => textUnits(r[i] ?? '')))));
  const long = widest.map((w) => w > LONG_COLUMN_UNITS);
  const fixed = widest.reduce((a, w, i) => a + (long[i] ? 0 : w) + COLUMN_PADDING_UNITS, 0);
  const longCount = long.filter(Boolean).length;
  const room = PAGE_UNITS - fixed - longCount * COLUMN_PADDING_UNITS;
  const wanted = widest.map((w, i) => (long[i] ? Math.min(w, LONG_COLUMN_CAP_UNITS) : 0));
  const wantedTotal = wanted.reduce((a, b) => a + b, 0);
  const shrink = wantedTotal > room ? Math.max(room, longCount * LONG_COLUMN_FLOOR_UNITS) / wantedTotal : 1;
  const units = widest.map((w, i) => (long[i] ? Math.max(LONG_COLUMN_FLOOR_UNITS, wanted[i] * shrink) : w) + COLUMN_PADDING_UNITS);
  const total = units.reduce((a, b) => a + b, 0);
  return units.map((u) => (100 * u) / total);
}

function table(header: readonly string[], rows: readonly unknown[][], cell: CellText): string {
  const texts = rows.map((r) => r.map((v) => cell(v)));
  const th = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const tr = rows.map((r, k) => `<tr>${r.map((v, i) => (typeof v === 'number' ? `<td class="num">${escapeHtml(texts[k][i])}</td>` : `<td>${cellHtml(texts[k][i])}</td>`)).join('')}</tr>`);
  const cols = columnWidths(texts, header).map((w) => `<col style="width:${w.toFixed(2)}%">`).join('');
  return `<table><colgroup>${cols}</colgroup><thead><tr>${th}</tr></thead><tbody>\n${tr.join('\n')}\n</tbody></table>\n`;
}

/** Rows grouped by a key, groups in order of first appearance. */
function groupBy<T>(items: readonly T[], key: (x: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const g = groups.get(k);
    if (g) g.push(x);
    else groups.set(k, [x]);
  }
  return [...groups.values()];
}

/**
 * The tour schedule: per health centre (depot) a part starting on a new page, in it per team
 * and day a table of the day's stops (the depot, team and day columns go into the headings).
 */
function toursSchedule(s: ReportSheet, locale: Locale, cell: CellText): string {
  const col = (field: string) => s.fields.indexOf(field);
  const [depotCode, depotName, team, day] = ['depot_code', 'depot_name', 'team', 'day'].map(col);
  const headingCols = new Set([depotCode, depotName, team, day]);
  const keep = s.header.map((_, i) => i).filter((i) => !headingCols.has(i));
  const pick = (r: unknown[]) => keep.map((i) => r[i]);
  return groupBy(s.rows, (r) => cell(r[depotCode]))
    .map((depotRows) => {
      const first = depotRows[0];
      const heading = translate(locale, 'reports.html.depot', { name: cell(first[depotName]), code: cell(first[depotCode]) });
      const days = groupBy(depotRows, (r) => `${cell(r[team])}\u0000${cell(r[day])}`)
        // Team by team; within a team the days keep the plan's (weekday) order.
        .sort((a, b) => Number(a[0][team]) - Number(b[0][team]))
        .map((rows) => {
          const teamName = translate(locale, 'tourExport.teamName', { team: cell(rows[0][team]) });
          const dayHeading = translate(locale, 'reports.html.teamDay', { team: teamName, day: cell(rows[0][day]) });
          return `<div class="day"><h4>${escapeHtml(dayHeading)}</h4>\n${table(keep.map((i) => s.header[i]), rows.map(pick), cell)}</div>`;
        });
      return `<div class="group"><h3>${escapeHtml(heading)}</h3>\n${days.join('\n')}</div>`;
    })
    .join('\n');
}

/** The notices (公示): one block per village, its name as the heading and each column as a line. */
function noticeBlocks(s: ReportSheet, locale: Locale, cell: CellText): string {
  const [code, name] = ['village_code', 'village_name'].map((f) => s.fields.indexOf(f));
  const blocks = s.rows.map((r) => {
    const lines = s.header
      .map((h, i) => (i === code || i === name ? '' : `<tr><th>${escapeHtml(h)}</th><td>${escapeHtml(cell(r[i]))}</td></tr>`))
      .join('');
    const heading = translate(locale, 'reports.html.village', { name: cell(r[name]), code: cell(r[code]) });
    return `<div class="notice"><h3>${escapeHtml(heading)}</h3><table><tbody>${lines}</tbody></table></div>`;
  });
  return `<div class="notices">\n${blocks.join('\n')}\n</div>\n`;
}
