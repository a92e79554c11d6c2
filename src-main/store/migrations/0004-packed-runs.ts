// Migration 4: runs stored compactly (issue 14: a maximum-size run took ~80 MB as JSON). New runs
// keep a JSON head in `results` and their numbers gzipped in `data` (src-main/results-codec.ts),
// about a tenth of the size; rows written before stay JSON (`format` 'json') and read as before.
import type { Migration } from './index.ts';

export const packedRuns: Migration = {
  version: 4,
  name: '0004-packed-runs',
  up(db) {
    db.exec(`
      ALTER TABLE runs ADD COLUMN format TEXT NOT NULL DEFAULT 'json' CHECK (format IN ('json', 'packed-gzip'));
      ALTER TABLE runs ADD COLUMN data BLOB;
    `);
  },
};
