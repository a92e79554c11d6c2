// Options of the learning paradigms as zod schemas (one per task, every field optional with its
// default), so a scenario can hold `{ task, at, ...options }`; every range error says what was
// expected and what came.
import { z } from 'zod';
import { learningParam } from './data.ts';
import type { TaskId } from './types.ts';

const show = (v: unknown): string => (typeof v === 'number' ? String(v) : v === undefined ? 'nothing' : (JSON.stringify(v) ?? typeof v));

/** A number in [min, max] (in `unit`) with a default; every failure says what was expected and what came. */
function ranged(what: string, min: number, max: number, def: number, unit = '', opts: { int?: boolean } = {}) {
  const expected = `${what} from ${min} to ${max}${unit ? ` ${unit}` : ''}`;
  let n = z.number({ error: (iss) => `expected ${expected} as a number, got ${show(iss.input)}` });
  if (opts.int) n = n.int({ error: (iss) => `expected ${expected} as a whole number, got ${show(iss.input)}` });
  return n
    .min(min, { error: (iss) => `expected ${expected}, got ${show(iss.input)} (below ${min})` })
    .max(max, { error: (iss) => `expected ${expected}, got ${show(iss.input)} (above ${max})` })
    .default(def)
    .meta({ description: `${what}, ${min}–${max}${unit ? ` ${unit}` : ''} (default ${def})` });
}

function flag(what: string, def: boolean) {
  return z
    .boolean({ error: (iss) => `expected ${what} as true or false, got ${show(iss.input)}` })
    .default(def)
    .meta({ description: `${what} (default ${def})` });
}

function oneOf<T extends readonly [string, ...string[]]>(values: T, what: string, def: T[number]) {
  const list = values.map((v) => JSON.stringify(v)).join(', ');
  return z
    .enum(values, { error: (iss) => `expected ${what}: one of ${list}, got ${show(iss.input)}` })
    .default(def as never)
    .meta({ description: `${what}: ${list} (default ${JSON.stringify(def)})` });
}

export const fearConditioningOptions = z.strictObject({
  acquisitionTrials: ranged('acquisition trials (CS–US pairings in context A)', 1, 100, 10, '', { int: true }),
  extinctionTrials: ranged('extinction trials (CS alone)', 0, 200, 20, '', { int: true }),
  reinforcement: ranged('the fraction of acquisition trials with a US', 0, 1, 1),
  extinctionContext: oneOf(['A', 'B'] as const, 'the extinction context ("B": ABA renewal design, "A": AAA)', 'B'),
  contextSimilarity: ranged('the similarity of two different contexts', 0, 1, learningParam('fear.contextSimilarity', 'fraction')),
  testDelayDays: ranged('days from extinction to the tests in A, B and C', 0, 30, 1, 'd'),
  recoveryDelayDays: ranged('days from extinction to the spontaneous-recovery test', 0, 365, 7, 'd'),
  reinstatementShocks: ranged('unsignalled USs before the reinstatement test', 0, 20, 4, '', { int: true }),
});

export const probabilisticSelectionOptions = z.strictObject({
  blockTrials: ranged('training trials per block (a third per pair)', 6, 300, 60, '', { int: true }),
  maxBlocks: ranged('training blocks at most', 1, 20, 6, '', { int: true }),
  criterion: flag('whether training stops once every pair reaches its criterion (AB 65 %, CD 60 %, EF 50 %)', true),
  subjects: ranged('simulated subjects', 1, 1000, 100, '', { int: true }),
});

export const episodicMemoryOptions = z.strictObject({
  items: ranged('items studied (in pairs of similar items)', 2, 40, 16, '', { int: true }),
  similarity: ranged('the overlap of the inputs of two similar items', 0, 1, learningParam('episodic.similarity', 'overlap')),
  cueNoise: ranged('the fraction of wrong units in a recall cue', 0, 0.5, learningParam('episodic.cueNoise', 'fraction')),
  subjects: ranged('simulated subjects', 1, 50, 2, '', { int: true }),
});

export const reversalLearningOptions = z.strictObject({
  acquisitionTrials: ranged('trials before the reversal', 10, 500, 80, '', { int: true }),
  reversalTrials: ranged('trials after the reversal', 10, 500, 80, '', { int: true }),
  rewardProbability: ranged('the reward probability of the better arm', 0.5, 1, 0.8),
  blockTrials: ranged('trials per point of the accuracy curve', 1, 100, 10, '', { int: true }),
  subjects: ranged('simulated subjects', 1, 2000, 200, '', { int: true }),
});

export const spatialNavigationOptions = z.strictObject({
  days: ranged('training days', 1, 20, 5, 'd', { int: true }),
  trialsPerDay: ranged('trials per day', 1, 8, 4, '', { int: true }),
  maxTrialSeconds: ranged('the longest swim of a trial', 10, 180, 60, 's'),
  probeSeconds: ranged('the length of the probe trial', 10, 180, 60, 's'),
  subjects: ranged('simulated subjects', 1, 50, 4, '', { int: true }),
});

export const sleepConsolidationOptions = z.strictObject({
  items: ranged('associations in the old and in the new set', 1, 16, 6, '', { int: true }),
  days: ranged('days (nights) from learning to the test', 1, 30, 7, 'd', { int: true }),
  interleaved: flag('whether old memories are replayed with the new ones', true),
  replay: flag('whether sleep replay happens at all', true),
  sleepDeprived: flag('whether the first night after learning is lost', false),
  subjects: ranged('simulated subjects', 1, 50, 6, '', { int: true }),
});

export const spacingOptions = z.strictObject({
  schedule: oneOf(['spaced', 'massed'] as const, 'a study schedule', 'spaced'),
  sessions: ranged('study sessions', 1, 10, 3, '', { int: true }),
  gapDays: ranged('days between spaced sessions', 0.5, 30, 1, 'd'),
  retentionDays: ranged('days from the last session to the test', 0, 365, 7, 'd'),
  items: ranged('items studied', 1, 200, 40, '', { int: true }),
});

export const TASK_OPTION_SCHEMAS = {
  'fear-conditioning': fearConditioningOptions,
  'probabilistic-selection': probabilisticSelectionOptions,
  'episodic-memory': episodicMemoryOptions,
  'reversal-learning': reversalLearningOptions,
  'spatial-navigation': spatialNavigationOptions,
  'sleep-consolidation': sleepConsolidationOptions,
  spacing: spacingOptions,
} as const satisfies Record<TaskId, z.ZodObject>;

/** Options as written in a scenario (every field optional). */
export type TaskOptionsInput<T extends TaskId = TaskId> = z.input<(typeof TASK_OPTION_SCHEMAS)[T]>;
/** Options with every default filled in. */
export type TaskOptions<T extends TaskId = TaskId> = z.output<(typeof TASK_OPTION_SCHEMAS)[T]>;

/**
 * The option schema of each task as a scenario entry `{ task: "<id>", ...options }`; the scenario
 * adds its own fields (e.g. `at`) with `.extend`.
 */
export const TASK_ENTRY_SCHEMAS = {
  'fear-conditioning': fearConditioningOptions.extend({ task: z.literal('fear-conditioning') }),
  'probabilistic-selection': probabilisticSelectionOptions.extend({ task: z.literal('probabilistic-selection') }),
  'episodic-memory': episodicMemoryOptions.extend({ task: z.literal('episodic-memory') }),
  'reversal-learning': reversalLearningOptions.extend({ task: z.literal('reversal-learning') }),
  'spatial-navigation': spatialNavigationOptions.extend({ task: z.literal('spatial-navigation') }),
  'sleep-consolidation': sleepConsolidationOptions.extend({ task: z.literal('sleep-consolidation') }),
  spacing: spacingOptions.extend({ task: z.literal('spacing') }),
} as const satisfies Record<TaskId, z.ZodObject>;

/** Validate a task's options and fill the defaults; the error names the field and what was expected. */
export function parseTaskOptions<T extends TaskId>(task: T, options: unknown): { ok: true; value: TaskOptions<T> } | { ok: false; error: string } {
  const schema = TASK_OPTION_SCHEMAS[task] as unknown as z.ZodType<TaskOptions<T>>;
  const parsed = schema.safeParse(options ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : '(options)';
  return { ok: false, error: `${task} option ${path}: ${issue?.message ?? 'invalid'}` };
}
