/**
 * The posting roster (dock tab 派驻名单): the active scenario's postings (the project's roster with
 * the scenario's posting edits) with the roster check's issues per posting, flagged rows, a
 * "只看问题" filter, and a summary strip (people, postings, half-release share, person-months,
 * subsidy, roster-wide issues). In a stored scenario a posting can be removed (and restored) or
 * its release, days per week and dates changed; each change re-runs the analysis.
 */
import { Fragment, useEffect, useMemo, useState } from 'react';
import { applyScenario, EMPTY_SCENARIO_PAYLOAD, type RosterIssue, type RosterSummary } from '../../../../electron/domain/planning.js';
import { RELEASES, type Release } from '../../../../electron/domain/types.js';
import { editActiveScenario, loadPostings } from '../../app/scenarioActions.js';
import { useT, type TFunction } from '../../app/useT.js';
import { rosterIssueText } from '../../i18n/planning-format.js';
import type { Locale } from '../../i18n/index.js';
import { getMapController } from '../../map/mapInstance.js';
import { selectPlanning, selectShownCoverage } from '../../state/analysisSlice.js';
import { selectActiveScenario } from '../../state/scenarioSlice.js';
import { useAppStore } from '../../state/store.js';
import { formatNumber } from '../format.js';
import { removePosting, updatePosting } from './payload.js';
import { filterRosterRows, rosterCounts, rosterLevelIssues, rosterRows, type RosterRow } from './rosterModel.js';

const COLUMNS = ['person', 'title', 'profession', 'from', 'to', 'term', 'months', 'release', 'days', 'issues'] as const;
const NUM_COLUMNS: ReadonlySet<string> = new Set(['months', 'days']);

export function RosterPanel() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const summary = useAppStore((s) => s.summary);
  const postings = useAppStore((s) => s.postings);
  const layers = useAppStore((s) => s.layers);
  const active = useAppStore(selectActiveScenario);
  // A what-if session moves facilities, not postings: its result may come without the roster check; the scenario's run has it.
  const planning = useAppStore(selectPlanning);
  const busy = useAppStore((s) => s.scenarioBusy);
  const running = useAppStore((s) => s.analysisStatus.kind === 'running');
  const [issuesOnly, setIssuesOnly] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);

  // The roster as stored: loaded when the tab opens and again whenever the project data reloads
  // (an import or undo replaces the summary object).
  useEffect(() => {
    if (summary) void loadPostings();
  }, [summary]);

  const payload = active?.payload ?? EMPTY_SCENARIO_PAYLOAD;
  const issues: RosterIssue[] = useMemo(() => planning?.roster.issues ?? [], [planning]);
  const rows = useMemo(() => {
    if (!postings) return [];
    const applied = applyScenario([], postings, { ...payload, facilityEdits: [] }).postings;
    const names = new Map((layers.facilities?.features ?? []).map((f) => [f.properties.code, f.properties.name] as const));
    const villages = new Map((layers.villages?.features ?? []).map((f) => [f.properties.code, f.properties.name] as const));
    return rosterRows(applied, postings, issues, active ? payload : null, {
      facility: (c) => names.get(c) ?? null,
      village: (c) => villages.get(c) ?? null,
    });
  }, [postings, payload, active, issues, layers.facilities, layers.villages]);
  const shown = useMemo(() => filterRosterRows(rows, issuesOnly), [rows, issuesOnly]);
  const counts = useMemo(() => rosterCounts(rows), [rows]);
  const levelIssues = useMemo(() => rosterLevelIssues(issues), [issues]);
  const editable = active !== null && !summary?.readOnly;
  const disabled = busy || running;

  const onRow = (r: RosterRow) => {
    const s = useAppStore.getState();
    if (r.toKind === 'institution') {
      const f = s.layers.facilities?.features.find((x) => x.properties.code === r.toCode);
      if (f) {
        s.select({ layer: 'facilities', id: f.id });
        if (f.geometry.type === 'Point') getMapController()?.flyTo(f.geometry.coordinates);
      }
    } else if (r.toKind === 'village') {
      const v = s.layers.villages?.features.find((x) => x.properties.code === r.toCode);
      if (v) {
        s.select({ layer: 'villages', id: v.id });
        if (v.geometry.type === 'Point') getMapController()?.flyTo(v.geometry.coordinates);
      }
    }
  };

  return (
    <section className="roster-panel" aria-label={t('scenariosUi.roster.title')} data-testid="roster-panel">
      <div className="dock-toolbar">
        <h3>{t('scenariosUi.roster.title')}</h3>
        <label>
          <input type="checkbox" checked={issuesOnly} onChange={(e) => setIssuesOnly(e.target.checked)} data-testid="roster-issues-only" />
          {t('scenariosUi.roster.issuesOnly')}
        </label>
        {planning && counts.flagged > 0 && (
          <span className="roster-flag-count" data-testid="roster-flagged">
            {t('scenariosUi.roster.flagged', { n: formatNumber(locale, counts.flagged) })}
          </span>
        )}
        {!editable && <span className="muted roster-note">{t('scenariosUi.roster.baselineHint')}</span>}
        <span className="dock-count" data-testid="roster-count">
          {t('scenariosUi.roster.count', { shown: formatNumber(locale, shown.length), total: formatNumber(locale, rows.length) })}
        </span>
      </div>
      {planning ? <SummaryStrip t={t} locale={locale} summary={planning.roster.summary} levelIssues={levelIssues} facilityName={(c) => layers.facilities?.features.find((f) => f.properties.code === c)?.properties.name ?? c} /> : null}
      <div className="table-scroll">
        {postings === null ? (
          <p className="panel-hint">{t('scenariosUi.roster.loading')}</p>
        ) : postings.length === 0 ? (
          <p className="panel-hint">{t('scenariosUi.roster.empty')}</p>
        ) : (
          <>
            {!planning && <p className="panel-hint">{t(selectHasDoc() ? 'scenariosUi.roster.noPlanning' : 'scenariosUi.roster.noRun')}</p>}
            <table className="data-table roster-table" data-testid="roster-table">
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c} className={NUM_COLUMNS.has(c) ? 'num' : undefined} data-column={c}>
                      {t(`scenariosUi.roster.columns.${c}`)}
                    </th>
                  ))}
                  {editable && <th data-column="actions">{t('scenariosUi.roster.columns.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <Fragment key={r.id}>
                    <Row t={t} locale={locale} row={r} editable={editable} disabled={disabled} onClick={onRow} onEdit={() => setEditing(editing === r.id ? null : r.id)} />
                    {r.issues.length > 0 && !r.removed && (
                      // The issue texts under the posting, across the table (readable without scrolling sideways).
                      <tr className={`roster-issue-row flag-${r.severity}`} data-issues-of={r.id} onClick={() => onRow(r)}>
                        <td colSpan={COLUMNS.length + (editable ? 1 : 0)}>
                          <ul>
                            {r.issues.map((i, k) => (
                              <li key={k} className={`issue-${i.severity}`} data-rule={i.rule} data-code={i.code}>
                                {rosterIssueText(locale, i)}
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    )}
                    {editing === r.id && editable && !r.removed && (
                      <tr className="roster-editor-row">
                        <td colSpan={COLUMNS.length + 1}>
                          <PostingEditor
                            t={t}
                            row={r}
                            disabled={disabled}
                            onCancel={() => setEditing(null)}
                            onApply={(patch) => {
                              setEditing(null);
                              void editActiveScenario((p) => updatePosting(p, r.id, patch));
                            }}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
            {shown.length === 0 && <p className="panel-hint">{t('scenariosUi.roster.emptyFilter')}</p>}
          </>
        )}
      </div>
    </section>
  );
}

function selectHasDoc(): boolean {
  return selectShownCoverage(useAppStore.getState()) !== null;
}

function SummaryStrip({ t, locale, summary, levelIssues, facilityName }: { t: TFunction; locale: Locale; summary: RosterSummary; levelIssues: RosterIssue[]; facilityName(code: string): string }) {
  const num = (n: number, d = 0) => formatNumber(locale, n, d);
  const items: [string, string, string][] = [
    ['people', t('scenariosUi.roster.summary.people'), num(summary.people)],
    ['postings', t('scenariosUi.roster.summary.postings'), num(summary.postings)],
    ['halfShare', t('scenariosUi.roster.summary.halfShare'), `${num(summary.halfReleaseShare * 100, 1)}%`],
    ['personMonths', t('scenariosUi.roster.summary.personMonths'), num(summary.personMonths, 1)],
    ['subsidy', t('scenariosUi.roster.summary.subsidy'), num(summary.subsidyCny)],
    ['covered', t('scenariosUi.roster.summary.covered'), num(summary.institutionsCovered)],
  ];
  return (
    <div className="roster-summary" data-testid="roster-summary">
      <dl>
        {items.map(([k, label, value]) => (
          <div key={k} data-figure={k}>
            <dt>{label}</dt>
            <dd className="num">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="roster-level-issues" data-testid="roster-level-issues">
        {levelIssues.length === 0 ? (
          <span className="muted">{t('scenariosUi.roster.noLevelIssues')}</span>
        ) : (
          <details open={levelIssues.length <= 3}>
            <summary>{t('scenariosUi.roster.levelIssues', { n: num(levelIssues.length) })}</summary>
            <ul>
              {levelIssues.map((i, k) => (
                <li key={k} className={`issue-${i.severity}`} data-rule={i.rule} data-code={i.code}>
                  {i.institution ? <strong>{facilityName(i.institution)}：</strong> : null}
                  {rosterIssueText(locale, i)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </div>
  );
}

function Row({ t, locale, row: r, editable, disabled, onClick, onEdit }: { t: TFunction; locale: Locale; row: RosterRow; editable: boolean; disabled: boolean; onClick(r: RosterRow): void; onEdit(): void }) {
  const cls = [r.severity ? `flag-${r.severity}` : '', r.removed ? 'removed' : '', r.edited ? 'edited' : ''].filter(Boolean).join(' ') || undefined;
  const to = r.toKind === 'village' ? t('scenariosUi.roster.village', { name: r.toName }) : r.toName || '–';
  return (
    <tr
      className={cls}
      onClick={() => onClick(r)}
      data-posting-id={r.id}
      data-title={r.titleLevel}
      data-release={r.release}
      data-days={r.daysPerWeek}
      data-flagged={r.issues.length > 0 ? 'true' : 'false'}
      data-rules={r.issues.map((i) => i.rule).join(' ')}
    >
      <td>
        {r.severity && (
          <span className={`flag-dot ${r.severity}`} aria-hidden="true">
            ●
          </span>
        )}
        {r.person}
      </td>
      <td className={r.issues.some((i) => i.params.field === 'titleLevel' || /title/i.test(i.code)) ? 'cell-warn' : undefined}>{t(`scenariosUi.roster.titles.${r.titleLevel}`)}</td>
      <td>{r.profession}</td>
      <td title={r.fromCode}>{r.fromName}</td>
      <td title={r.toCode}>{to}</td>
      <td className="mono">
        {r.startDate} – {r.endDate}
      </td>
      <td className="num">{r.months === null ? '–' : formatNumber(locale, r.months, 1)}</td>
      <td className={r.release === 'half' ? 'cell-note' : undefined}>{t(`scenariosUi.roster.releases.${r.release}`)}</td>
      <td className="num">{formatNumber(locale, r.daysPerWeek, 1)}</td>
      <td className="roster-issues-cell">
        {r.removed ? (
          <span className="muted">{t('scenariosUi.roster.removed')}</span>
        ) : r.issues.length > 0 ? (
          r.issues.map((i, k) => (
            <span key={k} className={`rule-chip ${i.severity}`} title={rosterIssueText(locale, i)}>
              {i.rule.split('.')[0]}
            </span>
          ))
        ) : r.edited ? (
          <span className="muted">{t('scenariosUi.roster.edited')}</span>
        ) : (
          ''
        )}
      </td>
      {editable && (
        <td className="roster-actions" onClick={(e) => e.stopPropagation()}>
          {r.removed ? (
            <RestoreButton t={t} id={r.id} disabled={disabled} />
          ) : (
            <>
              <button type="button" className="link-button" disabled={disabled} onClick={onEdit} data-testid="roster-edit">
                {t('scenariosUi.roster.edit')}
              </button>
              <button type="button" className="link-button danger" disabled={disabled} onClick={() => void editActiveScenario((p) => removePosting(p, r.id))} data-testid="roster-remove">
                {t('scenariosUi.roster.remove')}
              </button>
            </>
          )}
        </td>
      )}
    </tr>
  );
}

function RestoreButton({ t, id, disabled }: { t: TFunction; id: number; disabled: boolean }) {
  return (
    <button
      type="button"
      className="link-button"
      disabled={disabled}
      data-testid="roster-restore"
      onClick={() => void editActiveScenario((p) => ({ ...p, postingEdits: p.postingEdits.filter((e) => !(e.op === 'remove' && e.id === id)) }))}
    >
      {t('scenariosUi.roster.restore')}
    </button>
  );
}

function PostingEditor({ t, row, disabled, onCancel, onApply }: { t: TFunction; row: RosterRow; disabled: boolean; onCancel(): void; onApply(patch: { release?: Release; daysPerWeek?: number; startDate?: string; endDate?: string }): void }) {
  const [release, setRelease] = useState<Release>(row.release);
  const [days, setDays] = useState(String(row.daysPerWeek));
  const [start, setStart] = useState(row.startDate);
  const [end, setEnd] = useState(row.endDate);
  const daysNum = Number(days);
  const daysOk = days.trim() !== '' && Number.isFinite(daysNum) && daysNum >= 0.5 && daysNum <= 7;
  const datesOk = /^\d{4}-\d{2}-\d{2}$/.test(start) && /^\d{4}-\d{2}-\d{2}$/.test(end) && start <= end;
  const patch: { release?: Release; daysPerWeek?: number; startDate?: string; endDate?: string } = {};
  if (release !== row.release) patch.release = release;
  if (daysOk && daysNum !== row.daysPerWeek) patch.daysPerWeek = daysNum;
  if (start !== row.startDate) patch.startDate = start;
  if (end !== row.endDate) patch.endDate = end;
  const changed = Object.keys(patch).length > 0;
  return (
    <form
      className="posting-editor"
      aria-label={t('scenariosUi.roster.editTitle', { person: row.person })}
      data-testid="posting-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (daysOk && datesOk && changed) onApply(patch);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <strong>{t('scenariosUi.roster.editTitle', { person: row.person })}</strong>
      <label>
        {t('scenariosUi.roster.columns.release')}
        <select value={release} onChange={(e) => setRelease(e.target.value as Release)} data-testid="posting-release" autoFocus>
          {RELEASES.map((r) => (
            <option key={r} value={r}>
              {t(`scenariosUi.roster.releases.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('scenariosUi.roster.columns.days')}
        <input type="number" min={0.5} max={7} step={0.5} value={days} onChange={(e) => setDays(e.target.value)} aria-invalid={!daysOk} data-testid="posting-days" />
      </label>
      <label>
        {t('scenariosUi.roster.startDate')}
        <input type="date" value={start} onChange={(e) => setStart(e.target.value)} aria-invalid={!datesOk} data-testid="posting-start" />
      </label>
      <label>
        {t('scenariosUi.roster.endDate')}
        <input type="date" value={end} onChange={(e) => setEnd(e.target.value)} aria-invalid={!datesOk} data-testid="posting-end" />
      </label>
      {!datesOk && <span className="field-error">{t('scenariosUi.roster.badDates')}</span>}
      <button type="submit" className="button primary" disabled={disabled || !daysOk || !datesOk || !changed} data-testid="posting-apply">
        {t('scenariosUi.roster.apply')}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('scenariosUi.roster.cancel')}
      </button>
    </form>
  );
}
