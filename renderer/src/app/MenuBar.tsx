/**
 * Browser-mode menu bar (文件 编辑 视图 分析 打印 帮助). Items are the commands of commands.ts;
 * in Electron the native menu shows the same ids instead.
 */
import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../state/store.js';
import { commandsOfMenu, MENUS, shortcutLabel, toolbarCommands, type CommandState, type MenuId } from './commands.js';
import { dispatchCommand } from './actions.js';
import { useT } from './useT.js';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

function useCommandState(): CommandState {
  const locale = useAppStore((s) => s.locale);
  const legendVisible = useAppStore((s) => s.legendVisible);
  const hasProject = useAppStore((s) => s.summary !== null);
  const readOnly = useAppStore((s) => s.summary?.readOnly ?? false);
  const analysisRunning = useAppStore((s) => s.analysisStatus.kind === 'running');
  const hasCoverage = useAppStore((s) => s.baseline !== null);
  const whatIf = useAppStore((s) => s.whatIf.active);
  const whatIfChanged = useAppStore((s) => Object.keys(s.whatIf.moved).length > 0 || s.whatIf.added.length > 0);
  return { locale, legendVisible, hasProject, readOnly, analysisRunning, hasCoverage, whatIf, whatIfChanged };
}

export function MenuBar() {
  const t = useT();
  const [open, setOpen] = useState<MenuId | null>(null);
  const barRef = useRef<HTMLElement>(null);
  const state = useCommandState();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!barRef.current?.contains(e.target as Node)) setOpen(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(null);
    };
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <nav className="menu-bar" ref={barRef} role="menubar" aria-label={t('app.title')}>
      {MENUS.map((menu) => (
        <div key={menu} className="menu">
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === menu}
            className={open === menu ? 'menu-title open' : 'menu-title'}
            data-menu={menu}
            onClick={() => setOpen(open === menu ? null : menu)}
            onMouseEnter={() => open && setOpen(menu)}
          >
            {t(`menu.${menu}`)}
          </button>
          {open === menu && (
            <ul className="menu-dropdown" role="menu">
              {commandsOfMenu(menu).map((cmd) => {
                const enabled = cmd.enabled ? cmd.enabled(state) : true;
                const checked = cmd.checked ? cmd.checked(state) : undefined;
                return (
                  <li key={cmd.id} role="none" className={cmd.separatorBefore ? 'separator-before' : undefined}>
                    <button
                      type="button"
                      role={checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                      aria-checked={checked}
                      disabled={!enabled}
                      data-command={cmd.id}
                      onClick={() => {
                        setOpen(null);
                        dispatchCommand(cmd.id);
                      }}
                    >
                      <span className="menu-check">{checked ? '✓' : ''}</span>
                      <span className="menu-label">{t(cmd.labelKey)}</span>
                      <span className="menu-shortcut">{cmd.shortcut ? shortcutLabel(cmd.shortcut, isMac) : ''}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
    </nav>
  );
}

/** Toolbar buttons for the frequent commands (both doors; the only bar in Electron). */
export function Toolbar() {
  const t = useT();
  const state = useCommandState();
  return (
    <div className="toolbar" role="toolbar" aria-label={t('menu.toolbar')}>
      <div className="toolbar-buttons">
        {toolbarCommands().map((cmd, i, all) => {
          const enabled = cmd.enabled ? cmd.enabled(state) : true;
          const checked = cmd.checked ? cmd.checked(state) : undefined;
          const groupStart = i > 0 && all[i - 1].menu !== cmd.menu;
          return (
            <button
              key={cmd.id}
              type="button"
              className={`tool-button${checked ? ' active' : ''}${groupStart ? ' group-start' : ''}`}
              aria-pressed={checked}
              disabled={!enabled}
              data-command={cmd.id}
              title={cmd.shortcut ? `${t(cmd.labelKey)} (${shortcutLabel(cmd.shortcut, isMac)})` : t(cmd.labelKey)}
              onClick={() => dispatchCommand(cmd.id)}
            >
              {t(cmd.toolbarKey!)}
            </button>
          );
        })}
      </div>
      <div className="locale-switch" role="group" aria-label={t('menu.language')}>
        <button type="button" className={state.locale === 'zh-CN' ? 'active' : ''} data-command="view.locale.zh-CN" onClick={() => dispatchCommand('view.locale.zh-CN')}>
          {t('menu.localeZh')}
        </button>
        <button type="button" className={state.locale === 'en' ? 'active' : ''} data-command="view.locale.en" onClick={() => dispatchCommand('view.locale.en')}>
          {t('menu.localeEn')}
        </button>
      </div>
    </div>
  );
}
