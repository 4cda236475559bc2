/**
 * The proposals table (dock tab 'proposals'): one row per village with its proposed and
 * effective service mode, decision status, frequency, rule ids and the reason in words;
 * filterable (mode, status, township, text) and sortable. A click selects the village and flies
 * the map to it; 接受 / 拒绝 / 调整… / 撤销 record the planner's decision (see planningActions).
 */
import { showVillage } from '../showVillage.js';
import { TownshipFilter } from '../TownshipFilter.js';
import { memo, useMemo } from 'react';
import { SERVICE_MODES } from '../../../../electron/domain/planning.js';
import { acceptProposal, clearProposalDecision, openDecisionDialog } from '../../app/planningActions.js';
import { useT, type TFunction } from '../../app/useT.js';
import type { Locale } from '../../i18n/index.js';
import { modeColor } from '../../map/planningMapData.js';
import { selectPlanning, selectShownCoverage } from '../../state/analysisSlice.js';
import { useAppStore } from '../../state/store.js';
import { formatNumber } from '../format.js';
import {
  DECISION_STATUSES,
  effectivePlans,
  filterProposals,
  frequencyText,
  modeText,
  proposalRows,
  sortProposals,
  type ModeFilter,
  type ProposalRow,
  type ProposalSortKey,
} from './proposalModel.js';

interface Column {
  key: string;
  labelKey: string;
  sort?: ProposalSortKey;
  className?: string;
}

const COLUMNS: Column[] = [
  { key: 'code', labelKey: 'planningUi.table.code', sort: 'code', className: 'mono' },
  { key: 'name', labelKey: 'planningUi.table.name', sort: 'name' },
  { key: 'township', labelKey: 'planningUi.table.township', sort: 'township' },
  { key: 'population', labelKey: 'planningUi.table.population', sort: 'population', className: 'num' },
  { key: 'proposed', labelKey: 'planningUi.table.proposed', sort: 'proposed' },
  { key: 'effective', labelKey: 'planningUi.table.effective', sort: 'effective' },
  { key: 'status', labelKey: 'planningUi.table.status', sort: 'status' },
  { key: 'frequency', labelKey: 'planningUi.table.frequency', sort: 'frequency' },
  { key: 'reason', labelKey: 'planningUi.table.reason' },
  { key: 'rules', labelKey: 'planningUi.table.rules' },
  { key: 'actions', labelKey: 'planningUi.table.actions' },
];

export function ProposalTable() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const layers = useAppStore((s) => s.layers);
  const doc = useAppStore(selectShownCoverage);
  const decisions = useAppStore((s) => s.decisions);
  const filter = useAppStore((s) => s.proposalFilter);
  const sort = useAppStore((s) => s.proposalSort);
  const setFilter = useAppStore((s) => s.setProposalFilter);
  const sortBy = useAppStore((s) => s.sortProposalsBy);
  const selection = useAppStore((s) => s.selection);
  const pending = useAppStore((s) => s.decisionPending);
  const readOnly = useAppStore((s) => s.summary?.readOnly ?? false);
  const planning = useAppStore(selectPlanning);

  const allRows = useMemo(() => proposalRows(effectivePlans(planning, decisions), layers, locale), [planning, decisions, layers, locale]);
  const rows = useMemo(() => sortProposals(filterProposals(allRows, filter), sort), [allRows, filter, sort]);
  const selectedId = selection?.layer === 'villages' ? selection.id : null;

  const onRow = (row: ProposalRow) => showVillage(row.id);

  if (!doc) return null;
  if (!planning) {
    return (
      <section className="proposal-table" data-testid="proposal-table">
        <p className="panel-hint">{t('planningUi.panel.noPlanning')}</p>
      </section>
    );
  }
  return (
    <section className="proposal-table" aria-label={t('planningUi.table.title')} data-testid="proposal-table">
      <div className="dock-toolbar">
        <h3>{t('planningUi.table.title')}</h3>
        <label>
          {t('planningUi.table.modeFilter')}
          <select value={filter.mode ?? ''} onChange={(e) => setFilter({ mode: (e.target.value || null) as ModeFilter })} data-filter="mode">
            <option value="">{t('planningUi.table.allModes')}</option>
            {SERVICE_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`serviceModes.${m}`)}
              </option>
            ))}
            <option value="none">{t('planningUi.table.noMode')}</option>
          </select>
        </label>
        <label>
          {t('planningUi.table.statusFilter')}
          <select
            value={filter.status ?? ''}
            onChange={(e) => setFilter({ status: (e.target.value || null) as (typeof DECISION_STATUSES)[number] | null })}
            data-filter="status"
          >
            <option value="">{t('planningUi.table.allStatuses')}</option>
            {DECISION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`decisionStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <TownshipFilter value={filter.township} onChange={(township) => setFilter({ township })} />
        <label>
          <input type="checkbox" checked={filter.staleOnly} onChange={(e) => setFilter({ staleOnly: e.target.checked })} data-filter="stale" />
          {t('planningUi.table.staleOnly')}
        </label>
        <input
          type="search"
          className="dock-search"
          value={filter.text}
          placeholder={t('planningUi.table.search')}
          aria-label={t('planningUi.table.search')}
          onChange={(e) => setFilter({ text: e.target.value })}
          data-filter="text"
        />
        <span className="dock-count" data-testid="proposal-count">
          {t('planningUi.table.rows', { shown: formatNumber(locale, rows.length), total: formatNumber(locale, allRows.length) })}
        </span>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const active = c.sort !== undefined && sort.key === c.sort;
                return (
                  <th
                    key={c.key}
                    className={[c.className, c.sort ? 'sortable' : '', active ? 'sorted' : ''].filter(Boolean).join(' ')}
                    aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    data-column={c.key}
                  >
                    {c.sort ? (
                      <button type="button" className="th-button" onClick={() => sortBy(c.sort!)}>
                        {t(c.labelKey)}
                        {active && <span className="sort-mark">{sort.dir === 'asc' ? '▲' : '▼'}</span>}
                      </button>
                    ) : (
                      t(c.labelKey)
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Row
                key={r.code}
                row={r}
                locale={locale}
                t={t}
                selected={r.id !== null && r.id === selectedId}
                busy={pending === r.code}
                disabled={readOnly || pending !== null}
                onClick={onRow}
              />
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="panel-hint">{t('planningUi.table.empty')}</p>}
      </div>
    </section>
  );
}

/** The mode with its map colour; for county backfill the service backfilled is in the tooltip (keeps the column narrow). */
function ModeChip({ locale, mode, backfillOf }: { locale: Locale; mode: ProposalRow['proposedMode']; backfillOf?: ProposalRow['backfillOf'] }) {
  return (
    <span className={mode ? `mode-chip mode-${mode}` : 'mode-chip mode-none'} title={backfillOf ? modeText(locale, mode, backfillOf) : undefined}>
      <i style={{ background: modeColor(mode ?? 'none') }} aria-hidden="true" />
      {modeText(locale, mode)}
    </span>
  );
}

const Row = memo(function Row({
  row: r,
  locale,
  t,
  selected,
  busy,
  disabled,
  onClick,
}: {
  row: ProposalRow;
  locale: Locale;
  t: TFunction;
  selected: boolean;
  busy: boolean;
  disabled: boolean;
  onClick(row: ProposalRow): void;
}) {
  const stop = (fn: () => void) => (e: React.MouseEvent) => {
    e.stopPropagation();
    fn();
  };
  const staleTitle = r.stale
    ? t('planningUi.table.staleTitle', { then: modeText(locale, r.decision?.proposedMode ?? null), now: modeText(locale, r.proposedMode) })
    : undefined;
  const decisionReason = r.decision?.reason ? t('planningUi.table.decisionReason', { reason: r.decision.reason }) : undefined;
  return (
    <tr
      className={[selected ? 'selected' : '', busy ? 'busy' : '', r.stale ? 'stale' : ''].filter(Boolean).join(' ') || undefined}
      onClick={() => onClick(r)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) onClick(r);
      }}
      tabIndex={0}
      data-code={r.code}
      data-status={r.status}
      data-mode={r.effectiveMode ?? 'none'}
      data-proposed={r.proposedMode ?? 'none'}
    >
      <td className="mono">{r.code}</td>
      <td>{r.name}</td>
      <td>{r.townshipName}</td>
      <td className="num">{r.population === null ? '–' : formatNumber(locale, r.population)}</td>
      <td>{r.proposedMode ? <ModeChip locale={locale} mode={r.proposedMode} /> : <span className="missing">{r.missing.join(locale === 'zh-CN' ? '、' : ', ') || '–'}</span>}</td>
      <td>{r.status === 'rejected' ? '–' : <ModeChip locale={locale} mode={r.effectiveMode} backfillOf={r.backfillOf} />}</td>
      <td title={decisionReason}>
        <span className={`status-chip status-${r.status}`}>{t(`decisionStatus.${r.status}`)}</span>
        {r.stale && (
          <span className="stale-chip" title={staleTitle} data-testid="stale-flag">
            {t('planningUi.table.stale')}
          </span>
        )}
      </td>
      <td>{frequencyText(locale, r)}</td>
      <td className={r.proposedMode ? 'reason' : 'reason missing'} title={decisionReason ? `${r.reason}\n${decisionReason}` : r.reason}>
        {r.reason}
      </td>
      <td className="rules" title={r.rules.join(', ')}>
        {r.decisiveRule && <strong>{r.decisiveRule}</strong>}
        {r.rules.filter((id) => id !== r.decisiveRule).length > 0 && <span> {r.rules.filter((id) => id !== r.decisiveRule).join(' ')}</span>}
      </td>
      <td className="row-actions">
        <div className="row-actions-inner">
        {r.proposedMode && r.status !== 'accepted' && (
          <button type="button" disabled={disabled} onClick={stop(() => void acceptProposal(r.code))} title={t('planningUi.actions.acceptTitle')} data-action="accept">
            {t('planningUi.actions.accept')}
          </button>
        )}
        {r.proposedMode && r.status !== 'rejected' && (
          <button type="button" disabled={disabled} onClick={stop(() => openDecisionDialog(r.code, 'reject'))} title={t('planningUi.actions.rejectTitle')} data-action="reject">
            {t('planningUi.actions.reject')}
          </button>
        )}
        <button type="button" disabled={disabled} onClick={stop(() => openDecisionDialog(r.code, 'override'))} title={t('planningUi.actions.overrideTitle')} data-action="override">
          {t('planningUi.actions.override')}
        </button>
        {r.decision && (
          <button type="button" disabled={disabled} onClick={stop(() => void clearProposalDecision(r.code))} title={t('planningUi.actions.clearTitle')} data-action="clear">
            {t('planningUi.actions.clear')}
          </button>
        )}
        </div>
      </td>
    </tr>
  );
});
