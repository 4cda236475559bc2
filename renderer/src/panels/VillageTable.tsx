/**
 * The village table of a coverage result: sortable columns (name, township, population, blank
 * and why, minutes to each group, nearest facilities, access scores), filters (blank only,
 * beyond the chosen group's standard only, one township). A click selects the village and flies
 * the map to it.
 */
import { showVillage } from './showVillage.js';
import { TownshipFilter } from './TownshipFilter.js';
import { memo, useDeferredValue, useMemo } from 'react';
import type { FacilityGroup } from '../../../electron/engine/graph-types.js';
import { filterRows, sortRows, villageRows, type VillageRow } from '../analysis/table.js';
import { useT, type TFunction } from '../app/useT.js';
import { translate, type Locale } from '../i18n/index.js';
import { selectShownCoverage, type TableSortKey } from '../state/analysisSlice.js';
import { useAppStore } from '../state/store.js';
import { formatAccess, formatMinutes } from './coverageFormat.js';
import { formatNumber } from './format.js';

interface Column {
  key: string;
  labelKey: string;
  sort?: TableSortKey;
  className?: string;
  titleKey?: string;
}

const COLUMNS: Column[] = [
  { key: 'name', labelKey: 'analysis.table.name', sort: 'name' },
  { key: 'township', labelKey: 'analysis.table.township', sort: 'township' },
  { key: 'population', labelKey: 'analysis.table.population', sort: 'population', className: 'num' },
  { key: 'blank', labelKey: 'analysis.table.blank', sort: 'blank' },
  { key: 'clinic', labelKey: 'analysis.table.minutesClinic', sort: 'minutes.clinic', className: 'num' },
  { key: 'thc', labelKey: 'analysis.table.minutesThc', sort: 'minutes.thc', className: 'num' },
  { key: 'county', labelKey: 'analysis.table.minutesCounty', sort: 'minutes.county', className: 'num' },
  { key: 'nearestClinic', labelKey: 'analysis.table.nearestClinic' },
  { key: 'nearestThc', labelKey: 'analysis.table.nearestThc' },
  { key: 'nearestCounty', labelKey: 'analysis.table.nearestCounty' },
  { key: 'accessClinic', labelKey: 'analysis.table.accessClinic', sort: 'access.clinic', className: 'num', titleKey: 'analysis.table.accessHeaderTitle' },
  { key: 'accessThc', labelKey: 'analysis.table.accessThc', sort: 'access.thc', className: 'num', titleKey: 'analysis.table.accessHeaderTitle' },
];

const GROUP_COLUMNS: FacilityGroup[] = ['clinic', 'thc', 'county'];

export function VillageTable() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const layers = useAppStore((s) => s.layers);
  const shown = useAppStore(selectShownCoverage);
  // While a facility is dragged the table may lag a frame behind the map.
  const doc = useDeferredValue(shown);
  const group = useAppStore((s) => s.analysisGroup);
  const filter = useAppStore((s) => s.tableFilter);
  const sort = useAppStore((s) => s.tableSort);
  const setFilter = useAppStore((s) => s.setTableFilter);
  const sortBy = useAppStore((s) => s.sortTableBy);
  const selection = useAppStore((s) => s.selection);

  const allRows = useMemo(() => {
    if (!doc) return [];
    const villageName = (code: string) => layers.villages?.features.find((f) => f.properties.code === code)?.properties.name ?? code;
    return villageRows(doc, layers, (code) => translate(locale, 'analysis.whatIf.addedClinicName', { village: villageName(code) }));
  }, [doc, layers, locale]);
  const rows = useMemo(() => sortRows(filterRows(allRows, filter, group), sort), [allRows, filter, group, sort]);
  const selectedId = selection?.layer === 'villages' ? selection.id : null;

  const onRow = (row: VillageRow) => showVillage(row.id);

  if (!doc) return null;
  return (
    <section className="village-table" aria-label={t('analysis.table.title')} data-testid="village-table">
      <div className="dock-toolbar">
        <h3>{t('analysis.table.title')}</h3>
        <label>
          <input type="checkbox" checked={filter.blankOnly} onChange={(e) => setFilter({ blankOnly: e.target.checked })} data-filter="blank" />
          {t('analysis.table.blankOnly')}
        </label>
        <label title={t('analysis.table.beyondTitle', { group: t(`analysis.groups.${group}`) })}>
          <input type="checkbox" checked={filter.beyondOnly} onChange={(e) => setFilter({ beyondOnly: e.target.checked })} data-filter="beyond" />
          {t('analysis.table.beyondOnly')}
        </label>
        <TownshipFilter value={filter.township} onChange={(township) => setFilter({ township })} />
        <span className="dock-count" data-testid="village-table-count">
          {t('analysis.table.rows', { shown: formatNumber(locale, rows.length), total: formatNumber(locale, allRows.length) })}
        </span>
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const active = c.sort !== undefined && sort.key === c.sort;
                return (
                  <th
                    key={c.key}
                    className={[c.className, c.sort ? 'sortable' : '', active ? 'sorted' : '', GROUP_COLUMNS.includes(c.key as FacilityGroup) && c.key === group ? 'group-col' : '']
                      .filter(Boolean)
                      .join(' ')}
                    aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    title={c.titleKey ? t(c.titleKey) : undefined}
                    onClick={c.sort ? () => sortBy(c.sort!) : undefined}
                    data-column={c.key}
                  >
                    {t(c.labelKey)}
                    {active && <span className="sort-mark">{sort.dir === 'asc' ? '▲' : '▼'}</span>}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Row key={r.code} row={r} group={group} locale={locale} t={t} selected={r.id !== null && r.id === selectedId} onClick={onRow} />
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="panel-hint">{t('analysis.table.empty')}</p>}
      </div>
    </section>
  );
}

const Row = memo(function Row({
  row: r,
  group,
  locale,
  t,
  selected,
  onClick,
}: {
  row: VillageRow;
  group: FacilityGroup;
  locale: Locale;
  t: TFunction;
  selected: boolean;
  onClick(row: VillageRow): void;
}) {
  const minutesCell = (g: FacilityGroup) => {
    const m = formatMinutes(locale, r.minutes[g], r.estimated[g]);
    const cls = ['num', r.beyond[g] ? 'beyond' : '', m.unreachable ? 'unreachable' : '', g === group ? 'group-col' : ''].filter(Boolean).join(' ');
    return (
      <td key={g} className={cls} title={m.title} data-minutes={g}>
        {m.text}
      </td>
    );
  };
  const accessCell = (a: VillageRow['access']['clinic']) => (
    <td className="num" title={t('analysis.table.accessTitle', { sfca2: formatAccess(locale, a.sfca2), e2sfca: formatAccess(locale, a.e2sfca), g2sfca: formatAccess(locale, a.g2sfca) })}>
      {formatAccess(locale, a.e2sfca)}
    </td>
  );
  return (
    <tr className={selected ? 'selected' : undefined} onClick={() => onClick(r)} data-code={r.code}>
      <td>{r.name}</td>
      <td>{r.townshipName}</td>
      <td className="num">{formatNumber(locale, r.population)}</td>
      <td className={r.blank ? 'blank' : undefined}>{r.blank ? (r.blankReason ? t(`analysis.blankReasons.${r.blankReason}`) : t('values.yes')) : ''}</td>
      {GROUP_COLUMNS.map(minutesCell)}
      <td>{r.nearestName.clinic ?? '–'}</td>
      <td>{r.nearestName.thc ?? '–'}</td>
      <td>{r.nearestName.county ?? '–'}</td>
      {accessCell(r.access.clinic)}
      {accessCell(r.access.thc)}
    </tr>
  );
});
