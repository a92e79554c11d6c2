// Migration 1: scenarios and their runs.
import type { Migration } from './index.ts';

export const initial: Migration = {
  version: 1,
  name: '0001-initial',
  up(db) {
    db.exec(`
      CREATE TABLE scenarios (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        doc        TEXT NOT NULL CHECK (json_valid(doc)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE runs (
        id           TEXT PRIMARY KEY,
        scenario_id  TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
        engine       TEXT NOT NULL,
        seed         INTEGER NOT NULL,
        scenario_doc TEXT NOT NULL CHECK (json_valid(scenario_doc)),
        results      TEXT NOT NULL,
        created_at   TEXT NOT NULL
      ) STRICT;

      CREATE INDEX runs_by_scenario ON runs (scenario_id, created_at);
    `);
  },
};
