// The main process start-up under Node with `electron` faked: the store in "<appData>/Modulon", every
// method on IPC behind the sender check, the window and menu; a refused store shown and left alone.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHODS } from '../src-engine/contract/app-api.ts';
import { DB_FILE } from '../src-main/store/store.ts';
import { MENU_CHANNEL } from './menu-commands.ts';

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
  };
});

function makeElectron(options: { appData: string; lock?: boolean }) {
  const paths = new Map<string, string>([['appData', options.appData]]);
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
    loadURL = vi.fn(() => Promise.resolve());
    loadFile = vi.fn((file: string) => {
      this.loadedFile = file;
      this.webContents.mainFrame.url = pathToFileURL(file).href;
      return Promise.resolve();
    });
  }

  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => handlers.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
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
  const dialog = { showErrorBox: vi.fn() };
  return { app, BrowserWindow, ipcMain, session, Menu, dialog, handlers };
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
    expect([...e.handlers.keys()].sort()).toEqual([...METHODS].sort());
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
