// Settings' pure parts, testable under Node: the theme (stored, applied as html[data-theme]), the
// desktop shell the page may have, and what a restore reloads.
import { BACKUP_KEEP, type AppApi } from '../../src-engine/contract/app-api.ts';
import type { ModulonShell } from '../../src-engine/contract/shell.ts';

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
export const THEME_KEY = 'modulon.theme';

/** The Electron preload's `window.modulonShell` (absent in web mode). */
export type DesktopShell = ModulonShell;

/** The shell when the page runs in the desktop app (it has every function this page uses). */
export function desktopShell(): DesktopShell | undefined {
  const shell = (globalThis as { modulonShell?: Partial<DesktopShell> }).modulonShell;
  return shell && typeof shell.setState === 'function' && typeof shell.dataFolder === 'function' ? (shell as DesktopShell) : undefined;
}

export function storedTheme(storage: Pick<Storage, 'getItem'> | undefined): Theme {
  try {
    const v = storage?.getItem(THEME_KEY);
    return THEMES.includes(v as Theme) ? (v as Theme) : 'system';
  } catch {
    return 'system';
  }
}

/** html[data-theme=light|dark] forces a theme; no attribute follows the system (prefers-color-scheme). */
export function applyTheme(theme: Theme, root: HTMLElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
};

/** What a restore reloads: the lists of the workbench and the compare view, and the open scenario. */
export interface Reloadable {
  scenarios: Array<{ id: string }>;
  drugs: unknown[];
  customLibrary: unknown[];
  id: string | undefined;
  savedJson: string | undefined;
  readonly dirty: boolean;
  open(id: string): Promise<void>;
}

/**
 * After a restore: the lists read again; the scenario in the editor is reopened as the backup has
 * it when it had no unsaved edits, and kept as an unsaved new scenario when the backup lacks it.
 */
export async function reloadAfterRestore(api: Pick<AppApi, 'scenarios:list' | 'drugs:list' | 'drugs:listCustom'>, bench: Reloadable, others: Array<() => Promise<void>> = []): Promise<void> {
  const [list, drugs, custom] = await Promise.all([api['scenarios:list']({}), api['drugs:list']({}), api['drugs:listCustom']({})]);
  if (list.ok) bench.scenarios = list.value;
  if (drugs.ok) bench.drugs = drugs.value;
  if (custom.ok) bench.customLibrary = custom.value;
  const id = bench.id;
  if (id !== undefined && list.ok) {
    const kept = list.value.some((s) => s.id === id);
    if (!kept) {
      bench.id = undefined;
      bench.savedJson = undefined;
    } else if (!bench.dirty) {
      await bench.open(id);
    }
  }
  await Promise.all(others.map((reload) => reload()));
}

/** The number of backups to keep as typed in Settings: a whole number from 1 to 100, else undefined. */
export function parseBackupKeep(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return undefined;
  const n = Number(t);
  return n >= BACKUP_KEEP.min && n <= BACKUP_KEEP.max ? n : undefined;
}
