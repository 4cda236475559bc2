/**
 * Reason text of proposals, tiers and roster issues from their codes (the engine never writes
 * prose). Shared by the renderer and the CLI/exporters, like `translate`.
 *
 * Keys: `villageReasons.<code>` (village steps), `villageReasons.problems.<code>` (village input
 * problems), `thcReasons.<code>` (tier steps and THC needs), `thcReasons.roster.<code>` (roster
 * issues), `thcReasons.problems.<code>` (facility/posting input problems), `serviceModes.<mode>`.
 */
import type { InputProblem, ReasonStep, RosterIssue, ThcTier, VillageProposal } from '../../../electron/domain/planning.js';
import { PRODUCT_DEFAULT_SOURCE, type RuleDefinition } from '../../../electron/domain/rules.js';
import { translate, type Locale } from './index.js';

const SEPARATOR: Record<Locale, string> = { 'zh-CN': '，', en: '; ' };

function stepsText(locale: Locale, section: string, steps: readonly ReasonStep[]): string {
  return steps.map((s) => translate(locale, `${section}.${s.code}`, s.params)).join(SEPARATOR[locale]);
}

/** "人口 620 < 800，无村卫生室，距邻村卫生室 9 分钟 → 邻村延伸服务 [V4]". */
export function proposalReasonText(locale: Locale, p: VillageProposal): string {
  const steps = stepsText(locale, 'villageReasons', p.steps);
  if (!p.mode) return steps;
  const rule = p.decisiveRule ? ` [${p.decisiveRule}]` : '';
  return `${steps} → ${translate(locale, `serviceModes.${p.mode}`)}${rule}`;
}

export function tierReasonText(locale: Locale, t: ThcTier): string {
  return stepsText(locale, 'thcReasons', t.steps);
}

export function thcNeedsText(locale: Locale, t: ThcTier): string {
  return t.needs
    .filter((n) => n.gap > 0)
    .map((n) => `${translate(locale, `thcReasons.${n.code}`, { ...n.params, gap: n.gap })} [${n.rule}]`)
    .join(SEPARATOR[locale]);
}

/** Title codes in a roster issue's figures (title, minTitle) shown by name (初级, 中级 …). */
const TITLE_PARAMS = ['title', 'minTitle'] as const;

export function rosterIssueText(locale: Locale, issue: RosterIssue): string {
  const params = { ...issue.params };
  for (const k of TITLE_PARAMS) if (typeof params[k] === 'string') params[k] = translate(locale, `thcReasons.titles.${params[k]}`);
  return `${translate(locale, `thcReasons.roster.${issue.code}`, params)} [${issue.rule}]`;
}

export function inputProblemText(locale: Locale, p: InputProblem): string {
  const section = p.kind === 'village' ? 'villageReasons.problems' : 'thcReasons.problems';
  return translate(locale, `${section}.${p.code}`, p.params);
}

/** A rule's seed citation as shown to planners; product defaults say so in the user's language. */
export function ruleSourceText(locale: Locale, rule: Pick<RuleDefinition, 'source'>): string {
  return rule.source === PRODUCT_DEFAULT_SOURCE ? translate(locale, 'planningUi.settings.productDefault') : rule.source;
}
