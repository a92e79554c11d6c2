// Stored runs: packed and gzipped since migration 4, about a tenth of their JSON; rows written
// as JSON before it still read back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { simulate, type Results } from '../../src-engine/index.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { DB_FILE, openStore } from './store.ts';
import { insertOldScenario } from './testing.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'modulon-runs-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const doc = {
  schema: 'modulon.scenario/1' as const,
  name: 'Sertraline for a year',
  duration: '52w',
  sampling: '2h',
  patient: { condition: 'depression' as const },
  interventions: [{ type: 'drug' as const, drug: 'sertraline', dose: '50 mg', every: '24h' }],
};

function results(): Results {
  const out = simulate(doc);
  if (!out.ok) throw new Error(out.errors[0]?.message);
  return out.results;
}

describe('stored runs', () => {
  it('are packed and gzipped, read back exactly, in a tenth of their JSON or less', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const scenario = store.saveScenario(undefined, doc);
    const r = results();
    const run = await store.createRun(scenario.id, r);
    const back = await store.getRun(run.id);
    expect(isDeepStrictEqual(back?.results, r)).toBe(true);
    expect(back).toEqual(run);
    store.close();
    const db = new Database(join(dir, DB_FILE), { readonly: true });
    const row = db.prepare('SELECT format, length(results) + length(data) AS bytes FROM runs').get() as { format: string; bytes: number };
    db.close();
    expect(row.format).toBe('packed-gzip');
    expect(row.bytes).toBeLessThan(JSON.stringify(r).length / 10);
  });

  it('written as JSON before migration 4 still read back, beside new packed ones', async () => {
    const dir = tempDir();
    const v3 = await openStore(dir, { migrations: MIGRATIONS.slice(0, 3) });
    const scenario = insertOldScenario(v3, doc);
    v3.close();
    const r = results();
    const raw = new Database(join(dir, DB_FILE));
    raw.prepare('INSERT INTO runs (id, scenario_id, engine, seed, scenario_doc, results, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run('old-run', scenario.id, r.engine, 1, JSON.stringify(r.scenario), JSON.stringify(r), '2026-01-01T00:00:00.000Z');
    raw.close();
    const store = await openStore(dir);
    const old = await store.getRun('old-run');
    expect(old).toMatchObject({ id: 'old-run', scenarioId: scenario.id, seed: 1, createdAt: '2026-01-01T00:00:00.000Z' });
    expect(old?.results).toEqual(JSON.parse(JSON.stringify(r)));
    const fresh = await store.createRun(scenario.id, r);
    expect(store.listRuns(scenario.id).map((x) => x.id)).toEqual([fresh.id, 'old-run']);
    expect(isDeepStrictEqual((await store.getRun(fresh.id))?.results, r)).toBe(true);
    store.close();
  });

  it('refuse a format the schema does not know', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    const scenario = store.saveScenario(undefined, doc);
    store.close();
    const raw = new Database(join(dir, DB_FILE));
    expect(() => raw.prepare("INSERT INTO runs (id, scenario_id, engine, seed, scenario_doc, format, results, created_at) VALUES ('x', ?, '0', 1, '{}', 'xml', '', '')").run(scenario.id)).toThrow(/CHECK constraint/);
    raw.close();
  });
});
