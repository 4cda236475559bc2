/**
 * Command ids the application menu sends to the renderer over the one-way `ccp:menu-command`
 * channel. The renderer dispatches them like toolbar buttons and shortcuts. Pure data: no
 * electron import, so tests and (as a type) the renderer can use it.
 */
export const MENU_COMMANDS = [
  'file.open',
  'file.openDemo',
  'file.saveAs',
  'file.import',
  'file.reports',
  'edit.undo',
  'edit.redo',
  'edit.history',
  'view.zoomToProject',
  'view.toggleLegend',
  'view.locale.zh-CN',
  'view.locale.en',
  'analysis.coverage',
  'scenario.compare',
  'tours.plan',
  'settings.open',
  'print.map',
  'help.about',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(x: unknown): x is MenuCommand {
  return typeof x === 'string' && (MENU_COMMANDS as readonly string[]).includes(x);
}
