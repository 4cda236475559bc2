/**
 * 报表 (command file.reports): choose the report (five kinds, each with a line on what it holds),
 * PDF or XLSX, the scenario and the travel mode, then where to save it. While the service runs the
 * analysis and writes the file the choices are locked and the seconds count up; afterwards the
 * dialog shows the written path and sheets, or the error in words.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../../app/errorText.js';
import { REPORT_KINDS, type ApiResults, type ReportKind } from '../../../../electron/api/schema.js';
import { TRAVEL_MODES, type TravelMode } from '../../../../electron/domain/rules.js';
import { Modal } from '../../app/Dialogs.js';
import { useT } from '../../app/useT.js';
import { translate } from '../../i18n/index.js';
import { useAppStore } from '../../state/store.js';
import { REPORT_FORMAT_CHOICES, saveReport, type ReportFormat } from './reportsActions.js';
import { Segmented } from '../Segmented.js';
import { ScenarioSelect, scenarioOptions } from '../scenarios/ScenarioSelect.js';

type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; started: number }
  | { kind: 'done'; result: ApiResults['writeReport'] }
  | { kind: 'error'; message: string };

export function ReportsDialog() {
  const open = useAppStore((s) => s.reportsOpen);
  const hasProject = useAppStore((s) => s.summary !== null);
  if (!open || !hasProject) return null;
  return <ReportsBody />;
}

function ReportsBody() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const scenarios = useAppStore((s) => s.scenarios);
  const activeId = useAppStore((s) => s.activeScenarioId);
  const analysisMode = useAppStore((s) => s.analysisMode);
  const setOpen = useAppStore((s) => s.setReportsOpen);
  const [kind, setKind] = useState<ReportKind>('tours');
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [scenarioId, setScenarioId] = useState(activeId);
  const [mode, setMode] = useState<TravelMode>(analysisMode);
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const [elapsed, setElapsed] = useState(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const baselineName = t('scenariosUi.panel.baseline');
  const options = scenarioOptions(scenarios, baselineName);
  const scenarioName = options.find((o) => o.id === scenarioId)?.name ?? baselineName;
  const running = state.kind === 'running';

  useEffect(() => {
    if (state.kind !== 'running') return;
    setElapsed(0);
    const timer = window.setInterval(() => setElapsed(Math.round((performance.now() - state.started) / 1000)), 500);
    return () => window.clearInterval(timer);
  }, [state]);

  const save = useCallback(async () => {
    setState({ kind: 'running', started: performance.now() });
    try {
      const result = await saveReport(locale, { kind, format, scenarioId, mode }, scenarioName);
      if (mounted.current) setState(result ? { kind: 'done', result } : { kind: 'idle' });
    } catch (e) {
      const message = errorText(e, (key, params) => translate(useAppStore.getState().locale, key, params));
      if (mounted.current) setState({ kind: 'error', message });
    }
  }, [locale, kind, format, scenarioId, mode, scenarioName]);

  // The report is written even if the dialog closes meanwhile; only its answer is not shown.
  const close = useCallback(() => setOpen(false), [setOpen]);

  return (
    <Modal title={t('reportsUi.title')} onClose={close} testId="reports-dialog">
      <p className="modal-text small">{t('reportsUi.intro')}</p>
      <fieldset className="reports-kinds" disabled={running}>
        <legend>{t('reportsUi.kind')}</legend>
        {REPORT_KINDS.map((k) => (
          <label key={k} className={k === kind ? 'reports-kind active' : 'reports-kind'}>
            <input type="radio" name="report-kind" value={k} checked={k === kind} onChange={() => setKind(k)} data-testid={`report-kind-${k}`} />
            <span className="reports-kind-text">
              <strong>{t(`reportsUi.kinds.${k}.name`)}</strong>
              <span>{t(`reportsUi.kinds.${k}.description`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="compare-controls reports-controls">
        <div className="compare-mode">
          <span>{t('reportsUi.format')}</span>
          <Segmented
            label={t('reportsUi.format')}
            options={REPORT_FORMAT_CHOICES}
            value={format}
            dataKey="data-format"
            testId={(f) => `report-format-${f}`}
            disabled={running}
            text={(f) => t(`reportsUi.formats.${f}`)}
            onPick={setFormat}
          />
        </div>
        <ScenarioSelect label={t('reportsUi.scenario')} options={options} value={scenarioId} disabled={running} testId="report-scenario" onChange={setScenarioId} />
        <div className="compare-mode">
          <span>{t('reportsUi.mode')}</span>
          <Segmented label={t('reportsUi.mode')} options={TRAVEL_MODES} value={mode} dataKey="data-mode" disabled={running} text={(m) => t(`analysis.modes.${m}`)} onPick={setMode} />
        </div>
      </div>

      <div className="compare-status reports-status" data-testid="reports-status" data-state={state.kind} aria-live="polite">
        {running && (
          <p className="compare-running" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('reportsUi.running', { seconds: elapsed })}
          </p>
        )}
        {state.kind === 'done' && (
          <>
            <p className="reports-written" data-testid="reports-written">
              {t('reportsUi.written', { path: state.result.path })}
            </p>
            <p className="modal-text small">{t('reportsUi.sheets', { sheets: state.result.sheets.join(t('reportsUi.listSeparator')) })}</p>
          </>
        )}
        {state.kind === 'error' && <p className="panel-hint warn">{t('reportsUi.failed', { message: state.message })}</p>}
      </div>

      <div className="modal-actions">
        <button type="button" onClick={close}>
          {t('reportsUi.close')}
        </button>
        <button type="button" className="primary" disabled={running} onClick={() => void save()} data-testid="reports-save">
          {t('reportsUi.save')}
        </button>
      </div>
    </Modal>
  );
}
