/**
 * Every user command, declared once. The in-app menu bar and toolbar (browser mode), the
 * native menu (Electron: it sends these ids through host.onMenuCommand) and the keyboard all
 * dispatch through `runCommand`. Pure: the effects come from the CommandContext the app passes.
 */
import type { Locale } from '../i18n/index.js';

export const MENUS = ['file', 'edit', 'view', 'analysis', 'print', 'help'] as const;
export type MenuId = (typeof MENUS)[number];

/** What commands can do; implemented by app/actions.ts. */
export interface CommandContext {
  openProject(): Promise<void>;
  openDemo(): Promise<void>;
  saveAs(): Promise<void>;
  zoomToProject(): void;
  toggleLegend(): void;
  setLocale(locale: Locale): Promise<void>;
  showAbout(): void;
  /** 文件 → 导入…: opens the import wizard. */
  openImport(): void;
  /** 文件 → 报表…: the reports dialog (PDF / XLSX for meetings). */
  openReports?(): void;
  /** 打印 → 打印地图…: the print layout editor. */
  openPrint?(): void;
  /** 编辑 → 撤销 / 重做: the project's change log (imports and edits). */
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** 编辑 → 历史记录. */
  showHistory(): Promise<void>;
  /** Coverage analysis (analysis/actions.ts): run, cancel, what-if on/off, back to the baseline. */
  runCoverage(): Promise<void>;
  cancelAnalysis(): void;
  toggleWhatIf(): Promise<void>;
  resetWhatIf(): void;
  /** 分析 → 方案比较…: opens the scenario comparison dialog. */
  openCompare(): void;
  /** 分析 → 设置…: the rules table (panels/planning/SettingsDialog). */
  openSettings(): void;
  /** 分析 → 巡诊排班: the tours tab of the dock (plans the tours when none is shown). */
  openTours?(): void;
}

/** State a menu needs to draw check marks and disabled items. */
export interface CommandState {
  locale: Locale;
  legendVisible: boolean;
  hasProject: boolean;
  /** The project could only be opened read-only: imports and undo are refused. */
  readOnly?: boolean;
  /** A coverage analysis is running. */
  analysisRunning?: boolean;
  /** A coverage result is on screen (what-if needs one). */
  hasCoverage?: boolean;
  whatIf?: boolean;
  /** The what-if scenario has a moved facility or an added clinic. */
  whatIfChanged?: boolean;
}

export interface Command {
  id: string;
  /** i18n key of the menu / toolbar label. */
  labelKey: string;
  menu: MenuId;
  /** Electron accelerator syntax (CmdOrCtrl+Shift+S); the browser door matches it on keydown. */
  shortcut?: string;
  /** i18n key of the short toolbar label; the command is shown in the toolbar when set. */
  toolbarKey?: string;
  /** Draw a separator above it in its menu. */
  separatorBefore?: boolean;
  checked?(s: CommandState): boolean;
  enabled?(s: CommandState): boolean;
  run(ctx: CommandContext): void | Promise<void>;
}

/** Commands that change the project need one open, and not read-only. */
const writable = (s: CommandState): boolean => s.hasProject && !s.readOnly;

export const COMMANDS: readonly Command[] = [
  { id: 'file.open', labelKey: 'menu.open', menu: 'file', shortcut: 'CmdOrCtrl+O', toolbarKey: 'toolbar.open', run: (ctx) => ctx.openProject() },
  { id: 'file.openDemo', labelKey: 'menu.openDemo', menu: 'file', toolbarKey: 'toolbar.openDemo', run: (ctx) => ctx.openDemo() },
  {
    id: 'file.saveAs',
    labelKey: 'menu.saveAs',
    menu: 'file',
    shortcut: 'CmdOrCtrl+Shift+S',
    toolbarKey: 'toolbar.saveAs',
    separatorBefore: true,
    enabled: (s) => s.hasProject,
    run: (ctx) => ctx.saveAs(),
  },
  {
    id: 'file.import',
    labelKey: 'menu.import',
    menu: 'file',
    shortcut: 'CmdOrCtrl+I',
    toolbarKey: 'toolbar.import',
    separatorBefore: true,
    enabled: writable,
    run: (ctx) => ctx.openImport(),
  },
  { id: 'file.reports', labelKey: 'reportsUi.commands.open', menu: 'file', enabled: (s) => s.hasProject, run: (ctx) => ctx.openReports?.() },
  { id: 'edit.undo', labelKey: 'menu.undo', menu: 'edit', shortcut: 'CmdOrCtrl+Z', enabled: writable, run: (ctx) => ctx.undo() },
  { id: 'edit.redo', labelKey: 'menu.redo', menu: 'edit', shortcut: 'CmdOrCtrl+Y', enabled: writable, run: (ctx) => ctx.redo() },
  { id: 'edit.history', labelKey: 'menu.history', menu: 'edit', separatorBefore: true, enabled: (s) => s.hasProject, run: (ctx) => ctx.showHistory() },
  {
    id: 'view.zoomToProject',
    labelKey: 'menu.zoomToProject',
    menu: 'view',
    shortcut: 'CmdOrCtrl+Shift+H',
    toolbarKey: 'toolbar.zoomToProject',
    enabled: (s) => s.hasProject,
    run: (ctx) => ctx.zoomToProject(),
  },
  {
    id: 'view.toggleLegend',
    labelKey: 'menu.toggleLegend',
    menu: 'view',
    shortcut: 'CmdOrCtrl+Shift+L',
    toolbarKey: 'toolbar.legend',
    checked: (s) => s.legendVisible,
    run: (ctx) => ctx.toggleLegend(),
  },
  {
    id: 'view.locale.zh-CN',
    labelKey: 'menu.localeZh',
    menu: 'view',
    separatorBefore: true,
    checked: (s) => s.locale === 'zh-CN',
    run: (ctx) => ctx.setLocale('zh-CN'),
  },
  {
    id: 'view.locale.en',
    labelKey: 'menu.localeEn',
    menu: 'view',
    checked: (s) => s.locale === 'en',
    run: (ctx) => ctx.setLocale('en'),
  },
  {
    id: 'analysis.coverage',
    labelKey: 'menu.coverage',
    menu: 'analysis',
    toolbarKey: 'toolbar.coverage',
    enabled: (s) => s.hasProject && !s.analysisRunning,
    run: (ctx) => ctx.runCoverage(),
  },
  {
    id: 'analysis.cancel',
    labelKey: 'menu.cancelAnalysis',
    menu: 'analysis',
    toolbarKey: 'toolbar.cancelAnalysis',
    enabled: (s) => Boolean(s.analysisRunning),
    run: (ctx) => ctx.cancelAnalysis(),
  },
  {
    id: 'analysis.whatIf',
    labelKey: 'menu.whatIf',
    menu: 'analysis',
    toolbarKey: 'toolbar.whatIf',
    separatorBefore: true,
    checked: (s) => Boolean(s.whatIf),
    enabled: (s) => Boolean(s.whatIf) || (Boolean(s.hasCoverage) && !s.analysisRunning),
    run: (ctx) => ctx.toggleWhatIf(),
  },
  {
    id: 'analysis.resetWhatIf',
    labelKey: 'menu.resetWhatIf',
    menu: 'analysis',
    toolbarKey: 'toolbar.resetWhatIf',
    enabled: (s) => Boolean(s.whatIf && s.whatIfChanged),
    run: (ctx) => ctx.resetWhatIf(),
  },
  {
    id: 'scenario.compare',
    labelKey: 'scenariosUi.commands.compare',
    menu: 'analysis',
    separatorBefore: true,
    enabled: (s) => s.hasProject,
    run: (ctx) => ctx.openCompare(),
  },
  {
    id: 'tours.plan',
    labelKey: 'toursUi.commands.plan',
    menu: 'analysis',
    separatorBefore: true,
    enabled: (s) => Boolean(s.hasCoverage),
    run: (ctx) => ctx.openTours?.(),
  },
  {
    id: 'settings.open',
    labelKey: 'planningUi.commands.settings',
    menu: 'analysis',
    separatorBefore: true,
    enabled: (s) => s.hasProject,
    run: (ctx) => ctx.openSettings(),
  },
  { id: 'print.map', labelKey: 'menu.printMap', menu: 'print', shortcut: 'CmdOrCtrl+P', toolbarKey: 'toolbar.print', enabled: (s) => s.hasProject, run: (ctx) => ctx.openPrint?.() },
  { id: 'help.about', labelKey: 'menu.about', menu: 'help', shortcut: 'F1', run: (ctx) => ctx.showAbout() },
];

const BY_ID = new Map(COMMANDS.map((c) => [c.id, c]));

export function findCommand(id: string): Command | undefined {
  return BY_ID.get(id);
}

export function commandsOfMenu(menu: MenuId): Command[] {
  return COMMANDS.filter((c) => c.menu === menu);
}

export function toolbarCommands(): Command[] {
  return COMMANDS.filter((c) => c.toolbarKey !== undefined);
}

/** Runs a command by id; unknown ids (e.g. from a newer native menu) are ignored and reported false. */
export async function runCommand(id: string, ctx: CommandContext, state?: CommandState): Promise<boolean> {
  const cmd = BY_ID.get(id);
  if (!cmd) return false;
  if (state && cmd.enabled && !cmd.enabled(state)) return false;
  await cmd.run(ctx);
  return true;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Whether a keydown matches an accelerator; CmdOrCtrl accepts Ctrl or ⌘. */
export function matchShortcut(shortcut: string, e: KeyLike): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop()!.toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const wantCtrl = mods.has('cmdorctrl') || mods.has('ctrl') || mods.has('commandorcontrol');
  if (wantCtrl !== (e.ctrlKey || e.metaKey)) return false;
  if (mods.has('shift') !== e.shiftKey) return false;
  if (mods.has('alt') !== e.altKey) return false;
  return e.key.toLowerCase() === key;
}

/** The command a keydown triggers, if any. */
export function commandForKey(e: KeyLike): Command | undefined {
  return COMMANDS.find((c) => c.shortcut !== undefined && matchShortcut(c.shortcut, e));
}

/** Accelerator as shown in a menu: Ctrl+Shift+S (⌘⇧S on a Mac). */
export function shortcutLabel(shortcut: string, mac = false): string {
  if (!mac) return shortcut.replace(/CmdOrCtrl|CommandOrControl/g, 'Ctrl');
  return shortcut
    .replace(/CmdOrCtrl\+|CommandOrControl\+/g, '⌘')
    .replace(/Shift\+/g, '⇧')
    .replace(/Alt\+/g, '⌥');
}
