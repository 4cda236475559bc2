import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../electron/main/menu-commands.js';
import {
  COMMANDS,
  MENUS,
  commandForKey,
  matchShortcut,
  runCommand,
  shortcutLabel,
  type CommandContext,
  type CommandState,
} from '../../renderer/src/app/commands.js';
import { translate, type Locale } from '../../renderer/src/i18n/index.js';
import { spyContext } from '../helpers/command-context.js';

const withProject: CommandState = { locale: 'zh-CN', legendVisible: true, hasProject: true };
const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('command registry', () => {
  it('has unique ids', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('labels every command and menu in both locales', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const c of COMMANDS) {
        expect(translate(locale, c.labelKey), `${locale} ${c.id}`).not.toBe(c.labelKey);
        if (c.toolbarKey) expect(translate(locale, c.toolbarKey), `${locale} ${c.id} toolbar`).not.toBe(c.toolbarKey);
      }
      for (const m of MENUS) expect(translate(locale, `menu.${m}`)).not.toBe(`menu.${m}`);
    }
    expect(translate('zh-CN', 'menu.file')).toBe('文件');
  });

  it('covers every command the native Electron menu sends', () => {
    const ids = new Set(COMMANDS.map((c) => c.id));
    expect(MENU_COMMANDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has no two commands on the same shortcut', () => {
    const shortcuts = COMMANDS.flatMap((c) => (c.shortcut ? [c.shortcut] : []));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  it('opens the print layout editor from 打印 → 打印地图 (Ctrl+P), and only with a project', async () => {
    const ctx = spyContext();
    expect(await runCommand('print.map', ctx, withProject)).toBe(true);
    expect(ctx.openPrint).toHaveBeenCalledTimes(1);
    const others = Object.entries(ctx).filter(([name, fn]) => name !== 'openPrint' && fn.mock.calls.length > 0);
    expect(others).toEqual([]);
    expect(await runCommand('print.map', ctx, { ...withProject, hasProject: false })).toBe(false);
  });

  it('runs built commands through the context', async () => {
    const ctx = spyContext();
    await runCommand('file.openDemo', ctx, withProject);
    await runCommand('view.locale.en', ctx, withProject);
    await runCommand('view.toggleLegend', ctx, withProject);
    expect(ctx.openDemo).toHaveBeenCalledTimes(1);
    expect(ctx.setLocale).toHaveBeenCalledWith('en');
    expect(ctx.toggleLegend).toHaveBeenCalledTimes(1);
  });

  it('ignores unknown ids and disabled commands', async () => {
    const ctx = spyContext();
    expect(await runCommand('file.bogus', ctx)).toBe(false);
    expect(await runCommand('file.saveAs', ctx, { ...withProject, hasProject: false })).toBe(false);
    expect(ctx.saveAs).not.toHaveBeenCalled();
  });
});

describe('shortcuts', () => {
  it('match Ctrl or ⌘ for CmdOrCtrl, and require the exact modifiers', () => {
    expect(matchShortcut('CmdOrCtrl+O', key('o', { ctrlKey: true }))).toBe(true);
    expect(matchShortcut('CmdOrCtrl+O', key('o', { metaKey: true }))).toBe(true);
    expect(matchShortcut('CmdOrCtrl+O', key('o'))).toBe(false);
    expect(matchShortcut('CmdOrCtrl+O', key('O', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchShortcut('CmdOrCtrl+Shift+S', key('S', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchShortcut('F1', key('F1'))).toBe(true);
  });

  it('find the command for a key press', () => {
    expect(commandForKey(key('s', { ctrlKey: true, shiftKey: true }))?.id).toBe('file.saveAs');
    expect(commandForKey(key('p', { ctrlKey: true }))?.id).toBe('print.map');
    expect(commandForKey(key('q'))).toBeUndefined();
  });

  it('display as Ctrl+… (or ⌘ on a Mac)', () => {
    expect(shortcutLabel('CmdOrCtrl+Shift+S')).toBe('Ctrl+Shift+S');
    expect(shortcutLabel('CmdOrCtrl+Shift+S', true)).toBe('⌘⇧S');
  });
});
