// Commands the application menu sends to the renderer, on one channel. Shared by main and preload;
// kept free of any import so the sandboxed preload bundle stays small.

/** The IPC channel main → renderer for menu commands (never a channel the renderer can invoke). */
export const MENU_CHANNEL = 'menu:command';

export const MENU_COMMANDS = ['new-scenario'] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
