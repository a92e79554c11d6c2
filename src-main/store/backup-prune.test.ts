// Old backups are pruned to the newest N (Settings), never the one being restored or one written in
// the last minute; and a save that races a real restore is refused at once as busy, then succeeds.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../api/app-api.ts';
import { writeSettings } from './app-state.ts';
import { BACKUP_DIR, createBackup, listBackups, PRUNE_MIN_AGE_MS, pruneBackups, restoreBackup } from './backup.ts';
import { openStore, type Store } from './store.ts';

const dirs: string[] = [];
const stores: Store[] = [];
async function fresh(): Promise<{ dir: string; store: Store }> {
  const dir = mkdtempSync(join(tmpdir(), 'modulon-prune-'));
  dirs.push(dir);
  const store = await openStore(dir);
  stores.push(store);
  return { dir, store };
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const doc = (name: string) => ({
  schema: 'modulon.scenario/1' as const,
  name,
  duration: '2w',
  patient: { condition: 'alzheimers' as const },
  interventions: [{ type: 'drug' as const, drug: 'donepezil', dose: '5 mg', every: '24h' }],
});

const HOUR = 3600_000;
/** `count` manual backups, one an hour, the newest at `t0`. */
async function backupsAt(store: Store, dir: string, count: number, t0: number): Promise<string[]> {
  const made: string[] = [];
  for (let i = count - 1; i >= 0; i--) made.push((await createBackup(store, dir, 'manual', new Date(t0 - i * HOUR))).name);
  return made.reverse();
}

describe('pruning backups', () => {
  it('keeps the newest N and deletes the older ones from <data>/backups', async () => {
    const { dir, store } = await fresh();
    const t0 = Date.parse('2026-12-06T12:00:00Z');
    const newestFirst = await backupsAt(store, dir, 6, t0);
    const removed = pruneBackups(dir, 4, { now: new Date(t0 + 5 * 60_000) });
    expect(removed).toEqual(newestFirst.slice(4));
    expect(listBackups(dir).map((b) => b.name)).toEqual(newestFirst.slice(0, 4));
    expect(readdirSync(join(dir, BACKUP_DIR)).sort()).toEqual(newestFirst.slice(0, 4).sort());
  });

  it('never deletes a protected backup or one written in the last minute, even beyond N', async () => {
    const { dir, store } = await fresh();
    const t0 = Date.parse('2026-12-06T12:00:00Z');
    const newestFirst = await backupsAt(store, dir, 5, t0);
    // Only 30 s after the oldest was written (the clock of a fast series of backups): all too young.
    expect(pruneBackups(dir, 1, { now: new Date(t0 - 4 * HOUR + PRUNE_MIN_AGE_MS / 2) })).toEqual([]);
    const removed = pruneBackups(dir, 1, { now: new Date(t0 + HOUR), protect: [newestFirst[3]!] });
    expect(removed.sort()).toEqual([newestFirst[1]!, newestFirst[2]!, newestFirst[4]!].sort());
    expect(listBackups(dir).map((b) => b.name)).toEqual([newestFirst[0], newestFirst[3]]);
  });

  it('Backup now keeps the number set in Settings', async () => {
    const { dir, store } = await fresh();
    const backend = createBackend({ store, dataDir: dir, transport: 'http' });
    writeSettings(dir, { backupKeep: 2 });
    const t0 = Date.now();
    await backupsAt(store, dir, 3, t0 - 2 * HOUR);
    const made = await backend.api['backup:create']({});
    expect(made.ok).toBe(true);
    // The two older than a minute beyond the newest two are gone; what was just written stays.
    const left = listBackups(dir);
    expect(left.length).toBe(2);
    expect(left[0]!.name).toBe(made.ok ? made.value.name : '');
  });

  it('a restore keeps the backup it restored even when it is the oldest, and the safety copy it made', async () => {
    const { dir, store } = await fresh();
    store.saveScenario(undefined, doc('Old'));
    const t0 = Date.now() - 2 * HOUR;
    const newestFirst = await backupsAt(store, dir, 4, t0);
    const oldest = newestFirst[3]!;
    const outcome = await restoreBackup(store, dir, oldest, { keep: 2 });
    const names = listBackups(dir).map((b) => b.name);
    expect(names).toContain(oldest);
    expect(names).toContain(outcome.safety.name);
    expect(names).toContain(newestFirst[0]);
    expect(names).toHaveLength(3);
  });
});

describe('a save racing a real restore', () => {
  it('is refused at once as busy (nothing written), and goes through once the restore has finished', async () => {
    const { dir, store } = await fresh();
    const backend = createBackend({ store, dataDir: dir, transport: 'http' });
    const first = await backend.api['scenarios:save']({ doc: doc('In the backup') });
    expect(first.ok).toBe(true);
    const backup = await backend.api['backup:create']({});
    if (!backup.ok) throw new Error(backup.error.message);
    let finished = false;
    const restoring = backend.api['backup:restore']({ name: backup.value.name }).finally(() => (finished = true));
    const racing = await backend.api['scenarios:save']({ doc: doc('Saved during the restore') });
    expect(finished).toBe(false);
    expect(racing.ok).toBe(false);
    if (!racing.ok) {
      expect(racing.error.code).toBe('busy');
      expect(racing.error.message).toMatch(/^scenarios:save: a restore of a backup is in progress; nothing was changed/);
    }
    // The working copy (a file beside the database) is still kept meanwhile.
    const kept = await backend.api['workingCopy:set']({ copy: { v: 1, doc: doc('Saved during the restore'), savedAt: new Date().toISOString() } });
    expect(kept.ok).toBe(true);
    expect((await restoring).ok).toBe(true);
    const retried = await backend.api['scenarios:save']({ doc: doc('Saved during the restore') });
    expect(retried.ok).toBe(true);
    const list = await backend.api['scenarios:list']({});
    expect(list.ok && list.value.map((s) => s.name).sort()).toEqual(['In the backup', 'Saved during the restore']);
  });
});
