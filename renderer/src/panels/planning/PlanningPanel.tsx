/**
 * The planning panel (side dock, 规划建议): the proposals map switch, villages per effective
 * service mode, THCs per support tier, how many villages are decided (and how many of those
 * decisions a later run made stale), and buttons to the proposals / tiers tabs and to 设置….
 */
import { useEffect, useMemo } from 'react';
import { SERVICE_MODES } from '../../../../electron/domain/planning.js';
import { useT } from '../../app/useT.js';
import { SERVICE_MODE_COLORS, PLANNING_COLORS, TIER_COLORS } from '../../map/palette.js';
import { selectPlanning, selectShownCoverage } from '../../state/analysisSlice.js';
import { useAppStore } from '../../state/store.js';
import { formatNumber } from '../format.js';
import { DecisionDialog } from './DecisionDialog.js';
import { EMPTY_PROPOSAL_FILTER, countDecisions, countModes, countTiers, effectivePlans } from './proposalModel.js';

function Dot({ color, stroke = '#ffffff' }: { color: string; stroke?: string }) {
  return (
    <svg className="planning-dot" width={12} height={12} viewBox="0 0 12 12" aria-hidden="true">
      <circle cx={6} cy={6} r={4.8} fill={color} stroke={stroke} strokeWidth={1.2} />
    </svg>
  );
}

export function PlanningPanel() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const hasProject = useAppStore((s) => s.summary !== null);
  const doc = useAppStore(selectShownCoverage);
  const decisions = useAppStore((s) => s.decisions);
  const proposalsView = useAppStore((s) => s.proposalsView);
  const setProposalsView = useAppStore((s) => s.setProposalsView);
  const setDockTab = useAppStore((s) => s.setDockTab);
  const setProposalFilter = useAppStore((s) => s.setProposalFilter);
  const setSettingsOpen = useAppStore((s) => s.setSettingsOpen);
  const planning = useAppStore(selectPlanning);
  const plans = useMemo(() => effectivePlans(planning, decisions), [planning, decisions]);
  const modes = useMemo(() => countModes(plans), [plans]);
  const tiers = useMemo(() => countTiers(planning?.thcs ?? []), [planning]);
  const counts = useMemo(() => countDecisions(plans), [plans]);
  const num = (n: number) => formatNumber(locale, n);
  const openedSeq = useAppStore((s) => s.openedSeq);

  // Another project: its townships and villages differ, so the table's filter and any open dialog go.
  useEffect(() => {
    const s = useAppStore.getState();
    s.setProposalFilter(EMPTY_PROPOSAL_FILTER);
    s.setDecisionDialog(null);
  }, [openedSeq]);

  if (!hasProject) return null;
  return (
    <section className="planning-panel" aria-label={t('planningUi.panel.title')} data-testid="planning-panel" data-has-planning={planning ? 'true' : 'false'}>
      <h2 className="panel-title">{t('planningUi.panel.title')}</h2>
      <div className="planning-body">
        <label className="planning-switch" title={t('planningUi.panel.viewTitle')}>
          <input
            type="checkbox"
            checked={proposalsView}
            disabled={!planning}
            onChange={(e) => setProposalsView(e.target.checked)}
            data-testid="proposals-view"
          />
          <span>{t('planningUi.panel.view')}</span>
        </label>

        {!doc && <p className="panel-hint">{t('planningUi.panel.noResult')}</p>}
        {doc && !planning && <p className="panel-hint">{t('planningUi.panel.noPlanning')}</p>}

        {planning && (
          <>
            <h3 className="planning-subtitle">{t('planningUi.panel.modes')}</h3>
            <ul className="planning-counts" data-testid="planning-mode-counts">
              {SERVICE_MODES.map((m) => (
                <li key={m} data-mode={m}>
                  <button
                    type="button"
                    className="planning-count-row"
                    onClick={() => {
                      setProposalFilter({ mode: m, status: null, staleOnly: false });
                      setDockTab('proposals');
                    }}
                  >
                    <Dot color={SERVICE_MODE_COLORS[m]} stroke={m === 'covered' ? PLANNING_COLORS.coveredStroke : '#ffffff'} />
                    <span className="planning-count-name">{t(`serviceModes.${m}`)}</span>
                    <span className="num">{num(modes[m])}</span>
                  </button>
                </li>
              ))}
              <li data-mode="undecided">
                <button
                  type="button"
                  className="planning-count-row"
                  onClick={() => {
                    setProposalFilter({ mode: 'none', status: null, staleOnly: false });
                    setDockTab('proposals');
                  }}
                >
                  <Dot color={PLANNING_COLORS.none} stroke={PLANNING_COLORS.noneStroke} />
                  <span className="planning-count-name">{t('planningUi.panel.undecided')}</span>
                  <span className="num">{num(modes.undecided)}</span>
                </button>
              </li>
            </ul>

            <h3 className="planning-subtitle">{t('planningUi.panel.tiers')}</h3>
            <ul className="planning-counts" data-testid="planning-tier-counts">
              {(['1', '2', '3', 'unranked'] as const).map((k) =>
                k === 'unranked' && tiers.unranked === 0 ? null : (
                  <li key={k} data-tier={k}>
                    <button type="button" className="planning-count-row" onClick={() => setDockTab('tiers')}>
                      <Dot color={TIER_COLORS[k]} />
                      <span className="planning-count-name">{t(`tiers.${k}`)}</span>
                      <span className="num">{t('planningUi.panel.thcs', { n: num(tiers[k]) })}</span>
                    </button>
                  </li>
                ),
              )}
            </ul>

            <p className="planning-decisions" data-testid="planning-decisions" data-decided={counts.decided}>
              {t('planningUi.panel.decisions', { n: num(counts.decided) })}
              {counts.stale > 0 && (
                <button
                  type="button"
                  className="link-button warn"
                  onClick={() => {
                    setProposalFilter({ mode: null, status: null, staleOnly: true });
                    setDockTab('proposals');
                  }}
                >
                  {t('planningUi.panel.stale', { n: num(counts.stale) })}
                </button>
              )}
              {counts.missing > 0 && <span className="planning-missing">{t('planningUi.panel.missing', { n: num(counts.missing) })}</span>}
            </p>
          </>
        )}

        <div className="planning-actions">
          <button type="button" className="button" disabled={!planning} onClick={() => setDockTab('proposals')} data-testid="open-proposals">
            {t('planningUi.panel.openProposals')}
          </button>
          <button type="button" className="button" disabled={!planning} onClick={() => setDockTab('tiers')} data-testid="open-tiers">
            {t('planningUi.panel.openTiers')}
          </button>
          <button type="button" className="button" onClick={() => setSettingsOpen(true)} data-testid="open-settings">
            {t('planningUi.panel.settings')}
          </button>
        </div>
      </div>
      {/* The reject / override dialog of the proposals table (kept mounted while the dock switches tabs). */}
      <DecisionDialog />
    </section>
  );
}
