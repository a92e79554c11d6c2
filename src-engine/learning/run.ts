// One entry point for the paradigms: validate the options, bound the state, seed the generator
// and run. Pure: the same task, options, state and seed give the same outcome, bit for bit.
import { episodicMemory } from './episodic-memory.ts';
import { fearConditioning } from './fear-conditioning.ts';
import { probabilisticSelection } from './probabilistic-selection.ts';
import { streams } from './random.ts';
import { reversalLearning } from './reversal-learning.ts';
import { parseTaskOptions, type TaskOptions, type TaskOptionsInput } from './schema.ts';
import { sleepConsolidation } from './sleep-consolidation.ts';
import { spacing } from './spacing.ts';
import { spatialNavigation } from './spatial-navigation.ts';
import { MODULATORY_FIELDS, type ModulatoryState, type TaskId, type TaskOutcome } from './types.ts';

/** Largest value a state field is read at (× healthy); the slow layer stays far below it. */
export const STATE_CEILING = 10;

/**
 * The state with every field bounded to [0, STATE_CEILING] (nmdaBlock to [0, 1]). A non-finite
 * field is an engine bug upstream, reported as such rather than propagated as NaN.
 */
export function boundState(state: ModulatoryState): ModulatoryState {
  const out = { ...state };
  for (const f of MODULATORY_FIELDS) {
    const v = state[f];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`BUG: modulatory state ${f} is ${String(v)}, expected a finite number`);
    out[f] = Math.min(f === 'nmdaBlock' ? 1 : STATE_CEILING, Math.max(0, v));
  }
  return out;
}

/**
 * Run one paradigm. Options are validated against the task's schema (defaults filled in); an
 * invalid option throws with the field and what was expected (the scenario validates them first,
 * so here that is a programming error).
 */
export function runTask<T extends TaskId>(task: T, options: TaskOptionsInput<T> | undefined, state: ModulatoryState, seed: number): TaskOutcome {
  const parsed = parseTaskOptions(task, options);
  if (!parsed.ok) throw new Error(parsed.error);
  const s = boundState(state);
  const rng = streams(seed);
  const o = parsed.value as TaskOptions;
  switch (task) {
    case 'fear-conditioning':
      return fearConditioning(o as TaskOptions<'fear-conditioning'>, s, rng);
    case 'probabilistic-selection':
      return probabilisticSelection(o as TaskOptions<'probabilistic-selection'>, s, rng);
    case 'episodic-memory':
      return episodicMemory(o as TaskOptions<'episodic-memory'>, s, rng);
    case 'reversal-learning':
      return reversalLearning(o as TaskOptions<'reversal-learning'>, s, rng);
    case 'spatial-navigation':
      return spatialNavigation(o as TaskOptions<'spatial-navigation'>, s, rng);
    case 'sleep-consolidation':
      return sleepConsolidation(o as TaskOptions<'sleep-consolidation'>, s, rng);
    case 'spacing':
      return spacing(o as TaskOptions<'spacing'>, s, rng);
    default:
      throw new Error(`BUG: unknown task ${String(task)}`);
  }
}
