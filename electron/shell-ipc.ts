// The shell's own IPC (beside the AppApi): unsaved state for the quit prompt, recent scenarios,
// native save and folder dialogs, restart. Each message is checked for its sender and its shape
// before a handler sees it; a refused one is logged and dropped (or answered with an error).
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { isPageState, type PageState } from './close-guard.ts';
import { SHELL, type ChooseFolderResult, type DataFolderInfo, type SaveFileRequest, type SaveFileResult } from './menu-commands.ts';

type Sender = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** The part of Electron's `ipcMain` used here, so tests can pass a fake. */
export interface ShellIpcMain {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown;
  removeAllListeners(channel: string): unknown;
}

export interface ShellHandlers {
  setState(sender: Sender, state: PageState): void;
  saveDone(sender: Sender, ok: boolean): void;
  opened(sender: Sender, scenario: { id: string; name: string }): void;
  saveFile(sender: Sender, request: SaveFileRequest): Promise<SaveFileResult>;
  dataFolder(): DataFolderInfo;
  chooseDataFolder(sender: Sender): Promise<ChooseFolderResult>;
  resetDataFolder(): DataFolderInfo;
  relaunch(): void;
}

/** 300 MB of base64 or text: a maximum-size run's CSV fits, a runaway message does not. */
export const MAX_FILE_CHARS = 300 * 1024 * 1024;

export function isSaveFileRequest(v: unknown): v is SaveFileRequest {
  const r = v as Record<string, unknown> | null;
  return (
    typeof r === 'object' && r !== null &&
    typeof r.filename === 'string' && r.filename.length > 0 && r.filename.length <= 255 &&
    typeof r.mime === 'string' && r.mime.length <= 100 &&
    (r.encoding === 'utf8' || r.encoding === 'base64') &&
    typeof r.content === 'string' && r.content.length <= MAX_FILE_CHARS
  );
}

const isScenarioRef = (v: unknown): v is { id: string; name: string } => {
  const r = v as Record<string, unknown> | null;
  return typeof r === 'object' && r !== null && typeof r.id === 'string' && /^[0-9a-f-]{8,64}$/.test(r.id) && typeof r.name === 'string' && r.name.length <= 500;
};

export function registerShellIpc(ipcMain: ShellIpcMain, handlers: ShellHandlers, isTrusted: (event: Sender) => boolean, warn: (message: string) => void = (m) => console.warn(m)): () => void {
  const trusted = (event: Sender, channel: string): boolean => {
    let ok = false;
    try {
      ok = isTrusted(event);
    } catch {
      ok = false;
    }
    if (!ok) warn(`Modulon: refused ${channel} from an untrusted sender`);
    return ok;
  };
  const bad = (channel: string) => warn(`Modulon: dropped a malformed ${channel} message`);

  ipcMain.on(SHELL.setDirty, (event, state) => {
    if (!trusted(event, SHELL.setDirty)) return;
    if (isPageState(state)) handlers.setState(event, state);
    else bad(SHELL.setDirty);
  });
  ipcMain.on(SHELL.saveDone, (event, ok) => {
    if (!trusted(event, SHELL.saveDone)) return;
    if (typeof ok === 'boolean') handlers.saveDone(event, ok);
    else bad(SHELL.saveDone);
  });
  ipcMain.on(SHELL.opened, (event, scenario) => {
    if (!trusted(event, SHELL.opened)) return;
    if (isScenarioRef(scenario)) handlers.opened(event, scenario);
    else bad(SHELL.opened);
  });

  const refused = { error: 'refused: calls are accepted only from the Modulon window showing its own page' };
  ipcMain.handle(SHELL.saveFile, async (event, request) => {
    if (!trusted(event, SHELL.saveFile)) return { saved: false, ...refused };
    if (!isSaveFileRequest(request)) return { saved: false, error: 'expected { filename, mime, encoding: utf8|base64, content } within 300 MB' };
    return handlers.saveFile(event, request);
  });
  ipcMain.handle(SHELL.dataFolder, async (event) => (trusted(event, SHELL.dataFolder) ? handlers.dataFolder() : refused));
  ipcMain.handle(SHELL.chooseDataFolder, async (event) => (trusted(event, SHELL.chooseDataFolder) ? handlers.chooseDataFolder(event) : { chosen: false, ...refused }));
  ipcMain.handle(SHELL.resetDataFolder, async (event) => (trusted(event, SHELL.resetDataFolder) ? handlers.resetDataFolder() : refused));
  ipcMain.handle(SHELL.relaunch, async (event) => {
    if (!trusted(event, SHELL.relaunch)) return refused;
    handlers.relaunch();
    return { relaunching: true };
  });

  return () => {
    for (const channel of [SHELL.setDirty, SHELL.saveDone, SHELL.opened]) ipcMain.removeAllListeners(channel);
    for (const channel of [SHELL.saveFile, SHELL.dataFolder, SHELL.chooseDataFolder, SHELL.resetDataFolder, SHELL.relaunch]) ipcMain.removeHandler(channel);
  };
}
