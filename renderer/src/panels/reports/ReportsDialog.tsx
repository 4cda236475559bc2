/**
 * 报表 (command file.reports): choose the report (five kinds, each with a line on what it holds),
 * PDF or XLSX, the scenario and the travel mode, then where to save it. While the service runs the
 * analysis and writes the file the choices are locked and the seconds count up; afterwards the
 * dialog shows the written path and sheets, or the error in words.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../../electron/api/errors.js';
import { REPORT_KINDS, type ApiResults, type ReportKind } from '../../../../electron/api/schema.js';
import { BASELINE_SCENARIO_ID } from '../../../../electron/domain/planning.js';
import { TRAVEL_MODES, type TravelMode } from '../../../../electron/domain/rules.js';
import { Modal } from '../../app/Dialogs.js';
import { useT } from '../../app/useT.js';
import { translate } from '../../i18n/index.js';
import { useAppStore } from '../../state/store.js';
import { REPORT_FORMAT_CHOICES, saveReport, type ReportFormat } from './reportsActions.js';

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
  const options = [{ id: BASELINE_SCENARIO_ID, name: baselineName }, ...scenarios.map((s) => ({ id: s.id, name: s.name }))];
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
      const message =
        e instanceof ApiError ? translate(useAppStore.getState().locale, `errors.${e.code}`, e.params as Record<string, string | number>) : e instanceof Error ? e.message : String(e);
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
          <div className="segmented" role="radiogroup" aria-label={t('reportsUi.format')}>
            {REPORT_FORMAT_CHOICES.map((f) => (
              <button key={f} type="button" role="radio" aria-checked={f === format} className={f === format ? 'active' : ''} disabled={running} onClick={() => setFormat(f)} data-testid={`report-format-${f}`}>
                {t(`reportsUi.formats.${f}`)}
              </button>
            ))}
          </div>
        </div>
        <label>
          <span>{t('reportsUi.scenario')}</span>
          <select value={scenarioId} disabled={running} onChange={(e) => setScenarioId(Number(e.target.value))} data-testid="report-scenario">
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <div className="compare-mode">
          <span>{t('reportsUi.mode')}</span>
          <div className="segmented" role="radiogroup" aria-label={t('reportsUi.mode')}>
            {TRAVEL_MODES.map((m) => (
              <button key={m} type="button" role="radio" aria-checked={m === mode} className={m === mode ? 'active' : ''} disabled={running} data-mode={m} onClick={() => setMode(m)}>
                {t(`analysis.modes.${m}`)}
              </button>
            ))}
          </div>
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
