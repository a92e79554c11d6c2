// The backend behind both transports: validation, Result envelopes, stored runs, CSV export.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunStopped, type EngineRunner } from '../engine-runner.ts';
import { openStore, type Store } from '../store/store.ts';
import { createBackend, type Backend } from './app-api.ts';

const doc = {
  schema: 'modulon.scenario/1',
  name: 'Donepezil 5 mg',
  duration: '3d',
  patient: { condition: 'alzheimers' },
  interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg', every: '24h' }],
};

let dir: string;
let store: Store;
let backend: Backend;
const logged: unknown[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modulon-api-'));
  store = await openStore(dir);
  backend = createBackend({ store, dataDir: dir, transport: 'http', log: (_m, e) => logged.push(e) });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('AppApi backend', () => {
  it('saves a scenario, runs it, stores the run with engine version and seed, exports CSV', async () => {
    const saved = await backend.api['scenarios:save']({ doc });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const run = await backend.api['runs:create']({ scenarioId: saved.value.id });
    expect(run.ok && run.value).toMatchObject({ scenarioId: saved.value.id, engine: '0.1.0', seed: 1 });
    if (!run.ok) return;
    const runs = await backend.api['runs:list']({ scenarioId: saved.value.id });
    expect(runs.ok && runs.value.map((r) => r.id)).toEqual([run.value.id]);
    const csv = await backend.api['runs:exportCsv']({ id: run.value.id });
    expect(csv.ok).toBe(true);
    if (!csv.ok) return;
    const lines = csv.value.csv.trimEnd().split('\r\n');
    const header = (lines[0] as string).split(',');
    expect(header.slice(0, 4)).toEqual(['time_h', 'pk.donepezil.plasma (ng/mL)', 'target.AChE.occupancy (fraction)', 'target.AChE_rbc.inhibition (fraction)']);
    expect(header).toContain('scale.adascog (points)');
    // One row per computed time: the hourly grid (73 points over 3 days) plus the points after each dose.
    const times = run.value.results.series['pk.donepezil.plasma']!.t;
    expect(times.filter((t) => Number.isInteger(t))).toHaveLength(73);
    expect(lines).toHaveLength(1 + times.length);
    expect((lines[1] as string).split(',').slice(0, 4)).toEqual(['0', '0', '0', '0']);
    expect((lines[1] as string).split(',')).toHaveLength(header.length);
    expect(csv.value.filename).toMatch(/^Donepezil-5-mg-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.csv$/);
    // On a chosen regular grid instead: every 6 h over 3 days, 13 rows.
    const gridded = await backend.api['runs:exportCsv']({ id: run.value.id, grid: '6h' });
    if (!gridded.ok) throw new Error(gridded.error.message);
    const rows = gridded.value.csv.trimEnd().split('\r\n').slice(1);
    expect(rows.map((r) => r.split(',')[0])).toEqual(['0', '6', '12', '18', '24', '30', '36', '42', '48', '54', '60', '66', '72']);
  });

  it('refuses an invalid scenario with the field path and keeps what was saved', async () => {
    const saved = await backend.api['scenarios:save']({ doc });
    if (!saved.ok) throw new Error('setup');
    const bad = await backend.api['scenarios:save']({ id: saved.value.id, doc: { ...doc, duration: '5 kg' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid', fields: [{ path: 'duration' }] } });
    expect(!bad.ok && bad.error.message).toMatch(/^scenario duration: expected a duration/);
    const again = await backend.api['scenarios:get']({ id: saved.value.id });
    expect(again.ok && again.value.doc.duration).toBe('3d');
  });

  it('refuses malformed calls as data, never by throwing', async () => {
    expect(await backend.dispatch('scenarios:get', { id: 'not an id!' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await backend.dispatch('scenarios:get', { id: '0123456789abcdef', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await backend.dispatch('scenarios:get', { id: '0123456789abcdef' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await backend.dispatch('system:shutdown', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await backend.dispatch('engine:simulate', { doc: { ...doc, interventions: [{ type: 'drug', drug: 'x', dose: '1 mg' }] } })).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: [{ path: 'interventions[0].drug' }] },
    });
  });

  it('reports an internal error with its message and logs the stack', async () => {
    store.close(); // every store call now throws
    const out = await backend.dispatch('scenarios:list', {});
    expect(out).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged.length).toBeGreaterThan(0);
  });

  it('stores user-defined drugs, lists them with the built-ins, and refuses bad ones by path', async () => {
    const drug = { id: 'my-drug', name: 'My drug', model: 'one-compartment', routes: ['oral'], CL: { value: 5, unit: 'L/h' }, V: { value: 100, unit: 'L' }, ka: { value: 1, unit: '1/h' }, targets: { D2: { potency: { value: 2, unit: 'ng/mL' } } } };
    expect(await backend.api['drugs:saveCustom']({ drug })).toEqual({ ok: true, value: drug });
    const all = await backend.api['drugs:list']({});
    expect(all.ok && all.value.find((d) => d.id === 'my-drug')).toMatchObject({ userDefined: true, routes: ['oral'], class: { en: 'User-defined drug' } });
    expect(all.ok && all.value.find((d) => d.id === 'donepezil')?.userDefined).toBeUndefined();
    expect(await backend.api['drugs:saveCustom']({ drug: { ...drug, V: { value: 100, unit: 'mg' } } })).toMatchObject({ ok: false, error: { code: 'invalid', fields: [{ path: 'V.unit' }] } });
    expect(await backend.api['drugs:saveCustom']({ drug: { ...drug, id: 'haloperidol' } })).toMatchObject({ ok: false, error: { code: 'invalid', message: /built-in drug/ } });
    expect(await backend.api['drugs:deleteCustom']({ id: 'my-drug' })).toEqual({ ok: true, value: { deleted: true } });
    expect(await backend.api['drugs:listCustom']({})).toEqual({ ok: true, value: [] });
  });

  it('runs the validation suite with a summary', async () => {
    const out = await backend.api['validation:run']({});
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.cases.length).toBeGreaterThanOrEqual(40);
    expect(out.value.summary.cases).toBe(out.value.cases.length);
    expect(out.value.summary.failed).toBe(0);
  });

  it('answers a run stopped at its time limit or cancelled as data with its code, not as an internal error', async () => {
    const stopping = (code: 'timeout' | 'cancelled'): EngineRunner => ({
      simulate: () => Promise.reject(new RunStopped(code, code === 'timeout' ? 'the run was stopped after 120 s (the time limit); shorten the duration' : 'the run was cancelled')),
      validate: async () => [],
      close: async () => {},
    });
    const saved = await backend.api['scenarios:save']({ doc });
    if (!saved.ok) throw new Error('setup');
    const timing = createBackend({ store, dataDir: dir, transport: 'http', engine: stopping('timeout'), log: (_m, e) => logged.push(e) });
    const before = logged.length;
    expect(await timing.api['runs:create']({ scenarioId: saved.value.id })).toEqual({
      ok: false,
      error: { code: 'timeout', message: 'runs:create: the run was stopped after 120 s (the time limit); shorten the duration' },
    });
    const gone = createBackend({ store, dataDir: dir, transport: 'http', engine: stopping('cancelled') });
    expect(await gone.api['engine:simulate']({ doc })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(logged.length).toBe(before);
    expect(store.listRuns(saved.value.id)).toEqual([]);
  });

  it('deletes a scenario into the trash and restores it with its runs; a second restore is not found', async () => {
    const saved = await backend.api['scenarios:save']({ doc });
    if (!saved.ok) throw new Error('setup');
    const run = await backend.api['runs:create']({ scenarioId: saved.value.id });
    expect(await backend.api['scenarios:delete']({ id: saved.value.id })).toEqual({ ok: true, value: { deleted: true } });
    expect(await backend.api['scenarios:get']({ id: saved.value.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await backend.api['runs:create']({ scenarioId: saved.value.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await backend.api['scenarios:restore']({ id: saved.value.id })).toEqual({ ok: true, value: saved.value });
    const runs = await backend.api['runs:list']({ scenarioId: saved.value.id });
    expect(runs.ok && run.ok && runs.value.map((r) => r.id)).toEqual(run.ok ? [run.value.id] : []);
    expect(await backend.api['scenarios:restore']({ id: saved.value.id })).toEqual({ ok: false, error: { code: 'not_found', message: `deleted scenario ${saved.value.id} does not exist` } });
  });

  it('previews a run without storing anything', async () => {
    const out = await backend.api['engine:simulate']({ doc });
    expect(out.ok && Object.keys(out.value.series).slice(0, 3)).toEqual(['pk.donepezil.plasma', 'target.AChE.occupancy', 'target.AChE_rbc.inhibition']);
    expect(out.ok && out.value.series['scale.adascog']).toBeDefined();
    const list = await backend.api['scenarios:list']({});
    expect(list.ok && list.value).toEqual([]);
  });
});
