/**
 * The proposals as the UI shows them: effective plans (proposal + the planner's decision) turned
 * into table rows, filtered and sorted, and counted per mode and per tier. Pure, unit-tested.
 */
import {
  SERVICE_MODES,
  applyDecisions,
  type DecisionStatus,
  type EffectiveVillagePlan,
  type PlanningDocument,
  type ProposalDecision,
  type ServiceMode,
  type ThcTier,
} from '../../../../electron/domain/planning.js';
import { proposalReasonText } from '../../i18n/planning-format.js';
import { translate, type Locale } from '../../i18n/index.js';
import type { LayerData } from '../../state/derived.js';

export interface ProposalRow {
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  population: number | null;
  proposedMode: ServiceMode | null;
  effectiveMode: ServiceMode | null;
  status: DecisionStatus;
  stale: boolean;
  visitsPerWeek: number | null;
  postingDaysPerWeek: number | null;
  postingMinMonths: number | null;
  backfillOf: 'tour' | 'posting' | null;
  rules: string[];
  decisiveRule: string | null;
  reason: string;
  /** Why no proposal could be made (empty when there is one). */
  missing: string[];
  decision: ProposalDecision | null;
  /** Feature id of the village in the villages layer (for selection), or null. */
  id: number | null;
  /** Lower-cased name + code, for the text search. */
  search: string;
}

/** Mode filter: a service mode, 'none' (no proposal or rejected), or null for all. */
export type ModeFilter = ServiceMode | 'none' | null;

export interface ProposalFilter {
  mode: ModeFilter;
  status: DecisionStatus | null;
  township: string | null;
  text: string;
  staleOnly: boolean;
}

export type ProposalSortKey = 'code' | 'name' | 'township' | 'population' | 'proposed' | 'effective' | 'status' | 'frequency';

export interface ProposalSort {
  key: ProposalSortKey;
  dir: 'asc' | 'desc';
}

export const EMPTY_PROPOSAL_FILTER: ProposalFilter = { mode: null, status: null, township: null, text: '', staleOnly: false };
export const DECISION_STATUSES: readonly DecisionStatus[] = ['proposed', 'accepted', 'rejected', 'overridden'];

export function effectivePlans(planning: PlanningDocument | null | undefined, decisions: Readonly<Record<string, ProposalDecision>>): EffectiveVillagePlan[] {
  if (!planning) return [];
  return applyDecisions(planning.villages, Object.values(decisions));
}

export function proposalRows(plans: readonly EffectiveVillagePlan[], layers: LayerData, locale: Locale): ProposalRow[] {
  const townshipNames = new Map((layers.townships?.features ?? []).map((f) => [f.properties.code, f.properties.name]));
  const villageIds = new Map((layers.villages?.features ?? []).map((f) => [f.properties.code, f.id]));
  return plans.map((plan) => {
    const p = plan.proposal;
    const missing = p.missing.map((m) => translate(locale, `planningUi.missing.${m}`));
    const reason = p.mode ? proposalReasonText(locale, p) : translate(locale, 'planningUi.table.noProposal', { why: missing.join(locale === 'zh-CN' ? '、' : ', ') || proposalReasonText(locale, p) });
    return {
      code: p.code,
      name: p.name,
      townshipCode: p.townshipCode,
      townshipName: townshipNames.get(p.townshipCode) ?? p.townshipCode,
      population: p.population,
      proposedMode: p.mode,
      effectiveMode: plan.mode,
      status: plan.status,
      stale: plan.stale,
      visitsPerWeek: plan.visitsPerWeek,
      postingDaysPerWeek: plan.postingDaysPerWeek,
      postingMinMonths: plan.postingDaysPerWeek !== null ? p.postingMinMonths : null,
      backfillOf: plan.mode === 'county_backfill' ? p.backfillOf : null,
      rules: p.rules,
      decisiveRule: p.decisiveRule,
      reason,
      missing,
      decision: plan.decision,
      id: villageIds.get(p.code) ?? null,
      search: `${p.name} ${p.code}`.toLowerCase(),
    };
  });
}

export function filterProposals(rows: readonly ProposalRow[], f: ProposalFilter): ProposalRow[] {
  const text = f.text.trim().toLowerCase();
  return rows.filter((r) => {
    if (f.mode === 'none' ? r.effectiveMode !== null : f.mode !== null && r.effectiveMode !== f.mode) return false;
    if (f.status !== null && r.status !== f.status) return false;
    if (f.township !== null && r.townshipCode !== f.township) return false;
    if (f.staleOnly && !r.stale) return false;
    if (text && !r.search.includes(text)) return false;
    return true;
  });
}

const MODE_ORDER = new Map<ServiceMode | null, number>([...SERVICE_MODES.map((m, i) => [m, i] as const), [null, SERVICE_MODES.length]]);
const STATUS_ORDER = new Map(DECISION_STATUSES.map((s, i) => [s, i]));

/** Weekly load of a row (visits or posting days), for sorting by frequency. */
function frequencyOf(r: ProposalRow): number | null {
  return r.postingDaysPerWeek ?? r.visitsPerWeek;
}

function compareNullable(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

export function sortProposals(rows: readonly ProposalRow[], sort: ProposalSort): ProposalRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const by = (a: ProposalRow, b: ProposalRow): number => {
    switch (sort.key) {
      case 'code':
        return sign * a.code.localeCompare(b.code);
      case 'name':
        return sign * a.name.localeCompare(b.name, 'zh-CN');
      case 'township':
        return sign * a.townshipName.localeCompare(b.townshipName, 'zh-CN');
      case 'population': {
        // Missing population last in both directions.
        if (a.population === null || b.population === null) return compareNullable(a.population, b.population);
        return sign * (a.population - b.population);
      }
      case 'proposed':
        return sign * (MODE_ORDER.get(a.proposedMode)! - MODE_ORDER.get(b.proposedMode)!);
      case 'effective':
        return sign * (MODE_ORDER.get(a.effectiveMode)! - MODE_ORDER.get(b.effectiveMode)!);
      case 'status':
        return sign * (STATUS_ORDER.get(a.status)! - STATUS_ORDER.get(b.status)!) || (a.stale === b.stale ? 0 : a.stale ? -1 : 1);
      case 'frequency': {
        const fa = frequencyOf(a);
        const fb = frequencyOf(b);
        if (fa === null || fb === null) return compareNullable(fa, fb);
        return sign * (fa - fb);
      }
    }
  };
  // Stable, with the code as the tie-breaker.
  return [...rows].sort((a, b) => by(a, b) || a.code.localeCompare(b.code));
}

/** Columns that read best largest first on the first click. */
export const DESC_FIRST_KEYS: ReadonlySet<ProposalSortKey> = new Set(['population', 'frequency']);

export function nextSort(current: ProposalSort, key: ProposalSortKey): ProposalSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: DESC_FIRST_KEYS.has(key) ? 'desc' : 'asc' };
}

export type ModeCounts = Record<ServiceMode | 'undecided', number>;

/** Villages per effective mode; no proposal or rejected count as 'undecided'. */
export function countModes(plans: readonly EffectiveVillagePlan[]): ModeCounts {
  const out = Object.fromEntries([...SERVICE_MODES, 'undecided'].map((m) => [m, 0])) as ModeCounts;
  for (const p of plans) out[p.mode ?? 'undecided']++;
  return out;
}

export type TierCounts = Record<'1' | '2' | '3' | 'unranked', number>;

export function countTiers(thcs: readonly ThcTier[]): TierCounts {
  const out: TierCounts = { '1': 0, '2': 0, '3': 0, unranked: 0 };
  for (const t of thcs) out[t.tier === null ? 'unranked' : (String(t.tier) as '1' | '2' | '3')]++;
  return out;
}

export interface DecisionCounts {
  decided: number;
  stale: number;
  missing: number;
}

export function countDecisions(plans: readonly EffectiveVillagePlan[]): DecisionCounts {
  let decided = 0;
  let stale = 0;
  let missing = 0;
  for (const p of plans) {
    if (p.decision) decided++;
    if (p.stale) stale++;
    if (p.proposal.mode === null) missing++;
  }
  return { decided, stale, missing };
}

/** "每周 2 次" / "每周 5 天，至少 6 个月" / "–". */
export function frequencyText(locale: Locale, r: Pick<ProposalRow, 'visitsPerWeek' | 'postingDaysPerWeek' | 'postingMinMonths'>): string {
  if (r.postingDaysPerWeek !== null) {
    return r.postingMinMonths !== null
      ? translate(locale, 'planningUi.table.postingMonths', { n: r.postingDaysPerWeek, months: r.postingMinMonths })
      : translate(locale, 'planningUi.table.postingDays', { n: r.postingDaysPerWeek });
  }
  if (r.visitsPerWeek !== null) return translate(locale, 'planningUi.table.visits', { n: r.visitsPerWeek });
  return '–';
}

/** Mode name, with the backfilled service for county backfill ("县医院补位（县医院代巡诊）"). */
export function modeText(locale: Locale, mode: ServiceMode | null, backfillOf: 'tour' | 'posting' | null = null): string {
  if (mode === null) return translate(locale, 'serviceModes.undecided');
  const name = translate(locale, `serviceModes.${mode}`);
  if (mode !== 'county_backfill' || !backfillOf) return name;
  const of = translate(locale, 'planningUi.table.backfillOf', { mode: translate(locale, `serviceModes.${backfillOf}`) });
  return locale === 'zh-CN' ? `${name}（${of}）` : `${name} (${of})`;
}
