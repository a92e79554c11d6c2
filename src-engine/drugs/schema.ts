// Schema of the drug data files (src-engine/data/drugs/*.json) and their conversion to model units.
// Every number is `{ value, unit, source }`; units are converted here, at the edge, and nowhere else.
import { z } from 'zod';
import { parseDose, parseDuration } from '../units.ts';

/** Every number in a data file carries its unit and its source. */
const quantity = <U extends string>(units: readonly [U, ...U[]]) =>
  z.strictObject({
    value: z.number().finite(),
    unit: z.enum(units),
    source: z.string().min(3, 'every parameter needs a source'),
  });
export type Quantity = { value: number; unit: string; source: string };

const positive = <U extends string>(units: readonly [U, ...U[]]) =>
  quantity(units).refine((q) => q.value > 0, { error: 'expected a value greater than zero' });
const fraction = quantity(['fraction']).refine((q) => q.value >= 0 && q.value <= 1, { error: 'expected a fraction from 0 to 1' });

const localized = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });

/**
 * Targets of the engine. Brain targets read the effect-site (brain) concentration; `AChE_rbc` and
 * `AADC_peripheral` are peripheral and read plasma.
 */
export const TARGETS = ['AChE', 'AChE_rbc', 'BuChE', 'SERT', 'NET', 'DAT', 'D2', '5-HT2A', '5-HT1A', 'NMDA', 'AADC_peripheral'] as const;
export type TargetId = (typeof TARGETS)[number];
export const PERIPHERAL_TARGETS: ReadonlySet<TargetId> = new Set(['AChE_rbc', 'AADC_peripheral']);

export const ROUTES = ['oral', 'iv', 'intranasal', 'patch'] as const;
export type Route = (typeof ROUTES)[number];

/** Concentration units of a species' plasma series. */
const CONC_UNITS = ['ng/mL', 'mmol/L'] as const;

const targetSchema = z.strictObject({
  /** `inhibition` for enzymes, `occupancy` for receptors and transporters (also agonists). */
  effect: z.enum(['inhibition', 'occupancy']),
  /** Concentration giving half of Emax, in the species' concentration unit. */
  c50: positive(['ng/mL', 'mmol/L']),
  emax: fraction,
  hill: positive(['1']),
  /** Receptor agonist (pramipexole at D2): the slow layer adds its effect instead of blocking the transmitter. */
  agonist: z.boolean().optional(),
});

/** Clearance adjustments: CYP2D6 phenotype, renal function, age, CYP2D6 inhibition by other drugs. */
const clearanceSchema = z.strictObject({
  /**
   * Total clearance in each phenotype relative to normal metabolisers (×). The CYP2D6 share of
   * clearance, used for inhibition by other drugs, is 1 − poor.
   */
  cyp2d6: z
    .strictObject({
      poor: quantity(['×']),
      intermediate: quantity(['×']),
      ultrarapid: quantity(['×']),
    })
    .optional(),
  /** Fraction of clearance that is renal and scales with creatinine clearance (ref. 100 mL/min). */
  renalFraction: fraction.optional(),
  /** Change of clearance per year of age above 40 (fraction per year, negative = falls with age). */
  agePerYear: quantity(['1/year']).optional(),
});

/** One pharmacokinetic species: the parent drug or an active metabolite. */
const speciesPk = z.strictObject({
  model: z.enum(['one-compartment', 'two-compartment']),
  /** Systemic clearance (for oral-only drugs whose literature gives CL/F with F ≈ 1, say so in the source). */
  CL: positive(['L/h', 'L/h/kg']),
  /** Central volume (the whole volume for one compartment). */
  V: positive(['L', 'L/kg']),
  /** Inter-compartmental clearance and peripheral volume (two-compartment only). */
  Q: positive(['L/h', 'L/h/kg']).optional(),
  V2: positive(['L', 'L/kg']).optional(),
  /** Effect-site (brain) equilibration rate constant; absent: brain follows plasma. */
  ke0: positive(['1/h']).optional(),
  concentrationUnit: z.enum(CONC_UNITS),
  clearance: clearanceSchema.optional(),
});

const metaboliteSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: localized,
  /**
   * Fraction of the parent's elimination that forms this metabolite (molar, parent → metabolite):
   * of its whole elimination (`via: total`), or of its CYP2D6 elimination only (`via: CYP2D6`),
   * so that poor metabolisers and CYP2D6 inhibitors cut formation.
   */
  formation: fraction,
  via: z.enum(['total', 'CYP2D6']).default('total'),
  /**
   * With `via: CYP2D6`: the fraction of the parent's other (non-CYP2D6) elimination that also forms
   * this metabolite (e.g. CYP3A4 9-hydroxylation of risperidone), so poor metabolisers form some.
   */
  formationOther: fraction.optional(),
  /** Molar mass ratio metabolite / parent, to convert formed amount in mg. */
  massRatio: positive(['1']),
  pk: speciesPk,
  targets: z.partialRecord(z.enum(TARGETS), targetSchema),
  inhibits: z.strictObject({ CYP2D6: z.strictObject({ ki: positive(['ng/mL']) }) }).optional(),
});

/**
 * Presystemic (first-pass) formation: the fraction of the dose that reaches the circulation as a
 * metabolite rather than as the parent (e.g. risperidone: F 0.66, active moiety F 1.0).
 */
const firstPass = z.array(z.strictObject({ metabolite: z.string().regex(/^[a-z][a-z0-9-]*$/), fraction })).optional();
/**
 * The part of a dose that reaches the gut instead of the absorbing site (the swallowed share of a
 * nasal spray): `fraction` of the dose, entering a gut depot zero-order over `duration` (if given),
 * absorbed at `ka`, with its own oral bioavailability `F` and presystemic metabolite formation
 * (`firstPass`), both as fractions of the swallowed amount.
 */
const swallowed = z.strictObject({ fraction, F: fraction, ka: positive(['1/h']), duration: positive(['h']).optional(), firstPass });
/**
 * Absorption through one site; with `swallowed`, `F` is the share of the dose absorbed at the site
 * itself. With `transit`, the dose passes that many transit compartments before the absorbing one,
 * every step at `ka` (a gamma-shaped delay, as in NONMEM transit-compartment models).
 */
const absorption = z.strictObject({
  F: fraction,
  ka: positive(['1/h']),
  lag: quantity(['h']).optional(),
  transit: quantity(['1']).refine((q) => Number.isInteger(q.value) && q.value >= 0 && q.value <= 20, { error: 'expected a whole number of transit compartments from 0 to 20' }).optional(),
  firstPass,
  swallowed: swallowed.optional(),
});

/**
 * A product of an absorbing route with its own absorption (venlafaxine immediate-release tablets
 * beside extended-release capsules), chosen by the scenario's `formulation`. Without `absorption`
 * the route's own parameters describe it (the product a dose without `formulation` gets).
 */
const formulationSchema = z.strictObject({ name: localized, route: z.enum(['oral', 'intranasal']), absorption: absorption.optional() });

const routeSchemas = z.strictObject({
  oral: absorption.optional(),
  iv: z.strictObject({}).optional(),
  intranasal: absorption.optional(),
  /**
   * Zero-order input of F·dose over the wear time of each application; with `skinRelease`, into a
   * skin reservoir that releases first-order into plasma (and keeps releasing after removal).
   */
  patch: z.strictObject({ F: fraction, wear: positive(['h']), skinRelease: positive(['1/h']).optional() }).optional(),
});

/**
 * The usual adult regimen a new schedule of the drug starts from, the doses its menu offers and
 * the labelled range of one dose (mg, or mg/kg for a weight-based dose such as IV ketamine).
 * Doses and durations are the scenario format's strings ("0.5 mg/kg", "24h"); no `every`: one dose.
 */
const dosingSchema = z.strictObject({
  route: z.enum(ROUTES),
  dose: z.string(),
  every: z.string().optional(),
  infusion: z.string().optional(),
  suggestions: z.array(z.string()).min(1),
  range: z.strictObject({ min: positive(['mg', 'mg/kg']), max: positive(['mg', 'mg/kg']) }),
  source: z.string().min(3, 'every parameter needs a source'),
});
export type DrugDosing = z.infer<typeof dosingSchema>;

export const drugFileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** Set on drugs defined by a user (drugs/custom.ts): shown with a "not validated" badge. */
    userDefined: z.literal(true).optional(),
    name: localized,
    class: localized,
    description: localized,
    /** How a dose in mg becomes the model's amount: `mg` as is, or mmol of the active ion (lithium). */
    doseAs: z
      .strictObject({ unit: z.literal('mmol'), perMg: positive(['mmol/mg']), note: z.string().min(3) })
      .optional(),
    labelledMaxDailyDose: positive(['mg/day']),
    /** Usual regimen and labelled per-dose range (absent for user-defined drugs). */
    dosing: dosingSchema.optional(),
    routes: routeSchemas,
    /** Products with their own absorption, by id (`xr`, `ir`); see formulationSchema. */
    formulations: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), formulationSchema).optional(),
    pk: speciesPk,
    targets: z.partialRecord(z.enum(TARGETS), targetSchema),
    metabolites: z.array(metaboliteSchema).default([]),
    /** A fixed partner given with every dose (carbidopa with levodopa): its own species and targets. */
    companion: z
      .strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/),
        name: localized,
        /** Partner amount per mg of the drug's dose (carbidopa/levodopa 25/100: 0.25). */
        ratio: positive(['mg/mg']),
        routes: routeSchemas,
        pk: speciesPk,
        targets: z.partialRecord(z.enum(TARGETS), targetSchema),
      })
      .optional(),
    /**
     * Peripheral AADC: the share of `pk.CL` carried by AADC. `pk.CL` is then the clearance with no
     * AADC inhibition; the effective clearance is CL·(1 − aadcFraction·inhibition(AADC_peripheral)).
     */
    aadcFraction: fraction.optional(),
    /** CYP2D6 inhibition by the parent drug (competitive, Ki in plasma). */
    inhibits: z.strictObject({ CYP2D6: z.strictObject({ ki: positive(['ng/mL']) }) }).optional(),
  })
  .superRefine((d, ctx) => {
    const check = (pk: z.infer<typeof speciesPk>, path: (string | number)[]) => {
      const two = pk.model === 'two-compartment';
      if (two && (pk.Q === undefined || pk.V2 === undefined)) ctx.addIssue({ code: 'custom', path, message: 'a two-compartment model needs Q and V2' });
      if (!two && (pk.Q !== undefined || pk.V2 !== undefined)) ctx.addIssue({ code: 'custom', path, message: 'Q and V2 belong to a two-compartment model' });
    };
    if (d.dosing) checkDosing(d.dosing, Object.keys(d.routes).filter((r) => d.routes[r as Route] !== undefined), ctx);
    check(d.pk, ['pk']);
    d.metabolites.forEach((m, i) => check(m.pk, ['metabolites', i, 'pk']));
    if (d.companion) check(d.companion.pk, ['companion', 'pk']);
    if (Object.values(d.routes).every((r) => r === undefined)) ctx.addIssue({ code: 'custom', path: ['routes'], message: 'at least one route' });
    const absorptions: Array<[z.infer<typeof absorption> | undefined, (string | number)[]]> = [
      [d.routes.oral, ['routes', 'oral']],
      [d.routes.intranasal, ['routes', 'intranasal']],
    ];
    for (const [id, f] of Object.entries(d.formulations ?? {})) {
      if (d.routes[f.route] === undefined) ctx.addIssue({ code: 'custom', path: ['formulations', id, 'route'], message: `expected a route of the drug (${Object.keys(d.routes).join(', ')}), got ${JSON.stringify(f.route)}` });
      absorptions.push([f.absorption, ['formulations', id, 'absorption']]);
    }
    for (const [r, at] of absorptions) {
      const checkFirstPass = (fps: Array<{ metabolite: string }> | undefined, path: (string | number)[]) =>
        fps?.forEach((fp, i) => {
          if (!d.metabolites.some((m) => m.id === fp.metabolite)) ctx.addIssue({ code: 'custom', path: [...path, 'firstPass', i, 'metabolite'], message: `expected one of the drug's metabolites, got ${JSON.stringify(fp.metabolite)}` });
        });
      checkFirstPass(r?.firstPass, at);
      const sum = (F: number, fps: Array<{ fraction: { value: number } }> | undefined) => F + (fps ?? []).reduce((a, fp) => a + fp.fraction.value, 0);
      const total = sum(r?.F.value ?? 0, r?.firstPass);
      if (total > 1 + 1e-9) ctx.addIssue({ code: 'custom', path: at, message: `F plus first-pass fractions is ${total}; expected at most 1` });
      const sw = r?.swallowed;
      if (sw) {
        checkFirstPass(sw.firstPass, [...at, 'swallowed']);
        if ((r?.F.value ?? 0) + sw.fraction.value > 1 + 1e-9) ctx.addIssue({ code: 'custom', path: [...at, 'swallowed', 'fraction'], message: `F plus the swallowed fraction is ${(r?.F.value ?? 0) + sw.fraction.value}; expected at most 1` });
        const swTotal = sum(sw.F.value, sw.firstPass);
        if (swTotal > 1 + 1e-9) ctx.addIssue({ code: 'custom', path: [...at, 'swallowed'], message: `F plus first-pass fractions is ${swTotal}; expected at most 1` });
      }
    }
  });

/** The regimen's strings parse, its route is the drug's, its range is ordered and holds its doses. */
function checkDosing(dosing: DrugDosing, routes: string[], ctx: z.RefinementCtx): void {
  const at = (...path: (string | number)[]) => ['dosing', ...path];
  if (!routes.includes(dosing.route)) ctx.addIssue({ code: 'custom', path: at('route'), message: `expected a route of the drug (${routes.join(', ')}), got ${JSON.stringify(dosing.route)}` });
  for (const key of ['every', 'infusion'] as const) {
    const text = dosing[key];
    if (text !== undefined && !parseDuration(text).ok) ctx.addIssue({ code: 'custom', path: at(key), message: `expected a duration such as "24h", got ${JSON.stringify(text)}` });
  }
  const { min, max } = dosing.range;
  if (min.unit !== max.unit) ctx.addIssue({ code: 'custom', path: at('range'), message: `expected min and max in one unit, got ${min.unit} and ${max.unit}` });
  if (min.value > max.value) ctx.addIssue({ code: 'custom', path: at('range'), message: `expected min ≤ max, got ${min.value} and ${max.value}` });
  [dosing.dose, ...dosing.suggestions].forEach((text, i) => {
    const path = i === 0 ? at('dose') : at('suggestions', i - 1);
    const dose = parseDose(text);
    if (!dose.ok) return ctx.addIssue({ code: 'custom', path, message: `expected ${dose.expected}, got ${JSON.stringify(text)}` });
    const unit = dose.value.perKg ? 'mg/kg' : 'mg';
    if (unit !== min.unit) return ctx.addIssue({ code: 'custom', path, message: `expected a dose in ${min.unit} (the range's unit), got ${JSON.stringify(text)}` });
    if (dose.value.mg < min.value - 1e-9 || dose.value.mg > max.value + 1e-9) ctx.addIssue({ code: 'custom', path, message: `expected a dose inside the labelled range ${min.value}–${max.value} ${min.unit}, got ${JSON.stringify(text)}` });
  });
}

export type DrugFile = z.infer<typeof drugFileSchema>;
export type SpeciesPkData = z.infer<typeof speciesPk>;
export type TargetData = z.infer<typeof targetSchema>;
export type RouteData = z.infer<typeof routeSchemas>;

/** Patient covariates that change pharmacokinetics. */
export interface Covariates {
  weightKg: number;
  age: number;
  cyp2d6: 'poor' | 'intermediate' | 'normal' | 'ultrarapid';
  /** Creatinine clearance, mL/min. */
  crclMlMin: number;
}

/** One species' parameters in model units for one patient: L, L/h, 1/h. */
export interface SpeciesParams {
  CL: number;
  V: number;
  Q: number;
  V2: number;
  /** 0 when the brain follows plasma. */
  ke0: number;
  /** Fraction of CL through CYP2D6 in this patient (inhibitable by other drugs). */
  fm2d6: number;
  /** mg → ng/mL factor: C = amount / V · toConc. 1000 for mg and ng/mL; 1 for mmol and mmol/L. */
  toConc: number;
}

const perKg = (q: Quantity, weightKg: number): number => (q.unit.endsWith('/kg') ? q.value * weightKg : q.value);

/**
 * Converts a species' PK block to model units for a patient. Clearance is split into a CYP2D6
 * part, a renal part and the rest: CL_2D6 = CL·(m − p) with p the poor-metaboliser ratio and m the
 * patient's phenotype ratio; CL_renal = CL·f_renal·CrCl/100 mL/min; CL_other = CL·(p − f_renal).
 * Age scales the non-renal parts.
 */
export function speciesParams(pk: SpeciesPkData, cov: Covariates): SpeciesParams {
  const c = pk.clearance;
  const base = perKg(pk.CL, cov.weightKg);
  const p = c?.cyp2d6?.poor.value ?? 1;
  const m = c?.cyp2d6 === undefined || cov.cyp2d6 === 'normal' ? 1 : c.cyp2d6[cov.cyp2d6].value;
  const renalFraction = c?.renalFraction?.value ?? 0;
  const age = c?.agePerYear ? Math.max(0.2, 1 + c.agePerYear.value * (cov.age - 40)) : 1;
  const cyp = base * Math.max(0, m - p) * age;
  const other = base * Math.max(0, p - renalFraction) * age;
  const renal = base * renalFraction * (cov.crclMlMin / 100);
  const CL = cyp + other + renal;
  return {
    CL,
    V: perKg(pk.V, cov.weightKg),
    Q: pk.Q ? perKg(pk.Q, cov.weightKg) : 0,
    V2: pk.V2 ? perKg(pk.V2, cov.weightKg) : 0,
    ke0: pk.ke0?.value ?? 0,
    fm2d6: CL > 0 ? cyp / CL : 0,
    toConc: pk.concentrationUnit === 'ng/mL' ? 1000 : 1,
  };
}
