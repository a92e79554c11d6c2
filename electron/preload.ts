// The preload: a narrow door (STYLE.md). The page gets `window.api`, one named function per AppApi
// method, and `window.modulonShell.onMenu`; never `ipcRenderer` itself, nor an IPC event object.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppApi } from '../src-engine/contract/app-api.ts';
import { MENU_CHANNEL, isMenuCommand, type MenuCommand } from './menu-commands.ts';
import { METHODS } from '../src-engine/contract/methods.ts';

/** What the shell adds beside the API: menu commands (File ▸ New Scenario, …) for the page to act on. */
export interface ModulonShell {
  /** Calls `listener` with each menu command; returns a function that stops listening. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
}

function buildApi(): AppApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of METHODS) api[method] = (input) => ipcRenderer.invoke(method, input);
  return Object.freeze(api) as unknown as AppApi;
}

const shell: ModulonShell = Object.freeze({
  onMenu(listener: (command: MenuCommand) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('modulonShell.onMenu expects a function');
    // Only the command string crosses over: the event would hand the page `ipcRenderer` (event.sender).
    const relay = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, relay);
    };
  },
});

contextBridge.exposeInMainWorld('api', buildApi());
contextBridge.exposeInMainWorld('modulonShell', shell);
