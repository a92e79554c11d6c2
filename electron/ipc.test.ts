// IPC wiring under Node: a recording fake of ipcMain, a spy backend, and a real backend on a real store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { METHODS, type Result } from '../src-engine/contract/app-api.ts';
import { createBackend } from '../src-main/api/app-api.ts';
import { openStore, type Store } from '../src-main/store/store.ts';
import { registerIpc, UNTRUSTED_SENDER, type IpcMainLike } from './ipc.ts';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const invoke = (channel: string, event: unknown, ...args: unknown[]): Promise<unknown> => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event as IpcMainInvokeEvent, ...args);
  };
  return { ipcMain, handlers, invoke };
}

const TRUSTED_EVENT = { sender: { id: 1 }, senderFrame: { url: 'file:///app/out/renderer/index.html', parent: null } };
const FOREIGN_EVENT = { sender: { id: 2 }, senderFrame: { url: 'https://example.com/', parent: null } };
const isTrusted = (event: IpcMainInvokeEvent): boolean => event.sender === (TRUSTED_EVENT.sender as unknown);

function spyBackend() {
  const dispatch = vi.fn(async (method: string, input: unknown): Promise<Result<unknown>> => ({ ok: true, value: { method, input } }));
  return { dispatch };
}

describe('registerIpc', () => {
  it('registers one handler per contract method, on the channel named after it, and nothing else', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, spyBackend(), isTrusted);
    expect([...handlers.keys()].sort()).toEqual([...METHODS].sort());
    expect(handlers.size).toBeGreaterThan(0);
  });

  it('refuses an untrusted sender with an error envelope, without calling the backend', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const backend = spyBackend();
    const warn = vi.fn();
    registerIpc(ipcMain, backend, isTrusted, { warn });
    for (const method of METHODS) {
      const result = await invoke(method, FOREIGN_EVENT, {});
      expect(result).toEqual({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/IPC sender not trusted/) } });
    }
    expect(await invoke('scenarios:delete', FOREIGN_EVENT, { id: '0123456789' })).toBe(UNTRUSTED_SENDER);
    expect(backend.dispatch).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('https://example.com/'));
  });

  it('treats a sender check that throws as untrusted', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const backend = spyBackend();
    registerIpc(ipcMain, backend, () => { throw new Error('Render frame was disposed'); }, { warn: () => {} });
    await expect(invoke('scenarios:list', TRUSTED_EVENT, {})).resolves.toBe(UNTRUSTED_SENDER);
    expect(backend.dispatch).not.toHaveBeenCalled();
  });

  it("passes a trusted sender's call to backend.dispatch with the method and the input, and returns its result", async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const backend = spyBackend();
    registerIpc(ipcMain, backend, isTrusted);
    const input = { id: '0123456789abcdef' };
    await expect(invoke('scenarios:get', TRUSTED_EVENT, input)).resolves.toEqual({ ok: true, value: { method: 'scenarios:get', input } });
    expect(backend.dispatch).toHaveBeenCalledTimes(1);
    expect(backend.dispatch).toHaveBeenCalledWith('scenarios:get', input);
  });

  it('removes its handlers when asked', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const unregister = registerIpc(ipcMain, spyBackend(), isTrusted);
    unregister();
    expect(handlers.size).toBe(0);
  });
});

describe('registerIpc with the real backend and store', () => {
  let dir: string | undefined;
  let store: Store | undefined;
  afterEach(() => {
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    store = undefined;
    dir = undefined;
  });

  it('round-trips scenarios:list, a save, and refuses bad input as data', async () => {
    dir = mkdtempSync(join(tmpdir(), 'modulon-ipc-'));
    store = await openStore(dir);
    const backend = createBackend({ store, dataDir: dir, transport: 'ipc', log: () => {} });
    const { ipcMain, invoke } = fakeIpcMain();
    registerIpc(ipcMain, backend, isTrusted, { warn: () => {} });

    await expect(invoke('scenarios:list', TRUSTED_EVENT, {})).resolves.toEqual({ ok: true, value: [] });

    const doc = { schema: 'modulon.scenario/1', name: 'IPC round trip', duration: '2d', patient: { condition: 'alzheimers' } };
    const saved = (await invoke('scenarios:save', TRUSTED_EVENT, { doc })) as Result<{ id: string; name: string }>;
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const listed = (await invoke('scenarios:list', TRUSTED_EVENT, {})) as Result<Array<{ id: string; name: string; condition: string }>>;
    expect(listed).toEqual({ ok: true, value: [expect.objectContaining({ id: saved.value.id, name: 'IPC round trip', condition: 'alzheimers' })] });

    const bad = (await invoke('scenarios:get', TRUSTED_EVENT, { id: 'not an id' })) as Result<unknown>;
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });

    const info = (await invoke('app:info', TRUSTED_EVENT, {})) as Result<{ transport: string; dataDir: string }>;
    expect(info).toMatchObject({ ok: true, value: { transport: 'ipc', dataDir: dir } });

    // The untrusted sender cannot read what the trusted one stored.
    await expect(invoke('scenarios:list', FOREIGN_EVENT, {})).resolves.toBe(UNTRUSTED_SENDER);
  });
});
