// The application menu template: platform roles, accelerators, commands sent to the page, recent
// scenarios, both languages, developer items only unpackaged.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuOptions } from './menu.ts';
import type { RecentEntry } from './recent.ts';

function template(overrides: Partial<MenuOptions> = {}) {
  const options: MenuOptions = {
    isMac: false,
    isPackaged: true,
    sendCommand: vi.fn(),
    showAbout: vi.fn(),
    openFile: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    ...overrides,
  };
  return { options, menu: buildMenuTemplate(options) };
}

/** Every item, submenus flattened. */
function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);
}
const roles = (menu: MenuItemConstructorOptions[]) => items(menu).map((m) => m.role).filter(Boolean);
const byId = (menu: MenuItemConstructorOptions[], id: string) => {
  const found = items(menu).find((m) => m.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
};
const click = (item: MenuItemConstructorOptions, window?: unknown) => item.click!(undefined as never, window as never, undefined as never);

describe('buildMenuTemplate', () => {
  it('leaves reload and DevTools out of a packaged app and puts them in an unpackaged one', () => {
    for (const isMac of [false, true]) {
      expect(roles(template({ isMac, isPackaged: true }).menu)).not.toEqual(expect.arrayContaining(['toggleDevTools']));
      expect(roles(template({ isMac, isPackaged: true }).menu)).not.toContain('reload');
      expect(roles(template({ isMac, isPackaged: false }).menu)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    }
  });

  it('uses the platform roles: app menu and Close on macOS, Quit elsewhere; Edit has undo and redo', () => {
    const mac = roles(template({ isMac: true }).menu);
    const other = roles(template({ isMac: false }).menu);
    expect(mac).toEqual(expect.arrayContaining(['appMenu', 'close', 'undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'selectAll', 'windowMenu', 'help']));
    expect(mac).not.toContain('quit');
    expect(other).toEqual(expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'windowMenu', 'help']));
    expect(other).not.toContain('appMenu');
    expect(other).not.toContain('pasteAndMatchStyle');
    // Undo and redo come first in Edit, so their standard accelerators (roles) apply.
    const edit = template().menu.find((m) => m.label === '&Edit')!;
    expect((edit.submenu as MenuItemConstructorOptions[]).slice(0, 2).map((m) => m.role)).toEqual(['undo', 'redo']);
  });

  it('gives the commands their accelerators and sends each to the window the menu acted on', () => {
    const { options, menu } = template();
    const expected: Array<[string, string | undefined, string]> = [
      ['new-scenario', 'CmdOrCtrl+N', 'new-scenario'],
      ['save', 'CmdOrCtrl+S', 'save'],
      ['save-as', 'Shift+CmdOrCtrl+S', 'save-as'],
      ['run', 'CmdOrCtrl+Enter', 'run'],
      ['run-f5', 'F5', 'run'],
      ['settings', 'CmdOrCtrl+,', 'settings'],
    ];
    const window = { id: 7 };
    for (const [id, accelerator, command] of expected) {
      const item = byId(menu, id);
      expect(item.accelerator, id).toBe(accelerator);
      vi.mocked(options.sendCommand).mockClear();
      click(item, window);
      expect(options.sendCommand).toHaveBeenCalledExactlyOnceWith(command, window, undefined);
    }
    // F5 is a hidden second accelerator of the same command, working while hidden (macOS).
    expect(byId(menu, 'run-f5')).toMatchObject({ visible: false, acceleratorWorksWhenHidden: true });
    // Accelerators are unique across the menu.
    const accelerators = items(menu).map((m) => m.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('opens files through the shell dialog (CmdOrCtrl+O) and exports each format to the page', () => {
    const { options, menu } = template();
    const open = byId(menu, 'open');
    expect(open.accelerator).toBe('CmdOrCtrl+O');
    click(open, { id: 3 });
    expect(options.openFile).toHaveBeenCalledWith({ id: 3 });
    const exportMenu = byId(menu, 'export').submenu as MenuItemConstructorOptions[];
    expect(exportMenu.map((m) => m.id)).toEqual(['export-html', 'export-pdf', 'export-csv', 'export-json']);
    for (const format of ['html', 'pdf', 'csv', 'json'] as const) {
      vi.mocked(options.sendCommand).mockClear();
      click(byId(menu, `export-${format}`));
      expect(options.sendCommand).toHaveBeenCalledExactlyOnceWith('export', undefined, { format });
    }
  });

  it('lists recent scenarios and files, opens the one clicked, and can clear the list', () => {
    const recent: RecentEntry[] = [
      { kind: 'scenario', id: '00000000-aaaa', name: 'Ketamine in TRD' },
      { kind: 'file', path: '/home/u/levodopa.modulon.json', name: 'levodopa' },
    ];
    const { options, menu } = template({ recent });
    const sub = byId(menu, 'open-recent').submenu as MenuItemConstructorOptions[];
    expect(sub.map((m) => m.label ?? m.type)).toEqual(['Ketamine in TRD', 'levodopa (file)', 'separator', 'Clear Menu']);
    expect(sub[1]!.toolTip).toBe('/home/u/levodopa.modulon.json');
    click(sub[0]!, { id: 1 });
    expect(options.openRecent).toHaveBeenCalledWith(recent[0], { id: 1 });
    click(byId(menu, 'recent-clear'));
    expect(options.clearRecent).toHaveBeenCalledTimes(1);

    const empty = byId(template({ recent: [] }).menu, 'open-recent').submenu as MenuItemConstructorOptions[];
    expect(empty).toEqual([{ id: 'recent-none', label: 'No recent scenarios', enabled: false }]);
  });

  it('speaks the page language: Chinese labels with the same accelerators', () => {
    const zh = template({ lang: 'zh' }).menu;
    const en = template({ lang: 'en' }).menu;
    expect(zh.map((m) => m.label ?? m.role)).toEqual(['文件(&F)', '编辑(&E)', '运行(&R)', '视图(&V)', 'windowMenu', '帮助(&H)']);
    expect(byId(zh, 'save-as').label).toBe('另存为…');
    expect(items(zh).map((m) => m.accelerator)).toEqual(items(en).map((m) => m.accelerator));
    expect(items(zh).map((m) => m.id)).toEqual(items(en).map((m) => m.id));
  });

  it('has an About item in Help', () => {
    const { options, menu } = template();
    const help = menu.find((m) => m.role === 'help')!;
    const about = (help.submenu as MenuItemConstructorOptions[]).find((m) => m.id === 'about')!;
    click(about);
    expect(options.showAbout).toHaveBeenCalledTimes(1);
  });
});
