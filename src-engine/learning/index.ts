// The learning layer: paradigms as pure, seeded functions of the modulatory state of the moment
// (fear conditioning, probabilistic selection, episodic memory, reversal learning, water maze,
// sleep consolidation, spacing), their option schemas and the shared hooks.
export type { Condition, ModulatoryField, ModulatoryState, TaskId, TaskOutcome } from './types.ts';
export { CONDITIONS, HEALTHY_STATE, MODULATORY_FIELDS, TASK_IDS } from './types.ts';
export { boundState, runTask, STATE_CEILING } from './run.ts';
export type { TaskOptions, TaskOptionsInput } from './schema.ts';
export { parseTaskOptions, TASK_ENTRY_SCHEMAS, TASK_OPTION_SCHEMAS } from './schema.ts';
export { Rng, streams, taskSeed, type RngFactory } from './random.ts';
export { LEARNING_PARAMETERS, learningParam, learningParametersSchema } from './data.ts';
export { achPlasticity, achSuppression, burstGain, d2Availability, dipGain, dopamineParams, dopamineRho, excessTone, hippocampalPlasticity, nmdaFactor, terminalCapacity, type DopamineParams } from './modulation.ts';
export { patternSeparation } from './episodic-memory.ts';
