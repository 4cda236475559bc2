/**
 * The rows of the detail pane for one clicked feature: every field of the record with its
 * localized label and formatted value, plus derived facts (blank village, clinic qualification,
 * road length, township totals). Pure, so it is unit-tested.
 */
import { clinicQualification } from '../../../electron/domain/types.js';
import type { Feature, LayerName, LayerProperties } from '../../../electron/api/schema.js';
import { translate, type Locale } from '../i18n/index.js';
import { bestQualification, clinicsByVillage, lineLengthKm, townshipStats, type LayerData } from '../state/derived.js';
import { formatCoord, formatNumber } from './format.js';
import { applyDecisions, type PlanningDocument, type ProposalDecision } from '../../../electron/domain/planning.js';
import { proposalReasonText, thcNeedsText, tierReasonText } from '../i18n/planning-format.js';
import { frequencyText, modeText } from './planning/proposalModel.js';
import { supportingHospitalName } from './planning/tierModel.js';

export interface DetailRow {
  /** i18n key of the label (fields.*). */
  field: string;
  label: string;
  value: string;
  /** Highlight (e.g. a blank village). */
  warn?: boolean;
}

export interface DetailView {
  title: string;
  subtitle: string;
  rows: DetailRow[];
}

export function detailView(layer: LayerName, feature: Feature<LayerProperties[LayerName]>, layers: LayerData, locale: Locale): DetailView {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const num = (n: number, digits = 0) => formatNumber(locale, n, digits);
  const yesNo = (b: boolean) => t(b ? 'values.yes' : 'values.no');
  const row = (field: string, value: string, warn?: boolean): DetailRow => ({ field, label: t(`fields.${field}`), value, ...(warn ? { warn } : {}) });
  const lngLat = () => {
    const g = feature.geometry;
    return g.type === 'Point' ? `${formatCoord(g.coordinates[0])}, ${formatCoord(g.coordinates[1])}` : t('values.unknown');
  };
  const paren = (a: string, b: string) => (locale === 'zh-CN' ? `${a}（${b}）` : `${a} (${b})`);
  const townshipName = (code: string | null) => {
    if (!code) return t('values.none');
    const tw = layers.townships?.features.find((f) => f.properties.code === code);
    return tw ? paren(tw.properties.name, code) : code;
  };
  const villageName = (code: string | null) => {
    if (!code) return t('values.none');
    const v = layers.villages?.features.find((f) => f.properties.code === code);
    return v ? paren(v.properties.name, code) : code;
  };

  switch (layer) {
    case 'villages': {
      const p = feature.properties as LayerProperties['villages'];
      const clinics = clinicsByVillage(layers.facilities?.features ?? []).get(p.code) ?? [];
      const best = bestQualification(clinics);
      const blank = best === null || best === 'none';
      return {
        title: p.name,
        subtitle: t(`villageKinds.${p.kind}`),
        rows: [
          row('name', p.name),
          row('kind', t(`villageKinds.${p.kind}`)),
          row('code', p.code),
          row('township', townshipName(p.townshipCode)),
          row('population', t('values.persons', { n: num(p.population) })),
          row('households', t('values.households', { n: num(p.households) })),
          row('areaKm2', p.areaKm2 === null ? t('values.unknown') : t('values.km2', { n: num(p.areaKm2, 2) })),
          row('blank', yesNo(blank), blank),
          row(
            'clinics',
            clinics.length === 0
              ? t('values.noClinic')
              : clinics.map((c) => paren(c.name, t(`qualifications.${clinicQualification(c)}`))).join(locale === 'zh-CN' ? '；' : '; '),
            blank,
          ),
          row('location', lngLat()),
          row('id', String(feature.id)),
        ],
      };
    }
    case 'facilities': {
      const p = feature.properties as LayerProperties['facilities'];
      const rows: DetailRow[] = [
        row('name', p.name),
        row('level', t(`levels.${p.level}`)),
        row('facilityCode', p.code),
        row('township', townshipName(p.townshipCode)),
        row('village', villageName(p.villageCode)),
        row('capability', p.capability ? t(`capabilities.${p.capability}`) : t('values.notAssessed')),
        row('isCentralThc', yesNo(p.isCentralThc)),
        row('isPlannedSubCenter', yesNo(p.isPlannedSubCenter)),
        row('beds', t('values.beds', { n: num(p.beds) })),
        row('physicians', t('values.persons', { n: num(p.physicians) })),
        row('assistantPhysicians', t('values.persons', { n: num(p.assistantPhysicians) })),
        row('villageDoctors', t('values.persons', { n: num(p.villageDoctors) })),
        row('tcmPhysicians', t('values.persons', { n: num(p.tcmPhysicians) })),
        row('nurses', t('values.persons', { n: num(p.nurses) })),
        row('publicHealthPhysicians', t('values.persons', { n: num(p.publicHealthPhysicians) })),
      ];
      if (p.level === 'village_clinic') {
        const q = clinicQualification(p);
        rows.push(row('qualification', t(`qualifications.${q}`), q === 'none'));
      }
      rows.push(row('location', lngLat()), row('id', String(feature.id)));
      return { title: p.name, subtitle: t(`levels.${p.level}`), rows };
    }
    case 'roads': {
      const p = feature.properties as LayerProperties['roads'];
      const cls = roadClassLabel(locale, p.roadClass);
      return {
        title: p.name || t('values.unnamed'),
        subtitle: cls,
        rows: [
          row('name', p.name || t('values.unnamed')),
          row('roadClass', cls),
          row('speedKmh', p.speedKmh === null ? t('values.speedDefault') : t('values.kmh', { n: num(p.speedKmh, 1) })),
          row('oneway', yesNo(p.oneway)),
          row('bridge', yesNo(p.bridge)),
          row('length', t('values.km', { n: num(lineLengthKm(feature.geometry), 2) })),
          row('id', String(feature.id)),
        ],
      };
    }
    case 'townships': {
      const p = feature.properties as LayerProperties['townships'];
      const stats = townshipStats(layers, p.code);
      return {
        title: p.name,
        subtitle: t('layers.townships'),
        rows: [
          row('name', p.name),
          row('code', p.code),
          row('villageCount', num(stats.villages)),
          row('population', t('values.persons', { n: num(stats.population) })),
          row('facilityCount', num(stats.facilities)),
          row('id', String(feature.id)),
        ],
      };
    }
    case 'village_areas': {
      const p = feature.properties as LayerProperties['village_areas'];
      return {
        title: villageName(p.villageCode),
        subtitle: t('layers.village_areas'),
        rows: [row('areaVillage', villageName(p.villageCode)), row('id', String(feature.id))],
      };
    }
  }
}

/** Chinese road classes are translated; any other (OSM) class is shown as it is. */
export function roadClassLabel(locale: Locale, roadClass: string): string {
  const key = `roadClasses.${roadClass}`;
  const text = translate(locale, key);
  return text === key ? roadClass : text;
}

// ---- planning proposals ---------------------------------------------------------------------------

/**
 * The planning rows of a selected village (its mode in force, the proposal and why, the decision)
 * or THC (tier, score, supporting hospital, postings, needs, why), or [] when there is no
 * proposal for it. Labels from `planningUi.detail.*`.
 */
export function planningDetailRows(
  layer: LayerName,
  feature: Feature<LayerProperties[LayerName]>,
  planning: PlanningDocument | null | undefined,
  decisions: Readonly<Record<string, ProposalDecision>>,
  layers: LayerData,
  locale: Locale,
): DetailRow[] {
  if (!planning) return [];
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const row = (field: string, value: string, warn?: boolean): DetailRow => ({ field: `planning.${field}`, label: t(`planningUi.detail.${field}`), value, ...(warn ? { warn } : {}) });
  const num = (n: number, digits = 0) => formatNumber(locale, n, digits);
  if (layer === 'villages') {
    const code = (feature.properties as LayerProperties['villages']).code;
    const proposal = planning.villages.find((v) => v.code === code);
    if (!proposal) return [];
    const [plan] = applyDecisions([proposal], decisions[code] ? [decisions[code]] : []);
    const rows: DetailRow[] = [
      row('mode', plan.status === 'rejected' ? t('serviceModes.undecided') : modeText(locale, plan.mode, plan.mode === 'county_backfill' ? proposal.backfillOf : null), plan.mode === null),
      row('proposed', proposal.mode ? modeText(locale, proposal.mode, proposal.backfillOf) : proposal.missing.map((m) => t(`planningUi.missing.${m}`)).join(locale === 'zh-CN' ? '、' : ', '), proposal.mode === null),
    ];
    const freq = frequencyText(locale, { visitsPerWeek: plan.visitsPerWeek, postingDaysPerWeek: plan.postingDaysPerWeek, postingMinMonths: plan.postingDaysPerWeek !== null ? proposal.postingMinMonths : null });
    if (freq !== '–') rows.push(row('frequency', freq));
    rows.push(row('reason', proposalReasonText(locale, proposal)));
    if (proposal.rules.length > 0) rows.push(row('rules', proposal.rules.join(', ')));
    const merge = proposal.mergeId !== null ? planning.merges.find((m) => m.id === proposal.mergeId) : undefined;
    if (merge) rows.push(row('merge', t('planningUi.detail.mergeText', { kind: t(`serviceModes.${merge.kind}`), host: merge.hostName, n: merge.members.length })));
    const status = t(`decisionStatus.${plan.status}`);
    rows.push(row('status', plan.stale ? `${status} · ${t('planningUi.table.stale')}` : status, plan.stale));
    if (plan.decision?.reason) rows.push(row('decisionReason', plan.decision.reason));
    return rows;
  }
  if (layer === 'facilities') {
    const code = (feature.properties as LayerProperties['facilities']).code;
    const tier = planning.thcs.find((x) => x.code === code);
    if (!tier) return [];
    const cap = planning.capacity.find((c) => c.thcCode === code);
    const rows: DetailRow[] = [
      row('tier', t(`tiers.${tier.tier === null ? 'unranked' : tier.tier}`), tier.tier === null),
      row(
        'score',
        tier.score === null
          ? '–'
          : t('planningUi.tiers.partsTitle', {
              capability: num(tier.parts.capability, 1),
              population: num(tier.parts.population, 1),
              staff: num(tier.parts.staff, 1),
              remoteness: num(tier.parts.remoteness, 1),
              score: num(tier.score, 1),
            }),
      ),
      row('supporting', supportingHospitalName(locale, tier.supportingHospital, layers)),
      row('postings', `${num(tier.requiredPostings)} / ${num(tier.postedQualified)}`, tier.postedQualified < tier.requiredPostings),
    ];
    if (cap) rows.push(row('capacity', t('planningUi.detail.capacityValue', { capacity: num(cap.capacityDays, 1), demand: num(cap.demandDays, 1) }), cap.demandDays > cap.capacityDays));
    const needs = thcNeedsText(locale, tier);
    if (needs) rows.push(row('needs', needs, true));
    rows.push(row('tierReason', tierReasonText(locale, tier)));
    return rows;
  }
  return [];
}
