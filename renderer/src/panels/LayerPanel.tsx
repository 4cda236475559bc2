/** Layer switches (a desktop GIS "table of contents"), with feature counts. */
import { useT } from '../app/useT.js';
import { layerCount } from '../state/derived.js';
import { selectShownCoverage } from '../state/analysisSlice.js';
import { ANALYSIS_TOGGLES, LAYER_TOGGLES } from '../state/layersSlice.js';
import { useAppStore } from '../state/store.js';
import { formatNumber } from './format.js';

export function LayerPanel() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const visibility = useAppStore((s) => s.visibility);
  const setVisible = useAppStore((s) => s.setVisible);
  const layers = useAppStore((s) => s.layers);
  const basemap = useAppStore((s) => s.basemap);
  const basemapChecked = useAppStore((s) => s.basemapChecked);
  const hasCoverage = useAppStore((s) => selectShownCoverage(s) !== null);

  return (
    <section className="layer-panel" aria-label={t('ui.layerPanel')} data-testid="layer-panel">
      <h2 className="panel-title">{t('ui.layerPanel')}</h2>
      <ul>
        {hasCoverage &&
          ANALYSIS_TOGGLES.map((toggle) => (
            <li key={toggle} className="analysis-toggle">
              <label>
                <input type="checkbox" checked={visibility[toggle]} onChange={(e) => setVisible(toggle, e.target.checked)} data-layer={toggle} />
                <span className="layer-name">{t(`analysis.layers.${toggle}`)}</span>
              </label>
            </li>
          ))}
        {LAYER_TOGGLES.map((toggle) => {
          const isBasemap = toggle === 'basemap';
          const unavailable = isBasemap && basemapChecked && !basemap?.available;
          return (
            <li key={toggle}>
              <label title={unavailable ? t('ui.basemapUnavailable') : undefined}>
                <input
                  type="checkbox"
                  checked={visibility[toggle] && !unavailable}
                  disabled={unavailable}
                  onChange={(e) => setVisible(toggle, e.target.checked)}
                  data-layer={toggle}
                />
                <span className="layer-name">{isBasemap ? t('ui.basemap') : t(`layers.${toggle}`)}</span>
                {!isBasemap && <span className="layer-count">{formatNumber(locale, layerCount(layers, toggle))}</span>}
              </label>
            </li>
          );
        })}
      </ul>
      {basemapChecked && !basemap?.available && <p className="panel-hint">{t('ui.basemapUnavailable')}</p>}
    </section>
  );
}
