/**
 * The THC support tiers (dock tab 'tiers'): tier (coloured), score and its parts, served
 * population, minutes to the county seat and the city core, the supporting hospital, postings
 * required / present (T7), needs (T1-T3, T7) and the reason in words, with each THC's outreach
 * capacity against its villages' demand (V5). A click selects the THC and flies the map to it.
 */
import { useMemo } from 'react';
import { useT } from '../../app/useT.js';
import { getMapController } from '../../map/mapInstance.js';
import { TIER_COLORS } from '../../map/palette.js';
import { selectPlanning, selectShownCoverage } from '../../state/analysisSlice.js';
import { findFeature } from '../../state/derived.js';
import { useAppStore } from '../../state/store.js';
import { formatNumber } from '../format.js';
import { capacityTotals, partsText, sortTierRows, tierRows, type TierRow } from './tierModel.js';

export function TierTable() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const layers = useAppStore((s) => s.layers);
  const doc = useAppStore(selectShownCoverage);
  const selection = useAppStore((s) => s.selection);
  const select = useAppStore((s) => s.select);
  const planning = useAppStore(selectPlanning);
  const rows = useMemo(() => sortTierRows(tierRows(planning, layers, locale)), [planning, layers, locale]);
  const totals = useMemo(() => capacityTotals(planning?.capacity ?? []), [planning]);
  const selectedId = selection?.layer === 'facilities' ? selection.id : null;
  const num = (n: number, d = 0) => formatNumber(locale, n, d);
  const minutes = (m: number | null) => (m === null ? '–' : t('planningUi.tiers.minutes', { n: num(m) }));

  const onRow = (row: TierRow) => {
    if (row.id === null) return;
    select({ layer: 'facilities', id: row.id });
    const f = findFeature(useAppStore.getState().layers, 'facilities', row.id);
    if (f?.geometry.type === 'Point') getMapController()?.flyTo(f.geometry.coordinates, 11.5);
  };

  if (!doc) return null;
  if (!planning) {
    return (
      <section className="tier-table" data-testid="tier-table">
        <p className="panel-hint">{t('planningUi.panel.noPlanning')}</p>
      </section>
    );
  }
  return (
    <section className="tier-table" aria-label={t('planningUi.tiers.title')} data-testid="tier-table">
      <div className="dock-toolbar">
        <h3>{t('planningUi.tiers.title')}</h3>
        <span title={t('planningUi.tiers.capacityTitle')}>
          {t('planningUi.tiers.totals', { capacity: num(totals.capacityDays, 1), demand: num(totals.demandDays, 1), backfilled: num(totals.backfilledVillages) })}
        </span>
        <span className="dock-count">{t('planningUi.tiers.rows', { n: num(rows.length) })}</span>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('planningUi.tiers.thc')}</th>
              <th>{t('planningUi.table.township')}</th>
              <th>{t('planningUi.tiers.tier')}</th>
              <th className="num">{t('planningUi.tiers.score')}</th>
              <th className="num">{t('planningUi.tiers.parts')}</th>
              <th className="num">{t('planningUi.tiers.servedPopulation')}</th>
              <th className="num">{t('planningUi.tiers.physicians')}</th>
              <th className="num">{t('planningUi.tiers.minutesCounty')}</th>
              <th className="num">{t('planningUi.tiers.minutesCity')}</th>
              <th>{t('planningUi.tiers.supporting')}</th>
              <th className="num">{t('planningUi.tiers.postings')}</th>
              <th className="num" title={t('planningUi.tiers.capacityTitle')}>
                {t('planningUi.tiers.capacity')}
              </th>
              <th className="num">{t('planningUi.tiers.backfilled')}</th>
              <th>{t('planningUi.tiers.needs')}</th>
              <th>{t('planningUi.tiers.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const tierKey = r.tier === null ? 'unranked' : String(r.tier);
              const c = r.capacity;
              const short = c !== null && c.demandDays > c.capacityDays;
              return (
                <tr
                  key={r.code}
                  className={r.id !== null && r.id === selectedId ? 'selected' : undefined}
                  onClick={() => onRow(r)}
                  onKeyDown={(e) => e.key === 'Enter' && onRow(r)}
                  tabIndex={0}
                  data-code={r.code}
                  data-tier={tierKey}
                >
                  <td>
                    {r.name}
                    {r.level === 'sub_center' && <span className="level-tag">{t('levels.sub_center')}</span>}
                  </td>
                  <td>{r.townshipName}</td>
                  <td>
                    <span className="tier-chip" style={{ background: TIER_COLORS[tierKey as keyof typeof TIER_COLORS] }}>
                      {t(`tiers.${tierKey}`)}
                    </span>
                  </td>
                  <td className="num">{r.score === null ? '–' : num(r.score, 1)}</td>
                  <td
                    className="num parts"
                    title={t('planningUi.tiers.partsTitle', {
                      capability: num(r.parts.capability, 1),
                      population: num(r.parts.population, 1),
                      staff: num(r.parts.staff, 1),
                      remoteness: num(r.parts.remoteness, 1),
                      score: r.score === null ? '–' : num(r.score, 1),
                    })}
                  >
                    {partsText(r.parts)}
                  </td>
                  <td className="num">{num(r.servedPopulation)}</td>
                  <td className="num">{num(r.physicians)}</td>
                  <td className="num">{minutes(r.minutesToCountySeat)}</td>
                  <td className={r.nearCityCore ? 'num near' : 'num'} title={r.nearCityCore ? t('planningUi.tiers.nearCity') : undefined}>
                    {minutes(r.minutesToCityCore)}
                  </td>
                  <td title={r.supportingHospital ?? undefined}>
                    {r.supportingName}
                    {r.supportingLevel && <span className="level-tag">{t(`levels.${r.supportingLevel}`)}</span>}
                  </td>
                  <td className={r.postedQualified < r.requiredPostings ? 'num short' : 'num'}>
                    {num(r.requiredPostings)} / {num(r.postedQualified)}
                  </td>
                  <td className={short ? 'num short' : 'num'} title={c?.tooWeak ? t('planningUi.tiers.tooWeak') : undefined}>
                    {c ? `${num(c.capacityDays, 1)} / ${num(c.demandDays, 1)}` : '–'}
                  </td>
                  <td className="num">{c ? num(c.backfilledVillages) : '–'}</td>
                  <td className={r.needs ? 'reason short' : 'reason'} title={r.needs || undefined}>
                    {r.needs || t('planningUi.tiers.none')}
                  </td>
                  <td className="reason" title={r.reason}>
                    {r.reason}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 && <p className="panel-hint">{t('planningUi.tiers.empty')}</p>}
      </div>
    </section>
  );
}
