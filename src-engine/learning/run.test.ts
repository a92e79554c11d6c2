// The learning layer's entry point: the same task, options, state and seed give the same numbers,
// bit for bit; the options are validated. The finiteness sweep over the state range is in
// run.sweep.test.ts; each paradigm's speed is measured in `npm run bench`.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_STATES } from './examples.ts';
import { boundState, runTask } from './run.ts';
import { parseTaskOptions, TASK_ENTRY_SCHEMAS, TASK_OPTION_SCHEMAS } from './schema.ts';
import { CONDITIONS, HEALTHY_STATE, TASK_IDS } from './types.ts';

const H = HEALTHY_STATE;

describe('runTask', () => {
  it.each(TASK_IDS)('%s: the same seed gives identical outcomes', (task) => {
    for (const s of [H, EXAMPLE_STATES.alzheimers, EXAMPLE_STATES.schizophrenia]) {
      const a = runTask(task, {}, s, 77);
      const b = runTask(task, {}, s, 77);
      expect(b).toEqual(a);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
  });

  it.each(TASK_IDS.filter((t) => t !== 'fear-conditioning'))('%s: another seed gives other subjects', (task) => {
    expect(runTask(task, {}, H, 1)).not.toEqual(runTask(task, {}, H, 2));
  });

  it.each(TASK_IDS)('%s: a condition label alone changes nothing', (task) => {
    const h = runTask(task, {}, H, 9);
    for (const condition of CONDITIONS) expect(runTask(task, {}, { ...H, condition }, 9)).toEqual(h);
  });

  it('names the measures the scenario publishes as task.<task>.<measure>', () => {
    const names = Object.fromEntries(TASK_IDS.map((t) => [t, Object.keys(runTask(t, {}, H, 1).measures)]));
    expect(names['fear-conditioning']).toEqual(expect.arrayContaining(['cr_acquisition', 'cr_extinction', 'test_A', 'test_B', 'spontaneous_recovery', 'reinstatement']));
    expect(names['probabilistic-selection']).toEqual(expect.arrayContaining(['choose_a', 'avoid_b', 'training_accuracy']));
    expect(names['episodic-memory']).toEqual(expect.arrayContaining(['recall', 'capacity_ratio']));
    expect(names['reversal-learning']).toEqual(expect.arrayContaining(['acquisition_accuracy', 'reversal_accuracy', 'perseverative_errors']));
    expect(names['spatial-navigation']).toEqual(expect.arrayContaining(['latency_day1', 'latency_final', 'probe_quadrant']));
    expect(names['sleep-consolidation']).toEqual(expect.arrayContaining(['old_memory', 'new_memory']));
    expect(names.spacing).toEqual(expect.arrayContaining(['retention']));
    expect(Object.keys(runTask('probabilistic-selection', {}, H, 1).curves)).toContain('accuracy');
    expect(Object.keys(runTask('spatial-navigation', {}, H, 1).curves)).toContain('latency');
  });

  it('bounds the state and refuses a non-finite field as an upstream bug', () => {
    expect(boundState({ ...H, acetylcholine: -1, dopamineTonic: 50, nmdaBlock: 2 })).toMatchObject({ acetylcholine: 0, dopamineTonic: 10, nmdaBlock: 1 });
    expect(() => runTask('spacing', {}, { ...H, serotonin: Number.NaN }, 1)).toThrow(/BUG: modulatory state serotonin is NaN/);
  });

  it('refuses bad options with the field and what was expected', () => {
    expect(() => runTask('fear-conditioning', { acquisitionTrials: 0 }, H, 1)).toThrow(/fear-conditioning option acquisitionTrials: expected acquisition trials .* from 1 to 100, got 0 \(below 1\)/);
  });
});

describe('task option schemas', () => {
  it('fill the defaults', () => {
    const r = parseTaskOptions('spacing', {});
    expect(r).toEqual({ ok: true, value: { schedule: 'spaced', sessions: 3, gapDays: 1, retentionDays: 7, items: 40 } });
    for (const t of TASK_IDS) expect(TASK_OPTION_SCHEMAS[t].safeParse({}).success).toBe(true);
  });

  it('say what was expected', () => {
    const bad = (task: (typeof TASK_IDS)[number], o: unknown) => {
      const r = parseTaskOptions(task, o);
      return r.ok ? '' : r.error;
    };
    expect(bad('spacing', { schedule: 'crammed' })).toMatch(/schedule: expected a study schedule: one of "spaced", "massed", got "crammed"/);
    expect(bad('probabilistic-selection', { subjects: 2.5 })).toMatch(/subjects: expected simulated subjects from 1 to 1000 as a whole number, got 2.5/);
    expect(bad('reversal-learning', { rewardProbability: 1.2 })).toMatch(/expected the reward probability of the better arm from 0.5 to 1, got 1.2 \(above 1\)/);
    expect(bad('sleep-consolidation', { sleepDeprived: 'yes' })).toMatch(/sleepDeprived: expected whether the first night after learning is lost as true or false, got "yes"/);
    expect(bad('spatial-navigation', { speed: 3 })).toMatch(/speed|Unrecognized|unrecognized/);
    expect(bad('fear-conditioning', { testDelayDays: '1d' })).toMatch(/testDelayDays: expected days from extinction .* as a number, got "1d"/);
  });

  it('take a scenario entry { task, ...options } that the scenario can extend', () => {
    const entry = TASK_ENTRY_SCHEMAS['fear-conditioning'].safeParse({ task: 'fear-conditioning', extinctionContext: 'A' });
    expect(entry.success).toBe(true);
    expect(TASK_ENTRY_SCHEMAS.spacing.safeParse({ task: 'fear-conditioning' }).success).toBe(false);
  });
});
