// A scenario's learning tasks on its timeline: each runs at its time from the modulatory state of
// that moment, seeded from the scenario's seed and the task's place in the list (same scenario,
// same numbers), and publishes its measures as `task.<task>.<measure>` series and its curves.
import type { Series } from '../results.ts';
import type { TaskEntry } from '../scenario.ts';
import { taskSeed } from './random.ts';
import { runTask } from './run.ts';
import type { ModulatoryState, TaskId } from './types.ts';

/** One task run as the results carry it. */
export interface TaskRun {
  task: TaskId;
  /** Hours from the start. */
  t: number;
  /** Index of the task in the scenario's list. */
  index: number;
  measures: Record<string, number>;
  /** Learning curves (per trial, block or day, as each paradigm documents). */
  curves: Record<string, number[]>;
  /** The modulatory state the task read (what the task panel shows and the chain explains). */
  state: ModulatoryState;
}

export function runScenarioTask(entry: TaskEntry, index: number, t: number, state: ModulatoryState, seed: number): TaskRun {
  const { task, at: _at, ...options } = entry;
  const outcome = runTask(task, options as never, state, taskSeed(seed, index));
  return { task, t, index, measures: outcome.measures, curves: outcome.curves, state };
}

/** Units of task measures by name. Fear responses are in units of the healthy asymptote and can exceed 1. */
export function measureUnit(task: TaskId, measure: string): string {
  if (measure.startsWith('latency')) return 's';
  if (measure.endsWith('_errors')) return 'count';
  if (measure === 'capacity_ratio') return 'patterns per neuron';
  if (measure === 'recall_overlap') return 'overlap (−1 to 1)';
  if (task === 'fear-conditioning' && measure !== 'extinction_retention') return '× healthy asymptote';
  return 'fraction';
}

/** The measures as sparse series, one point per run of the task (runs sorted by time). */
export function taskSeries(runs: readonly TaskRun[]): Record<string, Series> {
  const series: Record<string, Series> = {};
  for (const run of runs) {
    for (const [measure, value] of Object.entries(run.measures)) {
      const name = `task.${run.task}.${measure}`;
      const s = (series[name] ??= { unit: measureUnit(run.task, measure), t: [], v: [] });
      s.t.push(run.t);
      s.v.push(value);
    }
  }
  return series;
}
