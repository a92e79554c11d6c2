// Parameters of the fast probes (data/circuits/parameters.json), validated on load like the slow
// layer's: every number carries its unit and its source, a calibrated one says what it was
// calibrated to. A parameter is read with the unit the equations expect, so a changed unit in the
// data file fails loudly instead of silently rescaling a model.
import parameters from '../data/circuits/parameters.json' with { type: 'json' };
import { parameterFile, parametersSchema } from '../neuro/data.ts';

export { parametersSchema as circuitParametersSchema };

const loaded = parameterFile(parameters, 'data/circuits/parameters.json', 'circuit');

export const CIRCUIT_PARAMETERS = loaded.table;

/** A parameter's value in the unit the caller's equations use; a missing name or another unit is a programming error. */
export const circuitParam: (name: string, unit: string) => number = loaded.read;
