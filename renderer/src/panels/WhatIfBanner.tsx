/**
 * Over the map while the what-if scenario is on: what it is (not saved), what changed, how long
 * the last update took, reset and leave; and the "add a clinic here" offer at a clicked blank
 * village.
 */
import { addClinicAt, leaveWhatIf, resetWhatIf } from '../analysis/actions.js';
import { saveWhatIfToScenario } from '../app/scenarioActions.js';
import { useT } from '../app/useT.js';
import { selectActiveScenario } from '../state/scenarioSlice.js';
import { useAppStore } from '../state/store.js';
import { formatNumber } from './format.js';

export function WhatIfBanner() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const whatIf = useAppStore((s) => s.whatIf);
  const scenario = useAppStore(selectActiveScenario);
  const scenarioBusy = useAppStore((s) => s.scenarioBusy);
  if (!whatIf.active) return null;
  const moved = Object.keys(whatIf.moved).length;
  const added = whatIf.added.length;
  return (
    <div
      className="what-if-banner"
      role="status"
      data-testid="what-if-banner"
      data-pending={whatIf.pending ? 'true' : 'false'}
      data-last-ms={whatIf.lastMs ?? ''}
      data-worker-ms={whatIf.lastWorkerMs ?? ''}
    >
      <strong>{t('analysis.whatIf.banner')}</strong>
      <span className="what-if-text">{moved + added > 0 ? t('analysis.whatIf.changes', { moved: formatNumber(locale, moved), added: formatNumber(locale, added) }) : t('analysis.whatIf.hint')}</span>
      <span className="what-if-status">
        {whatIf.pending ? t('analysis.whatIf.updating') : whatIf.lastMs !== null ? t('analysis.whatIf.lastMs', { ms: formatNumber(locale, whatIf.lastMs) }) : ''}
      </span>
      <button
        type="button"
        className="button primary"
        disabled={moved + added === 0 || !scenario || scenarioBusy}
        title={scenario ? t('scenariosUi.whatIf.saveTitle', { name: scenario.name }) : t('scenariosUi.whatIf.saveBaseline')}
        onClick={() => void saveWhatIfToScenario()}
        data-testid="what-if-save-scenario"
      >
        {t('scenariosUi.whatIf.save')}
      </button>
      <button type="button" className="button" disabled={moved + added === 0} onClick={() => resetWhatIf()} data-testid="what-if-reset">
        {t('analysis.whatIf.reset')}
      </button>
      <button type="button" className="button" onClick={() => leaveWhatIf()} data-testid="what-if-exit">
        {t('analysis.whatIf.exit')}
      </button>
    </div>
  );
}

export function AddClinicPopover() {
  const t = useT();
  const prompt = useAppStore((s) => s.addClinicPrompt);
  const active = useAppStore((s) => s.whatIf.active);
  const village = useAppStore((s) => (prompt ? s.layers.villages?.features.find((f) => f.properties.code === prompt.villageCode) : undefined));
  const close = useAppStore((s) => s.setAddClinicPrompt);
  if (!prompt || !active || !village) return null;
  return (
    <div className="add-clinic-popover" style={{ left: prompt.x + 12, top: prompt.y + 12 }} role="dialog" data-testid="add-clinic-popover">
      <div className="add-clinic-title">{village.properties.name}</div>
      <button type="button" className="button primary" title={t('analysis.whatIf.addClinicTitle')} onClick={() => addClinicAt(prompt.villageCode)} data-testid="add-clinic">
        {t('analysis.whatIf.addClinic')}
      </button>
      <button type="button" className="icon-button" onClick={() => close(null)} aria-label={t('analysis.whatIf.close')} title={t('analysis.whatIf.close')}>
        ×
      </button>
    </div>
  );
}
