/**
 * THC support tiers as table rows: the tier, the score and its parts, remoteness, the supporting
 * hospital's name (looked up in the facilities layer by code), postings required / present,
 * needs and reason in words, and the THC's outreach capacity (V5). Pure, unit-tested.
 */
import type { PlanningDocument, ThcCapacity, ThcTier } from '../../../../electron/domain/planning.js';
import { thcNeedsText, tierReasonText } from '../../i18n/planning-format.js';
import { translate, type Locale } from '../../i18n/index.js';
import type { LayerData } from '../../state/derived.js';

/** The THC's own figures, as the planning engine ranked it. */
type TierFigures = Pick<
  ThcTier,
  | 'code'
  | 'name'
  | 'level'
  | 'tier'
  | 'score'
  | 'parts'
  | 'servedPopulation'
  | 'physicians'
  | 'minutesToCountySeat'
  | 'minutesToCityCore'
  | 'nearCityCore'
  | 'supportingHospital'
  | 'supportingLevel'
  | 'requiredPostings'
  | 'postedQualified'
>;

export interface TierRow extends TierFigures {
  townshipName: string;
  /** The supporting hospital's name, or "<code>（未找到）" when the code is not in the facilities layer. */
  supportingName: string;
  needs: string;
  reason: string;
  capacity: ThcCapacity | null;
  /** Feature id of the THC in the facilities layer (for selection), or null. */
  id: number | null;
}

export function supportingHospitalName(locale: Locale, code: string | null, layers: LayerData): string {
  if (!code) return translate(locale, 'planningUi.tiers.none');
  const f = layers.facilities?.features.find((x) => x.properties.code === code);
  return f ? f.properties.name : translate(locale, 'planningUi.tiers.notFound', { code });
}

export function tierRows(planning: PlanningDocument | null | undefined, layers: LayerData, locale: Locale): TierRow[] {
  if (!planning) return [];
  const townshipNames = new Map((layers.townships?.features ?? []).map((f) => [f.properties.code, f.properties.name]));
  const facilityIds = new Map((layers.facilities?.features ?? []).map((f) => [f.properties.code, f.id]));
  const capacity = new Map(planning.capacity.map((c) => [c.thcCode, c]));
  return planning.thcs.map((t) => ({
    code: t.code,
    name: t.name,
    level: t.level,
    townshipName: t.townshipCode ? (townshipNames.get(t.townshipCode) ?? t.townshipCode) : '–',
    tier: t.tier,
    score: t.score,
    parts: t.parts,
    servedPopulation: t.servedPopulation,
    physicians: t.physicians,
    minutesToCountySeat: t.minutesToCountySeat,
    minutesToCityCore: t.minutesToCityCore,
    nearCityCore: t.nearCityCore,
    supportingHospital: t.supportingHospital,
    supportingName: supportingHospitalName(locale, t.supportingHospital, layers),
    supportingLevel: t.supportingLevel,
    requiredPostings: t.requiredPostings,
    postedQualified: t.postedQualified,
    needs: thcNeedsText(locale, t),
    reason: tierReasonText(locale, t),
    capacity: capacity.get(t.code) ?? null,
    id: facilityIds.get(t.code) ?? null,
  }));
}

/** "50+24+25−5": the score parts in the order capability, population, staff, remoteness (a deduction shown as −). */
export function partsText(parts: ThcTier['parts']): string {
  const r = (n: number) => Math.round(n);
  const terms = [parts.capability, parts.population, parts.staff, parts.remoteness].map(r);
  return terms.map((n, i) => (i === 0 ? String(n) : n < 0 ? `−${-n}` : `+${n}`)).join('');
}

/** Tier 1 first, unranked last, then by score (highest first) and code. */
export function sortTierRows(rows: readonly TierRow[]): TierRow[] {
  return [...rows].sort((a, b) => (a.tier ?? 9) - (b.tier ?? 9) || (b.score ?? -1) - (a.score ?? -1) || a.code.localeCompare(b.code));
}

export interface CapacityTotals {
  capacityDays: number;
  demandDays: number;
  backfilledVillages: number;
}

export function capacityTotals(capacity: readonly ThcCapacity[]): CapacityTotals {
  return capacity.reduce(
    (acc, c) => ({ capacityDays: acc.capacityDays + c.capacityDays, demandDays: acc.demandDays + c.demandDays, backfilledVillages: acc.backfilledVillages + c.backfilledVillages }),
    { capacityDays: 0, demandDays: 0, backfilledVillages: 0 },
  );
}
