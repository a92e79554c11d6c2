// Simulations in a worker thread give the same results as in-process, in request order.
import { describe, expect, it } from 'vitest';
import { simulate } from '../src-engine/index.ts';
import { workerRunner } from './engine-runner.ts';

const doc = (dose: string) => ({ schema: 'modulon.scenario/1', name: 'w', duration: '3d', patient: { condition: 'healthy' }, interventions: [{ type: 'drug', drug: 'donepezil', dose, every: '24h' }] });

describe('engine worker', () => {
  it('answers like the in-process engine, for concurrent requests, and reports invalid input as data', async () => {
    const runner = workerRunner(new URL('./engine-worker.ts', import.meta.url));
    try {
      const [a, b, bad] = await Promise.all([runner.simulate(doc('5 mg')), runner.simulate(doc('10 mg')), runner.simulate(doc('5 kg'))]);
      expect(a).toEqual(simulate(doc('5 mg')));
      expect(b).toEqual(simulate(doc('10 mg')));
      expect(bad).toMatchObject({ ok: false, errors: [{ path: 'interventions[0].dose' }] });
    } finally {
      await runner.close();
    }
  });
});
