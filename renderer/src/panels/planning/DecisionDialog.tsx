/**
 * The reject / override dialog of one village: for an override the service mode, visits per
 * week (tour) or days per week (posting); for both a reason, required: 确定 stays disabled until
 * one is given. Escape or 取消 closes without recording anything.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { SERVICE_MODES, type ServiceMode } from '../../../../electron/domain/planning.js';
import { Modal } from '../../app/Dialogs.js';
import { decideProposal } from '../../app/planningActions.js';
import { useT } from '../../app/useT.js';
import { selectPlanning } from '../../state/analysisSlice.js';
import { useAppStore } from '../../state/store.js';
import { modeText } from './proposalModel.js';

const VISITS_MAX = 14;
const DAYS_MAX = 7;

function ruleNumber(rules: Record<string, number | string> | undefined, id: string, fallback: number): number {
  const v = rules?.[id];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Parses a count typed by the planner; null when it is not a number within [min, max]. */
export function parseCount(text: string, min: number, max: number): number | null {
  const s = text.trim();
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

export function DecisionDialog() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const dialog = useAppStore((s) => s.decisionDialog);
  const close = useAppStore((s) => s.setDecisionDialog);
  const pending = useAppStore((s) => s.decisionPending);
  const planning = useAppStore(selectPlanning);
  const existing = useAppStore((s) => (dialog ? (s.decisions[dialog.villageCode] ?? null) : null));
  const proposal = useMemo(() => (dialog ? (planning?.villages.find((v) => v.code === dialog.villageCode) ?? null) : null), [dialog, planning]);
  const rules = planning?.rulesUsed;
  const visitsFloor = ruleNumber(rules, 'V2.tour_floor_per_week', 1);
  const visitsDefault = ruleNumber(rules, 'V1.tour_visits_per_week', 2);
  const daysMin = ruleNumber(rules, 'V3.posting_days_per_week', 5);

  const [mode, setMode] = useState<ServiceMode>('tour');
  const [visits, setVisits] = useState('');
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const firstRef = useRef<HTMLSelectElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  // Fill the form each time the dialog opens: the earlier override when there is one, else a mode other than the proposal's.
  useEffect(() => {
    if (!dialog) return;
    const prior = existing?.action === 'override' ? existing : null;
    const proposed = proposal?.mode ?? null;
    setMode(prior?.mode ?? (proposed === 'tour' ? 'posting' : 'tour'));
    setVisits(String(prior?.visitsPerWeek ?? proposal?.visitsPerWeek ?? visitsDefault));
    setDays(String(prior?.postingDaysPerWeek ?? proposal?.postingDaysPerWeek ?? daysMin));
    setReason(existing && existing.action === dialog.action ? existing.reason : '');
    requestAnimationFrame(() => (dialog.action === 'override' ? firstRef.current : reasonRef.current)?.focus());
    // Only when the dialog opens (not when a decision lands meanwhile).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dialog]);

  if (!dialog) return null;
  const override = dialog.action === 'override';
  const name = proposal?.name ?? dialog.villageCode;
  const visitsValue = parseCount(visits, visitsFloor, VISITS_MAX);
  const daysValue = parseCount(days, 1, DAYS_MAX);
  const numbersOk = !override || (mode === 'tour' ? visitsValue !== null : mode === 'posting' ? daysValue !== null : true);
  const reasonOk = reason.trim().length > 0;
  const busy = pending === dialog.villageCode;
  const canSubmit = reasonOk && numbersOk && !busy;

  const submit = async () => {
    if (!canSubmit) return;
    const ok = await decideProposal(dialog.villageCode, {
      action: dialog.action,
      mode: override ? mode : null,
      visitsPerWeek: override && mode === 'tour' ? visitsValue : null,
      postingDaysPerWeek: override && mode === 'posting' ? daysValue : null,
      reason: reason.trim(),
    });
    if (ok) close(null);
  };

  const why = proposal?.missing.map((m) => t(`planningUi.missing.${m}`)).join(locale === 'zh-CN' ? '、' : ', ') ?? '';
  return (
    <Modal
      title={t(override ? 'planningUi.dialog.overrideTitle' : 'planningUi.dialog.rejectTitle', { name })}
      onClose={() => close(null)}
      testId="decision-dialog"
    >
      <form
        className="decision-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="modal-text">
          {proposal?.mode ? t('planningUi.dialog.proposed', { mode: modeText(locale, proposal.mode, proposal.backfillOf) }) : t('planningUi.dialog.noProposed', { why })}
        </p>
        {override && (
          <>
            <label className="field">
              <span>{t('planningUi.dialog.mode')}</span>
              <select ref={firstRef} value={mode} onChange={(e) => setMode(e.target.value as ServiceMode)} data-testid="decision-mode">
                {SERVICE_MODES.map((m) => (
                  <option key={m} value={m}>
                    {t(`serviceModes.${m}`)}
                  </option>
                ))}
              </select>
            </label>
            {mode === 'tour' && (
              <label className="field">
                <span>{t('planningUi.dialog.visits')}</span>
                <input
                  type="number"
                  min={visitsFloor}
                  max={VISITS_MAX}
                  step={1}
                  value={visits}
                  onChange={(e) => setVisits(e.target.value)}
                  aria-invalid={visitsValue === null}
                  data-testid="decision-visits"
                />
                <small className={visitsValue === null ? 'field-error' : 'field-hint'}>
                  {visitsValue === null
                    ? t('planningUi.dialog.numberRange', { min: visitsFloor, max: VISITS_MAX })
                    : t('planningUi.dialog.visitsHint', { min: visitsFloor, rule: 'V2.tour_floor_per_week' })}
                </small>
              </label>
            )}
            {mode === 'posting' && (
              <label className="field">
                <span>{t('planningUi.dialog.postingDays')}</span>
                <input
                  type="number"
                  min={1}
                  max={DAYS_MAX}
                  step={1}
                  value={days}
                  onChange={(e) => setDays(e.target.value)}
                  aria-invalid={daysValue === null}
                  data-testid="decision-days"
                />
                <small className={daysValue === null ? 'field-error' : daysValue < daysMin ? 'field-error soft' : 'field-hint'}>
                  {daysValue === null
                    ? t('planningUi.dialog.numberRange', { min: 1, max: DAYS_MAX })
                    : t('planningUi.dialog.postingHint', { min: daysMin, rule: 'V3.posting_days_per_week' })}
                </small>
              </label>
            )}
          </>
        )}
        <label className="field">
          <span>{t('planningUi.dialog.reason')}</span>
          <textarea
            ref={reasonRef}
            rows={3}
            maxLength={2000}
            value={reason}
            placeholder={t('planningUi.dialog.reasonPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
            aria-required="true"
            aria-invalid={!reasonOk}
            data-testid="decision-reason"
          />
        </label>
        {!reasonOk && <p className="field-hint">{t('planningUi.dialog.reasonRequired')}</p>}
        <div className="modal-actions">
          <button type="button" onClick={() => close(null)}>
            {t('planningUi.dialog.cancel')}
          </button>
          <button type="submit" className={override ? 'primary' : 'primary danger'} disabled={!canSubmit} data-testid="decision-ok">
            {t('planningUi.dialog.ok')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
