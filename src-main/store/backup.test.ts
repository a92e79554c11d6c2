// Backup now and restore on real SQLite files: the backup is a whole database, a restore brings it
// back and keeps a safety copy, a damaged or foreign backup is refused and the current data stays.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../api/app-api.ts';
import { BACKUP_DIR, BackupError, checkBackup, createBackup, listBackups, restoreBackup } from './backup.ts';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.ts';
import { DB_FILE, openStore, type Store } from './store.ts';

const dirs: string[] = [];
const stores: Store[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'modulon-backup-'));
  dirs.push(dir);
  return dir;
}
async function open(dir: string): Promise<Store> {
  const store = await openStore(dir);
  stores.push(store);
  return store;
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
const names = (store: Store) => store.listScenarios().map((s) => s.name).sort();

describe('backup now', () => {
  it('writes a timestamped, complete database file into <data>/backups and lists it', async () => {
    const dir = tempDir();
    const store = await open(dir);
    store.saveScenario(undefined, doc('Kept'));
    const made = await createBackup(store, dir, 'manual', new Date('2026-12-06T10:15:30.123Z'));
    expect(made).toMatchObject({ name: 'modulon-manual-2026-12-06T10-15-30-123Z.sqlite3', kind: 'manual', folder: 'backups', createdAt: '2026-12-06T10:15:30.123Z' });
    expect(made.path).toBe(join(dir, BACKUP_DIR, made.name));
    expect(made.bytes).toBe(statSync(made.path).size);
    expect(made.bytes).toBeGreaterThan(4096);
    // Self-contained: rollback journal, no -wal beside it, and the data is in it.
    expect(readdirSync(join(dir, BACKUP_DIR))).toEqual([made.name]);
    const db = new Database(made.path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT name FROM scenarios').all()).toEqual([{ name: 'Kept' }]);
    db.close();
    expect(listBackups(dir)).toEqual([made]);
  });

  it('keeps two backups made in the same millisecond and lists newest first, the migration backups included', async () => {
    const dir = tempDir();
    const store = await open(dir);
    const at = new Date('2026-12-06T10:00:00.000Z');
    const a = await createBackup(store, dir, 'manual', at);
    const b = await createBackup(store, dir, 'manual', at);
    expect(b.name).not.toBe(a.name);
    const later = await createBackup(store, dir, 'manual', new Date('2026-12-06T11:00:00.000Z'));
    // As store.ts names its backup before a migration.
    copyFileSync(a.path, join(dir, `${DB_FILE}.before-v4-${Date.parse('2026-12-05T09:00:00Z')}.bak`));
    writeFileSync(join(dir, BACKUP_DIR, 'notes.txt'), 'not a backup');
    const list = listBackups(dir);
    expect(list.map((x) => x.name)).toEqual([later.name, b.name, a.name, `${DB_FILE}.before-v4-${Date.parse('2026-12-05T09:00:00Z')}.bak`]);
    expect(list[3]).toMatchObject({ kind: 'before-migration', folder: 'data', createdAt: '2026-12-05T09:00:00.000Z' });
  });
});

describe('restore', () => {
  it('brings the backup back, keeps a safety copy of what was there, and the open store reads the restored data', async () => {
    const dir = tempDir();
    const store = await open(dir);
    store.saveScenario(undefined, doc('Before'));
    const backup = await createBackup(store, dir);
    store.saveScenario(undefined, doc('After the backup'));
    expect(names(store)).toEqual(['After the backup', 'Before']);

    const outcome = await restoreBackup(store, dir, backup.name);
    expect(outcome.restored.name).toBe(backup.name);
    expect(outcome.safety.kind).toBe('before-restore');
    expect(names(store)).toEqual(['Before']);
    expect(store.integrityCheck()).toBe('ok');
    // Writes go on as usual, and a fresh open sees the same.
    store.saveScenario(undefined, doc('New'));
    store.close();
    const again = await open(dir);
    expect(names(again)).toEqual(['Before', 'New']);
    expect(again.schemaVersion).toBe(LATEST_VERSION);

    // The safety copy holds the database as it was just before the restore: nothing was lost.
    const safety = new Database(outcome.safety.path, { readonly: true });
    expect((safety.prepare('SELECT name FROM scenarios ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name)).toEqual(['After the backup', 'Before']);
    safety.close();
    expect(listBackups(dir).map((b) => b.name)).toContain(outcome.safety.name);
  });

  it('refuses a corrupt backup with a clear message, before touching anything, and the current database stays intact', async () => {
    const dir = tempDir();
    const store = await open(dir);
    store.saveScenario(undefined, doc('Current'));
    const backup = await createBackup(store, dir);
    // Damage the backup's pages past the header (a disk error, a sync that went wrong).
    const bytes = readFileSync(backup.path);
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xa5;
    writeFileSync(backup.path, bytes);

    const error = await restoreBackup(store, dir, backup.name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(new RegExp(`^the backup .*${backup.name}.* (failed its integrity check|is not a readable Modulon database).*nothing was restored$`));
    expect(names(store)).toEqual(['Current']);
    expect(store.integrityCheck()).toBe('ok');
    // Refused before the safety copy: the list holds only the damaged backup.
    expect(listBackups(dir).map((b) => b.name)).toEqual([backup.name]);
  });

  it('refuses a file that is not a database, a database that is not Modulon, one from a newer Modulon, and an unknown name', async () => {
    const dir = tempDir();
    const store = await open(dir);
    store.saveScenario(undefined, doc('Current'));
    const good = await createBackup(store, dir, 'manual', new Date('2026-01-01T00:00:00.000Z'));

    const garbage = join(dir, BACKUP_DIR, 'modulon-manual-2026-01-02T00-00-00-000Z.sqlite3');
    writeFileSync(garbage, 'this is not a database, just text '.repeat(200));
    await expect(restoreBackup(store, dir, 'modulon-manual-2026-01-02T00-00-00-000Z.sqlite3')).rejects.toThrow(/is not a readable Modulon database \(SQLITE_NOTADB.*nothing was restored/);

    const foreign = join(dir, BACKUP_DIR, 'modulon-manual-2026-01-03T00-00-00-000Z.sqlite3');
    const f = new Database(foreign);
    f.exec('CREATE TABLE photos (x)');
    f.close();
    await expect(restoreBackup(store, dir, 'modulon-manual-2026-01-03T00-00-00-000Z.sqlite3')).rejects.toThrow(/not a Modulon one/);

    const future = join(dir, BACKUP_DIR, 'modulon-manual-2026-01-04T00-00-00-000Z.sqlite3');
    copyFileSync(good.path, future);
    const g = new Database(future);
    g.pragma(`user_version = ${LATEST_VERSION + 1}`);
    g.close();
    await expect(restoreBackup(store, dir, 'modulon-manual-2026-01-04T00-00-00-000Z.sqlite3')).rejects.toThrow(new RegExp(`newer Modulon \\(schema version ${LATEST_VERSION + 1}`));

    await expect(restoreBackup(store, dir, '../modulon.sqlite3')).rejects.toThrow(/no backup called "..\/modulon.sqlite3"/);
    expect(names(store)).toEqual(['Current']);
  });

  it('never stalls a write made while the backup is copied in: it goes through or fails at once', async () => {
    const dir = tempDir();
    const store = await open(dir);
    store.saveScenario(undefined, doc('Kept'));
    const backup = await createBackup(store, dir);
    let done = false;
    const restoring = restoreBackup(store, dir, backup.name).finally(() => (done = true));
    const waits: number[] = [];
    const outcomes = new Set<string>();
    // A write on every turn of the event loop until the restore is over (a busy web host).
    while (!done) {
      await new Promise((r) => setImmediate(r));
      const start = performance.now();
      try {
        store.saveScenario(undefined, doc('Written during the restore'));
        outcomes.add('ok');
      } catch (e) {
        outcomes.add((e as { code?: string }).code ?? String(e));
      }
      waits.push(performance.now() - start);
    }
    await restoring;
    expect(Math.max(...waits)).toBeLessThan(2000);
    expect([...outcomes].every((o) => o === 'ok' || o === 'SQLITE_BUSY')).toBe(true);
    expect(store.integrityCheck()).toBe('ok');
  });

  it('migrates a backup from an older schema after restoring it', async () => {
    const dir = tempDir();
    // An old Modulon's database (schema 3) taken as a backup.
    const old = tempDir();
    const oldStore = await openStore(old, { migrations: MIGRATIONS.slice(0, 3) });
    // Written as schema 3 wrote it (today's saveScenario knows newer columns).
    (oldStore as unknown as { db: Database.Database }).db
      .prepare(`INSERT INTO scenarios (id, name, doc, created_at, updated_at) VALUES ('00000000-0000-4000-8000-000000000001', ?, ?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`)
      .run('From schema 3', JSON.stringify(doc('From schema 3')));
    const oldBackup = await createBackup(oldStore, dir, 'manual', new Date('2025-01-01T00:00:00.000Z'));
    oldStore.close();
    const checked = checkBackup(oldBackup.path);
    expect(checked.pragma('user_version', { simple: true })).toBe(3);
    checked.close();

    const store = await open(dir);
    await restoreBackup(store, dir, oldBackup.name);
    expect(store.schemaVersion).toBe(LATEST_VERSION);
    expect(names(store)).toEqual(['From schema 3']);
  });

  it('goes through the AppApi: backup:create, backup:list, backup:restore (a refusal as data)', async () => {
    const dir = tempDir();
    const store = await open(dir);
    const { api, dispatch } = createBackend({ store, dataDir: dir, transport: 'http' });
    await api['scenarios:save']({ doc: doc('One') });
    const made = await api['backup:create']({});
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    await api['scenarios:save']({ doc: doc('Two') });
    const list = await api['backup:list']({});
    expect(list.ok && list.value.map((b) => b.name)).toEqual([made.value.name]);
    const restored = await api['backup:restore']({ name: made.value.name });
    expect(restored.ok && restored.value.restored.name).toBe(made.value.name);
    const after = await api['scenarios:list']({});
    expect(after.ok && after.value.map((s) => s.name)).toEqual(['One']);
    await expect(dispatch('backup:restore', { name: '/etc/passwd' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/name: expected a backup file name/) } });
    await expect(api['backup:restore']({ name: 'modulon-manual-1999-01-01T00-00-00-000Z.sqlite3' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/no backup called/) } });
  });
});
