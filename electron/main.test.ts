// The main process start-up under Node with `electron` faked: the store in "<appData>/Modulon", every
// method on IPC behind the sender check, the window and menu; a refused store shown and left alone.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHODS } from '../src-engine/contract/app-api.ts';
import { DB_FILE } from '../src-main/store/store.ts';
import { MENU_CHANNEL, SHELL } from './menu-commands.ts';

type Listener = (...args: unknown[]) => unknown;
type MenuItem = { id?: string; label?: string; role?: string; submenu?: MenuItem[]; click?: (item: unknown, window: unknown) => void };

const state = vi.hoisted(() => ({ electron: undefined as unknown }));
// The module is cached across vi.resetModules(), so its exports read whichever fake is current.
vi.mock('electron', () => {
  const current = () => state.electron as Record<string, unknown>;
  return {
    get app() { return current().app; },
    get BrowserWindow() { return current().BrowserWindow; },
    get dialog() { return current().dialog; },
    get ipcMain() { return current().ipcMain; },
    get Menu() { return current().Menu; },
    get session() { return current().session; },
    get screen() { return current().screen; },
  };
});

function makeElectron(options: { appData: string; lock?: boolean }) {
  const paths = new Map<string, string>([['appData', options.appData], ['documents', join(options.appData, 'Documents')]]);
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    setName: vi.fn(),
    getPath: (name: string) => {
      const path = paths.get(name);
      if (path === undefined) throw new Error(`getPath(${name}) not faked`);
      return path;
    },
    setPath: vi.fn((name: string, path: string) => paths.set(name, path)),
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    exit: vi.fn(),
    getVersion: () => '0.1.0',
    setAboutPanelOptions: vi.fn(),
    showAboutPanel: vi.fn(),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
    relaunch: vi.fn(),
  });

  class FakeWebContents extends EventEmitter {
    send = vi.fn();
    setWindowOpenHandler = vi.fn();
    mainFrame = { url: '', parent: null };
  }
  class BrowserWindow extends EventEmitter {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => [...BrowserWindow.all];
    static fromWebContents = (contents: unknown) => BrowserWindow.all.find((w) => w.webContents === contents) ?? null;
    readonly webContents = new FakeWebContents();
    readonly options: Record<string, unknown>;
    loadedFile: string | undefined;
    constructor(opts: Record<string, unknown>) {
      super();
      this.options = opts;
      BrowserWindow.all.push(this);
    }
    show(): void {}
    isFocused = () => true;
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
    maximize = vi.fn();
    isMaximized = () => false;
    isDestroyed = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: Number(this.options.width), height: Number(this.options.height) });
    /** Electron's close(): a 'close' event the app may prevent, then 'closed'. */
    close = vi.fn(() => {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.emit('closed');
      return !prevented;
    });
    loadURL = vi.fn(() => Promise.resolve());
    loadFile = vi.fn((file: string) => {
      this.loadedFile = file;
      this.webContents.mainFrame.url = pathToFileURL(file).href;
      return Promise.resolve();
    });
  }

  const handlers = new Map<string, Listener>();
  const listeners = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => handlers.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    on: vi.fn((channel: string, listener: Listener) => listeners.set(channel, listener)),
    removeAllListeners: vi.fn((channel: string) => listeners.delete(channel)),
  };
  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: vi.fn(), onBeforeRequest: vi.fn() },
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    },
  };
  const Menu = { buildFromTemplate: vi.fn((template: MenuItem[]) => ({ template })), setApplicationMenu: vi.fn() };
  const dialog = {
    showErrorBox: vi.fn(),
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 2, checkboxChecked: false })),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  };
  const primary = { id: 1, workArea: { x: 0, y: 0, width: 1440, height: 875 } };
  const screen = { getAllDisplays: vi.fn(() => [primary]), getPrimaryDisplay: vi.fn(() => primary) };
  return { app, BrowserWindow, ipcMain, session, Menu, dialog, screen, handlers, listeners };
}

type FakeElectron = ReturnType<typeof makeElectron>;

let appData: string;
let electron: FakeElectron;

async function startMain(options: { lock?: boolean } = {}): Promise<FakeElectron> {
  electron = makeElectron({ appData, ...options });
  state.electron = electron;
  vi.resetModules();
  await import('./main.ts');
  return electron;
}

const ready = (e: FakeElectron) => vi.waitFor(() => expect(e.BrowserWindow.all.length + e.app.exit.mock.calls.length).toBeGreaterThan(0));

beforeEach(() => {
  appData = mkdtempSync(join(tmpdir(), 'modulon-main-'));
  delete process.env.MODULON_DATA;
  delete process.env.ELECTRON_RENDERER_URL;
});

afterEach(() => {
  electron?.app.emit('will-quit');
  rmSync(appData, { recursive: true, force: true });
});

describe('main process start-up', () => {
  it('opens the store in <appData>/Modulon, registers every method, and opens one secure window', async () => {
    const e = await startMain();
    await ready(e);
    const dataDir = join(appData, 'Modulon');
    expect(e.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(e.app.enableSandbox).toHaveBeenCalled();
    expect(readFileSync(join(dataDir, DB_FILE)).length).toBeGreaterThan(0);
    const shellInvokes = [SHELL.saveFile, SHELL.dataFolder, SHELL.chooseDataFolder, SHELL.resetDataFolder, SHELL.relaunch];
    expect([...e.handlers.keys()].sort()).toEqual([...METHODS, ...shellInvokes].sort());
    expect([...e.listeners.keys()].sort()).toEqual([SHELL.opened, SHELL.saveDone, SHELL.setDirty].sort());
    expect(e.BrowserWindow.all).toHaveLength(1);
    const window = e.BrowserWindow.all[0]!;
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.js$/);
    expect(window.loadedFile).toMatch(/renderer[\\/]index\.html$/);
    expect(e.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(e.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(e.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(e.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it("answers the window's calls through the backend and refuses a window it did not make", async () => {
    const e = await startMain();
    await ready(e);
    const window = e.BrowserWindow.all[0]!;
    const call = (sender: unknown, frame: unknown, method: string, input: unknown) => e.handlers.get(method)!({ sender, senderFrame: frame }, input);

    await expect(call(window.webContents, window.webContents.mainFrame, 'scenarios:list', {})).resolves.toEqual({ ok: true, value: [] });
    await expect(call(window.webContents, window.webContents.mainFrame, 'app:info', {})).resolves.toMatchObject({
      ok: true,
      value: { transport: 'ipc', dataDir: join(appData, 'Modulon') },
    });

    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stranger = new e.BrowserWindow({});
    await expect(call(stranger.webContents, window.webContents.mainFrame, 'scenarios:list', {})).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('sends File ▸ New Scenario to the window and quits when the last window closes (not on macOS)', async () => {
    const e = await startMain();
    await ready(e);
    const template = e.Menu.buildFromTemplate.mock.calls[0]![0];
    const file = template.find((m) => m.label === '&File')!;
    const item = file.submenu!.find((m) => m.id === 'new-scenario')!;
    const window = e.BrowserWindow.all[0]!;
    item.click!(item, window);
    expect(window.webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'new-scenario');

    e.app.emit('window-all-closed');
    if (process.platform === 'darwin') expect(e.app.quit).not.toHaveBeenCalled();
    else expect(e.app.quit).toHaveBeenCalledTimes(1);
  });

  it('brings the open window forward when the app is launched a second time', async () => {
    const e = await startMain();
    await ready(e);
    const window = e.BrowserWindow.all[0]!;
    e.app.emit('second-instance');
    expect(window.focus).toHaveBeenCalledTimes(1);
    expect(e.BrowserWindow.all).toHaveLength(1);
  });

  it('closes the store on quit', async () => {
    const e = await startMain();
    await ready(e);
    const window = e.BrowserWindow.all[0]!;
    e.app.emit('will-quit');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = await e.handlers.get('scenarios:list')!({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, {});
    expect(after).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/not open/i) } });
  });

  it('shows a database from a newer Modulon in an error box, quits, and leaves the file untouched', async () => {
    const dataDir = join(appData, 'Modulon');
    mkdirSync(dataDir, { recursive: true });
    // As a newer Modulon would leave it: WAL mode, a schema version this app does not know.
    const db = new Database(join(dataDir, DB_FILE));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE from_the_future (x INTEGER) STRICT');
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(join(dataDir, DB_FILE));

    const e = await startMain();
    await ready(e);
    expect(e.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = e.dialog.showErrorBox.mock.calls[0]!;
    // The store's own sentence, as is: not dressed up as an internal error.
    expect(title).toBe('Modulon cannot open its data');
    expect(message).toMatch(/^the database .*written by a newer Modulon.*left untouched/);
    expect(e.app.exit).toHaveBeenCalledWith(1);
    expect(e.BrowserWindow.all).toHaveLength(0);
    expect(e.handlers.size).toBe(0);
    expect(readFileSync(join(dataDir, DB_FILE)).equals(before)).toBe(true);
    const check = new Database(join(dataDir, DB_FILE), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
  });

  it('leaves at once when another instance holds the lock', async () => {
    const e = await startMain({ lock: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(e.app.quit).toHaveBeenCalledTimes(1);
    expect(e.app.whenReady).not.toHaveBeenCalled();
    expect(e.BrowserWindow.all).toHaveLength(0);
  });
});

describe('desktop conventions', () => {
  const from = (window: { webContents: unknown }) => ({ sender: window.webContents, senderFrame: (window.webContents as { mainFrame: unknown }).mainFrame });
  const lastMenu = (e: FakeElectron) => e.Menu.buildFromTemplate.mock.calls.at(-1)![0];
  const flat = (menu: MenuItem[]): MenuItem[] => menu.flatMap((m) => [m, ...(m.submenu ? flat(m.submenu) : [])]);
  const settle = () => new Promise((r) => setTimeout(r, 10));

  it('asks before closing a window with unsaved edits: Save saves through the page, then closes', async () => {
    const e = await startMain();
    await ready(e);
    const window = e.BrowserWindow.all[0]!;
    e.listeners.get(SHELL.setDirty)!(from(window), { dirty: true, name: 'Ketamine in TRD', lang: 'zh' });
    // The page's language reaches the menu.
    expect(lastMenu(e)[0]!.label).toBe('文件(&F)');
    e.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    expect(window.close()).toBe(false);
    await vi.waitFor(() => expect(e.dialog.showMessageBox).toHaveBeenCalled());
    expect(e.dialog.showMessageBox).toHaveBeenCalledWith(window, expect.objectContaining({ message: '关闭前保存对“Ketamine in TRD”的更改吗？', buttons: ['保存', '不保存', '取消'] }));
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'save-for-close'));
    const closed = vi.fn();
    window.on('closed', closed);
    e.listeners.get(SHELL.saveDone)!(from(window), true);
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it("closes without saving on Don't Save, and Cancel stops a quit in progress", async () => {
    const e = await startMain();
    await ready(e);
    const window = e.BrowserWindow.all[0]!;
    e.listeners.get(SHELL.setDirty)!(from(window), { dirty: true });
    e.app.emit('before-quit');
    e.dialog.showMessageBox.mockResolvedValueOnce({ response: 2, checkboxChecked: false });
    window.close();
    await settle();
    expect(window.webContents.send).not.toHaveBeenCalledWith(MENU_CHANNEL, 'save-for-close');
    const closed = vi.fn();
    window.on('closed', closed);
    expect(closed).not.toHaveBeenCalled();

    e.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    window.close();
    await vi.waitFor(() => expect(closed).toHaveBeenCalledTimes(1));
    expect(window.webContents.send).not.toHaveBeenCalledWith(MENU_CHANNEL, 'save-for-close');
    // A clean window closes without a prompt.
    const prompts = e.dialog.showMessageBox.mock.calls.length;
    const other = await startMain();
    await ready(other);
    other.BrowserWindow.all[0]!.close();
    expect(other.dialog.showMessageBox.mock.calls.length + prompts).toBe(prompts);
  });

  it('opens a scenario file from a second launch: focuses the window, sends the text (BOM dropped), remembers it in Open Recent', async () => {
    const e = await startMain();
    await ready(e);
    const window = e.BrowserWindow.all[0]!;
    const file = join(appData, 'levodopa.modulon.json');
    writeFileSync(file, '\uFEFF{"schema":"modulon.scenario/1"}');
    e.app.emit('second-instance', {}, ['/opt/Modulon/modulon', '--flag', 'levodopa.modulon.json'], appData);
    expect(window.focus).toHaveBeenCalled();
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'open-file', { path: file, name: 'levodopa.modulon.json', text: '{"schema":"modulon.scenario/1"}' }));
    const recent = flat(lastMenu(e)).find((m) => m.id === 'open-recent')!.submenu!;
    expect(recent[0]!.label).toBe('levodopa (file)');
    expect(JSON.parse(readFileSync(join(appData, 'Modulon', 'recent.json'), 'utf8'))).toEqual([{ kind: 'file', path: file, name: 'levodopa' }]);

    // A recent file that has gone is said so and leaves the list.
    rmSync(file);
    recent[0]!.click!(recent[0], window);
    await vi.waitFor(() => expect(e.dialog.showMessageBox).toHaveBeenCalledWith(window, expect.objectContaining({ type: 'error', detail: expect.stringMatching(/no longer exists/) })));
    expect(flat(lastMenu(e)).find((m) => m.id === 'recent-none')).toBeDefined();
  });

  it('remembers stored scenarios the page opened and reopens one from File ▸ Open Recent', async () => {
    const e = await startMain();
    await ready(e);
    const window = e.BrowserWindow.all[0]!;
    e.listeners.get(SHELL.opened)!(from(window), { id: '0123abcd-0000', name: 'Haloperidol D2 window' });
    const item = flat(lastMenu(e)).find((m) => m.label === 'Haloperidol D2 window')!;
    item.click!(item, window);
    expect(window.webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'open-scenario', { id: '0123abcd-0000' });
    // A message from a window the app did not make changes nothing.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const builds = e.Menu.buildFromTemplate.mock.calls.length;
    const stranger = new e.BrowserWindow({});
    e.listeners.get(SHELL.opened)!(from(stranger), { id: '99999999-0000', name: 'Injected' });
    expect(e.Menu.buildFromTemplate.mock.calls.length).toBe(builds);
  });

  it('restores the window where it was, clamped to the display, maximised, and saves it on close', async () => {
    const userData = join(appData, 'Modulon');
    mkdirSync(userData, { recursive: true });
    writeFileSync(join(userData, 'window-state.json'), JSON.stringify({ bounds: { x: 1000, y: 500, width: 1100, height: 700 }, maximized: true }));
    const e = await startMain();
    await ready(e);
    const window = e.BrowserWindow.all[0]!;
    // The 1440 × 875 display: moved left and up so all of it shows.
    expect(window.options).toMatchObject({ x: 340, y: 175, width: 1100, height: 700 });
    expect(window.maximize).toHaveBeenCalledTimes(1);
    window.close();
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toEqual({ bounds: { x: 0, y: 0, width: 1100, height: 700 }, maximized: false });
  });

  it('uses the data folder chosen in Settings, and a new choice is saved for the next start', async () => {
    const userData = join(appData, 'Modulon');
    const chosen = join(appData, 'Elsewhere');
    mkdirSync(userData, { recursive: true });
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ dataDir: chosen }));
    const e = await startMain();
    await ready(e);
    const window = e.BrowserWindow.all[0]!;
    expect(existsSync(join(chosen, DB_FILE))).toBe(true);
    expect(existsSync(join(userData, DB_FILE))).toBe(false);
    await expect(e.handlers.get('app:info')!(from(window), {})).resolves.toMatchObject({ value: { dataDir: chosen } });
    await expect(e.handlers.get(SHELL.dataFolder)!(from(window))).resolves.toEqual({ current: chosen, defaultDir: userData, fromEnvironment: false });

    const next = join(appData, 'Third');
    mkdirSync(next);
    e.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [next] });
    await expect(e.handlers.get(SHELL.chooseDataFolder)!(from(window))).resolves.toEqual({ chosen: true, info: { current: chosen, next, defaultDir: userData, fromEnvironment: false } });
    expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8'))).toEqual({ dataDir: next });

    // A file is not a folder: refused, the setting unchanged.
    writeFileSync(join(appData, 'a-file'), 'x');
    e.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [join(appData, 'a-file')] });
    await expect(e.handlers.get(SHELL.chooseDataFolder)!(from(window))).resolves.toEqual({ chosen: false, error: `${join(appData, 'a-file')} is a file, not a folder` });
    expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8'))).toEqual({ dataDir: next });

    await expect(e.handlers.get(SHELL.resetDataFolder)!(from(window))).resolves.toEqual({ current: chosen, next: userData, defaultDir: userData, fromEnvironment: false });
    await e.handlers.get(SHELL.relaunch)!(from(window));
    expect(e.app.relaunch).toHaveBeenCalledTimes(1);
    expect(e.app.quit).toHaveBeenCalled();
  });

  it('writes an exported file where the native save dialog says, decoding base64', async () => {
    const e = await startMain();
    await ready(e);
    const window = e.BrowserWindow.all[0]!;
    const target = join(appData, 'report.pdf');
    e.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const request = { filename: '../report.pdf', mime: 'application/pdf', encoding: 'base64', content: Buffer.from('%PDF-1.7 test').toString('base64') };
    await expect(e.handlers.get(SHELL.saveFile)!(from(window), request)).resolves.toEqual({ saved: true, path: target });
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 test');
    // The dialog proposes the file name only (no path from the page), in Documents.
    expect(e.dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ defaultPath: join(appData, 'Documents', '.._report.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] }));
    await expect(e.handlers.get(SHELL.saveFile)!(from(window), { filename: 'x.csv', mime: 'text/csv', encoding: 'hex', content: '' })).resolves.toMatchObject({ saved: false, error: expect.stringMatching(/expected/) });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stranger = new e.BrowserWindow({});
    await expect(e.handlers.get(SHELL.saveFile)!(from(stranger), request)).resolves.toMatchObject({ saved: false, error: expect.stringMatching(/refused/) });
    expect(e.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
  });
});
