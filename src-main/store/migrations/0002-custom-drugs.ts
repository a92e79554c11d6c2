// Migration 2: the user's library of self-defined drugs (each also copied into the scenarios that use it).
import type { Migration } from './index.ts';

export const customDrugs: Migration = {
  version: 2,
  name: '0002-custom-drugs',
  up(db) {
    db.exec(`
      CREATE TABLE custom_drugs (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        doc        TEXT NOT NULL CHECK (json_valid(doc)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
