// Tasks in a scenario: run at their times from the slow layer's state of that moment, published
// as task.* series and runs with curves; same scenario, same numbers.
import { describe, expect, it, vi } from 'vitest';
import { NeuroModel } from '../neuro/model.ts';
import { simulate } from '../simulate.ts';
import type { Results } from '../results.ts';
import { EXAMPLE_SCENARIOS, EXAMPLE_STATES, type ExampleState } from './examples.ts';
import { MODULATORY_FIELDS, type ModulatoryState } from './types.ts';

function run(patient: Record<string, unknown>, interventions: unknown[], tasks: unknown[], seed = 1): Results {
  const out = simulate({ schema: 'modulon.scenario/1', name: 't', duration: '5w', seed, patient, interventions, tasks });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.results;
}
const recallTask = [{ task: 'episodic-memory', at: '4w', subjects: 8 }];

describe('tasks in a scenario', () => {
  it('publish their measures as sparse series at their times, with units, and their runs with curves', () => {
    const r = run({ condition: 'healthy' }, [], [{ task: 'fear-conditioning', at: '1w' }, { task: 'fear-conditioning', at: '3w' }, { task: 'spatial-navigation', at: '2w' }]);
    expect(r.series['task.fear-conditioning.test_A']).toMatchObject({ unit: '× healthy asymptote', t: [168, 504] });
    expect(r.series['task.spatial-navigation.latency_final']).toMatchObject({ unit: 's', t: [336] });
    expect(r.tasks!.map((x) => [x.task, x.t, x.index])).toEqual([['fear-conditioning', 168, 0], ['spatial-navigation', 336, 2], ['fear-conditioning', 504, 1]]);
    expect(Object.keys(r.tasks![1]!.curves).length).toBeGreaterThan(0);
    // Each run carries the state it read.
    expect(r.tasks![0]!.state).toMatchObject({ condition: 'healthy', acetylcholine: expect.closeTo(1, 6), nmdaBlock: 0 });
  });

  it('give the same numbers for the same seed and other numbers for another', () => {
    const a = run({ condition: 'alzheimers' }, [], recallTask, 7);
    const b = run({ condition: 'alzheimers' }, [], recallTask, 7);
    const c = run({ condition: 'alzheimers' }, [], recallTask, 8);
    expect(b.tasks).toEqual(a.tasks);
    expect(c.tasks![0]!.measures).not.toEqual(a.tasks![0]!.measures);
  });

  it('read the state of the moment: Alzheimer\'s recall below healthy and partly restored on donepezil', () => {
    const recall = (r: Results) => r.series['task.episodic-memory.recall']!.v[0] as number;
    const healthy = recall(run({ condition: 'healthy' }, [], recallTask));
    const ad = recall(run({ condition: 'alzheimers', severity: 'moderate' }, [], recallTask));
    const treated = recall(run({ condition: 'alzheimers', severity: 'moderate' }, [{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h' }], recallTask));
    expect(ad).toBeLessThan(healthy - 0.1);
    expect(treated).toBeGreaterThan(ad);
    expect(treated).toBeLessThanOrEqual(healthy);
  });

  it('are refused beyond the scenario or with a bad option, naming the field', () => {
    const refused = (tasks: unknown) => simulate({ schema: 'modulon.scenario/1', name: 't', duration: '1w', patient: { condition: 'healthy' }, tasks });
    expect(refused([{ task: 'spacing', at: '2w' }])).toMatchObject({ ok: false, errors: [{ path: 'tasks[0].at', message: expect.stringMatching(/^expected a task time within the scenario/) }] });
    expect(refused([{ task: 'fear-conditioning', at: '1d', acquisitionTrials: 0 }])).toMatchObject({ ok: false, errors: [{ path: 'tasks[0].acquisitionTrials' }] });
    expect(refused([{ task: 'juggling', at: '1d' }])).toMatchObject({ ok: false, errors: [{ path: 'tasks[0].task' }] });
  });

  it('hand the paradigms the states the learning tests and the calibration use (examples.ts, to 3 decimals)', () => {
    const spy = vi.spyOn(NeuroModel.prototype, 'modulatoryState');
    try {
      for (const [name, { scenario, at }] of Object.entries(EXAMPLE_SCENARIOS) as [ExampleState, (typeof EXAMPLE_SCENARIOS)[ExampleState]][]) {
        spy.mockClear();
        const out = simulate({ ...scenario, tasks: [{ task: 'spacing', at, items: 1 }] });
        expect(out.ok, name).toBe(true);
        const state = spy.mock.results[0]?.value as ModulatoryState;
        const example = EXAMPLE_STATES[name] as ModulatoryState;
        expect(state.condition, name).toBe(example.condition);
        for (const f of MODULATORY_FIELDS) expect(Math.abs(state[f] - example[f]), `${name}.${f}: engine ${state[f]}, example ${example[f]}; refresh examples.ts and recheck the calibration`).toBeLessThan(6e-4);
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('reproduce Frank 2004 from the engine\'s own states: moderate PD off avoids B better than it chooses A, on levodopa the reverse', () => {
    const levodopa = { type: 'drug', drug: 'levodopa', dose: '150 mg', route: 'oral', every: '8h' };
    const pst = (interventions: unknown[], at: string) => {
      const r = run({ condition: 'parkinsons', severity: 'moderate' }, interventions, [{ task: 'probabilistic-selection', at, subjects: 200 }]);
      return r.tasks![0]!.measures;
    };
    const off = pst([{ ...levodopa, stop: '664h' }], '682h');
    const on = pst([levodopa], '673h');
    expect(off.avoid_b! - off.choose_a!).toBeGreaterThan(0.08);
    expect(on.choose_a! - on.avoid_b!).toBeGreaterThan(0.08);
    expect(on.choose_a! - on.avoid_b! - (off.choose_a! - off.avoid_b!)).toBeGreaterThan(0.25);
  });

  it('lose each modulatory effect when its mechanism is switched off (ablation from the scenario)', () => {
    const with_ = (patient: Record<string, unknown>, iv: unknown[], tasks: unknown[], disable: string[]) => {
      const out = simulate({ schema: 'modulon.scenario/1', name: 't', duration: '5w', patient, interventions: iv, tasks, disable });
      if (!out.ok) throw new Error(JSON.stringify(out.errors));
      return out.results.tasks![0]!;
    };
    // Donepezil helps recall only through acetylcholine.
    const ad = { condition: 'alzheimers', severity: 'moderate' };
    const donepezil = [{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h' }];
    expect(with_(ad, donepezil, recallTask, ['cholinergic-memory']).measures).toEqual(with_(ad, [], recallTask, ['cholinergic-memory']).measures);
    expect(with_(ad, donepezil, recallTask, []).measures.recall).toBeGreaterThan(with_(ad, [], recallTask, []).measures.recall!);
    // Without the dopamine hooks a Parkinson's patient learns the selection task like a healthy one.
    const pst = [{ task: 'probabilistic-selection', at: '4w' }];
    const pd = with_({ condition: 'parkinsons', severity: 'moderate' }, [], pst, ['dopamine-learning']);
    expect(pd.state).toMatchObject({ dopamineTonic: 1, dopaminePhasic: 1, d2Signal: 1 });
    expect(pd.measures).toEqual(with_({ condition: 'healthy' }, [], pst, ['dopamine-learning']).measures);
    // Without the noradrenergic hook PTSD acquires fear like a healthy subject.
    const fear = [{ task: 'fear-conditioning', at: '4w' }];
    expect(with_({ condition: 'ptsd', severity: 'moderate' }, [], fear, ['noradrenergic-learning']).measures.cr_acquisition).toBeCloseTo(with_({ condition: 'healthy' }, [], fear, []).measures.cr_acquisition!, 9);
    // Aberrant salience costs an unmedicated schizophrenia patient a tenth of reversal accuracy;
    // without the hook the patient reverses within 0.01 of a healthy subject (what remains is the
    // slightly lower plasticity and reward sensitivity).
    const reversal = [{ task: 'reversal-learning', at: '4w' }];
    const scz = { condition: 'schizophrenia', severity: 'moderate' };
    const healthy = with_({ condition: 'healthy' }, [], reversal, []).measures.reversal_accuracy!;
    expect(healthy - with_(scz, [], reversal, []).measures.reversal_accuracy!).toBeGreaterThan(0.08);
    const noSalience = with_(scz, [], reversal, ['aberrant-salience-learning']);
    expect(noSalience.state.salience).toBe(0);
    expect(Math.abs(healthy - noSalience.measures.reversal_accuracy!)).toBeLessThan(0.01);
    // Serotonin scales learning from losses: an SSRI changes reversal learning through it alone
    // (the other hooks off), and not at all without the serotonergic hook.
    const dep = { condition: 'depression', severity: 'moderate' };
    const ssri = [{ type: 'drug', drug: 'sertraline', dose: '100 mg', every: '24h' }];
    const others = ['plasticity-gated-tasks', 'mood-reward', 'dopamine-learning'];
    const on5ht = with_(dep, ssri, reversal, others);
    expect(on5ht.state.serotonin).toBeGreaterThan(2);
    expect(Math.abs(on5ht.measures.reversal_accuracy! - with_(dep, [], reversal, others).measures.reversal_accuracy!)).toBeGreaterThan(0.05);
    const off5ht = with_(dep, ssri, reversal, [...others, 'serotonergic-learning']);
    expect(off5ht.state.serotonin).toBe(1);
    expect(off5ht.measures).toEqual(with_(dep, [], reversal, [...others, 'serotonergic-learning']).measures);
  });
});
