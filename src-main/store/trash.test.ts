// Delete with undo (migration 5): a deleted scenario leaves every read, comes back whole with its
// runs and comparison links, and is removed for good only after a day. On a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { simulate, type Results, type ScenarioInput } from '../../src-engine/index.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { DB_FILE, openStore, TRASH_KEPT_MS } from './store.ts';
import { insertOldScenario } from './testing.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'modulon-trash-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const doc = (name: string): ScenarioInput => ({
  schema: 'modulon.scenario/1',
  name,
  duration: '2d',
  patient: { condition: 'alzheimers' },
  interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg', every: '24h' }],
});

function results(input: ScenarioInput): Results {
  const out = simulate(input);
  if (!out.ok) throw new Error('setup');
  return out.results;
}

describe('scenario trash', () => {
  it('hides a deleted scenario from list and get, and restores it with its runs, dates and links', async () => {
    const store = await openStore(tempDir());
    const keep = store.saveScenario(undefined, doc('Keep'));
    const gone = store.saveScenario(undefined, doc('Gone'));
    const run = await store.createRun(gone.id, results(doc('Gone')));
    store.saveComparison(undefined, { schema: 'modulon.comparison/1', name: 'C', arms: [{ name: 'a', scenario: doc('Gone') }, { name: 'b', scenario: doc('Keep') }] } as never, [gone.id, keep.id]);

    expect(store.deleteScenario(gone.id)).toBe(true);
    expect(store.deleteScenario(gone.id)).toBe(false);
    expect(store.listScenarios().map((s) => s.name)).toEqual(['Keep']);
    expect(store.getScenario(gone.id)).toBeUndefined();
    expect(store.listComparisons()[0]!.scenarioIds).toEqual([keep.id]);

    const back = store.restoreScenario(gone.id);
    expect(back).toEqual(gone);
    expect(store.restoreScenario(gone.id)).toBeUndefined();
    expect(store.listScenarios().map((s) => s.name).sort()).toEqual(['Gone', 'Keep']);
    expect(store.listRuns(gone.id).map((r) => r.id)).toEqual([run.id]);
    expect((await store.getRun(run.id))!.results.series['pk.donepezil.plasma']!.v).toEqual(run.results.series['pk.donepezil.plasma']!.v);
    expect(store.listComparisons()[0]!.scenarioIds.sort()).toEqual([gone.id, keep.id].sort());
    store.close();
  });

  it('does not restore what was never deleted or does not exist', async () => {
    const store = await openStore(tempDir());
    const s = store.saveScenario(undefined, doc('Here'));
    expect(store.restoreScenario(s.id)).toBeUndefined();
    expect(store.restoreScenario('0123456789')).toBeUndefined();
    store.close();
  });

  it('brings a trashed scenario back when it is saved again under its id', async () => {
    const store = await openStore(tempDir());
    const s = store.saveScenario(undefined, doc('Again'));
    store.deleteScenario(s.id);
    store.saveScenario(s.id, doc('Again, edited'));
    expect(store.getScenario(s.id)!.name).toBe('Again, edited');
    store.close();
  });

  it('purges, with their runs, only scenarios trashed more than a day before a store opens', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const old = store.saveScenario(undefined, doc('Old'));
    const recent = store.saveScenario(undefined, doc('Recent'));
    const oldRun = await store.createRun(old.id, results(doc('Old')));
    store.deleteScenario(old.id);
    store.deleteScenario(recent.id);
    store.close();
    const raw = new Database(join(dir, DB_FILE));
    raw.prepare('UPDATE scenarios SET deleted_at = ? WHERE id = ?').run(new Date(Date.now() - TRASH_KEPT_MS - 60_000).toISOString(), old.id);
    raw.close();

    const again = await openStore(dir);
    expect(again.restoreScenario(old.id)).toBeUndefined();
    expect(await again.getRun(oldRun.id)).toBeUndefined();
    expect(again.restoreScenario(recent.id)!.name).toBe('Recent');
    again.close();
  });

  it('opens a database of the previous schema version with its scenarios visible', async () => {
    const dir = tempDir();
    const v4 = await openStore(dir, { migrations: MIGRATIONS.slice(0, 4) });
    const s = insertOldScenario(v4, doc('From v4'));
    v4.close();
    const latest = await openStore(dir);
    expect(latest.listScenarios().map((x) => x.id)).toEqual([s.id]);
    expect(latest.deleteScenario(s.id)).toBe(true);
    latest.close();
  });
});
