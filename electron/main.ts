// The Electron main process: one instance, the store in the user's data folder, the backend behind
// IPC, the application menu, and windows from the one secure factory.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type BaseWindow } from 'electron';
import { NOTICE } from '../src-engine/contract/app-api.ts';
import { createBackend } from '../src-main/api/app-api.ts';
import { workerRunner, type EngineRunner } from '../src-main/engine-runner.ts';
import { openStore, StoreError, type Store } from '../src-main/store/store.ts';
import { registerIpc } from './ipc.ts';
import { electronPdfPrinter } from './pdf.ts';
import { buildMenuTemplate } from './menu.ts';
import { MENU_CHANNEL, type MenuCommand } from './menu-commands.ts';
import { createAppWindow, installSessionPolicy, isAppWindow, isTrustedSender, rendererSource, type RendererSource } from './window.ts';

/** out/ in the build: this file is bundled to out/main/index.js. */
const OUT_DIR = join(import.meta.dirname, '..');
const PRELOAD = join(OUT_DIR, 'preload', 'index.js');

// The same data folder as web mode (src-main/paths.ts): "<appData>/Modulon", whatever the package
// name is. MODULON_DATA overrides it, as it does for `npm start` in web mode.
app.setName('Modulon');
app.setPath('userData', join(app.getPath('appData'), 'Modulon'));
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let source: RendererSource | undefined;
  let store: Store | undefined;
  let engine: EngineRunner | undefined;

  const appWindows = (): BrowserWindow[] => BrowserWindow.getAllWindows().filter(isAppWindow);

  const openWindow = (): BrowserWindow => {
    if (source === undefined) throw new Error('openWindow before the app was ready');
    return createAppWindow({ source, preload: PRELOAD });
  };

  const sendCommand = (command: MenuCommand, window: BaseWindow | undefined): void => {
    const target = isAppWindow(window) ? window : (appWindows().find((w) => w.isFocused()) ?? appWindows()[0]);
    if (target) {
      target.webContents.send(MENU_CHANNEL, command);
      return;
    }
    // macOS with every window closed: open one and deliver the command once the page has loaded.
    const opened = openWindow();
    opened.webContents.once('did-finish-load', () => opened.webContents.send(MENU_CHANNEL, command));
  };

  const fail = (title: string, message: string): void => {
    dialog.showErrorBox(title, message);
    // Nothing is open yet that needs closing; exit with a failure status.
    app.exit(1);
  };

  // A second launch brings this instance's window forward (or opens one, macOS with none open).
  app.on('second-instance', () => {
    const window = appWindows()[0];
    if (!window) {
      if (source !== undefined) openWindow();
      return;
    }
    if (window.isMinimized()) window.restore();
    window.focus();
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
    const dataDir = process.env.MODULON_DATA || app.getPath('userData');
    try {
      source = rendererSource({ isPackaged: app.isPackaged, devUrl: process.env.ELECTRON_RENDERER_URL, outDir: OUT_DIR });
    } catch (e) {
      return fail('Modulon could not start', e instanceof Error ? e.message : String(e));
    }
    try {
      store = await openStore(dataDir);
    } catch (e) {
      // The store's own refusals (a database from a newer Modulon, a failed integrity check) leave
      // the file untouched and say so; anything else is a bug, logged with its stack.
      if (e instanceof StoreError) return fail('Modulon cannot open its data', e.message);
      console.error('Modulon: internal error while opening the store', e);
      return fail('Modulon could not start', `internal error while opening the data folder ${dataDir}: ${e instanceof Error ? e.message : String(e)}`);
    }

    // Simulations run in a worker thread (bundled beside this file) so the main process never blocks.
    engine = workerRunner(join(OUT_DIR, 'main', 'engine-worker.js'));
    const backend = createBackend({ store, dataDir, transport: 'ipc', engine, pdf: electronPdfPrinter() });
    const trusted = source;
    installSessionPolicy(session.defaultSession, trusted);
    registerIpc(ipcMain, backend, (event) => isTrustedSender(event, trusted));
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          isMac: process.platform === 'darwin',
          isPackaged: app.isPackaged,
          sendCommand,
          showAbout: () => app.showAboutPanel(),
        }),
      ),
    );
    openWindow();
  };

  app.whenReady().then(start).catch((e: unknown) => {
    console.error('Modulon: internal error at start-up', e);
    fail('Modulon could not start', `internal error at start-up: ${e instanceof Error ? e.message : String(e)}`);
  });
}
