/**
 * 方案比较 (command scenario.compare): pick scenarios A and B (default: the baseline against the
 * active one) and a travel mode, run api.compareScenarios (both analysed in the service, with a
 * progress line while it runs), then a table of the figures with A, B and B − A coloured better /
 * worse, a grouped bar chart of the key figures, and a CSV export.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioSummary } from '../../../../electron/domain/planning.js';
import { BASELINE_SCENARIO_ID } from '../../../../electron/domain/planning.js';
import { TRAVEL_MODES, type TravelMode } from '../../../../electron/domain/rules.js';
import { api } from '../../api/index.js';
import { Modal } from '../../app/Dialogs.js';
import { reportScenarioError } from '../../app/scenarioActions.js';
import { useT } from '../../app/useT.js';
import { errorText } from '../../app/errorText.js';
import { translate } from '../../i18n/index.js';
import { useAppStore } from '../../state/store.js';
import { ScenarioCompareChart } from '../charts/ScenarioCompareChart.js';
import { formatNumber } from '../format.js';
import { compareCsv, compareRows, type CompareRow, type CompareSection } from './compareModel.js';
import { Segmented } from '../Segmented.js';
import { ScenarioSelect, scenarioOptions } from './ScenarioSelect.js';

type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; started: number }
  | { kind: 'done'; a: ScenarioSummary; b: ScenarioSummary; mode: TravelMode }
  | { kind: 'error'; message: string };

const SECTIONS: CompareSection[] = ['coverage', 'modes', 'staff', 'roster', 'tiers'];

export function CompareDialog() {
  const open = useAppStore((s) => s.compareOpen);
  const hasProject = useAppStore((s) => s.summary !== null);
  if (!open || !hasProject) return null;
  return <CompareBody />;
}

function CompareBody() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const scenarios = useAppStore((s) => s.scenarios);
  const activeId = useAppStore((s) => s.activeScenarioId);
  const analysisMode = useAppStore((s) => s.analysisMode);
  const setOpen = useAppStore((s) => s.setCompareOpen);
  const [a, setA] = useState(BASELINE_SCENARIO_ID);
  const [b, setB] = useState(() => (activeId !== BASELINE_SCENARIO_ID ? activeId : (scenarios[0]?.id ?? BASELINE_SCENARIO_ID)));
  const [mode, setMode] = useState<TravelMode>(analysisMode);
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const [elapsed, setElapsed] = useState(0);
  const runId = useRef(0);

  const nameOf = useCallback((id: number) => (id === BASELINE_SCENARIO_ID ? t('scenariosUi.panel.baseline') : (scenarios.find((s) => s.id === id)?.name ?? `#${id}`)), [scenarios, t]);
  const options = scenarioOptions(scenarios, t('scenariosUi.panel.baseline'));

  const run = useCallback(async () => {
    const id = ++runId.current;
    setState({ kind: 'running', started: performance.now() });
    try {
      const result = await api.compareScenarios({ a, b, mode });
      if (id === runId.current) setState({ kind: 'done', a: result.a, b: result.b, mode });
    } catch (e) {
      if (id !== runId.current) return;
      const message = errorText(e, (key, params) => translate(useAppStore.getState().locale, key, params));
      setState({ kind: 'error', message });
      reportScenarioError(e);
    }
  }, [a, b, mode]);

  // Compares the defaults as soon as the dialog opens (two different scenarios).
  const autoRan = useRef(false);
  useEffect(() => {
    if (autoRan.current) return;
    autoRan.current = true;
    if (a !== b) void run();
  }, [a, b, run]);

  useEffect(() => {
    if (state.kind !== 'running') return;
    setElapsed(0);
    const timer = window.setInterval(() => setElapsed(Math.round((performance.now() - state.started) / 1000)), 500);
    return () => window.clearInterval(timer);
  }, [state]);

  // Closing forgets a comparison under way (its answer is ignored).
  const close = useCallback(() => {
    runId.current++;
    setOpen(false);
  }, [setOpen]);

  const rows = useMemo(() => (state.kind === 'done' ? compareRows(state.a, state.b) : []), [state]);
  const nameA = state.kind === 'done' ? state.a.name || nameOf(state.a.scenarioId) : nameOf(a);
  const nameB = state.kind === 'done' ? state.b.name || nameOf(state.b.scenarioId) : nameOf(b);

  const exportCsv = () => {
    const csv = compareCsv(rows, [t('scenariosUi.compare.figure'), `A ${nameA}`, `B ${nameB}`, t('scenariosUi.compare.delta')], (r) => `${t(r.labelKey)}（${t(`scenariosUi.compare.units.${r.unitKey}`)}）`);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('scenariosUi.compare.csvFile', { a: nameA, b: nameB }).replace(/[\\/:*?"<>|]/g, '_');
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const running = state.kind === 'running';
  return (
    <Modal title={t('scenariosUi.compare.title')} onClose={close} testId="compare-dialog" wide>
      <div className="compare-controls">
        <ScenarioSelect label={t('scenariosUi.compare.a')} options={options} value={a} disabled={running} testId="compare-a" onChange={setA} />
        <ScenarioSelect label={t('scenariosUi.compare.b')} options={options} value={b} disabled={running} testId="compare-b" onChange={setB} />
        <div className="compare-mode">
          <span>{t('scenariosUi.compare.mode')}</span>
          <Segmented label={t('scenariosUi.compare.mode')} options={TRAVEL_MODES} value={mode} dataKey="data-mode" disabled={running} text={(m) => t(`analysis.modes.${m}`)} onPick={setMode} />
        </div>
        <button type="button" className="button primary" disabled={running} onClick={() => void run()} data-testid="compare-run">
          {t('scenariosUi.compare.run')}
        </button>
      </div>

      <div className="compare-status" data-testid="compare-status" data-state={state.kind}>
        {state.kind === 'idle' && <p className="panel-hint">{t('scenariosUi.compare.hint')}</p>}
        {running && (
          <p className="compare-running" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('scenariosUi.compare.running', { s: formatNumber(locale, elapsed) })}
          </p>
        )}
        {state.kind === 'error' && <p className="panel-hint warn">{t('scenariosUi.compare.failed', { message: state.message })}</p>}
      </div>

      {state.kind === 'done' && (
        <div className="compare-result">
          <div className="compare-table-wrap">
            <table className="compare-table" data-testid="compare-table" data-mode={state.mode}>
              <thead>
                <tr>
                  <th>{t('scenariosUi.compare.figure')}</th>
                  <th className="num" title={nameA}>
                    A · {nameA}
                  </th>
                  <th className="num" title={nameB}>
                    B · {nameB}
                  </th>
                  <th className="num">{t('scenariosUi.compare.delta')}</th>
                </tr>
              </thead>
              {SECTIONS.map((section) => (
                <tbody key={section}>
                  <tr className="compare-section">
                    <th colSpan={4}>{t(`scenariosUi.compare.sections.${section}`)}</th>
                  </tr>
                  {rows
                    .filter((r) => r.section === section)
                    .map((r) => (
                      <CompareTableRow key={r.key} row={r} />
                    ))}
                </tbody>
              ))}
            </table>
            <p className="compare-legend">
              <span className="delta-better">{t('scenariosUi.compare.legendBetter')}</span>
              <span className="delta-worse">{t('scenariosUi.compare.legendWorse')}</span>
            </p>
          </div>
          <ScenarioCompareChart rows={rows} nameA={nameA} nameB={nameB} />
        </div>
      )}

      <div className="modal-actions">
        <button type="button" className="align-left" disabled={state.kind !== 'done'} onClick={exportCsv} data-testid="compare-export">
          {t('scenariosUi.compare.exportCsv')}
        </button>
        <button type="button" className="primary" onClick={close}>
          {t('scenariosUi.compare.close')}
        </button>
      </div>
    </Modal>
  );
}

function CompareTableRow({ row: r }: { row: CompareRow }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const digits = r.unitKey === 'visits' ? 1 : 0;
  const n = (v: number) => formatNumber(locale, v, digits);
  const delta = r.delta === 0 ? '0' : `${r.delta > 0 ? '+' : '−'}${formatNumber(locale, Math.abs(r.delta), digits)}`;
  const verdictText = r.verdict === 'better' ? t('scenariosUi.compare.better') : r.verdict === 'worse' ? t('scenariosUi.compare.worse') : undefined;
  return (
    <tr data-row={r.key} data-a={r.a} data-b={r.b} data-delta={r.delta} data-verdict={r.verdict}>
      <td>
        {t(r.labelKey)}
        <span className="compare-unit">{t(`scenariosUi.compare.units.${r.unitKey}`)}</span>
      </td>
      <td className="num">{n(r.a)}</td>
      <td className="num">{n(r.b)}</td>
      <td className={`num delta-${r.verdict}`} title={verdictText}>
        {delta}
        {verdictText && <span className="visually-hidden">（{verdictText}）</span>}
      </td>
    </tr>
  );
}
