// Parameters of the learning paradigms (data/learning/parameters.json), validated on load like the
// circuits' and the slow layer's: every number carries its unit and its source, a calibrated one
// says what it was calibrated to. A parameter is read with the unit its equations expect, so a
// changed unit in the data file fails loudly instead of silently rescaling a model.
import parameters from '../data/learning/parameters.json' with { type: 'json' };
import { parameterFile, parametersSchema } from '../neuro/data.ts';

export { parametersSchema as learningParametersSchema };

const loaded = parameterFile(parameters, 'data/learning/parameters.json', 'learning');

export const LEARNING_PARAMETERS = loaded.table;

/** A parameter's value in the unit the caller's equations use; a missing name or another unit is a programming error. */
export const learningParam: (name: string, unit: string) => number = loaded.read;
