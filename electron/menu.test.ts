// The application menu template: platform roles, developer items only unpackaged, File ▸ New Scenario.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuOptions } from './menu.ts';

function template(overrides: Partial<MenuOptions> = {}) {
  const options: MenuOptions = { isMac: false, isPackaged: true, sendCommand: vi.fn(), showAbout: vi.fn(), ...overrides };
  return { options, menu: buildMenuTemplate(options) };
}

/** Every item, submenus flattened. */
function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);
}
const roles = (menu: MenuItemConstructorOptions[]) => items(menu).map((m) => m.role).filter(Boolean);

describe('buildMenuTemplate', () => {
  it('leaves reload and DevTools out of a packaged app and puts them in an unpackaged one', () => {
    for (const isMac of [false, true]) {
      expect(roles(template({ isMac, isPackaged: true }).menu)).not.toEqual(expect.arrayContaining(['toggleDevTools']));
      expect(roles(template({ isMac, isPackaged: true }).menu)).not.toContain('reload');
      expect(roles(template({ isMac, isPackaged: false }).menu)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    }
  });

  it('uses the platform roles: app menu and Close on macOS, Quit elsewhere', () => {
    const mac = roles(template({ isMac: true }).menu);
    const other = roles(template({ isMac: false }).menu);
    expect(mac).toEqual(expect.arrayContaining(['appMenu', 'close', 'editMenu', 'windowMenu', 'help']));
    expect(mac).not.toContain('quit');
    expect(other).toEqual(expect.arrayContaining(['quit', 'editMenu', 'windowMenu', 'help']));
    expect(other).not.toContain('appMenu');
  });

  it('sends new-scenario to the window the menu acted on, on CmdOrCtrl+N', () => {
    const { options, menu } = template();
    const item = items(menu).find((m) => m.id === 'new-scenario')!;
    expect(item.accelerator).toBe('CmdOrCtrl+N');
    const window = { id: 7 };
    item.click!(undefined as never, window as never, undefined as never);
    expect(options.sendCommand).toHaveBeenCalledWith('new-scenario', window);
  });

  it('has an About item in Help', () => {
    const { options, menu } = template();
    const help = menu.find((m) => m.role === 'help')!;
    const about = (help.submenu as MenuItemConstructorOptions[]).find((m) => m.id === 'about')!;
    about.click!(undefined as never, undefined, undefined as never);
    expect(options.showAbout).toHaveBeenCalledTimes(1);
  });
});
