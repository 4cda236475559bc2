/**
 * Team settings of one depot (队伍设置): teams, working days, hours a day, hours on site, travel
 * limit, departure — saved with api.setTourConfig (undoable), then re-planned; and the allowed
 * tour days of the village selected in the calendar.
 */
import { useEffect, useState } from 'react';
import type { SessionSlot } from '../../../../electron/domain/tour-evaluate.js';
import { WEEKDAYS, formatClock, parseClock, type ThcTourConfig, type ThcWeekPlan, type Weekday } from '../../../../electron/domain/tours.js';
import { useLocale, useT } from '../../app/useT.js';
import { saveTeamConfig, saveVillageDays } from './toursActions.js';
import { weekdayName } from './tourModel.js';

interface Draft {
  teams: string;
  workingDays: Weekday[];
  hoursPerDay: string;
  sessionHours: string;
  maxTravel: string;
  dayStart: string;
}

const draftOf = (c: ThcTourConfig): Draft => ({
  teams: String(c.teams),
  workingDays: [...c.workingDays],
  hoursPerDay: String(c.hoursPerDay),
  sessionHours: String(c.sessionHours),
  maxTravel: String(c.maxTravelMinutesPerDay),
  dayStart: formatClock(c.dayStart),
});

export function TourSettings({ week, selected, onClose }: { week: ThcWeekPlan; selected: SessionSlot | null; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const [draft, setDraft] = useState<Draft>(() => draftOf(week.config));
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(draftOf(week.config)), [week.config]);

  const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
  const start = parseClock(draft.dayStart);
  const config: ThcTourConfig = {
    thcCode: week.config.thcCode,
    teams: num(draft.teams),
    workingDays: WEEKDAYS.filter((d) => draft.workingDays.includes(d)),
    hoursPerDay: num(draft.hoursPerDay),
    sessionHours: num(draft.sessionHours),
    maxTravelMinutesPerDay: num(draft.maxTravel),
    dayStart: start ?? week.config.dayStart,
  };
  const valid =
    Number.isInteger(config.teams) && config.teams >= 0 && Number.isFinite(config.hoursPerDay) && Number.isFinite(config.sessionHours) && Number.isFinite(config.maxTravelMinutesPerDay) && start !== null;
  const changed = JSON.stringify(draftOf(week.config)) !== JSON.stringify({ ...draft, workingDays: config.workingDays });

  // The selected visit's villages: their allowed days.
  const stop = selected ? week.days.find((d) => d.team === selected.team && d.day === selected.day)?.stops.find((s) => s.session === selected.session) : null;
  const demand = stop ? week.demands.find((d) => d.venueCode === stop.venueCode) : null;

  return (
    <form
      className="tour-settings"
      data-testid="tour-settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid || saving) return;
        setSaving(true);
        void saveTeamConfig(config, week.name).finally(() => setSaving(false));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h3>{t('toursUi.settings.title', { name: week.name })}</h3>
      <div className="tour-settings-grid">
        <label>
          <span>{t('toursUi.settings.teams')}</span>
          <input type="number" min={0} max={20} step={1} value={draft.teams} onChange={(e) => setDraft({ ...draft, teams: e.target.value })} data-field="teams" />
        </label>
        <label>
          <span>{t('toursUi.settings.hoursPerDay')}</span>
          <input type="number" min={1} max={14} step={0.5} value={draft.hoursPerDay} onChange={(e) => setDraft({ ...draft, hoursPerDay: e.target.value })} data-field="hoursPerDay" />
        </label>
        <label>
          <span>{t('toursUi.settings.sessionHours')}</span>
          <input type="number" min={0.5} max={12} step={0.5} value={draft.sessionHours} onChange={(e) => setDraft({ ...draft, sessionHours: e.target.value })} data-field="sessionHours" />
        </label>
        <label>
          <span>{t('toursUi.settings.maxTravel')}</span>
          <input type="number" min={0} max={1440} step={5} value={draft.maxTravel} onChange={(e) => setDraft({ ...draft, maxTravel: e.target.value })} data-field="maxTravel" />
        </label>
        <label>
          <span>{t('toursUi.settings.dayStart')}</span>
          <input type="text" inputMode="numeric" value={draft.dayStart} aria-invalid={start === null} onChange={(e) => setDraft({ ...draft, dayStart: e.target.value })} data-field="dayStart" />
          {start === null && <span className="field-error">{t('toursUi.settings.invalidClock')}</span>}
        </label>
      </div>
      <fieldset className="tour-days">
        <legend>{t('toursUi.settings.workingDays')}</legend>
        {WEEKDAYS.map((d) => (
          <label key={d}>
            <input
              type="checkbox"
              checked={draft.workingDays.includes(d)}
              onChange={(e) => setDraft({ ...draft, workingDays: e.target.checked ? [...draft.workingDays, d] : draft.workingDays.filter((x) => x !== d) })}
            />
            {weekdayName(locale, d)}
          </label>
        ))}
      </fieldset>
      <div className="tour-settings-actions">
        <button type="button" className="button" disabled={!changed} onClick={() => setDraft(draftOf(week.config))}>
          {t('toursUi.settings.reset')}
        </button>
        <button type="submit" className="button primary" disabled={!valid || !changed || saving} data-testid="tour-settings-save">
          {t('toursUi.settings.save')}
        </button>
      </div>
      <VillageDays key={demand?.venueCode ?? ''} demand={demand ?? null} />
    </form>
  );
}

function VillageDays({ demand }: { demand: ThcWeekPlan['demands'][number] | null }) {
  const t = useT();
  const locale = useLocale();
  const [days, setDays] = useState<Weekday[] | null>(demand?.allowedDays ?? null);
  const [saving, setSaving] = useState(false);
  if (!demand) return <p className="tour-hint">{t('toursUi.settings.villageHint')}</p>;
  return (
    <fieldset className="tour-days" data-testid="tour-village-days">
      <legend>
        {t('toursUi.settings.village')}：{demand.names.join('、')}
      </legend>
      <label>
        <input type="checkbox" checked={days === null} onChange={(e) => setDays(e.target.checked ? null : [...WEEKDAYS])} />
        {t('toursUi.settings.anyDay')}
      </label>
      {WEEKDAYS.map((d) => (
        <label key={d}>
          <input
            type="checkbox"
            disabled={days === null}
            checked={days === null || days.includes(d)}
            onChange={(e) => setDays(e.target.checked ? WEEKDAYS.filter((x) => x === d || (days ?? []).includes(x)) : (days ?? []).filter((x) => x !== d))}
          />
          {weekdayName(locale, d)}
        </label>
      ))}
      <button
        type="button"
        className="button"
        disabled={saving || (days !== null && days.length === 0)}
        onClick={() => {
          setSaving(true);
          void saveVillageDays(demand.villageCodes, days).finally(() => setSaving(false));
        }}
      >
        {t('toursUi.settings.saveVillage')}
      </button>
    </fieldset>
  );
}
