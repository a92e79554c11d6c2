// The Electron main process: one instance, the store in the user's data folder, the backend behind
// IPC, the application menu, windows from the one secure factory that come back where they were
// and ask before unsaved edits are lost, and the shell's dialogs (open, save, data folder).
import { writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, type BaseWindow, type WebContents } from 'electron';
import { NOTICE } from '../src-engine/contract/app-api.ts';
import { ENGINE_VERSION } from '../src-engine/version.ts';
import { createBackend } from '../src-main/api/app-api.ts';
import { workerRunner, type EngineRunner } from '../src-main/engine-runner.ts';
import { openStore, StoreError, type Store } from '../src-main/store/store.ts';
import { CHOICES, CloseGuard, promptOptions } from './close-guard.ts';
import { dataFolderInfo, folderProblem, readSettings, resolveDataDir, SETTINGS_FILE, writeSettings, type ShellSettings } from './config.ts';
import { registerIpc } from './ipc.ts';
import { electronPdfPrinter } from './pdf.ts';
import { buildMenuTemplate } from './menu.ts';
import { MENU_CHANNEL, type MenuCommand, type MenuDetail, type SaveFileRequest, type SaveFileResult } from './menu-commands.ts';
import { fileFromArgv, readScenarioFile } from './open-file.ts';
import { addRecent, fileEntry, readRecent, removeRecent, writeRecent, type RecentEntry } from './recent.ts';
import { registerShellIpc } from './shell-ipc.ts';
import { createAppWindow, installSessionPolicy, isAppWindow, isTrustedSender, rendererSource, type RendererSource } from './window.ts';
import { keepWindowState, placeWindow, readWindowState, writeWindowState } from './window-state.ts';

/** out/ in the build: this file is bundled to out/main/index.js. */
const OUT_DIR = join(import.meta.dirname, '..');
const PRELOAD = join(OUT_DIR, 'preload', 'index.js');

// The same data folder as web mode (src-main/paths.ts): "<appData>/Modulon", whatever the package
// name is. MODULON_DATA overrides it, as it does for `npm start` in web mode; Settings may choose
// another one for the next start (userData/settings.json).
app.setName('Modulon');
app.setPath('userData', join(app.getPath('appData'), 'Modulon'));
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const userData = app.getPath('userData');
  const defaultDir = userData;
  let settings: ShellSettings = readSettings(userData);
  const dataDir = resolveDataDir(process.env, settings, defaultDir);
  let source: RendererSource | undefined;
  let store: Store | undefined;
  let engine: EngineRunner | undefined;
  let recent: RecentEntry[] = readRecent(userData);
  let lang: 'en' | 'zh' = 'en';
  /** An app quit is under way (it stops if a window's unsaved-changes prompt is cancelled). */
  let quitting = false;
  /** A file to open once the window is up (command line, or the Finder before ready). */
  let pendingFile = fileFromArgv(process.argv, process.cwd());
  const guards = new WeakMap<WebContents, CloseGuard>();

  const appWindows = (): BrowserWindow[] => BrowserWindow.getAllWindows().filter(isAppWindow);
  const targetWindow = (window: BaseWindow | undefined): BrowserWindow | undefined =>
    isAppWindow(window) ? window : (appWindows().find((w) => w.isFocused()) ?? appWindows()[0]);

  const openWindow = (): BrowserWindow => {
    if (source === undefined) throw new Error('openWindow before the app was ready');
    const displays = screen.getAllDisplays();
    const primary = screen.getPrimaryDisplay();
    const areas = [primary, ...displays.filter((d) => d.id !== primary.id)].map((d) => d.workArea);
    const placement = placeWindow(readWindowState(userData), areas);
    const window = createAppWindow({ source, preload: PRELOAD, bounds: placement.bounds });
    if (placement.maximized) window.maximize();
    keepWindowState(window, (state) => writeWindowState(userData, state));
    const guard = new CloseGuard(window, {
      ask: async (state) => CHOICES[(await dialog.showMessageBox(window, promptOptions(state))).response] ?? 'cancel',
      requestSave: () => window.webContents.send(MENU_CHANNEL, 'save-for-close'),
      onAbandoned: () => {
        quitting = false;
      },
      onProceed: () => {
        // macOS keeps running without windows: a quit the prompt interrupted goes on once this one closed.
        if (quitting) window.once('closed', () => app.quit());
      },
    });
    window.on('close', (event) => guard.onClose(event));
    guards.set(window.webContents, guard);
    return window;
  };

  const sendCommand = (command: MenuCommand, window: BaseWindow | undefined, detail?: MenuDetail): void => {
    const send = (w: BrowserWindow) => (detail === undefined ? w.webContents.send(MENU_CHANNEL, command) : w.webContents.send(MENU_CHANNEL, command, detail));
    const target = targetWindow(window);
    if (target) {
      send(target);
      return;
    }
    // macOS with every window closed: open one and deliver the command once the page has loaded.
    const opened = openWindow();
    opened.webContents.once('did-finish-load', () => send(opened));
  };

  const setRecent = (list: RecentEntry[]): void => {
    recent = list;
    try {
      writeRecent(userData, recent);
    } catch (e) {
      console.warn('Modulon: could not save the recent scenarios', e);
    }
    setMenu();
  };

  const showError = (window: BrowserWindow | undefined, message: string, detail: string): void => {
    const options = { type: 'error' as const, message, detail };
    void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  };

  const openPath = async (path: string, window?: BaseWindow): Promise<void> => {
    const read = await readScenarioFile(path);
    const target = targetWindow(window);
    if (!read.ok) {
      if (recent.some((e) => e.kind === 'file' && e.path === path)) setRecent(removeRecent(recent, fileEntry(path)));
      showError(target, lang === 'zh' ? '无法打开情景文件' : 'The scenario file cannot be opened', read.message);
      return;
    }
    sendCommand('open-file', target, { path: read.path, name: read.name, text: read.text });
    if (process.platform === 'darwin' || process.platform === 'win32') app.addRecentDocument(path);
    setRecent(addRecent(recent, fileEntry(path)));
  };

  const openFile = async (window: BaseWindow | undefined): Promise<void> => {
    const target = targetWindow(window);
    const options = {
      properties: ['openFile' as const],
      filters: [{ name: lang === 'zh' ? 'Modulon 情景' : 'Modulon scenario', extensions: ['json'] }],
    };
    const chosen = target ? await dialog.showOpenDialog(target, options) : await dialog.showOpenDialog(options);
    const path = chosen.filePaths[0];
    if (!chosen.canceled && path) await openPath(path, target);
  };

  const showAbout = (): void => {
    if (process.platform === 'darwin') return app.showAboutPanel();
    const detail = `${NOTICE.en}\n${NOTICE.zh}\n\nEngine ${ENGINE_VERSION}\n${dataDir}`;
    const window = targetWindow(undefined);
    const options = { type: 'info' as const, title: 'About Modulon', message: `Modulon ${app.getVersion()}`, detail };
    void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  };

  function setMenu(): void {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          isMac: process.platform === 'darwin',
          isPackaged: app.isPackaged,
          lang,
          recent,
          sendCommand,
          openFile: (window) => void openFile(window),
          openRecent: (entry, window) => (entry.kind === 'file' ? void openPath(entry.path, window) : sendCommand('open-scenario', window, { id: entry.id })),
          clearRecent: () => {
            if (process.platform === 'darwin' || process.platform === 'win32') app.clearRecentDocuments();
            setRecent([]);
          },
          showAbout,
        }),
      ),
    );
  }

  const saveFile = async (sender: WebContents, request: SaveFileRequest): Promise<SaveFileResult> => {
    const window = BrowserWindow.fromWebContents(sender) ?? undefined;
    const filename = basename(request.filename.replace(/[\\/]/g, '_'));
    const ext = extname(filename).slice(1).toLowerCase();
    const options = {
      defaultPath: join(app.getPath('documents'), filename),
      ...(ext ? { filters: [{ name: ext.toUpperCase(), extensions: [ext] }] } : {}),
    };
    const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return { saved: false };
    try {
      await writeFile(chosen.filePath, Buffer.from(request.content, request.encoding));
      return { saved: true, path: chosen.filePath };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { saved: false, error: `could not write ${chosen.filePath} (${code ?? (e instanceof Error ? e.message : String(e))})` };
    }
  };

  const fail = (title: string, message: string): void => {
    dialog.showErrorBox(title, message);
    // Nothing is open yet that needs closing; exit with a failure status.
    app.exit(1);
  };

  // A second launch brings this instance's window forward (or opens one, macOS with none open),
  // and opens the scenario file named on its command line.
  app.on('second-instance', (_event, argv: string[] = [], workingDirectory: string = process.cwd()) => {
    const file = fileFromArgv(argv, workingDirectory);
    let window = appWindows()[0];
    if (!window) {
      if (source === undefined) {
        if (file) pendingFile = file;
        return;
      }
      window = openWindow();
      if (file) window.webContents.once('did-finish-load', () => void openPath(file, window));
      return;
    }
    if (window.isMinimized()) window.restore();
    window.focus();
    if (file) void openPath(file, window);
  });

  // macOS: a file opened from the Finder or dropped on the Dock icon.
  app.on('open-file', (event, path: string) => {
    event.preventDefault();
    if (source !== undefined && appWindows().length > 0) void openPath(path);
    else pendingFile = path;
  });

  app.on('before-quit', () => {
    quitting = true;
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (source !== undefined && appWindows().length === 0) openWindow();
  });

  app.on('will-quit', () => {
    void engine?.close();
    engine = undefined;
    store?.close();
    store = undefined;
  });

  app.setAboutPanelOptions({
    applicationName: 'Modulon',
    applicationVersion: app.getVersion(),
    credits: `${NOTICE.en}\n${NOTICE.zh}`,
  });

  const start = async (): Promise<void> => {
    try {
      source = rendererSource({ isPackaged: app.isPackaged, devUrl: process.env.ELECTRON_RENDERER_URL, outDir: OUT_DIR });
    } catch (e) {
      return fail('Modulon could not start', e instanceof Error ? e.message : String(e));
    }
    const chosenInSettings = !process.env.MODULON_DATA && settings.dataDir !== undefined;
    try {
      store = await openStore(dataDir);
    } catch (e) {
      // The store's own refusals (a database from a newer Modulon, a failed integrity check) leave
      // the file untouched and say so; anything else is a bug, logged with its stack.
      const where = chosenInSettings ? `\n\nThis data folder was chosen in Settings; to go back to the default (${defaultDir}), delete ${join(userData, SETTINGS_FILE)}.` : '';
      if (e instanceof StoreError) return fail('Modulon cannot open its data', e.message + where);
      console.error('Modulon: internal error while opening the store', e);
      return fail('Modulon could not start', `internal error while opening the data folder ${dataDir}: ${e instanceof Error ? e.message : String(e)}${where}`);
    }

    // Simulations run in a worker thread (bundled beside this file) so the main process never blocks.
    engine = workerRunner(join(OUT_DIR, 'main', 'engine-worker.js'));
    const backend = createBackend({ store, dataDir, transport: 'ipc', engine, pdf: electronPdfPrinter() });
    const trusted = source;
    installSessionPolicy(session.defaultSession, trusted);
    const isTrusted = (event: Parameters<typeof isTrustedSender>[0]) => isTrustedSender(event, trusted);
    registerIpc(ipcMain, backend, isTrusted);
    registerShellIpc(ipcMain, {
      setState: (event, state) => {
        guards.get(event.sender)?.setState(state);
        if (state.lang && state.lang !== lang) {
          lang = state.lang;
          setMenu();
        }
      },
      saveDone: (event, ok) => guards.get(event.sender)?.saveDone(ok),
      opened: (_event, scenario) => setRecent(addRecent(recent, { kind: 'scenario', id: scenario.id, name: scenario.name })),
      saveFile: (event, request) => saveFile(event.sender, request),
      dataFolder: () => dataFolderInfo(dataDir, process.env, settings, defaultDir),
      chooseDataFolder: async (event) => {
        const window = BrowserWindow.fromWebContents(event.sender) ?? undefined;
        const options = { defaultPath: dataDir, properties: ['openDirectory' as const, 'createDirectory' as const] };
        const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
        const dir = chosen.filePaths[0];
        if (chosen.canceled || !dir) return { chosen: false };
        const problem = folderProblem(dir);
        if (problem) return { chosen: false, error: problem };
        settings = dir === defaultDir ? {} : { dataDir: dir };
        writeSettings(userData, settings);
        return { chosen: true, info: dataFolderInfo(dataDir, process.env, settings, defaultDir) };
      },
      resetDataFolder: () => {
        settings = {};
        writeSettings(userData, settings);
        return dataFolderInfo(dataDir, process.env, settings, defaultDir);
      },
      relaunch: () => {
        app.relaunch();
        app.quit();
      },
    }, isTrusted);
    setMenu();
    const window = openWindow();
    const file = pendingFile;
    pendingFile = undefined;
    if (file) window.webContents.once('did-finish-load', () => void openPath(file, window));
  };

  app.whenReady().then(start).catch((e: unknown) => {
    console.error('Modulon: internal error at start-up', e);
    fail('Modulon could not start', `internal error at start-up: ${e instanceof Error ? e.message : String(e)}`);
  });
}
