// Settings and the desktop shell's commands, under Node: the theme kept and applied, the data a
// restore reloads, and each menu command acting on the workbench (the save a closing window asks
// for answers only once the edits are stored).
import { describe, expect, it, vi } from 'vitest';
import type { AppApi, ScenarioSummary } from '../../src-engine/contract/app-api.ts';
import { runCommand, type Bench } from './desktop.ts';
import { applyTheme, desktopShell, parseBackupKeep, reloadAfterRestore, storedTheme, THEME_KEY, type DesktopShell, type Reloadable } from './settings.ts';
import { formatBytes, settingsEn, settingsZh } from './strings-settings.ts';

describe('theme', () => {
  it('reads the stored theme, system when absent, unknown or unreadable', () => {
    const store = (v: string | null) => ({ getItem: (k: string) => (k === THEME_KEY ? v : null) });
    expect(storedTheme(store('dark'))).toBe('dark');
    expect(storedTheme(store('light'))).toBe('light');
    expect(storedTheme(store(null))).toBe('system');
    expect(storedTheme(store('purple'))).toBe('system');
    expect(storedTheme(undefined)).toBe('system');
    expect(storedTheme({ getItem: () => { throw new Error('denied'); } })).toBe('system');
  });

  it('sets html[data-theme] for light and dark and removes it for system', () => {
    const root = { dataset: {} as Record<string, string> } as unknown as HTMLElement;
    applyTheme('dark', root);
    expect(root.dataset.theme).toBe('dark');
    applyTheme('light', root);
    expect(root.dataset.theme).toBe('light');
    applyTheme('system', root);
    expect('theme' in root.dataset).toBe(false);
  });
});

describe('strings', () => {
  it('has every Settings string in both languages, of the same kind', () => {
    expect(Object.keys(settingsZh).sort()).toEqual(Object.keys(settingsEn).sort());
    for (const key of Object.keys(settingsEn) as Array<keyof typeof settingsEn>) expect(typeof settingsZh[key], key).toBe(typeof settingsEn[key]);
    expect(Object.keys(settingsZh.backupKind).sort()).toEqual(Object.keys(settingsEn.backupKind).sort());
  });

  it('writes sizes in the unit that reads best', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(90_112)).toBe('88.0 KB');
    expect(formatBytes(7_340_032)).toBe('7.0 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.00 GB');
  });
});

describe('backups to keep', () => {
  it('takes a whole number from 1 to 100 and nothing else', () => {
    expect(['1', ' 10 ', '100'].map(parseBackupKeep)).toEqual([1, 10, 100]);
    expect(['0', '101', '2.5', '-3', '', 'ten', '1e2', '007x'].map(parseBackupKeep)).toEqual(Array(8).fill(undefined));
  });
});

describe('desktopShell', () => {
  it('is undefined in web mode and when the preload is an older one', () => {
    expect(desktopShell()).toBeUndefined();
    (globalThis as Record<string, unknown>).modulonShell = { onMenu: () => () => {} };
    expect(desktopShell()).toBeUndefined();
    const full = { onMenu: () => () => {}, setState: () => {}, dataFolder: async () => ({}) };
    (globalThis as Record<string, unknown>).modulonShell = full;
    expect(desktopShell()).toBe(full);
    delete (globalThis as Record<string, unknown>).modulonShell;
  });
});

const summary = (id: string): ScenarioSummary => ({ id, name: id, condition: 'depression', updatedAt: '2026-01-01T00:00:00Z' });

function reloadable(over: Partial<Reloadable> & { dirtyNow?: boolean } = {}) {
  const bench = {
    scenarios: [] as Array<{ id: string }>,
    drugs: [] as unknown[],
    customLibrary: [] as unknown[],
    id: undefined as string | undefined,
    savedJson: undefined as string | undefined,
    dirty: over.dirtyNow ?? false,
    open: vi.fn(async () => {}),
    ...over,
  };
  return bench;
}
function restoredApi(ids: string[]) {
  return {
    'scenarios:list': vi.fn(async () => ({ ok: true as const, value: ids.map(summary) })),
    'drugs:list': vi.fn(async () => ({ ok: true as const, value: [] })),
    'drugs:listCustom': vi.fn(async () => ({ ok: true as const, value: [{ id: 'mydrug' }] })),
  } as unknown as Pick<AppApi, 'scenarios:list' | 'drugs:list' | 'drugs:listCustom'>;
}

describe('reloadAfterRestore', () => {
  it('reads the lists again and reopens the open scenario as the backup has it', async () => {
    const bench = reloadable({ id: 'aaaaaaaa', savedJson: '{}' });
    const other = vi.fn(async () => {});
    await reloadAfterRestore(restoredApi(['aaaaaaaa', 'bbbbbbbb']), bench, [other]);
    expect(bench.scenarios.map((s) => s.id)).toEqual(['aaaaaaaa', 'bbbbbbbb']);
    expect(bench.customLibrary).toEqual([{ id: 'mydrug' }]);
    expect(bench.open).toHaveBeenCalledWith('aaaaaaaa');
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('keeps unsaved edits in the editor, and makes a scenario the backup lacks a new unsaved one', async () => {
    const dirty = reloadable({ id: 'aaaaaaaa', savedJson: '{}', dirtyNow: true });
    await reloadAfterRestore(restoredApi(['aaaaaaaa']), dirty);
    expect(dirty.open).not.toHaveBeenCalled();
    expect(dirty.id).toBe('aaaaaaaa');

    const gone = reloadable({ id: 'cccccccc', savedJson: '{}' });
    await reloadAfterRestore(restoredApi(['aaaaaaaa']), gone);
    expect(gone.open).not.toHaveBeenCalled();
    expect(gone.id).toBeUndefined();
    expect(gone.savedJson).toBeUndefined();
  });
});

function fakeShell() {
  return {
    onMenu: vi.fn(() => () => {}),
    setState: vi.fn(),
    saveDone: vi.fn(),
    opened: vi.fn(),
    saveFile: vi.fn(async () => ({ saved: true as const, path: '/chosen' })),
    dataFolder: vi.fn(),
    chooseDataFolder: vi.fn(),
    resetDataFolder: vi.fn(),
    relaunch: vi.fn(),
  } satisfies DesktopShell;
}

function fakeBench(over: Partial<Record<string, unknown>> = {}) {
  const bench = {
    view: 'validation' as 'workbench' | 'validation' | 'compare',
    dirty: true,
    id: undefined,
    savedJson: undefined,
    draft: { name: 'Sertraline' },
    message: undefined as unknown,
    newScenario: vi.fn(async () => true),
    open: vi.fn(async () => {}),
    importJson: vi.fn(async () => {}),
    save: vi.fn(async () => {
      bench.dirty = false;
    }),
    saveAs: vi.fn(async () => {}),
    run: vi.fn(async () => {}),
    exportReport: vi.fn(async (format: string, lang: string) => ({ filename: `r.${format}`, mime: 'text/html', encoding: 'utf8' as const, content: `<p>${lang}</p>` })),
    exportJson: vi.fn((download: (f: string, t: string, type: string) => void) => download('s.modulon.json', '{"a":1}\n', 'application/json')),
    ...over,
  };
  return bench;
}
const asBench = (b: ReturnType<typeof fakeBench>) => b as unknown as Bench;
const settings = { show: vi.fn(async () => {}) };

describe('menu commands', () => {
  it('new, open file, open scenario and run act on the workbench, shown', async () => {
    const shell = fakeShell();
    for (const [command, detail, call, arg] of [
      ['new-scenario', undefined, 'newScenario', undefined],
      ['open-file', { path: '/a.json', name: 'a.json', text: '{"x":1}' }, 'importJson', '{"x":1}'],
      ['open-scenario', { id: 'abcdef12' }, 'open', 'abcdef12'],
      ['run', undefined, 'run', undefined],
    ] as const) {
      const bench = fakeBench();
      await runCommand(shell, asBench(bench), settings, 'en', command, detail);
      expect(bench[call], command).toHaveBeenCalledTimes(1);
      if (arg !== undefined) expect(bench[call]).toHaveBeenCalledWith(arg);
      expect(bench.view).toBe('workbench');
    }
  });

  it('save and save as call the workbench; settings opens the panel', async () => {
    const shell = fakeShell();
    const bench = fakeBench();
    await runCommand(shell, asBench(bench), settings, 'en', 'save');
    await runCommand(shell, asBench(bench), settings, 'en', 'save-as');
    await runCommand(shell, asBench(bench), settings, 'en', 'settings');
    expect(bench.save).toHaveBeenCalledTimes(1);
    expect(bench.saveAs).toHaveBeenCalledWith();
    expect(settings.show).toHaveBeenCalledTimes(1);
    expect(shell.saveDone).not.toHaveBeenCalled();
  });

  it('answers a closing window: saved only when the edits are stored', async () => {
    const shell = fakeShell();
    await runCommand(shell, asBench(fakeBench()), settings, 'en', 'save-for-close');
    expect(shell.saveDone).toHaveBeenLastCalledWith(true);
    // The save was refused (a field error) or the user cancelled a question on the way: still dirty.
    await runCommand(shell, asBench(fakeBench({ save: vi.fn(async () => {}) })), settings, 'en', 'save-for-close');
    expect(shell.saveDone).toHaveBeenLastCalledWith(false);
    // Even a save that throws answers, so the window is not left waiting.
    await expect(runCommand(shell, asBench(fakeBench({ save: vi.fn(async () => { throw new Error('boom'); }) })), settings, 'en', 'save-for-close')).rejects.toThrow('boom');
    expect(shell.saveDone).toHaveBeenLastCalledWith(false);
    expect(shell.saveDone).toHaveBeenCalledTimes(3);
  });

  it('exports through the native save dialog: reports in the page language, the scenario file as JSON', async () => {
    const shell = fakeShell();
    const bench = fakeBench();
    await runCommand(shell, asBench(bench), settings, 'zh', 'export', { format: 'pdf' });
    expect(bench.exportReport).toHaveBeenCalledWith('pdf', 'zh-CN');
    expect(shell.saveFile).toHaveBeenLastCalledWith({ filename: 'r.pdf', mime: 'text/html', encoding: 'utf8', content: '<p>zh-CN</p>' });
    await runCommand(shell, asBench(bench), settings, 'en', 'export', { format: 'json' });
    expect(shell.saveFile).toHaveBeenLastCalledWith({ filename: 's.modulon.json', mime: 'application/json', encoding: 'utf8', content: '{"a":1}\n' });
    // A file that could not be written says why in the workbench's message line.
    shell.saveFile.mockResolvedValueOnce({ saved: false, error: 'could not write /x (EACCES)' } as never);
    await runCommand(shell, asBench(bench), settings, 'en', 'export', { format: 'csv' });
    expect(bench.message).toEqual({ kind: 'error', text: 'could not write /x (EACCES)' });
    // A refused report (the backend said why) writes nothing.
    bench.exportReport.mockResolvedValueOnce(undefined as never);
    const before = shell.saveFile.mock.calls.length;
    await runCommand(shell, asBench(bench), settings, 'en', 'export', { format: 'html' });
    expect(shell.saveFile.mock.calls.length).toBe(before);
  });
});
