// The store's numbered migrations, in order. `user_version` holds the number of the last one applied.
import type Database from 'better-sqlite3';
import { initial } from './0001-initial.ts';
import { customDrugs } from './0002-custom-drugs.ts';
import { comparisons } from './0003-comparisons.ts';
import { packedRuns } from './0004-packed-runs.ts';
import { scenarioTrash } from './0005-scenario-trash.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [initial, customDrugs, comparisons, packedRuns, scenarioTrash];

/** The schema version this build of the app writes. */
export const LATEST_VERSION = MIGRATIONS.length === 0 ? 0 : (MIGRATIONS[MIGRATIONS.length - 1] as Migration).version;

/** Versions must run 1, 2, 3, ... without gaps, or a database could skip a step. */
export function checkMonotonic(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`BUG: migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}
