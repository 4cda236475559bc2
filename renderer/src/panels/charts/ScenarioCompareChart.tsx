/**
 * Scenario comparison chart: grouped bars (A grey, B blue) of the key figures, one group of
 * figures at a time so the values sharing an axis are of one kind (villages, population beyond
 * the standards, staff and issues).
 */
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../app/useT.js';
import { useAppStore } from '../../state/store.js';
import { formatPopulation } from '../coverageFormat.js';
import { formatNumber } from '../format.js';
import { CHART_GROUPS, chartRows, type ChartGroup, type CompareRow } from '../scenarios/compareModel.js';

export const COMPARE_COLORS = { a: '#8d99ab', b: '#1f6fd1' } as const;
const ROW_PX = 30;

export function ScenarioCompareChart({ rows, nameA, nameB }: { rows: readonly CompareRow[]; nameA: string; nameB: string }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const [group, setGroup] = useState<ChartGroup>('villages');
  const data = chartRows(rows, group).map((r) => ({ key: r.key, label: t(r.labelKey), a: r.a, b: r.b }));
  const fmt = (v: number) => (group === 'population' ? formatPopulation(locale, v) : formatNumber(locale, v));
  const height = Math.max(180, data.length * ROW_PX + 70);
  return (
    <section className="compare-chart" aria-label={t('scenariosUi.compare.chartTitle')} data-testid="compare-chart">
      <div className="compare-chart-head">
        <h3>{t('scenariosUi.compare.chartTitle')}</h3>
        <div className="segmented" role="radiogroup" aria-label={t('scenariosUi.compare.chartTitle')}>
          {(Object.keys(CHART_GROUPS) as ChartGroup[]).map((g) => (
            <button key={g} type="button" role="radio" aria-checked={g === group} className={g === group ? 'active' : ''} data-chart-group={g} onClick={() => setGroup(g)}>
              {t(`scenariosUi.compare.chartGroups.${g}`)}
            </button>
          ))}
        </div>
      </div>
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 18, bottom: 4, left: 4 }} barCategoryGap="24%" barGap={1}>
            <CartesianGrid horizontal={false} stroke="#e3e6ea" />
            <XAxis type="number" tickFormatter={fmt} fontSize={11} stroke="#5f6b7a" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={128} fontSize={11} stroke="#5f6b7a" interval={0} />
            <Tooltip formatter={(value, name) => [fmt(Number(value)), String(name)]} cursor={{ fill: 'rgba(31,111,209,0.08)' }} isAnimationActive={false} />
            <Legend wrapperStyle={{ fontSize: 11 }} iconSize={10} formatter={(value) => <span className="chart-legend-text">{value}</span>} />
            <Bar dataKey="a" name={`A · ${nameA}`} fill={COMPARE_COLORS.a} isAnimationActive={false} />
            <Bar dataKey="b" name={`B · ${nameB}`} fill={COMPARE_COLORS.b} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
