// Opening the store when the setup is not the usual one (issue 14): several instances starting
// together on a fresh folder, an empty database file, a data path that is a file, a read-only folder.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from './migrations/index.ts';
import { DB_FILE, openStore, StoreError } from './store.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'modulon-open-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o755);
    rmSync(d, { recursive: true, force: true });
  }
});

const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as StoreError);

describe('opening the store', () => {
  it('lets four instances start together on fresh folders, round after round, none finding the database locked', async () => {
    // Before: "database is locked" in 3 of 40 rounds (4 instances), 1 of 40 (2 instances), when two
    // connections switched a brand-new file to WAL at once. Now a new database appears whole, in WAL.
    const rounds = Array.from({ length: 20 }, () => tempDir());
    const start = Date.now() + 2500;
    const fixture = join(import.meta.dirname, '../../test/fixtures/open-race.ts');
    const outputs = await Promise.all(
      [1, 2, 3, 4].map(
        () =>
          new Promise<string>((resolve, reject) => {
            const child = spawn(process.execPath, [fixture, String(start), '250', ...rounds], { stdio: ['ignore', 'pipe', 'inherit'] });
            let out = '';
            child.stdout.on('data', (c: Buffer) => (out += c.toString()));
            child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`instance exited with ${code}`))));
          }),
      ),
    );
    const lines = outputs.flatMap((o) => o.trim().split('\n'));
    expect(lines.filter((l) => l !== 'ok')).toEqual([]);
    expect(lines).toHaveLength(80);
    for (const dir of rounds) expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 60_000);

  it('makes a new database whole: in WAL mode from its first bytes on disk, nothing left beside it', async () => {
    const dir = tempDir();
    (await openStore(dir)).close();
    const header = readFileSync(join(dir, DB_FILE)).subarray(0, 20);
    expect(header.subarray(0, 15).toString()).toBe('SQLite format 3');
    // Bytes 18 and 19: file format write and read versions, 2 for WAL.
    expect([header[18], header[19]]).toEqual([2, 2]);
    expect(readdirSync(dir).sort()).toEqual([DB_FILE]);
    const again = await openStore(dir);
    expect(again.schemaVersion).toBe(LATEST_VERSION);
    again.close();
  });

  it('refuses an empty (0-byte) database file, says what to do, and leaves it untouched', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, DB_FILE), '');
    const e = await refusal(openStore(dir));
    expect(e).toBeInstanceOf(StoreError);
    expect(e?.code).toBe('empty');
    expect(e?.message).toBe(
      `the database ${join(dir, DB_FILE)} is an empty file (0 bytes), not a Modulon database (a copy or sync that did not finish?); it was left untouched: put back a backup (${DB_FILE}.*.bak) or move the file away to start a new database`,
    );
    expect(readFileSync(join(dir, DB_FILE)).length).toBe(0);
    expect(readdirSync(dir)).toEqual([DB_FILE]);
  });

  it('refuses a data path that is a file, naming what to change', async () => {
    const file = join(tempDir(), 'data.txt');
    writeFileSync(file, 'not a folder');
    const e = await refusal(openStore(file));
    expect(e).toMatchObject({ code: 'folder', message: `the data folder ${file} is a file, or inside one, not a folder; choose another data folder (modulon serve --data DIR, or the MODULON_DATA environment variable)` });
    const inside = await refusal(openStore(join(file, 'sub')));
    expect(inside?.code).toBe('folder');
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  // Root writes through permission bits: there, Linux's sysfs stands in for a read-only folder.
  const root = process.getuid?.() === 0;
  it.skipIf(root && process.platform !== 'linux')('refuses a read-only folder as the user’s setup, not an internal error', async () => {
    const dir = root ? '/sys/kernel' : tempDir();
    if (!root) chmodSync(dir, 0o555);
    const e = await refusal(openStore(dir));
    expect(e).toMatchObject({ code: 'folder' });
    expect(e?.message).toMatch(new RegExp(`^cannot write in the data folder ${dir} \\(\\w+: it or the database in it is read-only\\); make it writable or choose another data folder`));
    const sub = await refusal(openStore(join(dir, 'modulon-new')));
    expect(sub?.message).toMatch(/^cannot write in the data folder .*modulon-new \((EACCES|EPERM)/);
  });
});
