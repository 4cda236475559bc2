/**
 * Tours above village level (H1, H2): the county hospital's quarterly tours of the THCs and each
 * THC's monthly tour of all its villages, as route days over the period (table per depot).
 */
import type { HigherLevelPlan, TourPlanDocument } from '../../../../electron/domain/tours.js';
import { useLocale, useT } from '../../app/useT.js';
import { formatNumber } from '../format.js';
import { tourIssueText } from './tourModel.js';

export function HigherTours({ plan, depot }: { plan: TourPlanDocument; depot: string | null }) {
  const t = useT();
  // The county level, then the chosen THC's monthly tour (all of them when the depot has none).
  const county = plan.higher.filter((h) => h.kind === 'county_to_thc');
  const own = plan.higher.filter((h) => h.kind === 'thc_to_village' && h.depotCode === depot);
  const shown = [...county, ...(own.length > 0 ? own : plan.higher.filter((h) => h.kind === 'thc_to_village'))];
  if (shown.length === 0) return <p className="tours-empty">{t('toursUi.higher.none')}</p>;
  return (
    <div className="tours-higher" data-testid="tours-higher">
      {shown.map((h) => (
        <HigherTable key={`${h.kind}-${h.depotCode}`} h={h} />
      ))}
    </div>
  );
}

function HigherTable({ h }: { h: HigherLevelPlan }) {
  const t = useT();
  const locale = useLocale();
  const name = new Map(h.points.map((p) => [p.code, p.name] as const));
  return (
    <section className="tours-higher-plan" data-kind={h.kind} data-depot={h.depotCode}>
      <h3>
        {h.depotName} · {t(`toursUi.higher.${h.kind}`)}
      </h3>
      <p className="tours-meta">
        {t('toursUi.higher.summary', {
          period: t(`toursUi.higher.${h.period}`),
          workingDays: h.workingDays,
          days: h.totals.daysUsed,
          stops: h.totals.stops,
          hours: formatNumber(locale, h.totals.travelMinutes / 60, 1),
        })}
      </p>
      {h.issues.length > 0 && (
        <ul className="tours-issues-inline">
          {h.issues.map((i, k) => (
            <li key={k} className={`issue-${i.severity}`}>
              {tourIssueText(locale, i)}
            </li>
          ))}
        </ul>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('toursUi.higher.dayColumn')}</th>
            <th>{t('toursUi.higher.stops')}</th>
            <th className="num">{t('toursUi.higher.travel')}</th>
            <th className="num">{t('toursUi.higher.km')}</th>
          </tr>
        </thead>
        <tbody>
          {h.days.map((d) => (
            <tr key={d.index}>
              <td>{t('toursUi.higher.day', { n: d.index })}</td>
              <td className="wrap">{d.stops.map((s) => name.get(s.venueCode) ?? s.venueCode).join(' → ')}</td>
              <td className="num">{formatNumber(locale, d.travelMinutes)}</td>
              <td className="num">{d.travelKm === null ? '–' : formatNumber(locale, d.travelKm, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
