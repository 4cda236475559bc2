/**
 * Scenario edits of the selected feature, rendered at the foot of the detail pane: for a facility,
 * close it in the scenario (or restore it) and upgrade its capability / plan it as a sub-center;
 * for a blank village, add a village clinic (one village doctor, code SC-<village code>). Only a
 * stored scenario can be edited; on the baseline it says so.
 */
import { useEffect, useMemo, useState } from 'react';
import { applyScenario, type ScenarioPayload } from '../../../../electron/domain/planning.js';
import type { Capability, FacilityLevel } from '../../../../electron/domain/types.js';
import { facilitiesFromLayer } from '../../analysis/input.js';
import { editActiveScenario } from '../../app/scenarioActions.js';
import { useT } from '../../app/useT.js';
import { findFeature } from '../../state/derived.js';
import { selectActiveScenario } from '../../state/scenarioSlice.js';
import { useAppStore } from '../../state/store.js';
import {
  addedFacilityIndex,
  addFacility,
  closeFacility,
  hasQualifiedClinic,
  isClosed,
  scenarioClinicCode,
  upgradeFacility,
  upgradeFields,
  villageClinic,
} from './payload.js';

/** Levels whose capability standard (优质服务基层行) a scenario can raise. */
const UPGRADABLE: ReadonlySet<FacilityLevel> = new Set(['township_hc', 'community_hc', 'sub_center']);
const TARGET_CAPABILITIES: readonly Capability[] = ['basic', 'recommended'];

export function ScenarioFacilityActions() {
  const t = useT();
  const selection = useAppStore((s) => s.selection);
  const layers = useAppStore((s) => s.layers);
  const active = useAppStore(selectActiveScenario);
  const busy = useAppStore((s) => s.scenarioBusy);
  const running = useAppStore((s) => s.analysisStatus.kind === 'running');
  const readOnly = useAppStore((s) => s.summary?.readOnly ?? false);

  const feature = useMemo(() => (selection ? findFeature(layers, selection.layer, selection.id) : null), [selection, layers]);
  if (!selection || !feature || (selection.layer !== 'facilities' && selection.layer !== 'villages')) return null;

  return (
    <section className="scenario-facility-actions" data-testid="scenario-facility-actions" aria-label={t('scenariosUi.facility.title')}>
      <h3>{t('scenariosUi.facility.title')}</h3>
      {!active ? (
        <p className="panel-hint">{t('scenariosUi.facility.baselineHint')}</p>
      ) : (
        <>
          <p className="scenario-facility-name">{t('scenariosUi.facility.scenario', { name: active.name })}</p>
          {selection.layer === 'facilities' ? (
            <FacilityEdits code={String((feature.properties as { code: string }).code)} payload={active.payload} disabled={busy || running || readOnly} />
          ) : (
            <VillageEdits code={String((feature.properties as { code: string }).code)} payload={active.payload} disabled={busy || running || readOnly} />
          )}
        </>
      )}
    </section>
  );
}

function FacilityEdits({ code, payload, disabled }: { code: string; payload: ScenarioPayload; disabled: boolean }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const layer = useAppStore((s) => s.layers.facilities);
  const base = useMemo(() => facilitiesFromLayer(layer).find((f) => f.code === code) ?? null, [layer, code]);
  // The facility as the scenario has it (upgrades applied).
  const effective = useMemo(() => (base ? (applyScenario([base], [], { ...payload, postingEdits: [] }).facilities[0] ?? null) : null), [base, payload]);
  const [capability, setCapability] = useState<Capability>('basic');
  const [subCenter, setSubCenter] = useState(false);

  useEffect(() => {
    if (!effective) return;
    setCapability(effective.capability === 'recommended' ? 'recommended' : 'basic');
    setSubCenter(effective.isPlannedSubCenter);
  }, [effective]);

  if (!base) return null;
  if (isClosed(payload, code)) {
    const index = payload.facilityEdits.findIndex((e) => e.op === 'close' && e.code === code);
    return (
      <div className="scenario-facility-row">
        <span className="scenario-flag">{t('scenariosUi.facility.closed')}</span>
        <button type="button" className="button" disabled={disabled} data-testid="scenario-reopen-facility" onClick={() => void editActiveScenario((p) => ({ ...p, facilityEdits: p.facilityEdits.filter((_, i) => i !== index) }))}>
          {t('scenariosUi.facility.reopen')}
        </button>
      </div>
    );
  }
  const upgrade = payload.facilityEdits.find((e) => e.op === 'upgrade' && e.code === code);
  const changes = upgrade
    ? upgradeFields(upgrade)
        .map(([k, v]) => `${t(`fields.${k}`)} ${k === 'capability' ? t(`capabilities.${String(v)}`) : typeof v === 'boolean' ? t(v ? 'values.yes' : 'values.no') : String(v)}`)
        .join(locale === 'zh-CN' ? '；' : '; ')
    : null;
  const upgradable = UPGRADABLE.has(base.level);
  const unchanged = effective !== null && (effective.capability ?? 'below_basic') === capability && effective.isPlannedSubCenter === subCenter;
  return (
    <>
      {changes && <p className="scenario-flag">{t('scenariosUi.facility.upgraded', { changes })}</p>}
      {upgradable && (
        <div className="scenario-upgrade">
          <label>
            <span>{t('scenariosUi.facility.capability')}</span>
            <select value={capability} disabled={disabled} onChange={(e) => setCapability(e.target.value as Capability)} data-testid="scenario-capability">
              {TARGET_CAPABILITIES.map((c) => (
                <option key={c} value={c}>
                  {t(`capabilities.${c}`)}
                </option>
              ))}
            </select>
          </label>
          {base.level === 'township_hc' && (
            <label className="checkbox">
              <input type="checkbox" checked={subCenter} disabled={disabled} onChange={(e) => setSubCenter(e.target.checked)} data-testid="scenario-subcenter" />
              <span>{t('scenariosUi.facility.subCenter')}</span>
            </label>
          )}
          <button
            type="button"
            className="button"
            disabled={disabled || unchanged}
            data-testid="scenario-upgrade-apply"
            onClick={() => void editActiveScenario((p) => upgradeFacility(p, code, base.level === 'township_hc' ? { capability, isPlannedSubCenter: subCenter } : { capability }))}
          >
            {t('scenariosUi.facility.upgrade')}
          </button>
        </div>
      )}
      <div className="scenario-facility-row">
        <button type="button" className="button danger-outline" disabled={disabled} data-testid="scenario-close-facility" onClick={() => void editActiveScenario((p) => closeFacility(p, code))}>
          {t('scenariosUi.facility.close')}
        </button>
      </div>
    </>
  );
}

function VillageEdits({ code, payload, disabled }: { code: string; payload: ScenarioPayload; disabled: boolean }) {
  const t = useT();
  const layers = useAppStore((s) => s.layers);
  const clinicCode = scenarioClinicCode(code);
  const addedIndex = addedFacilityIndex(payload, clinicCode);
  const qualified = useMemo(() => {
    const facilities = applyScenario(facilitiesFromLayer(layers.facilities), [], { ...payload, postingEdits: [] }).facilities;
    return hasQualifiedClinic(code, facilities);
  }, [layers.facilities, payload, code]);
  const village = layers.villages?.features.find((f) => f.properties.code === code);
  if (!village || village.geometry.type !== 'Point') return null;

  if (addedIndex >= 0) {
    return (
      <div className="scenario-facility-row">
        <span className="scenario-flag">{t('scenariosUi.facility.clinicAdded', { code: clinicCode })}</span>
        <button type="button" className="button" disabled={disabled} data-testid="scenario-undo-clinic" onClick={() => void editActiveScenario((p) => closeFacility(p, clinicCode))}>
          {t('scenariosUi.facility.undoAdd')}
        </button>
      </div>
    );
  }
  if (qualified) return <p className="panel-hint">{t('scenariosUi.facility.notBlank')}</p>;
  const [lng, lat] = village.geometry.coordinates;
  return (
    <div className="scenario-facility-row">
      <button
        type="button"
        className="button primary"
        disabled={disabled}
        title={t('scenariosUi.facility.addClinicTitle', { code: clinicCode })}
        data-testid="scenario-add-clinic"
        onClick={() => void editActiveScenario((p) => addFacility(p, villageClinic(village.properties, [lng, lat], t('scenariosUi.facility.clinicName', { village: village.properties.name }))))}
      >
        {t('scenariosUi.facility.addClinic')}
      </button>
    </div>
  );
}
