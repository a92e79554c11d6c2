// The data folder's settings and working copy on real files: shared by two backends on one folder
// (web mode on another port, the desktop app after a web session), written whole, validated.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../api/app-api.ts';
import { readSettings, readWorkingCopy, SETTINGS_FILE, WORKING_COPY_FILE, writeSettings, writeWorkingCopy } from './app-state.ts';
import { openStore, type Store } from './store.ts';

const dirs: string[] = [];
const stores: Store[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'modulon-state-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const copy = {
  v: 1 as const,
  doc: { schema: 'modulon.scenario/1', name: 'Half-typed', duration: '2w', patient: { condition: 'depression' }, interventions: [{ type: 'drug', drug: 'sertraline', dose: '' }] },
  savedJson: '{"name":"Before"}',
  example: 'sertraline-slow-onset',
  savedAt: '2026-12-06T13:00:00.000Z',
};

describe('working copy file', () => {
  it('is absent at first, kept whole, and removed when cleared', () => {
    const dir = tempDir();
    expect(readWorkingCopy(dir)).toBeNull();
    writeWorkingCopy(dir, copy as never);
    expect(readWorkingCopy(dir)).toEqual(copy);
    // Written through a temporary file renamed into place: nothing else is left beside it.
    expect(readdirSync(dir)).toEqual([WORKING_COPY_FILE]);
    writeWorkingCopy(dir, null);
    expect(readWorkingCopy(dir)).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('ignores a damaged or foreign file instead of failing the start', () => {
    const dir = tempDir();
    writeFileSync(join(dir, WORKING_COPY_FILE), '{"v":1,"doc":');
    expect(readWorkingCopy(dir)).toBeNull();
    writeFileSync(join(dir, WORKING_COPY_FILE), JSON.stringify({ ...copy, v: 2 }));
    expect(readWorkingCopy(dir)).toBeNull();
  });

  it('written by one backend is read by another on the same data folder (another port, the desktop app)', async () => {
    const dir = tempDir();
    const first = await openStore(dir);
    stores.push(first);
    const web = createBackend({ store: first, dataDir: dir, transport: 'http' });
    expect(await web.api['workingCopy:set']({ copy })).toEqual({ ok: true, value: { kept: true } });
    first.close();
    const second = await openStore(dir);
    stores.push(second);
    const desktop = createBackend({ store: second, dataDir: dir, transport: 'ipc' });
    expect(await desktop.api['workingCopy:get']({})).toEqual({ ok: true, value: copy });
    expect(await desktop.api['workingCopy:set']({ copy: null })).toEqual({ ok: true, value: { kept: false } });
    expect(await web.api['workingCopy:get']({})).toEqual({ ok: true, value: null });
  });

  it('refuses a malformed working copy with the field at fault, keeping the one stored', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    stores.push(store);
    const backend = createBackend({ store, dataDir: dir, transport: 'http' });
    await backend.api['workingCopy:set']({ copy });
    const bad = await backend.dispatch('workingCopy:set', { copy: { ...copy, savedAt: 'yesterday' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/copy\.savedAt: expected an ISO date and time/);
    const noDoc = await backend.dispatch('workingCopy:set', { copy: { ...copy, doc: 'text' } });
    expect(!noDoc.ok && noDoc.error.fields?.[0]?.path).toBe('copy.doc');
    expect(JSON.parse(readFileSync(join(dir, WORKING_COPY_FILE), 'utf8'))).toEqual(copy);
  });


  it('a data folder that cannot take the file is refused in one line (unavailable), not as an internal error', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    stores.push(store);
    const logged: unknown[] = [];
    const backend = createBackend({ store, dataDir: dir, transport: 'http', log: (_m, e) => logged.push(e) });
    mkdirSync(join(dir, WORKING_COPY_FILE));
    const out = await backend.api['workingCopy:set']({ copy });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error.code).toBe('unavailable');
      expect(out.error.message).toMatch(/^cannot keep the working copy in the data folder .* \(EISDIR: /);
    }
    expect(logged).toEqual([]);
  });
});

describe('settings file', () => {
  it('defaults to keeping 10 backups; a change is kept and read back by another backend', async () => {
    const dir = tempDir();
    expect(readSettings(dir)).toEqual({ backupKeep: 10 });
    expect(writeSettings(dir, { backupKeep: 3 })).toEqual({ backupKeep: 3 });
    const store = await openStore(dir);
    stores.push(store);
    const backend = createBackend({ store, dataDir: dir, transport: 'http' });
    expect(await backend.api['settings:get']({})).toEqual({ ok: true, value: { backupKeep: 3 } });
    expect(await backend.api['settings:set']({ backupKeep: 100 })).toEqual({ ok: true, value: { backupKeep: 100 } });
    expect(readSettings(dir)).toEqual({ backupKeep: 100 });
  });

  it('refuses 0, 101, 2.5 and text with a message naming the field and the range; a damaged file reads as defaults', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    stores.push(store);
    const backend = createBackend({ store, dataDir: dir, transport: 'http' });
    for (const backupKeep of [0, 101, 2.5, '5']) {
      const out = await backend.dispatch('settings:set', { backupKeep });
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.error.message).toBe('settings:set: backupKeep: expected a whole number of backups from 1 to 100');
    }
    expect(readSettings(dir)).toEqual({ backupKeep: 10 });
    writeFileSync(join(dir, SETTINGS_FILE), '{"backupKeep": 1000}');
    expect(readSettings(dir)).toEqual({ backupKeep: 10 });
    writeFileSync(join(dir, SETTINGS_FILE), 'not json');
    expect(readSettings(dir)).toEqual({ backupKeep: 10 });
  });
});
