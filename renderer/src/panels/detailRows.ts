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
