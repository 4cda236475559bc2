/** The import wizard's pure parts: mapping table, problem wording, the import button, commands, history. */
import { spyContext } from '../helpers/command-context.js';
import { describe, expect, it, vi } from 'vitest';
import type { ChangeSummary, ImportPreview } from '../../electron/api/schema.js';
import { findCommand, runCommand, commandForKey, type CommandContext, type CommandState } from '../../renderer/src/app/commands.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { changeCountsText, historyNewestFirst } from '../../renderer/src/import/historyFormat.js';
import {
  WIZARD_CRS,
  WIZARD_ENCODINGS,
  WIZARD_LAYERS,
  TEMPLATE_LAYERS,
  buildOptions,
  fieldLabel,
  formatProblem,
  hasMappingTable,
  importAction,
  mappingRows,
  pointsBounds,
  withFieldMapping,
} from '../../renderer/src/import/wizardModel.js';

function preview(extra: Partial<ImportPreview> = {}): ImportPreview {
  return {
    format: 'csv',
    encoding: 'gbk',
    sheets: [],
    columns: ['村名', '区划代码', '乡镇代码', '人口', '户数', '经度', '纬度'],
    mapping: { name: '村名', code: '区划代码', townshipCode: '乡镇代码', population: '户数', lng: '经度', lat: '纬度' },
    missingRequired: [],
    rows: 4,
    accepted: 3,
    rejected: 1,
    inserts: 3,
    updates: 0,
    changes: [],
    problems: [{ row: 5, column: '人口', code: 'not_a_number', params: { row: 5, column: '人口', value: 'abc' } }],
    points: [{ lng: 117.1, lat: 25.1, label: '新村' }],
    crsWarnings: [],
    sample: [{ 村名: '新村', 区划代码: '350524100901', 乡镇代码: '350524100', 人口: '1200', 户数: '300', 经度: '117.1', 纬度: '25.1' }],
    ...extra,
  };
}

describe('mapping table', () => {
  it('lists the known village fields in order, with the guessed column and its first value', () => {
    const rows = mappingRows('villages', preview());
    expect(rows.map((r) => r.field)).toEqual(['code', 'name', 'township', 'townshipCode', 'population', 'households', 'lng', 'lat']);
    const pop = rows.find((r) => r.field === 'population')!;
    expect(pop).toMatchObject({ column: '户数', sample: '300', required: false, missing: false });
    expect(rows.find((r) => r.field === 'households')).toMatchObject({ column: null, sample: '' });
    expect(rows.find((r) => r.field === 'lng')!.required).toBe(true);
  });

  it('marks and highlights required fields without a column', () => {
    const p = preview({ mapping: { name: '村名', lng: '经度', lat: '纬度' }, missingRequired: ['code'] });
    const code = mappingRows('villages', p).find((r) => r.field === 'code')!;
    expect(code).toMatchObject({ column: null, required: true, missing: true });
  });

  it('adds fields only the importer knows, and keeps to its names when they differ from ours', () => {
    const p = preview({ mapping: { person: '姓名', startDate: '开始' }, missingRequired: ['endDate'] });
    expect(mappingRows('villages', p).map((r) => r.field)).toEqual(['person', 'startDate', 'endDate']);
    expect(mappingRows('postings', p).find((r) => r.field === 'endDate')).toMatchObject({ required: true, missing: true });
  });

  it('changes one field and keeps every other choice', () => {
    const m = preview().mapping;
    const fixed = withFieldMapping(m, 'population', '人口');
    expect(fixed).toEqual({ ...m, population: '人口' });
    expect(m.population).toBe('户数'); // not mutated
    expect(withFieldMapping(m, 'population', null)).not.toHaveProperty('population');
    expect(withFieldMapping(m, 'households', '户数').households).toBe('户数');
  });

  it('is shown for tables, not for rasters', () => {
    expect(hasMappingTable(preview())).toBe(true);
    expect(hasMappingTable(preview({ format: 'geotiff', columns: [] }))).toBe(false);
  });

  it('labels fields in Chinese', () => {
    expect(fieldLabel('zh-CN', 'lng')).toBe('经度');
    expect(fieldLabel('zh-CN', 'population')).toBe('户籍人口');
    expect(fieldLabel('en', 'lat')).toBe('Latitude');
    expect(fieldLabel('zh-CN', 'someNewField')).toBe('someNewField');
  });
});

describe('problems', () => {
  it('read in Chinese with row and column, through importProblems.<code>', () => {
    const text = formatProblem('zh-CN', preview().problems[0]!);
    expect(text).toContain('5');
    expect(text).toContain('人口');
    expect(text).toContain('abc');
    expect(text).not.toContain('not_a_number');
  });

  it('fall back to the code, with where it is, when the code has no message', () => {
    expect(formatProblem('zh-CN', { row: 7, column: '经度', code: 'brand_new_code', params: {} })).toBe('第 7 行 “经度”：brand_new_code');
    expect(formatProblem('en', { row: null, column: null, code: 'brand_new_code', params: {} })).toBe('Whole file: brand_new_code');
  });
});

describe('import button', () => {
  it('imports the valid records and states the skipped ones', () => {
    const a = importAction(preview());
    expect(a).toMatchObject({ skipInvalid: true, accepted: 3, rejected: 1, disabled: false });
    expect(translate('zh-CN', a.labelKey, { n: a.accepted })).toBe('导入 3 条有效记录');
    expect(translate('zh-CN', 'importWizard.skipNote', { n: a.rejected })).toContain('1');
  });

  it('does not skip when everything is valid, and is disabled with nothing to import or a required field unmapped', () => {
    expect(importAction(preview({ rejected: 0 })).skipInvalid).toBe(false);
    expect(importAction(preview({ accepted: 0 })).disabled).toBe(true);
    expect(importAction(preview({ missingRequired: ['code'] })).disabled).toBe(true);
    expect(importAction(null).disabled).toBe(true);
  });

  it('sends only the options chosen', () => {
    expect(buildOptions({ layer: 'villages', crs: 'gcj02', encoding: 'auto', sheet: null, mapping: null })).toEqual({ layer: 'villages', crs: 'gcj02', encoding: 'auto' });
    expect(buildOptions({ layer: 'villages', crs: 'wgs84', encoding: 'gbk', sheet: 'Sheet2', mapping: { name: '村名' } })).toEqual({
      layer: 'villages',
      crs: 'wgs84',
      encoding: 'gbk',
      sheet: 'Sheet2',
      mapping: { name: '村名' },
    });
  });
});

describe('preview points', () => {
  it('are framed by their bounds, skipping unusable coordinates', () => {
    expect(pointsBounds([{ lng: 117, lat: 25 }, { lng: 117.2, lat: 24.9 }, { lng: NaN, lat: 1 }])).toEqual([117, 24.9, 117.2, 25]);
    expect(pointsBounds([])).toBeNull();
  });
});

describe('wizard strings', () => {
  it('names every layer, coordinate system, encoding and template in both locales', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const keys = [
        ...WIZARD_LAYERS.map((l) => `importWizard.layers.${l}`),
        ...WIZARD_LAYERS.map((l) => `importWizard.layerHint.${l}`),
        ...WIZARD_CRS.map((c) => `importWizard.crsNames.${c}`),
        ...WIZARD_ENCODINGS.map((e) => `importWizard.encodings.${e}`),
        ...TEMPLATE_LAYERS.map((l) => `importWizard.templateName.${l}`),
        ...['csv', 'xlsx', 'geojson', 'shapefile', 'geotiff'].map((f) => `importWizard.formats.${f}`),
      ];
      for (const k of keys) expect(translate(locale, k), `${locale} ${k}`).not.toBe(k);
    }
    expect(WIZARD_LAYERS.map((l) => translate('zh-CN', `importWizard.layers.${l}`))).toEqual(['行政村', '医疗机构', '道路', '乡镇', '派驻名册', '人口栅格', '高程']);
    expect(translate('zh-CN', 'importWizard.crsNames.gcj02')).toBe('GCJ-02（高德、腾讯）');
    expect(translate('zh-CN', 'importWizard.imported', { n: 4 })).toBe('已导入 4 条（可撤销）');
  });
});

describe('import and undo commands', () => {
  const ctx = spyContext;
  const open: CommandState = { locale: 'zh-CN', legendVisible: true, hasProject: true };

  it('文件 → 导入… opens the wizard; 撤销 / 重做 / 历史记录 call the change log (no "later version" notice)', async () => {
    const c = ctx();
    for (const id of ['file.import', 'edit.undo', 'edit.redo', 'edit.history']) expect(await runCommand(id, c, open)).toBe(true);
    expect(c.openImport).toHaveBeenCalledTimes(1);
    expect(c.undo).toHaveBeenCalledTimes(1);
    expect(c.redo).toHaveBeenCalledTimes(1);
    expect(c.showHistory).toHaveBeenCalledTimes(1);
    expect(findCommand('file.import')!.menu).toBe('file');
    expect(translate('zh-CN', findCommand('file.import')!.labelKey)).toBe('导入…');
    expect(translate('zh-CN', findCommand('edit.history')!.labelKey)).toBe('历史记录…');
  });

  it('are unavailable without a project or on a read-only one', async () => {
    const c = ctx();
    for (const id of ['file.import', 'edit.undo', 'edit.redo']) {
      expect(await runCommand(id, c, { ...open, hasProject: false })).toBe(false);
      expect(await runCommand(id, c, { ...open, readOnly: true })).toBe(false);
    }
    expect(c.openImport).not.toHaveBeenCalled();
    expect(c.undo).not.toHaveBeenCalled();
  });

  it('answer Ctrl+Z and Ctrl+Y', () => {
    const k = (key: string) => ({ key, ctrlKey: true, metaKey: false, shiftKey: false, altKey: false });
    expect(commandForKey(k('z'))?.id).toBe('edit.undo');
    expect(commandForKey(k('y'))?.id).toBe('edit.redo');
  });
});

describe('history', () => {
  const changes: ChangeSummary[] = [
    { id: 1, at: '2026-11-23T01:00:00Z', kind: 'import', label: '导入行政村', undone: true, counts: { villages: 4 } },
    { id: 2, at: '2026-11-23T02:00:00Z', kind: 'import', label: '导入医疗机构', undone: false, counts: { facilities: 2, villages: 0 } },
  ];
  it('lists the newest first with counts per table', () => {
    expect(historyNewestFirst(changes).map((c) => c.id)).toEqual([2, 1]);
    expect(changeCountsText('zh-CN', changes[0]!.counts)).toBe('行政村 4 条');
    expect(changeCountsText('zh-CN', changes[1]!.counts)).toBe('医疗机构 2 条');
    expect(changeCountsText('en', { villages: 3, other_table: 1 })).toBe('3 villages, 1 other_table');
  });
});

describe('decisions the preview asks for', () => {
  it('asks only about what was flagged, and sends the answers with the options', async () => {
    const { decisionsAsked, buildOptions, DEFAULT_DECISIONS } = await import('../../renderer/src/import/wizardModel.js');
    const flagged = preview({
      crsWarnings: [{ row: 2, column: '经度', code: 'swapped_coordinates', params: {} }],
      problems: [{ row: 3, column: null, code: 'self_intersecting_polygon', params: {} }],
    });
    expect(decisionsAsked(flagged)).toEqual(['swapSuspected', 'repairPolygons']);
    expect(decisionsAsked(preview({ problems: [] }))).toEqual([]);
    const o = buildOptions({ layer: 'townships', crs: 'wgs84', encoding: 'auto', sheet: null, mapping: null, decisions: { ...DEFAULT_DECISIONS, repairPolygons: true } });
    expect(o).toMatchObject({ swapSuspected: true, acceptOutside: true, repairPolygons: true });
    expect(buildOptions({ layer: 'townships', crs: 'wgs84', encoding: 'auto', sheet: null, mapping: null, mode: 'update' }).mode).toBeUndefined();
    expect(buildOptions({ layer: 'villages', crs: 'wgs84', encoding: 'auto', sheet: null, mapping: null, mode: 'update' }).mode).toBe('update');
  });
});
