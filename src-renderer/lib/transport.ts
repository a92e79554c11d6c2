// The renderer's two ways to the backend, chosen once at start-up: the Electron preload's
// `window.api` (IPC), or the web host's HTTP API with the per-run token from the URL fragment.
import { METHODS, type AppApi, type Method, type Result } from '../../src-engine/contract/app-api.ts';

declare global {
  interface Window {
    /** The Electron preload's API (absent in web mode). */
    api?: AppApi;
    /** The Electron preload's menu relay (absent in web mode). */
    modulonShell?: { onMenu(listener: (command: string) => void): () => void };
  }
}

const TOKEN_KEY = 'modulon.token';

/** Reads `#token=...` once, keeps it for this tab only, and removes it from the address bar. */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    storage.setItem(TOKEN_KEY, match[1] as string);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return storage.getItem(TOKEN_KEY);
}

export function httpApi(token: string | null, fetchImpl: typeof fetch = fetch.bind(globalThis)): AppApi {
  const call = async (method: Method, input: unknown): Promise<Result<unknown>> => {
    if (token === null) {
      return { ok: false, error: { code: 'internal', message: 'no access token: open the address that `modulon serve` printed (it ends in #token=...)' } };
    }
    try {
      const res = await fetchImpl(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      if (!res.ok) return { ok: false, error: { code: 'internal', message: `server answered ${res.status}: ${await res.text()}` } };
      return (await res.json()) as Result<unknown>;
    } catch (e) {
      return { ok: false, error: { code: 'internal', message: `cannot reach the Modulon server (${e instanceof Error ? e.message : String(e)}); is it still running?` } };
    }
  };
  return Object.fromEntries(METHODS.map((m) => [m, (input: unknown) => call(m, input)])) as unknown as AppApi;
}

export function connectApi(): AppApi {
  if (window.api !== undefined) return window.api;
  return httpApi(takeToken(window.location, window.sessionStorage, window.history));
}
