// Migration 3: comparisons (issue 13). The document keeps a copy of every stored scenario it was
// built from, so deleting a scenario loses nothing here; the link table only lists which stored
// scenarios a comparison came from (and goes with either side).
import type { Migration } from './index.ts';

export const comparisons: Migration = {
  version: 3,
  name: '0003-comparisons',
  up(db) {
    db.exec(`
      CREATE TABLE comparisons (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        doc        TEXT NOT NULL CHECK (json_valid(doc)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE comparison_scenarios (
        comparison_id TEXT NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
        scenario_id   TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
        PRIMARY KEY (comparison_id, scenario_id)
      ) STRICT;

      CREATE INDEX comparison_scenarios_by_scenario ON comparison_scenarios (scenario_id);
    `);
  },
};
