// The application menu: standard roles for the platform, File ▸ New Scenario sent to the page, and
// the developer items (reload, DevTools) only when running unpackaged.
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './menu-commands.ts';

export interface MenuOptions {
  isMac: boolean;
  /** `app.isPackaged`: reload and DevTools are left out of a shipped app. */
  isPackaged: boolean;
  /** Sends a command to the window the menu acted on (or the app's window if none is focused). */
  sendCommand(command: MenuCommand, window: BaseWindow | undefined): void;
  showAbout(): void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac, isPackaged } = options;
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const developer: MenuItemConstructorOptions[] = isPackaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        {
          id: 'new-scenario',
          label: 'New Scenario',
          accelerator: 'CmdOrCtrl+N',
          click: (_item, window) => options.sendCommand('new-scenario', window),
        },
        separator,
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ id: 'about', label: 'About Modulon', click: () => options.showAbout() }],
    },
  ];
}
