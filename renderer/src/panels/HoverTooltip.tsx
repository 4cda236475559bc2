/** Small tooltip at the pointer: name and level (facilities), kind and population (villages), class (roads). */
import { useAppStore } from '../state/store.js';
import { findFeature } from '../state/derived.js';
import { useT } from '../app/useT.js';
import { formatNumber } from './format.js';
import { roadClassLabel } from './detailRows.js';
import type { LayerProperties } from '../../../electron/api/schema.js';
import { selectShownCoverage } from '../state/analysisSlice.js';
import { minutesOf } from '../analysis/mapData.js';
import { formatMinutes } from './coverageFormat.js';

export function HoverTooltip() {
  const t = useT();
  const hover = useAppStore((s) => s.hover);
  const layers = useAppStore((s) => s.layers);
  const locale = useAppStore((s) => s.locale);
  const coverage = useAppStore(selectShownCoverage);
  const group = useAppStore((s) => s.analysisGroup);
  if (!hover) return null;
  const feature = findFeature(layers, hover.layer, hover.id);
  if (!feature) return null;

  let name = '';
  let detail = '';
  switch (hover.layer) {
    case 'facilities': {
      const p = feature.properties as LayerProperties['facilities'];
      name = p.name;
      detail = t(`levels.${p.level}`);
      break;
    }
    case 'villages': {
      const p = feature.properties as LayerProperties['villages'];
      name = p.name;
      detail = `${t(`villageKinds.${p.kind}`)} · ${t('ui.hoverPopulation', { n: formatNumber(locale, p.population) })}`;
      const vc = coverage?.villages.find((v) => v.code === p.code);
      if (vc) {
        const m = formatMinutes(locale, minutesOf(vc, group), vc.estimated[group]);
        const value = m.unreachable ? m.text : t('analysis.minutes', { n: m.text });
        detail += ` · ${t('analysis.hover', { group: t(`analysis.groups.${group}`), value })}`;
      }
      break;
    }
    case 'roads': {
      const p = feature.properties as LayerProperties['roads'];
      name = p.name || t('values.unnamed');
      detail = roadClassLabel(locale, p.roadClass);
      break;
    }
    case 'townships': {
      name = (feature.properties as LayerProperties['townships']).name;
      detail = t('layers.townships');
      break;
    }
    default:
      return null;
  }
  // Flip to the pointer's left/top near the map's right/bottom edge so the tooltip stays visible.
  const area = document.querySelector<HTMLElement>('.map-area');
  const flipX = area ? hover.x > area.clientWidth - 240 : false;
  const flipY = area ? hover.y > area.clientHeight - 60 : false;
  const style = {
    ...(flipX ? { right: (area?.clientWidth ?? 0) - hover.x + 14 } : { left: hover.x + 14 }),
    ...(flipY ? { bottom: (area?.clientHeight ?? 0) - hover.y + 14 } : { top: hover.y + 14 }),
  };
  return (
    <div className="hover-tooltip" style={style} role="tooltip" data-testid="hover-tooltip">
      <strong>{name}</strong>
      <span>{detail}</span>
    </div>
  );
}
