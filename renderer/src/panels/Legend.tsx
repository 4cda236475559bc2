/** The legend: every symbol the map draws, named in the current locale (data-testid="legend"). */
import { SERVICE_MODES } from '../../../electron/domain/planning.js';
import { FACILITY_LEVELS } from '../../../electron/domain/types.js';
import { bandLabel, bandLimitsOf, bandsFor } from '../analysis/bands.js';
import { useT } from '../app/useT.js';
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
} from '../map/palette.js';
import { selectShownCoverage } from '../state/analysisSlice.js';
import { useAppStore } from '../state/store.js';

const SW = 26; // swatch width
const SH = 18; // swatch height

function Swatch({ children }: { children: React.ReactNode }) {
  return (
    <svg className="legend-swatch" width={SW} height={SH} viewBox={`0 0 ${SW} ${SH}`} aria-hidden="true">
      {children}
    </svg>
  );
}

function FacilitySwatch({ level }: { level: (typeof FACILITY_LEVELS)[number] }) {
  const s = FACILITY_SYMBOLS[level];
  const r = Math.min(8, 2.5 + s.radius * 0.5);
  return (
    <Swatch>
      <circle cx={SW / 2} cy={SH / 2} r={r} fill={s.color} stroke="#fff" strokeWidth={1.2} />
      {s.cross && (
        <path d={`M${SW / 2 - r * 0.55} ${SH / 2}h${r * 1.1}M${SW / 2} ${SH / 2 - r * 0.55}v${r * 1.1}`} stroke="#fff" strokeWidth={1.6} />
      )}
    </Swatch>
  );
}

function LineSwatch({ color, casing, width, dash }: { color: string; casing?: string; width: number; dash?: string }) {
  return (
    <Swatch>
      {casing && <line x1={2} y1={SH / 2} x2={SW - 2} y2={SH / 2} stroke={casing} strokeWidth={width + 2} strokeLinecap="round" />}
      <line x1={2} y1={SH / 2} x2={SW - 2} y2={SH / 2} stroke={color} strokeWidth={width} strokeDasharray={dash} strokeLinecap={dash ? 'butt' : 'round'} />
    </Swatch>
  );
}

/** The coverage analysis on the map: mode and group, the travel-time bands, unreachable, blank and beyond marks. */
function CoverageLegend() {
  const t = useT();
  const doc = useAppStore(selectShownCoverage);
  const group = useAppStore((s) => s.analysisGroup);
  const coverageVisible = useAppStore((s) => s.visibility.coverage);
  const isochronesVisible = useAppStore((s) => s.visibility.isochrones);
  // The proposals map replaces the coverage dots and bands (see REPLACED_BY_PLANNING).
  const proposalsShown = useAppStore((s) => s.proposalsView && Boolean(selectShownCoverage(s)?.planning));
  if (!doc || proposalsShown || (!coverageVisible && !isochronesVisible)) return null;
  const bands = bandsFor(bandLimitsOf(doc));
  const hasIsochrones = isochronesVisible && (doc.isochrones[group]?.length ?? 0) > 0;
  return (
    <div className="legend-coverage" data-testid="legend-coverage">
      <h3>
        {t('analysis.legend.title')}
        <span className="legend-sub">
          {t('analysis.legend.subtitle', { mode: t(`analysis.modes.${doc.mode}`), group: t(`analysis.groups.${group}`) })}
        </span>
      </h3>
      <ul>
        {bands.map((b) => (
          <li key={b.index} data-band={b.index}>
            <Swatch>
              {hasIsochrones && Number.isFinite(b.to) && <rect x={1} y={1} width={SW - 2} height={SH - 2} rx={2} fill={b.color} fillOpacity={ISOCHRONE_OPACITY * 1.6} />}
              <circle cx={SW / 2} cy={SH / 2} r={5} fill={b.color} stroke={COVERAGE_COLORS.stroke} strokeWidth={0.8} />
            </Swatch>
            <span>{t('analysis.legend.band', { label: bandLabel(b) })}</span>
          </li>
        ))}
        <li>
          <Swatch>
            <circle cx={SW / 2} cy={SH / 2} r={5} fill={COVERAGE_COLORS.unreachable} stroke={COVERAGE_COLORS.stroke} strokeWidth={0.8} />
          </Swatch>
          <span>{t('analysis.legend.unreachable')}</span>
        </li>
        <li>
          <Swatch>
            <circle cx={SW / 2} cy={SH / 2} r={5.5} fill={bands[Math.min(1, bands.length - 1)]?.color} stroke={COVERAGE_COLORS.beyondStroke} strokeWidth={2.2} />
          </Swatch>
          <span>{t('analysis.legend.beyond')}</span>
        </li>
        <li>
          <Swatch>
            <circle cx={SW / 2} cy={SH / 2} r={4.5} fill={bands[0]?.color} stroke={COVERAGE_COLORS.stroke} strokeWidth={0.8} />
            <path d={`M${SW / 2 - 5} ${SH / 2 - 5}l10 10M${SW / 2 + 5} ${SH / 2 - 5}l-10 10`} stroke={COVERAGE_COLORS.blankHalo} strokeWidth={4} />
            <path d={`M${SW / 2 - 5} ${SH / 2 - 5}l10 10M${SW / 2 + 5} ${SH / 2 - 5}l-10 10`} stroke={COVERAGE_COLORS.blankCross} strokeWidth={2} />
          </Swatch>
          <span>{t('analysis.legend.blank')}</span>
        </li>
        {hasIsochrones && (
          <li>
            <Swatch>
              <rect x={1} y={1} width={SW - 2} height={SH - 2} rx={2} fill={bands[1]?.color ?? bands[0]?.color} fillOpacity={ISOCHRONE_OPACITY * 1.6} stroke={bands[1]?.color} />
            </Swatch>
            <span>{t('analysis.legend.isochrones')}</span>
          </li>
        )}
      </ul>
    </div>
  );
}

/** The proposals map: village service modes, merge links and hosts, THC support tiers (generated from the palette). */
function PlanningLegend() {
  const t = useT();
  const on = useAppStore((s) => s.proposalsView);
  const planning = useAppStore((s) => selectShownCoverage(s)?.planning ?? null);
  if (!on || !planning) return null;
  const hasMerges = planning.merges.length > 0;
  const hasUnranked = planning.thcs.some((x) => x.tier === null);
  const thcR = 6;
  return (
    <div className="legend-planning" data-testid="legend-planning">
      <h3>{t('planningUi.legend.modes')}</h3>
      <ul>
        {SERVICE_MODES.map((m) => (
          <li key={m} data-mode={m}>
            <Swatch>
              <circle cx={SW / 2} cy={SH / 2} r={5.5} fill={SERVICE_MODE_COLORS[m]} stroke={m === 'covered' ? PLANNING_COLORS.coveredStroke : PLANNING_COLORS.stroke} strokeWidth={1} />
            </Swatch>
            <span>{t(`serviceModes.${m}`)}</span>
          </li>
        ))}
        <li data-mode="none">
          <Swatch>
            <circle cx={SW / 2} cy={SH / 2} r={5.5} fill={PLANNING_COLORS.none} stroke={PLANNING_COLORS.noneStroke} strokeWidth={1.6} />
          </Swatch>
          <span>{t('planningUi.legend.noProposal')}</span>
        </li>
        <li data-mode="overridden">
          <Swatch>
            <circle cx={SW / 2} cy={SH / 2} r={5.5} fill={SERVICE_MODE_COLORS.tour} stroke={PLANNING_COLORS.overriddenStroke} strokeWidth={2.4} />
          </Swatch>
          <span>{t('planningUi.legend.overridden')}</span>
        </li>
      </ul>
      {hasMerges && (
        <>
          <h3>{t('planningUi.legend.merges')}</h3>
          <ul>
            <li data-link="neighbour">
              <LineSwatch color={PLANNING_COLORS.neighbourLink} width={2} dash="4 2.5" />
              <span>{t('planningUi.legend.neighbourLink')}</span>
            </li>
            <li data-link="joint_clinic">
              <LineSwatch color={PLANNING_COLORS.jointLink} width={2.4} />
              <span>{t('planningUi.legend.jointLink')}</span>
            </li>
            <li data-link="host">
              <Swatch>
                <circle cx={SW / 2} cy={SH / 2} r={7} fill="none" stroke={PLANNING_COLORS.jointLink} strokeWidth={2.2} />
                <circle cx={SW / 2} cy={SH / 2} r={3.5} fill={SERVICE_MODE_COLORS.joint_clinic} stroke="#fff" strokeWidth={1} />
              </Swatch>
              <span>{t('planningUi.legend.host')}</span>
            </li>
          </ul>
        </>
      )}
      <h3>{t('planningUi.legend.tiers')}</h3>
      <ul>
        {(['1', '2', '3', ...(hasUnranked ? (['unranked'] as const) : [])] as const).map((k) => (
          <li key={k} data-tier={k}>
            <Swatch>
              <circle cx={SW / 2} cy={SH / 2} r={thcR + 2} fill={TIER_COLORS[k]} fillOpacity={0.25} stroke={TIER_COLORS[k]} strokeWidth={2.5} />
              <circle cx={SW / 2} cy={SH / 2} r={thcR - 2} fill={FACILITY_SYMBOLS.township_hc.color} stroke="#fff" strokeWidth={1} />
            </Swatch>
            <span>{t(`tiers.${k}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Legend() {
  const t = useT();
  return (
    <section className="legend panel-float" data-testid="legend" aria-label={t('ui.legend')}>
      <h2 className="panel-title">{t('ui.legend')}</h2>

      <PlanningLegend />
      <CoverageLegend />

      <h3>{t('legend.facilities')}</h3>
      <ul>
        {FACILITY_LEVELS.map((level) => (
          <li key={level} data-level={level}>
            <FacilitySwatch level={level} />
            <span>{t(`levels.${level}`)}</span>
          </li>
        ))}
      </ul>

      <h3>{t('legend.villages')}</h3>
      <ul>
        <li>
          <Swatch>
            <circle cx={SW / 2} cy={SH / 2} r={5} fill={VILLAGE_COLORS.village.fill} stroke={VILLAGE_COLORS.village.stroke} strokeWidth={1} />
          </Swatch>
          <span>{t('legend.village')}</span>
        </li>
        <li>
          <Swatch>
            <circle cx={SW / 2} cy={SH / 2} r={5} fill={VILLAGE_COLORS.settlement.fill} stroke={VILLAGE_COLORS.settlement.stroke} strokeWidth={1.6} />
          </Swatch>
          <span>{t('legend.settlement')}</span>
        </li>
        <li data-testid="legend-blank">
          <Swatch>
            <circle cx={SW / 2} cy={SH / 2} r={7} fill="none" stroke={VILLAGE_COLORS.blankRing} strokeWidth={2} />
            <circle cx={SW / 2} cy={SH / 2} r={4} fill={VILLAGE_COLORS.village.fill} stroke="#fff" strokeWidth={1} />
          </Swatch>
          <span>{t('legend.blank')}</span>
        </li>
      </ul>

      <h3>{t('legend.roads')}</h3>
      <ul>
        {Object.entries(ROAD_STYLES).map(([cls, s]) => (
          <li key={cls}>
            <LineSwatch color={s.color} casing={s.dashed ? undefined : s.casing} width={Math.max(1.2, s.width * 0.9)} dash={s.dashed ? '3 2' : undefined} />
            <span>{t(`roadClasses.${cls}`)}</span>
          </li>
        ))}
        <li>
          <LineSwatch color={ROAD_STYLES.county.color} casing={BRIDGE_CASING} width={3} />
          <span>{t('legend.bridge')}</span>
        </li>
      </ul>

      <h3>{t('legend.boundaries')}</h3>
      <ul>
        <li>
          <LineSwatch color={TOWNSHIP_COLORS.line} width={1.6} dash="4 2" />
          <span>{t('legend.townshipBoundary')}</span>
        </li>
        <li>
          <LineSwatch color={VILLAGE_AREA_LINE} width={1} dash="2 2" />
          <span>{t('legend.villageArea')}</span>
        </li>
      </ul>
    </section>
  );
}
