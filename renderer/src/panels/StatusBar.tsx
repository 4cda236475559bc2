/** Bottom bar: project, feature counts, blank villages, cursor position, zoom, locale, notices. */
import { useMemo } from 'react';
import { useT } from '../app/useT.js';
import { blankVillageCodes, layerCount } from '../state/derived.js';
import { useAppStore } from '../state/store.js';
import { formatCoord, formatNumber } from './format.js';

export function StatusBar() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const summary = useAppStore((s) => s.summary);
  const layers = useAppStore((s) => s.layers);
  const cursor = useAppStore((s) => s.cursor);
  const zoom = useAppStore((s) => s.zoom);
  const busy = useAppStore((s) => s.busy);
  const basemap = useAppStore((s) => s.basemap);

  const blank = useMemo(
    () => (layers.villages ? blankVillageCodes(layers.villages.features, layers.facilities?.features ?? []).size : null),
    [layers],
  );
  const n = (name: Parameters<typeof layerCount>[1]) => formatNumber(locale, layerCount(layers, name));
  const basemapShown = useAppStore((s) => s.visibility.basemap);
  // Attribution wherever OSM-derived data is on screen: an OSM basemap, or project layers imported from OSM.
  const osm =
    Boolean(basemap?.available && basemapShown && /openstreetmap/i.test(basemap.attribution)) ||
    /openstreetmap/i.test(summary?.attribution ?? '');

  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-project" title={summary?.path}>
        {summary ? summary.title || summary.name : t('status.noProject')}
      </span>
      {summary && (
        <span data-testid="status-counts">
          {t('status.counts', { villages: n('villages'), facilities: n('facilities'), roads: n('roads'), townships: n('townships') })}
        </span>
      )}
      {blank !== null && <span className="status-blank">{t('status.blank', { n: formatNumber(locale, blank) })}</span>}
      {summary?.isDemo && (
        <span className="status-demo" data-testid="demo-notice">
          {t('app.demoNotice')}
        </span>
      )}
      {busy > 0 && <span className="status-busy">{t('ui.loading')}</span>}
      <span className="status-spacer" />
      {cursor && <span className="status-mono">{t('status.cursor', { lng: formatCoord(cursor.lng), lat: formatCoord(cursor.lat) })}</span>}
      {zoom !== null && <span className="status-mono">{t('status.zoom', { z: formatNumber(locale, zoom, 1) })}</span>}
      <span>{t('status.locale')}</span>
      {osm && <span className="status-attribution">{t('status.osmAttribution')}</span>}
    </footer>
  );
}
