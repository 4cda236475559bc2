import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../electron/api/errors.js';
import { CAPABILITIES, DOCTOR_QUALIFICATIONS, FACILITY_LEVELS, ROAD_CLASSES } from '../../electron/domain/types.js';
import { catalogs, translate, type Locale } from '../../renderer/src/i18n/index.js';

/** Every leaf key ("menu.open") of a catalog with its text. */
function leaves(obj: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const zh = leaves(catalogs['zh-CN']);
const en = leaves(catalogs.en);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n catalogs', () => {
  it('have the same keys in zh-CN and en', () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('have no empty texts', () => {
    for (const [locale, map] of [['zh-CN', zh], ['en', en]] as const) {
      expect([...map].filter(([, v]) => v.trim() === '').map(([k]) => `${locale}:${k}`)).toEqual([]);
    }
  });

  it('use the same {placeholders} for a key in both locales', () => {
    const mismatched = [...zh].filter(([k, v]) => JSON.stringify(placeholders(v)) !== JSON.stringify(placeholders(en.get(k) ?? '')));
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it('name every facility level, qualification, capability, road class and API error', () => {
    const needed = [
      ...FACILITY_LEVELS.map((l) => `levels.${l}`),
      ...DOCTOR_QUALIFICATIONS.map((q) => `qualifications.${q}`),
      ...CAPABILITIES.map((c) => `capabilities.${c}`),
      ...ROAD_CLASSES.map((c) => `roadClasses.${c}`),
      ...API_ERROR_CODES.map((c) => `errors.${c}`),
    ];
    expect(needed.filter((k) => !zh.has(k) || !en.has(k))).toEqual([]);
  });

  it('has the Chinese facility names planners use', () => {
    const names = FACILITY_LEVELS.map((l) => translate('zh-CN', `levels.${l}`));
    expect(names).toEqual(['村卫生室', '乡镇卫生院', '社区卫生服务中心', '县域医疗次中心', '县医院', '县中医院', '城市医院']);
  });

  it('fills placeholders and falls back to the key when a text is missing', () => {
    expect(translate('zh-CN', 'errors.FILE_NOT_FOUND', { path: 'D:\\x.gpkg' })).toBe('找不到文件：D:\\x.gpkg');
    expect(translate('en' as Locale, 'no.such.key')).toBe('no.such.key');
  });
});
