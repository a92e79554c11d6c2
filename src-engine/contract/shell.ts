// The desktop shell's contract with the page: commands the application menu sends to the renderer,
// and the shell's own channels between the page and the desktop main process. Shared by
// the desktop shell (main, preload) and src-renderer; kept free of any import so the sandboxed preload
// bundle stays small. Web mode has no shell: the page then works without it.

/** The IPC channel main → renderer for menu commands (never a channel the renderer can invoke). */
export const MENU_CHANNEL = 'menu:command';

/**
 * `save-for-close`: the user chose Save in the unsaved-changes prompt when the app closes; the page
 * saves and answers on SHELL.saveDone. `open-file` carries the file's text, `open-scenario` a stored
 * scenario's id, `export` a format.
 */
export const MENU_COMMANDS = ['new-scenario', 'open-file', 'open-scenario', 'save', 'save-as', 'save-for-close', 'export', 'run', 'settings'] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const EXPORT_FORMATS = ['html', 'pdf', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a command carries besides its name (JSON only: it crosses the context bridge). */
export type MenuDetail = { path: string; name: string; text: string } | { id: string } | { format: ExportFormat };

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** The detail a command must carry (none for the others); anything else is dropped by the preload. */
export function isMenuDetail(command: MenuCommand, detail: unknown): boolean {
  const d = detail as Record<string, unknown> | undefined;
  const str = (key: string) => typeof d?.[key] === 'string';
  if (command === 'open-file') return str('path') && str('name') && str('text');
  if (command === 'open-scenario') return str('id');
  if (command === 'export') return (EXPORT_FORMATS as readonly unknown[]).includes(d?.format);
  return detail === undefined;
}

/** Channels the page uses to talk to the shell (each checked in main for its sender). */
export const SHELL = {
  /** send: whether the page has unsaved edits (for the quit prompt). */
  setDirty: 'shell:set-dirty',
  /** send: the answer to save-for-close, true when the edits are now stored. */
  saveDone: 'shell:save-done',
  /** send: a stored scenario the page opened or saved (for File ▸ Open Recent). */
  opened: 'shell:opened',
  /** invoke: a file to write through the native save dialog. */
  saveFile: 'shell:save-file',
  /** invoke: the data folder in use, the one chosen for the next start, and the default. */
  dataFolder: 'shell:data-folder',
  /** invoke: choose another data folder (native dialog), applied on restart. */
  chooseDataFolder: 'shell:choose-data-folder',
  /** invoke: go back to the default data folder on restart. */
  resetDataFolder: 'shell:reset-data-folder',
  /** invoke: restart the app (unsaved edits still get their prompt). */
  relaunch: 'shell:relaunch',
} as const;

/** A file the page asks the shell to save: text, or base64 for binary (a PDF). */
export interface SaveFileRequest {
  filename: string;
  mime: string;
  encoding: 'utf8' | 'base64';
  content: string;
}

export type SaveFileResult = { saved: true; path: string } | { saved: false; error?: string };

export interface DataFolderInfo {
  /** The folder this run uses. */
  current: string;
  /** The folder the next start will use, when it differs. */
  next?: string;
  /** Modulon's default folder. */
  defaultDir: string;
  /** MODULON_DATA is set: it wins over the setting. */
  fromEnvironment: boolean;
}

export type ChooseFolderResult = { chosen: false; error?: string } | { chosen: true; info: DataFolderInfo };

/** What the shell adds beside the API: the preload's `modulonShell` global of the page (absent in web mode). */
export interface ModulonShell {
  /** Calls `listener` with each menu command (and its detail); returns a function that stops listening. */
  onMenu(listener: (command: MenuCommand, detail?: MenuDetail) => void): () => void;
  /** The page's unsaved state, for the prompt when the app closes. */
  setState(state: { dirty: boolean; name?: string; lang?: 'en' | 'zh' }): void;
  /** The answer to a 'save-for-close' command: true when the edits are stored. */
  saveDone(ok: boolean): void;
  /** A stored scenario was opened or saved (File ▸ Open Recent). */
  opened(scenario: { id: string; name: string }): void;
  /** Writes a file where the user chooses in the native save dialog. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  dataFolder(): Promise<DataFolderInfo>;
  chooseDataFolder(): Promise<ChooseFolderResult>;
  resetDataFolder(): Promise<DataFolderInfo>;
  relaunch(): Promise<unknown>;
}
