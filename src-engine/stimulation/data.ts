// Parameters of the stimulation devices (data/stimulation/parameters.json), validated on load:
// every number carries its unit and its source; a calibrated one says what it was calibrated to.
import { z } from 'zod';
import parameters from '../data/stimulation/parameters.json' with { type: 'json' };

const source = z.string().min(10, 'every parameter needs a source');
const quantity = z.strictObject({ value: z.number().finite(), unit: z.string().min(1), source });
/** A tabulated function: `value[i]` at `at[i]` (strictly increasing); `null` where the source gives no limit. */
const table = z
  .strictObject({
    at: z.array(z.number().finite()).min(2),
    atUnit: z.string().min(1),
    value: z.array(z.number().finite().nullable()).min(2),
    unit: z.string().min(1),
    source,
  })
  .refine((t) => t.at.length === t.value.length, 'expected as many values as abscissae')
  .refine((t) => t.at.every((x, i) => i === 0 || x > (t.at[i - 1] as number)), 'expected strictly increasing abscissae');

export type StimulationQuantity = z.infer<typeof quantity>;
export type StimulationTable = z.infer<typeof table>;

export const stimulationParametersSchema = z.record(z.string(), z.union([quantity, table]));

function load(raw: unknown): Readonly<Record<string, StimulationQuantity | StimulationTable>> {
  const parsed = stimulationParametersSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`data/stimulation/parameters.json is invalid at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

export const STIMULATION_PARAMETERS = load(parameters);

const used = new Set<string>();
/** Names read so far (the data test checks that no entry of the file is left unread). */
export function usedParameters(): ReadonlySet<string> {
  return used;
}

/** A scalar parameter's value; an unknown name is a programming error caught when the module loads. */
export function param(name: string): number {
  used.add(name);
  const q = STIMULATION_PARAMETERS[name];
  if (q === undefined || 'at' in q) throw new Error(`BUG: stimulation parameter ${name} is missing from data/stimulation/parameters.json or is a table`);
  return q.value;
}

/** A tabulated parameter; an unknown name is a programming error. */
export function tableOf(name: string): StimulationTable {
  used.add(name);
  const q = STIMULATION_PARAMETERS[name];
  if (q === undefined || !('at' in q)) throw new Error(`BUG: stimulation table ${name} is missing from data/stimulation/parameters.json`);
  return q;
}
