// Comparisons in the store (migration 3): a version-2 database migrates keeping what it had;
// comparisons save, list (all, or by scenario), replace and delete in one transaction each; the
// copy of each stored scenario in the document outlives the scenario, the link does not.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComparisonInput } from '../../src-engine/contract/app-api.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { DB_FILE, openStore } from './store.ts';
import { insertOldScenario } from './testing.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'modulon-comparisons-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const scenario = (name: string) => ({
  schema: 'modulon.scenario/1' as const,
  name,
  duration: '2w',
  patient: { condition: 'alzheimers' as const },
  interventions: [{ type: 'drug' as const, drug: 'donepezil', dose: '5 mg', every: '24h' }],
});

const comparison = (name: string, arms: ComparisonInput['arms']): ComparisonInput => ({ schema: 'modulon.comparison/1', name, arms });

describe('comparisons in the store', () => {
  it('migrates a version-2 database to 3, keeping scenarios and custom drugs, with STRICT tables', async () => {
    const dir = tempDir();
    const v2 = await openStore(dir, { migrations: MIGRATIONS.slice(0, 2) });
    const kept = insertOldScenario(v2, scenario('kept'));
    v2.close();
    const store = await openStore(dir, { migrations: MIGRATIONS.slice(0, 3) });
    expect(store.schemaVersion).toBe(3);
    // Read as schema 3 has it (getScenario reads the trash column of migration 5).
    expect((store as unknown as { db: Database.Database }).db.prepare('SELECT name FROM scenarios WHERE id = ?').get(kept.id)).toEqual({ name: 'kept' });
    expect(store.listComparisons()).toEqual([]);
    store.close();
    const db = new Database(join(dir, DB_FILE), { readonly: true });
    const sql = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name LIKE 'comparison%'").all() as Array<{ name: string; sql: string }>;
    expect(sql.map((t) => t.name).sort()).toEqual(['comparison_scenarios', 'comparisons']);
    for (const t of sql) expect(t.sql).toMatch(/STRICT$/);
    db.close();
  });

  it('round-trips a comparison through a closed and reopened file, lists it by scenario, replaces and deletes it', async () => {
    const dir = tempDir();
    let store = await openStore(dir);
    const a = store.saveScenario(undefined, scenario('A'));
    const b = store.saveScenario(undefined, scenario('B'));
    const doc = comparison('A against B', [
      { name: 'A', scenarioId: a.id, scenario: scenario('A') },
      { name: 'B', scenarioId: b.id, scenario: scenario('B') },
    ]);
    const saved = store.saveComparison(undefined, doc, [a.id, b.id, 'ffffffff-0000-0000-0000-000000000000']);
    expect(saved.scenarioIds).toEqual([a.id, b.id].sort()); // an id that is not stored is not linked
    store.close();

    store = await openStore(dir);
    const got = store.getComparison(saved.id);
    expect(got?.doc).toEqual(doc);
    expect(got?.name).toBe('A against B');
    expect(store.listComparisons()).toEqual([{ id: saved.id, name: 'A against B', arms: ['A', 'B'], scenarioIds: [a.id, b.id].sort(), updatedAt: saved.updatedAt }]);
    expect(store.listComparisons(a.id).map((c) => c.id)).toEqual([saved.id]);

    const replaced = store.saveComparison(saved.id, { ...doc, name: 'renamed', arms: [doc.arms[0]!, { name: 'C', scenario: scenario('C') }] }, [a.id]);
    expect(replaced.createdAt).toBe(saved.createdAt);
    expect(replaced.scenarioIds).toEqual([a.id]);
    expect(store.listComparisons(b.id)).toEqual([]);
    expect(store.listComparisons()).toHaveLength(1);

    // Deleting a scenario removes its link, never the comparison or its copy of the scenario.
    expect(store.deleteScenario(a.id)).toBe(true);
    expect(store.getComparison(saved.id)?.doc.arms[0]?.scenario).toEqual(scenario('A'));
    expect(store.getComparison(saved.id)?.scenarioIds).toEqual([]);

    expect(store.deleteComparison(saved.id)).toBe(true);
    expect(store.deleteComparison(saved.id)).toBe(false);
    expect(store.getComparison(saved.id)).toBeUndefined();
    expect(store.integrityCheck()).toBe('ok');
    store.close();
  });

  it('a failed save changes nothing (one transaction)', async () => {
    const store = await openStore(tempDir());
    const a = store.saveScenario(undefined, scenario('A'));
    const saved = store.saveComparison(undefined, comparison('kept', [{ name: 'A', scenario: scenario('A') }, { name: 'B', scenario: scenario('B') }]), [a.id]);
    // A name the NOT NULL constraint refuses, after the link rows were already touched in the same call.
    expect(() => store.saveComparison(saved.id, { ...comparison('x', []), name: null as unknown as string }, [])).toThrow();
    expect(store.getComparison(saved.id)?.name).toBe('kept');
    expect(store.getComparison(saved.id)?.scenarioIds).toEqual([a.id]);
    store.close();
  });
});
