// Backups of the store on request and restore from one (DESIGN.md §5): SQLite's online backup API
// both ways, never a raw copy of an open database; a backup is checked whole before it replaces
// anything, and the current database is backed up first, so a failed or regretted restore loses nothing.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, BackupKind } from '../../src-engine/contract/app-api.ts';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index.ts';
import type { Store } from './store.ts';

export const BACKUP_DIR = 'backups';

/** Backups made on request and before a restore: `modulon-<kind>-<UTC time>.sqlite3` in <data>/backups. */
const NAME = /^modulon-(manual|before-restore)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d+))?\.sqlite3$/;
/** The store's own backups before a migration, beside the database (store.ts). */
const MIGRATION_NAME = /^modulon\.sqlite3\.before-v(\d+)-(\d+)\.bak$/;

/** A refusal the user can act on (a damaged backup, a backup from a newer Modulon, an unknown name). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** `2026-12-06T10-15-30-123Z`: an ISO time that is a valid file name everywhere. */
function stamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

function info(dataDir: string, dir: string, name: string, kind: BackupKind, createdAt: string): BackupInfo | undefined {
  try {
    const st = statSync(join(dir, name));
    if (!st.isFile()) return undefined;
    return { name, path: join(dir, name), bytes: st.size, createdAt, kind, folder: dir === dataDir ? 'data' : 'backups' };
  } catch {
    return undefined;
  }
}

/** Every backup Modulon made in this data folder, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = join(dataDir, BACKUP_DIR);
  // Newest first; within one millisecond, the later one (higher -N) first.
  const out: Array<{ backup: BackupInfo; seq: number }> = [];
  for (const name of safeReaddir(dir)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const iso = (m[2] as string).replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
    const found = info(dataDir, dir, name, m[1] as BackupKind, iso);
    if (found) out.push({ backup: found, seq: Number(m[3] ?? 1) });
  }
  for (const name of safeReaddir(dataDir)) {
    const m = MIGRATION_NAME.exec(name);
    if (!m) continue;
    const found = info(dataDir, dataDir, name, 'before-migration', new Date(Number(m[2])).toISOString());
    if (found) out.push({ backup: found, seq: 1 });
  }
  out.sort((a, b) => (a.backup.createdAt < b.backup.createdAt ? 1 : a.backup.createdAt > b.backup.createdAt ? -1 : b.seq - a.seq));
  return out.map((x) => x.backup);
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Writes a backup of the open store into <data>/backups and returns it. The backup is a complete,
 * self-contained database file (rollback journal mode: no -wal file beside it).
 */
export async function createBackup(store: Store, dataDir: string, kind: 'manual' | 'before-restore' = 'manual', now: Date = new Date()): Promise<BackupInfo> {
  const dir = join(dataDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  let name = `modulon-${kind}-${stamp(now)}.sqlite3`;
  // Two backups in the same millisecond (a restore right after a backup) keep both.
  for (let n = 2; safeReaddir(dir).includes(name); n++) name = `modulon-${kind}-${stamp(now)}-${n}.sqlite3`;
  const file = join(dir, name);
  await store.backupTo(file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  const made = info(dataDir, dir, name, kind, now.toISOString());
  if (!made) throw new Error(`BUG: the backup ${file} was written but cannot be read back`);
  return made;
}

/**
 * Opens a backup read-only and checks it whole: a readable SQLite database, `PRAGMA
 * integrity_check` ok, a Modulon schema this app can read. Returns it open; the caller closes it.
 */
export function checkBackup(file: string, latest: number = LATEST_VERSION): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new BackupError(`the backup ${file} cannot be opened (${describe(e)}); nothing was restored`);
  }
  try {
    let check: unknown;
    try {
      check = db.pragma('integrity_check', { simple: true });
    } catch (e) {
      throw new BackupError(`the backup ${file} is not a readable Modulon database (${describe(e)}); nothing was restored`);
    }
    if (check !== 'ok') throw new BackupError(`the backup ${file} failed its integrity check (${firstProblems(check)}); nothing was restored`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasScenarios = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'scenarios'`).get() !== undefined;
    if (version < 1 || !hasScenarios) throw new BackupError(`the backup ${file} is a SQLite database but not a Modulon one (no scenarios table); nothing was restored`);
    if (version > latest) {
      throw new BackupError(`the backup ${file} was written by a newer Modulon (schema version ${version}; this app knows up to ${latest}); nothing was restored`);
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** A backup younger than this is never pruned: it may be about to be restored or copied elsewhere. */
export const PRUNE_MIN_AGE_MS = 60_000;

/**
 * Deletes the backups in <data>/backups beyond the newest `keep` (both kinds, counted together),
 * except those named in `protect` (the one being restored) and those written in the last minute.
 * The store's own migration backups beside the database are not touched. Returns the names deleted.
 */
export function pruneBackups(dataDir: string, keep: number, options: { protect?: readonly string[]; now?: Date } = {}): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`BUG: pruneBackups keeps at least one backup, got ${keep}`);
  const now = (options.now ?? new Date()).getTime();
  const removed: string[] = [];
  for (const b of listBackups(dataDir).filter((x) => x.folder === 'backups').slice(keep)) {
    if (options.protect?.includes(b.name) || now - Date.parse(b.createdAt) < PRUNE_MIN_AGE_MS) continue;
    try {
      rmSync(b.path);
      removed.push(b.name);
    } catch (e) {
      // Gone already (another window pruned it), or not ours to delete: it stays listed, nothing else fails.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') continue;
    }
  }
  return removed;
}

export interface RestoreOutcome {
  restored: BackupInfo;
  /** The backup of the database as it was just before the restore. */
  safety: BackupInfo;
}

/**
 * Restores the backup called `name` (one of `listBackups`; a name, never a path) into the open
 * store: checks it, backs up the current database, copies the backup in (one transaction), checks
 * the result and, should that fail, puts the safety copy back.
 */
export async function restoreBackup(store: Store, dataDir: string, name: string, options: { migrations?: readonly Migration[]; now?: Date; keep?: number } = {}): Promise<RestoreOutcome> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length === 0 ? 0 : (migrations[migrations.length - 1] as Migration).version;
  const backup = listBackups(dataDir).find((b) => b.name === name);
  if (!backup) throw new BackupError(`there is no backup called ${JSON.stringify(name)} in ${join(dataDir, BACKUP_DIR)}; choose one from the list`);
  const source = checkBackup(backup.path, latest);
  try {
    const safety = await createBackup(store, dataDir, 'before-restore', options.now);
    try {
      await store.restoreFrom(source, migrations);
    } catch (e) {
      throw new BackupError(`restoring ${backup.name} failed (${describe(e)}); your data is as it was (a copy of it is in ${safety.path})`);
    }
    const after = store.integrityCheck();
    if (after !== 'ok') {
      await putBack(store, safety, migrations);
      throw new BackupError(`after restoring ${backup.name} the database failed its integrity check (${firstProblems(after)}); the data as it was before was put back from ${safety.path}`);
    }
    // The safety copy is new (kept); the backup just restored is kept whatever its age.
    if (options.keep !== undefined) pruneBackups(dataDir, options.keep, { protect: [backup.name], ...(options.now ? { now: options.now } : {}) });
    return { restored: backup, safety };
  } finally {
    source.close();
  }
}

async function putBack(store: Store, safety: BackupInfo, migrations: readonly Migration[]): Promise<void> {
  const db = new Database(safety.path, { readonly: true, fileMustExist: true });
  try {
    await store.restoreFrom(db, migrations);
  } finally {
    db.close();
  }
}

/** integrity_check lists up to 100 problems, one a line: the first two and how many there are. */
function firstProblems(check: unknown): string {
  const lines = String(check).split('\n').filter((l) => l.trim() !== '');
  return lines.length <= 2 ? lines.join('; ') : `${lines.slice(0, 2).join('; ')}; and ${lines.length - 2} more problems`;
}

function describe(e: unknown): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  return code ? `${code}: ${message}` : message;
}
