/**
 * Writes the planning proposals for people outside the app, beside the coverage files:
 * proposals.csv (one row per village, the planner's decision applied), merges.csv (one row per
 * member of a neighbour-service or joint-clinic merge), tiers.csv (one row per THC: tier, score
 * parts, supporting hospital, postings, gaps) and roster-issues.csv (one row per rule breach).
 *
 * CSV for Excel: UTF-8 with a BOM (electron/io/csv.ts), headers and names (modes, statuses,
 * levels, reasons) in the locale; codes stay codes. Each file is written under a temporary name
 * and renamed, so a failure never leaves half a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors.js';
import type { Locale } from '../api/schema.js';
import { applyDecisions, type PlanningDocument, type ProposalDecision } from '../domain/planning.js';
import type { Posting } from '../domain/types.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { proposalReasonText, rosterIssueText, thcNeedsText, tierReasonText } from '../../renderer/src/i18n/planning-format.js';
import { toCsv } from './csv.js';
import { writeFileAtomic } from './write-file.js';
import { exportHeader } from './xlsx-write.js';

export const PLANNING_FILES = ['proposals.csv', 'merges.csv', 'tiers.csv', 'roster-issues.csv'] as const;

export interface PlanningNames {
  /** Township code → name. */
  townships: ReadonlyMap<string, string>;
  /** Facility code → name (supporting hospitals, institutions of roster issues). */
  facilities?: ReadonlyMap<string, string>;
  /** Village code → name (postings to villages). */
  villages?: ReadonlyMap<string, string>;
}

type Table = { fields: string[]; rows: unknown[][] };

const name = (locale: Locale, section: string, key: string | null | undefined): string => (key ? translate(locale, `${section}.${key}`) : '');
const num = (x: number | null | undefined, digits = 1): number | string => (x === null || x === undefined || !Number.isFinite(x) ? '' : Math.round(x * 10 ** digits) / 10 ** digits);

export function proposalsTable(doc: PlanningDocument, decisions: readonly ProposalDecision[], names: PlanningNames, locale: Locale): Table {
  const fields = [
    'code', 'name', 'township_code', 'township', 'population', 'proposed_mode', 'decision_status', 'effective_mode',
    'visits_per_week', 'posting_days_per_week', 'posting_min_months', 'backfill_of', 'thc_code', 'rule_ids', 'reason', 'decision_reason',
  ];
  const rows = applyDecisions(doc.villages, decisions).map((e) => {
    const p = e.proposal;
    return [
      p.code, p.name, p.townshipCode, names.townships.get(p.townshipCode) ?? '', p.population ?? '',
      name(locale, 'serviceModes', p.mode), name(locale, 'decisionStatus', e.status), name(locale, 'serviceModes', e.mode),
      e.visitsPerWeek ?? '', e.postingDaysPerWeek ?? '', e.postingDaysPerWeek === null ? '' : (p.postingMinMonths ?? doc.rulesUsed['V3.posting_min_months'] ?? ''),
      name(locale, 'serviceModes', p.backfillOf), p.thcCode ?? '', p.rules.join(';'), proposalReasonText(locale, p), e.decision?.reason ?? '',
    ];
  });
  return { fields, rows };
}

export function mergesTable(doc: PlanningDocument, locale: Locale): Table {
  const fields = ['merge_id', 'merge_kind', 'host_code', 'host_name', 'clinic_code', 'member_code', 'member_name', 'member_population', 'member_minutes', 'weighted_minutes'];
  const rows = doc.merges.flatMap((m) =>
    m.members.map((mem) => [
      m.id, name(locale, 'serviceModes', m.kind), m.hostCode, m.hostName, m.clinicCode ?? '',
      mem.code, mem.name, mem.population, num(mem.minutes), num(m.weightedMinutes),
    ]),
  );
  return { fields, rows };
}

export function tiersTable(doc: PlanningDocument, names: PlanningNames, locale: Locale): Table {
  const fields = [
    'thc_code', 'thc_name', 'tier', 'score', 'score_capability', 'score_population', 'score_staff', 'score_remoteness',
    'served_population', 'minutes_county_seat', 'minutes_city_core', 'supporting_hospital', 'supporting_hospital_name', 'supporting_level',
    'required_postings', 'posted_qualified', 'gaps', 'tier_reason',
  ];
  const rows = doc.thcs.map((t) => [
    t.code, t.name, t.tier ?? '', num(t.score), num(t.parts.capability), num(t.parts.population), num(t.parts.staff), num(t.parts.remoteness),
    t.servedPopulation, num(t.minutesToCountySeat), num(t.minutesToCityCore), t.supportingHospital ?? '',
    t.supportingHospital ? (names.facilities?.get(t.supportingHospital) ?? '') : '', name(locale, 'levels', t.supportingLevel),
    t.requiredPostings, t.postedQualified, thcNeedsText(locale, t), tierReasonText(locale, t),
  ]);
  return { fields, rows };
}

export function rosterIssuesTable(doc: PlanningDocument, names: PlanningNames, locale: Locale): Table {
  const fields = ['posting_id', 'person', 'institution', 'institution_name', 'rule', 'severity', 'issue'];
  const rows = doc.roster.issues.map((i) => [
    i.postingId ?? '', i.person ?? '', i.institution ?? '', i.institution ? (names.facilities?.get(i.institution) ?? '') : '',
    i.rule, translate(locale, `exportHeaders.severity_${i.severity}`), rosterIssueText(locale, i),
  ]);
  return { fields, rows };
}

/** One row per posting of the roster (scenario edits applied) with the rules it breaks (XLSX report). */
export function rosterTable(postings: readonly Posting[], doc: PlanningDocument, names: PlanningNames, locale: Locale): Table {
  const fields = [
    'posting_id', 'person', 'title_level', 'profession', 'from_institution', 'from_institution_name', 'institution', 'institution_name',
    'to_village', 'to_village_name', 'start_date', 'end_date', 'release', 'days_per_week', 'issue_count', 'issues',
  ];
  const issuesOf = new Map<number, string[]>();
  for (const i of doc.roster.issues) {
    if (i.postingId === null) continue;
    issuesOf.set(i.postingId, [...(issuesOf.get(i.postingId) ?? []), rosterIssueText(locale, i)]);
  }
  const facility = (code: string | null) => (code ? (names.facilities?.get(code) ?? '') : '');
  const rows = postings.map((p) => {
    const issues = issuesOf.get(p.id) ?? [];
    return [
      p.id, p.person, name(locale, 'reports.titleLevels', p.titleLevel), p.profession, p.fromInstitution, facility(p.fromInstitution),
      p.toInstitution ?? '', facility(p.toInstitution), p.toVillage ?? '', p.toVillage ? (names.villages?.get(p.toVillage) ?? '') : '',
      p.startDate, p.endDate, name(locale, 'reports.releases', p.release), p.daysPerWeek, issues.length, issues.join(translate(locale, 'reports.listSeparator')),
    ];
  });
  return { fields, rows };
}

/** Writes the four planning CSVs into `outDir` and returns their paths. */
export function writePlanningFiles(
  doc: PlanningDocument,
  decisions: readonly ProposalDecision[],
  names: PlanningNames,
  outDir: string,
  locale: Locale = 'zh-CN',
): string[] {
  const dir = path.resolve(outDir);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new ApiError('FILE_READ_ONLY', `cannot create ${dir}: ${(e as Error).message}`, { path: dir });
  }
  const tables: [string, Table][] = [
    ['proposals.csv', proposalsTable(doc, decisions, names, locale)],
    ['merges.csv', mergesTable(doc, locale)],
    ['tiers.csv', tiersTable(doc, names, locale)],
    ['roster-issues.csv', rosterIssuesTable(doc, names, locale)],
  ];
  // Build every text first, then write: a failure while assembling writes nothing.
  const texts = tables.map(([file, t]) => [file, toCsv(t.fields.map((f) => exportHeader(locale, f)), t.rows)] as const);
  return texts.map(([file, text]) => {
    const target = path.join(dir, file);
    writeFileAtomic(target, text);
    return target;
  });
}
