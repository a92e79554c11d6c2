// The "define your own drug" form: plain fields with fixed units, turned into the engine's
// user-defined drug format (pure, tested).
import { TARGETS, type CustomDrugInput, type Route, type TargetId } from '../../src-engine/index.ts';

export interface CustomDrugForm {
  name: string;
  model: 'one-compartment' | 'two-compartment';
  routes: Route[];
  /** L/h, L, 1/h, L/h, L, fraction, 1/h; empty strings for "not given". */
  CL: string;
  V: string;
  ka: string;
  Q: string;
  V2: string;
  F: string;
  /** h */
  lag: string;
  /** Number of transit compartments. */
  transit: string;
  ke0: string;
  target: TargetId | '';
  /** ng/mL */
  potency: string;
  emax: string;
  hill: string;
}

export function newCustomDrugForm(): CustomDrugForm {
  return { name: '', model: 'one-compartment', routes: ['oral'], CL: '', V: '', ka: '1', Q: '', V2: '', F: '1', lag: '', transit: '', ke0: '', target: '', potency: '', emax: '1', hill: '1' };
}

/** "My SSRI 2" → "my-ssri-2"; ids must start with a letter. */
export function idFromName(name: string): string {
  const base = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 36);
  return /^[a-z]/.test(base) && base.length >= 2 ? base : `drug-${base || 'custom'}`.slice(0, 40);
}

/** Empty fields are left out so the engine's validation names what is missing. */
export function toCustomDrug(form: CustomDrugForm): CustomDrugInput {
  const n = (text: string) => (text.trim() === '' ? undefined : Number(text));
  const quantity = <U extends string>(text: string, unit: U) => (n(text) === undefined ? undefined : { value: n(text) as number, unit });
  const absorbs = form.routes.includes('oral') || form.routes.includes('intranasal');
  const two = form.model === 'two-compartment';
  const drug: Record<string, unknown> = {
    id: idFromName(form.name),
    name: form.name.trim(),
    model: form.model,
    routes: form.routes,
    CL: quantity(form.CL, 'L/h'),
    V: quantity(form.V, 'L'),
    ...(absorbs ? { ka: quantity(form.ka, '1/h'), F: n(form.F) ?? 1 } : {}),
    ...(absorbs && n(form.lag) !== undefined ? { lag: quantity(form.lag, 'h') } : {}),
    ...(absorbs && n(form.transit) !== undefined ? { transit: n(form.transit) } : {}),
    ...(two ? { Q: quantity(form.Q, 'L/h'), V2: quantity(form.V2, 'L') } : {}),
    ...(n(form.ke0) !== undefined ? { ke0: quantity(form.ke0, '1/h') } : {}),
    targets: form.target ? { [form.target]: { potency: quantity(form.potency, 'ng/mL'), emax: n(form.emax) ?? 1, hill: n(form.hill) ?? 1 } } : {},
  };
  for (const key of Object.keys(drug)) if (drug[key] === undefined) delete drug[key];
  return drug as unknown as CustomDrugInput;
}

export const TARGET_CHOICES: readonly TargetId[] = TARGETS;
