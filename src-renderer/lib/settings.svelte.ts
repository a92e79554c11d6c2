// The Settings panel's state: theme (kept in this browser's storage, applied as html[data-theme]),
// the data folder (chosen in the desktop app, applied on restart; read-only in web mode), and
// backups: made and restored by the backend, the app's data reloaded after a restore.
import type { AppApi, AppInfo, BackupInfo, Result } from '../../src-engine/contract/app-api.ts';
import type { ChooseFolderResult, DataFolderInfo } from '../../src-engine/contract/shell.ts';
import { applyTheme, desktopShell, parseBackupKeep, storage, storedTheme, THEME_KEY, type DesktopShell, type Theme } from './settings.ts';

export { desktopShell, reloadAfterRestore, THEMES, type DesktopShell, type Theme } from './settings.ts';

/** The panel's last outcome (a restore done, or why a backup or restore was refused). */
export type Note = { kind: 'ok'; text: string } | { kind: 'error'; text: string };

/** What the app reloads after a restore (the workbench's and compare view's lists). */
export type ReloadData = () => Promise<void>;

type SettingsApi = Pick<AppApi, 'app:info' | 'backup:create' | 'backup:list' | 'backup:restore' | 'settings:get' | 'settings:set'>;

export class Settings {
  open = $state(false);
  theme = $state<Theme>(storedTheme(storage()));
  info = $state.raw<AppInfo | undefined>();
  folder = $state.raw<DataFolderInfo | undefined>();
  backups = $state.raw<BackupInfo[]>([]);
  /** The backup just written (its path and size are shown). */
  made = $state.raw<BackupInfo | undefined>();
  /** The backup the user asked to restore, waiting for the confirmation. */
  confirming = $state<string | undefined>();
  busy = $state(false);
  note = $state.raw<Note | undefined>();
  /** How many backups the backend keeps (from settings:get). */
  backupKeep = $state<number | undefined>();
  /** The outcome of the last change of backupKeep: kept, or the text that was not a valid number. */
  keepNote = $state.raw<{ kind: 'ok'; n: number } | { kind: 'invalid'; text: string } | { kind: 'error'; text: string } | undefined>();
  readonly shell: DesktopShell | undefined;
  private readonly api: SettingsApi;
  private readonly reload: ReloadData;

  constructor(api: SettingsApi, reload: ReloadData, shell: DesktopShell | undefined = desktopShell()) {
    this.api = api;
    this.reload = reload;
    this.shell = shell;
    if (globalThis.document) applyTheme(this.theme, document.documentElement);
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    if (globalThis.document) applyTheme(theme, document.documentElement);
    try {
      storage()?.setItem(THEME_KEY, theme);
    } catch {
      // Storage refused (private mode): the theme holds for this session.
    }
  }

  /** Opens the panel with fresh facts: data folder, backups. */
  async show(): Promise<void> {
    this.open = true;
    this.confirming = undefined;
    this.keepNote = undefined;
    await this.refresh();
  }

  close(): void {
    this.open = false;
    this.confirming = undefined;
  }

  async refresh(): Promise<void> {
    const [info, list, kept] = await Promise.all([this.api['app:info']({}), this.api['backup:list']({}), this.api['settings:get']({})]);
    if (info.ok) this.info = info.value;
    if (kept.ok) this.backupKeep = kept.value.backupKeep;
    if (list.ok) this.backups = list.value;
    else this.note = { kind: 'error', text: list.error.message };
    if (this.shell) this.folder = await this.shell.dataFolder();
  }

  async backupNow(): Promise<void> {
    const made = await this.work(() => this.api['backup:create']({}));
    if (!made.ok) {
      this.note = { kind: 'error', text: made.error.message };
      return;
    }
    this.made = made.value;
    this.note = undefined;
    const list = await this.api['backup:list']({});
    if (list.ok) this.backups = list.value;
  }

  /**
   * Restores a backup the user confirmed. On success the app's data is reloaded; on refusal
   * (a damaged backup, say) nothing changed and the reason is shown.
   */
  async restore(name: string, messages: { restored: (when: string, safety: string) => string; failed: string }, when: (b: BackupInfo) => string): Promise<boolean> {
    this.confirming = undefined;
    const done = await this.work(() => this.api['backup:restore']({ name }));
    if (!done.ok) {
      this.note = { kind: 'error', text: `${messages.failed} ${done.error.message}` };
      return false;
    }
    this.made = undefined;
    this.note = { kind: 'ok', text: messages.restored(when(done.value.restored), done.value.safety.path) };
    await this.reload();
    const list = await this.api['backup:list']({});
    if (list.ok) this.backups = list.value;
    return true;
  }

  /** Sets how many backups are kept from the text typed; refuses anything but a whole number 1–100, saying so. */
  async setBackupKeep(text: string): Promise<void> {
    const n = parseBackupKeep(text);
    if (n === undefined) {
      this.keepNote = { kind: 'invalid', text: text.trim() };
      return;
    }
    const out = await this.work(() => this.api['settings:set']({ backupKeep: n }));
    if (!out.ok) {
      this.keepNote = { kind: 'error', text: out.error.message };
      return;
    }
    this.backupKeep = out.value.backupKeep;
    this.keepNote = { kind: 'ok', n: out.value.backupKeep };
  }

  async chooseFolder(): Promise<void> {
    if (!this.shell) return;
    const chosen = await this.work(async () => ({ ok: true, value: await this.shell!.chooseDataFolder() }) as Result<ChooseFolderResult>);
    if (!chosen.ok) return;
    if (chosen.value.chosen) this.folder = chosen.value.info;
    else if (chosen.value.error) this.note = { kind: 'error', text: chosen.value.error };
  }

  async resetFolder(): Promise<void> {
    if (this.shell) this.folder = await this.shell.resetDataFolder();
  }

  async relaunch(): Promise<void> {
    await this.shell?.relaunch();
  }

  private async work<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
    this.busy = true;
    try {
      return await call();
    } finally {
      this.busy = false;
    }
  }
}
