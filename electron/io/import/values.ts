/** Cell text → typed values, each failure named by a problem code. */
import type { Capability, FacilityLevel, Release, TitleLevel, VillageKind } from '../../domain/types.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; params?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(code: string, params?: Record<string, string | number>): Parsed<T> => ({ ok: false, code, params });

/** Full-width digits and punctuation (Chinese input methods) to ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function parseNumber(s: string): Parsed<number> {
  const t = asciiDigits(s).replace(/[,\s]/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return fail('not_a_number');
  const n = Number(t);
  return Number.isFinite(n) ? ok(n) : fail('not_a_number');
}

export function parseCount(s: string): Parsed<number> {
  const n = parseNumber(s);
  if (!n.ok) return n;
  if (n.value < 0) return fail('negative');
  if (!Number.isInteger(n.value)) return fail('not_an_integer');
  return n;
}

export function parseCode(s: string, digits: number): Parsed<string> {
  let t = asciiDigits(s).replace(/\s/g, '');
  if (/^\d+\.0+$/.test(t)) t = t.replace(/\.0+$/, ''); // Excel number formatting
  if (!/^\d+$/.test(t) || t.length !== digits) return fail('bad_code_length', { expected: digits });
  return ok(t);
}

const TRUE = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', 't']);
const FALSE = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×', 'f']);
export function parseBool(s: string): Parsed<boolean> {
  const t = s.trim().toLowerCase();
  if (TRUE.has(t)) return ok(true);
  if (FALSE.has(t)) return ok(false);
  return fail('unknown_value');
}

export function parseKind(s: string): Parsed<VillageKind> {
  const t = s.trim().toLowerCase();
  if (['村', '行政村', 'village', '否', '0', 'n', 'no'].includes(t)) return ok('village');
  if (['安置点', '移民搬迁安置点', '搬迁安置点', '易地搬迁安置点', 'settlement', '是', '1', 'y', 'yes'].includes(t)) return ok('settlement');
  return fail('unknown_value');
}

const LEVELS: [RegExp, FacilityLevel][] = [
  [/^(village_clinic|村卫生室|村卫生所|一体化村卫生室|村卫生服务站|卫生室)$/i, 'village_clinic'],
  [/^(township_hc|乡镇卫生院|中心乡镇卫生院|中心卫生院|卫生院|乡卫生院|镇卫生院)$/i, 'township_hc'],
  [/^(community_hc|社区卫生服务中心|社区卫生服务站)$/i, 'community_hc'],
  [/^(sub_center|县域医疗次中心|医疗次中心|次中心)$/i, 'sub_center'],
  [/^(county_tcm_hospital|县中医院|县级中医院|中医院)$/i, 'county_tcm_hospital'],
  [/^(county_hospital|县级医院|县医院|县人民医院|县总医院|县医疗健康总院)$/i, 'county_hospital'],
  [/^(city_hospital|城市二级医院|城市三级医院|市级医院|二级医院|三级医院|市医院)$/i, 'city_hospital'],
];
export function parseLevel(s: string): Parsed<FacilityLevel> {
  const t = s.trim();
  for (const [re, level] of LEVELS) if (re.test(t)) return ok(level);
  return fail('unknown_value');
}

export function parseCapability(s: string): Parsed<Capability> {
  const t = s.trim().toLowerCase();
  if (['below_basic', '未达基本标准', '未达标', '未达到基本标准'].includes(t)) return ok('below_basic');
  if (['basic', '基本标准', '达到基本标准', '基本'].includes(t)) return ok('basic');
  if (['recommended', '推荐标准', '达到推荐标准', '推荐'].includes(t)) return ok('recommended');
  return fail('unknown_value');
}

export function parseTitle(s: string): Parsed<TitleLevel> {
  const t = s.trim().toLowerCase();
  if (['none', '无', '无职称'].includes(t)) return ok('none');
  if (/^(junior|初级|医师|住院医师|护师|护士|医士|药师|技师)$/.test(t)) return ok('junior');
  if (/^(intermediate|中级|主治医师|主管护师|主管药师|主管技师)$/.test(t)) return ok('intermediate');
  if (/^(associate_senior|副高|副高级|副主任医师|副主任护师|副主任药师|副主任技师)$/.test(t)) return ok('associate_senior');
  if (/^(senior|正高|正高级|主任医师|主任护师|主任药师|主任技师)$/.test(t)) return ok('senior');
  return fail('unknown_value');
}

export function parseRelease(s: string): Parsed<Release> {
  const t = s.trim().toLowerCase();
  if (['full', '全脱产', '全职', '是'].includes(t)) return ok('full');
  if (['half', '半脱产', '兼职', '否'].includes(t)) return ok('half');
  return fail('unknown_value');
}

/** yyyy-mm-dd, yyyy/m/d, yyyy.m.d, yyyy年m月d日, yyyymmdd or an Excel serial day number. */
export function parseDate(s: string): Parsed<string> {
  const t = asciiDigits(s).trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{5})(\.\d+)?$/.exec(t))) {
    const dt = new Date(Date.UTC(1899, 11, 30) + Number(match[1]) * 86400000);
    [y, m, d] = [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
  } else return fail('bad_date');
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d || y < 1950 || y > 2100) return fail('bad_date');
  return ok(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}
