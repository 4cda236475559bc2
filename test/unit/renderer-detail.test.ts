import { describe, expect, it } from 'vitest';
import { detailView, roadClassLabel } from '../../renderer/src/panels/detailRows.js';
import type { LayerName } from '../../electron/api/schema.js';
import { sampleLayers } from './renderer-fixtures.js';

const layers = sampleLayers();
const rowsOf = (layer: LayerName, id: number, locale: 'zh-CN' | 'en' = 'zh-CN') => {
  const f = (layers[layer]!.features as { id: number }[]).find((x) => x.id === id)!;
  const view = detailView(layer, f as never, layers, locale);
  return { view, byField: Object.fromEntries(view.rows.map((r) => [r.field, r])) };
};

describe('detail pane rows', () => {
  it('shows a village with Chinese labels, grouped numbers and its township name', () => {
    const { view, byField } = rowsOf('villages', 1);
    expect(view.title).toBe('上坪村');
    expect(byField.population.label).toBe('户籍人口');
    expect(byField.population.value).toBe('12,345 人');
    expect(byField.township.value).toBe('东岭镇（500101001）');
    expect(byField.blank.value).toBe('否');
    expect(byField.clinics.value).toBe('上坪村卫生室（乡村医生）');
  });

  it('marks a blank village and explains why', () => {
    const { byField } = rowsOf('villages', 2);
    expect(byField.blank).toMatchObject({ value: '是', warn: true });
    expect(byField.clinics.value).toBe('下坪村卫生室（无合格医生）');
    expect(rowsOf('villages', 3).byField.clinics.value).toBe('无村卫生室');
  });

  it('gives a village clinic its qualification (clinicQualification) and a hospital none', () => {
    const clinic = rowsOf('facilities', 14).byField;
    expect(clinic.qualification.value).toBe('执业助理医师');
    expect(clinic.level.value).toBe('村卫生室');
    const thc = rowsOf('facilities', 15).byField;
    expect(thc.qualification).toBeUndefined();
    expect(thc.level.value).toBe('乡镇卫生院');
    expect(thc.beds.value).toBe('40 张');
  });

  it('describes a road with class, default speed, bridge and length', () => {
    const { byField } = rowsOf('roads', 21);
    expect(byField.roadClass.value).toBe('县道');
    expect(byField.speedKmh.value).toBe('按道路等级取默认值');
    expect(byField.bridge.value).toBe('是');
    expect(byField.length.value).toMatch(/^9\.6\d 千米$/);
  });

  it('sums a township', () => {
    const { byField } = rowsOf('townships', 1);
    expect(byField.villageCount.value).toBe('4');
    expect(byField.facilityCount.value).toBe('5');
  });

  it('never shows a raw i18n key, in either locale', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const [layer, id] of [['villages', 1], ['villages', 4], ['facilities', 11], ['facilities', 15], ['roads', 21], ['townships', 1]] as const) {
        const { view } = rowsOf(layer, id, locale);
        const raw = view.rows.filter((r) => /^(fields|values|levels|villageKinds|qualifications|capabilities|roadClasses)\./.test(r.label + ' ' + r.value));
        expect(raw, `${locale} ${layer} ${id}`).toEqual([]);
        expect(/^\w+\.\w+/.test(view.subtitle)).toBe(false);
      }
    }
  });

  it('keeps unknown (OSM) road classes as they are', () => {
    expect(roadClassLabel('zh-CN', 'residential')).toBe('residential');
    expect(roadClassLabel('en', 'national')).toBe('National road');
  });
});
