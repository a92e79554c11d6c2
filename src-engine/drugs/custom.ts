// User-defined drugs: a compact schema a teacher can fill in (in the app or under "customDrugs"
// in a scenario file), converted to the engine's drug format so that the whole engine responds to
// them like to a built-in drug. They are never validated against literature and say so.
import { z } from 'zod';
import { ROUTES, TARGETS, type DrugFile } from './schema.ts';

export const USER_DEFINED = 'user-defined, not validated';

/** `{ value, unit, source? }` with the unit restricted; positive (or ≥ 0 with `allowZero`) and at most `max`. */
const q = <U extends string>(units: readonly [U, ...U[]], what: string, max: number, allowZero = false) =>
  z
    .strictObject({
      value: z.number({ error: `expected ${what} as a number` }).finite(),
      unit: z.enum(units, { error: `expected the unit of ${what} to be one of ${units.map((u) => JSON.stringify(u)).join(', ')}` }),
      source: z.string().max(500).optional(),
    }, { error: (iss) => (iss.input === undefined ? `expected ${what} (a number in ${units.join(' or ')})` : `expected ${what} as { value, unit }`) })
    .superRefine((x, ctx) => {
      if (allowZero ? x.value < 0 : !(x.value > 0)) ctx.addIssue({ code: 'custom', path: ['value'], message: `expected ${what} ${allowZero ? '≥ 0' : 'greater than 0'}, got ${x.value}` });
      else if (x.value > max) ctx.addIssue({ code: 'custom', path: ['value'], message: `expected ${what} of at most ${max} ${x.unit}, got ${x.value}` });
    });

const fraction = (what: string) =>
  z.number({ error: `expected ${what} as a number from 0 to 1` }).finite().min(0, `expected ${what} from 0 to 1`).max(1, `expected ${what} from 0 to 1`);

const TRANSIT_EXPECTED = 'expected transit as a whole number of compartments from 0 to 20';

export const customDrugSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'expected an id of lowercase letters, digits and dashes, starting with a letter'),
    name: z.string().trim().min(1, 'expected a name').max(80),
    description: z.string().max(2000).optional(),
    model: z.enum(['one-compartment', 'two-compartment']),
    routes: z.array(z.enum(ROUTES)).min(1, 'expected at least one route').max(4),
    /** Clearance and central volume (per kg allowed). */
    CL: q(['L/h', 'L/h/kg'], 'CL', 10_000),
    V: q(['L', 'L/kg'], 'V', 100_000),
    /** Two-compartment only. */
    Q: q(['L/h', 'L/h/kg'], 'Q', 10_000).optional(),
    V2: q(['L', 'L/kg'], 'V2', 100_000).optional(),
    /** Absorption (oral, intranasal). */
    ka: q(['1/h'], 'ka', 1000).optional(),
    F: fraction('F').default(1),
    lag: q(['h'], 'lag', 48, true).optional(),
    /** Transit compartments before absorption, each emptied at ka (a gamma-shaped delay). */
    transit: z.number({ error: TRANSIT_EXPECTED }).int(TRANSIT_EXPECTED).min(0, TRANSIT_EXPECTED).max(20, TRANSIT_EXPECTED).optional(),
    /** Effect-site equilibration: brain lags plasma. */
    ke0: q(['1/h'], 'ke0', 1000).optional(),
    /** Patch wear time. */
    wear: q(['h'], 'wear', 24 * 14).optional(),
    maxDailyDose: q(['mg/day'], 'maxDailyDose', 1e5).optional(),
    targets: z
      .partialRecord(
        z.enum(TARGETS),
        z.strictObject({
          /** EC50, IC50 or Ki as the plasma (or effect-site) concentration giving half of Emax. */
          potency: q(['ng/mL'], 'potency (EC50/IC50/Ki)', 1e9).refine((x) => x.value >= 1e-6, { error: 'expected potency of at least 1e-6 ng/mL', path: ['value'] }),
          emax: fraction('emax').default(1),
          hill: z.number().finite().min(0.1, 'expected hill from 0.1 to 5').max(5, 'expected hill from 0.1 to 5').default(1),
        }),
      )
      .default({}),
  })
  .superRefine((d, ctx) => {
    const two = d.model === 'two-compartment';
    if (two && (d.Q === undefined || d.V2 === undefined)) ctx.addIssue({ code: 'custom', path: [d.Q === undefined ? 'Q' : 'V2'], message: 'a two-compartment model needs Q and V2' });
    if (!two && (d.Q !== undefined || d.V2 !== undefined)) ctx.addIssue({ code: 'custom', path: [d.Q !== undefined ? 'Q' : 'V2'], message: 'Q and V2 belong to a two-compartment model' });
    const absorbs = d.routes.includes('oral') || d.routes.includes('intranasal');
    if (absorbs && d.ka === undefined) ctx.addIssue({ code: 'custom', path: ['ka'], message: 'an oral or intranasal route needs ka (absorption rate, 1/h)' });
    if (new Set(d.routes).size !== d.routes.length) ctx.addIssue({ code: 'custom', path: ['routes'], message: 'expected each route once' });
    // Rate constants bound the work of an explicit integrator and of steady-state searches; the
    // built-in drugs stay below 10/h. Per-kg values are compared at 70 kg.
    const at70 = (x: { value: number; unit: string }) => (x.unit.endsWith('/kg') ? x.value * 70 : x.value);
    const rate = (path: string, what: string, k: number, min = 0) => {
      if (k > MAX_RATE) ctx.addIssue({ code: 'custom', path: [path], message: `${what} is ${Number(k.toPrecision(3))}/h; expected at most ${MAX_RATE}/h (faster than any built-in drug)` });
      else if (k < min) ctx.addIssue({ code: 'custom', path: [path], message: `${what} is ${Number(k.toPrecision(3))}/h (half-life ${Number((Math.LN2 / k / 24).toPrecision(3))} days); expected at least ${min}/h` });
    };
    rate('CL', 'CL/V', at70(d.CL) / at70(d.V), MIN_ELIMINATION);
    if (d.Q && d.V2) {
      rate('Q', 'Q/V', at70(d.Q) / at70(d.V));
      rate('Q', 'Q/V2', at70(d.Q) / at70(d.V2));
    }
    if (d.ka) rate('ka', 'ka', d.ka.value);
    if (d.ke0) rate('ke0', 'ke0', d.ke0.value);
  });

/** Largest rate constant of a user-defined drug, 1/h. */
const MAX_RATE = 20;
/** Smallest elimination rate constant, 1/h (half-life about 290 days). */
const MIN_ELIMINATION = 1e-4;

export type CustomDrugInput = z.input<typeof customDrugSchema>;
export type CustomDrug = z.output<typeof customDrugSchema>;

/** The engine's drug format for a user-defined drug; every number's source says it is not validated. */
export function toDrugFile(d: CustomDrug): DrugFile {
  const src = (x: { source?: string | undefined } | undefined) => (x?.source ? `${USER_DEFINED}: ${x.source}` : USER_DEFINED);
  const num = <U extends string>(x: { value: number; unit: U; source?: string | undefined }) => ({ value: x.value, unit: x.unit, source: src(x) });
  const absorption = {
    F: { value: d.F, unit: 'fraction' as const, source: USER_DEFINED },
    ka: d.ka ? num(d.ka) : { value: 1, unit: '1/h' as const, source: USER_DEFINED },
    ...(d.lag ? { lag: num(d.lag) } : {}),
    ...(d.transit ? { transit: { value: d.transit, unit: '1' as const, source: USER_DEFINED } } : {}),
  };
  const name = { en: d.name, zh: d.name };
  const description = d.description ? { en: d.description, zh: d.description } : { en: 'Defined by the user.', zh: '由用户定义。' };
  return {
    id: d.id,
    userDefined: true,
    name,
    class: { en: 'User-defined drug', zh: '用户自定义药物' },
    description,
    labelledMaxDailyDose: d.maxDailyDose ? num(d.maxDailyDose) : { value: 1e5, unit: 'mg/day', source: `${USER_DEFINED}: no labelled maximum` },
    routes: {
      ...(d.routes.includes('oral') ? { oral: absorption } : {}),
      ...(d.routes.includes('intranasal') ? { intranasal: absorption } : {}),
      ...(d.routes.includes('iv') ? { iv: {} } : {}),
      ...(d.routes.includes('patch') ? { patch: { F: { value: d.F, unit: 'fraction', source: USER_DEFINED }, wear: d.wear ? num(d.wear) : { value: 24, unit: 'h', source: USER_DEFINED } } } : {}),
    },
    pk: {
      model: d.model,
      CL: num(d.CL),
      V: num(d.V),
      ...(d.Q ? { Q: num(d.Q) } : {}),
      ...(d.V2 ? { V2: num(d.V2) } : {}),
      ...(d.ke0 ? { ke0: num(d.ke0) } : {}),
      concentrationUnit: 'ng/mL',
    },
    targets: Object.fromEntries(
      Object.entries(d.targets).map(([target, t]) => [
        target,
        {
          effect: target === 'AChE' || target === 'AChE_rbc' || target === 'BuChE' || target === 'AADC_peripheral' ? 'inhibition' : 'occupancy',
          c50: num(t.potency),
          emax: { value: t.emax, unit: 'fraction', source: USER_DEFINED },
          hill: { value: t.hill, unit: '1', source: USER_DEFINED },
        },
      ]),
    ),
    metabolites: [],
  } as DrugFile;
}
