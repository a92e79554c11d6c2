// Migration 5: deleting a scenario moves it to the trash (issue 14: delete with undo). A trashed
// scenario keeps its runs and comparison links, is hidden from every read, comes back whole with
// `scenarios:restore`, and is removed for good a day later (when a store opens).
import type { Migration } from './index.ts';

export const scenarioTrash: Migration = {
  version: 5,
  name: '0005-scenario-trash',
  up(db) {
    db.exec(`ALTER TABLE scenarios ADD COLUMN deleted_at TEXT;`);
  },
};
