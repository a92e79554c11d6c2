// Parameters of the learning paradigms (data/learning/parameters.json), validated on load like the
// circuits' and the slow layer's: every number carries its unit and its source, a calibrated one
// says what it was calibrated to. A parameter is read with the unit its equations expect, so a
// changed unit in the data file fails loudly instead of silently rescaling a model.
import parameters from '../data/learning/parameters.json' with { type: 'json' };
import { parametersSchema, type NeuroQuantity } from '../neuro/data.ts';

export { parametersSchema as learningParametersSchema };

function load(): Readonly<Record<string, NeuroQuantity>> {
  const parsed = parametersSchema.safeParse(parameters);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`data/learning/parameters.json is invalid at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

export const LEARNING_PARAMETERS: Readonly<Record<string, NeuroQuantity>> = load();

/** A parameter's value in the unit the caller's equations use; a missing name or another unit is a programming error. */
export function learningParam(name: string, unit: string): number {
  const q = LEARNING_PARAMETERS[name];
  if (q === undefined) throw new Error(`BUG: learning parameter ${name} is missing from data/learning/parameters.json`);
  if (q.unit !== unit) throw new Error(`BUG: learning parameter ${name} is in ${q.unit}, the model expects ${unit}`);
  return q.value;
}
