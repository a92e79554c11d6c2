// The one secure window factory, the session policy (CSP, permissions, no remote content), and the
// test that an IPC sender is one of these windows showing the app's own page (DESIGN.md §5).
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, type IpcMainInvokeEvent, type Session, type WebContents, type WebPreferences } from 'electron';
import { CSP } from '../src-main/web/host.ts';

/** Where the interface comes from: the electron-vite dev server, or the built files in out/renderer. */
export type RendererSource =
  | { kind: 'dev'; url: string; origin: string }
  | { kind: 'file'; indexHtml: string; dir: string };

export interface RendererSourceOptions {
  isPackaged: boolean;
  /** `process.env.ELECTRON_RENDERER_URL`, set by `electron-vite dev`. */
  devUrl: string | undefined;
  /** The build output folder holding main/, preload/ and renderer/. */
  outDir: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server only when running unpackaged: a packaged app never lets an environment variable
 * point its window (and its IPC trust) at another page.
 */
export function rendererSource(options: RendererSourceOptions): RendererSource {
  if (!options.isPackaged && options.devUrl) {
    let url: URL;
    try {
      url = new URL(options.devUrl);
    } catch {
      throw new Error(`ELECTRON_RENDERER_URL is not a URL: ${JSON.stringify(options.devUrl)}`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOSTS.has(url.hostname)) {
      throw new Error(`ELECTRON_RENDERER_URL must be an http(s) address on this machine (localhost), not ${url.href}`);
    }
    return { kind: 'dev', url: url.href, origin: url.origin };
  }
  const dir = resolve(options.outDir, 'renderer');
  return { kind: 'file', indexHtml: join(dir, 'index.html'), dir };
}

/** True for the app's own pages: the dev server's origin, or a file inside out/renderer. */
export function isAppUrl(url: string, source: RendererSource): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (source.kind === 'dev') return parsed.origin === source.origin;
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  let path: string;
  try {
    path = fileURLToPath(parsed);
  } catch {
    return false;
  }
  const rel = relative(source.dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Requests the session lets through to the network: only the dev server (page, modules, HMR socket). */
export function isAllowedNetworkRequest(url: string, source: RendererSource): boolean {
  if (source.kind !== 'dev') return false;
  // The HMR WebSocket is the dev server's origin over ws(s).
  const asHttp = url.replace(/^ws(s?):/i, 'http$1:');
  return isAppUrl(asHttp, source);
}

/** Permissions the app's own pages may use: full screen (presentation mode) and writing the clipboard. */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen', 'clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string | undefined, source: RendererSource): boolean {
  return GRANTED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl, source);
}

const NETWORK_SCHEMES = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };

/**
 * Applied once to the session the windows use: the app's CSP on its own responses, no request to the
 * network (nothing remote is ever loaded), every permission denied but the two above.
 */
export function installSessionPolicy(ses: Session, source: RendererSource): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, source)) return callback({});
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CSP];
    callback({ responseHeaders: headers });
  });
  ses.webRequest.onBeforeRequest(NETWORK_SCHEMES, (details, callback) => {
    const allowed = isAllowedNetworkRequest(details.url, source);
    if (!allowed) console.warn(`Modulon: blocked a request to ${details.url} (the app loads nothing remote)`);
    callback({ cancel: !allowed });
  });
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl || contents.getURL(), source));
  });
  ses.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionGranted(permission, details.requestingUrl || contents?.getURL(), source),
  );
  ses.setDevicePermissionHandler(() => false);
}

/** The web preferences of every window: isolated, sandboxed, no Node, web security on. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // Spell-check dictionaries are downloaded from the network on Windows and Linux.
    spellcheck: false,
  };
}

/** Navigation stays on the app's pages; no new windows, no <webview>. */
export function hardenWebContents(contents: WebContents, source: RendererSource): void {
  const stayHome = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url, source)) {
      event.preventDefault();
      console.warn(`Modulon: blocked navigation to ${event.url}`);
    }
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

const appWindows = new WeakSet<BrowserWindow>();

export function isAppWindow(window: unknown): window is BrowserWindow {
  return window instanceof BrowserWindow && appWindows.has(window);
}

export interface AppWindowOptions {
  source: RendererSource;
  /** The built preload script (out/preload/index.js). */
  preload: string;
  /** Size and position (window-state.ts); absent: the default size, placed by the system. */
  bounds?: { x?: number; y?: number; width: number; height: number };
}

export function createAppWindow(options: AppWindowOptions): BrowserWindow {
  const { source } = options;
  const window = new BrowserWindow({
    title: 'Modulon',
    width: 1280,
    height: 820,
    ...options.bounds,
    minWidth: 960,
    minHeight: 600,
    show: false,
    webPreferences: secureWebPreferences(options.preload),
  });
  appWindows.add(window);
  hardenWebContents(window.webContents, source);
  window.once('ready-to-show', () => window.show());
  const loading = source.kind === 'dev' ? window.loadURL(source.url) : window.loadFile(source.indexHtml);
  loading.catch((e: unknown) => {
    const where = source.kind === 'dev' ? source.url : source.indexHtml;
    console.error(`Modulon: could not load the interface from ${where} (was it built? npm run build)`, e);
  });
  return window;
}

/**
 * IPC trust: the sender is a window this factory made, the call comes from its main frame, and that
 * frame shows the app's own page (not a page it was somehow navigated to, nor a subframe).
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, source: RendererSource): boolean {
  try {
    const window = BrowserWindow.fromWebContents(event.sender);
    if (!isAppWindow(window)) return false;
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isAppUrl(frame.url, source);
  } catch {
    // A frame that navigated away or was destroyed mid-call is not trusted.
    return false;
  }
}
