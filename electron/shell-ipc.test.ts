// The shell's IPC: every channel checks its sender and the shape of what it carries before a
// handler runs; the files it keeps (settings, recent) and the scenario files it reads.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataFolderInfo, folderProblem, readSettings, resolveDataDir, SETTINGS_FILE, writeSettings } from './config.ts';
import { SHELL } from './menu-commands.ts';
import { fileFromArgv, MAX_SCENARIO_BYTES, readScenarioFile } from './open-file.ts';
import { addRecent, readRecent, RECENT_FILE, RECENT_MAX, writeRecent, type RecentEntry } from './recent.ts';
import { registerShellIpc, type ShellHandlers, type ShellIpcMain } from './shell-ipc.ts';

type Listener = (event: unknown, ...args: unknown[]) => unknown;

function setup() {
  const on = new Map<string, Listener>();
  const handle = new Map<string, Listener>();
  const ipcMain: ShellIpcMain = {
    handle: (c, l) => void handle.set(c, l as Listener),
    removeHandler: (c) => void handle.delete(c),
    on: (c, l) => on.set(c, l as Listener),
    removeAllListeners: (c) => on.delete(c),
  };
  const handlers = {
    setState: vi.fn(),
    saveDone: vi.fn(),
    opened: vi.fn(),
    saveFile: vi.fn(async () => ({ saved: true as const, path: '/x' })),
    dataFolder: vi.fn(() => ({ current: '/d', defaultDir: '/d', fromEnvironment: false })),
    chooseDataFolder: vi.fn(async () => ({ chosen: false as const })),
    resetDataFolder: vi.fn(() => ({ current: '/d', defaultDir: '/d', fromEnvironment: false })),
    relaunch: vi.fn(),
  } satisfies ShellHandlers;
  const trustedEvent = { sender: { id: 1 }, senderFrame: { url: 'file:///app/index.html', parent: null } };
  const foreignEvent = { sender: { id: 2 }, senderFrame: { url: 'https://evil.example/', parent: null } };
  const warn = vi.fn();
  const stop = registerShellIpc(ipcMain, handlers, (e) => e.sender === (trustedEvent.sender as unknown), warn);
  return { on, handle, handlers, trustedEvent, foreignEvent, warn, stop };
}

describe('shell IPC', () => {
  it('passes well-formed messages from the app window to the handlers', async () => {
    const { on, handle, handlers, trustedEvent } = setup();
    on.get(SHELL.setDirty)!(trustedEvent, { dirty: true, name: 'A', lang: 'en' });
    expect(handlers.setState).toHaveBeenCalledWith(trustedEvent, { dirty: true, name: 'A', lang: 'en' });
    on.get(SHELL.saveDone)!(trustedEvent, false);
    expect(handlers.saveDone).toHaveBeenCalledWith(trustedEvent, false);
    on.get(SHELL.opened)!(trustedEvent, { id: 'abcdef12-3456', name: 'B' });
    expect(handlers.opened).toHaveBeenCalledWith(trustedEvent, { id: 'abcdef12-3456', name: 'B' });
    const request = { filename: 'r.html', mime: 'text/html', encoding: 'utf8', content: '<p>' };
    await expect(handle.get(SHELL.saveFile)!(trustedEvent, request)).resolves.toEqual({ saved: true, path: '/x' });
    await expect(handle.get(SHELL.dataFolder)!(trustedEvent)).resolves.toMatchObject({ current: '/d' });
    await handle.get(SHELL.relaunch)!(trustedEvent);
    expect(handlers.relaunch).toHaveBeenCalledTimes(1);
  });

  it('refuses every channel from a foreign sender, and drops malformed messages', async () => {
    const { on, handle, handlers, foreignEvent, trustedEvent, warn } = setup();
    for (const [channel, listener] of on) listener(foreignEvent, channel === SHELL.saveDone ? true : { dirty: true, id: 'abcdef12', name: 'x' });
    for (const [, listener] of handle) await expect(listener(foreignEvent, { filename: 'a', mime: 'b', encoding: 'utf8', content: '' })).resolves.toMatchObject({ error: expect.stringMatching(/refused/) });
    for (const fn of Object.values(handlers)) expect(fn).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(on.size + handle.size);

    on.get(SHELL.setDirty)!(trustedEvent, { dirty: 1 });
    on.get(SHELL.saveDone)!(trustedEvent, 'yes');
    on.get(SHELL.opened)!(trustedEvent, { id: '../../etc', name: 'x' });
    await expect(handle.get(SHELL.saveFile)!(trustedEvent, { filename: '', mime: 'x', encoding: 'utf8', content: '' })).resolves.toMatchObject({ saved: false });
    for (const fn of Object.values(handlers)) expect(fn).not.toHaveBeenCalled();
  });

  it('removes its channels again', () => {
    const { on, handle, stop } = setup();
    stop();
    expect(on.size + handle.size).toBe(0);
  });
});

describe('shell files', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const temp = () => {
    const d = mkdtempSync(join(tmpdir(), 'modulon-shell-'));
    dirs.push(d);
    return d;
  };

  it('resolves the data folder: MODULON_DATA, else the setting, else the default; says what the next start uses', () => {
    expect(resolveDataDir({ MODULON_DATA: '/env' }, { dataDir: '/chosen' }, '/default')).toBe('/env');
    expect(resolveDataDir({}, { dataDir: '/chosen' }, '/default')).toBe('/chosen');
    expect(resolveDataDir({}, {}, '/default')).toBe('/default');
    expect(dataFolderInfo('/default', {}, { dataDir: '/chosen' }, '/default')).toEqual({ current: '/default', next: '/chosen', defaultDir: '/default', fromEnvironment: false });
    expect(dataFolderInfo('/env', { MODULON_DATA: '/env' }, { dataDir: '/chosen' }, '/default')).toEqual({ current: '/env', defaultDir: '/default', fromEnvironment: true });
  });

  it('keeps the setting in settings.json and ignores a damaged or relative one', () => {
    const dir = temp();
    expect(readSettings(dir)).toEqual({});
    writeSettings(dir, { dataDir: '/somewhere' });
    expect(readSettings(dir)).toEqual({ dataDir: '/somewhere' });
    writeFileSync(join(dir, SETTINGS_FILE), '{"dataDir": "relative/path"}');
    expect(readSettings(dir)).toEqual({});
    writeFileSync(join(dir, SETTINGS_FILE), '{oops');
    expect(readSettings(dir)).toEqual({});
  });

  it('says why a folder cannot hold the data', () => {
    const dir = temp();
    expect(folderProblem(dir)).toBeUndefined();
    expect(folderProblem(join(dir, 'missing'))).toBe(`${join(dir, 'missing')} does not exist`);
    writeFileSync(join(dir, 'f'), '');
    expect(folderProblem(join(dir, 'f'))).toMatch(/is a file, not a folder/);
    expect(folderProblem('relative')).toMatch(/not an absolute path/);
  });

  it('keeps recent items newest first, without duplicates, at most ten, across starts', () => {
    const dir = temp();
    let list: RecentEntry[] = [];
    for (let i = 0; i < 12; i++) list = addRecent(list, { kind: 'scenario', id: `id-${i}`, name: `S${i}` });
    list = addRecent(list, { kind: 'scenario', id: 'id-5', name: 'S5 renamed' });
    expect(list).toHaveLength(RECENT_MAX);
    expect(list.slice(0, 3).map((e) => e.name)).toEqual(['S5 renamed', 'S11', 'S10']);
    expect(list.filter((e) => e.kind === 'scenario' && e.id === 'id-5')).toHaveLength(1);
    writeRecent(dir, list);
    expect(readRecent(dir)).toEqual(list);
    writeFileSync(join(dir, RECENT_FILE), JSON.stringify([{ kind: 'file', path: '/a.json', name: 'a' }, { kind: 'evil' }, 'x']));
    expect(readRecent(dir)).toEqual([{ kind: 'file', path: '/a.json', name: 'a' }]);
  });

  it('finds the scenario file on a command line and reads it, refusing a folder, a huge file, a missing one', async () => {
    expect(fileFromArgv(['/usr/bin/modulon', 'a.modulon.json'], '/home/u')).toBe('/home/u/a.modulon.json');
    expect(fileFromArgv(['electron', '.', '--inspect', '/abs/b.json'], '/x')).toBe('/abs/b.json');
    expect(fileFromArgv(['electron', '.'], '/x')).toBeUndefined();
    const dir = temp();
    await expect(readScenarioFile(dir)).resolves.toEqual({ ok: false, message: `${dir} is not a file` });
    await expect(readScenarioFile(join(dir, 'gone.json'))).resolves.toEqual({ ok: false, message: `${join(dir, 'gone.json')} no longer exists (moved or deleted?)` });
    const big = join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(MAX_SCENARIO_BYTES + 1, 32));
    await expect(readScenarioFile(big)).resolves.toMatchObject({ ok: false, message: expect.stringMatching(/at most 20 MB/) });
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'ok.json'), '\uFEFF{}');
    await expect(readScenarioFile(join(dir, 'sub', 'ok.json'))).resolves.toEqual({ ok: true, path: join(dir, 'sub', 'ok.json'), name: 'ok.json', text: '{}' });
  });
});
