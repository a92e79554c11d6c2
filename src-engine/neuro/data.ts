// Data of the slow neuromodulatory layer: its parameters (data/neuro/parameters.json) and the
// condition profiles (data/conditions/*.json), validated on load. Every number carries its unit
// and its source; a calibrated one says what it was calibrated to.
import { z } from 'zod';
import parameters from '../data/neuro/parameters.json' with { type: 'json' };
import alzheimers from '../data/conditions/alzheimers.json' with { type: 'json' };
import bipolar from '../data/conditions/bipolar.json' with { type: 'json' };
import depression from '../data/conditions/depression.json' with { type: 'json' };
import healthy from '../data/conditions/healthy.json' with { type: 'json' };
import parkinsons from '../data/conditions/parkinsons.json' with { type: 'json' };
import ptsd from '../data/conditions/ptsd.json' with { type: 'json' };
import schizophrenia from '../data/conditions/schizophrenia.json' with { type: 'json' };
import type { Patient } from '../scenario.ts';

const quantity = z.strictObject({ value: z.number().finite(), unit: z.string().min(1), source: z.string().min(10, 'every parameter needs a source') });
export type NeuroQuantity = z.infer<typeof quantity>;

/** The knobs a condition can turn, with the healthy value each defaults to. */
export const KNOB_DEFAULTS = {
  /** Surviving nigral dopamine neurons (fraction). */
  nigralNeurons: 1,
  /** Surviving basal forebrain cholinergic neurons (fraction). */
  cholinergicNeurons: 1,
  /** Hippocampal/cortical synapses left by Alzheimer's pathology (fraction). */
  hippocampalSynapses: 1,
  /** HPA-axis stress load (× healthy). */
  stressLoad: 1,
  /** Associative-striatal presynaptic dopamine (× healthy). */
  dopamineExcess: 1,
  /** Locus coeruleus activity (× healthy). */
  lcActivity: 1,
  /** vmPFC extinction capacity (fraction of healthy). */
  extinctionCapacity: 1,
  /** Strength of an expressed trauma memory (0 = none). */
  fearLoad: 0,
  /** Propensity to switch into (hypo)mania (0 = none). */
  switchPropensity: 0,
  /** Coupling of serotonin to BDNF (× typical; lower in treatment-resistant depression). */
  serotoninBdnfCoupling: 1,
} as const;
export type KnobId = keyof typeof KNOB_DEFAULTS;
export type Knobs = Record<KnobId, number>;
const KNOB_IDS = Object.keys(KNOB_DEFAULTS) as [KnobId, ...KnobId[]];

const localized = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });
const knobSchema = z.strictObject({ mild: z.number().finite(), moderate: z.number().finite(), severe: z.number().finite(), unit: z.string().min(1), source: z.string().min(10) });

export const conditionSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+$/),
  name: localized,
  description: localized,
  /** Knob values at each severity; numeric severities interpolate (0 = healthy, mild 0.25, moderate 0.5, severe 0.75, 1 extrapolates). */
  knobs: z.partialRecord(z.enum(KNOB_IDS), knobSchema),
  /** Knob changes with `treatmentResistant: true` (multiplier for couplings, addition for loads). */
  treatmentResistant: z.partialRecord(z.enum(KNOB_IDS), quantity).optional(),
  /** Exponential loss per year of a knob (disease progression). */
  progression: z.partialRecord(z.enum(KNOB_IDS), quantity),
});
export type Condition = z.infer<typeof conditionSchema>;

function parse<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${what} is invalid at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

export const parametersSchema = z.record(z.string(), quantity);

export const NEURO_PARAMETERS: Readonly<Record<string, NeuroQuantity>> = parse(parametersSchema, parameters, 'data/neuro/parameters.json');

/**
 * Another layer's parameter file of `{ value, unit, source }` entries (circuits, learning), validated
 * on load; each parameter is read with the unit its equations expect, so a changed unit in the data
 * file fails loudly instead of silently rescaling a model.
 */
export function parameterFile(raw: unknown, file: string, layer: string) {
  const table: Readonly<Record<string, NeuroQuantity>> = parse(parametersSchema, raw, file);
  const read = (name: string, unit: string): number => {
    const q = table[name];
    if (q === undefined) throw new Error(`BUG: ${layer} parameter ${name} is missing from ${file}`);
    if (q.unit !== unit) throw new Error(`BUG: ${layer} parameter ${name} is in ${q.unit}, the model expects ${unit}`);
    return q.value;
  };
  return { table, read };
}

/** A parameter's value; an unknown name is a programming error caught when the model is built. */
export function param(name: string): number {
  const q = NEURO_PARAMETERS[name];
  if (q === undefined) throw new Error(`BUG: neuro parameter ${name} is missing from data/neuro/parameters.json`);
  return q.value;
}

export const CONDITION_PROFILES: ReadonlyMap<string, Condition> = new Map(
  [healthy, alzheimers, parkinsons, depression, schizophrenia, ptsd, bipolar].map((raw) => {
    const c = parse(conditionSchema, raw, `condition profile ${(raw as { id?: string }).id ?? '?'}`);
    return [c.id, c];
  }),
);

const SEVERITY_LEVELS = { mild: 0.25, moderate: 0.5, severe: 0.75 } as const;

/** Severity as a number 0–1 (named levels at 0.25 / 0.5 / 0.75; moderate when not given). */
function severityOf(patient: Pick<Patient, 'severity'>): number {
  const s = patient.severity ?? 'moderate';
  return typeof s === 'number' ? s : SEVERITY_LEVELS[s];
}

/** Piecewise-linear through healthy (0), mild, moderate, severe; extrapolated from moderate–severe above 0.75. */
function interpolate(healthyValue: number, k: { mild: number; moderate: number; severe: number }, s: number): number {
  const xs = [0, 0.25, 0.5, 0.75];
  const ys = [healthyValue, k.mild, k.moderate, k.severe];
  let i = 0;
  while (i < 2 && s > (xs[i + 1] as number)) i++;
  const x0 = xs[i] as number;
  const x1 = xs[i + 1] as number;
  const y0 = ys[i] as number;
  const y1 = ys[i + 1] as number;
  return y0 + ((y1 - y0) * (s - x0)) / (x1 - x0);
}

/** The knob values for a patient: the condition's profile at the patient's severity. */
export function knobsFor(patient: Pick<Patient, 'condition' | 'severity' | 'treatmentResistant'>): Knobs {
  const knobs: Knobs = { ...KNOB_DEFAULTS };
  const profile = CONDITION_PROFILES.get(patient.condition);
  if (!profile) throw new Error(`BUG: no condition profile for ${patient.condition}`);
  const s = severityOf(patient);
  for (const id of KNOB_IDS) {
    const k = profile.knobs[id];
    if (k) knobs[id] = Math.max(0, interpolate(KNOB_DEFAULTS[id], k, s));
  }
  if (patient.treatmentResistant && profile.treatmentResistant) {
    for (const [id, q] of Object.entries(profile.treatmentResistant) as Array<[KnobId, NeuroQuantity]>) {
      knobs[id] = q.unit === 'added' ? knobs[id] + q.value : knobs[id] * q.value;
    }
  }
  for (const id of ['nigralNeurons', 'cholinergicNeurons', 'hippocampalSynapses', 'extinctionCapacity'] as const) knobs[id] = Math.min(1, knobs[id]);
  return knobs;
}

/** Progression rates (1/h) of the knobs that decline with the disease. */
/** Whether a profile carries a conditioned trauma memory for exposure to extinguish (PTSD's fearLoad). */
export const hasTraumaMemory = (knobs: Pick<Knobs, 'fearLoad'>): boolean => knobs.fearLoad > 0;

export function progressionFor(condition: string): Partial<Record<KnobId, number>> {
  const profile = CONDITION_PROFILES.get(condition);
  const out: Partial<Record<KnobId, number>> = {};
  for (const [id, q] of Object.entries(profile?.progression ?? {}) as Array<[KnobId, NeuroQuantity]>) out[id] = q.value / (365.25 * 24);
  return out;
}
