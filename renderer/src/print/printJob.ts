/**
 * Builds the pages of a print: a snapshot of what the map shows now (style, layers, analysis,
 * legend), then for each page (the chosen extent, or one per township / THC service area) the map
 * at print resolution and the page's texts. Used by the editor's preview, its exports and the
 * CLI's headless print (automation.ts).
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { PrintLayout } from '../../../electron/domain/print-layout.js';
import { defaultPrintLayout, elementOf, type Orientation, type PaperSize } from '../../../electron/domain/print-layout.js';
import type { CoverageDocument } from '../../../electron/engine/analysis.js';
import type { FacilityGroup } from '../../../electron/engine/graph-types.js';
import type { ProjectSummary } from '../../../electron/api/schema.js';
import { FACILITY_GROUPS, standardMinutes } from '../analysis/bands.js';
import { facilitiesOfScenario } from '../analysis/mapData.js';
import { translate, type Locale } from '../i18n/index.js';
import { legendSections, type LegendSection } from '../map/legendModel.js';
import { getMapController } from '../map/mapInstance.js';
import { selectPlanning, selectShownCoverage } from '../state/analysisSlice.js';
import type { LayerData } from '../state/derived.js';
import type { LayerToggle } from '../state/layersSlice.js';
import { selectActiveScenario } from '../state/scenarioSlice.js';
import { useAppStore } from '../state/store.js';
import { footerLines, highlightRow, printDate, thcPages, townshipPages, townshipStats, type AtlasKind, type PageSpec, type StatsTable } from './printContent.js';
import { boundsOf, type Bounds } from './printMath.js';
import { PrintMapRenderer, printableStyle } from './printMap.js';
import type { PrintPageContent } from './PrintPage.js';

type T = (key: string, params?: Record<string, string | number>) => string;

/** Everything a print needs from the app, taken once when printing starts. */
export interface PrintSnapshot {
  locale: Locale;
  t: T;
  summary: ProjectSummary;
  layers: LayerData;
  facilities: LayerData['facilities'] | null;
  coverage: CoverageDocument | null;
  legend: LegendSection[];
  stats: StatsTable;
  osmShown: boolean;
  /** The scenario on the map ('' for the project as it is). */
  scenario: string;
  /** The travel-time standards of the map's analysis (the rules table's defaults without one). */
  standards: Record<FacilityGroup, number>;
  /** The map on screen: its style and its current extent. */
  style: StyleSpecification;
  viewBounds: Bounds | null;
  imageFor: ConstructorParameters<typeof PrintMapRenderer>[1];
}

/** The travel-time standards a coverage result used (the rules table's defaults without one). */
export function standardsOf(coverage: CoverageDocument | null): Record<FacilityGroup, number> {
  return Object.fromEntries(FACILITY_GROUPS.map((g) => [g, standardMinutes(coverage?.rulesUsed, g)])) as Record<FacilityGroup, number>;
}

/** The snapshot of the app as it is now; null without a project or a map. */
export function takePrintSnapshot(): PrintSnapshot | null {
  const s = useAppStore.getState();
  const controller = getMapController();
  if (!s.summary || !controller) return null;
  const map = controller.map;
  const locale = s.locale;
  const t: T = (key, params) => translate(locale, key, params);
  const coverage = selectShownCoverage(s);
  const scenario = selectActiveScenario(s);
  const facilities = facilitiesOfScenario(s.layers.facilities, scenario?.payload ?? null) ?? null;
  const hasLayer: Partial<Record<LayerToggle, boolean>> = {};
  for (const name of ['townships', 'village_areas', 'roads', 'villages', 'facilities'] as const) hasLayer[name] = (s.layers[name]?.features.length ?? 0) > 0;
  const legend = legendSections({
    t,
    visibility: s.visibility,
    coverage,
    group: s.analysisGroup as FacilityGroup,
    proposalsView: s.proposalsView,
    planning: selectPlanning(s),
    shownOnly: true,
    hasLayer,
  });
  const b = map.getBounds();
  return {
    locale,
    t,
    summary: s.summary,
    layers: s.layers,
    facilities,
    coverage,
    legend,
    stats: townshipStats(s.layers, facilities, coverage, t),
    scenario: scenario?.name ?? '',
    standards: standardsOf(coverage),
    osmShown: (s.visibility.basemap && Boolean(s.basemap?.available)) || (s.visibility.roads && hasLayer.roads === true),
    style: printableStyle(map.getStyle()),
    viewBounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
    imageFor: (id) => {
      const img = map.getImage(id);
      return img ? { width: img.data.width, height: img.data.height, data: img.data.data, pixelRatio: img.pixelRatio, sdf: img.sdf } : null;
    },
  };
}

export type PrintScope = 'county' | 'view' | AtlasKind;

/** The pages of a scope: one for the county or the current view, else one per township / THC. */
export function pagesOf(snap: PrintSnapshot, scope: PrintScope): PageSpec[] {
  if (scope === 'townships') return townshipPages(snap.layers);
  if (scope === 'thcs') return snap.coverage ? thcPages(snap.layers, snap.facilities, snap.coverage, snap.t) : [];
  const bounds = scope === 'view' ? snap.viewBounds : snap.summary.bounds;
  return [{ key: scope, label: '', bounds: bounds ?? [-180, -85, 180, 85], focus: null }];
}

/** The county's township outlines for the inset. */
function insetOf(snap: PrintSnapshot): PrintPageContent['inset'] {
  const rings: number[][][] = [];
  for (const f of snap.layers.townships?.features ?? []) {
    const g = f.geometry;
    if (g.type === 'Polygon') rings.push(...g.coordinates);
    else if (g.type === 'MultiPolygon') for (const p of g.coordinates) rings.push(...p);
  }
  const bounds = boundsOf(rings.flat()) ?? snap.summary.bounds;
  return bounds ? { rings, bounds } : null;
}

/** A page's content with its map still to render (the editor shows it while the map draws). */
export function pageContent(snap: PrintSnapshot, layout: PrintLayout, spec: PageSpec): PrintPageContent {
  const subtitle = spec.label ? [spec.label, layout.subtitle].filter(Boolean).join(snap.t('print.atlas.separator')) : layout.subtitle;
  return {
    key: spec.key,
    title: layout.title,
    subtitle,
    map: null,
    legend: snap.legend,
    stats: highlightRow(snap.stats, spec.townshipCode),
    inset: insetOf(snap),
    footer: footerLines(
      { organisation: layout.organisation, date: layout.date || printDate(snap.locale), sources: layout.sources, approvalNo: layout.approvalNo },
      snap.summary.attribution,
      snap.osmShown,
      snap.t,
      snap.scenario,
    ),
  };
}

/**
 * Renders the pages' maps one after the other with one hidden map (an atlas of 20 townships
 * holds one WebGL context, not 20). `onPage` reports progress; `signal` cancels between pages.
 */
export async function renderPages(
  snap: PrintSnapshot,
  layout: PrintLayout,
  specs: readonly PageSpec[],
  dpi: number,
  onPage?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<PrintPageContent[]> {
  const box = elementOf(layout, 'map');
  const renderer = new PrintMapRenderer(snap.style, snap.imageFor);
  const pages: PrintPageContent[] = [];
  try {
    for (const spec of specs) {
      if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
      onPage?.(pages.length, specs.length);
      const map = await renderer.render({ widthMm: box.w, heightMm: box.h, dpi, bounds: spec.bounds, focus: spec.focus, gridMinutes: layout.gridMinutes }, signal);
      pages.push({ ...pageContent(snap, layout, spec), map });
    }
    onPage?.(pages.length, specs.length);
    return pages;
  } finally {
    renderer.destroy();
  }
}

/** A file name for the export: the title (or the project's name), safe on Windows. */
export function exportName(snap: PrintSnapshot, layout: PrintLayout, scope: PrintScope, ext: string): string {
  const base = (layout.title || snap.summary.name).replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || 'map';
  const suffix = scope === 'townships' || scope === 'thcs' ? `_${snap.t(`print.scopes.${scope}`)}` : '';
  return `${base}${suffix}.${ext}`;
}

/** The project's default layout: A3 landscape, titled after the county and what the map shows (coverage or the proposals). */
export function projectDefaultLayout(
  t: T,
  countyTitle: string,
  standards: Record<FacilityGroup, number>,
  paper: PaperSize = 'A3',
  orientation: Orientation = 'landscape',
  proposals = false,
): PrintLayout {
  const county = countyTitle.replace(/[（(].*[)）]\s*$/, '').trim() || countyTitle;
  return defaultPrintLayout(paper, orientation, {
    title: t(proposals ? 'print.defaults.titleProposals' : 'print.defaults.title', { county }),
    subtitle: t(proposals ? 'print.defaults.subtitleProposals' : 'print.defaults.subtitle', standards),
    organisation: t('print.defaults.organisation', { county }),
  });
}
