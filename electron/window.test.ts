// The window factory and session policy under Node, with `electron` replaced by recording fakes.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  class FakeWebContents {
    readonly listeners = new Map<string, Listener[]>();
    openHandler: ((details: { url: string }) => unknown) | undefined;
    url = '';
    on(name: string, listener: Listener): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
      this.openHandler = handler;
    }
    getURL(): string {
      return this.url;
    }
    /** Emits like Electron: an event object first; returns whether a listener called preventDefault. */
    emitPreventable(name: string, fields: Record<string, unknown> = {}): boolean {
      let prevented = false;
      const event = { ...fields, preventDefault: () => { prevented = true; } };
      const listeners = this.listeners.get(name) ?? [];
      if (listeners.length === 0) throw new Error(`no listener for ${name}`);
      for (const l of listeners) l(event);
      return prevented;
    }
  }
  class FakeBrowserWindow {
    static readonly all: FakeBrowserWindow[] = [];
    static fromWebContents(contents: unknown): FakeBrowserWindow | null {
      return FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null;
    }
    readonly options: Record<string, unknown>;
    readonly webContents = new FakeWebContents();
    loaded: { url?: string; file?: string } | undefined;
    constructor(options: Record<string, unknown>) {
      this.options = options;
      FakeBrowserWindow.all.push(this);
    }
    once(): this {
      return this;
    }
    show(): void {}
    loadURL(url: string): Promise<void> {
      this.loaded = { url };
      return Promise.resolve();
    }
    loadFile(file: string): Promise<void> {
      this.loaded = { file };
      return Promise.resolve();
    }
  }
  return { FakeBrowserWindow, FakeWebContents };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow }));

import type { IpcMainInvokeEvent, Session } from 'electron';
import { CSP } from '../src-main/web/host.ts';
import {
  createAppWindow,
  installSessionPolicy,
  isAppUrl,
  isTrustedSender,
  rendererSource,
  type RendererSource,
} from './window.ts';

const OUT = join('/opt', 'modulon', 'out');
const prod = rendererSource({ isPackaged: true, devUrl: undefined, outDir: OUT });
const dev = rendererSource({ isPackaged: false, devUrl: 'http://localhost:5173/', outDir: OUT });
const indexUrl = pathToFileURL(join(OUT, 'renderer', 'index.html')).href;
const PRELOAD = join(OUT, 'preload', 'index.js');

function makeWindow(source: RendererSource = prod) {
  const window = createAppWindow({ source, preload: PRELOAD }) as unknown as InstanceType<typeof fake.FakeBrowserWindow>;
  return window;
}

beforeEach(() => {
  fake.FakeBrowserWindow.all.length = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('rendererSource', () => {
  it('uses the built files when packaged, even if ELECTRON_RENDERER_URL is set', () => {
    const source = rendererSource({ isPackaged: true, devUrl: 'http://localhost:5173/', outDir: OUT });
    expect(source).toEqual({ kind: 'file', indexHtml: join(OUT, 'renderer', 'index.html'), dir: join(OUT, 'renderer') });
  });

  it('uses the dev server when unpackaged', () => {
    expect(dev).toEqual({ kind: 'dev', url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
  });

  it('refuses a dev server that is not on this machine', () => {
    expect(() => rendererSource({ isPackaged: false, devUrl: 'https://example.com/', outDir: OUT })).toThrow(/localhost/);
    expect(() => rendererSource({ isPackaged: false, devUrl: 'file:///tmp/x.html', outDir: OUT })).toThrow(/http/);
  });
});

describe('isAppUrl', () => {
  it('accepts the built pages and nothing beside them', () => {
    expect(isAppUrl(indexUrl, prod)).toBe(true);
    expect(isAppUrl(`${indexUrl}#/scenarios`, prod)).toBe(true);
    expect(isAppUrl(pathToFileURL(join(OUT, 'renderer', 'assets', 'index.js')).href, prod)).toBe(true);
    expect(isAppUrl(pathToFileURL(join(OUT, 'preload', 'index.js')).href, prod)).toBe(false);
    expect(isAppUrl(`${pathToFileURL(join(OUT, 'renderer')).href}/../../etc/passwd`, prod)).toBe(false);
    expect(isAppUrl(pathToFileURL(join(OUT, 'renderer-evil', 'index.html')).href, prod)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', prod)).toBe(false);
    expect(isAppUrl('https://example.com/', prod)).toBe(false);
    expect(isAppUrl('not a url', prod)).toBe(false);
  });

  it('accepts the dev server origin only', () => {
    expect(isAppUrl('http://localhost:5173/src/main.ts', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl(indexUrl, dev)).toBe(false);
  });
});

describe('createAppWindow', () => {
  it('passes the secure web preferences and the preload', () => {
    const window = makeWindow();
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads the built index.html in production and the dev server in development', () => {
    expect(makeWindow(prod).loaded).toEqual({ file: join(OUT, 'renderer', 'index.html') });
    expect(makeWindow(dev).loaded).toEqual({ url: 'http://localhost:5173/' });
  });

  it('blocks navigation away from the app, and allows its own page', () => {
    const { webContents } = makeWindow();
    expect(webContents.emitPreventable('will-navigate', { url: 'https://example.com/' })).toBe(true);
    expect(webContents.emitPreventable('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(webContents.emitPreventable('will-navigate', { url: indexUrl })).toBe(false);
    expect(webContents.emitPreventable('will-redirect', { url: 'https://example.com/' })).toBe(true);
  });

  it('denies every new window', () => {
    const { webContents } = makeWindow();
    expect(webContents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(webContents.openHandler?.({ url: indexUrl })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    expect(makeWindow().webContents.emitPreventable('will-attach-webview')).toBe(true);
  });
});

describe('isTrustedSender', () => {
  const event = (sender: unknown, frame: unknown) => ({ sender, senderFrame: frame }) as unknown as IpcMainInvokeEvent;
  const mainFrame = (url: string) => ({ url, parent: null });

  it('trusts the main frame of a factory window showing the app', () => {
    const window = makeWindow();
    expect(isTrustedSender(event(window.webContents, mainFrame(indexUrl)), prod)).toBe(true);
  });

  it('refuses a window the factory did not make', () => {
    const stranger = new fake.FakeBrowserWindow({});
    expect(isTrustedSender(event(stranger.webContents, mainFrame(indexUrl)), prod)).toBe(false);
  });

  it('refuses a foreign page, a subframe, a missing frame and a frame that throws', () => {
    const { webContents } = makeWindow();
    expect(isTrustedSender(event(webContents, mainFrame('https://example.com/')), prod)).toBe(false);
    expect(isTrustedSender(event(webContents, { url: indexUrl, parent: mainFrame(indexUrl) }), prod)).toBe(false);
    expect(isTrustedSender(event(webContents, null), prod)).toBe(false);
    const gone = { get url(): string { throw new Error('Render frame was disposed'); }, parent: null };
    expect(isTrustedSender(event(webContents, gone), prod)).toBe(false);
  });
});

describe('installSessionPolicy', () => {
  type Callback = (response: Record<string, unknown>) => void;
  function fakeSession() {
    const handlers: {
      headers?: (details: { url: string; responseHeaders?: Record<string, string[]> }, cb: Callback) => void;
      before?: (details: { url: string }, cb: Callback) => void;
      beforeFilter?: { urls: string[] };
      request?: (contents: { getURL(): string }, permission: string, cb: (granted: boolean) => void, details: { requestingUrl?: string }) => void;
      check?: (contents: { getURL(): string } | null, permission: string, origin: string, details: { requestingUrl?: string }) => boolean;
      device?: () => boolean;
    } = {};
    const session = {
      webRequest: {
        onHeadersReceived: (h: typeof handlers.headers) => { handlers.headers = h; },
        onBeforeRequest: (filter: { urls: string[] }, h: typeof handlers.before) => { handlers.beforeFilter = filter; handlers.before = h; },
      },
      setPermissionRequestHandler: (h: typeof handlers.request) => { handlers.request = h; },
      setPermissionCheckHandler: (h: typeof handlers.check) => { handlers.check = h; },
      setDevicePermissionHandler: (h: typeof handlers.device) => { handlers.device = h; },
    };
    return { session: session as unknown as Session, handlers };
  }
  const respond = (handler: ((details: never, cb: Callback) => void) | undefined, details: unknown) => {
    let response: Record<string, unknown> | undefined;
    handler?.(details as never, (r) => { response = r; });
    return response;
  };

  it('puts the CSP on the app pages, replacing any other policy, and leaves other responses alone', () => {
    const { session, handlers } = fakeSession();
    installSessionPolicy(session, prod);
    const own = respond(handlers.headers, { url: indexUrl, responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } });
    expect(own).toEqual({ responseHeaders: { 'Content-Security-Policy': [CSP], 'X-Other': ['1'] } });
    expect(respond(handlers.headers, { url: 'devtools://devtools/bundled/inspector.html', responseHeaders: {} })).toEqual({});
  });

  it('cancels every network request in production', () => {
    const { session, handlers } = fakeSession();
    installSessionPolicy(session, prod);
    expect(handlers.beforeFilter?.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    expect(respond(handlers.before, { url: 'https://example.com/tracker.js' })).toEqual({ cancel: true });
    expect(respond(handlers.before, { url: 'http://localhost:5173/' })).toEqual({ cancel: true });
  });

  it('lets the dev server (page and HMR socket) through in development, nothing else', () => {
    const { session, handlers } = fakeSession();
    installSessionPolicy(session, dev);
    expect(respond(handlers.before, { url: 'http://localhost:5173/@vite/client' })).toEqual({ cancel: false });
    expect(respond(handlers.before, { url: 'ws://localhost:5173/?token=x' })).toEqual({ cancel: false });
    expect(respond(handlers.before, { url: 'https://example.com/' })).toEqual({ cancel: true });
  });

  it('denies permission requests and checks (camera, location, notifications, devices, foreign pages)', () => {
    const { session, handlers } = fakeSession();
    installSessionPolicy(session, prod);
    const contents = { getURL: () => indexUrl };
    const request = (permission: string, requestingUrl?: string) => {
      let granted: boolean | undefined;
      handlers.request?.(contents, permission, (g) => { granted = g; }, requestingUrl === undefined ? {} : { requestingUrl });
      return granted;
    };
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'midi', 'hid']) {
      expect(request(permission, indexUrl), permission).toBe(false);
      expect(handlers.check?.(contents, permission, 'file:///', { requestingUrl: indexUrl }), permission).toBe(false);
    }
    expect(request('fullscreen', 'https://example.com/')).toBe(false);
    expect(handlers.device?.()).toBe(false);
  });

  it('grants the app page full screen and clipboard writing only', () => {
    const { session, handlers } = fakeSession();
    installSessionPolicy(session, prod);
    let granted: boolean | undefined;
    handlers.request?.({ getURL: () => indexUrl }, 'fullscreen', (g) => { granted = g; }, {});
    expect(granted).toBe(true);
    expect(handlers.check?.(null, 'clipboard-sanitized-write', 'file:///', { requestingUrl: indexUrl })).toBe(true);
    expect(handlers.check?.(null, 'clipboard-sanitized-write', 'file:///', {})).toBe(false);
  });
});
