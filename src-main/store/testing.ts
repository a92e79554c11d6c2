// For tests of migrations: rows written as an older schema wrote them (today's Store methods write
// the newest columns, e.g. scenarios.deleted_at of migration 5).
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ScenarioInput } from '../../src-engine/index.ts';
import type { Store } from './store.ts';

/** Inserts a scenario with only the columns of migration 1; returns its id. */
export function insertOldScenario(store: Store, doc: ScenarioInput): { id: string } {
  const id = randomUUID();
  const now = new Date().toISOString();
  (store as unknown as { db: Database.Database }).db
    .prepare('INSERT INTO scenarios (id, name, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    .run(id, doc.name, JSON.stringify(doc), now, now);
  return { id };
}
