// Simulations in worker threads give the same results as in-process; a small run never waits
// behind a large one; runs stop at their time limit or when cancelled, and the pool goes on.
import { describe, expect, it } from 'vitest';
import { simulate } from '../src-engine/index.ts';
import { isLargeRun, RunStopped, workerRunner } from './engine-runner.ts';

const WORKER = new URL('./engine-worker.ts', import.meta.url);
const doc = (dose: string) => ({ schema: 'modulon.scenario/1', name: 'w', duration: '3d', patient: { condition: 'healthy' }, interventions: [{ type: 'drug', drug: 'donepezil', dose, every: '24h' }] });
/** About a second of engine time (five drugs over five years), with a small output. */
const long = (name = 'long') => ({
  schema: 'modulon.scenario/1',
  name,
  duration: '260w',
  sampling: '1d',
  patient: { condition: 'depression' },
  interventions: ['sertraline', 'haloperidol', 'lithium', 'memantine', 'donepezil'].map((drug) => ({ type: 'drug', drug, dose: '5 mg', every: '24h' })),
});

describe('engine worker pool', () => {
  it('answers like the in-process engine, for concurrent requests, and reports invalid input as data', async () => {
    const runner = workerRunner(WORKER);
    try {
      const [a, b, bad] = await Promise.all([runner.simulate(doc('5 mg')), runner.simulate(doc('10 mg')), runner.simulate(doc('5 kg'))]);
      expect(a).toEqual(simulate(doc('5 mg')));
      expect(b).toEqual(simulate(doc('10 mg')));
      expect(bad).toMatchObject({ ok: false, errors: [{ path: 'interventions[0].dose' }] });
    } finally {
      await runner.close();
    }
  });

  it('tells large runs from small ones by duration, sampling and drugs', () => {
    const limits = { values: 500_000, drugHours: 8760 };
    expect(isLargeRun(doc('5 mg'), limits)).toBe(false);
    expect(isLargeRun(long(), limits)).toBe(true);
    expect(isLargeRun({ ...doc('5 mg'), duration: '12w', sampling: '1min' }, limits)).toBe(true);
    expect(isLargeRun({ duration: 'soon' }, limits)).toBe(false);
    expect(isLargeRun(null, limits)).toBe(false);
  });

  it('runs a small request beside large ones, never behind them', async () => {
    const runner = workerRunner(WORKER);
    try {
      const finished: string[] = [];
      const track = (name: string, p: Promise<unknown>) => p.then(() => finished.push(name));
      // Two large runs arrive first: only one may take a worker, the other waits in line.
      const large = [track('large-1', runner.simulate(long('1'))), track('large-2', runner.simulate(long('2')))];
      const smallOne = track('small', runner.simulate(doc('5 mg')));
      await smallOne;
      expect(finished).toEqual(['small']);
      await Promise.all(large);
      expect(finished).toEqual(['small', 'large-1', 'large-2']);
    } finally {
      await runner.close();
    }
  }, 30_000);

  it('stops a run at its time limit with a message naming what to change, then serves the next one', async () => {
    const runner = workerRunner(WORKER, { timeoutMs: 200 });
    try {
      const stopped = await runner.simulate(long()).catch((e: unknown) => e);
      expect(stopped).toBeInstanceOf(RunStopped);
      expect((stopped as RunStopped).code).toBe('timeout');
      expect((stopped as RunStopped).message).toBe('the run was stopped after 0.2 s (the time limit); shorten the duration, coarsen the sampling or use fewer drugs');
      expect(await runner.simulate(doc('5 mg'))).toMatchObject({ ok: true });
    } finally {
      await runner.close();
    }
  }, 30_000);

  it('cancels a running and a queued run, then serves the next one', async () => {
    const runner = workerRunner(WORKER, { size: 2 });
    try {
      const first = new AbortController();
      const second = new AbortController();
      const running = runner.simulate(long('1'), { signal: first.signal }).catch((e: unknown) => e);
      const queued = runner.simulate(long('2'), { signal: second.signal }).catch((e: unknown) => e);
      second.abort();
      await new Promise((r) => setTimeout(r, 100));
      const t0 = performance.now();
      first.abort();
      expect(await running).toMatchObject({ code: 'cancelled' });
      expect(performance.now() - t0).toBeLessThan(200);
      expect(await queued).toMatchObject({ code: 'cancelled' });
      const already = new AbortController();
      already.abort();
      await expect(runner.simulate(doc('5 mg'), { signal: already.signal })).rejects.toMatchObject({ code: 'cancelled' });
      expect(await runner.simulate(doc('5 mg'))).toMatchObject({ ok: true });
    } finally {
      await runner.close();
    }
  }, 30_000);

  it('refuses work once closed, and rejects what was still waiting', async () => {
    const runner = workerRunner(WORKER);
    const pending = runner.simulate(long()).catch((e: unknown) => e);
    await runner.close();
    expect(await pending).toMatchObject({ code: 'cancelled' });
    await expect(runner.simulate(doc('5 mg'))).rejects.toMatchObject({ code: 'cancelled' });
  });
});
