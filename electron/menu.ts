// The application menu: File (new, open, recent, save, save as, export, settings), Edit with the
// undo/redo roles, Run, View, Window and Help, in the page's language. Commands for the page go
// through `sendCommand`; dialogs the shell owns (open, about) through their own callbacks.
// Developer items (reload, DevTools) only when running unpackaged.
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import type { ExportFormat, MenuCommand, MenuDetail } from './menu-commands.ts';
import type { RecentEntry } from './recent.ts';

export interface MenuOptions {
  isMac: boolean;
  /** `app.isPackaged`: reload and DevTools are left out of a shipped app. */
  isPackaged: boolean;
  /** The interface language the page reported (default English). */
  lang?: 'en' | 'zh';
  recent?: readonly RecentEntry[];
  /** Sends a command to the window the menu acted on (or the app's window if none is focused). */
  sendCommand(command: MenuCommand, window: BaseWindow | undefined, detail?: MenuDetail): void;
  /** File ▸ Open…: the native open dialog for a scenario file. */
  openFile?(window: BaseWindow | undefined): void;
  openRecent?(entry: RecentEntry, window: BaseWindow | undefined): void;
  clearRecent?(): void;
  showAbout(): void;
}

const LABELS = {
  en: {
    file: '&File', newScenario: 'New Scenario', open: 'Open…', openRecent: 'Open Recent', noRecent: 'No recent scenarios', clearRecent: 'Clear Menu',
    save: 'Save', saveAs: 'Save As…', export: 'Export', settings: 'Settings…',
    exports: { html: 'Report (HTML)…', pdf: 'Report (PDF)…', csv: 'Series (CSV)…', json: 'Scenario File (JSON)…' },
    edit: '&Edit', run: '&Run', runScenario: 'Run Scenario', view: '&View', help: '&Help', about: 'About Modulon', file_: 'file',
  },
  zh: {
    file: '文件(&F)', newScenario: '新建情景', open: '打开…', openRecent: '最近打开', noRecent: '没有最近的情景', clearRecent: '清除菜单',
    save: '保存', saveAs: '另存为…', export: '导出', settings: '设置…',
    exports: { html: '报告 (HTML)…', pdf: '报告 (PDF)…', csv: '序列 (CSV)…', json: '情景文件 (JSON)…' },
    edit: '编辑(&E)', run: '运行(&R)', runScenario: '运行情景', view: '视图(&V)', help: '帮助(&H)', about: '关于 Modulon', file_: '文件',
  },
} as const;

export const EXPORT_ORDER: readonly ExportFormat[] = ['html', 'pdf', 'csv', 'json'];

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac, isPackaged } = options;
  const t = LABELS[options.lang ?? 'en'];
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const developer: MenuItemConstructorOptions[] = isPackaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  const command = (id: MenuCommand, label: string, accelerator?: string, detail?: MenuDetail): MenuItemConstructorOptions => ({
    id,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: (_item, window) => options.sendCommand(id, window, detail),
  });
  const recent = options.recent ?? [];
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ id: 'recent-none', label: t.noRecent, enabled: false }]
      : [
          ...recent.map((entry, i): MenuItemConstructorOptions => ({
            id: `recent-${i}`,
            label: entry.kind === 'file' ? `${entry.name} (${t.file_})` : entry.name,
            ...(entry.kind === 'file' ? { toolTip: entry.path } : {}),
            click: (_item, window) => options.openRecent?.(entry, window),
          })),
          separator,
          { id: 'recent-clear', label: t.clearRecent, click: () => options.clearRecent?.() },
        ];
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: t.file,
      submenu: [
        command('new-scenario', t.newScenario, 'CmdOrCtrl+N'),
        { id: 'open', label: t.open, accelerator: 'CmdOrCtrl+O', click: (_item, window) => options.openFile?.(window) },
        { id: 'open-recent', label: t.openRecent, submenu: recentItems },
        separator,
        command('save', t.save, 'CmdOrCtrl+S'),
        command('save-as', t.saveAs, 'Shift+CmdOrCtrl+S'),
        {
          id: 'export',
          label: t.export,
          submenu: EXPORT_ORDER.map((format) => ({ ...command('export', t.exports[format], undefined, { format }), id: `export-${format}` })),
        },
        separator,
        command('settings', t.settings, 'CmdOrCtrl+,'),
        separator,
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: t.edit,
      // The page has no undo of its own for form edits: the roles act on the focused field.
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(isMac ? [{ role: 'pasteAndMatchStyle' } satisfies MenuItemConstructorOptions] : []),
        { role: 'delete' },
        separator,
        { role: 'selectAll' },
      ],
    },
    {
      label: t.run,
      submenu: [
        command('run', t.runScenario, 'CmdOrCtrl+Enter'),
        // F5 as well: one accelerator per item, so a second, hidden item.
        { ...command('run', t.runScenario, 'F5'), id: 'run-f5', visible: false, acceleratorWorksWhenHidden: true },
      ],
    },
    {
      label: t.view,
      submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      label: t.help,
      submenu: [{ id: 'about', label: t.about, click: () => options.showAbout() }],
    },
  ];
}
