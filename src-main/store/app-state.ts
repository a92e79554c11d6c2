// What the data folder keeps beside the database: the settings (modulon-settings.json) and the editor's
// working copy (modulon-working-copy.json). Files, not rows: a restore replaces the database's content but
// must neither roll the settings back nor stall the autosave, and both are per data folder, so the
// desktop app and web mode on any port see the same ones. (The names differ from the desktop shell's
// settings.json, kept in its userData folder, which is also the default data folder.)
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_KEEP, workingCopySchema, type AppSettings, type WorkingCopy } from '../../src-engine/contract/app-api.ts';

export const SETTINGS_FILE = 'modulon-settings.json';
export const WORKING_COPY_FILE = 'modulon-working-copy.json';

export const DEFAULT_SETTINGS: AppSettings = { backupKeep: BACKUP_KEEP.default };

/**
 * Writes `text` to `file` whole or not at all: a temporary file beside it, flushed to disk, then
 * renamed over the old one (a crash leaves the old file or the new one, never half of one).
 */
export function writeFileAtomic(file: string, text: string): void {
  const temp = `${file}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** The file's JSON, or undefined when it is missing or unreadable (then the defaults hold). */
function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The settings of the data folder; a missing, damaged or out-of-range entry reads as its default. */
export function readSettings(dataDir: string): AppSettings {
  const raw = readJsonFile(join(dataDir, SETTINGS_FILE));
  const keep = typeof raw === 'object' && raw !== null ? (raw as { backupKeep?: unknown }).backupKeep : undefined;
  const valid = typeof keep === 'number' && Number.isInteger(keep) && keep >= BACKUP_KEEP.min && keep <= BACKUP_KEEP.max;
  return { backupKeep: valid ? keep : DEFAULT_SETTINGS.backupKeep };
}

/** Changes the given settings (already validated by the API's schema) and returns them all. */
export function writeSettings(dataDir: string, change: Partial<AppSettings>): AppSettings {
  const next = { ...readSettings(dataDir), ...change };
  writeFileAtomic(join(dataDir, SETTINGS_FILE), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}

/** The working copy left in the data folder, or null (none, or one that no longer reads: it is ignored). */
export function readWorkingCopy(dataDir: string): WorkingCopy | null {
  const parsed = workingCopySchema.safeParse(readJsonFile(join(dataDir, WORKING_COPY_FILE)));
  return parsed.success ? (parsed.data as WorkingCopy) : null;
}

/** Keeps the working copy (null removes it: saved or discarded). */
export function writeWorkingCopy(dataDir: string, copy: WorkingCopy | null): void {
  const file = join(dataDir, WORKING_COPY_FILE);
  if (copy === null) rmSync(file, { force: true });
  else writeFileAtomic(file, JSON.stringify(copy));
}
