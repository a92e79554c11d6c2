// The preload under Node with `electron` faked: what it exposes to the page, and that it stays
// loadable in a sandbox (no package but 'electron' at run time).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const listeners = new Map<string, Listener[]>();
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
    on: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener));
      return ipcRenderer;
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const exposed = new Map<string, unknown>();
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, value: unknown) => {
      exposed.set(key, value);
    }),
  };
  /** Delivers a main → renderer message as Electron does: the event object first. */
  const emit = (channel: string, ...args: unknown[]) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: ipcRenderer, senderId: 0 }, ...args);
  };
  return { ipcRenderer, contextBridge, exposed, listeners, emit };
});

vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));

import { inputs, METHODS } from '../src-engine/contract/app-api.ts';
import { MENU_CHANNEL, SHELL } from './menu-commands.ts';

type ExposedApi = Record<string, (input: unknown) => Promise<unknown>>;
type ExposedShell = { onMenu(listener: (command: string) => void): () => void };

beforeAll(async () => {
  await import('./preload.ts');
});

describe('preload', () => {
  it("exposes 'api' and 'modulonShell' and nothing else", () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(2);
    expect([...fake.exposed.keys()].sort()).toEqual(['api', 'modulonShell']);
  });

  it('gives the api exactly one function per contract method', () => {
    const api = fake.exposed.get('api') as ExposedApi;
    expect(Object.keys(api).sort()).toEqual([...METHODS].sort());
    for (const method of METHODS) expect(typeof api[method], method).toBe('function');
  });

  it('calls ipcRenderer.invoke(method, input) for each method and returns its answer', async () => {
    const api = fake.exposed.get('api') as ExposedApi;
    for (const method of METHODS) {
      fake.ipcRenderer.invoke.mockClear();
      const input = { probe: method };
      await expect(api[method]!(input)).resolves.toEqual({ ok: true, value: { channel: method, args: [input] } });
      expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(method, input);
    }
  });

  it('never exposes ipcRenderer or any of its functions', () => {
    const forbidden = new Set<unknown>([fake.ipcRenderer, ...Object.values(fake.ipcRenderer)]);
    const seen = new Set<unknown>();
    const walk = (value: unknown, path: string): void => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
      seen.add(value);
      expect(forbidden.has(value), `${path} is ipcRenderer or one of its functions`).toBe(false);
      for (const key of Reflect.ownKeys(value)) {
        const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
        if (descriptor && 'value' in descriptor) walk(descriptor.value, `${path}.${String(key)}`);
      }
    };
    for (const [key, value] of fake.exposed) walk(value, key);
    expect(seen.size).toBeGreaterThan(METHODS.length);
  });

  it('relays known menu commands to onMenu listeners, without the IPC event, until unsubscribed', () => {
    const shell = fake.exposed.get('modulonShell') as ExposedShell;
    const listener = vi.fn();
    const stop = shell.onMenu(listener);
    fake.emit(MENU_CHANNEL, 'new-scenario');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual(['new-scenario']);
    fake.emit(MENU_CHANNEL, 'format-disk');
    fake.emit(MENU_CHANNEL, { command: 'new-scenario' });
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    fake.emit(MENU_CHANNEL, 'new-scenario');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.listeners.get(MENU_CHANNEL)).toEqual([]);
    expect(() => shell.onMenu('not a function' as never)).toThrow(TypeError);
  });

  it('relays a command with its detail only when the detail has the shape the command expects', () => {
    const shell = fake.exposed.get('modulonShell') as ExposedShell;
    const listener = vi.fn();
    const stop = shell.onMenu(listener);
    fake.emit(MENU_CHANNEL, 'open-scenario', { id: 'abc12345' });
    fake.emit(MENU_CHANNEL, 'export', { format: 'pdf' });
    fake.emit(MENU_CHANNEL, 'open-file', { path: '/a.json', name: 'a.json', text: '{}' });
    expect(listener.mock.calls).toEqual([
      ['open-scenario', { id: 'abc12345' }],
      ['export', { format: 'pdf' }],
      ['open-file', { path: '/a.json', name: 'a.json', text: '{}' }],
    ]);
    fake.emit(MENU_CHANNEL, 'export', { format: 'exe' });
    fake.emit(MENU_CHANNEL, 'open-scenario', {});
    fake.emit(MENU_CHANNEL, 'open-file', { path: '/a.json' });
    fake.emit(MENU_CHANNEL, 'save', { sneaky: true });
    expect(listener).toHaveBeenCalledTimes(3);
    stop();
  });

  it('sends the page state, save answers and opened scenarios on the shell channels, plain data only', () => {
    const shell = fake.exposed.get('modulonShell') as Record<string, (...args: unknown[]) => unknown>;
    shell.setState!({ dirty: true, name: 'Sertraline', lang: 'zh', extra: 'dropped' });
    expect(fake.ipcRenderer.send).toHaveBeenLastCalledWith(SHELL.setDirty, { dirty: true, name: 'Sertraline', lang: 'zh' });
    shell.setState!({ dirty: 'yes' });
    expect(fake.ipcRenderer.send).toHaveBeenLastCalledWith(SHELL.setDirty, { dirty: false });
    shell.saveDone!(true);
    expect(fake.ipcRenderer.send).toHaveBeenLastCalledWith(SHELL.saveDone, true);
    shell.opened!({ id: 'abc12345', name: 'X', other: 1 });
    expect(fake.ipcRenderer.send).toHaveBeenLastCalledWith(SHELL.opened, { id: 'abc12345', name: 'X' });
  });

  it('invokes the shell dialogs and restart on their channels', async () => {
    const shell = fake.exposed.get('modulonShell') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const request = { filename: 'a.csv', mime: 'text/csv', encoding: 'utf8', content: 'x' };
    await shell.saveFile!(request);
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(SHELL.saveFile, request);
    for (const [name, channel] of [['dataFolder', SHELL.dataFolder], ['chooseDataFolder', SHELL.chooseDataFolder], ['resetDataFolder', SHELL.resetDataFolder], ['relaunch', SHELL.relaunch]] as const) {
      await shell[name]!();
      expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel);
    }
  });

  it('exposes every method that has an input schema in the contract, each once', () => {
    expect(Object.keys(inputs).sort()).toEqual([...METHODS].sort());
    expect(new Set(METHODS).size).toBe(METHODS.length);
  });
});

/** Value (not type-only) imports of a TypeScript file. */
function runtimeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    if (m[2] === undefined) out.push(m[3] as string);
  }
  return out;
}

describe('preload in a sandbox', () => {
  it("requires nothing at run time but 'electron' (a sandboxed preload cannot load packages such as zod)", () => {
    const packages = new Set<string>();
    const visit = (file: string): void => {
      for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) visit(join(dirname(file), spec));
        else packages.add(spec);
      }
    };
    visit(join(import.meta.dirname, 'preload.ts'));
    expect([...packages]).toEqual(['electron']);
  });

  it('tells value imports from type-only ones', () => {
    expect(runtimeImports("import { z } from 'zod';\nimport type { A } from './a.ts';\nexport { b } from './b.ts';\nimport './c.ts';")).toEqual(['zod', './b.ts', './c.ts']);
  });
});
