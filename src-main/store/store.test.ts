// The SQLite store: migrations, refusal of a newer database, crash safety, CRUD.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index.ts';
import { DB_FILE, openStore, StoreError } from './store.ts';
import { insertOldScenario } from './testing.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'modulon-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const doc = (name: string) => ({
  schema: 'modulon.scenario/1' as const,
  name,
  duration: '2w',
  patient: { condition: 'alzheimers' as const },
  interventions: [{ type: 'drug' as const, drug: 'donepezil', dose: '5 mg', every: '24h' }],
});

describe('store', () => {
  it('migrates an empty file to the latest schema with WAL, FULL sync and STRICT tables', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    expect(store.schemaVersion).toBe(LATEST_VERSION);
    store.close();
    const db = new Database(join(dir, DB_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string; sql: string }>;
    expect(tables.map((t) => t.name).sort()).toEqual(['comparison_scenarios', 'comparisons', 'custom_drugs', 'runs', 'scenarios']);
    for (const t of tables) expect(t.sql).toMatch(/STRICT$/);
    db.close();
  });

  it('sets synchronous=FULL on the connection it uses', async () => {
    const store = await openStore(tempDir());
    // better-sqlite3 exposes pragmas per connection; FULL is 2.
    expect((store as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(2);
    store.close();
  });

  it('refuses a database from a newer version and leaves it untouched', async () => {
    const dir = tempDir();
    (await openStore(dir)).close();
    const raw = new Database(join(dir, DB_FILE));
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    await expect(openStore(dir)).rejects.toThrow(StoreError);
    await expect(openStore(dir)).rejects.toThrow(new RegExp(`newer Modulon.*schema version ${LATEST_VERSION + 1}.*left untouched`));
    const again = new Database(join(dir, DB_FILE), { readonly: true });
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    again.close();
  });

  it('runs only the new migrations, backs up first, and rolls back a failing one', async () => {
    const dir = tempDir();
    (await openStore(dir)).close();
    const next = LATEST_VERSION + 1;
    const extra: Migration = { version: next, name: 'test-add-column', up: (db) => db.exec('ALTER TABLE scenarios ADD COLUMN note TEXT') };
    const store = await openStore(dir, { migrations: [...MIGRATIONS, extra] });
    expect(store.schemaVersion).toBe(next);
    store.close();
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).some((f) => f.includes(`.before-v${next}-`) && f.endsWith('.bak'))).toBe(true);

    const broken: Migration = { version: next + 1, name: 'test-broken', up: (db) => { db.exec('CREATE TABLE t (x INTEGER) STRICT'); throw new Error('boom'); } };
    await expect(openStore(dir, { migrations: [...MIGRATIONS, extra, broken] })).rejects.toThrow('boom');
    const db = new Database(join(dir, DB_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(next);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 't'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a file that is not a database, leaving it untouched', async () => {
    const dir = tempDir();
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(join(dir, DB_FILE), 'this is not SQLite, just text long enough to look like a header........');
    await expect(openStore(dir)).rejects.toThrow(StoreError);
    expect(readFileSync(join(dir, DB_FILE), 'utf8')).toMatch(/^this is not SQLite/);
  });

  it('refuses migrations that are not numbered 1, 2, 3, ...', async () => {
    const gap: Migration = { version: LATEST_VERSION + 2, name: 'gap', up: () => {} };
    await expect(openStore(tempDir(), { migrations: [...MIGRATIONS, gap] })).rejects.toThrow(new RegExp(`expected ${LATEST_VERSION + 1}`));
  });

  it('migrates a version-1 database forward, keeping its scenarios', async () => {
    const dir = tempDir();
    const v1 = await openStore(dir, { migrations: MIGRATIONS.slice(0, 1) });
    const saved = insertOldScenario(v1, doc('kept'));
    v1.close();
    const store = await openStore(dir);
    expect(store.schemaVersion).toBe(LATEST_VERSION);
    expect(store.getScenario(saved.id)?.name).toBe('kept');
    expect(store.listCustomDrugs()).toEqual([]);
    store.close();
  });

  it('saves, lists, replaces and deletes user-defined drugs', async () => {
    const store = await openStore(tempDir());
    const drug = { id: 'my-drug', name: 'My drug', model: 'one-compartment' as const, routes: ['iv' as const], CL: { value: 1, unit: 'L/h' as const }, V: { value: 10, unit: 'L' as const } };
    store.saveCustomDrug(drug);
    store.saveCustomDrug({ ...drug, name: 'My drug 2' });
    expect(store.listCustomDrugs()).toEqual([{ ...drug, name: 'My drug 2' }]);
    expect(store.deleteCustomDrug('my-drug')).toBe(true);
    expect(store.listCustomDrugs()).toEqual([]);
    store.close();
  });

  it('saves, lists, updates and deletes scenarios; runs follow their scenario', async () => {
    const store = await openStore(tempDir());
    const a = store.saveScenario(undefined, doc('A'));
    const b = store.saveScenario(undefined, doc('B'));
    expect(store.listScenarios().map((s) => s.name).sort()).toEqual(['A', 'B']);
    const a2 = store.saveScenario(a.id, { ...doc('A renamed'), duration: '3w' });
    expect(a2.id).toBe(a.id);
    expect(a2.createdAt).toBe(a.createdAt);
    expect(store.getScenario(a.id)?.doc.duration).toBe('3w');
    expect(store.listScenarios()[0]).toMatchObject({ id: a.id, name: 'A renamed', condition: 'alzheimers' });
    expect(store.deleteScenario(b.id)).toBe(true);
    expect(store.deleteScenario(b.id)).toBe(false);
    expect(store.getScenario(b.id)).toBeUndefined();
    store.close();
  });

  it('stores runs with engine version and seed, newest first, and deletes them with their scenario (purged from the trash)', async () => {
    const store = await openStore(tempDir());
    const a = store.saveScenario(undefined, doc('A'));
    const results = (seed: number, engine: string) => ({ schema: 'modulon.results/1', engine, scenario: { ...doc('A'), seed }, series: { 'pk.x.plasma': { unit: 'ng/mL', t: [0, 1], v: [0, 2.5] } }, events: [], warnings: [] }) as never;
    const first = await store.createRun(a.id, results(7, '0.1.0'));
    await new Promise((r) => setTimeout(r, 5));
    const second = await store.createRun(a.id, results(8, '0.2.0'));
    expect(first).toMatchObject({ scenarioId: a.id, engine: '0.1.0', seed: 7 });
    expect(first.id).not.toBe(second.id);
    expect(store.listRuns(a.id)).toEqual([
      { id: second.id, scenarioId: a.id, engine: '0.2.0', seed: 8, createdAt: second.createdAt },
      { id: first.id, scenarioId: a.id, engine: '0.1.0', seed: 7, createdAt: first.createdAt },
    ]);
    expect(await store.getRun(first.id)).toEqual(first);
    expect(await store.getRun('nope')).toBeUndefined();
    expect(store.listRuns('nope')).toEqual([]);
    // Runs belong to a stored scenario (foreign key) and go with it when it leaves the trash.
    await expect(store.createRun('no-such-scenario', results(1, '0.1.0'))).rejects.toThrow(/FOREIGN KEY/);
    store.deleteScenario(a.id);
    expect(store.listRuns(a.id)).toHaveLength(2);
    store.purgeTrash(new Date(Date.now() + 1000));
    expect(store.listRuns(a.id)).toEqual([]);
    expect(await store.getRun(first.id)).toBeUndefined();
    store.close();
  });

  it('lists scenarios most recently changed first, then by name, with their condition', async () => {
    const store = await openStore(tempDir());
    const a = store.saveScenario('a', doc('Alpha'));
    await new Promise((r) => setTimeout(r, 5));
    store.saveScenario('b', doc('Beta'));
    await new Promise((r) => setTimeout(r, 5));
    store.saveScenario('a', { ...doc('Alpha'), patient: { condition: 'healthy' } });
    expect(store.listScenarios()).toEqual([
      { id: 'a', name: 'Alpha', condition: 'healthy', updatedAt: expect.any(String) },
      { id: 'b', name: 'Beta', condition: 'alzheimers', updatedAt: expect.any(String) },
    ]);
    expect(store.getScenario('a')!.createdAt).toBe(a.createdAt);
    expect(store.getScenario('a')!.updatedAt > a.updatedAt).toBe(true);
    store.close();
  });

  it('takes no backup when it creates a database, and closes twice without error', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
    expect(store.path).toBe(join(dir, DB_FILE));
    store.close();
    store.close();
  });

  it('opens with no migrations at all as schema version 0', async () => {
    const store = await openStore(tempDir(), { migrations: [] });
    expect(store.schemaVersion).toBe(0);
    store.close();
  });

  it('names the file and the check in its refusals', async () => {
    const dir = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, DB_FILE), 'this is not SQLite, just text long enough to look like a header........');
    const refusal = await openStore(dir).catch((e: unknown) => e as StoreError);
    expect(refusal).toMatchObject({ name: 'StoreError', code: 'corrupt' });
    expect((refusal as StoreError).message).toBe(`${join(dir, DB_FILE)} is not a readable Modulon database (SQLITE_NOTADB); it was left untouched`);
    const future = tempDir();
    (await openStore(future)).close();
    const raw = new Database(join(future, DB_FILE));
    raw.pragma(`user_version = ${LATEST_VERSION + 3}`);
    raw.close();
    const newer = await openStore(future).catch((e: unknown) => e as StoreError);
    expect(newer).toMatchObject({ code: 'from_future' });
    expect((newer as StoreError).message).toBe(`the database ${join(future, DB_FILE)} was written by a newer Modulon (schema version ${LATEST_VERSION + 3}; this app knows up to ${LATEST_VERSION}); it was left untouched, update Modulon to open it`);
  });

  it('survives SIGKILL in the middle of a burst of saves: integrity ok, every acknowledged save present', async () => {
    const dir = tempDir();
    (await openStore(dir)).close();
    const child = spawn(process.execPath, [join(import.meta.dirname, '../../test/fixtures/save-burst.ts'), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        acknowledged.push(...lines);
        if (acknowledged.length >= 300 && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`))));
    });
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    const store = await openStore(dir);
    expect(store.integrityCheck()).toBe('ok');
    const stored = new Set(store.listScenarios().map((s) => s.id));
    const missing = acknowledged.filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    store.close();
  });
});
