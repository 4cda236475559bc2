/** Right-hand pane with every field of the clicked feature. */
import { useMemo } from 'react';
import { useT } from '../app/useT.js';
import { findFeature } from '../state/derived.js';
import { useAppStore } from '../state/store.js';
import { selectShownCoverage } from '../state/analysisSlice.js';
import { detailView, planningDetailRows } from './detailRows.js';
import { ScenarioFacilityActions } from './scenarios/ScenarioFacilityActions.js';

export function DetailPane() {
  const t = useT();
  const selection = useAppStore((s) => s.selection);
  const layers = useAppStore((s) => s.layers);
  const locale = useAppStore((s) => s.locale);
  const select = useAppStore((s) => s.select);
  const planning = useAppStore((s) => selectShownCoverage(s)?.planning ?? null);
  const decisions = useAppStore((s) => s.decisions);

  const view = useMemo(() => {
    if (!selection) return null;
    const feature = findFeature(layers, selection.layer, selection.id);
    return feature ? detailView(selection.layer, feature, layers, locale) : null;
  }, [selection, layers, locale]);

  const planningRows = useMemo(() => {
    if (!selection || !planning) return [];
    const feature = findFeature(layers, selection.layer, selection.id);
    return feature ? planningDetailRows(selection.layer, feature, planning, decisions, layers, locale) : [];
  }, [selection, planning, decisions, layers, locale]);

  if (!selection || !view) return null;
  return (
    <aside className="detail-pane" data-testid="detail-pane" aria-label={t('ui.detail')}>
      <header>
        <div>
          <h2>{view.title}</h2>
          <p className="detail-subtitle">
            {t(`layers.${selection.layer}`) === view.subtitle ? view.subtitle : `${t(`layers.${selection.layer}`)} · ${view.subtitle}`}
          </p>
        </div>
        <button type="button" className="icon-button" onClick={() => select(null)} title={t('ui.closeDetail')} aria-label={t('ui.closeDetail')}>
          ×
        </button>
      </header>
      <dl>
        {view.rows.map((r) => (
          <div key={r.field} className={r.warn ? 'detail-row warn' : 'detail-row'} data-field={r.field}>
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
      {planningRows.length > 0 && (
        <section className="detail-planning" data-testid="detail-planning">
          <h3>{t('planningUi.detail.section')}</h3>
          <dl>
            {planningRows.map((r) => (
              <div key={r.field} className={r.warn ? 'detail-row warn' : 'detail-row'} data-field={r.field}>
                <dt>{r.label}</dt>
                <dd>{r.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <ScenarioFacilityActions />
    </aside>
  );
}
