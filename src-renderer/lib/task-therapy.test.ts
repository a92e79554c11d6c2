// The therapy-as-learning rows of the task panel, from a real run.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src-engine/simulate.ts';
import type { Results } from '../../src-engine/results.ts';
import { sessionPoints, therapyLearning } from './task-therapy.ts';
import { tasksEn, tasksZh } from './strings-tasks.ts';

function run(patient: Record<string, unknown>, interventions: unknown[]): Results {
  const out = simulate({ schema: 'modulon.scenario/1', name: 't', duration: '13w', sampling: '1d', patient, interventions });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.results;
}

describe('therapy as learning in the panel', () => {
  it('is empty without sessions', () => {
    expect(therapyLearning(run({ condition: 'ptsd' }, []))).toEqual([]);
  });

  it('lists each session with what it read and taught, the end state and the renewal', () => {
    const r = run({ condition: 'ptsd', severity: 'moderate' }, [
      { type: 'therapy', kind: 'exposure', start: '1w', every: '1w', count: 10 },
      { type: 'therapy', kind: 'cbt', start: '2d', every: '2w', count: 3 },
    ]);
    const [exposure, cbt] = therapyLearning(r);
    expect(exposure!.kind).toBe('exposure');
    expect(exposure!.sessions).toHaveLength(10);
    expect(exposure!.sessions[0]).toMatchObject({ t: 168, learned: r.series['therapy.exposure.session_learning']!.v[0] });
    // Later sessions teach less: the prediction error shrinks as the extinction memory fills.
    expect(exposure!.sessions[9]!.learned).toBeLessThan(exposure!.sessions[0]!.learned);
    expect(exposure!.sessions[9]!.predictionError).toBeLessThan(exposure!.sessions[0]!.predictionError);
    expect(exposure!.final.map((f) => f.name)).toEqual(['therapy.exposure.fear_therapy_context', 'therapy.exposure.fear_original_context']);
    expect(exposure!.renewal).toBeGreaterThan(1.1);
    expect(sessionPoints(exposure!)[0]).toEqual({ x: 7, y: 100 * exposure!.sessions[0]!.learned });
    expect(cbt!.kind).toBe('cbt');
    expect(cbt!.sessions.map((s) => s.t)).toEqual([48, 384, 720]);
    expect(cbt!.final[0]!.value).toBeLessThan(1);
    expect(cbt!.renewal).toBeUndefined();
  });

  it('has its words in both languages', () => {
    for (const k of ['exposure', 'cbt']) {
      expect(tasksEn.therapyLearnKinds[k]).toBeTruthy();
      expect(tasksZh.therapyLearnKinds[k]).toBeTruthy();
      expect(tasksZh.therapyLearnExplain[k]).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const name of Object.keys(tasksEn.therapyFinalNames)) expect(tasksZh.therapyFinalNames[name]).toMatch(/[\u4e00-\u9fff]/);
  });
});
