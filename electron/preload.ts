// The preload: a narrow door (STYLE.md). The page gets `window.api`, one named function per AppApi
// method, and `window.modulonShell`: menu commands in, and a few named calls out (unsaved state,
// recent scenarios, the native save and folder dialogs, restart); never `ipcRenderer` itself, nor
// an IPC event object.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppApi } from '../src-engine/contract/app-api.ts';
import {
  MENU_CHANNEL,
  SHELL,
  isMenuCommand,
  isMenuDetail,
  type ChooseFolderResult,
  type DataFolderInfo,
  type MenuCommand,
  type MenuDetail,
  type SaveFileRequest,
  type SaveFileResult,
} from './menu-commands.ts';
import { METHODS } from '../src-engine/contract/methods.ts';
import type { ModulonShell } from '../src-engine/contract/shell.ts';


function buildApi(): AppApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of METHODS) api[method] = (input) => ipcRenderer.invoke(method, input);
  return Object.freeze(api) as unknown as AppApi;
}

const shell: ModulonShell = Object.freeze({
  onMenu(listener: (command: MenuCommand, detail?: MenuDetail) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('modulonShell.onMenu expects a function');
    // Only the command and its detail cross over: the event would hand the page `ipcRenderer` (event.sender).
    const relay = (_event: IpcRendererEvent, command: unknown, detail?: unknown): void => {
      if (!isMenuCommand(command) || !isMenuDetail(command, detail)) return;
      if (detail === undefined) listener(command);
      else listener(command, detail as MenuDetail);
    };
    ipcRenderer.on(MENU_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, relay);
    };
  },
  setState(state: { dirty: boolean; name?: string; lang?: 'en' | 'zh' }): void {
    ipcRenderer.send(SHELL.setDirty, { dirty: state.dirty === true, ...(typeof state.name === 'string' ? { name: state.name } : {}), ...(state.lang ? { lang: state.lang } : {}) });
  },
  saveDone(ok: boolean): void {
    ipcRenderer.send(SHELL.saveDone, ok === true);
  },
  opened(scenario: { id: string; name: string }): void {
    ipcRenderer.send(SHELL.opened, { id: String(scenario.id), name: String(scenario.name) });
  },
  saveFile: (request: SaveFileRequest) => ipcRenderer.invoke(SHELL.saveFile, request) as Promise<SaveFileResult>,
  dataFolder: () => ipcRenderer.invoke(SHELL.dataFolder) as Promise<DataFolderInfo>,
  chooseDataFolder: () => ipcRenderer.invoke(SHELL.chooseDataFolder) as Promise<ChooseFolderResult>,
  resetDataFolder: () => ipcRenderer.invoke(SHELL.resetDataFolder) as Promise<DataFolderInfo>,
  relaunch: () => ipcRenderer.invoke(SHELL.relaunch),
});

contextBridge.exposeInMainWorld('api', buildApi());
contextBridge.exposeInMainWorld('modulonShell', shell);
