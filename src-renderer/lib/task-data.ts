// What the learning-task panel shows: the runs of each paradigm with their measures (units from the
// engine), their learning curves on the paradigm's own axis (trials, blocks or days), and the brain
// state the run published at each task's time for the quantities the paradigm reads (pure, tested).
import { measureUnit } from '../../src-engine/learning/plan.ts';
import type { TaskId } from '../../src-engine/learning/index.ts';
import type { Results } from '../../src-engine/results.ts';
import { valueAt } from './circuit-data.ts';
import type { Point } from './chart-data.ts';

/** Series that carry the modulatory state each paradigm reads (src-engine/learning/*.ts; NeuroModel.modulatoryState). */
export const TASK_STATE: Record<TaskId, readonly string[]> = {
  'fear-conditioning': ['nt.noradrenaline.amygdala', 'plasticity.gain', 'plasticity.gain.hippocampus'],
  'probabilistic-selection': ['nt.dopamine.striatum', 'disease.nigral_neurons', 'receptor.D2.signal', 'circuit.salience.aberrant'],
  'episodic-memory': ['nt.acetylcholine.hippocampus', 'disease.synapses', 'plasticity.spines.hippocampus', 'plasticity.neurogenesis', 'plasticity.gain.hippocampus', 'target.NMDA.occupancy', 'circuit.salience.aberrant'],
  'reversal-learning': ['nt.dopamine.striatum', 'disease.nigral_neurons', 'receptor.D2.signal', 'nt.serotonin.cortex', 'plasticity.gain', 'circuit.salience.aberrant'],
  'spatial-navigation': ['plasticity.gain.hippocampus', 'nt.acetylcholine.hippocampus', 'target.NMDA.occupancy', 'disease.synapses', 'plasticity.spines.hippocampus'],
  'sleep-consolidation': ['nt.acetylcholine.hippocampus', 'plasticity.gain.hippocampus', 'plasticity.gain', 'target.NMDA.occupancy', 'disease.synapses', 'plasticity.spines.hippocampus'],
  spacing: ['plasticity.gain.hippocampus', 'plasticity.gain', 'nt.acetylcholine.hippocampus', 'target.NMDA.occupancy', 'disease.synapses', 'plasticity.spines.hippocampus'],
};

/** What a paradigm also reads that the run does not publish as a series (keys of the i18n table `taskUnpublished`). */
export const TASK_UNPUBLISHED: Partial<Record<TaskId, 'reward' | 'extinction'>> = {
  'probabilistic-selection': 'reward',
  'reversal-learning': 'reward',
  'fear-conditioning': 'extinction',
};

/** The axes of a paradigm's learning curves (keys of the i18n tables `curveX` and `curveY`). */
export const CURVE_AXES: Record<TaskId, { x: 'trial' | 'block' | 'day' | 'night' | 'studyDay'; y: 'fear' | 'accuracy' | 'latency' | 'recall' } | undefined> = {
  'fear-conditioning': { x: 'trial', y: 'fear' },
  'probabilistic-selection': { x: 'block', y: 'accuracy' },
  'episodic-memory': undefined,
  'reversal-learning': { x: 'trial', y: 'accuracy' },
  'spatial-navigation': { x: 'day', y: 'latency' },
  'sleep-consolidation': { x: 'night', y: 'recall' },
  spacing: { x: 'studyDay', y: 'recall' },
};

export interface Measure {
  name: string;
  unit: string;
  value: number;
}

export interface CurveLine {
  /** Curve name (`acquisition`, `accuracy`, ...). */
  curve: string;
  points: Point[];
}

export interface TaskRunView {
  /** Index of the task in the scenario. */
  index: number;
  /** Hours from the start. */
  t: number;
  measures: Measure[];
  curves: CurveLine[];
  /** Where the curve changes phase (x): the reversal, the start of extinction. */
  marks: Array<{ x: number; kind: 'reversal' | 'extinction' }>;
  /** The state read at the task's time, from the published series. */
  state: Measure[];
}

export interface TaskGroup {
  task: TaskId;
  runs: TaskRunView[];
  /** Measure names in the order the engine returns them (the rows of the table). */
  measureNames: string[];
  /** State series shown (the rows of the state table). */
  stateNames: string[];
}

/** Fractions of 0–1 for a curve in percent (accuracy, recall); other curves as they are. */
const percent = (y: 'fear' | 'accuracy' | 'latency' | 'recall') => y === 'accuracy' || y === 'recall';

/** A run's curves on its paradigm's axis, with the options the engine ran it with. */
export function curvesOf(task: TaskId, curves: Record<string, number[]>, options: Record<string, unknown>): Pick<TaskRunView, 'curves' | 'marks'> {
  const axes = CURVE_AXES[task];
  if (!axes) return { curves: [], marks: [] };
  const scale = percent(axes.y) ? 100 : 1;
  const line = (curve: string, x: (i: number) => number): CurveLine => ({ curve, points: (curves[curve] ?? []).map((v, i) => ({ x: x(i), y: v * scale })) });
  switch (task) {
    case 'fear-conditioning': {
      const n = curves.acquisition?.length ?? 0;
      return { curves: [line('acquisition', (i) => i + 1), line('extinction', (i) => n + i + 1)], marks: n > 0 ? [{ x: n + 0.5, kind: 'extinction' }] : [] };
    }
    case 'reversal-learning': {
      const block = Number(options.blockTrials ?? 10);
      const reversal = Number(options.acquisitionTrials ?? 0);
      return { curves: [line('accuracy', (i) => (i + 1) * block)], marks: reversal > 0 ? [{ x: reversal, kind: 'reversal' }] : [] };
    }
    case 'probabilistic-selection':
    case 'spatial-navigation':
      return { curves: Object.keys(curves).map((c) => line(c, (i) => i + 1)), marks: [] };
    default:
      return { curves: Object.keys(curves).map((c) => line(c, (i) => i)), marks: [] };
  }
}

/** The task runs of a result, grouped by paradigm in the order they first appear, each group's runs by time. */
export function taskGroups(results: Results): TaskGroup[] {
  const groups = new Map<TaskId, TaskGroup>();
  const entries = (results.scenario.tasks ?? []) as unknown as Array<Record<string, unknown>>;
  for (const run of [...(results.tasks ?? [])].sort((a, b) => a.t - b.t || a.index - b.index)) {
    const group = groups.get(run.task) ?? { task: run.task, runs: [], measureNames: Object.keys(run.measures), stateNames: TASK_STATE[run.task].filter((n) => results.series[n] !== undefined) };
    groups.set(run.task, group);
    const { task: _task, at: _at, ...options } = entries[run.index] ?? {};
    group.runs.push({
      index: run.index,
      t: run.t,
      measures: Object.entries(run.measures).map(([name, value]) => ({ name, unit: measureUnit(run.task, name), value })),
      ...curvesOf(run.task, run.curves, options),
      state: group.stateNames.map((name) => {
        const s = results.series[name]!;
        return { name, unit: s.unit, value: valueAt(s, run.t) };
      }),
    });
  }
  return [...groups.values()];
}

/** A measure's value as a reader reads it: fractions in percent, seconds and counts to one decimal. */
export function formatMeasure(value: number, unit: string): string {
  if (unit === 'fraction') return `${(value * 100).toFixed(1)} %`;
  if (unit === 's' || unit === 'count') return value.toFixed(1);
  return Number(value.toPrecision(3)).toString();
}
