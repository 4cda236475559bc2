/**
 * The Electron shell (electron/main, electron/preload). Electron cannot run here, so this tests
 * the pure parts directly (menu template, window-state sanitiser, app:// resolver, IPC checks)
 * and the thin Electron wiring (preload bridge, IPC handlers, menu conversion) against a mocked
 * `electron` module.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY, isAppUrl, mimeTypeFor, resolveAppRequest } from '../../electron/main/app-url.js';
import { IPC_DIALOG_OPEN, IPC_DIALOG_SAVE, IPC_INVOKE, IPC_MENU_COMMAND, IPC_PRINT_PDF } from '../../electron/main/ipc-channels.js';
import type { IpcContext } from '../../electron/main/ipc.js';
import { ensureExtension, isTrustedSender, validateDefaultName, validateFileKind, validatePdfPage } from '../../electron/main/ipc-security.js';
import { MENU_COMMANDS, isMenuCommand } from '../../electron/main/menu-commands.js';
import { buildMenuTemplate, collectCommands, type MenuItemSpec } from '../../electron/main/menu-template.js';
import { chooseNativeBinding, DEV_NATIVE_BINDING } from '../../electron/main/native.js';
import { resolveAppPaths } from '../../electron/main/paths.js';
import { MIN_HEIGHT, MIN_WIDTH, sanitizeWindowState, toSavedState, type Rect } from '../../electron/main/window-state.js';
import { createDebouncedSaver, readWindowStateFile, writeWindowStateFile } from '../../electron/main/window-state-file.js';
import { COMMANDS } from '../../renderer/src/app/commands.js';

const root = path.resolve(__dirname, '../..');

// ---- a stand-in for the `electron` module ---------------------------------------------------------
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    handlers,
    listeners,
    exposed: {} as Record<string, unknown>,
    invoked: [] as unknown[][],
    dialogResult: { canceled: false, filePaths: ['/home/u/县.gpkg'], filePath: '/home/u/新项目' },
    dialogCalls: [] as unknown[],
    appliedMenu: null as unknown,
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      electron.exposed[key] = api;
    },
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      electron.invoked.push(args);
      return Promise.resolve({ channel: args[0] });
    },
    on: (channel: string, fn: (...args: unknown[]) => void) => {
      if (!electron.listeners.has(channel)) electron.listeners.set(channel, new Set());
      electron.listeners.get(channel)!.add(fn);
    },
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => {
      electron.listeners.get(channel)?.delete(fn);
    },
  },
  ipcMain: {
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => {
      electron.handlers.set(channel, fn);
    },
  },
  dialog: {
    showOpenDialog: async (...args: unknown[]) => {
      electron.dialogCalls.push(args.at(-1));
      return electron.dialogResult;
    },
    showSaveDialog: async (...args: unknown[]) => {
      electron.dialogCalls.push(args.at(-1));
      return electron.dialogResult;
    },
  },
  app: { getPath: () => '/home/u/Documents' },
  Menu: {
    buildFromTemplate: (t: unknown) => ({ template: t }),
    setApplicationMenu: (m: unknown) => {
      electron.appliedMenu = m;
    },
  },
}));

// ---- menu ---------------------------------------------------------------------------------------------
function walk(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((i) => [i, ...walk(i.submenu ?? [])]);
}
const template = (locale: 'zh-CN' | 'en', platform = 'linux', isPackaged = false) =>
  buildMenuTemplate({ locale, platform, isPackaged, appName: locale === 'en' ? 'County Coverage Planner' : '县域巡诊派驻覆盖规划' });

describe('application menu', () => {
  it('has the six top-level menus in Chinese by default and in English', () => {
    for (const platform of ['linux', 'win32']) {
      expect(template('zh-CN', platform).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '分析', '打印', '帮助']);
      expect(template('en', platform).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Analysis', 'Print', 'Help']);
    }
  });

  it('lists the promised items under 文件, 视图, 分析, 打印 and 帮助', () => {
    const [file, , view, analysis, print, help] = template('zh-CN');
    expect(file.submenu!.filter((i) => i.label).map((i) => i.label)).toEqual(['打开项目…', '打开示例县', '另存为…', '导入…', '报表…', '退出']);
    const edit = walk(template('zh-CN', 'linux')).find((i) => i.label === '编辑')!;
    expect(edit.submenu!.filter((i) => i.command).map((i) => [i.command, i.accelerator ?? null])).toEqual([
      ['edit.undo', 'CmdOrCtrl+Z'],
      ['edit.redo', 'CmdOrCtrl+Y'],
      ['edit.history', null],
    ]);
    const viewLabels = walk(view.submenu!).map((i) => i.label).filter(Boolean);
    expect(viewLabels).toEqual(['缩放到项目范围', '显示/隐藏图例', '语言', '中文', 'English', '重新加载', '开发者工具', '全屏']);
    expect(analysis.submenu!.filter((i) => i.label).map((i) => i.label)).toEqual(['覆盖分析', '方案比较…', '巡诊排班', '设置…']);
    expect(print.submenu!.map((i) => i.label)).toEqual(['打印地图…']);
    expect(help.submenu!.map((i) => i.label)).toEqual(['关于']);
  });

  it('sends only known command ids, and every command is reachable', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const platform of ['linux', 'win32', 'darwin']) {
        const commands = collectCommands(template(locale, platform));
        expect(commands.every(isMenuCommand)).toBe(true);
        expect(new Set(commands)).toEqual(new Set(MENU_COMMANDS));
      }
    }
    expect(isMenuCommand('file.delete')).toBe(false);
    expect(isMenuCommand(42)).toBe(false);
  });

  it('every label is translated (no raw i18n keys) and every item is a role, a command, a submenu or a separator', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const platform of ['linux', 'darwin']) {
        for (const item of walk(template(locale, platform))) {
          if (item.type === 'separator') continue;
          expect(item.label, JSON.stringify(item)).toBeTruthy();
          expect(item.label).not.toMatch(/^menu\.|\{name\}/);
          expect(Boolean(item.role || item.command || item.submenu), item.label).toBe(true);
        }
      }
    }
  });

  it('offers 开发者工具 only when not packaged', () => {
    const roles = (packaged: boolean) => walk(template('zh-CN', 'linux', packaged)).map((i) => i.role);
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).not.toContain('toggleDevTools');
    // Undo/redo are project commands (the change log), not the text-field roles.
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'togglefullscreen', 'quit', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('checks the current language', () => {
    const radios = (locale: 'zh-CN' | 'en') =>
      walk(template(locale)).filter((i) => i.type === 'radio').map((i) => [i.command, i.checked]);
    expect(radios('zh-CN')).toEqual([['view.locale.zh-CN', true], ['view.locale.en', false]]);
    expect(radios('en')).toEqual([['view.locale.zh-CN', false], ['view.locale.en', true]]);
  });

  it('puts the application menu first on macOS, with 退出 there instead of in 文件', () => {
    const mac = template('zh-CN', 'darwin');
    expect(mac[0].label).toBe('县域巡诊派驻覆盖规划');
    expect(mac[0].submenu!.map((i) => i.label).filter(Boolean)).toContain('退出 县域巡诊派驻覆盖规划');
    expect(mac.map((m) => m.label).filter((l) => ['文件', '编辑', '视图', '分析', '打印', '帮助'].includes(l!))).toEqual([
      '文件', '编辑', '视图', '分析', '打印', '帮助',
    ]);
    expect(mac[1].submenu!.some((i) => i.role === 'quit')).toBe(false);
    expect(template('en', 'darwin')[0].submenu![0].label).toBe('About County Coverage Planner');
  });

  it("uses the same shortcuts as the renderer's command table", () => {
    const menuShortcuts = Object.fromEntries(
      walk(template('zh-CN')).filter((i) => i.command && i.accelerator).map((i) => [i.command, i.accelerator]),
    );
    for (const [command, accelerator] of Object.entries(menuShortcuts)) {
      expect(COMMANDS.find((c) => c.id === command)?.shortcut, command).toBe(accelerator);
    }
    for (const c of COMMANDS) {
      if (c.shortcut && isMenuCommand(c.id)) expect(menuShortcuts[c.id], c.id).toBe(c.shortcut);
    }
  });

  it('turns the template into Electron items whose clicks send the command id', async () => {
    const { toElectronTemplate, installApplicationMenu } = await import('../../electron/main/menu.js');
    const sent: string[] = [];
    const items = toElectronTemplate(template('en'), (c) => sent.push(c));
    const all = (xs: typeof items): typeof items => xs.flatMap((x) => [x, ...all((x.submenu as typeof items) ?? [])]);
    for (const item of all(items)) {
      if (item.id) (item.click as () => void)();
    }
    expect(sent.sort()).toEqual([...MENU_COMMANDS].sort());
    expect(all(items).find((i) => i.role === 'copy')?.label).toBe('Copy');

    installApplicationMenu({ locale: 'zh-CN', isPackaged: true, appName: 'x', send: () => {} });
    const applied = electron.appliedMenu as { template: { label: string }[] };
    expect(applied.template.map((m) => m.label)).toContain('文件');
  });
});

// ---- window state ---------------------------------------------------------------------------------
describe('window-state sanitiser', () => {
  const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
  const left: Rect = { x: -1280, y: 0, width: 1280, height: 984 };
  const saved = (bounds: unknown, maximized = false) => ({ version: 1, bounds, maximized });

  it('falls back to a default size, centred, for missing or broken files', () => {
    for (const junk of [null, undefined, 42, 'x', {}, saved(null), saved({ x: 1, y: 2, width: 'wide', height: 3 }), saved({ x: NaN, y: 0, width: 900, height: 700 })]) {
      const s = sanitizeWindowState(junk, [primary]);
      expect(s).toEqual({ width: 1280, height: 800, maximized: false });
    }
  });

  it('restores bounds that are on a display, and the maximized flag', () => {
    expect(sanitizeWindowState(saved({ x: 100, y: 80, width: 1400, height: 900 }, true), [primary])).toEqual({
      x: 100, y: 80, width: 1400, height: 900, maximized: true,
    });
    // On a second monitor to the left of the primary one.
    expect(sanitizeWindowState(saved({ x: -1200, y: 50, width: 1000, height: 700 }), [primary, left])).toEqual({
      x: -1200, y: 50, width: 1000, height: 700, maximized: false,
    });
  });

  it('drops the position when that display is gone, keeping a size that fits', () => {
    const s = sanitizeWindowState(saved({ x: -1200, y: 50, width: 1000, height: 700 }), [primary]);
    expect(s).toEqual({ width: 1000, height: 700, maximized: false });
    expect(s.x).toBeUndefined();
    // Barely visible (a 20-pixel sliver) counts as gone.
    expect(sanitizeWindowState(saved({ x: 1900, y: 100, width: 1000, height: 700 }), [primary]).x).toBeUndefined();
  });

  it('clamps sizes to the minimum and to the display, and keeps the title bar reachable', () => {
    const tiny = sanitizeWindowState(saved({ x: 10, y: 10, width: 50, height: 20 }), [primary]);
    expect([tiny.width, tiny.height]).toEqual([MIN_WIDTH, MIN_HEIGHT]);
    const huge = sanitizeWindowState(saved({ x: 0, y: 0, width: 8000, height: 5000 }), [primary]);
    expect([huge.width, huge.height]).toEqual([1920, 1040]);
    const aboveTop = sanitizeWindowState(saved({ x: 200, y: -300, width: 1000, height: 800 }), [primary]);
    expect(aboveTop.y).toBe(0);
  });

  it('round-trips through the JSON file and debounces saves', () => {
    vi.useFakeTimers();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccp-window-state-'));
    try {
      const file = path.join(dir, 'sub', 'window-state.json');
      expect(readWindowStateFile(file)).toBeNull();
      let saves = 0;
      const saver = createDebouncedSaver(() => {
        saves++;
        writeWindowStateFile(file, toSavedState({ x: 5, y: 6, width: 1000, height: 700 }, true));
      }, 400);
      saver.schedule();
      saver.schedule();
      saver.schedule();
      expect(saves).toBe(0);
      vi.runAllTimers();
      expect(saves).toBe(1);
      saver.flush(); // nothing pending
      expect(saves).toBe(1);
      saver.schedule();
      saver.flush(); // closing the window saves at once
      expect(saves).toBe(2);
      expect(sanitizeWindowState(readWindowStateFile(file), [primary])).toEqual({ x: 5, y: 6, width: 1000, height: 700, maximized: true });
      fs.writeFileSync(file, '{not json');
      expect(readWindowStateFile(file)).toBeNull();
    } finally {
      vi.useRealTimers();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---- app:// ---------------------------------------------------------------------------------------------
describe('app:// resolver', () => {
  const rendererRoot = path.join(os.tmpdir(), 'ccp-renderer-root');

  it('maps our URLs to files under the renderer folder', () => {
    expect(resolveAppRequest(APP_ENTRY_URL, rendererRoot)).toEqual({
      ok: true, filePath: path.join(rendererRoot, 'index.html'), mimeType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('app://renderer/', rendererRoot)).toMatchObject({ ok: true, filePath: path.join(rendererRoot, 'index.html') });
    expect(resolveAppRequest('app://renderer/assets/index-abc.js?v=1#x', rendererRoot)).toMatchObject({
      ok: true, filePath: path.join(rendererRoot, 'assets', 'index-abc.js'), mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://renderer/fonts/%E6%80%9D%E6%BA%90.woff2', rendererRoot)).toMatchObject({
      ok: true, filePath: path.join(rendererRoot, 'fonts', '思源.woff2'), mimeType: 'font/woff2',
    });
  });

  it('refuses path traversal, other hosts and other schemes', () => {
    for (const url of [
      'app://renderer/../../etc/passwd',
      'app://renderer/assets/../../../etc/passwd',
      'app://renderer/%2e%2e/%2e%2e/etc/passwd',
      'app://renderer/..%2F..%2Fetc%2Fpasswd',
      'app://renderer/..%5C..%5Cwindows%5Cwin.ini',
      'app://renderer/a\\..\\..\\secret',
      'app://renderer/index.html%00.png',
    ]) {
      const r = resolveAppRequest(url, rendererRoot);
      expect(r.ok, url).toBe(false);
    }
    expect(resolveAppRequest('app://evil/index.html', rendererRoot)).toEqual({ ok: false, status: 404 });
    expect(resolveAppRequest('file:///etc/passwd', rendererRoot).ok).toBe(false);
    expect(resolveAppRequest('not a url', rendererRoot).ok).toBe(false);
  });

  it('never resolves outside the root, whatever the input', () => {
    const probes = ['..', '...', '%2e', '.%2e', '%2E%2E', 'a/..', 'a/./b', '//', '/%2f', 'x%00'];
    for (const a of probes) {
      for (const b of probes) {
        const r = resolveAppRequest(`app://renderer/${a}/${b}/passwd`, rendererRoot);
        if (r.ok) expect(path.relative(rendererRoot, r.filePath).startsWith('..'), `${a}/${b}`).toBe(false);
      }
    }
  });

  it('serves the right MIME types', () => {
    expect(mimeTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/b.MJS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('style.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('icon.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('x.png')).toBe('image/png');
    expect(mimeTypeFor('x.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('x.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('README')).toBe('application/octet-stream');
  });

  it('recognises only app://renderer as our own content', () => {
    expect(isAppUrl('app://renderer/index.html')).toBe(true);
    expect(isAppUrl('app://renderer/')).toBe(true);
    for (const url of ['app://other/index.html', 'https://renderer/index.html', 'file:///index.html', 'app://user:pw@renderer/', '', 'app:renderer', null, undefined]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });

  it('sends the same Content-Security-Policy as the renderer page', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    const html = path.join(root, 'renderer', 'index.html');
    if (fs.existsSync(html)) {
      const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(fs.readFileSync(html, 'utf8'));
      expect(meta, 'renderer/index.html has a CSP <meta>').not.toBeNull();
      expect(meta![1].replace(/\s+/g, ' ').trim().replace(/;$/, '')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

// ---- IPC ------------------------------------------------------------------------------------------------
describe('IPC checks', () => {
  const ours = { frameUrl: 'app://renderer/index.html', isMainFrame: true, webContentsId: 7 };

  it('trusts only the main frame of our window showing app://renderer', () => {
    expect(isTrustedSender(ours, 7)).toBe(true);
    expect(isTrustedSender(null, 7)).toBe(false);
    expect(isTrustedSender(ours, null)).toBe(false);
    expect(isTrustedSender({ ...ours, webContentsId: 8 }, 7)).toBe(false);
    expect(isTrustedSender({ ...ours, isMainFrame: false }, 7)).toBe(false);
    for (const frameUrl of ['https://example.com/', 'file:///tmp/x.html', 'app://evil/index.html', 'about:blank', '']) {
      expect(isTrustedSender({ ...ours, frameUrl }, 7), frameUrl).toBe(false);
    }
  });

  it('accepts only bare file names as the save dialog default', () => {
    expect(validateDefaultName('示例县.gpkg')).toBe('示例县.gpkg');
    expect(validateDefaultName('  项目 1.gpkg ')).toBe('项目 1.gpkg');
    expect(validateDefaultName('x'.repeat(255))).toBe('x'.repeat(255));
    for (const bad of ['x'.repeat(256), '', '   ', '.', '..', '../x.gpkg', 'a/b.gpkg', 'C:\\a\\b.gpkg', 'a\u0000b', 'a\nb', 42, null, undefined, { name: 'x' }]) {
      expect(validateDefaultName(bad), JSON.stringify(bad)).toBeNull();
    }
    expect(ensureExtension('/home/u/新项目', 'project')).toBe('/home/u/新项目.gpkg');
    expect(ensureExtension('/home/u/a.GPKG', 'project')).toBe('/home/u/a.GPKG');
    expect(ensureExtension('/home/u/行政村模板', 'spreadsheet')).toBe('/home/u/行政村模板.xlsx');
    expect(ensureExtension('/home/u/行政村.csv', 'data')).toBe('/home/u/行政村.csv');
    expect(validateFileKind(undefined)).toBe('project');
    expect(validateFileKind('data')).toBe('data');
    expect(validateFileKind('../etc')).toBeNull();
    expect(validateFileKind(3)).toBeNull();
  });

  it('routes ccp:invoke through dispatch for our window and refuses other senders', async () => {
    const { registerIpc } = await import('../../electron/main/ipc.js');
    const service = {
      getAppInfo: async () => ({ version: '0.1.0', schemaVersion: 1, locale: 'zh-CN', door: 'electron', projectPath: null }),
    } as unknown as IpcContext['service'];
    const win = { isDestroyed: () => false, webContents: { id: 7 } };
    registerIpc({ service, locale: () => 'zh-CN', window: (() => win) as unknown as IpcContext['window'] });
    const mainFrame = { url: 'app://renderer/index.html', parent: null };
    const event = (frame: unknown, id = 7) => ({ senderFrame: frame, sender: { id, mainFrame } });

    const invoke = electron.handlers.get(IPC_INVOKE)!;
    expect(await invoke(event(mainFrame), 'getAppInfo', {})).toMatchObject({ ok: true, value: { door: 'electron' } });
    expect(await invoke(event(mainFrame), 'getAppInfo', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await invoke(event(mainFrame), 'dropTables', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const iframe = { url: 'app://renderer/index.html', parent: mainFrame };
    expect(await invoke(event(iframe), 'getAppInfo', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await invoke(event(mainFrame, 99), 'getAppInfo', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await invoke(event({ url: 'https://evil.example/', parent: null }), 'getAppInfo', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await invoke(event(null), 'getAppInfo', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });

    const open = electron.handlers.get(IPC_DIALOG_OPEN)!;
    expect(await open(event(mainFrame))).toBe('/home/u/县.gpkg');
    expect(electron.dialogCalls.at(-1)).toMatchObject({ title: '打开项目', filters: [{ name: 'GeoPackage 项目文件', extensions: ['gpkg'] }] });

    const save = electron.handlers.get(IPC_DIALOG_SAVE)!;
    expect(await save(event(mainFrame), '新项目')).toBe('/home/u/新项目.gpkg');
    expect(electron.dialogCalls.at(-1)).toMatchObject({ title: '项目另存为', defaultPath: path.join('/home/u/Documents', '新项目.gpkg') });
    await expect(Promise.resolve(save(event(mainFrame), '../../etc/x'))).rejects.toThrow(/defaultName/);
    await expect(Promise.resolve(save(event(iframe), 'x.gpkg'))).rejects.toThrow(/untrusted/);
    expect(await open(event(mainFrame), 'data')).toBe('/home/u/县.gpkg');
    expect(electron.dialogCalls.at(-1)).toMatchObject({ title: '选择要导入的文件' });
    expect((electron.dialogCalls.at(-1) as { filters: { extensions: string[] }[] }).filters[0].extensions).toEqual(expect.arrayContaining(['csv', 'xlsx', 'zip', 'tif']));
    await expect(Promise.resolve(open(event(mainFrame), 'evil'))).rejects.toThrow(/kind/);
    // Exports of several files (tour plans) ask for a folder, which the dialog may create.
    await open(event(mainFrame), 'folder');
    expect(electron.dialogCalls.at(-1)).toEqual({ title: '选择输出文件夹', properties: ['openDirectory', 'createDirectory'] });
    expect(await save(event(mainFrame), '行政村模板', 'spreadsheet')).toBe('/home/u/新项目.xlsx');
    expect(electron.dialogCalls.at(-1)).toMatchObject({ defaultPath: path.join('/home/u/Documents', '行政村模板.xlsx') });
    expect(await save(event(mainFrame), '巡诊排班表', 'pdf')).toBe('/home/u/新项目.pdf');
    expect(electron.dialogCalls.at(-1)).toMatchObject({ defaultPath: path.join('/home/u/Documents', '巡诊排班表.pdf'), filters: [{ name: 'PDF 文档', extensions: ['pdf'] }] });
    // The print layout's PNG pages.
    expect(await save(event(mainFrame), '示例县覆盖图', 'png')).toBe('/home/u/新项目.png');
    expect(electron.dialogCalls.at(-1)).toMatchObject({ defaultPath: path.join('/home/u/Documents', '示例县覆盖图.png'), filters: [{ name: 'PNG 图片', extensions: ['png'] }] });
  });

  it('accepts only { paper: A4|A3, landscape: boolean } as the page of a window printed to PDF', () => {
    expect(validatePdfPage({ paper: 'A4', landscape: true })).toEqual({ paper: 'A4', landscape: true });
    expect(validatePdfPage({ landscape: false, paper: 'A3' })).toEqual({ paper: 'A3', landscape: false });
    for (const bad of [undefined, null, 'A4', ['A4', true], { paper: 'A5', landscape: true }, { paper: 'a4', landscape: true }, { paper: 'A4' }, { paper: 'A4', landscape: 'yes' }, { paper: 'A4', landscape: true, margins: 0 }]) {
      expect(validatePdfPage(bad), JSON.stringify(bad)).toBeNull();
    }
    expect(ensureExtension('/home/u/示例县地图', 'pdf')).toBe('/home/u/示例县地图.pdf');
    expect(ensureExtension('/home/u/a.PDF', 'pdf')).toBe('/home/u/a.PDF');
  });

  it('ccp:print-pdf prints the calling window for our window only, with strict arguments; null when cancelled', async () => {
    const { registerIpc } = await import('../../electron/main/ipc.js');
    const win = { isDestroyed: () => false, webContents: { id: 7 } };
    registerIpc({ service: {} as IpcContext['service'], locale: () => 'zh-CN', window: (() => win) as unknown as IpcContext['window'] });
    const mainFrame = { url: 'app://renderer/index.html', parent: null };
    const printed: unknown[] = [];
    const event = (frame: unknown, id = 7) => ({
      senderFrame: frame,
      sender: {
        id,
        mainFrame,
        printToPDF: async (options: unknown) => {
          printed.push(options);
          return Buffer.from('%PDF-1.7 test');
        },
      },
    });
    const print = electron.handlers.get(IPC_PRINT_PDF)!;
    const page = { paper: 'A3', landscape: true };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccp-print-'));
    const saved = electron.dialogResult;
    try {
      electron.dialogResult = { canceled: false, filePaths: [], filePath: path.join(dir, '示例县地图') };
      expect(await print(event(mainFrame), '示例县地图', page)).toBe(path.join(dir, '示例县地图.pdf'));
      expect(fs.readFileSync(path.join(dir, '示例县地图.pdf'), 'utf8')).toBe('%PDF-1.7 test');
      expect(fs.readdirSync(dir)).toEqual(['示例县地图.pdf']);
      expect(printed).toEqual([{ pageSize: 'A3', landscape: true, printBackground: true, preferCSSPageSize: true, margins: { marginType: 'none' } }]);
      expect(electron.dialogCalls.at(-1)).toMatchObject({ title: '保存文件', defaultPath: path.join('/home/u/Documents', '示例县地图.pdf'), filters: [{ name: 'PDF 文档', extensions: ['pdf'] }] });

      const iframe = { url: 'app://renderer/index.html', parent: mainFrame };
      const dialogs = electron.dialogCalls.length;
      await expect(Promise.resolve(print(event(iframe), 'x', page))).rejects.toThrow(/untrusted/);
      await expect(Promise.resolve(print(event(mainFrame, 99), 'x', page))).rejects.toThrow(/untrusted/);
      await expect(Promise.resolve(print(event({ url: 'https://evil.example/', parent: null }), 'x', page))).rejects.toThrow(/untrusted/);
      await expect(Promise.resolve(print(event(mainFrame), '../../etc/x', page))).rejects.toThrow(/defaultName/);
      for (const bad of [undefined, { paper: 'A5', landscape: true }, { paper: 'A4' }, { paper: 'A4', landscape: 1 }, { paper: 'A4', landscape: true, scale: 2 }]) {
        await expect(Promise.resolve(print(event(mainFrame), 'x', bad)), JSON.stringify(bad)).rejects.toThrow(/page/);
      }
      expect(electron.dialogCalls.length).toBe(dialogs);

      electron.dialogResult = { canceled: true, filePaths: [], filePath: '' };
      expect(await print(event(mainFrame), 'x', { paper: 'A4', landscape: false })).toBeNull();
      expect(printed).toHaveLength(1);
    } finally {
      electron.dialogResult = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---- preload ------------------------------------------------------------------------------------------
describe('preload bridge', () => {
  beforeEach(() => {
    electron.invoked.length = 0;
  });
  afterEach(() => {
    electron.listeners.clear();
  });

  it('exposes window.ccp with invoke and host, forwarding only its five channels', async () => {
    await import('../../electron/preload/index.js');
    const ccp = electron.exposed.ccp as import('../../renderer/src/api/bridge.js').CcpBridge;
    expect(Object.keys(ccp).sort()).toEqual(['host', 'invoke']);
    expect(Object.keys(ccp.host).sort()).toEqual(['door', 'onMenuCommand', 'printToPdf', 'showOpenDialog', 'showSaveDialog']);
    expect(ccp.host.door).toBe('electron');

    await ccp.invoke('getLayer', { layer: 'villages' });
    await ccp.host.showOpenDialog();
    await ccp.host.showSaveDialog('示例县.gpkg');
    await ccp.host.showOpenDialog('data');
    await ccp.host.printToPdf('示例县地图.pdf', { paper: 'A3', landscape: true });
    expect(electron.invoked).toEqual([
      [IPC_INVOKE, 'getLayer', { layer: 'villages' }],
      [IPC_DIALOG_OPEN, 'project'],
      [IPC_DIALOG_SAVE, '示例县.gpkg', 'project'],
      [IPC_DIALOG_OPEN, 'data'],
      [IPC_PRINT_PDF, '示例县地图.pdf', { paper: 'A3', landscape: true }],
    ]);

    const got: string[] = [];
    const off = ccp.host.onMenuCommand((c) => got.push(c));
    const emit = (payload: unknown) => electron.listeners.get(IPC_MENU_COMMAND)?.forEach((fn) => fn({ sender: 'ipc event' }, payload));
    emit('file.open');
    emit({ not: 'a string' });
    off();
    emit('file.saveAs');
    expect(got).toEqual(['file.open']);
    expect(electron.listeners.get(IPC_MENU_COMMAND)?.size ?? 0).toBe(0);
  });

  it('uses the same channel names as the main process', () => {
    const text = fs.readFileSync(path.join(root, 'electron/preload/index.ts'), 'utf8');
    for (const channel of [IPC_INVOKE, IPC_DIALOG_OPEN, IPC_DIALOG_SAVE, IPC_PRINT_PDF, IPC_MENU_COMMAND]) {
      expect(text).toContain(`'${channel}'`);
    }
  });
});

// ---- paths, native addon, purity -----------------------------------------------------------------
describe('paths and the native addon', () => {
  it('finds the renderer and preload next to the bundle, and data in the repo or in resources', () => {
    const dev = resolveAppPaths({ isPackaged: false, bundleDir: '/repo/dist/electron', appPath: '/repo', resourcesPath: '/opt/electron/resources' });
    expect(dev).toEqual({ rendererRoot: '/repo/dist/renderer', preload: '/repo/dist/electron/preload.cjs', dataDir: '/repo/data' });
    const packaged = resolveAppPaths({
      isPackaged: true, bundleDir: '/opt/ccp/resources/app.asar/dist/electron', appPath: '/opt/ccp/resources/app.asar', resourcesPath: '/opt/ccp/resources',
    });
    expect(packaged.dataDir).toBe('/opt/ccp/resources/data');
    expect(packaged.rendererRoot).toBe('/opt/ccp/resources/app.asar/dist/renderer');
  });

  it('uses the Electron build of better-sqlite3 in development and the unpacked one when packaged', () => {
    expect(chooseNativeBinding({ isPackaged: true, appPath: '/x', exists: () => true })).toEqual({});
    expect(chooseNativeBinding({ isPackaged: false, appPath: '/repo', exists: () => true })).toEqual({ nativeBinding: path.join('/repo', DEV_NATIVE_BINDING) });
    const missing = chooseNativeBinding({ isPackaged: false, appPath: '/repo', exists: () => false });
    expect(missing.nativeBinding).toBeUndefined();
    expect(missing.warning).toMatch(/prepare-electron-native/);
    // The prepare script writes exactly where main looks.
    const script = fs.readFileSync(path.join(root, 'scripts/prepare-electron-native.mjs'), 'utf8');
    expect(script).toContain("path.join(root, '.electron-native')");
    expect(script).toContain("path.join(moduleDst, 'build', 'Release', 'better_sqlite3.node')");
    expect(DEV_NATIVE_BINDING.split(path.sep)).toEqual(['.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node']);
  });

  it('keeps the tested modules free of run-time electron imports', () => {
    const pure = ['app-url', 'ipc-channels', 'ipc-security', 'menu-commands', 'menu-template', 'native', 'paths', 'window-state', 'window-state-file'];
    for (const name of pure) {
      const text = fs.readFileSync(path.join(root, 'electron/main', `${name}.ts`), 'utf8');
      expect(text, name).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+'electron'/m);
    }
  });
});
