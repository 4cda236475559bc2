/**
 * Population by travel-time band per township for the chosen facility group: one stacked bar a
 * township, in the map's band colours (plus grey for unreachable).
 */
import { useDeferredValue, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { bandLabel, bandLimitsOf, bandsFor } from '../../analysis/bands.js';
import { townshipBandRows } from '../../analysis/summary.js';
import { useT } from '../../app/useT.js';
import { COVERAGE_COLORS } from '../../map/palette.js';
import { selectShownCoverage } from '../../state/analysisSlice.js';
import { useAppStore } from '../../state/store.js';
import { formatPopulation } from '../coverageFormat.js';
import { formatNumber } from '../format.js';

/** Pixels a township bar takes (the chart grows with the township count and scrolls). */
const ROW_PX = 22;

export function TownshipBandChart() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const doc = useDeferredValue(useAppStore(selectShownCoverage));
  const group = useAppStore((s) => s.analysisGroup);
  const townships = useAppStore((s) => s.layers.townships);

  const { rows, bands } = useMemo(() => {
    if (!doc) return { rows: [], bands: [] };
    const limits = bandLimitsOf(doc);
    const names = new Map((townships?.features ?? []).map((f) => [f.properties.code, f.properties.name] as const));
    return { rows: townshipBandRows(doc, group, limits, names), bands: bandsFor(limits) };
  }, [doc, group, townships]);

  if (!doc) return null;
  const hasUnreachable = rows.some((r) => r.unreachable > 0);
  const height = Math.max(200, rows.length * ROW_PX + 64);
  return (
    <section className="township-chart" aria-label={t('analysis.chart.title', { group: t(`analysis.groups.${group}`) })} data-testid="township-chart">
      <div className="dock-toolbar">
        <h3>{t('analysis.chart.title', { group: t(`analysis.groups.${group}`) })}</h3>
      </div>
      <div className="chart-scroll">
        <div style={{ height }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barCategoryGap="22%">
              <CartesianGrid horizontal={false} stroke="#e3e6ea" />
              <XAxis type="number" tickFormatter={(v: number) => formatPopulation(locale, v)} fontSize={11} stroke="#5f6b7a" />
              <YAxis type="category" dataKey="name" width={72} fontSize={12} stroke="#5f6b7a" interval={0} />
              <Tooltip
                formatter={(value, name) => [t('values.persons', { n: formatNumber(locale, Number(value)) }), String(name)]}
                cursor={{ fill: 'rgba(31,111,209,0.08)' }}
                isAnimationActive={false}
              />
              {/* Legend text in the text colour: the nearest band's light yellow would not read. */}
              <Legend wrapperStyle={{ fontSize: 11 }} iconSize={10} formatter={(value) => <span className="chart-legend-text">{value}</span>} />
              {bands.map((b) => (
                <Bar key={b.index} dataKey={`b${b.index}`} stackId="pop" name={t('analysis.chart.band', { label: bandLabel(b) })} fill={b.color} isAnimationActive={false} />
              ))}
              {hasUnreachable && (
                <Bar dataKey="unreachable" stackId="pop" name={t('analysis.chart.unreachable')} fill={COVERAGE_COLORS.unreachable} isAnimationActive={false} />
              )}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
    </section>
  );
}
