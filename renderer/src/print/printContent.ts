/**
 * What a printed page says, apart from the map image: the statistics table by township, the
 * footer lines, the pages of an atlas (one per township or per THC service area). Pure.
 */
import type { CoverageDocument } from '../../../electron/engine/analysis.js';
import { FACILITY_GROUPS, standardMinutes } from '../analysis/bands.js';
import { blankVillageCodes, type LayerData } from '../state/derived.js';
import { boundsOf, convexHull, growRing, type Bounds } from './printMath.js';

type T = (key: string, params?: Record<string, string | number>) => string;

export interface StatsRow {
  cells: (string | number)[];
  total?: boolean;
  /** The township an atlas page is about. */
  highlight?: boolean;
  code?: string;
}

export interface StatsTable {
  columns: string[];
  rows: StatsRow[];
  /** A line under the table (e.g. why the beyond-standard columns are missing). */
  note: string;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * Villages, blank villages, population and population beyond each time standard, by township
 * and for the county. Without a coverage result the beyond columns are left out (with a note).
 */
export function townshipStats(layers: LayerData, facilities: LayerData['facilities'] | null, coverage: CoverageDocument | null, t: T): StatsTable {
  const base = [t('print.stats.township'), t('print.stats.villages'), t('print.stats.blank'), t('print.stats.population')];
  if (coverage) {
    const columns = [
      ...base,
      ...FACILITY_GROUPS.map((g) => t('print.stats.beyond', { minutes: standardMinutes(coverage.rulesUsed, g), group: t(`print.stats.groups.${g}`) })),
    ];
    const row = (name: string, x: CoverageDocument['county']) => [name, x.villages, x.blank, fmt(x.population), ...FACILITY_GROUPS.map((g) => fmt(x.beyond[g].population))];
    return {
      columns,
      rows: [
        ...coverage.townships.map((tw) => ({ code: tw.code, cells: row(tw.name, tw) })),
        { total: true, cells: row(t('print.stats.total'), coverage.county) },
      ],
      note: t('print.stats.mode', { mode: t(`analysis.modes.${coverage.mode}`) }),
    };
  }
  const villages = layers.villages?.features ?? [];
  const blank = blankVillageCodes(villages, facilities?.features ?? []);
  const byTownship = new Map<string, { villages: number; blank: number; population: number }>();
  for (const v of villages) {
    const key = v.properties.townshipCode ?? '';
    const agg = byTownship.get(key) ?? { villages: 0, blank: 0, population: 0 };
    agg.villages++;
    if (blank.has(v.properties.code)) agg.blank++;
    const pop = v.properties.population;
    agg.population += Number.isFinite(pop) && pop > 0 ? pop : 0;
    byTownship.set(key, agg);
  }
  const total = { villages: 0, blank: 0, population: 0 };
  const rows: StatsRow[] = [];
  for (const tw of layers.townships?.features ?? []) {
    const a = byTownship.get(tw.properties.code) ?? { villages: 0, blank: 0, population: 0 };
    rows.push({ code: tw.properties.code, cells: [tw.properties.name, a.villages, a.blank, fmt(a.population)] });
  }
  for (const a of byTownship.values()) {
    total.villages += a.villages;
    total.blank += a.blank;
    total.population += a.population;
  }
  rows.push({ total: true, cells: [t('print.stats.total'), total.villages, total.blank, fmt(total.population)] });
  return { columns: base, rows, note: t('print.stats.noAnalysis') };
}

/** The same table with one township's row marked (an atlas page). */
export function highlightRow(table: StatsTable, code: string | undefined): StatsTable {
  if (!code) return table;
  return { ...table, rows: table.rows.map((r) => (r.code === code ? { ...r, highlight: true } : r)) };
}

export interface FooterTexts {
  organisation: string;
  date: string;
  sources: string;
  approvalNo: string;
}

/**
 * "编制单位：… 编制日期：… 方案：…" and "数据来源：… 审图号：…"; empty parts are left out. `scenario`
 * names the scenario the map shows (empty: the project as it is).
 */
export function footerLines(f: FooterTexts, attribution: string, osmShown: boolean, t: T, scenario = ''): string[] {
  const sep = t('print.footer.separator');
  const sources = [f.sources.trim(), attribution.trim(), osmShown && !`${f.sources} ${attribution}`.includes('OpenStreetMap') ? t('print.footer.osm') : '']
    .filter(Boolean)
    .join(t('print.footer.listSeparator'));
  const line1 = [
    f.organisation && t('print.footer.organisation', { value: f.organisation }),
    t('print.footer.date', { value: f.date }),
    scenario && t('print.footer.scenario', { value: scenario }),
  ]
    .filter(Boolean)
    .join(sep);
  const line2 = [sources && t('print.footer.sources', { value: sources }), f.approvalNo && t('print.footer.approvalNo', { value: f.approvalNo })].filter(Boolean).join(sep);
  return [line1, line2].filter(Boolean);
}

/** Today as the footer prints it (2026年11月23日 / 23 November 2026). */
export function printDate(locale: string, now = new Date()): string {
  return locale === 'zh-CN' ? `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日` : now.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export type AtlasKind = 'townships' | 'thcs';

export interface PageSpec {
  key: string;
  /** Appended to the subtitle ('' for the single page of the current view). */
  label: string;
  bounds: Bounds;
  focus: GeoJSON.Polygon | GeoJSON.MultiPolygon | null;
  /** The township whose statistics row the page marks. */
  townshipCode?: string;
}

/** One page per township (zoomed to it, the rest veiled), in the order of the township layer. */
export function townshipPages(layers: LayerData): PageSpec[] {
  const pages: PageSpec[] = [];
  for (const tw of layers.townships?.features ?? []) {
    const g = tw.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon | null;
    if (!g) continue;
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    const bounds = boundsOf(rings.flat());
    if (bounds) pages.push({ key: `township-${tw.properties.code}`, label: tw.properties.name, bounds, focus: g, townshipCode: tw.properties.code });
  }
  return pages;
}

/**
 * One page per THC service area: the THC and the villages whose nearest THC it is (by the travel
 * times of the coverage result), in the order of the facility layer.
 */
export function thcPages(layers: LayerData, facilities: LayerData['facilities'] | null, coverage: CoverageDocument, t: T): PageSpec[] {
  const byThc = new Map<string, number[][]>();
  const villageAt = new Map((layers.villages?.features ?? []).map((f) => [f.properties.code, f.geometry?.coordinates as number[] | undefined]));
  for (const v of coverage.villages) {
    const thc = v.nearest.thc;
    const at = villageAt.get(v.code);
    if (!thc || !at) continue;
    const list = byThc.get(thc) ?? [];
    list.push(at);
    byThc.set(thc, list);
  }
  const pages: PageSpec[] = [];
  for (const f of facilities?.features ?? []) {
    const p = f.properties;
    const points = byThc.get(p.code);
    const at = f.geometry.type === 'Point' ? f.geometry.coordinates : null;
    if (!points || !at) continue;
    const bounds = boundsOf([at, ...points]);
    // The area the THC serves: the hull of it and its villages with a 1.5 km margin; the rest is veiled.
    const hull = convexHull([at, ...points]);
    const focus: GeoJSON.Polygon | null = hull ? { type: 'Polygon', coordinates: [growRing(hull, SERVICE_AREA_MARGIN_M)] } : null;
    if (bounds) pages.push({ key: `thc-${p.code}`, label: t('print.atlas.thcLabel', { name: p.name, count: points.length }), bounds: padBounds(bounds), focus, townshipCode: p.townshipCode ?? undefined });
  }
  return pages;
}

/** Margin drawn around a THC's villages on its atlas page, metres. */
const SERVICE_AREA_MARGIN_M = 1500;

/** A small margin around an extent of points (so edge villages are not on the frame). */
function padBounds(b: Bounds): Bounds {
  const dx = Math.max(0.01, (b[2] - b[0]) * 0.08);
  const dy = Math.max(0.01, (b[3] - b[1]) * 0.08);
  return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
}
