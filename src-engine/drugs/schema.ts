// Schema of the drug data files (src-engine/data/drugs/*.json) and their conversion to model units.
import { z } from 'zod';

/** Every number in a data file carries its unit and its source. */
const quantity = <U extends string>(units: readonly [U, ...U[]]) =>
  z.strictObject({
    value: z.number().finite(),
    unit: z.enum(units),
    source: z.string().min(3, 'every parameter needs a source'),
  });

const localized = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });

export const TARGETS = ['AChE'] as const;
export type TargetId = (typeof TARGETS)[number];

export const ROUTES = ['oral'] as const;
export type Route = (typeof ROUTES)[number];

const targetSchema = z.strictObject({
  effect: z.enum(['inhibition', 'occupancy']),
  ic50: quantity(['ng/mL']),
  emax: quantity(['fraction']),
  hill: quantity(['1']),
});

export const drugFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: localized,
  class: localized,
  description: localized,
  routes: z.array(z.enum(ROUTES)).min(1),
  labelledMaxDailyDose: quantity(['mg/day']),
  pk: z.strictObject({
    model: z.literal('one-compartment'),
    F: quantity(['fraction']),
    CL: quantity(['L/h', 'L/h/kg']),
    V: quantity(['L', 'L/kg']),
    ka: quantity(['1/h']),
  }),
  targets: z.partialRecord(z.enum(TARGETS), targetSchema),
});

export type DrugFile = z.infer<typeof drugFileSchema>;

/** PK parameters in model units for one patient: L, L/h, 1/h, fraction. */
export interface PkParams {
  F: number;
  CL: number;
  V: number;
  ka: number;
}

/** Converts a drug's PK block to model units for a patient of the given weight (kg). */
export function pkParamsFor(drug: DrugFile, weightKg: number): PkParams {
  const { pk } = drug;
  return {
    F: pk.F.value,
    CL: pk.CL.unit === 'L/h/kg' ? pk.CL.value * weightKg : pk.CL.value,
    V: pk.V.unit === 'L/kg' ? pk.V.value * weightKg : pk.V.value,
    ka: pk.ka.value,
  };
}
