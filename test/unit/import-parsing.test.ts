/** Importer pieces: CSV parsing, decoding, header guessing, value parsing, coordinate checks, zip listing. */
import gcoord from 'gcoord';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../electron/io/import/csv.js';
import { judge, toWgs84 } from '../../electron/io/import/crs.js';
import { guessMapping } from '../../electron/io/import/header-mapping.js';
import { decodeText } from '../../electron/io/import/text.js';
import { parseCode, parseCount, parseDate, parseLevel, parseNumber, parseTitle } from '../../electron/io/import/values.js';
import { listZip } from '../../electron/io/import/zip.js';
import { zh, en } from './import-i18n-catalogs.js';

describe('parseCsv (RFC 4180)', () => {
  it('handles quotes, doubled quotes, embedded commas and line breaks, CRLF and a final line without newline', () => {
    expect(parseCsv('f', 'a,b,c\r\n"x, y","he said ""hi""","two\nlines"\r\n1,,3')).toEqual([['a', 'b', 'c'], ['x, y', 'he said "hi"', 'two\nlines'], ['1', '', '3']]);
  });
  it('guesses tab and semicolon delimiters from the header', () => {
    expect(parseCsv('f', 'a\tb\n1\t2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('f', 'a;b\n1;2')).toEqual([['a', 'b'], ['1', '2']]);
  });
  it('keeps a trailing empty field', () => {
    expect(parseCsv('f', 'a,b\n1,\n')).toEqual([['a', 'b'], ['1', '']]);
  });
});

describe('decodeText', () => {
  it('detects UTF-8 with and without BOM, GBK, and honours an override', () => {
    expect(decodeText('f', Buffer.from('\uFEFF村名')).encoding).toBe('utf-8');
    expect(decodeText('f', Buffer.from('村名,人口')).text).toBe('村名,人口');
    const gbk = iconv.encode('行政区划代码,村名,乡镇名称,户籍人口\r\n350524100202,东山村,城关镇,1230\r\n', 'gbk');
    const d = decodeText('f', gbk);
    expect([d.encoding, d.text.slice(0, 6), d.problems]).toEqual(['gbk', '行政区划代码', []]);
    expect(decodeText('f', Buffer.from('abc'), 'gbk').encoding).toBe('gbk');
  });
});

describe('guessMapping', () => {
  it('maps Chinese and English headers, ignoring units in brackets and required-marks', () => {
    expect(guessMapping('villages', ['统计用区划代码', '村庄名称', '乡镇', '常住人口（人）', '户数', 'LNG', 'lat', '村医人数', '执业医师', '执业助理医师', '有无村卫生室'])).toEqual({
      code: '统计用区划代码', name: '村庄名称', township: '乡镇', population: '常住人口（人）', households: '户数', lng: 'LNG', lat: 'lat',
      villageDoctors: '村医人数', physicians: '执业医师', assistantPhysicians: '执业助理医师', hasClinic: '有无村卫生室',
    });
    expect(guessMapping('villages', ['村代码*', 'x', 'y', '行政村', '乡镇代码'])).toMatchObject({ code: '村代码*', lng: 'x', lat: 'y', name: '行政村', townshipCode: '乡镇代码' });
    expect(guessMapping('facilities', ['机构名称', '机构级别', '床位数', '机构代码'])).toMatchObject({ name: '机构名称', level: '机构级别', beds: '床位数', code: '机构代码' });
    expect(guessMapping('postings', ['姓名', '职称', '专业', '派出单位', '派驻单位', '派驻村', '开始日期', '结束日期', '脱产方式', '每周天数'])).toEqual({
      person: '姓名', titleLevel: '职称', profession: '专业', fromInstitution: '派出单位', toInstitution: '派驻单位', toVillage: '派驻村',
      startDate: '开始日期', endDate: '结束日期', release: '脱产方式', daysPerWeek: '每周天数',
    });
  });
  it('lets the user override a guess', () => {
    expect(guessMapping('villages', ['名称', '别名'], { name: '别名' }).name).toBe('别名');
  });
});

describe('values', () => {
  it('parses numbers, counts, codes, dates, levels and titles', () => {
    expect(parseNumber('1,230')).toEqual({ ok: true, value: 1230 });
    expect(parseNumber('１２３')).toEqual({ ok: true, value: 123 });
    expect(parseCount('-1')).toMatchObject({ ok: false, code: 'negative' });
    expect(parseCount('1.5')).toMatchObject({ ok: false, code: 'not_an_integer' });
    expect(parseCode('350524100201.0', 12)).toEqual({ ok: true, value: '350524100201' });
    expect(parseCode('3.50524E+11', 12)).toMatchObject({ ok: false, code: 'bad_code_length' });
    expect(parseDate('2026年3月5日')).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseDate('46086')).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseDate('2026-02-30')).toMatchObject({ ok: false, code: 'bad_date' });
    expect(parseLevel('一体化村卫生室')).toEqual({ ok: true, value: 'village_clinic' });
    expect(parseLevel('县中医院')).toEqual({ ok: true, value: 'county_tcm_hospital' });
    expect(parseTitle('副主任医师')).toEqual({ ok: true, value: 'associate_senior' });
  });
});

describe('crs', () => {
  it('converts GCJ-02 and BD-09 back to WGS-84 within a metre', () => {
    const truth: [number, number] = [118.0312, 25.0421];
    for (const [crs, from] of [['gcj02', gcoord.GCJ02], ['bd09', gcoord.BD09]] as const) {
      const shifted = gcoord.transform(truth, gcoord.WGS84, from) as [number, number];
      const back = toWgs84(shifted, crs)!;
      expect(Math.abs(back[0] - truth[0]) * 101_000).toBeLessThan(1);
      expect(Math.abs(back[1] - truth[1]) * 111_000).toBeLessThan(1);
    }
  });
  it('reads CGCS2000 3° Gauss-Krüger with the zone prefix', () => {
    const p = toWgs84([39_500_000, 2_770_000], 'cgcs2000')!;
    expect(p[0]).toBeCloseTo(117, 6);
    expect(p[1]).toBeGreaterThan(24.9);
  });
  it('judges swapped, outside-China and impossible coordinates', () => {
    expect(judge(118, 25)).toBe('ok');
    expect(judge(25, 118)).toBe('swapped');
    expect(judge(2.35, 48.85)).toBe('outside_china');
    expect(judge(118, 95)).toBe('out_of_range');
  });
});

describe('listZip', () => {
  it('refuses a truncated archive', () => {
    expect(() => listZip('z', Buffer.from('PK\x03\x04 truncated'))).toThrow(/truncated/);
  });
});

describe('importProblems catalogs', () => {
  it('have the same keys in zh-CN and en, with the same placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(zh)) {
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(en[k]), k).toEqual(ph(zh[k]));
    }
  });
});
