import { describe, expect, it } from 'vitest';
import type { Feature, LayerProperties, Position } from '../../electron/api/schema.js';
import type { CoverageDocument } from '../../electron/engine/analysis.js';
import { translate } from '../../renderer/src/i18n/index.js';
import {
  footerLines,
  highlightRow,
  printDate,
  thcPages,
  townshipPages,
  townshipStats,
  type StatsTable,
} from '../../renderer/src/print/printContent.js';
import type { LayerData } from '../../renderer/src/state/derived.js';
import { facility, village } from './renderer-fixtures.js';

/** Every key the functions ask for, to check the catalogs have them. */
const asked = new Set<string>();
const FOOTER: Record<string, string> = {
  'print.footer.separator': ' | ',
  'print.footer.listSeparator': '; ',
  'print.footer.osm': '© OpenStreetMap contributors',
};
const t = (key: string, params?: Record<string, string | number>): string => {
  asked.add(key);
  if (key in FOOTER) return FOOTER[key];
  return params ? `${key}${JSON.stringify(params)}` : key;
};

const T1 = '500101001';
const T2 = '500101002';
const T3 = '500101003';

const at = (f: Feature<LayerProperties['villages']>, p: Position) => ({ ...f, geometry: { type: 'Point' as const, coordinates: p } });

const T1_POLYGON = {
  type: 'Polygon' as const,
  coordinates: [
    [[110, 29.9], [110.4, 29.9], [110.4, 30.25], [110, 30.25], [110, 29.9]],
    // A hole does not widen the bounds.
    [[110.1, 30], [110.2, 30], [110.2, 30.1], [110.1, 30]],
  ] as Position[][],
};
const T2_MULTI = {
  type: 'MultiPolygon' as const,
  coordinates: [
    [[[111, 30], [111.2, 30], [111.2, 30.1], [111, 30]]],
    [[[111.5, 30.4], [111.6, 30.4], [111.6, 30.5], [111.5, 30.4]]],
  ] as Position[][][],
};

/**
 * Townships in layer order 西河乡 (T2), 东岭镇 (T1), 南山镇 (T3, no villages, no geometry).
 * 东岭镇: 上坪村 has a clinic with a village doctor; 下坪村's clinic has only a nurse (blank);
 * 石门村 has no clinic, only the township health centre standing in it (blank).
 * 西河乡: 河口村 has a physician; 河湾村 none and a negative population (counts 0, blank);
 * 新安安置点 has two clinics, one with an assistant physician.
 */
function layers(): LayerData {
  return {
    townships: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 2, geometry: T2_MULTI, properties: { id: 2, code: T2, name: '西河乡' } },
        { type: 'Feature', id: 1, geometry: T1_POLYGON, properties: { id: 1, code: T1, name: '东岭镇' } },
        { type: 'Feature', id: 3, geometry: null as never, properties: { id: 3, code: T3, name: '南山镇' } },
      ],
    },
    villages: {
      type: 'FeatureCollection',
      features: [
        at(village(1, `${T1}201`, '上坪村', { population: 1200 }), [110, 30]),
        at(village(2, `${T1}202`, '下坪村', { population: 800 }), [110.3, 30.2]),
        at(village(3, `${T1}203`, '石门村', { population: 500 }), [110.2, 29.95]),
        at(village(4, `${T2}201`, '河口村', { population: 2000 }), [110.6, 30.35]),
        at(village(5, `${T2}202`, '河湾村', { population: -5 }), [111.1, 30.05]),
        at(village(6, `${T2}203`, '新安安置点', { population: 1500, kind: 'settlement' }), [111.55, 30.45]),
      ],
    },
  };
}

function facilities(): NonNullable<LayerData['facilities']> {
  const pt = (f: Feature<LayerProperties['facilities']>, p: Position) => ({ ...f, geometry: { type: 'Point' as const, coordinates: p } });
  return {
    type: 'FeatureCollection',
    features: [
      pt(facility(11, '上坪村卫生室', { villageCode: `${T1}201`, villageDoctors: 1 }), [110, 30.01]),
      pt(facility(12, '下坪村卫生室', { villageCode: `${T1}202`, nurses: 2 }), [110.3, 30.21]),
      pt(facility(13, '东岭镇卫生院', { level: 'township_hc', villageCode: `${T1}203`, physicians: 8 }), [110.1, 30.05]),
      pt(facility(14, '河口村卫生室', { townshipCode: T2, villageCode: `${T2}201`, physicians: 1 }), [110.6, 30.35]),
      pt(facility(15, '新安卫生室一', { townshipCode: T2, villageCode: `${T2}203` }), [111.55, 30.45]),
      pt(facility(16, '新安卫生室二', { townshipCode: T2, villageCode: `${T2}203`, assistantPhysicians: 1 }), [111.55, 30.45]),
      pt(facility(17, '西河乡卫生院', { level: 'township_hc', townshipCode: T2, physicians: 5 }), [110.6, 30.3]),
      pt(facility(18, '南山镇卫生院', { level: 'township_hc', townshipCode: T3, physicians: 3 }), [112, 31]),
    ],
  };
}

const BASE_COLUMNS = ['print.stats.township', 'print.stats.villages', 'print.stats.blank', 'print.stats.population'];

describe('townshipStats without a coverage result', () => {
  it('counts villages, blank villages and population per township in layer order, and the county total', () => {
    const table = townshipStats(layers(), facilities(), null, t);
    expect(table.columns).toEqual(BASE_COLUMNS);
    expect(table.rows).toEqual([
      { code: T2, cells: ['西河乡', 3, 1, '3,500'] },
      { code: T1, cells: ['东岭镇', 3, 2, '2,500'] },
      { code: T3, cells: ['南山镇', 0, 0, '0'] },
      { total: true, cells: ['print.stats.total', 6, 3, '6,000'] },
    ]);
    expect(table.note).toBe('print.stats.noAnalysis');
  });

  it('makes every village blank without a facility layer', () => {
    const table = townshipStats(layers(), null, null, t);
    expect(table.rows.map((r) => r.cells[2])).toEqual([3, 3, 0, 6]);
  });

  it('rounds and groups population', () => {
    const l = layers();
    l.villages!.features[0].properties.population = 12345.6;
    l.villages!.features[3].properties.population = NaN;
    const table = townshipStats(l, facilities(), null, t);
    expect(table.rows.map((r) => r.cells[3])).toEqual(['1,500', '13,646', '0', '15,146']);
  });

  it('puts villages of a township missing from the layer into the total only', () => {
    const l = layers();
    l.villages!.features.push(village(9, '500101009201', '飞地村', { population: 100 }));
    const table = townshipStats(l, facilities(), null, t);
    expect(table.rows.map((r) => r.code)).toEqual([T2, T1, T3, undefined]);
    expect(table.rows[3].cells).toEqual(['print.stats.total', 7, 4, '6,100']);
  });

  it('gives only the total row for a project without townships or villages', () => {
    expect(townshipStats({}, null, null, t).rows).toEqual([{ total: true, cells: ['print.stats.total', 0, 0, '0'] }]);
  });
});

/** The fields of a coverage result townshipStats reads. */
function coverageDoc(rulesUsed: Record<string, number | string>): CoverageDocument {
  const totals = (villages: number, blank: number, population: number, clinic: number, thc: number, county: number) => ({
    villages,
    blank,
    population,
    beyond: { clinic: { villages: 1, population: clinic }, thc: { villages: 1, population: thc }, county: { villages: 1, population: county } },
  });
  return {
    mode: 'car',
    rulesUsed,
    townships: [
      { code: T1, name: '东岭镇', ...totals(3, 2, 2500, 1300, 800.4, 0) },
      { code: T2, name: '西河乡', ...totals(3, 1, 3500, 0, 2000, 1999.5) },
    ],
    county: totals(6, 3, 6000, 1300, 2800.4, 1999.5),
    villages: [],
  } as unknown as CoverageDocument;
}

describe('townshipStats with a coverage result', () => {
  it('adds the population beyond each standard, in the order and with the totals of the result', () => {
    const cov = coverageDoc({ 'X.clinic_minutes': 20, 'X.thc_minutes': 45, 'X.county_hospital_minutes': 90 });
    const table = townshipStats(layers(), facilities(), cov, t);
    expect(table.columns).toEqual([
      ...BASE_COLUMNS,
      'print.stats.beyond{"minutes":20,"group":"print.stats.groups.clinic"}',
      'print.stats.beyond{"minutes":45,"group":"print.stats.groups.thc"}',
      'print.stats.beyond{"minutes":90,"group":"print.stats.groups.county"}',
    ]);
    expect(table.rows).toEqual([
      { code: T1, cells: ['东岭镇', 3, 2, '2,500', '1,300', '800', '0'] },
      { code: T2, cells: ['西河乡', 3, 1, '3,500', '0', '2,000', '2,000'] },
      { total: true, cells: ['print.stats.total', 6, 3, '6,000', '1,300', '2,800', '2,000'] },
    ]);
    expect(table.note).toBe('print.stats.mode{"mode":"analysis.modes.car"}');
    for (const r of table.rows) expect(r.cells).toHaveLength(table.columns.length);
  });

  it('falls back to the default standards (15/30/60) for rules the result lacks', () => {
    const table = townshipStats(layers(), facilities(), coverageDoc({ 'X.thc_minutes': 25 }), t);
    expect(table.columns.slice(4).map((c) => JSON.parse(c.slice(c.indexOf('{'))).minutes)).toEqual([15, 25, 60]);
  });
});

describe('highlightRow', () => {
  const table = (): StatsTable => townshipStats(layers(), facilities(), null, t);

  it('marks only the row of the code', () => {
    const before = table();
    const out = highlightRow(before, T1);
    expect(out.rows.filter((r) => r.highlight).map((r) => r.code)).toEqual([T1]);
    expect(out.rows.map((r) => ({ ...r, highlight: undefined }))).toEqual(before.rows.map((r) => ({ ...r, highlight: undefined })));
    expect(out.columns).toEqual(before.columns);
    expect(out.note).toBe(before.note);
    // The table it was given is not changed.
    expect(before.rows.some((r) => r.highlight)).toBe(false);
  });

  it('marks nothing for an unknown code or none', () => {
    const before = table();
    expect(highlightRow(before, '999999999').rows.some((r) => r.highlight)).toBe(false);
    expect(highlightRow(before, undefined)).toBe(before);
    expect(highlightRow(before, '')).toBe(before);
  });
});

describe('footerLines', () => {
  const full = { organisation: '某县卫生健康局', date: '2026年11月', sources: '县统计局', approvalNo: 'GS(2026)123号' };

  it('prints organisation and date, then sources and approval number', () => {
    expect(footerLines(full, '', false, t)).toEqual([
      'print.footer.organisation{"value":"某县卫生健康局"} | print.footer.date{"value":"2026年11月"}',
      'print.footer.sources{"value":"县统计局"} | print.footer.approvalNo{"value":"GS(2026)123号"}',
    ]);
  });

  it('names the scenario the map shows after the date', () => {
    expect(footerLines(full, '', false, t, '方案二：龙岗村新建村卫生室')[0]).toBe(
      'print.footer.organisation{"value":"某县卫生健康局"} | print.footer.date{"value":"2026年11月"} | print.footer.scenario{"value":"方案二：龙岗村新建村卫生室"}',
    );
  });

  it('leaves empty parts out', () => {
    expect(footerLines({ ...full, organisation: '', approvalNo: '' }, '', false, t)).toEqual([
      'print.footer.date{"value":"2026年11月"}',
      'print.footer.sources{"value":"县统计局"}',
    ]);
    // No sources and no approval number: no second line at all.
    expect(footerLines({ ...full, sources: '  ', approvalNo: '' }, ' ', false, t)).toEqual([
      'print.footer.organisation{"value":"某县卫生健康局"} | print.footer.date{"value":"2026年11月"}',
    ]);
    expect(footerLines({ ...full, sources: '' }, '', false, t)[1]).toBe('print.footer.approvalNo{"value":"GS(2026)123号"}');
  });

  it('lists the sources, the map attribution and the OSM credit when OSM data is shown', () => {
    expect(footerLines(full, ' © 天地图 ', true, t)[1]).toBe(
      'print.footer.sources{"value":"县统计局; © 天地图; © OpenStreetMap contributors"} | print.footer.approvalNo{"value":"GS(2026)123号"}',
    );
    expect(footerLines({ ...full, sources: '' }, '', true, t)[1]).toBe(
      'print.footer.sources{"value":"© OpenStreetMap contributors"} | print.footer.approvalNo{"value":"GS(2026)123号"}',
    );
    expect(footerLines(full, '© 天地图', false, t)[1]).not.toContain('OpenStreetMap');
  });

  it('never credits OpenStreetMap twice', () => {
    const count = (lines: string[]) => lines.join('\n').split('OpenStreetMap').length - 1;
    expect(footerLines(full, '© OpenStreetMap contributors', true, t)[1]).toBe(
      'print.footer.sources{"value":"县统计局; © OpenStreetMap contributors"} | print.footer.approvalNo{"value":"GS(2026)123号"}',
    );
    expect(count(footerLines(full, '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap</a>', true, t))).toBe(1);
    // The user typed the credit into the sources themselves.
    expect(count(footerLines({ ...full, sources: '县统计局；© OpenStreetMap contributors' }, '', true, t))).toBe(1);
  });
});

describe('printDate', () => {
  it('prints the date the Chinese way', () => {
    expect(printDate('zh-CN', new Date(2026, 10, 23, 15, 30))).toBe('2026年11月23日');
    expect(printDate('zh-CN', new Date(2027, 0, 5))).toBe('2027年1月5日');
  });

  it('prints day, month name and year in English', () => {
    expect(printDate('en', new Date(2026, 10, 23))).toBe('23 November 2026');
  });
});

describe('townshipPages', () => {
  it('makes one page per township with a polygon, in layer order, zoomed to its bounding box', () => {
    const pages = townshipPages(layers());
    expect(pages.map((p) => p.key)).toEqual([`township-${T2}`, `township-${T1}`]);
    expect(pages[0]).toEqual({ key: `township-${T2}`, label: '西河乡', bounds: [111, 30, 111.6, 30.5], focus: T2_MULTI, townshipCode: T2 });
    expect(pages[1]).toEqual({ key: `township-${T1}`, label: '东岭镇', bounds: [110, 29.9, 110.4, 30.25], focus: T1_POLYGON, townshipCode: T1 });
    const l = layers();
    expect(townshipPages(l)[0].focus).toBe(l.townships!.features[0].geometry);
  });

  it('makes no pages without townships', () => {
    expect(townshipPages({})).toEqual([]);
  });
});

describe('thcPages', () => {
  /** 东岭镇卫生院 (F13) serves 上坪村 and 下坪村, 西河乡卫生院 (F17) 河口村; 南山镇卫生院 (F18) none of the known villages. */
  function cov(): CoverageDocument {
    const v = (code: string, thc: string | null) => ({ code, nearest: { clinic: null, thc, county: null } });
    return {
      villages: [
        v(`${T1}201`, 'F13'),
        v(`${T2}201`, 'F17'),
        v(`${T1}202`, 'F13'),
        v(`${T1}203`, null), // unreachable: on no page
        v('500101003299', 'F18'), // not in the village layer
      ],
    } as unknown as CoverageDocument;
  }

  it('groups villages by their nearest THC, in facility order, with padded bounds', () => {
    const pages = thcPages(layers(), facilities(), cov(), t);
    expect(pages.map((p) => p.key)).toEqual(['thc-F13', 'thc-F17']);
    const [a, b] = pages;
    expect(a.label).toBe('print.atlas.thcLabel{"name":"东岭镇卫生院","count":2}');
    // The service area is veiled around: the hull of the THC and its villages, grown by a margin.
    expect(a.focus?.type).toBe('Polygon');
    const ring = (a.focus as GeoJSON.Polygon).coordinates[0];
    for (const p of [[110.1, 30.05], [110, 30], [110.3, 30.2]]) expect(inRing(p, ring), String(p)).toBe(true);
    // The THC's township row is the one the page marks in the statistics table.
    expect(a.townshipCode).toBe(facilities().features.find((x) => x.properties.code === 'F13')!.properties.townshipCode ?? undefined);
    // THC (110.1, 30.05), 上坪村 (110, 30), 下坪村 (110.3, 30.2): 0.3° × 0.2°, padded by 8 %.
    const ea = [110 - 0.024, 30 - 0.016, 110.3 + 0.024, 30.2 + 0.016];
    a.bounds.forEach((v, i) => expect(v).toBeCloseTo(ea[i], 9));
    // THC (110.6, 30.3) and 河口村 (110.6, 30.35): at least 0.01° of padding.
    expect(b.label).toBe('print.atlas.thcLabel{"name":"西河乡卫生院","count":1}');
    // Two points have no area: no veil.
    expect(b.focus).toBeNull();
    const eb = [110.59, 30.29, 110.61, 30.36];
    b.bounds.forEach((v, i) => expect(v).toBeCloseTo(eb[i], 9));
  });

  it('contains the THC and each of its villages strictly inside the bounds', () => {
    const l = layers();
    const f = facilities();
    const c = cov();
    for (const page of thcPages(l, f, c, t)) {
      const code = page.key.slice('thc-'.length);
      const thc = f.features.find((x) => x.properties.code === code)!;
      const villageCodes = new Set(c.villages.filter((v) => v.nearest.thc === code).map((v) => v.code));
      const points = [thc.geometry.coordinates as Position, ...l.villages!.features.filter((v) => villageCodes.has(v.properties.code)).map((v) => v.geometry.coordinates as Position)];
      for (const [x, y] of points) {
        expect(x).toBeGreaterThan(page.bounds[0]);
        expect(x).toBeLessThan(page.bounds[2]);
        expect(y).toBeGreaterThan(page.bounds[1]);
        expect(y).toBeLessThan(page.bounds[3]);
      }
    }
  });

  it('makes no page for a THC without villages, nor without a facility layer', () => {
    expect(thcPages(layers(), facilities(), cov(), t).some((p) => p.key === 'thc-F18')).toBe(false);
    expect(thcPages(layers(), null, cov(), t)).toEqual([]);
    expect(thcPages(layers(), facilities(), { villages: [] } as unknown as CoverageDocument, t)).toEqual([]);
  });
});

describe('translation keys', () => {
  it('every key the print content asks for is in both catalogs', () => {
    townshipStats(layers(), facilities(), null, t);
    townshipStats(layers(), facilities(), coverageDoc({}), t);
    footerLines({ organisation: 'a', date: 'b', sources: 'c', approvalNo: 'd' }, '', true, t);
    thcPages(layers(), facilities(), { villages: [{ code: `${T1}201`, nearest: { thc: 'F13' } }] } as unknown as CoverageDocument, t);
    const keys = [...asked];
    expect(keys.length).toBeGreaterThan(10);
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const key of keys) expect(translate(locale, key), `${locale} ${key}`).not.toBe(key);
    }
  });
});

/** Ray casting: is the point inside the closed ring? */
function inRing(p: number[], ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
