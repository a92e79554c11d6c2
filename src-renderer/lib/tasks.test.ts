// Learning tasks in the editor and the results panel: fields from the engine's schemas (ranges,
// units, defaults), the document mapping, errors at the field in both languages, the panel's
// measures, curves and state, and a name in each language for everything the engine returns.
import { describe, expect, it } from 'vitest';
import { parseScenario, simulate, type Results } from '../../src-engine/index.ts';
import { TASK_OPTION_SCHEMAS } from '../../src-engine/learning/index.ts';
import { fromDoc, newDraft, toDoc, type Draft } from './draft.ts';
import { localise } from './messages.ts';
import { tasksEn, tasksZh } from './strings-tasks.ts';
import { CURVE_AXES, curvesOf, formatMeasure, TASK_STATE, taskGroups } from './task-data.ts';
import { newTask, optionValue, TASK_IDS, taskEntry, taskFields, taskRowOf, unitOf, type TaskRow } from './tasks.ts';

const ad = (tasks: TaskRow[], extra: Partial<Draft> = {}): Draft => ({ ...newDraft(), duration: '8w', tasks, ...extra });
const errorsOf = (draft: Draft) => {
  const parsed = parseScenario(toDoc(draft));
  return parsed.ok ? [] : parsed.errors;
};

describe('task rows', () => {
  it("offers every paradigm's options with the engine's ranges, units and defaults", () => {
    for (const task of TASK_IDS) {
      const shape = TASK_OPTION_SCHEMAS[task].shape as Record<string, { description?: string }>;
      const fields = taskFields(task);
      expect(fields.map((f) => f.key)).toEqual(Object.keys(shape));
      for (const f of fields) {
        const description = shape[f.key]?.description ?? '';
        if (f.kind === 'number') expect(description).toContain(`${f.range[0]}–${f.range[1]}${f.unit ? ` ${f.unit}` : ''} (default ${f.default})`);
        else expect(description).toContain(`(default ${JSON.stringify(f.default)})`);
      }
    }
    expect(taskFields('episodic-memory')[0]).toEqual({ key: 'items', kind: 'number', range: [2, 40], unit: '', integer: true, default: 16 });
    expect(taskFields('spatial-navigation').find((f) => f.key === 'maxTrialSeconds')).toMatchObject({ unit: 's', range: [10, 180] });
    expect(taskFields('fear-conditioning').find((f) => f.key === 'extinctionContext')).toEqual({ key: 'extinctionContext', kind: 'choice', choices: ['A', 'B'], default: 'B' });
    expect(taskFields('sleep-consolidation').find((f) => f.key === 'sleepDeprived')).toEqual({ key: 'sleepDeprived', kind: 'flag', default: false });
    expect(unitOf('days from extinction to the tests in A, B and C, 0–30 d (default 1)')).toBe('d');
    expect(unitOf('simulated subjects, 1–50 (default 2)')).toBe('');
  });

  it('adds each paradigm at the end of the scenario with defaults the engine accepts', () => {
    for (const task of TASK_IDS) {
      const row = newTask(task, '8w');
      expect(taskEntry(row)).toEqual({ task, at: '8w' });
      expect(errorsOf(ad([row]))).toEqual([]);
    }
    const row = newTask('sleep-consolidation', '8w');
    expect(optionValue(row, taskFields('sleep-consolidation').find((f) => f.key === 'replay')!)).toBe(true);
    expect(optionValue(row, taskFields('sleep-consolidation').find((f) => f.key === 'items')!)).toBe('');
  });

  it('writes typed numbers as numbers, leaves empty ones to the default, and reads them back', () => {
    const row: TaskRow = { task: 'fear-conditioning', at: '4w', options: { acquisitionTrials: '12', extinctionTrials: ' ', extinctionContext: 'A', reinforcement: '0.5' } };
    expect(taskEntry(row)).toEqual({ task: 'fear-conditioning', at: '4w', acquisitionTrials: 12, extinctionContext: 'A', reinforcement: 0.5 });
    const doc = toDoc(ad([row, { task: 'sleep-consolidation', at: '2w', options: { sleepDeprived: true } }]));
    expect(doc.tasks).toEqual([
      { task: 'fear-conditioning', at: '4w', acquisitionTrials: 12, extinctionContext: 'A', reinforcement: 0.5 },
      { task: 'sleep-consolidation', at: '2w', sleepDeprived: true },
    ]);
    const back = fromDoc(doc);
    expect(back.tasks[0]).toEqual({ task: 'fear-conditioning', at: '4w', options: { acquisitionTrials: '12', extinctionContext: 'A', reinforcement: '0.5' } });
    expect(toDoc(back)).toEqual(doc);
    // No tasks: no `tasks` member, even when the opened document had some.
    expect(toDoc({ ...back, tasks: [] })).not.toHaveProperty('tasks');
  });

  it('names a bad option, a time beyond the scenario and an unknown key at their paths, in English and Chinese', () => {
    const errors = errorsOf(ad([{ task: 'episodic-memory', at: '9w', options: { items: '50', cueNoise: 'lots' } }]));
    const at = (path: string) => errors.find((e) => e.path === path)?.message ?? '';
    expect(at('tasks[0].items')).toBe('expected items studied (in pairs of similar items) from 2 to 40, got 50 (above 40)');
    expect(localise(at('tasks[0].items'), 'zh')).toBe('超出范围：应为 2–40，当前为 50（高于上限）');
    expect(localise(at('tasks[0].cueNoise'), 'zh')).toBe('应为数字（0–0.5），当前为 "lots"');
    // The time is checked against the duration once the options are valid (the engine's refinement).
    const late = errorsOf(ad([{ task: 'episodic-memory', at: '9w', options: {} }]));
    expect(late).toEqual([{ path: 'tasks[0].at', message: 'expected a task time within the scenario (8w), got "9w"' }]);
    expect(localise(late[0]!.message, 'zh')).toBe('任务时间应在情景时长（8w）以内，当前为 "9w"');
    const opened = fromDoc({ ...toDoc(ad([])), tasks: [{ task: 'spacing', at: '1w', trials: 3 } as never] });
    expect(opened.tasks[0]).toMatchObject({ task: 'spacing', extra: { trials: 3 } });
    expect(errorsOf(opened).map((e) => e.path)).toEqual(['tasks[0]']);
  });

  it('has a name in both languages for every paradigm, option, choice, measure and curve', () => {
    for (const strings of [tasksEn, tasksZh]) {
      for (const task of TASK_IDS) {
        expect(strings.taskNames[task]).toBeTruthy();
        expect(strings.taskNotes[task]).toBeTruthy();
        expect(strings.taskExplain[task]).toBeTruthy();
        for (const f of taskFields(task)) {
          expect(strings.taskOptions[`${task}.${f.key}`] ?? strings.taskOptions[f.key], `${task}.${f.key}`).toBeTruthy();
          if (f.kind === 'choice') for (const c of f.choices) expect(strings.taskChoices[c]).toBeTruthy();
        }
        const axes = CURVE_AXES[task];
        if (axes) expect([strings.curveX[axes.x], strings.curveY[axes.y]].every(Boolean)).toBe(true);
      }
    }
    expect(Object.keys(tasksZh.measureNames).sort()).toEqual(Object.keys(tasksEn.measureNames).sort());
  });
});

describe('task panel', () => {
  const doc = {
    ...toDoc(ad([], { condition: 'parkinsons', severity: 'moderate', duration: '2w', rows: [] })),
    tasks: [
      { task: 'reversal-learning', at: '1w', subjects: 20 },
      { task: 'probabilistic-selection', at: '1w', subjects: 10 },
      { task: 'reversal-learning', at: '2d', subjects: 20 },
      { task: 'episodic-memory', at: '1d', subjects: 1 },
      { task: 'fear-conditioning', at: '1d' },
    ],
  };
  const out = simulate(doc);
  const results = (out.ok ? out.results : undefined) as Results;

  it('groups the runs by paradigm, each by time, with measures, units and a name for each', () => {
    const groups = taskGroups(results);
    expect(groups.map((g) => g.task)).toEqual(['episodic-memory', 'fear-conditioning', 'reversal-learning', 'probabilistic-selection']);
    const reversal = groups.find((g) => g.task === 'reversal-learning')!;
    expect(reversal.runs.map((r) => [r.index, r.t])).toEqual([[2, 48], [0, 168]]);
    expect(reversal.measureNames).toEqual(['acquisition_accuracy', 'reversal_accuracy', 'perseverative_errors']);
    expect(reversal.runs[0]!.measures.find((m) => m.name === 'perseverative_errors')?.unit).toBe('count');
    for (const g of groups) for (const m of g.measureNames) for (const strings of [tasksEn, tasksZh]) expect(strings.measureNames[`${g.task}.${m}`], m).toBeTruthy();
    for (const g of groups) for (const r of g.runs) for (const m of r.measures) expect(tasksEn.measureUnits[m.unit], m.unit).toBeDefined();
  });

  it("draws each curve on its paradigm's axis, with the reversal and the start of extinction marked", () => {
    const groups = taskGroups(results);
    const reversal = groups.find((g) => g.task === 'reversal-learning')!.runs[0]!;
    expect(reversal.curves[0]!.points.slice(0, 2).map((p) => p.x)).toEqual([10, 20]);
    expect(reversal.marks).toEqual([{ x: 80, kind: 'reversal' }]);
    expect(Math.max(...reversal.curves[0]!.points.map((p) => p.y))).toBeLessThanOrEqual(100);
    const fear = groups.find((g) => g.task === 'fear-conditioning')!.runs[0]!;
    expect(fear.curves.map((c) => [c.curve, c.points[0]?.x, c.points.length])).toEqual([['acquisition', 1, 10], ['extinction', 11, 20]]);
    expect(fear.marks).toEqual([{ x: 10.5, kind: 'extinction' }]);
    expect(groups.find((g) => g.task === 'episodic-memory')!.runs[0]!.curves).toEqual([]);
    expect(curvesOf('sleep-consolidation', { old_memory: [1, 0.9], new_memory: [0.8, 0.7] }, {}).curves.map((c) => [c.curve, c.points])).toEqual([
      ['old_memory', [{ x: 0, y: 100 }, { x: 1, y: 90 }]],
      ['new_memory', [{ x: 0, y: 80 }, { x: 1, y: 70 }]],
    ]);
  });

  it("shows the state the paradigm reads, from the run's series at the task's time", () => {
    const pst = taskGroups(results).find((g) => g.task === 'probabilistic-selection')!;
    expect(pst.stateNames).toEqual(TASK_STATE['probabilistic-selection']);
    const dopamine = results.series['nt.dopamine.striatum']!;
    const k = dopamine.t.indexOf(168);
    expect(pst.runs[0]!.state[0]).toEqual({ name: 'nt.dopamine.striatum', unit: 'ratio', value: dopamine.v[k] });
    // Parkinson's: low striatal dopamine, nigral neurons lost.
    expect(pst.runs[0]!.state[0]!.value).toBeLessThan(0.7);
    expect(pst.runs[0]!.state[1]!.value).toBeLessThan(0.7);
    // No drug on NMDA: its occupancy is not a series and is left out.
    expect(taskGroups(results).find((g) => g.task === 'episodic-memory')!.stateNames).not.toContain('target.NMDA.occupancy');
  });

  it('formats measures as a reader reads them', () => {
    expect(formatMeasure(0.71875, 'fraction')).toBe('71.9 %');
    expect(formatMeasure(42.525, 's')).toBe('42.5');
    expect(formatMeasure(0.107, 'patterns per neuron')).toBe('0.107');
    expect(tasksEn.taskWhen(28 * 24)).toBe('on day 28');
    expect(tasksZh.taskWhen(28 * 24)).toBe('第 28 天');
    expect(tasksEn.taskWhen(12)).toBe('at 12 h');
  });
});
