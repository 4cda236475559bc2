/**
 * The analysis panel (side dock): travel mode and facility group, run / cancel with a progress
 * bar and stage, and the county summary — villages and population within and beyond each
 * standard (with the rule that sets it), unreachable and blank villages.
 */
import { useMemo } from 'react';
import { TRAVEL_MODES } from '../../../electron/domain/rules.js';
import { cancelCoverage, runCoverage, setAnalysisGroup, setAnalysisMode } from '../analysis/actions.js';
import { FACILITY_GROUPS } from '../analysis/bands.js';
import { countyTotals } from '../analysis/summary.js';
import { useT } from '../app/useT.js';
import { translate } from '../i18n/index.js';
import { selectShownCoverage } from '../state/analysisSlice.js';
import { useAppStore } from '../state/store.js';
import { formatComputedAt, formatPopulation } from './coverageFormat.js';
import { formatNumber } from './format.js';
import { Segmented } from './Segmented.js';

/** The engine's stage id ("graph", "thc", "isochrones:clinic") in words; unknown ids as they are. */
export function stageLabel(locale: Parameters<typeof translate>[0], stage: string): string {
  const [name, group] = stage.split(':');
  const key = `analysis.stages.${name}`;
  const text = translate(locale, key);
  if (text === key) return stage;
  if (!group) return text;
  const groupKey = `analysis.groups.${group}`;
  const groupText = translate(locale, groupKey);
  return groupText === groupKey ? text : locale === 'zh-CN' ? `${text}（${groupText}）` : `${text} (${groupText})`;
}

export function AnalysisPanel() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const mode = useAppStore((s) => s.analysisMode);
  const group = useAppStore((s) => s.analysisGroup);
  const status = useAppStore((s) => s.analysisStatus);
  const baseline = useAppStore((s) => s.baseline);
  const whatIfActive = useAppStore((s) => s.whatIf.active);
  const doc = useAppStore(selectShownCoverage);
  const hasProject = useAppStore((s) => s.summary !== null);
  const dockOpen = useAppStore((s) => s.analysisDockOpen);
  const setDockOpen = useAppStore((s) => s.setAnalysisDockOpen);
  const totals = useMemo(() => (doc ? countyTotals(doc) : null), [doc]);
  const running = status.kind === 'running';
  const num = (n: number) => formatNumber(locale, n);
  const pop = (n: number) => formatPopulation(locale, n);

  return (
    <section className="analysis-panel" aria-label={t('analysis.title')} data-testid="analysis-panel" data-status={status.kind}>
      <h2 className="panel-title">{t('analysis.title')}</h2>
      <div className="analysis-body">
        <div className="field-label">{t('analysis.mode')}</div>
        <Segmented
          label={t('analysis.mode')}
          options={TRAVEL_MODES}
          value={mode}
          dataKey="data-mode"
          disabled={whatIfActive}
          text={(m) => t(`analysis.modes.${m}`)}
          onPick={(m) => void setAnalysisMode(m)}
        />
        <div className="field-label">{t('analysis.group')}</div>
        <Segmented
          label={t('analysis.group')}
          options={FACILITY_GROUPS}
          value={group}
          dataKey="data-group"
          text={(g) => t(`analysis.groups.${g}`)}
          onPick={(g) => setAnalysisGroup(g)}
        />

        <div className="analysis-actions">
          {running ? (
            <button type="button" className="button" data-testid="analysis-cancel" onClick={() => cancelCoverage()}>
              {t('analysis.cancel')}
            </button>
          ) : (
            <button type="button" className="button primary" data-testid="analysis-run" disabled={!hasProject || whatIfActive} onClick={() => void runCoverage()}>
              {baseline ? t('analysis.rerun') : t('analysis.run')}
            </button>
          )}
          {doc && !dockOpen && (
            <button type="button" className="link-button" onClick={() => setDockOpen(true)}>
              {t('analysis.showDock')}
            </button>
          )}
        </div>

        {running && (
          <div className="analysis-progress" data-testid="analysis-progress">
            <progress max={1} value={status.fraction} />
            <span>{t('analysis.progress', { stage: stageLabel(locale, status.stage), percent: Math.round(status.fraction * 100) })}</span>
          </div>
        )}
        {status.kind === 'idle' && !doc && <p className="panel-hint">{t('analysis.idleHint')}</p>}
        {status.kind === 'cancelled' && <p className="panel-hint">{t('analysis.cancelled')}</p>}
        {status.kind === 'error' && <p className="panel-hint warn">{t('analysis.failed', { message: status.message })}</p>}

        {baseline && (
          <p
            className="analysis-meta"
            data-testid="analysis-computed"
            data-origin={baseline.origin}
            data-total-ms={baseline.timing?.totalMs}
            data-worker-ms={baseline.timing?.workerMs}
          >
            {t(`analysis.modes.${baseline.document.mode}`)} ·{' '}
            {baseline.computedAt ? t('analysis.computedAt', { time: formatComputedAt(locale, baseline.computedAt) }) : t('analysis.notSaved')}
          </p>
        )}

        {totals && (
          <div className="analysis-summary" data-testid="analysis-summary">
            <h3>
              {t('analysis.summary')}
              <span>{t('analysis.villagesPopulation', { villages: num(totals.villages), population: pop(totals.population) })}</span>
            </h3>
            {FACILITY_GROUPS.map((g) => {
              const gt = totals.groups[g];
              return (
                <div key={g} className={g === group ? 'summary-group active' : 'summary-group'} data-group={g}>
                  <div className="summary-group-name">{t(`analysis.groups.${g}`)}</div>
                  <div className="summary-row">
                    <span>{t('analysis.within', { minutes: num(gt.standard), rule: gt.ruleId })}</span>
                    <span className="num">{t('analysis.villagesPopulation', { villages: num(gt.withinVillages), population: pop(gt.withinPopulation) })}</span>
                  </div>
                  <div className={gt.beyondVillages > 0 ? 'summary-row beyond' : 'summary-row'}>
                    <span>{t('analysis.beyond', { minutes: num(gt.standard) })}</span>
                    <span className="num">{t('analysis.villagesPopulation', { villages: num(gt.beyondVillages), population: pop(gt.beyondPopulation) })}</span>
                  </div>
                  {(gt.unreachableVillages > 0 || gt.estimatedVillages > 0) && (
                    <div className="summary-note">
                      {[
                        gt.unreachableVillages > 0 ? t('analysis.unreachableCount', { n: num(gt.unreachableVillages) }) : null,
                        gt.estimatedVillages > 0 ? t('analysis.estimatedCount', { n: num(gt.estimatedVillages) }) : null,
                      ]
                        .filter(Boolean)
                        .join(locale === 'zh-CN' ? '；' : '; ')}
                    </div>
                  )}
                </div>
              );
            })}
            <div className="summary-group blank" data-testid="analysis-blank">
              <div className="summary-row">
                <span className="summary-group-name">{t('analysis.blankVillages')}</span>
                <span className="num">{t('analysis.villagesPopulation', { villages: num(totals.blankVillages), population: pop(totals.blankPopulation) })}</span>
              </div>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
