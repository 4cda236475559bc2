/**
 * Installs the application menu built by menu-template.ts. Clicking an item with a command sends
 * the command id to the renderer; roles are handled by Electron.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../renderer/src/i18n/index.js';
import type { MenuCommand } from './menu-commands.js';
import { buildMenuTemplate, type MenuItemSpec } from './menu-template.js';

export function toElectronTemplate(items: MenuItemSpec[], send: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  return items.map((item) => {
    const options: MenuItemConstructorOptions = {};
    if (item.label !== undefined) options.label = item.label;
    if (item.role !== undefined) options.role = item.role;
    if (item.type !== undefined) options.type = item.type;
    if (item.checked !== undefined) options.checked = item.checked;
    if (item.accelerator !== undefined) options.accelerator = item.accelerator;
    if (item.command !== undefined) {
      const command = item.command;
      options.id = command;
      options.click = () => send(command);
    }
    if (item.submenu) options.submenu = toElectronTemplate(item.submenu, send);
    return options;
  });
}

export function installApplicationMenu(opts: {
  locale: Locale;
  isPackaged: boolean;
  appName: string;
  send: (command: MenuCommand) => void;
}): void {
  const template = buildMenuTemplate({
    locale: opts.locale,
    isPackaged: opts.isPackaged,
    platform: process.platform,
    appName: opts.appName,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronTemplate(template, opts.send)));
}
