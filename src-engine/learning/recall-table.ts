// The episodic-memory task's recall over a grid of hippocampal states, for readouts that need it at
// every sample (the ADAS-Cog proxy's word-recall item): the attractor task itself costs tens of
// milliseconds, too much for an hourly series, so it is run once per grid point by
// `node test/tools/recall-table.ts` (fixed seed and options, committed as data/learning/recall-table.json)
// and interpolated here. A test re-runs grid points and requires the same numbers, so the table
// cannot drift from the model.
import table from '../data/learning/recall-table.json' with { type: 'json' };
import { episodicMemory } from './episodic-memory.ts';
import { streams, taskSeed } from './random.ts';
import { HEALTHY_STATE } from './types.ts';

/**
 * Grid: hippocampal synapses (fraction of healthy) × acetylcholine (× healthy), everything else
 * healthy — the plasticity gain too: the task's recall falls steeply with the gain (new items
 * stored weaker than older memories), so steeply that moderate depression (hippocampal gain ≈ 0.75)
 * would recall 40 % of healthy, far beyond the mild memory cost of depression; until that is
 * calibrated, the scale reads the synapse and cholinergic deficits only.
 */
export const RECALL_GRID = {
  synapses: [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1],
  acetylcholine: [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5],
} as const;

/** The task as the table runs it: the default list of 16 items, 12 subjects, the scenario seed 1's first task stream. */
export const RECALL_TABLE_OPTIONS = { items: 16, similarity: 0.6, cueNoise: 0.15, subjects: 12 } as const;
export const RECALL_TABLE_SEED = taskSeed(1, 0);

/** Recall (fraction of items) of the episodic-memory task in a state with these synapses and this ACh. */
export function computeRecall(synapses: number, acetylcholine: number): number {
  const state = { ...HEALTHY_STATE, hippocampalSynapses: synapses, acetylcholine };
  return episodicMemory({ ...RECALL_TABLE_OPTIONS }, state, streams(RECALL_TABLE_SEED)).measures.recall as number;
}

export interface RecallTable {
  synapses: number[];
  acetylcholine: number[];
  /** recall[i][j] at synapses[i], acetylcholine[j]. */
  recall: number[][];
}

export const RECALL_TABLE: Readonly<RecallTable> = table as RecallTable;

function bracket(xs: readonly number[], x: number): [number, number] {
  const last = xs.length - 1;
  if (x <= (xs[0] as number)) return [0, 0];
  if (x >= (xs[last] as number)) return [last, 0];
  let i = 0;
  while ((xs[i + 1] as number) < x) i++;
  return [i, (x - (xs[i] as number)) / ((xs[i + 1] as number) - (xs[i] as number))];
}

/** Recall at a state, bilinear between grid points (held at the grid's edges). */
export function recallAt(synapses: number, acetylcholine: number, t: Readonly<RecallTable> = RECALL_TABLE): number {
  const [i, u] = bracket(t.synapses, synapses);
  const [j, v] = bracket(t.acetylcholine, acetylcholine);
  const i1 = Math.min(i + 1, t.synapses.length - 1);
  const j1 = Math.min(j + 1, t.acetylcholine.length - 1);
  const at = (a: number, b: number) => (t.recall[a] as number[])[b] as number;
  return (at(i, j) * (1 - v) + at(i, j1) * v) * (1 - u) + (at(i1, j) * (1 - v) + at(i1, j1) * v) * u;
}
