/**
 * The tours tab of the dock (巡诊排班): a toolbar (depot, 生成排班 / 重新排班 with progress and
 * cancel, the view, 导出排班…), then per view — the week of the chosen depot (totals, issues in
 * words with infeasibilities first, the week calendar with hand edits and 还原), the monthly /
 * quarterly higher-level tours, or the depot's team settings.
 */
import { useEffect, useMemo, useState } from 'react';
import type { SessionSlot } from '../../../../electron/domain/tour-evaluate.js';
import type { ThcWeekPlan } from '../../../../electron/domain/tours.js';
import { cancelTours, runTours } from '../../analysis/actions.js';
import { useLocale, useT } from '../../app/useT.js';
import { selectShownCoverage } from '../../state/analysisSlice.js';
import { useAppStore } from '../../state/store.js';
import { selectShownWeekPlan, type TourView } from '../../state/tourSlice.js';
import { formatNumber } from '../format.js';
import { HigherTours } from './HigherTours.js';
import { TourSettings } from './TourSettings.js';
import { exportTours } from './toursActions.js';
import { depotOrder, sortedIssues, tourIssueText, venueNames } from './tourModel.js';
import { WeekCalendar } from './WeekCalendar.js';

const VIEWS: TourView[] = ['week', 'higher'];

export function ToursPanel() {
  const t = useT();
  const locale = useLocale();
  const plan = useAppStore((s) => s.tourPlan);
  const status = useAppStore((s) => s.tourStatus);
  const depot = useAppStore((s) => s.tourThc);
  const setDepot = useAppStore((s) => s.setTourThc);
  const edits = useAppStore((s) => s.tourEdits);
  const setEdit = useAppStore((s) => s.setTourEdit);
  const view = useAppStore((s) => s.tourView);
  const setView = useAppStore((s) => s.setTourView);
  const setHighlight = useAppStore((s) => s.setTourHighlight);
  const week = useAppStore(selectShownWeekPlan);
  const hasPlanning = useAppStore((s) => selectShownCoverage(s)?.planning != null);
  const [selected, setSelected] = useState<SessionSlot | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [files, setFiles] = useState<string[] | null>(null);
  const [exporting, setExporting] = useState(false);

  const depots = useMemo(() => (plan ? depotOrder(plan) : []), [plan]);
  // A selection belongs to one depot's week.
  useEffect(() => setSelected(null), [depot, plan]);
  // Leaving the tab: no highlighted route left behind.
  useEffect(() => () => setHighlight(null), [setHighlight]);

  const running = status.kind === 'running';
  const edited = depot !== null && edits[depot] !== undefined;

  return (
    <section className="tours-panel" data-testid="tours-panel" data-status={status.kind} data-has-plan={plan ? 'true' : 'false'} aria-label={t('toursUi.title')}>
      <div className="tours-toolbar">
        {plan && depots.length > 0 && (
          <label className="tours-depot">
            <span>{t('toursUi.depot')}</span>
            <select value={depot ?? ''} onChange={(e) => setDepot(e.target.value || null)} data-testid="tour-depot">
              {depots.map((w) => (
                <option key={w.thcCode} value={w.thcCode}>
                  {w.demands.length > 0 || w.totals.visitsPlanned > 0
                    ? t('toursUi.depotOption', { name: w.name, visits: (edits[w.thcCode] ?? w).totals.visitsPlanned, required: w.totals.visitsRequired })
                    : t('toursUi.depotNone', { name: w.name })}
                  {(edits[w.thcCode] ?? w).issues.some((i) => i.severity === 'error') ? t('toursUi.depotFlag') : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        {running ? (
          <>
            <span className="tours-running" role="status" data-testid="tours-running">
              <span className="spinner" aria-hidden="true" />
              {t('toursUi.running')}
            </span>
            <button type="button" className="button" onClick={() => cancelTours()} data-testid="tours-cancel">
              {t('toursUi.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="button primary" disabled={!hasPlanning} title={t('toursUi.generateTitle')} onClick={() => void runTours()} data-testid="tours-run">
            {plan ? t('toursUi.regenerate') : t('toursUi.generate')}
          </button>
        )}
        {status.kind === 'done' && <span className="tours-meta">{t('toursUi.done', { seconds: formatNumber(locale, status.ms / 1000, 1) })}</span>}
        {plan && (
          <div className="tours-views" role="tablist">
            {VIEWS.map((v) => (
              <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'tours-view active' : 'tours-view'} onClick={() => setView(v)} data-testid={`tours-view-${v}`}>
                {t(`toursUi.views.${v}`)}
              </button>
            ))}
          </div>
        )}
        {plan && week && view === 'week' && (
          <button type="button" className={settingsOpen ? 'button active' : 'button'} aria-pressed={settingsOpen} onClick={() => setSettingsOpen(!settingsOpen)} data-testid="tours-settings-toggle">
            {t('toursUi.views.settings')}
          </button>
        )}
        {plan && (
          <button
            type="button"
            className="button tours-export"
            disabled={exporting || running}
            onClick={() => {
              setExporting(true);
              void exportTours()
                .then((f) => f && setFiles(f))
                .finally(() => setExporting(false));
            }}
            title={t('toursUi.export.note')}
            data-testid="tours-export"
          >
            {t('toursUi.export.button')}
          </button>
        )}
      </div>
      {status.kind === 'error' && (
        <p className="tours-error" role="alert" data-testid="tours-error">
          {t('toursUi.failed', { message: status.message })}
        </p>
      )}
      {files && (
        <details className="tours-files" data-testid="tours-files" open>
          <summary>
            {t('toursUi.export.files')} ({files.length}) <button type="button" className="icon-button" onClick={() => setFiles(null)} aria-label="×">×</button>
          </summary>
          <ul>
            {files.map((f) => (
              <li key={f} className="mono">
                {f}
              </li>
            ))}
          </ul>
        </details>
      )}
      {!plan ? (
        <p className="tours-empty" data-testid="tours-empty">
          {t('toursUi.empty')}
        </p>
      ) : view === 'higher' ? (
        <HigherTours plan={plan} depot={depot} />
      ) : depots.length === 0 || !week ? (
        <p className="tours-empty">{t('toursUi.noDepots')}</p>
      ) : (
        <div className="tours-week" data-testid="tours-week" data-depot={week.thcCode} data-edited={edited ? 'true' : 'false'}>
          <aside className="tours-side">
            <Totals week={week} />
            {edited && (
              <div className="tours-edited" data-testid="tours-edited">
                <strong>{t('toursUi.edited.badge')}</strong>
                <button type="button" className="button" title={t('toursUi.edited.restoreTitle')} onClick={() => setEdit(week.thcCode, null)} data-testid="tours-restore">
                  {t('toursUi.edited.restore')}
                </button>
                <p>{t('toursUi.edited.note')}</p>
              </div>
            )}
            <Issues week={week} />
          </aside>
          <div className="tours-main">
            {settingsOpen && <TourSettings week={week} selected={selected} onClose={() => setSettingsOpen(false)} />}
            {week.days.some((d) => d.stops.length > 0) || week.config.teams > 0 ? (
              <WeekCalendar key={week.thcCode} plan={week} selected={selected} onSelect={setSelected} />
            ) : (
              <p className="tours-empty">{t('toursUi.noVisits', { name: week.name })}</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function Totals({ week }: { week: ThcWeekPlan }) {
  const t = useT();
  const locale = useLocale();
  const tt = week.totals;
  const hours = formatNumber(locale, tt.travelMinutes / 60, 1);
  const short = tt.visitsPlanned < tt.visitsRequired;
  return (
    <dl className="tours-totals" data-testid="tours-totals" data-planned={tt.visitsPlanned} data-required={tt.visitsRequired}>
      <div>
        <dt>{t('toursUi.totals.required')}</dt>
        <dd>{t('toursUi.totals.visits', { n: tt.visitsRequired })}</dd>
      </div>
      <div className={short ? 'bad' : ''}>
        <dt>{t('toursUi.totals.planned')}</dt>
        <dd>{t('toursUi.totals.visits', { n: tt.visitsPlanned })}</dd>
      </div>
      <div>
        <dt>{t('toursUi.totals.travel')}</dt>
        <dd>{tt.travelKm === null ? t('toursUi.totals.hours', { hours }) : t('toursUi.totals.hoursKm', { hours, km: formatNumber(locale, tt.travelKm, 1) })}</dd>
      </div>
      <div>
        <dt>{t('toursUi.totals.teamDays')}</dt>
        <dd>{t('toursUi.totals.days', { n: tt.teamDaysUsed })}</dd>
      </div>
      <div className={tt.extraTeamDaysNeeded > 0 ? 'bad' : ''}>
        <dt>{t('toursUi.totals.extra')}</dt>
        <dd>{t('toursUi.totals.days', { n: tt.extraTeamDaysNeeded })}</dd>
      </div>
    </dl>
  );
}

function Issues({ week }: { week: ThcWeekPlan }) {
  const t = useT();
  const locale = useLocale();
  const list = sortedIssues(week.issues);
  const errors = list.filter((i) => i.severity === 'error').length;
  const backfillNames = week.backfill.map((c) => venueNames(week, c).join('、'));
  return (
    <div className="tours-issues" data-testid="tours-issues" data-errors={errors} data-count={list.length}>
      <h3>
        {t('toursUi.issues.title')} <span className="tours-meta">{t('toursUi.issues.count', { errors, warnings: list.length - errors })}</span>
      </h3>
      {backfillNames.length > 0 && (
        <p className="tours-backfill" data-testid="tours-backfill">
          {t('toursUi.issues.backfill', { names: backfillNames.join('、') })}
        </p>
      )}
      {list.length === 0 ? (
        <p className="tours-ok">{t('toursUi.issues.none')}</p>
      ) : (
        <ul>
          {list.map((i, k) => (
            <li key={`${i.code}-${k}`} className={`issue-${i.severity}`} data-code={i.code}>
              <span className="issue-tag">{t(`toursUi.issues.${i.severity}`)}</span>
              {tourIssueText(locale, i)}
              {i.rule && !i.rule.startsWith('X.') && <span className="issue-rule"> [{i.rule.split('.')[0]}]</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

