// The local SQLite store: opening with the safety pragmas, migrations, and scenario/run records.
import { randomUUID } from 'node:crypto';
import { accessSync, constants, copyFileSync, linkSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gunzip as gunzipCb, gzip as gzipCb } from 'node:zlib';
import Database from 'better-sqlite3';
import type { ComparisonInput, ComparisonRecord, ComparisonSummary, RunRecord, RunSummary, ScenarioRecord, ScenarioSummary } from '../../src-engine/contract/app-api.ts';
import type { CustomDrugInput, Results, ScenarioInput } from '../../src-engine/index.ts';
import { packResultsAsync, unpackResults } from '../results-codec.ts';
import { checkMonotonic, MIGRATIONS, type Migration } from './migrations/index.ts';

// zlib's callback forms run in libuv's thread pool, off the backend's thread.
const gzip = promisify(gzipCb);
const gunzip = promisify(gunzipCb);

export const DB_FILE = 'modulon.sqlite3';

/**
 * `empty`: a 0-byte database file (Modulon never leaves one: it creates its database whole);
 * `busy`: another program kept the database locked; `folder`: the data folder cannot be used.
 */
export type StoreErrorCode = 'from_future' | 'corrupt' | 'empty' | 'busy' | 'folder';

/** An expected failure to open the store, shown to the user as is. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}

interface ScenarioRow {
  id: string;
  name: string;
  doc: string;
  created_at: string;
  updated_at: string;
}

interface RunRow {
  id: string;
  scenario_id: string;
  engine: string;
  seed: number;
  /** 'json': `results` is the results' JSON (rows before migration 4); 'packed-gzip': the packed head, `data` the gzipped numbers. */
  format: 'json' | 'packed-gzip';
  results: string;
  data: Uint8Array | null;
  created_at: string;
}

export interface OpenOptions {
  /** Migrations to apply; tests pass their own lists. */
  migrations?: readonly Migration[];
}

/** How long opening waits for another instance (starting, migrating) before giving up. */
const BUSY_WAIT_MS = 15_000;

/**
 * Opens (creating if needed) the database in `dataDir`. Refuses a database written by a newer
 * app, an empty (0-byte) file and a damaged one; takes an online backup before migrating an
 * existing database. Several instances may start together on one folder: a new database appears
 * only whole (made aside, then linked into place), and each step that needs the file to itself
 * waits its turn.
 */
export async function openStore(dataDir: string, options: OpenOptions = {}): Promise<Store> {
  const migrations = options.migrations ?? MIGRATIONS;
  checkMonotonic(migrations);
  const latest = migrations.length === 0 ? 0 : (migrations[migrations.length - 1] as Migration).version;
  makeFolder(dataDir);
  const path = join(dataDir, DB_FILE);
  const size = fileSize(path);
  if (size === undefined) createWhole(dataDir, path, migrations, latest);
  else if (size === 0) {
    throw new StoreError(
      'empty',
      `the database ${path} is an empty file (0 bytes), not a Modulon database (a copy or sync that did not finish?); it was left untouched: put back a backup (${DB_FILE}.*.bak) or move the file away to start a new database`,
    );
  }
  const db = openFile(path, dataDir);
  try {
    db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
    const check = await whenFree(path, () => quickCheck(db, path));
    if (check !== 'ok') throw new StoreError('corrupt', `the database ${path} failed its integrity check (${String(check)}); it was left untouched`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) {
      throw new StoreError(
        'from_future',
        `the database ${path} was written by a newer Modulon (schema version ${version}; this app knows up to ${latest}); it was left untouched, update Modulon to open it`,
      );
    }
    // Only now, with the file known to be ours and not from the future, may its header change.
    // Changing the journal mode does not wait on SQLite's busy handler: hence whenFree.
    await whenFree(path, () => db.pragma('journal_mode = WAL'));
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (version < latest) {
      // Never a raw file copy of an open database: SQLite's online backup API.
      if (version > 0) await db.backup(join(dataDir, `${DB_FILE}.before-v${latest}-${Date.now()}.bak`));
      await whenFree(path, () => migrate(db, migrations, latest));
    }
  } catch (e) {
    db.close();
    throw writeProblem(e, dataDir) ?? e;
  }
  const store = new Store(db, path);
  // The undo of a delete lives for seconds; a day covers another window or instance still offering it.
  // (Tests open stores with older migration lists, without the trash column.)
  if (db.prepare(`SELECT 1 FROM pragma_table_info('scenarios') WHERE name = 'deleted_at'`).get() !== undefined) store.purgeTrash(new Date(Date.now() - TRASH_KEPT_MS));
  return store;
}

/** How long a deleted scenario stays restorable (until a store opens after that). */
export const TRASH_KEPT_MS = 24 * 3600 * 1000;

/** Applies the migrations above the database's version in one transaction. */
function migrate(db: Database.Database, migrations: readonly Migration[], latest: number): void {
  db.transaction(() => {
    // Read again under the write lock: the desktop app and web mode may start together.
    const current = db.pragma('user_version', { simple: true }) as number;
    for (const m of migrations) if (m.version > current) m.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}

/**
 * A new database, made whole beside its final name and then hard-linked to it: the link either
 * creates the name with a complete file or fails because another instance got there first (then
 * that one's file is used). So no instance ever opens a half-made database or races to make one.
 */
function createWhole(dataDir: string, path: string, migrations: readonly Migration[], latest: number): void {
  const temp = join(dataDir, `.${DB_FILE}.new-${process.pid}-${randomUUID().slice(0, 8)}`);
  try {
    const db = openFile(temp, dataDir);
    try {
      migrate(db, migrations, latest);
      // WAL is recorded in the file's header; closing the only connection folds the -wal file in.
      db.pragma('journal_mode = WAL');
    } finally {
      db.close();
    }
    try {
      linkSync(temp, path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return;
      // File systems without hard links (FAT): an exclusive copy, still never over another's file.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw e;
      try {
        copyFileSync(temp, path, constants.COPYFILE_EXCL);
      } catch (c) {
        if ((c as NodeJS.ErrnoException).code !== 'EEXIST') throw c;
      }
    }
  } catch (e) {
    throw writeProblem(e, dataDir) ?? e;
  } finally {
    rmSync(temp, { force: true });
  }
}

function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function openFile(path: string, dataDir: string): Database.Database {
  try {
    // SQLite would open a read-only file and fail only at the first save, as an internal error.
    if (fileSize(path) !== undefined) accessSync(path, constants.R_OK | constants.W_OK);
    return new Database(path);
  } catch (e) {
    throw writeProblem(e, dataDir) ?? e;
  }
}

const ANOTHER_FOLDER = 'choose another data folder (modulon serve --data DIR, or the MODULON_DATA environment variable)';

function makeFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new StoreError('folder', `the data folder ${dataDir} is a file, or inside one, not a folder; ${ANOTHER_FOLDER}`);
    throw writeProblem(e, dataDir) ?? e;
  }
  if (!statSync(dataDir).isDirectory()) throw new StoreError('folder', `the data folder ${dataDir} is a file, not a folder; ${ANOTHER_FOLDER}`);
}

/** The user's setup, not a bug: a folder or file Modulon may not write. */
function writeProblem(e: unknown, dataDir: string): StoreError | undefined {
  if (e instanceof StoreError) return undefined;
  const code = (e as { code?: string }).code ?? '';
  if (['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_DBMOVED'].includes(code)) {
    return new StoreError('folder', `cannot write in the data folder ${dataDir} (${code}: it or the database in it is read-only); make it writable or ${ANOTHER_FOLDER}`);
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return new StoreError('folder', `the disk of the data folder ${dataDir} is full (${code}); free some space or ${ANOTHER_FOLDER}`);
  return undefined;
}

/**
 * Runs a step that needs the database to itself, again while another instance holds it (SQLite
 * reports "database is locked" at once for a few steps, e.g. changing the journal mode).
 */
async function whenFree<T>(path: string, step: () => T): Promise<T> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (;;) {
    try {
      return step();
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) throw e;
      if (Date.now() > deadline) {
        throw new StoreError('busy', `the database ${path} stayed locked by another program for ${BUSY_WAIT_MS / 1000} s; close the other Modulon (or whatever holds the file) and start again`);
      }
      await sleep(20 + Math.random() * 80);
    }
  }
}

/** quick_check; a file that is not a database (or is damaged beyond reading) is refused as corrupt. */
function quickCheck(db: Database.Database, path: string): unknown {
  try {
    return db.pragma('quick_check', { simple: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new StoreError('corrupt', `${path} is not a readable Modulon database (${code}); it was left untouched`);
    throw e;
  }
}

export class Store {
  readonly path: string;
  private readonly db: Database.Database;

  constructor(db: Database.Database, path: string) {
    this.db = db;
    this.path = path;
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  listScenarios(): ScenarioSummary[] {
    const rows = this.db
      .prepare(`SELECT id, name, json_extract(doc, '$.patient.condition') AS condition, updated_at FROM scenarios WHERE deleted_at IS NULL ORDER BY updated_at DESC, name`)
      .all() as Array<{ id: string; name: string; condition: string | null; updated_at: string }>;
    return rows.map((r) => ({ id: r.id, name: r.name, condition: r.condition ?? '', updatedAt: r.updated_at }));
  }

  getScenario(id: string): ScenarioRecord | undefined {
    const row = this.db.prepare('SELECT * FROM scenarios WHERE id = ? AND deleted_at IS NULL').get(id) as ScenarioRow | undefined;
    return row && toScenario(row);
  }

  /** Inserts (no id, or an id not yet stored) or replaces a scenario (one in the trash comes back); one transaction. */
  saveScenario(id: string | undefined, doc: ScenarioInput): ScenarioRecord {
    const now = new Date().toISOString();
    const key = id ?? randomUUID();
    const json = JSON.stringify(doc);
    this.db
      .prepare(
        `INSERT INTO scenarios (id, name, doc, created_at, updated_at) VALUES (@id, @name, @doc, @now, @now)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, doc = excluded.doc, updated_at = excluded.updated_at, deleted_at = NULL`,
      )
      .run({ id: key, name: doc.name, doc: json, now });
    return this.getScenario(key) as ScenarioRecord;
  }

  /** Moves a scenario to the trash with its runs and links (restoreScenario brings it back); false if there is none. */
  deleteScenario(id: string): boolean {
    return this.db.prepare('UPDATE scenarios SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(new Date().toISOString(), id).changes > 0;
  }

  /** Brings a trashed scenario back as it was (name, document, dates, runs); undefined if it is not in the trash. */
  restoreScenario(id: string): ScenarioRecord | undefined {
    const changed = this.db.prepare('UPDATE scenarios SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(id).changes;
    return changed > 0 ? this.getScenario(id) : undefined;
  }

  /** Removes for good, with their runs, the scenarios trashed before `before`; returns how many. */
  purgeTrash(before: Date): number {
    return this.db.prepare('DELETE FROM scenarios WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(before.toISOString()).changes;
  }

  /**
   * Stores a run packed: numbers as Float64 (exact), each time grid once, gzipped (level 1: a
   * maximum-size run packs to ~7 MB in ~0.2 s of thread-pool time). The backend's thread only
   * packs, in slices, and writes the row.
   */
  async createRun(scenarioId: string, results: Results): Promise<RunRecord> {
    const run: RunRecord = {
      id: randomUUID(),
      scenarioId,
      engine: results.engine,
      seed: results.scenario.seed,
      createdAt: new Date().toISOString(),
      results,
    };
    const packed = await packResultsAsync(results);
    const data = await gzip(packed.data, { level: 1 });
    this.db
      .prepare(
        `INSERT INTO runs (id, scenario_id, engine, seed, scenario_doc, format, results, data, created_at)
         VALUES (?, ?, ?, ?, ?, 'packed-gzip', ?, ?, ?)`,
      )
      .run(run.id, scenarioId, run.engine, run.seed, JSON.stringify(results.scenario), packed.head, data, run.createdAt);
    return run;
  }

  listRuns(scenarioId: string): RunSummary[] {
    const rows = this.db
      .prepare('SELECT id, scenario_id, engine, seed, created_at FROM runs WHERE scenario_id = ? ORDER BY created_at DESC')
      .all(scenarioId) as Array<Omit<RunRow, 'results' | 'format' | 'data'>>;
    return rows.map(toRunSummary);
  }

  /** A stored run, packed or (written before migration 4) JSON. */
  async getRun(id: string): Promise<RunRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    if (!row) return undefined;
    if (row.format === 'json') return { ...toRunSummary(row), results: JSON.parse(row.results) as Results };
    if (row.data === null) throw new Error(`BUG: packed run ${id} has no data`);
    const results = await unpackResults({ head: row.results, data: await gunzip(row.data) });
    return { ...toRunSummary(row), results };
  }

  listCustomDrugs(): CustomDrugInput[] {
    const rows = this.db.prepare('SELECT doc FROM custom_drugs ORDER BY name').all() as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as CustomDrugInput);
  }

  /** Inserts or replaces a user-defined drug by its id; one transaction. */
  saveCustomDrug(drug: CustomDrugInput): void {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO custom_drugs (id, name, doc, created_at, updated_at) VALUES (@id, @name, @doc, @now, @now)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, doc = excluded.doc, updated_at = excluded.updated_at`,
      )
      .run({ id: drug.id, name: drug.name, doc: JSON.stringify(drug), now });
  }

  deleteCustomDrug(id: string): boolean {
    return this.db.prepare('DELETE FROM custom_drugs WHERE id = ?').run(id).changes > 0;
  }

  /**
   * Inserts (no id, or an id not yet stored) or replaces a comparison and its links to the stored
   * scenarios it was built from (those that still exist); one transaction.
   */
  saveComparison(id: string | undefined, doc: ComparisonInput, scenarioIds: readonly string[]): ComparisonRecord {
    const now = new Date().toISOString();
    const key = id ?? randomUUID();
    const save = this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO comparisons (id, name, doc, created_at, updated_at) VALUES (@id, @name, @doc, @now, @now)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, doc = excluded.doc, updated_at = excluded.updated_at`,
        )
        .run({ id: key, name: doc.name, doc: JSON.stringify(doc), now });
      this.db.prepare('DELETE FROM comparison_scenarios WHERE comparison_id = ?').run(key);
      const link = this.db.prepare('INSERT OR IGNORE INTO comparison_scenarios (comparison_id, scenario_id) SELECT ?, id FROM scenarios WHERE id = ?');
      for (const scenarioId of scenarioIds) link.run(key, scenarioId);
    });
    save.immediate();
    return this.getComparison(key) as ComparisonRecord;
  }

  getComparison(id: string): ComparisonRecord | undefined {
    const row = this.db.prepare('SELECT * FROM comparisons WHERE id = ?').get(id) as ScenarioRow | undefined;
    if (!row) return undefined;
    return { id: row.id, name: row.name, doc: JSON.parse(row.doc) as ComparisonInput, scenarioIds: this.comparisonLinks(row.id), createdAt: row.created_at, updatedAt: row.updated_at };
  }

  /** All comparisons, or those built from one stored scenario; newest first. */
  listComparisons(scenarioId?: string): ComparisonSummary[] {
    const rows = (
      scenarioId === undefined
        ? this.db.prepare('SELECT id, name, doc, updated_at FROM comparisons ORDER BY updated_at DESC, name').all()
        : this.db
            .prepare('SELECT c.id, c.name, c.doc, c.updated_at FROM comparisons c JOIN comparison_scenarios l ON l.comparison_id = c.id WHERE l.scenario_id = ? ORDER BY c.updated_at DESC, c.name')
            .all(scenarioId)
    ) as Array<{ id: string; name: string; doc: string; updated_at: string }>;
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      arms: (JSON.parse(r.doc) as ComparisonInput).arms.map((a) => a.name),
      scenarioIds: this.comparisonLinks(r.id),
      updatedAt: r.updated_at,
    }));
  }

  deleteComparison(id: string): boolean {
    return this.db.prepare('DELETE FROM comparisons WHERE id = ?').run(id).changes > 0;
  }

  private comparisonLinks(id: string): string[] {
    return (
      this.db
        .prepare('SELECT l.scenario_id FROM comparison_scenarios l JOIN scenarios s ON s.id = l.scenario_id WHERE l.comparison_id = ? AND s.deleted_at IS NULL ORDER BY l.scenario_id')
        .all(id) as Array<{ scenario_id: string }>
    ).map((r) => r.scenario_id);
  }

  integrityCheck(): string {
    return String(this.db.pragma('integrity_check', { simple: true }));
  }

  /** An online backup of this database into `file` (SQLite's backup API, never a raw copy of the open file). */
  async backupTo(file: string): Promise<void> {
    await this.db.backup(file);
  }

  /**
   * Replaces this database's content with the database in `source` through SQLite's backup API,
   * in one write transaction (all pages in one step: a failure rolls back and leaves the content as
   * it was), then applies the migrations it lacks. Callers check `source` first (backup.ts).
   */
  async restoreFrom(source: Database.Database, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
    // Between the backup's first step (which takes the write lock) and its second, a write on this
    // connection would wait in SQLite's busy handler, on this thread, for the backup that cannot
    // move meanwhile: it fails at once instead (and the caller sees "database is locked").
    const wait = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      await source.backup(this.path, { progress: () => 0x7fffffff });
    } finally {
      this.db.pragma(`busy_timeout = ${wait}`);
    }
    // The backup bumped the schema cookie; a read makes this connection notice and re-read the
    // schema before a migration's ALTER TABLE is prepared against the schema it had cached.
    this.db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const latest = migrations.length === 0 ? 0 : (migrations[migrations.length - 1] as Migration).version;
    if ((this.db.pragma('user_version', { simple: true }) as number) < latest) migrate(this.db, migrations, latest);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function toScenario(row: ScenarioRow): ScenarioRecord {
  return { id: row.id, name: row.name, doc: JSON.parse(row.doc) as ScenarioInput, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toRunSummary(row: Omit<RunRow, 'results' | 'format' | 'data'>): RunSummary {
  return { id: row.id, scenarioId: row.scenario_id, engine: row.engine, seed: row.seed, createdAt: row.created_at };
}

