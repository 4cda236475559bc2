/**
 * The legend as data: sections of items, each a swatch (SVG shapes in a 26 × 18 box) and a label.
 * The floating legend on screen (panels/Legend.tsx) shows every symbol; a print layout's legend
 * (print/elements) shows only the layers on its map. Both draw from here, so they agree.
 */
import type { ReactNode } from 'react';
import { SERVICE_MODES, type PlanningDocument } from '../../../electron/domain/planning.js';
import { FACILITY_LEVELS } from '../../../electron/domain/types.js';
import type { CoverageDocument } from '../../../electron/engine/analysis.js';
import type { FacilityGroup } from '../../../electron/engine/graph-types.js';
import { bandLabel, bandLimitsOf, bandsFor } from '../analysis/bands.js';
import type { LayerToggle } from '../state/layersSlice.js';
import {
  BRIDGE_CASING,
  COVERAGE_COLORS,
  FACILITY_SYMBOLS,
  ISOCHRONE_OPACITY,
  PLANNING_COLORS,
  ROAD_STYLES,
  SERVICE_MODE_COLORS,
  TIER_COLORS,
  TOWNSHIP_COLORS,
  VILLAGE_AREA_LINE,
  VILLAGE_COLORS,
} from './palette.js';

/** Swatch box, px (screen) or legend units (print). */
export const SW = 26;
export const SH = 18;
const CX = SW / 2;
const CY = SH / 2;

export interface LegendItem {
  key: string;
  label: string;
  /** SVG shapes drawn in a SW × SH box. */
  swatch: ReactNode;
  /** data-* attributes on the screen legend's list item (tests find items by them). */
  data?: Record<string, string>;
}

export interface LegendSection {
  key: string;
  title: string;
  subtitle?: string;
  items: LegendItem[];
  /** Sections of one group share a block on screen (data-testid="legend-<group>"). */
  group?: 'planning' | 'coverage';
}

export interface LegendInput {
  t: (key: string, params?: Record<string, string | number>) => string;
  visibility: Record<LayerToggle, boolean>;
  coverage: CoverageDocument | null;
  group: FacilityGroup;
  /** The proposals map is on (it replaces the coverage dots and bands). */
  proposalsView: boolean;
  planning: PlanningDocument | null;
  /** Only the layers switched on (print); the screen legend lists every symbol. */
  shownOnly: boolean;
  /** Which project layers hold data (print leaves out empty ones). */
  hasLayer?: Partial<Record<LayerToggle, boolean>>;
}

function facilitySwatch(level: (typeof FACILITY_LEVELS)[number]): ReactNode {
  const s = FACILITY_SYMBOLS[level];
  const r = Math.min(8, 2.5 + s.radius * 0.5);
  return (
    <>
      <circle cx={CX} cy={CY} r={r} fill={s.color} stroke="#fff" strokeWidth={1.2} />
      {s.cross && <path d={`M${CX - r * 0.55} ${CY}h${r * 1.1}M${CX} ${CY - r * 0.55}v${r * 1.1}`} stroke="#fff" strokeWidth={1.6} />}
    </>
  );
}

function lineSwatch({ color, casing, width, dash }: { color: string; casing?: string; width: number; dash?: string }): ReactNode {
  return (
    <>
      {casing && <line x1={2} y1={CY} x2={SW - 2} y2={CY} stroke={casing} strokeWidth={width + 2} strokeLinecap="round" />}
      <line x1={2} y1={CY} x2={SW - 2} y2={CY} stroke={color} strokeWidth={width} strokeDasharray={dash} strokeLinecap={dash ? 'butt' : 'round'} />
    </>
  );
}

const dot = (fill: string | undefined, stroke: string, strokeWidth: number, r = 5): ReactNode => <circle cx={CX} cy={CY} r={r} fill={fill} stroke={stroke} strokeWidth={strokeWidth} />;

/** The coverage analysis on the map: mode and group, the travel-time bands, unreachable, blank and beyond marks. */
function coverageSection(input: LegendInput): LegendSection | null {
  const { t, coverage: doc, group, visibility } = input;
  const proposalsShown = input.proposalsView && Boolean(input.planning);
  if (!doc || proposalsShown || (!visibility.coverage && !visibility.isochrones)) return null;
  const bands = bandsFor(bandLimitsOf(doc));
  const hasIsochrones = visibility.isochrones && (doc.isochrones[group]?.length ?? 0) > 0;
  const dotsShown = visibility.coverage || !input.shownOnly;
  const items: LegendItem[] = bands.map((b) => ({
    key: `band-${b.index}`,
    label: t('analysis.legend.band', { label: bandLabel(b) }),
    data: { band: String(b.index) },
    swatch: (
      <>
        {hasIsochrones && Number.isFinite(b.to) && <rect x={1} y={1} width={SW - 2} height={SH - 2} rx={2} fill={b.color} fillOpacity={ISOCHRONE_OPACITY * 1.6} />}
        {dotsShown && dot(b.color, COVERAGE_COLORS.stroke, 0.8)}
      </>
    ),
  }));
  if (dotsShown) {
    const cross = `M${CX - 5} ${CY - 5}l10 10M${CX + 5} ${CY - 5}l-10 10`;
    items.push(
      { key: 'unreachable', label: t('analysis.legend.unreachable'), swatch: dot(COVERAGE_COLORS.unreachable, COVERAGE_COLORS.stroke, 0.8) },
      { key: 'beyond', label: t('analysis.legend.beyond'), swatch: dot(bands[Math.min(1, bands.length - 1)]?.color, COVERAGE_COLORS.beyondStroke, 2.2, 5.5) },
      {
        key: 'blank',
        label: t('analysis.legend.blank'),
        swatch: (
          <>
            {dot(bands[0]?.color, COVERAGE_COLORS.stroke, 0.8, 4.5)}
            <path d={cross} stroke={COVERAGE_COLORS.blankHalo} strokeWidth={4} />
            <path d={cross} stroke={COVERAGE_COLORS.blankCross} strokeWidth={2} />
          </>
        ),
      },
    );
  }
  if (hasIsochrones) {
    items.push({
      key: 'isochrones',
      label: t('analysis.legend.isochrones'),
      swatch: <rect x={1} y={1} width={SW - 2} height={SH - 2} rx={2} fill={bands[1]?.color ?? bands[0]?.color} fillOpacity={ISOCHRONE_OPACITY * 1.6} stroke={bands[1]?.color} />,
    });
  }
  return {
    key: 'coverage',
    group: 'coverage',
    title: t('analysis.legend.title'),
    subtitle: t('analysis.legend.subtitle', { mode: t(`analysis.modes.${doc.mode}`), group: t(`analysis.groups.${group}`) }),
    items,
  };
}

/** The proposals map: village service modes, merge links and hosts, THC support tiers. */
function planningSections(input: LegendInput): LegendSection[] {
  const { t, planning } = input;
  if (!input.proposalsView || !planning) return [];
  const modes: LegendItem[] = SERVICE_MODES.map((m) => ({
    key: m,
    label: t(`serviceModes.${m}`),
    data: { mode: m },
    swatch: dot(SERVICE_MODE_COLORS[m], m === 'covered' ? PLANNING_COLORS.coveredStroke : PLANNING_COLORS.stroke, 1, 5.5),
  }));
  modes.push(
    { key: 'none', label: t('planningUi.legend.noProposal'), data: { mode: 'none' }, swatch: dot(PLANNING_COLORS.none, PLANNING_COLORS.noneStroke, 1.6, 5.5) },
    { key: 'overridden', label: t('planningUi.legend.overridden'), data: { mode: 'overridden' }, swatch: dot(SERVICE_MODE_COLORS.tour, PLANNING_COLORS.overriddenStroke, 2.4, 5.5) },
  );
  const sections: LegendSection[] = [{ key: 'modes', group: 'planning', title: t('planningUi.legend.modes'), items: modes }];
  if (planning.merges.length > 0) {
    sections.push({
      key: 'merges',
      group: 'planning',
      title: t('planningUi.legend.merges'),
      items: [
        { key: 'neighbour', label: t('planningUi.legend.neighbourLink'), data: { link: 'neighbour' }, swatch: lineSwatch({ color: PLANNING_COLORS.neighbourLink, width: 2, dash: '4 2.5' }) },
        { key: 'joint', label: t('planningUi.legend.jointLink'), data: { link: 'joint_clinic' }, swatch: lineSwatch({ color: PLANNING_COLORS.jointLink, width: 2.4 }) },
        {
          key: 'host',
          label: t('planningUi.legend.host'),
          data: { link: 'host' },
          swatch: (
            <>
              <circle cx={CX} cy={CY} r={7} fill="none" stroke={PLANNING_COLORS.jointLink} strokeWidth={2.2} />
              {dot(SERVICE_MODE_COLORS.joint_clinic, '#fff', 1, 3.5)}
            </>
          ),
        },
      ],
    });
  }
  const tiers = ['1', '2', '3', ...(planning.thcs.some((x) => x.tier === null) ? (['unranked'] as const) : [])] as const;
  sections.push({
    key: 'tiers',
    group: 'planning',
    title: t('planningUi.legend.tiers'),
    items: tiers.map((k) => ({
      key: k,
      label: t(`tiers.${k}`),
      data: { tier: k },
      swatch: (
        <>
          <circle cx={CX} cy={CY} r={8} fill={TIER_COLORS[k]} fillOpacity={0.25} stroke={TIER_COLORS[k]} strokeWidth={2.5} />
          {dot(FACILITY_SYMBOLS.township_hc.color, '#fff', 1, 4)}
        </>
      ),
    })),
  });
  return sections;
}

/** Every legend section for the map as described by `input`, top first. */
export function legendSections(input: LegendInput): LegendSection[] {
  const { t, visibility, shownOnly } = input;
  const shown = (layer: LayerToggle) => !shownOnly || (visibility[layer] && input.hasLayer?.[layer] !== false);
  const sections: LegendSection[] = [...planningSections(input)];
  const coverage = coverageSection(input);
  if (coverage) sections.push(coverage);
  if (shown('facilities')) {
    sections.push({
      key: 'facilities',
      title: t('legend.facilities'),
      items: FACILITY_LEVELS.map((level) => ({ key: level, label: t(`levels.${level}`), data: { level }, swatch: facilitySwatch(level) })),
    });
  }
  if (shown('villages')) {
    sections.push({
      key: 'villages',
      title: t('legend.villages'),
      items: [
        { key: 'village', label: t('legend.village'), swatch: dot(VILLAGE_COLORS.village.fill, VILLAGE_COLORS.village.stroke, 1) },
        { key: 'settlement', label: t('legend.settlement'), swatch: dot(VILLAGE_COLORS.settlement.fill, VILLAGE_COLORS.settlement.stroke, 1.6) },
        {
          key: 'blank',
          label: t('legend.blank'),
          data: { testid: 'legend-blank' },
          swatch: (
            <>
              <circle cx={CX} cy={CY} r={7} fill="none" stroke={VILLAGE_COLORS.blankRing} strokeWidth={2} />
              {dot(VILLAGE_COLORS.village.fill, '#fff', 1, 4)}
            </>
          ),
        },
      ],
    });
  }
  if (shown('roads')) {
    sections.push({
      key: 'roads',
      title: t('legend.roads'),
      items: [
        ...Object.entries(ROAD_STYLES).map(([cls, s]) => ({
          key: cls,
          label: t(`roadClasses.${cls}`),
          swatch: lineSwatch({ color: s.color, casing: s.dashed ? undefined : s.casing, width: Math.max(1.2, s.width * 0.9), dash: s.dashed ? '3 2' : undefined }),
        })),
        { key: 'bridge', label: t('legend.bridge'), swatch: lineSwatch({ color: ROAD_STYLES.county.color, casing: BRIDGE_CASING, width: 3 }) },
      ],
    });
  }
  const boundaries: LegendItem[] = [];
  if (shown('townships')) boundaries.push({ key: 'township', label: t('legend.townshipBoundary'), swatch: lineSwatch({ color: TOWNSHIP_COLORS.line, width: 1.6, dash: '4 2' }) });
  if (shown('village_areas')) boundaries.push({ key: 'village_area', label: t('legend.villageArea'), swatch: lineSwatch({ color: VILLAGE_AREA_LINE, width: 1, dash: '2 2' }) });
  if (boundaries.length > 0) sections.push({ key: 'boundaries', title: t('legend.boundaries'), items: boundaries });
  return sections;
}
