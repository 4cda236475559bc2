/**
 * The roster panel's rows, pure: the postings of the active scenario (the project's roster with
 * the scenario's posting edits applied) joined with the roster check's issues and with the names
 * of the sending and receiving places; postings the scenario removed stay listed, marked.
 */
import type { RosterIssue, RosterSeverity, ScenarioPayload } from '../../../../electron/domain/planning.js';
import type { Posting, Release, TitleLevel } from '../../../../electron/domain/types.js';

export interface RosterRow {
  id: number;
  person: string;
  titleLevel: TitleLevel;
  profession: string;
  fromCode: string;
  fromName: string;
  /** Receiving institution or village, by name (the code when it is not in the layers). */
  toCode: string;
  toName: string;
  toKind: 'institution' | 'village' | 'none';
  startDate: string;
  endDate: string;
  /** Length of the term in months (one decimal), null when the dates do not parse. */
  months: number | null;
  release: Release;
  daysPerWeek: number;
  issues: RosterIssue[];
  /** The worst severity among its issues, null when none. */
  severity: RosterSeverity | null;
  /** The active scenario changed this posting (an update edit). */
  edited: boolean;
  /** The active scenario removes this posting (shown struck through). */
  removed: boolean;
}

export interface NameLookup {
  facility(code: string): string | null;
  village(code: string): string | null;
}

function parseDate(s: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return [y, mo, d];
}

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Months from start to end, both days included: 2026-01-01 → 2026-06-30 is 6; null when a date is bad or end < start. */
export function termMonths(startDate: string, endDate: string): number | null {
  const a = parseDate(startDate);
  const b = parseDate(endDate);
  if (!a || !b) return null;
  const whole = (b[0] - a[0]) * 12 + (b[1] - a[1]);
  const months = whole + (b[2] - a[2] + 1) / daysInMonth(b[0], b[1]);
  if (months < 0) return null;
  return Math.round(months * 10) / 10;
}

const SEVERITY_RANK: Record<RosterSeverity, number> = { warning: 1, error: 2 };

export function rosterRows(
  applied: readonly Posting[],
  original: readonly Posting[],
  issues: readonly RosterIssue[],
  payload: ScenarioPayload | null,
  names: NameLookup,
): RosterRow[] {
  const byPosting = new Map<number, RosterIssue[]>();
  for (const i of issues) {
    if (i.postingId === null) continue;
    const list = byPosting.get(i.postingId);
    if (list) list.push(i);
    else byPosting.set(i.postingId, [i]);
  }
  const updated = new Set(payload?.postingEdits.flatMap((e) => (e.op === 'update' ? [e.id] : [])) ?? []);
  const removed = new Set(payload?.postingEdits.flatMap((e) => (e.op === 'remove' ? [e.id] : [])) ?? []);
  const row = (p: Posting, isRemoved: boolean): RosterRow => {
    const own = isRemoved ? [] : (byPosting.get(p.id) ?? []);
    let severity: RosterSeverity | null = null;
    for (const i of own) if (severity === null || SEVERITY_RANK[i.severity] > SEVERITY_RANK[severity]) severity = i.severity;
    const toKind = p.toInstitution ? 'institution' : p.toVillage ? 'village' : 'none';
    const toCode = p.toInstitution ?? p.toVillage ?? '';
    const toName = toKind === 'institution' ? (names.facility(toCode) ?? toCode) : toKind === 'village' ? (names.village(toCode) ?? toCode) : '';
    return {
      id: p.id,
      person: p.person,
      titleLevel: p.titleLevel,
      profession: p.profession,
      fromCode: p.fromInstitution,
      fromName: names.facility(p.fromInstitution) ?? p.fromInstitution,
      toCode,
      toName,
      toKind,
      startDate: p.startDate,
      endDate: p.endDate,
      months: termMonths(p.startDate, p.endDate),
      release: p.release,
      daysPerWeek: p.daysPerWeek,
      issues: own,
      severity,
      edited: updated.has(p.id),
      removed: isRemoved,
    };
  };
  const rows = applied.map((p) => row(p, false));
  const present = new Set(applied.map((p) => p.id));
  for (const p of original) if (removed.has(p.id) && !present.has(p.id)) rows.push(row(p, true));
  return rows.sort((x, y) => x.id - y.id);
}

/** Issues of an institution or of the roster as a whole (no posting): the summary strip's list. */
export function rosterLevelIssues(issues: readonly RosterIssue[]): RosterIssue[] {
  return issues.filter((i) => i.postingId === null);
}

export function filterRosterRows(rows: readonly RosterRow[], issuesOnly: boolean): RosterRow[] {
  return issuesOnly ? rows.filter((r) => r.issues.length > 0) : rows.slice();
}

/** Counts for the toolbar: flagged postings and issues by severity. */
export function rosterCounts(rows: readonly RosterRow[]): { flagged: number; errors: number; warnings: number } {
  let flagged = 0;
  let errors = 0;
  let warnings = 0;
  for (const r of rows) {
    if (r.issues.length > 0) flagged++;
    for (const i of r.issues) if (i.severity === 'error') errors++;
    else warnings++;
  }
  return { flagged, errors, warnings };
}
