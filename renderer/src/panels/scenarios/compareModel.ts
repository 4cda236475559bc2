/**
 * The scenario comparison as rows, pure: one row per figure of ScenarioSummary with A, B, the
 * difference B − A and whether B is better, worse or just different (figures that are a cost or
 * a choice, like the villages per service mode, are not judged). Also the chart's groups and the
 * CSV text.
 */
import { SERVICE_MODES, type ScenarioSummary } from '../../../../electron/domain/planning.js';

/** Which way is better for a figure: fewer, more, or neither (a cost or a mix). */
export type Better = 'lower' | 'higher' | 'none';
export type Verdict = 'better' | 'worse' | 'same' | 'changed';
export type CompareSection = 'coverage' | 'modes' | 'staff' | 'roster' | 'tiers';

export interface CompareRow {
  /** Stable id (also the test id). */
  key: string;
  section: CompareSection;
  /** i18n key of the label (scenariosUi.*, serviceModes.*, tiers.*). */
  labelKey: string;
  /** i18n key of the unit (scenariosUi.units.*). */
  unitKey: 'villages' | 'persons' | 'visits' | 'issues' | 'cny' | 'thcs' | 'clinics';
  a: number;
  b: number;
  delta: number;
  better: Better;
  verdict: Verdict;
}

interface RowSpec {
  key: string;
  section: CompareSection;
  labelKey: string;
  unitKey: CompareRow['unitKey'];
  better: Better;
  pick(s: ScenarioSummary): number;
}

const MODE_BETTER: Record<(typeof SERVICE_MODES)[number] | 'undecided', Better> = {
  covered: 'higher',
  neighbour: 'none',
  joint_clinic: 'none',
  tour: 'none',
  posting: 'none',
  // V5: the THC cannot staff them; fewer is better.
  county_backfill: 'lower',
  undecided: 'lower',
};

export const COMPARE_SPECS: readonly RowSpec[] = [
  { key: 'blankVillages', section: 'coverage', labelKey: 'scenariosUi.compare.rows.blankVillages', unitKey: 'villages', better: 'lower', pick: (s) => s.blankVillages },
  { key: 'beyond.clinic', section: 'coverage', labelKey: 'scenariosUi.compare.rows.beyondClinic', unitKey: 'persons', better: 'lower', pick: (s) => s.populationBeyond.clinic },
  { key: 'beyond.thc', section: 'coverage', labelKey: 'scenariosUi.compare.rows.beyondThc', unitKey: 'persons', better: 'lower', pick: (s) => s.populationBeyond.thc },
  { key: 'beyond.county', section: 'coverage', labelKey: 'scenariosUi.compare.rows.beyondCounty', unitKey: 'persons', better: 'lower', pick: (s) => s.populationBeyond.county },
  ...[...SERVICE_MODES, 'undecided' as const].map(
    (m): RowSpec => ({ key: `mode.${m}`, section: 'modes', labelKey: `serviceModes.${m}`, unitKey: 'villages', better: MODE_BETTER[m], pick: (s) => s.villagesByMode[m] ?? 0 }),
  ),
  { key: 'staff.tourVisitsPerWeek', section: 'staff', labelKey: 'scenariosUi.compare.rows.tourVisits', unitKey: 'visits', better: 'none', pick: (s) => s.staff.tourVisitsPerWeek },
  { key: 'staff.postingStaff', section: 'staff', labelKey: 'scenariosUi.compare.rows.postingStaff', unitKey: 'persons', better: 'none', pick: (s) => s.staff.postingStaff },
  { key: 'staff.backfilledVillages', section: 'staff', labelKey: 'scenariosUi.compare.rows.backfilled', unitKey: 'villages', better: 'lower', pick: (s) => s.staff.backfilledVillages },
  { key: 'staff.thcPostingGap', section: 'staff', labelKey: 'scenariosUi.compare.rows.thcPostingGap', unitKey: 'persons', better: 'lower', pick: (s) => s.staff.thcPostingGap },
  { key: 'staff.publicHealthGap', section: 'staff', labelKey: 'scenariosUi.compare.rows.publicHealthGap', unitKey: 'persons', better: 'lower', pick: (s) => s.staff.publicHealthGap },
  { key: 'staff.newClinics', section: 'staff', labelKey: 'scenariosUi.compare.rows.newClinics', unitKey: 'clinics', better: 'none', pick: (s) => s.staff.newClinics },
  { key: 'subsidyCny', section: 'roster', labelKey: 'scenariosUi.compare.rows.subsidy', unitKey: 'cny', better: 'none', pick: (s) => s.subsidyCny },
  { key: 'rosterIssues', section: 'roster', labelKey: 'scenariosUi.compare.rows.rosterIssues', unitKey: 'issues', better: 'lower', pick: (s) => s.rosterIssues },
  ...(['1', '2', '3', 'unranked'] as const).map(
    (t): RowSpec => ({ key: `tier.${t}`, section: 'tiers', labelKey: `tiers.${t}`, unitKey: 'thcs', better: t === 'unranked' ? 'lower' : 'none', pick: (s) => s.tiers[t] ?? 0 }),
  ),
];

export function verdictOf(delta: number, better: Better): Verdict {
  if (delta === 0) return 'same';
  if (better === 'none') return 'changed';
  return (better === 'lower') === delta < 0 ? 'better' : 'worse';
}

export function compareRows(a: ScenarioSummary, b: ScenarioSummary): CompareRow[] {
  return COMPARE_SPECS.map((spec) => {
    const va = Number(spec.pick(a)) || 0;
    const vb = Number(spec.pick(b)) || 0;
    const delta = vb - va;
    return { key: spec.key, section: spec.section, labelKey: spec.labelKey, unitKey: spec.unitKey, a: va, b: vb, delta, better: spec.better, verdict: verdictOf(delta, spec.better) };
  });
}

/** The chart's figure groups (values of one group share an axis). */
export const CHART_GROUPS = {
  // (Villages already covered are left out: their count would flatten every other bar.)
  villages: ['blankVillages', 'mode.neighbour', 'mode.joint_clinic', 'mode.tour', 'mode.posting', 'mode.county_backfill', 'mode.undecided'],
  population: ['beyond.clinic', 'beyond.thc', 'beyond.county'],
  staff: ['staff.postingStaff', 'staff.backfilledVillages', 'staff.thcPostingGap', 'staff.publicHealthGap', 'staff.newClinics', 'rosterIssues'],
} as const;
export type ChartGroup = keyof typeof CHART_GROUPS;

export function chartRows(rows: readonly CompareRow[], group: ChartGroup): CompareRow[] {
  const byKey = new Map(rows.map((r) => [r.key, r] as const));
  return CHART_GROUPS[group].flatMap((k) => {
    const r = byKey.get(k);
    return r ? [r] : [];
  });
}

const csvCell = (v: string | number): string => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV (UTF-8 with BOM for Excel): figure, A, B, B − A. */
export function compareCsv(rows: readonly CompareRow[], header: [string, string, string, string], label: (row: CompareRow) => string): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) lines.push([label(r), r.a, r.b, r.delta].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
