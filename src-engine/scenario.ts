// The scenario format `modulon.scenario/1` (DESIGN.md §4.1): zod schema, forward migration, and
// error messages that name the JSON path and what was expected.
import { z } from 'zod';
import { DRUG_IDS, getDrug } from './drugs/catalogue.ts';
import { ROUTES, type DrugFile, type Route } from './drugs/schema.ts';
import { countRecordEvents, doseRecordSchema } from './pk/records.ts';
import { customDrugSchema, toDrugFile } from './drugs/custom.ts';
import { DOSE_PATTERN, DURATION_PATTERN, parseDose, parseDuration } from './units.ts';
import { MECHANISM_IDS } from './neuro/model.ts';
import { TASK_ENTRY_SCHEMAS } from './learning/schema.ts';
import { courseSessionTimes, dbsIntervention, dbsSafety, ectIntervention, ectSessionTimes, resolveDbs, resolveTms, seizureRisk, tdcsIntervention, tmsIntervention, type EctIntervention, type TdcsIntervention, type TmsIntervention } from './stimulation/index.ts';

export const SCENARIO_SCHEMA = 'modulon.scenario/1';

/** Longest scenario the engine accepts, hours (5 years). */
export const MAX_DURATION_H = 5 * 365 * 24;
/** Most samples one run may produce per series. */
export const MAX_SAMPLES = 200_000;
/** Most circuit probes (EEG and basal-ganglia spectra) one run may publish. */
export const MAX_PROBES = 5000;
/** Most numbers one run may publish (series × samples): about 50 MB as doubles, a results file well under 200 MB. */
export const MAX_OUTPUT_VALUES = 6_000_000;
/** Series every run publishes (the slow layer, circuits, devices), and at most per drug (plasma, brain, metabolites, targets): for the output bound. */
const SERIES_PER_RUN = 90;
const SERIES_PER_DRUG = 8;
/** Most doses and therapy sessions one run may schedule, over all interventions. */
export const MAX_DOSES = 20_000;
/** Absolute dose ceiling, mg: above this a number is a typo, not a dose (labelled maxima warn far below). */
export const MAX_DOSE_MG = 100_000;

export const CONDITIONS = ['healthy', 'alzheimers', 'parkinsons', 'depression', 'schizophrenia', 'ptsd', 'bipolar'] as const;
export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export const CYP2D6 = ['poor', 'intermediate', 'normal', 'ultrarapid'] as const;
export const THERAPY_KINDS = ['cbt', 'exposure'] as const;

function durationString(what: string, opts: { minH?: number; allowZero?: boolean } = {}) {
  const meta = { description: `${what}: a number, then min, h, d or w ("40min", "24h", "3d", "12w")`, pattern: DURATION_PATTERN };
  return z.string({ error: `expected ${what} as a string such as "24h"` }).meta(meta).superRefine((text, ctx) => {
    const parsed = parseDuration(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: `expected ${parsed.expected}, got ${JSON.stringify(text)}` });
      return;
    }
    const h = parsed.value;
    if (h === 0 && !opts.allowZero) ctx.addIssue({ code: 'custom', message: `expected a ${what} greater than zero, got ${JSON.stringify(text)}` });
    else if (opts.minH !== undefined && h > 0 && h < opts.minH) ctx.addIssue({ code: 'custom', message: `expected a ${what} of at least ${opts.minH * 60} min, got ${JSON.stringify(text)}` });
    else if (h > MAX_DURATION_H) ctx.addIssue({ code: 'custom', message: `expected a ${what} of at most 5 years, got ${JSON.stringify(text)}` });
  });
}

const doseString = z
  .string({ error: 'expected a dose as a string such as "10 mg"' })
  .meta({ description: 'dose: a number, then µg, mg or g, optionally per kg ("10 mg", "0.5 mg/kg")', pattern: DOSE_PATTERN })
  .superRefine((text, ctx) => {
    const parsed = parseDose(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `expected ${parsed.expected}, got ${JSON.stringify(text)}` });
    else if (parsed.value.mg <= 0) ctx.addIssue({ code: 'custom', message: `expected a dose greater than zero, got ${JSON.stringify(text)}` });
  });

const drugIntervention = z
  .strictObject({
    type: z.literal('drug'),
    /** A built-in drug id (or the id of one of the scenario's customDrugs). */
    drug: z.string({ error: 'expected a drug id as a string' }).meta({ examples: [...DRUG_IDS] }),
    /** Required unless `records` give the doses. */
    dose: doseString.optional(),
    /** Dosing records in the pharmacometric convention, instead of dose/every/start/stop. */
    records: z.array(doseRecordSchema).min(1).max(MAX_DOSES).optional(),
    /** Default: the drug's first route (oral where it has one). */
    route: z.enum(ROUTES).optional(),
    /** A product of the drug with its own absorption (`"xr"`, `"ir"`); default: the route's own. */
    formulation: z.string({ error: 'expected a formulation id as a string' }).optional(),
    /** IV only: infusion duration; without it an IV dose is a bolus. */
    infusion: durationString('infusion duration', { minH: 1 / 60 }).optional(),
    /** Default 0d; not with records (they carry their own times). */
    start: durationString('start time', { allowZero: true }).optional(),
    every: durationString('dosing interval', { minH: 1 / 60 }).optional(),
    stop: durationString('stop time', { allowZero: true }).optional(),
    count: z.number().int().min(1).max(MAX_DOSES).optional(),
    /** Titration: from each step's time on, doses are the step's dose. */
    steps: z.array(z.strictObject({ at: durationString('step time', { allowZero: true }), dose: doseString })).max(50).optional(),
    /** Missed doses: the scheduled doses at these times are not taken. */
    skip: z.array(durationString('missed dose time', { allowZero: true })).max(MAX_DOSES).optional(),
  })
;

/** Checks that need the drug: its routes, infusions, and records against the regimen fields. */
function checkIntervention(iv: z.output<typeof drugIntervention>, drug: DrugFile, say: (path: (string | number)[], message: string) => void): void {
  const routes = Object.keys(drug.routes);
  if (iv.route !== undefined && !routes.includes(iv.route)) {
    say(['route'], `expected a route of ${drug.id}: ${routes.map((r) => JSON.stringify(r)).join(', ')}; got ${JSON.stringify(iv.route)}`);
  }
  if (iv.infusion !== undefined && routeOf(iv, drug) !== 'iv') say(['infusion'], 'expected "infusion" only with "route": "iv"');
  if (iv.formulation !== undefined) {
    const route = routeOf(iv, drug);
    const allowed = Object.entries(drug.formulations ?? {}).filter(([, f]) => f.route === route).map(([id]) => id);
    if (!allowed.includes(iv.formulation)) {
      const expected = allowed.length > 0 ? `a formulation of ${drug.id} by ${route}: ${allowed.map((id) => JSON.stringify(id)).join(', ')}` : `no formulation (${drug.id} has none by ${route})`;
      say(['formulation'], `expected ${expected}; got ${JSON.stringify(iv.formulation)}`);
    }
    // Steady-state records are solved per route; formulations are not threaded through them yet.
    if (iv.records !== undefined) say(['formulation'], 'expected "formulation" only with dose/every regimens, not with "records"');
  }
  if (iv.records === undefined) {
    if (iv.dose === undefined) say(['dose'], 'expected a dose such as "10 mg" (or "records")');
    return;
  }
  for (const key of ['dose', 'start', 'every', 'stop', 'count', 'steps', 'skip', 'infusion'] as const) {
    if (iv[key] !== undefined) say([key], `expected either "records" or "${key}", not both (records carry their own times, amounts, rates and intervals)`);
  }
  const route = routeOf(iv, drug);
  const depot = route === 'oral' || route === 'intranasal';
  iv.records.forEach((r, k) => {
    if (route === 'patch') {
      if (k === 0) say(['records'], 'dosing records are not available for patches; use dose/every (with the patch\'s wear time) or route "iv" or "oral"');
    } else if (r.cmt === 'depot' && !depot) say(['records', k, 'cmt'], `a depot dose needs an absorbing route (oral or intranasal), not ${JSON.stringify(route)}; use cmt "central"`);
  });
}

/** The drugs a validated scenario can use: built-in ones, then its own user-defined ones. */
export function drugLookup(scenario: Pick<Scenario, 'customDrugs'>): (id: string) => DrugFile | undefined {
  const custom = new Map((scenario.customDrugs ?? []).map((d) => [d.id, toDrugFile(d)]));
  return (id) => getDrug(id) ?? custom.get(id);
}

/** The route an intervention uses: its own, or the drug's default (oral where it has one). */
export function routeOf(iv: { route?: Route | undefined }, drug: Pick<DrugFile, 'routes'> | undefined): Route {
  if (iv.route !== undefined) return iv.route;
  const routes = Object.keys(drug?.routes ?? { oral: {} }) as Route[];
  return routes.includes('oral') ? 'oral' : (routes[0] ?? 'oral');
}

/** Psychotherapy sessions: structured learning events whose effect scales with the plasticity gain at the session. */
const therapyIntervention = z.strictObject({
  type: z.literal('therapy'),
  /** `cbt`: cognitive-behavioural sessions (depression); `exposure`: exposure sessions building extinction memory (PTSD, fear). */
  kind: z.enum(THERAPY_KINDS),
  start: durationString('start time', { allowZero: true }).optional(),
  every: durationString('session interval', { minH: 1 / 60 }).optional(),
  stop: durationString('stop time', { allowZero: true }).optional(),
  count: z.number().int().min(1).max(1000).optional(),
  skip: z.array(durationString('missed session time', { allowZero: true })).max(1000).optional(),
});

const intervention = z.discriminatedUnion('type', [drugIntervention, therapyIntervention, dbsIntervention, tmsIntervention, tdcsIntervention, ectIntervention]);
const INTERVENTION_TYPES = ['drug', 'therapy', 'dbs', 'tms', 'tdcs', 'ect'];

/** Learning tasks run at a moment of the scenario, reading the modulatory state then (Engine IV). */
const taskAt = () => durationString('task time', { allowZero: true });
const taskEntry = z.discriminatedUnion('task', [
  TASK_ENTRY_SCHEMAS['fear-conditioning'].extend({ at: taskAt() }),
  TASK_ENTRY_SCHEMAS['probabilistic-selection'].extend({ at: taskAt() }),
  TASK_ENTRY_SCHEMAS['episodic-memory'].extend({ at: taskAt() }),
  TASK_ENTRY_SCHEMAS['reversal-learning'].extend({ at: taskAt() }),
  TASK_ENTRY_SCHEMAS['spatial-navigation'].extend({ at: taskAt() }),
  TASK_ENTRY_SCHEMAS['sleep-consolidation'].extend({ at: taskAt() }),
  TASK_ENTRY_SCHEMAS.spacing.extend({ at: taskAt() }),
]);
export type TaskEntry = z.output<typeof taskEntry>;
/** Most task runs one scenario may ask for. */
export const MAX_TASKS = 50;

const patientSchema = z.strictObject({
  condition: z.enum(CONDITIONS),
  severity: z
    .union([z.enum(SEVERITIES), z.number().min(0).max(1)], { error: (iss) => `expected "mild", "moderate", "severe" or a number from 0 to 1, got ${describeValue(iss.input)}` })
    .optional(),
  treatmentResistant: z.boolean().optional(),
  age: z.number().int().min(18).max(110).default(40),
  sex: z.enum(['female', 'male']).default('female'),
  weightKg: z.number().min(30).max(250).default(70),
  cyp2d6: z.enum(CYP2D6).default('normal'),
  /** Creatinine clearance (renal function), mL/min. */
  crclMlMin: z.number().min(5).max(200).default(100),
});

export const scenarioSchema = z
  .strictObject({
    schema: z.literal(SCENARIO_SCHEMA),
    name: z.string().trim().min(1, 'expected a non-empty name').max(200),
    description: z.string().max(10_000).optional(),
    duration: durationString('duration', { minH: 1 }),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    patient: patientSchema,
    interventions: z.array(intervention).max(100).default([]),
    /** User-defined drugs the interventions may use, so that the file is self-contained. */
    customDrugs: z.array(customDrugSchema).max(20).optional(),
    /** Mechanisms of the slow layer switched off, to see what each one explains ("what if autoreceptors did not desensitise?"). */
    disable: z.array(z.enum(MECHANISM_IDS)).max(MECHANISM_IDS.length).optional(),
    sampling: durationString('sampling interval', { minH: 1 / 60 }).default('1h'),
    /** Learning paradigms, each run at its time `at` from the modulatory state of that moment. */
    tasks: z.array(taskEntry).max(MAX_TASKS).optional(),
    /**
     * When the circuit probes (EEG neural mass, basal-ganglia spectrum) publish: every interval, or
     * at listed times. Without it, a default around events (see `probeTimes`). Probes decide what is
     * published, not whether the circuits act.
     */
    probes: z
      .strictObject({
        every: durationString('probe interval', { minH: 1 / 60 }).optional(),
        at: z.array(durationString('probe time', { allowZero: true })).min(1).max(MAX_PROBES).optional(),
      })
      .optional(),
  })
  .superRefine((s, ctx) => {
    const duration = hoursOf(s.duration);
    const step = hoursOf(s.sampling);
    if (duration / step > MAX_SAMPLES) {
      ctx.addIssue({ code: 'custom', path: ['sampling'], message: `expected at most ${MAX_SAMPLES} samples; ${s.sampling} over ${s.duration} gives ${Math.floor(duration / step)}` });
    } else {
      // The whole output, not one series, must fit (a results file of hundreds of MB cannot be written or shown).
      const drugs = new Set(s.interventions.flatMap((iv) => (iv.type === 'drug' ? [iv.drug] : []))).size;
      const series = outputSeriesBound(s);
      const samples = Math.floor(duration / step) + 1;
      if (samples * series > MAX_OUTPUT_VALUES) {
        ctx.addIssue({ code: 'custom', path: ['sampling'], message: `expected at most ${MAX_OUTPUT_VALUES.toLocaleString('en')} output values; ${s.sampling} over ${s.duration} gives ${samples.toLocaleString('en')} samples of about ${series} series (${drugs} drug${drugs === 1 ? '' : 's'}): choose a sampling of at least ${Math.ceil((60 * duration * series) / MAX_OUTPUT_VALUES)} min or a shorter duration` });
      }
    }
    const custom = new Map<string, DrugFile>();
    s.customDrugs?.forEach((d, i) => {
      if (getDrug(d.id) !== undefined) ctx.addIssue({ code: 'custom', path: ['customDrugs', i, 'id'], message: `${JSON.stringify(d.id)} is a built-in drug; a user-defined drug never replaces one, choose another id` });
      else if (custom.has(d.id)) ctx.addIssue({ code: 'custom', path: ['customDrugs', i, 'id'], message: `${JSON.stringify(d.id)} is defined twice` });
      else custom.set(d.id, toDrugFile(d));
    });
    if (s.probes !== undefined) {
      const { every, at } = s.probes;
      if ((every === undefined) === (at === undefined)) ctx.addIssue({ code: 'custom', path: ['probes'], message: 'expected either "every" (an interval) or "at" (a list of times), not both or neither' });
      if (every !== undefined && duration / hoursOf(every) > MAX_PROBES) {
        ctx.addIssue({ code: 'custom', path: ['probes', 'every'], message: `expected at most ${MAX_PROBES} probes; ${every} over ${s.duration} gives ${Math.floor(duration / hoursOf(every))}` });
      }
      at?.forEach((text, i) => {
        if (hoursOf(text) > duration) ctx.addIssue({ code: 'custom', path: ['probes', 'at', i], message: `expected a probe time within the scenario (${s.duration}), got ${JSON.stringify(text)}` });
      });
    }
    s.tasks?.forEach((t, i) => {
      if (hoursOf(t.at) > duration) ctx.addIssue({ code: 'custom', path: ['tasks', i, 'at'], message: `expected a task time within the scenario (${s.duration}), got ${JSON.stringify(t.at)}` });
    });
    let doses = 0;
    s.interventions.forEach((iv, i) => {
      const at = (key: string) => ['interventions', i, key];
      if (iv.type === 'therapy') {
        checkRegimen(iv, s.duration, duration, (key, message) => ctx.addIssue({ code: 'custom', path: at(key), message }));
        doses += regimenTimes(iv, duration).length;
        return;
      }
      if (iv.type !== 'drug') {
        if (hoursOf(iv.start) >= duration) ctx.addIssue({ code: 'custom', path: at('start'), message: `expected a start time before the end of the scenario (${s.duration}), got ${JSON.stringify(iv.start)}` });
        if (iv.type === 'dbs') {
          const safety = dbsSafety(resolveDbs(iv));
          if (safety.verdict === 'refuse') ctx.addIssue({ code: 'custom', path: at(safety.field ?? 'amplitudeV'), message: safety.message });
        } else doses += stimulationTimes(iv, duration).length;
        return;
      }
      const drug = getDrug(iv.drug) ?? custom.get(iv.drug);
      if (drug === undefined) {
        const known = [...DRUG_IDS, ...custom.keys()];
        ctx.addIssue({ code: 'custom', path: at('drug'), message: `unknown drug ${JSON.stringify(iv.drug)}; expected one of ${known.join(', ')} (or a drug defined under "customDrugs")` });
        return;
      }
      checkIntervention(iv, drug, (path, message) => ctx.addIssue({ code: 'custom', path: [...at(path[0] as string), ...path.slice(1)], message }));
      checkRegimen(iv, s.duration, duration, (key, message) => ctx.addIssue({ code: 'custom', path: at(key), message }));
      const tooBig = (text: string, path: (string | number)[]) => {
        const dose = parseDose(text);
        const mg = dose.ok ? (dose.value.perKg ? dose.value.mg * s.patient.weightKg : dose.value.mg) : 0;
        if (mg > MAX_DOSE_MG) ctx.addIssue({ code: 'custom', path, message: `expected a dose of at most ${MAX_DOSE_MG / 1000} g, got ${JSON.stringify(text)} (${mg} mg)` });
      };
      if (iv.records !== undefined) {
        iv.records.forEach((r, k) => {
          const path = (key: string) => [...at('records'), k, key];
          if (r.time >= duration) ctx.addIssue({ code: 'custom', path: path('time'), message: `expected a time before the end of the scenario (${duration} h), got ${r.time}` });
          if (r.lag > duration) ctx.addIssue({ code: 'custom', path: path('lag'), message: `expected a lag no longer than the scenario (${duration} h), got ${r.lag}` });
          if (r.amt * r.f > MAX_DOSE_MG) ctx.addIssue({ code: 'custom', path: path('amt'), message: `expected at most ${MAX_DOSE_MG} mg after f, got ${r.amt * r.f}` });
          if ((r.rate ?? 0) > MAX_DOSE_MG) ctx.addIssue({ code: 'custom', path: path('rate'), message: `expected a rate of at most ${MAX_DOSE_MG} mg/h, got ${r.rate}` });
        });
        doses += countRecordEvents(iv.records);
        return;
      }
      if (iv.dose !== undefined) tooBig(iv.dose, at('dose'));
      iv.steps?.forEach((step, k) => tooBig(step.dose, [...at('steps'), k, 'dose']));
      doses += doseSchedule(iv, duration).length;
    });
    if (doses > MAX_DOSES) ctx.addIssue({ code: 'custom', path: ['interventions'], message: `expected at most ${MAX_DOSES} doses and sessions in one scenario, got ${doses}` });
  });

/** Upper bound on the number of series a run of the scenario publishes (for the output bound). */
export function outputSeriesBound(s: { interventions: ReadonlyArray<{ type: string; drug?: string }> }): number {
  const drugs = new Set(s.interventions.flatMap((iv) => (iv.type === 'drug' && iv.drug !== undefined ? [iv.drug] : []))).size;
  return SERIES_PER_RUN + SERIES_PER_DRUG * drugs;
}

/** Session times (h) of a course of TMS, tDCS or ECT within the scenario. */
export function stimulationTimes(iv: TmsIntervention | TdcsIntervention | EctIntervention, durationH: number): number[] {
  const startH = hoursOf(iv.start);
  if (iv.type === 'ect') return ectSessionTimes(startH, iv.sessionsPerWeek, iv.count).filter((t) => t < durationH);
  return courseSessionTimes({ startH, stopH: Math.min(durationH, hoursOf(iv.stop)), sessionsPerDay: iv.sessionsPerDay, daysPerWeek: iv.daysPerWeek });
}

/** Start, stop and interval of a repeated intervention (doses or sessions) against the scenario's duration. */
function checkRegimen(iv: { start?: string | undefined; stop?: string | undefined; every?: string | undefined; count?: number | undefined }, durationText: string, duration: number, say: (key: string, message: string) => void): void {
  const start = hoursOf(iv.start ?? '0d');
  if (start >= duration) say('start', `expected a start time before the end of the scenario (${durationText}), got ${JSON.stringify(iv.start)}`);
  if (iv.stop !== undefined && hoursOf(iv.stop) <= start) say('stop', `expected a stop time after start (${iv.start ?? '0d'}), got ${JSON.stringify(iv.stop)}`);
  if (iv.every === undefined && (iv.stop !== undefined || iv.count !== undefined)) {
    say('every', `expected "every" (the interval) when "${iv.stop !== undefined ? 'stop' : 'count'}" is given`);
  }
}

/** A scenario as written in a file (defaults may be missing). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with defaults filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
export type DrugIntervention = z.output<typeof drugIntervention>;
export type Patient = z.output<typeof patientSchema>;

export interface FieldError {
  /** JSON path in dotted form with indices, e.g. `interventions[0].dose`. */
  path: string;
  message: string;
}

export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: FieldError[] };

/** JSON Schema (draft 2020-12) of the scenario format, for editors and other tools (`modulon schema`). */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}

/** Hours of a duration string that already passed validation. */
export function hoursOf(text: string): number {
  const parsed = parseDuration(text);
  return parsed.ok ? parsed.value : Number.NaN;
}

export interface ScheduledDose {
  /** Hours from the start. */
  t: number;
  /** The dose string in force at that time (the intervention's, or a titration step's). */
  dose: string;
}

/** The doses one intervention gives within a scenario of `durationH` hours, skips removed. */
export function doseSchedule(
  iv: Pick<DrugIntervention, 'start' | 'every' | 'stop' | 'count' | 'dose' | 'steps' | 'skip'>,
  durationH: number,
): ScheduledDose[] {
  if (iv.dose === undefined) return [];
  const dose = iv.dose;
  const steps = (iv.steps ?? []).map((s) => ({ at: hoursOf(s.at), dose: s.dose })).sort((a, b) => a.at - b.at);
  return regimenTimes(iv, durationH).map((t) => ({ t, dose: steps.filter((s) => s.at <= t + 1e-9).at(-1)?.dose ?? dose }));
}

/** Times (hours) of a repeated intervention — doses or sessions — within `durationH`, skips removed. */
export function regimenTimes(iv: Pick<DrugIntervention, 'start' | 'every' | 'stop' | 'count' | 'skip'>, durationH: number): number[] {
  const start = hoursOf(iv.start ?? '0d');
  if (!(start < durationH)) return [];
  const times: number[] = [];
  if (iv.every === undefined) times.push(start);
  else {
    const every = hoursOf(iv.every);
    const stop = Math.min(durationH, iv.stop === undefined ? durationH : hoursOf(iv.stop));
    const count = Math.min(iv.count ?? MAX_DOSES + 1, MAX_DOSES + 1);
    // Multiply rather than accumulate so that dose k lands exactly on start + k·every.
    for (let k = 0; k < count; k++) {
      const t = start + k * every;
      if (t >= stop) break;
      times.push(t);
    }
  }
  // Missed doses matched on the microsecond grid: a set, not a scan per dose.
  const key = (h: number) => Math.round(h * 3.6e9);
  const skipped = new Set((iv.skip ?? []).map((x) => key(hoursOf(x))));
  return times.filter((t) => !skipped.has(key(t)));
}

/** Brings an older scenario document forward to the current schema (pure; identity for /1). */
export function migrateScenario(doc: unknown): { ok: true; doc: unknown } | { ok: false; errors: FieldError[] } {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, errors: [{ path: '$', message: 'expected a JSON object with "schema": "modulon.scenario/1"' }] };
  }
  const schema = (doc as { schema?: unknown }).schema;
  if (schema === SCENARIO_SCHEMA) return { ok: true, doc };
  return {
    ok: false,
    errors: [{ path: 'schema', message: `expected "${SCENARIO_SCHEMA}", got ${JSON.stringify(schema) ?? 'nothing'}` }],
  };
}

/** Validates (after migration) a scenario document from a file, the API or the UI. */
export function parseScenario(doc: unknown): ParseScenarioResult {
  const migrated = migrateScenario(doc);
  if (!migrated.ok) return migrated;
  const parsed = scenarioSchema.safeParse(migrated.doc, { reportInput: true });
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: describeIssue(i) })) };
}

/** `interventions[0].dose` from ['interventions', 0, 'dose']; `$` for the root. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '$' : out;
}

/** One clear sentence per issue; zod's defaults are rewritten where they would be cryptic. */
function describeIssue(issue: z.core.$ZodIssue): string {
  // A message written in this file's schemas is kept; zod's defaults ("Invalid input: ...", "Too small: ...") are rewritten.
  if (!/^(Invalid|Too (big|small)|Unrecognized)/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? `expected ${issue.expected}, but it is missing` : `expected ${issue.expected}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(issue.input)}`;
    case 'invalid_union':
      if (issue.discriminator !== undefined && issue.errors.length === 0) {
        const key = issue.discriminator ?? 'type';
        const got = typeof issue.input === 'object' && issue.input !== null ? (issue.input as Record<string, unknown>)[key] : undefined;
        const expected = INTERVENTION_TYPES.map((t) => JSON.stringify(t)).join(', ');
        return `expected one of ${expected}, ${got === undefined ? 'but it is missing' : `got ${describeValue(got)}`}`;
      }
      return issue.message;
    case 'too_big':
      return `expected at most ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}, got ${describeValue(issue.input)}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}, got ${describeValue(issue.input)}`;
    default:
      return issue.message;
  }
}

function describeValue(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return typeof v;
}
