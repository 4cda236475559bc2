/**
 * The scenario panel (side dock, 方案): the baseline and the stored scenarios, the active one
 * marked; new (a copy of the active one), rename, delete, make active (its decisions, then a
 * fresh analysis), compare; and the active scenario's edits, each with an undo button.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { BASELINE_SCENARIO_ID, type ScenarioInfo } from '../../../../electron/domain/planning.js';
import { activateScenario, createScenario, deleteScenario, editActiveScenario, loadPostings, openCompare, renameScenario } from '../../app/scenarioActions.js';
import { useT, type TFunction } from '../../app/useT.js';
import { selectActiveScenario } from '../../state/scenarioSlice.js';
import { useAppStore } from '../../state/store.js';
import { formatNumber } from '../format.js';
import { editLines, postingPatchFields, removeFacilityEdit, removePostingEdit, upgradeFields, type EditLine } from './payload.js';

type NameForm = { kind: 'new' } | { kind: 'rename'; id: number };

const editCount = (s: ScenarioInfo) => s.payload.facilityEdits.length + s.payload.postingEdits.length;

export function ScenarioPanel() {
  const t = useT();
  const hasProject = useAppStore((s) => s.summary !== null);
  const readOnly = useAppStore((s) => s.summary?.readOnly ?? false);
  const scenarios = useAppStore((s) => s.scenarios);
  const activeId = useAppStore((s) => s.activeScenarioId);
  const busy = useAppStore((s) => s.scenarioBusy);
  const running = useAppStore((s) => s.analysisStatus.kind === 'running');
  const [selected, setSelected] = useState<number>(activeId);
  const [form, setForm] = useState<NameForm | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // The selection follows the active scenario when it changes (switch, create, delete).
  useEffect(() => setSelected(activeId), [activeId]);
  useEffect(() => {
    if (selected !== BASELINE_SCENARIO_ID && !scenarios.some((s) => s.id === selected)) setSelected(activeId);
  }, [scenarios, selected, activeId]);

  if (!hasProject) return null;
  const ids = [BASELINE_SCENARIO_ID, ...scenarios.map((s) => s.id)];
  const selectedInfo = scenarios.find((s) => s.id === selected) ?? null;

  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const i = ids.indexOf(selected);
    let next = i;
    if (e.key === 'ArrowDown') next = Math.min(ids.length - 1, i + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = ids.length - 1;
    else if (e.key === 'Enter') {
      e.preventDefault();
      if (selected !== activeId && !running) void activateScenario(selected);
      return;
    } else if (e.key === 'F2' && selectedInfo) {
      e.preventDefault();
      setForm({ kind: 'rename', id: selectedInfo.id });
      return;
    } else if (e.key === 'Delete' && selectedInfo) {
      e.preventDefault();
      void deleteScenario(selectedInfo.id);
      return;
    } else return;
    e.preventDefault();
    setSelected(ids[next]);
  };

  return (
    <section className="scenario-panel" aria-label={t('scenariosUi.panel.title')} data-testid="scenario-panel" data-active={activeId}>
      <h2 className="panel-title">
        {t('scenariosUi.panel.title')}
        {busy && <span className="panel-title-note">{t('scenariosUi.panel.busy')}</span>}
      </h2>
      <ul
        ref={listRef}
        className="scenario-list"
        role="listbox"
        tabIndex={0}
        aria-label={t('scenariosUi.panel.listLabel')}
        aria-activedescendant={`scenario-option-${selected}`}
        onKeyDown={onListKey}
        data-testid="scenario-list"
      >
        <ScenarioItem t={t} id={BASELINE_SCENARIO_ID} name={t('scenariosUi.panel.baseline')} meta={t('scenariosUi.panel.baselineMeta')} active={activeId === BASELINE_SCENARIO_ID} selected={selected === BASELINE_SCENARIO_ID} onSelect={setSelected} onActivate={running ? undefined : (id) => void activateScenario(id)} />
        {scenarios.map((s) => (
          <ScenarioItem
            key={s.id}
            t={t}
            id={s.id}
            name={s.name}
            meta={editCount(s) > 0 ? t('scenariosUi.panel.editCount', { n: editCount(s) }) : t('scenariosUi.panel.noEditsMeta')}
            title={s.description || undefined}
            active={activeId === s.id}
            selected={selected === s.id}
            onSelect={setSelected}
            onActivate={running ? undefined : (id) => void activateScenario(id)}
          />
        ))}
      </ul>

      {form ? (
        <NameEditor
          t={t}
          initial={form.kind === 'new' ? t('scenariosUi.panel.defaultName', { n: scenarios.length + 1 }) : (scenarios.find((s) => s.id === form.id)?.name ?? '')}
          submitLabel={form.kind === 'new' ? t('scenariosUi.panel.create') : t('scenariosUi.panel.save')}
          taken={(name) => scenarios.some((s) => s.name === name && (form.kind === 'new' || s.id !== form.id))}
          onCancel={() => {
            setForm(null);
            listRef.current?.focus();
          }}
          onSubmit={(name) => {
            setForm(null);
            if (form.kind === 'new') void createScenario(name);
            else void renameScenario(form.id, name);
          }}
        />
      ) : (
        <div className="scenario-actions">
          <button type="button" className="button primary" data-testid="scenario-activate" disabled={selected === activeId || running || busy} title={t('scenariosUi.panel.activateTitle')} onClick={() => void activateScenario(selected)}>
            {t('scenariosUi.panel.activate')}
          </button>
          <button type="button" className="button" data-testid="scenario-new" disabled={readOnly || busy} title={t('scenariosUi.panel.newTitle')} onClick={() => setForm({ kind: 'new' })}>
            {t('scenariosUi.panel.new')}
          </button>
          <button type="button" className="button" data-testid="scenario-rename" disabled={!selectedInfo || readOnly || busy} onClick={() => selectedInfo && setForm({ kind: 'rename', id: selectedInfo.id })}>
            {t('scenariosUi.panel.rename')}
          </button>
          <button type="button" className="button" data-testid="scenario-delete" disabled={!selectedInfo || readOnly || busy} onClick={() => selectedInfo && void deleteScenario(selectedInfo.id)}>
            {t('scenariosUi.panel.delete')}
          </button>
          <button type="button" className="button" data-testid="scenario-compare" onClick={() => openCompare()}>
            {t('scenariosUi.panel.compare')}
          </button>
        </div>
      )}

      <ActiveEdits />
    </section>
  );
}

function ScenarioItem(props: {
  t: TFunction;
  id: number;
  name: string;
  meta: string;
  title?: string;
  active: boolean;
  selected: boolean;
  onSelect(id: number): void;
  onActivate?: (id: number) => void;
}) {
  const cls = ['scenario-item', props.active ? 'active' : '', props.selected ? 'selected' : ''].filter(Boolean).join(' ');
  return (
    <li
      id={`scenario-option-${props.id}`}
      role="option"
      aria-selected={props.selected}
      className={cls}
      title={props.title}
      data-scenario-id={props.id}
      data-active={props.active ? 'true' : 'false'}
      onClick={() => props.onSelect(props.id)}
      onDoubleClick={() => !props.active && props.onActivate?.(props.id)}
    >
      <span className="scenario-mark" aria-hidden="true">
        {props.active ? '●' : ''}
      </span>
      <span className="scenario-name">{props.name}</span>
      {props.active ? <span className="scenario-badge">{props.t('scenariosUi.panel.active')}</span> : <span className="scenario-meta">{props.meta}</span>}
    </li>
  );
}

function NameEditor(props: { t: TFunction; initial: string; submitLabel: string; taken(name: string): boolean; onCancel(): void; onSubmit(name: string): void }) {
  const { t } = props;
  const [value, setValue] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <form
      className="scenario-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        const name = value.trim();
        if (!name) return setError(t('scenariosUi.panel.nameRequired'));
        if (props.taken(name)) return setError(t('scenariosUi.panel.nameTaken'));
        props.onSubmit(name);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <label>
        <span className="field-label">{t('scenariosUi.panel.nameLabel')}</span>
        <input
          ref={ref}
          type="text"
          value={value}
          maxLength={100}
          aria-invalid={error !== null}
          data-testid="scenario-name-input"
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
        />
      </label>
      {error && <p className="field-error">{error}</p>}
      <div className="scenario-actions">
        <button type="submit" className="button primary" data-testid="scenario-name-ok">
          {props.submitLabel}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t('scenariosUi.panel.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The active scenario's edits, each with an undo (×) button. */
function ActiveEdits() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const active = useAppStore(selectActiveScenario);
  const facilities = useAppStore((s) => s.layers.facilities);
  const postings = useAppStore((s) => s.postings);
  const busy = useAppStore((s) => s.scenarioBusy);
  const running = useAppStore((s) => s.analysisStatus.kind === 'running');
  const needsPostings = (active?.payload.postingEdits.length ?? 0) > 0 && postings === null;

  useEffect(() => {
    if (needsPostings) void loadPostings();
  }, [needsPostings]);

  const lines = useMemo(() => {
    if (!active) return [];
    const facilityName = (code: string) => facilities?.features.find((f) => f.properties.code === code)?.properties.name ?? null;
    const postingPerson = (id: number) => postings?.find((p) => p.id === id)?.person ?? null;
    return editLines(active.payload, facilityName, postingPerson);
  }, [active, facilities, postings]);

  if (!active) return <p className="panel-hint scenario-hint">{t('scenariosUi.panel.baselineHint')}</p>;

  const detail = (line: EditLine): string | null => {
    if (line.kind === 'facility') {
      const e = active.payload.facilityEdits[line.index];
      const fields = upgradeFields(e);
      if (fields.length === 0) return e.op === 'add' || e.op === 'close' || e.op === 'move' ? line.params.code.toString() : null;
      return fields.map(([k, v]) => t('scenariosUi.edits.field', { field: t(`fields.${k}`), value: fieldValue(t, k, v) })).join(locale === 'zh-CN' ? '；' : '; ');
    }
    const e = active.payload.postingEdits[line.index];
    const fields = postingPatchFields(e);
    if (fields.length === 0) return null;
    return fields.map(([k, v]) => t('scenariosUi.edits.field', { field: postingFieldLabel(t, k), value: postingValue(t, k, v) })).join(locale === 'zh-CN' ? '；' : '; ');
  };

  const remove = (line: EditLine) =>
    void editActiveScenario((p) => (line.kind === 'facility' ? removeFacilityEdit(p, line.index) : removePostingEdit(p, line.index)));

  return (
    <div className="scenario-edits" data-testid="scenario-edits">
      <h3>{t('scenariosUi.panel.editsTitle', { n: formatNumber(locale, lines.length) })}</h3>
      {lines.length === 0 ? (
        <p className="panel-hint">{t('scenariosUi.panel.noEdits')}</p>
      ) : (
        <ul>
          {lines.map((line) => {
            const d = detail(line);
            return (
              <li key={`${line.kind}-${line.index}`} data-edit-kind={line.kind} data-edit-op={line.key.split('.')[1]}>
                <div className="scenario-edit-text">
                  <span>{t(`scenariosUi.${line.key}`, line.params)}</span>
                  {d && <span className="scenario-edit-detail">{d}</span>}
                </div>
                <button
                  type="button"
                  className="icon-button"
                  disabled={busy || running}
                  title={t('scenariosUi.panel.removeEdit')}
                  aria-label={`${t('scenariosUi.panel.removeEdit')}：${t(`scenariosUi.${line.key}`, line.params)}`}
                  onClick={() => remove(line)}
                  data-testid="scenario-edit-remove"
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function fieldValue(t: TFunction, key: string, v: string | number | boolean): string {
  if (key === 'capability') return t(`capabilities.${String(v)}`);
  if (typeof v === 'boolean') return t(v ? 'values.yes' : 'values.no');
  return String(v);
}

function postingFieldLabel(t: TFunction, key: string): string {
  const col: Record<string, string> = { titleLevel: 'title', release: 'release', daysPerWeek: 'days', startDate: 'term', endDate: 'term', toInstitution: 'to', toVillage: 'to' };
  if (key === 'startDate') return t('scenariosUi.roster.startDate');
  if (key === 'endDate') return t('scenariosUi.roster.endDate');
  return col[key] ? t(`scenariosUi.roster.columns.${col[key]}`) : key;
}

function postingValue(t: TFunction, key: string, v: string | number | null): string {
  if (v === null) return '–';
  if (key === 'release') return t(`scenariosUi.roster.releases.${String(v)}`);
  if (key === 'titleLevel') return t(`scenariosUi.roster.titles.${String(v)}`);
  return String(v);
}
