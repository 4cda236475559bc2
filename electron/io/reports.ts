/**
 * The reports of a scenario for meetings (issue 7, D1-D3), as XLSX or PDF: one file per report kind.
 *   proposals  规划建议 + 合并            (planning-export.ts tables)
 *   tiers      卫生院梯次                 (with the T-rule needs and the tier reasons)
 *   roster     派驻名单 + 名单问题        (every posting with the rules it breaks)
 *   tours      巡诊排班 + 公示 + 上级巡诊 (tours-export.ts tables)
 *   yearly     年度汇总                   (D1: villages by mode, visits, staff, person-months, subsidy)
 * The tables are those of the CSV exports, with the same localized headers and texts; only the
 * yearly summary is built here. As PDF the same sheets are laid out for paper (report-html.ts)
 * and printed by the door's converter. Files are written under a temporary name and renamed.
 */
import { ruleSourceText } from '../../renderer/src/i18n/planning-format.js';
import type { Locale, ReportKind } from '../api/schema.js';
import { SERVICE_MODES, type PlanningDocument, type ProposalDecision, type ScenarioSummary, type ServiceMode } from '../domain/planning.js';
import { RULES_BY_ID, type RuleValues } from '../domain/rules.js';
import type { TourPlanDocument } from '../domain/tours.js';
import type { Posting } from '../domain/types.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { mergesTable, proposalsTable, rosterIssuesTable, rosterTable, tiersTable, type PlanningNames } from './planning-export.js';
import { higherTable, noticesTable, tourHeaders, toursTable } from './tours-export.js';
import { ApiError } from '../api/errors.js';
import { REPORT_PAGE, reportHtml, type HtmlToPdf, type ReportMeta } from './report-html.js';
import { writeFileAtomic } from './write-file.js';
import { exportHeader, writeWorkbook, type SheetTable } from './xlsx-write.js';

/**
 * Weeks a year of village tours is counted over in the yearly summary: 52 calendar weeks (V1/V2
 * ask for weekly tours all year; holidays are not deducted, the weekly figure stands beside it).
 */
export const TOUR_WEEKS_PER_YEAR = 52;

export interface ReportInput {
  planning: PlanningDocument;
  decisions: readonly ProposalDecision[];
  /** The scenario's summary (effective modes after decisions, staff needs, subsidy). */
  summary: ScenarioSummary;
  /** The roster with the scenario's edits applied. */
  postings: readonly Posting[];
  names: PlanningNames;
  /** The tour plan (needed by 'tours' and 'yearly'). */
  tours: TourPlanDocument | null;
  /** The project's rule values (for the 依据 column). */
  rules: RuleValues;
}

type Table = { fields: string[]; rows: unknown[][] };

/** Rules that justify each service mode (the 依据 of the villages-by-mode rows). */
const MODE_RULES: Record<ServiceMode, string[]> = {
  covered: ['X.clinic_minutes'],
  neighbour: ['V4.neighbour_service_minutes'],
  joint_clinic: ['V4.joint_clinic_min_population', 'V4.merge_max_minutes'],
  tour: ['V1.tour_visits_per_week', 'V2.tour_floor_per_week'],
  posting: ['V3.posting_days_per_week', 'V3.posting_min_months'],
  county_backfill: ['V5.thc_outreach_share'],
};

const text = (locale: Locale, key: string, params: Record<string, string | number> = {}) => translate(locale, `reports.${key}`, params);
const reportHeaders = (locale: Locale, fields: string[]) =>
  fields.map((f) => {
    const own = text(locale, `headers.${f}`);
    return own === `reports.headers.${f}` ? exportHeader(locale, f) : own;
  });

/** "P3.subsidy_per_person_year = 15000 [004, 五]" for each rule (current value, seed citation), joined. */
function basis(locale: Locale, rules: RuleValues, ids: readonly string[]): string {
  return ids
    .map((id) => {
      const def = RULES_BY_ID.get(id);
      return def ? `${id} = ${rules[id] ?? def.defaultValue} ${ruleSourceText(locale, def)}` : id;
    })
    .join(text(locale, 'listSeparator'));
}

/** D1: the yearly summary of tours and postings, one figure per row with its unit and rule basis. */
export function yearlyTable(input: ReportInput, locale: Locale): Table {
  const { summary, planning, rules, tours } = input;
  const roster = planning.roster.summary;
  const unit = (u: string) => text(locale, `units.${u}`);
  const item = (key: string, params: Record<string, string | number> = {}) => text(locale, `yearly.${key}`, params);
  const rows: unknown[][] = SERVICE_MODES.map((m) => [
    item('villagesByMode', { mode: translate(locale, `serviceModes.${m}`) }), summary.villagesByMode[m], unit('villages'), basis(locale, rules, MODE_RULES[m]),
  ]);
  rows.push([item('villagesUndecided'), summary.villagesByMode.undecided, unit('villages'), '']);
  const week = tours?.week ?? [];
  const required = week.reduce((s, w) => s + w.totals.visitsRequired, 0);
  const planned = week.reduce((s, w) => s + w.totals.visitsPlanned, 0);
  const tourBasis = basis(locale, rules, ['V1.tour_visits_per_week', 'V2.tour_floor_per_week', 'H2.village_tours_per_week']);
  rows.push(
    [item('tourVisitsRequiredWeek'), required, unit('visits'), tourBasis],
    [item('tourVisitsPlannedWeek'), planned, unit('visits'), tourBasis],
    [item('tourVisitsPlannedYear', { weeks: TOUR_WEEKS_PER_YEAR }), planned * TOUR_WEEKS_PER_YEAR, unit('visits'), tourBasis],
  );
  // H2: a higher-level plan holds one period (a quarter or a month) of visits.
  const higherPerYear = (kind: 'county_to_thc' | 'thc_to_village') =>
    (tours?.higher ?? []).filter((h) => h.kind === kind).reduce((s, h) => s + h.totals.stops * (h.period === 'quarter' ? 4 : 12), 0);
  rows.push(
    [item('countyToursYear'), higherPerYear('county_to_thc'), unit('visits'), basis(locale, rules, ['H2.county_tours_per_quarter'])],
    [item('thcHigherToursYear'), higherPerYear('thc_to_village'), unit('visits'), basis(locale, rules, ['H2.township_tours_per_month'])],
    [item('villagePostingStaff'), summary.staff.postingStaff, unit('persons'), basis(locale, rules, ['V3.posting_days_per_week', 'V3.posting_min_months'])],
    [item('staffPosted'), roster.people, unit('persons'), basis(locale, rules, ['T7.posted_physicians_per_thc', 'P2.post_term_months'])],
    [item('postings'), roster.postings, unit('records'), ''],
    [item('personMonths'), roster.personMonths, unit('personMonths'), basis(locale, rules, ['P2.post_term_months', 'P2.max_people_per_post_year'])],
    [item('halfReleaseShare'), Math.round(roster.halfReleaseShare * 1000) / 10, unit('percent'), basis(locale, rules, ['P2.half_release_max_share'])],
    [item('institutionsCovered'), roster.institutionsCovered, unit('institutions'), ''],
    [item('subsidy'), roster.subsidyCny, unit('cny'), basis(locale, rules, ['P3.subsidy_per_person_year'])],
    [item('thcPostingGap'), summary.staff.thcPostingGap, unit('persons'), basis(locale, rules, ['T7.posted_physicians_per_thc', 'T7.posting_min_title'])],
    [item('publicHealthGap'), summary.staff.publicHealthGap, unit('persons'), basis(locale, rules, ['T3.public_health_physicians_min'])],
    [item('rosterErrors'), summary.rosterIssues, unit('issues'), ''],
    [item('reportDeadline'), String(rules['D1.report_deadline'] ?? ''), unit('date'), basis(locale, rules, ['D1.report_deadline'])],
  );
  return { fields: ['item', 'value', 'unit', 'basis'], rows };
}

/**
 * One sheet of a report: the workbook's table plus what the printed (PDF) layout needs to know
 * about it: which sheet it is (`key`, e.g. 'tours', 'notices') and its raw field names.
 */
export interface ReportSheet extends SheetTable {
  key: string;
  fields: string[];
}

/** The sheets of one report, names and headers in the locale. */
export function reportSheets(kind: ReportKind, input: ReportInput, locale: Locale): ReportSheet[] {
  const sheet = (key: string, t: Table, headers: (l: Locale, f: string[]) => string[]): ReportSheet => ({
    key, name: text(locale, `sheets.${key}`), header: headers(locale, t.fields), rows: t.rows, fields: t.fields,
  });
  const planningHeaders = (l: Locale, f: string[]) => f.map((x) => exportHeader(l, x));
  const { planning, names } = input;
  switch (kind) {
    case 'proposals':
      return [sheet('proposals', proposalsTable(planning, input.decisions, names, locale), planningHeaders), sheet('merges', mergesTable(planning, locale), planningHeaders)];
    case 'tiers':
      return [sheet('tiers', tiersTable(planning, names, locale), planningHeaders)];
    case 'roster':
      return [sheet('roster', rosterTable(input.postings, planning, names, locale), reportHeaders), sheet('rosterIssues', rosterIssuesTable(planning, names, locale), planningHeaders)];
    case 'tours': {
      const tours = input.tours!;
      return [
        sheet('tours', toursTable(tours, locale), tourHeaders),
        sheet('notices', withoutField(noticesTable(tours, locale), 'notice_file'), tourHeaders),
        sheet('higherTours', higherTable(tours, locale), tourHeaders),
      ];
    }
    case 'yearly':
      return [sheet('yearly', yearlyTable(input, locale), reportHeaders)];
  }
}

/** A table without one column (the notices' text-file column means nothing in a workbook). */
function withoutField(t: Table, field: string): Table {
  const i = t.fields.indexOf(field);
  return i < 0 ? t : { fields: t.fields.filter((_, k) => k !== i), rows: t.rows.map((r) => r.filter((_, k) => k !== i)) };
}

/** How a report is written: a workbook, or a printed document through the door's PDF converter. */
export type ReportOutput = { format: 'xlsx' } | { format: 'pdf'; meta: ReportMeta; htmlToPdf: HtmlToPdf };

/** Writes the report to `target` (under a temporary name, then renamed); returns its sheet names. */
export async function writeReportFile(kind: ReportKind, input: ReportInput, target: string, locale: Locale, output: ReportOutput): Promise<string[]> {
  const sheets = reportSheets(kind, input, locale);
  if (output.format === 'xlsx') {
    await writeWorkbook(target, sheets, locale);
  } else {
    const html = reportHtml(kind, sheets, output.meta, locale);
    let pdf: Uint8Array;
    try {
      pdf = await output.htmlToPdf(html, REPORT_PAGE);
    } catch (e) {
      if (e instanceof ApiError) throw e;
      const detail = e instanceof Error ? e.message : String(e);
      throw new ApiError('REPORT_FORMAT_UNAVAILABLE', `pdf conversion failed: ${detail}`, {
        format: 'pdf',
        detail: translate(locale, 'errors.details.pdf_conversion_failed', { detail }),
      });
    }
    writeFileAtomic(target, pdf);
  }
  return sheets.map((s) => s.name);
}
