/**
 * 导入向导: step 1 picks the layer and the file; step 2 previews what the import would do
 * (format, encoding, sheet, coordinate system, column mapping, sample rows, counts, problems,
 * the accepted points on the map) and imports. Docked beside the map, not over it, so the
 * preview points stay visible. Every change of an option re-runs previewImport.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../app/errorText.js';
import type { ImportCrs, ImportLayer, ImportPreview } from '../../../electron/api/schema.js';
import { api, host, rememberPath } from '../api/index.js';
import { reportError } from '../app/actions.js';
import { useLocale, useT } from '../app/useT.js';
import { translate } from '../i18n/index.js';
import { legendInset } from '../map/legendInset.js';
import { getMapController } from '../map/mapInstance.js';
import { useAppStore } from '../state/store.js';
import { downloadTemplate, importApplied } from './importActions.js';
import {
  TEMPLATE_LAYERS,
  UPDATABLE_LAYERS,
  WIZARD_CRS,
  WIZARD_ENCODINGS,
  WIZARD_LAYERS,
  buildOptions,
  fieldLabel,
  formatProblem,
  hasMappingTable,
  importAction,
  mappingRows,
  pointsBounds,
  withFieldMapping,
  type ImportDecisions,
  type ImportEncoding,
  type ImportMode,
  DEFAULT_DECISIONS,
  decisionsAsked,
} from './wizardModel.js';

const SAMPLE_ROWS = 5;
/** Problems drawn at once; the count above says how many there are in all. */
const PROBLEMS_SHOWN = 300;

export function ImportWizard() {
  const req = useAppStore((s) => s.importRequest);
  if (!req) return null;
  return <WizardBody key={req.seq} initialPath={req.initialPath} />;
}

function WizardBody({ initialPath }: { initialPath: string }) {
  const t = useT();
  const locale = useLocale();
  const close = useAppStore((s) => s.closeImportWizard);
  const [step, setStep] = useState<1 | 2>(1);
  const [layer, setLayer] = useState<ImportLayer>('villages');
  const [path, setPath] = useState(initialPath);
  const [pathError, setPathError] = useState(false);
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const [mode, setMode] = useState<ImportMode>('insert');
  const [decisions, setDecisions] = useState<ImportDecisions>(DEFAULT_DECISIONS);
  const [sheet, setSheet] = useState<string | null>(null);
  const [crs, setCrs] = useState<ImportCrs>('wgs84');
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  const seq = useRef(0);
  const pathRef = useRef<HTMLInputElement>(null);
  const wizardRef = useRef<HTMLDivElement>(null);
  /** File and coordinate system the map was last fitted to: a new one brings the points into view. */
  const fittedFor = useRef('');

  useEffect(() => {
    if (step === 1) requestAnimationFrame(() => pathRef.current?.focus());
  }, [step]);

  // The preview layer belongs to the wizard: gone when it closes.
  useEffect(() => () => getMapController()?.setImportPreview(null), []);

  useEffect(() => {
    if (step !== 2) return;
    const n = ++seq.current;
    setLoading(true);
    api
      .previewImport({ path, options: buildOptions({ layer, crs, encoding, sheet, mapping, mode, decisions }) })
      .then((p) => {
        if (n !== seq.current) return; // a newer option change is on its way
        setPreview(p);
        setError(null);
        const map = getMapController();
        map?.setImportPreview(p.points);
        const key = `${path}\n${crs}`;
        const bounds = pointsBounds(p.points);
        if (map && bounds && fittedFor.current !== key) {
          fittedFor.current = key;
          map.fitTo(bounds, legendInset(), (wizardRef.current?.offsetWidth ?? 0) + 12);
        }
      })
      .catch((e: unknown) => {
        if (n !== seq.current) return;
        setPreview(null);
        setError(errorText(e, (key, params) => translate(locale, key, params)));
        getMapController()?.setImportPreview([]);
      })
      .finally(() => {
        if (n === seq.current) setLoading(false);
      });
    // locale only changes the error's wording; not worth a new preview
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step, path, layer, encoding, sheet, crs, mapping, mode, decisions]);

  const cancel = useCallback(() => close(), [close]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useAppStore.getState();
      if (e.key === 'Escape' && !s.pathRequest && !s.confirmRequest) cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cancel]);

  const toPreview = () => {
    const p = path.trim();
    if (!p) {
      setPathError(true);
      return;
    }
    if (host.door === 'browser') rememberPath(p);
    setPath(p);
    setMapping(null);
    setSheet(null);
    setPreview(null);
    setStep(2);
  };

  const apply = async () => {
    if (!preview) return;
    const action = importAction(preview);
    if (action.disabled) return;
    setApplying(true);
    try {
      const outcome = await api.applyImport({
        path,
        options: buildOptions({ layer, crs, encoding, sheet, mapping, mode, decisions }),
        skipInvalid: action.skipInvalid,
      });
      close();
      await importApplied(outcome.inserted, outcome.updated);
    } catch (e) {
      reportError(e);
      setApplying(false);
    }
  };

  const title = `${t('importWizard.title')} — ${t(step === 1 ? 'importWizard.step1' : 'importWizard.step2')}`;
  return (
    <div ref={wizardRef} className="import-wizard" role="dialog" aria-label={title} data-testid="import-wizard" data-step={step} data-loading={loading}>
      <h2 className="modal-title">{title}</h2>
      {step === 1 ? (
        <form
          className="import-body"
          onSubmit={(e) => {
            e.preventDefault();
            toPreview();
          }}
        >
          <label className="field">
            <span>{t('importWizard.layer')}</span>
            <select value={layer} onChange={(e) => setLayer(e.target.value as ImportLayer)} data-testid="import-layer">
              {WIZARD_LAYERS.map((l) => (
                <option key={l} value={l}>
                  {t(`importWizard.layers.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <p className="modal-text small">{t(`importWizard.layerHint.${layer}`)}</p>
          <label className="field">
            <span>{t('dialog.pathLabel')}</span>
            <input
              ref={pathRef}
              type="text"
              value={path}
              spellCheck={false}
              autoComplete="off"
              placeholder={t('importWizard.pathPlaceholder')}
              onChange={(e) => {
                setPath(e.target.value);
                setPathError(false);
              }}
              aria-invalid={pathError}
              data-testid="import-path"
            />
          </label>
          {host.door === 'electron' && (
            <button
              type="button"
              className="btn"
              data-testid="import-browse"
              onClick={async () => {
                const chosen = await host.showOpenDialog('data');
                if (chosen) {
                  setPath(chosen);
                  setPathError(false);
                }
              }}
            >
              {t('importWizard.browse')}
            </button>
          )}
          {pathError && <p className="field-error">{t('dialog.pathRequired')}</p>}
          <p className="modal-text small">{t(host.door === 'browser' ? 'dialog.pathExplain' : 'importWizard.pathExplainElectron')}</p>
          <div className="modal-actions">
            {TEMPLATE_LAYERS.includes(layer) && (
              <button type="button" className="align-left" onClick={() => void downloadTemplate(layer)} data-testid="import-template">
                {t('importWizard.downloadTemplate')}
              </button>
            )}
            <button type="button" onClick={cancel}>
              {t('dialog.cancel')}
            </button>
            <button type="submit" className="primary" data-testid="import-next">
              {t('importWizard.next')}
            </button>
          </div>
        </form>
      ) : (
        <div className="import-body">
          <p className="modal-text small" data-testid="import-file">
            {t(`importWizard.layers.${layer}`)} ← {path}
          </p>
          {error && (
            <p className="import-error" role="alert" data-testid="import-error">
              {error}
            </p>
          )}
          {preview && (
            <p className="modal-text small" data-testid="import-format">
              {t('importWizard.detected', {
                format: t(`importWizard.formats.${preview.format}`),
                encoding: preview.encoding ? preview.encoding.toUpperCase() : '—',
              })}
            </p>
          )}
          <div className="import-options">
            {(preview === null || preview.encoding !== null) && (
              <label className="field inline">
                <span>{t('importWizard.encoding')}</span>
                <select value={encoding} onChange={(e) => setEncoding(e.target.value as ImportEncoding)} data-testid="import-encoding">
                  {WIZARD_ENCODINGS.map((v) => (
                    <option key={v} value={v}>
                      {t(`importWizard.encodings.${v}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {preview && preview.format === 'xlsx' && preview.sheets.length > 0 && (
              <label className="field inline">
                <span>{t('importWizard.sheet')}</span>
                <select value={sheet ?? preview.sheets[0]} onChange={(e) => setSheet(e.target.value)} data-testid="import-sheet">
                  {preview.sheets.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {UPDATABLE_LAYERS.includes(layer) && (
              <label className="field inline">
                <span>{t('importWizard.mode')}</span>
                <select value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} data-testid="import-mode">
                  <option value="insert">{t('importWizard.modes.insert')}</option>
                  <option value="update">{t('importWizard.modes.update')}</option>
                </select>
              </label>
            )}
            <label className="field inline">
              <span>{t('importWizard.crs')}</span>
              <select value={crs} onChange={(e) => setCrs(e.target.value as ImportCrs)} data-testid="import-crs">
                {WIZARD_CRS.map((c) => (
                  <option key={c} value={c}>
                    {t(`importWizard.crsNames.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            {loading && <span className="import-loading">{t('importWizard.previewing')}</span>}
          </div>

          {preview && preview.crsWarnings.length > 0 && (
            <div className="import-crs-warnings" role="alert" data-testid="import-crs-warnings">
              <strong>{t('importWizard.crsWarningTitle')}</strong>
              <ul>
                {preview.crsWarnings.slice(0, 5).map((p, i) => (
                  <li key={i}>{formatProblem(locale, p)}</li>
                ))}
              </ul>
              <span>{t('importWizard.crsWarningHint')}</span>
            </div>
          )}

          {preview && (
            <p className="import-counts" data-testid="import-counts" data-accepted={preview.accepted} data-rejected={preview.rejected}>
              {t('importWizard.counts', {
                rows: preview.rows,
                accepted: preview.accepted,
                rejected: preview.rejected,
                inserts: preview.inserts,
                updates: preview.updates,
              })}
            </p>
          )}

          {preview && decisionsAsked(preview).length > 0 && (
            <div className="import-decisions" data-testid="import-decisions">
              {decisionsAsked(preview).map((d) => (
                <label key={d} className="field inline">
                  <input
                    type="checkbox"
                    checked={decisions[d]}
                    onChange={(e) => setDecisions({ ...decisions, [d]: e.target.checked })}
                    data-testid={`import-decision-${d}`}
                  />
                  <span>{t(`importWizard.decisions.${d}`)}</span>
                </label>
              ))}
            </div>
          )}

          {preview && preview.changes.length > 0 && (
            <>
              <h3 className="import-subtitle">{t('importWizard.changesTitle', { n: preview.updates })}</h3>
              <div className="import-scroll import-sample">
                <table className="import-table" data-testid="import-changes">
                  <thead>
                    <tr>
                      <th>{t('importWizard.changeRecord')}</th>
                      <th>{t('importWizard.changeField')}</th>
                      <th>{t('importWizard.changeFrom')}</th>
                      <th>{t('importWizard.changeTo')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.changes.slice(0, 200).map((c, i) => (
                      <tr key={i}>
                        <td>
                          {c.name} <span className="muted">{c.code}</span>
                        </td>
                        <td>{c.field === 'location' ? t('importWizard.changeLocation') : fieldLabel(locale, c.field)}</td>
                        <td>{c.from}</td>
                        <td>{c.to}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}

          {preview && hasMappingTable(preview) && <MappingTable layer={layer} preview={preview} onChange={setMapping} />}

          {preview && preview.sample.length > 0 && (
            <>
              <h3 className="import-subtitle">{t('importWizard.sampleTitle', { n: Math.min(SAMPLE_ROWS, preview.sample.length) })}</h3>
              <div className="import-scroll import-sample">
                <table className="import-table" data-testid="import-sample">
                  <thead>
                    <tr>
                      {preview.columns.map((c) => (
                        <th key={c}>{c}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.sample.slice(0, SAMPLE_ROWS).map((row, i) => (
                      <tr key={i}>
                        {preview.columns.map((c) => (
                          <td key={c}>{row[c] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}

          {preview && (
            <>
              <h3 className="import-subtitle">{t('importWizard.problemsTitle', { n: preview.problems.length })}</h3>
              {preview.problems.length === 0 ? (
                <p className="modal-text small" data-testid="import-problems" data-count={0}>
                  {t('importWizard.noProblems')}
                </p>
              ) : (
                <ul className="import-scroll import-problems" data-testid="import-problems" data-count={preview.problems.length}>
                  {preview.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
                    <li key={i}>{formatProblem(locale, p)}</li>
                  ))}
                  {preview.problems.length > PROBLEMS_SHOWN && <li className="muted">{t('importWizard.moreProblems', { n: preview.problems.length - PROBLEMS_SHOWN })}</li>}
                </ul>
              )}
            </>
          )}

          <ApplyBar
            preview={preview}
            busy={loading || applying}
            onBack={() => {
              setStep(1);
              setPreview(null);
              setError(null);
              getMapController()?.setImportPreview(null);
            }}
            onCancel={cancel}
            onApply={() => void apply()}
          />
        </div>
      )}
    </div>
  );
}

function MappingTable({ layer, preview, onChange }: { layer: ImportLayer; preview: ImportPreview; onChange(mapping: Record<string, string>): void }) {
  const t = useT();
  const locale = useLocale();
  const rows = mappingRows(layer, preview);
  return (
    <>
      <h3 className="import-subtitle">{t('importWizard.mappingTitle')}</h3>
      {preview.missingRequired.length > 0 && (
        <p className="import-error" data-testid="import-missing">
          {t('importWizard.missingRequired', { fields: preview.missingRequired.map((f) => fieldLabel(locale, f)).join('、') })}
        </p>
      )}
      <table className="import-table import-mapping" data-testid="import-mapping">
        <thead>
          <tr>
            <th>{t('importWizard.targetField')}</th>
            <th>{t('importWizard.sourceColumn')}</th>
            <th>{t('importWizard.firstValue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field} className={r.missing ? 'missing' : undefined} data-field={r.field}>
              <td>
                {fieldLabel(locale, r.field)}
                {r.required && (
                  <span className="required" title={t('importWizard.required')}>
                    {' '}
                    *
                  </span>
                )}
              </td>
              <td>
                <select
                  value={r.column ?? ''}
                  aria-invalid={r.missing}
                  data-testid={`import-map-${r.field}`}
                  onChange={(e) => onChange(withFieldMapping(preview.mapping, r.field, e.target.value || null))}
                >
                  <option value="">{t('importWizard.noColumn')}</option>
                  {preview.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </td>
              <td className="muted">{r.sample}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ApplyBar({
  preview,
  busy,
  onBack,
  onCancel,
  onApply,
}: {
  preview: ImportPreview | null;
  busy: boolean;
  onBack(): void;
  onCancel(): void;
  onApply(): void;
}) {
  const t = useT();
  const action = importAction(preview);
  return (
    <div className="import-apply">
      {preview && action.skipInvalid && <p className="modal-text small">{t('importWizard.skipNote', { n: action.rejected })}</p>}
      <div className="modal-actions">
        <button type="button" className="align-left" onClick={onBack} data-testid="import-back">
          {t('importWizard.back')}
        </button>
        <button type="button" onClick={onCancel} data-testid="import-cancel">
          {t('importWizard.cancelAll')}
        </button>
        <button type="button" className="primary" disabled={action.disabled || busy} onClick={onApply} data-testid="import-apply">
          {t(action.labelKey, { n: action.accepted })}
        </button>
      </div>
    </div>
  );
}
