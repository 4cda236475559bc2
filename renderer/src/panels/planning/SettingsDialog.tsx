/**
 * 设置 — the rules table: every policy number the proposals apply, grouped by rule family
 * (V, T, H, P, D, X and the speeds), with its label, editable value, unit, default and the seed
 * clause it comes from. Values are checked inline against the rule's range (and the order of
 * pairs) before saving; 保存 sends only the changed values (all or nothing) and re-runs the
 * analysis so the proposals follow. 恢复默认 per row or for all stages the default until saved.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../../app/errorText.js';
import type { RuleSetting } from '../../../../electron/api/schema.js';
import { TITLE_LEVELS } from '../../../../electron/domain/types.js';
import { Modal } from '../../app/Dialogs.js';
import { loadRuleSettings, saveRuleValues } from '../../app/planningActions.js';
import { useT, type TFunction } from '../../app/useT.js';
import { ruleSourceText } from '../../i18n/planning-format.js';
import { useAppStore } from '../../state/store.js';
import { changedValues, draftOf, groupRules, matchesRule, rangeText, validateDrafts, type DraftError } from './settingsModel.js';

/** A translation, or '' when the catalog has none (labels being added for new rules). */
function optional(t: TFunction, key: string): string {
  const text = t(key);
  return text === key ? '' : text;
}


export function SettingsDialog() {
  const open = useAppStore((s) => s.settingsOpen);
  if (!open) return null;
  return <SettingsBody />;
}

function SettingsBody() {
  const t = useT();
  const close = useAppStore((s) => s.setSettingsOpen);
  const summary = useAppStore((s) => s.summary);
  const readOnly = summary?.readOnly ?? false;
  const [settings, setSettings] = useState<RuleSetting[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [filter, setFilter] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  // Load the project's rules on open; focus goes back where it was on close.
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    let live = true;
    if (summary) {
      loadRuleSettings().then(
        (list) => live && setSettings(list),
        (e: unknown) => live && setLoadError(errorText(e, t)),
      );
    }
    requestAnimationFrame(() => filterRef.current?.focus());
    return () => {
      live = false;
      before?.focus?.();
    };
    // Once per opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const errors = useMemo<Record<string, DraftError>>(() => (settings ? validateDrafts(settings, drafts) : {}), [settings, drafts]);
  const changed = useMemo(() => (settings ? changedValues(settings, drafts) : {}), [settings, drafts]);
  const nChanged = Object.keys(changed).length;
  const nErrors = Object.keys(errors).length;
  const label = (id: string) => optional(t, `ruleLabels.${id}`);
  const groups = useMemo(
    () => (settings ? groupRules(settings.filter((r) => matchesRule(r, label(r.id), filter))) : []),
    // label depends on the locale through t
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [settings, filter, t],
  );

  const setDraft = (id: string, text: string) => {
    setSaveError(null);
    setDrafts((d) => ({ ...d, [id]: text }));
  };
  const resetAll = () => {
    if (!settings) return;
    setSaveError(null);
    setDrafts(Object.fromEntries(settings.map((r) => [r.id, draftOf(r.defaultValue)])));
  };
  const save = async () => {
    if (!settings || nErrors > 0 || saving || readOnly) return;
    setSaving(true);
    setSaveError(null);
    try {
      await saveRuleValues(changed);
      close(false);
    } catch (e) {
      setSaveError(errorText(e, t));
      setSaving(false);
    }
  };

  return (
    <Modal title={t('planningUi.settings.title')} onClose={() => close(false)} testId="settings-dialog" wide>
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="modal-text small">{t('planningUi.settings.intro')}</p>
        {!summary && <p className="panel-hint">{t('planningUi.settings.noProject')}</p>}
        {readOnly && <p className="field-error">{t('planningUi.settings.readOnly')}</p>}
        {loadError && <p className="field-error">{loadError}</p>}
        <div className="settings-toolbar">
          <input
            ref={filterRef}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={t('planningUi.settings.search')}
            aria-label={t('planningUi.settings.search')}
            data-testid="settings-filter"
          />
          <button type="button" className="button" onClick={resetAll} disabled={!settings || readOnly} data-testid="settings-reset-all">
            {t('planningUi.settings.resetAll')}
          </button>
        </div>
        <div className="settings-scroll">
          {summary && !settings && !loadError && <p className="panel-hint">{t('planningUi.settings.loading')}</p>}
          {settings && (
            <table className="data-table settings-table" data-testid="settings-table">
              <thead>
                <tr>
                  <th>{t('planningUi.settings.id')}</th>
                  <th>{t('planningUi.settings.label')}</th>
                  <th>{t('planningUi.settings.value')}</th>
                  <th>{t('planningUi.settings.unit')}</th>
                  <th className="num">{t('planningUi.settings.defaultValue')}</th>
                  <th>{t('planningUi.settings.source')}</th>
                  <th aria-label={t('planningUi.settings.resetRow')} />
                </tr>
              </thead>
              {groups.map((g) => (
                <tbody key={g.family} data-family={g.family}>
                  <tr className="family-row">
                    <th colSpan={7} scope="rowgroup">
                      {t(`planningUi.settings.families.${g.family}`)}
                    </th>
                  </tr>
                  {g.rules.map((r) => (
                    <RuleRow
                      key={r.id}
                      rule={r}
                      t={t}
                      label={label(r.id)}
                      draft={drafts[r.id]}
                      error={errors[r.id]}
                      changed={r.id in changed}
                      disabled={readOnly || saving}
                      onDraft={setDraft}
                    />
                  ))}
                </tbody>
              ))}
            </table>
          )}
        </div>
        {saveError && (
          <p className="field-error" role="alert" data-testid="settings-error">
            {saveError}
          </p>
        )}
        <div className="modal-actions">
          <span className="settings-status" data-testid="settings-status">
            {nErrors > 0 ? t('planningUi.settings.errorCount', { n: nErrors }) : nChanged > 0 ? t('planningUi.settings.changed', { n: nChanged }) : t('planningUi.settings.unchanged')}
          </span>
          <button type="button" onClick={() => close(false)}>
            {t('planningUi.settings.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!settings || nErrors > 0 || nChanged === 0 || saving || readOnly} data-testid="settings-save">
            {saving ? t('planningUi.settings.saving') : t('planningUi.settings.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function RuleRow({
  rule: r,
  t,
  label,
  draft,
  error,
  changed,
  disabled,
  onDraft,
}: {
  rule: RuleSetting;
  t: TFunction;
  label: string;
  draft: string | undefined;
  error: DraftError | undefined;
  changed: boolean;
  disabled: boolean;
  onDraft(id: string, text: string): void;
}) {
  const value = draft ?? draftOf(r.value);
  const unit = optional(t, `ruleUnits.${r.unit}`) || r.unit;
  const range = rangeText(r);
  const isDefault = value.trim() === draftOf(r.defaultValue);
  const inputId = `rule-${r.id}`;
  const errorId = `${inputId}-error`;
  const titleText = (v: string) => optional(t, `planningUi.titles.${v}`) || v;
  const locale = useAppStore((s) => s.locale);
  return (
    <tr className={[changed ? 'changed' : '', error ? 'invalid' : ''].filter(Boolean).join(' ') || undefined} data-rule={r.id}>
      <td className="mono">
        <label htmlFor={inputId}>{r.id}</label>
      </td>
      <td className="rule-label">{label}</td>
      <td className="rule-value">
        {r.unit === 'title' ? (
          <select id={inputId} value={value} disabled={disabled} onChange={(e) => onDraft(r.id, e.target.value)} data-testid="rule-input">
            {TITLE_LEVELS.map((lv) => (
              <option key={lv} value={lv}>
                {titleText(lv)}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={inputId}
            type="text"
            inputMode={typeof r.defaultValue === 'number' ? 'decimal' : 'text'}
            value={value}
            disabled={disabled}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => onDraft(r.id, e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            title={range ? t('planningUi.settings.range', { range }) : undefined}
            data-testid="rule-input"
          />
        )}
        {error && (
          <div className="field-error" id={errorId}>
            {t(`planningUi.settings.errors.${error.code}`, error.params)}
          </div>
        )}
      </td>
      <td className="rule-unit">
        {unit}
        {range && <span className="rule-range">{range}</span>}
      </td>
      <td className="num">{r.unit === 'title' && typeof r.defaultValue === 'string' ? titleText(r.defaultValue) : String(r.defaultValue)}</td>
      <td className="rule-source" title={r.source}>
        {ruleSourceText(locale, r)}
      </td>
      <td>
        <button type="button" className="link-button" disabled={disabled || isDefault} onClick={() => onDraft(r.id, draftOf(r.defaultValue))} data-action="reset">
          {t('planningUi.settings.resetRow')}
        </button>
      </td>
    </tr>
  );
}
