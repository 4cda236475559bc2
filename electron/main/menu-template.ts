/**
 * The application menu as plain data, built from the locale, whether the app is packaged and the
 * platform. Pure: no electron import. menu.ts turns it into an Electron Menu and wires each
 * `command` to a message to the renderer.
 */
import { translate, type Locale } from '../../renderer/src/i18n/index.js';
import type { MenuCommand } from './menu-commands.js';

/** The Electron menu roles this menu uses (a subset of MenuItemConstructorOptions['role']). */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'togglefullscreen'
  | 'quit'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'minimize'
  | 'zoom'
  | 'close'
  | 'window';

export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  /** Sent to the renderer when the item is clicked. */
  command?: MenuCommand;
  accelerator?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  checked?: boolean;
  submenu?: MenuItemSpec[];
}

export interface MenuTemplateOptions {
  locale: Locale;
  isPackaged: boolean;
  platform: string;
  /** Shown in the macOS application menu. */
  appName: string;
}

const separator: MenuItemSpec = { type: 'separator' };

// Accelerators repeat the `shortcut`s of renderer/src/app/commands.ts (the test checks they agree):
// in Electron the native menu carries them, in a browser the renderer matches them on keydown.

export function buildMenuTemplate(opts: MenuTemplateOptions): MenuItemSpec[] {
  const t = (key: string, params: Record<string, string> = {}) => translate(opts.locale, `menu.${key}`, params);
  const isMac = opts.platform === 'darwin';
  const name = opts.appName;

  const appMenu: MenuItemSpec = {
    label: name,
    submenu: [
      { label: t('aboutApp', { name }), command: 'help.about' },
      separator,
      { label: t('services'), role: 'services' },
      separator,
      { label: t('hideApp', { name }), role: 'hide' },
      { label: t('hideOthers'), role: 'hideOthers' },
      { label: t('showAll'), role: 'unhide' },
      separator,
      { label: t('quitApp', { name }), role: 'quit' },
    ],
  };

  const fileMenu: MenuItemSpec = {
    label: t('file'),
    submenu: [
      { label: t('open'), command: 'file.open', accelerator: 'CmdOrCtrl+O' },
      { label: t('openDemo'), command: 'file.openDemo' },
      separator,
      { label: t('saveAs'), command: 'file.saveAs', accelerator: 'CmdOrCtrl+Shift+S' },
      { label: t('import'), command: 'file.import', accelerator: 'CmdOrCtrl+I' },
      { label: translate(opts.locale, 'reportsUi.commands.open'), command: 'file.reports' },
      // On macOS 退出 lives in the application menu.
      ...(isMac ? [] : [separator, { label: t('quit'), role: 'quit' } satisfies MenuItemSpec]),
    ],
  };

  const editMenu: MenuItemSpec = {
    label: t('edit'),
    submenu: [
      // Project undo/redo (the change log); the renderer passes them to a focused text field instead.
      { label: t('undo'), command: 'edit.undo', accelerator: 'CmdOrCtrl+Z' },
      { label: t('redo'), command: 'edit.redo', accelerator: 'CmdOrCtrl+Y' },
      { label: t('history'), command: 'edit.history' },
      separator,
      { label: t('cut'), role: 'cut' },
      { label: t('copy'), role: 'copy' },
      { label: t('paste'), role: 'paste' },
      { label: t('selectAll'), role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemSpec = {
    label: t('view'),
    submenu: [
      { label: t('zoomToProject'), command: 'view.zoomToProject', accelerator: 'CmdOrCtrl+Shift+H' },
      { label: t('toggleLegend'), command: 'view.toggleLegend', accelerator: 'CmdOrCtrl+Shift+L' },
      separator,
      {
        label: t('language'),
        submenu: [
          { label: t('localeZh'), type: 'radio', checked: opts.locale === 'zh-CN', command: 'view.locale.zh-CN' },
          { label: t('localeEn'), type: 'radio', checked: opts.locale === 'en', command: 'view.locale.en' },
        ],
      },
      separator,
      { label: t('reload'), role: 'reload' },
      ...(opts.isPackaged ? [] : [{ label: t('devTools'), role: 'toggleDevTools' } satisfies MenuItemSpec]),
      separator,
      { label: t('fullscreen'), role: 'togglefullscreen' },
    ],
  };

  const analysisMenu: MenuItemSpec = {
    label: t('analysis'),
    submenu: [
      { label: t('coverage'), command: 'analysis.coverage' },
      separator,
      { label: translate(opts.locale, 'scenariosUi.commands.compare'), command: 'scenario.compare' },
      separator,
      { label: translate(opts.locale, 'toursUi.commands.plan'), command: 'tours.plan' },
      separator,
      { label: translate(opts.locale, 'planningUi.commands.settings'), command: 'settings.open' },
    ],
  };

  const printMenu: MenuItemSpec = {
    label: t('print'),
    submenu: [{ label: t('printMap'), command: 'print.map', accelerator: 'CmdOrCtrl+P' }],
  };

  const windowMenu: MenuItemSpec = {
    label: t('window'),
    role: 'window',
    submenu: [
      { label: t('minimize'), role: 'minimize' },
      { label: t('zoomWindow'), role: 'zoom' },
      separator,
      { label: t('closeWindow'), role: 'close' },
    ],
  };

  const helpMenu: MenuItemSpec = {
    label: t('help'),
    submenu: [{ label: t('about'), command: 'help.about', accelerator: 'F1' }],
  };

  return isMac
    ? [appMenu, fileMenu, editMenu, viewMenu, analysisMenu, printMenu, windowMenu, helpMenu]
    : [fileMenu, editMenu, viewMenu, analysisMenu, printMenu, helpMenu];
}

/** Every command id reachable in a template (for tests and for checking the wiring). */
export function collectCommands(items: MenuItemSpec[]): MenuCommand[] {
  return items.flatMap((item) => [...(item.command ? [item.command] : []), ...collectCommands(item.submenu ?? [])]);
}
