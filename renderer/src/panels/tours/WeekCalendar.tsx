/**
 * The week calendar of one depot: teams × working days, two half-day rows (上午/下午) per team and
 * a row with each team-day's travel. A visit can be dragged to another cell (HTML5 drag and drop)
 * or moved with the keyboard (Enter on a visit, arrows to the target, Enter; Esc cancels) or with
 * the 移到… list; the move goes through moveStop and the edited plan replaces the depot's plan.
 * Hovering or selecting a cell highlights its team-day route on the map.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SessionSlot } from '../../../../electron/domain/tour-evaluate.js';
import { SESSIONS, formatClock, type ThcWeekPlan } from '../../../../electron/domain/tours.js';
import { useLocale, useT } from '../../app/useT.js';
import { useAppStore } from '../../state/store.js';
import { applyMove, calendarModel, moveTargets, slotKey, teamDayColor, teamDayKey, sessionName, tourIssueText, weekdayName, type CalendarCell } from './tourModel.js';

const DRAG_TYPE = 'application/x-ccp-tour-slot';

export function WeekCalendar({ plan, selected, onSelect }: { plan: ThcWeekPlan; selected: SessionSlot | null; onSelect(slot: SessionSlot | null): void }) {
  const t = useT();
  const locale = useLocale();
  const setEdit = useAppStore((s) => s.setTourEdit);
  const setHighlight = useAppStore((s) => s.setTourHighlight);
  const model = useMemo(() => calendarModel(plan), [plan]);
  const [moving, setMoving] = useState<SessionSlot | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [dropKey, setDropKey] = useState<string | null>(null);
  const dragFrom = useRef<SessionSlot | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const keys = useMemo(() => model.teams.flatMap((team) => SESSIONS.map((session) => model.days.map((day) => slotKey({ team, day, session })))), [model]);
  const firstVisit = [...model.cells.values()].find((c) => c.stop)?.key ?? keys[0]?.[0] ?? null;
  const tabKey = focusKey && model.cells.has(focusKey) ? focusKey : selected && model.cells.has(slotKey(selected)) ? slotKey(selected) : firstVisit;

  const move = (from: SessionSlot, to: SessionSlot) => {
    const edited = applyMove(plan, from, to);
    if (!edited) return;
    setEdit(plan.thcCode, edited);
    onSelect(to);
    setHighlight({ team: to.team, day: to.day });
  };

  const focusCell = (key: string) => {
    setFocusKey(key);
    tableRef.current?.querySelector<HTMLElement>(`[data-slot="${CSS.escape(key)}"]`)?.focus();
  };

  const onKey = (e: KeyboardEvent<HTMLTableCellElement>, cell: CalendarCell) => {
    const row = keys.findIndex((r) => r.includes(cell.key));
    const col = keys[row]?.indexOf(cell.key) ?? -1;
    const go = (r: number, c: number) => {
      const k = keys[Math.max(0, Math.min(keys.length - 1, r))]?.[Math.max(0, Math.min(model.days.length - 1, c))];
      if (k) focusCell(k);
    };
    switch (e.key) {
      case 'ArrowUp':
        go(row - 1, col);
        break;
      case 'ArrowDown':
        go(row + 1, col);
        break;
      case 'ArrowLeft':
        go(row, col - 1);
        break;
      case 'ArrowRight':
        go(row, col + 1);
        break;
      case 'Enter':
      case ' ':
        if (moving) {
          if (cell.working) move(moving, cell);
          setMoving(null);
        } else if (cell.stop) {
          onSelect(cell);
          setHighlight({ team: cell.team, day: cell.day });
          setMoving({ team: cell.team, day: cell.day, session: cell.session });
        } else onSelect(null);
        break;
      case 'Escape':
        if (moving) {
          setMoving(null);
          e.stopPropagation();
        }
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const movingCell = moving ? model.cells.get(slotKey(moving)) : null;
  const selectedCell = selected ? model.cells.get(slotKey(selected)) : null;
  const selectedStop = selectedCell?.stop ? selectedCell : null;
  const targets = selectedStop ? moveTargets(model, selectedStop) : [];
  const cellName = (c: CalendarCell) => `${t('toursUi.calendar.teamDay', { team: c.team, day: weekdayName(locale, c.day) })} ${sessionName(locale, c.session)}`;

  return (
    <div className="tour-calendar-wrap">
      <p className="tour-hint" data-testid="tour-calendar-hint" aria-live="polite">
        {movingCell?.stop ? t('toursUi.calendar.moving', { name: movingCell.names.join('、') }) : t('toursUi.calendar.hint')}
      </p>
      <div className="tour-calendar-scroll">
        <table
          ref={tableRef}
          className="tour-calendar"
          role="grid"
          aria-label={t('toursUi.calendar.label', { name: plan.name })}
          data-testid="tour-calendar"
          onMouseLeave={() => setHighlight(selected ? { team: selected.team, day: selected.day } : null)}
        >
          <thead>
            <tr>
              <th scope="col" colSpan={2} />
              {model.days.map((day) => (
                <th key={day} scope="col" className={plan.config.workingDays.includes(day) ? '' : 'off-day'} data-day={day}>
                  {weekdayName(locale, day)}
                </th>
              ))}
            </tr>
          </thead>
          {model.teams.map((team) => (
            <tbody key={team} data-team={team}>
              {SESSIONS.map((session, si) => (
                <tr key={session}>
                  {si === 0 && (
                    <th scope="rowgroup" rowSpan={3} className="tour-team">
                      {t('toursUi.calendar.team', { n: team })}
                    </th>
                  )}
                  <th scope="row" className="tour-session">
                    {sessionName(locale, session)}
                  </th>
                  {model.days.map((day) => {
                    const key = slotKey({ team, day, session });
                    const cell = model.cells.get(key)!;
                    const color = teamDayColor(team, day);
                    const isSelected = selected !== null && slotKey(selected) === key;
                    const issueText = cell.issues.map((i) => tourIssueText(locale, i)).join('\n');
                    const content = cell.stop
                      ? `${cell.names.join('、')} ${formatClock(cell.stop.arrive)}–${formatClock(cell.stop.depart)} ${t('toursUi.calendar.travel', { minutes: Math.round(cell.stop.travelMinutes) })}`
                      : cell.working
                        ? t('toursUi.calendar.free')
                        : t('toursUi.calendar.notWorking');
                    const cls = [
                      'tour-cell',
                      cell.stop ? 'has-visit' : 'empty',
                      cell.working ? '' : 'off',
                      cell.severity ? `flag-${cell.severity}` : '',
                      isSelected ? 'selected' : '',
                      dropKey === key ? 'drop-target' : '',
                      moving && slotKey(moving) === key ? 'moving' : '',
                    ]
                      .filter(Boolean)
                      .join(' ');
                    return (
                      <td
                        key={day}
                        role="gridcell"
                        className={cls}
                        tabIndex={key === tabKey ? 0 : -1}
                        data-slot={key}
                        data-team={team}
                        data-day={day}
                        data-session={session}
                        data-venue={cell.stop?.venueCode ?? ''}
                        data-severity={cell.severity ?? ''}
                        aria-selected={isSelected}
                        aria-label={t('toursUi.calendar.cellLabel', { team, day: weekdayName(locale, day), session: sessionName(locale, session), content }) + (issueText ? `\n${issueText}` : '')}
                        title={issueText || undefined}
                        style={cell.stop ? { borderLeftColor: color, background: `${color}1f` } : undefined}
                        onFocus={() => setFocusKey(key)}
                        onKeyDown={(e) => onKey(e, cell)}
                        onMouseEnter={() => setHighlight(cell.stop ? { team, day } : selected ? { team: selected.team, day: selected.day } : null)}
                        onClick={() => {
                          if (moving) {
                            if (cell.working) move(moving, cell);
                            setMoving(null);
                            return;
                          }
                          onSelect(cell.stop ? cell : null);
                          setHighlight(cell.stop ? { team, day } : null);
                        }}
                        onDragOver={(e) => {
                          if (!dragFrom.current || !cell.working) return;
                          e.preventDefault();
                          e.dataTransfer.dropEffect = 'move';
                          if (dropKey !== key) setDropKey(key);
                        }}
                        onDragLeave={() => dropKey === key && setDropKey(null)}
                        onDrop={(e) => {
                          e.preventDefault();
                          setDropKey(null);
                          const from = dragFrom.current;
                          dragFrom.current = null;
                          if (from && cell.working) move(from, cell);
                        }}
                      >
                        {cell.stop ? (
                          <div
                            className="tour-visit"
                            draggable
                            data-testid="tour-visit"
                            onDragStart={(e) => {
                              dragFrom.current = { team, day, session };
                              e.dataTransfer.effectAllowed = 'move';
                              e.dataTransfer.setData(DRAG_TYPE, key);
                              e.dataTransfer.setData('text/plain', cell.names.join('、'));
                              setHighlight({ team, day });
                            }}
                            onDragEnd={() => {
                              dragFrom.current = null;
                              setDropKey(null);
                            }}
                          >
                            <span className="tour-visit-name">
                              {cell.severity && (
                                <span className={`tour-flag ${cell.severity}`} aria-hidden="true">
                                  !
                                </span>
                              )}
                              {cell.names.join('、')}
                            </span>
                            <span className="tour-visit-time">
                              {formatClock(cell.stop.arrive)}–{formatClock(cell.stop.depart)}
                            </span>
                            <span className="tour-visit-travel">{t('toursUi.calendar.travel', { minutes: Math.round(cell.stop.travelMinutes) })}</span>
                          </div>
                        ) : (
                          <span className="tour-free">{cell.working ? '' : t('toursUi.calendar.notWorking')}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr className="tour-day-row">
                <th scope="row" className="tour-session" />
                {model.days.map((day) => {
                  const td = model.teamDays.get(teamDayKey(team, day));
                  const used = td && td.stops.length > 0;
                  const flagged = plan.issues.some((i) => i.team === team && i.day === day && !i.villageCode);
                  return (
                    <td key={day} className={flagged ? 'tour-day flag-error' : 'tour-day'} data-team={team} data-day={day}>
                      {used && (
                        <>
                          <span className="tour-swatch" style={{ background: teamDayColor(team, day) }} aria-hidden="true" />
                          {t('toursUi.calendar.dayTravel', { minutes: Math.round(td.travelMinutes), start: formatClock(td.start), end: formatClock(td.end) })}
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            </tbody>
          ))}
        </table>
      </div>
      {selectedStop && (
        <div className="tour-move-bar" data-testid="tour-move-bar">
          <span>
            {selectedStop.names.join('、')} · {cellName(selectedStop)}
          </span>
          <label>
            <span>{t('toursUi.calendar.moveMenu', { name: selectedStop.names.join('、') })}</span>
            <select
              value=""
              title={t('toursUi.calendar.moveToTitle')}
              data-testid="tour-move-to"
              onChange={(e) => {
                const to = targets.find((c) => c.key === e.target.value);
                if (to) move(selectedStop, to);
              }}
            >
              <option value="">{t('toursUi.calendar.moveTo')}</option>
              {targets.map((c) => (
                <option key={c.key} value={c.key}>
                  {cellName(c)}
                  {c.stop ? ` ⇄ ${c.names.join('、')}` : ''}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <p className="tour-hint tour-map-key">{t('toursUi.calendar.mapKey')}</p>
    </div>
  );
}
