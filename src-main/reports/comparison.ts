// The comparison format `modulon.comparison/1` (src-engine/contract/reports.ts): validation with
// messages that name the field, and the arms resolved into scenario documents (base + variation).
// Pure: no Node, no store (stored scenarios are copied in by the caller before this runs).
import { z } from 'zod';
import { COMPARISON_SCHEMA, type AnalysisInput, type ArmInput, type ComparisonInput, type InterventionInput } from '../../src-engine/contract/reports.ts';
import { formatPath, parseDuration, parseScenario, type FieldError, type ScenarioInput } from '../../src-engine/index.ts';

export const MAX_ARMS = 6;
export const MAX_SERIES = 12;

const seriesName = z.string().regex(/^[A-Za-z0-9_.-]{3,80}$/, 'expected a series name such as "scale.madrs"');
const durationText = z.string().superRefine((text, ctx) => {
  const parsed = parseDuration(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `expected ${parsed.expected}, got ${JSON.stringify(text)}` });
});
const id = z.string().regex(/^[0-9a-f-]{8,64}$/, 'expected an id');
const docObject = z.record(z.string(), z.unknown(), { error: 'expected a scenario (a JSON object with "schema": "modulon.scenario/1")' });
const keyValues = z.record(z.string(), z.unknown(), { error: 'expected an object of keys and values' });

export const analysisShape = {
  series: z.array(seriesName).min(1).max(MAX_SERIES).optional(),
  at: z.array(durationText).min(1).max(8).optional(),
  chainAt: z.array(durationText).min(1).max(4).optional(),
  reference: z.string().min(1).optional(),
  thresholds: z
    .record(seriesName, z.strictObject({ levels: z.array(z.number().finite()).min(1).max(6), direction: z.enum(['above', 'below']).optional() }))
    .optional(),
  effect: z.record(seriesName, z.number().finite().refine((x) => x !== 0, 'expected a change other than 0')).optional(),
};
export const analysisSchema = z.strictObject(analysisShape);

const armSchema = z.strictObject({
  name: z.string().trim().min(1, 'expected a non-empty arm name').max(80),
  scenario: docObject.optional(),
  scenarioId: id.optional(),
  patient: keyValues.optional(),
  change: z.array(z.strictObject({ intervention: z.number().int().min(0), set: keyValues })).max(20).optional(),
  remove: z.array(z.number().int().min(0)).max(100).optional(),
  add: z.array(keyValues).max(100).optional(),
});

export const comparisonSchema = z.strictObject({
  schema: z.literal(COMPARISON_SCHEMA, { error: `expected "${COMPARISON_SCHEMA}"` }),
  name: z.string().trim().min(1, 'expected a non-empty name').max(200),
  description: z.string().max(10_000).optional(),
  base: docObject.optional(),
  baseScenarioId: id.optional(),
  arms: z.array(armSchema).min(2, 'expected at least 2 arms').max(MAX_ARMS, `expected at most ${MAX_ARMS} arms`),
  ...analysisShape,
});

export interface ResolvedArm {
  name: string;
  doc: ScenarioInput;
  input: ArmInput;
}

export type ComparisonOutcome = { ok: true; comparison: ComparisonInput; arms: ResolvedArm[] } | { ok: false; errors: FieldError[] };

const zodErrors = (error: z.ZodError, prefix = ''): FieldError[] =>
  error.issues.map((i) => {
    const path = formatPath(i.path);
    return { path: prefix === '' ? path : path === '$' ? prefix : `${prefix}${path.startsWith('[') ? '' : '.'}${path}`, message: zodMessage(i) };
  });

/** One clear sentence per issue: messages written here are kept, zod's defaults rewritten. */
function zodMessage(issue: z.core.$ZodIssue): string {
  if (!/^(Invalid|Too (big|small)|Unrecognized)/.test(issue.message)) return issue.message;
  const what = (origin: string) => (origin === 'array' ? ' items' : origin === 'string' ? ' characters' : '');
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? `expected ${issue.expected}, but it is missing` : `expected ${issue.expected}, got ${Array.isArray(issue.input) ? 'an array' : issue.input === null ? 'null' : typeof issue.input}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}${what(issue.origin)}`;
    case 'too_big':
      return `expected at most ${String(issue.maximum)}${what(issue.origin)}`;
    default:
      return issue.message;
  }
}

/** Validates the analysis options on their own (the report's overrides). */
export function parseAnalysis(input: unknown, prefix = 'analysis'): { ok: true; analysis: AnalysisInput } | { ok: false; errors: FieldError[] } {
  const parsed = analysisSchema.safeParse(input ?? {});
  return parsed.success ? { ok: true, analysis: parsed.data } : { ok: false, errors: zodErrors(parsed.error, prefix) };
}

/**
 * Validates a comparison document whose stored scenarios are already copied in (`scenario`,
 * `base`), and resolves each arm into a scenario document that `parseScenario` accepts. Every error
 * names the field of the comparison it comes from (`arms[1].add[0].dose`, `base.duration`).
 */
export function parseComparison(doc: unknown): ComparisonOutcome {
  const parsed = comparisonSchema.safeParse(doc, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  const c = parsed.data as ComparisonInput;
  const errors: FieldError[] = [];
  const names = new Map<string, number>();
  c.arms.forEach((arm, i) => {
    const key = arm.name.trim().toLowerCase();
    if (names.has(key)) errors.push({ path: `arms[${i}].name`, message: `expected a name different from arms[${names.get(key)}]'s, got ${JSON.stringify(arm.name)}` });
    else names.set(key, i);
  });
  if (c.reference !== undefined && !names.has(c.reference.trim().toLowerCase())) {
    errors.push({ path: 'reference', message: `expected the name of an arm (${c.arms.map((a) => JSON.stringify(a.name)).join(', ')}), got ${JSON.stringify(c.reference)}` });
  }
  if (c.base !== undefined) {
    const base = parseScenario(c.base);
    if (!base.ok) errors.push(...base.errors.map((e) => ({ path: `base.${e.path}`, message: e.message })));
  }
  if (errors.length > 0) return { ok: false, errors };
  const arms: ResolvedArm[] = [];
  c.arms.forEach((arm, i) => {
    const out = resolveArm(arm, c.base, `arms[${i}]`);
    if (out.ok) arms.push({ name: arm.name.trim(), doc: out.doc, input: arm });
    else errors.push(...out.errors);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, comparison: c, arms };
}

type Origin = { from: 'start'; index: number; changed?: { k: number; keys: string[] } } | { from: 'add'; index: number };

/** One arm's scenario: its starting scenario with the variation applied, checked by the scenario schema. */
export function resolveArm(arm: ArmInput, base: ScenarioInput | undefined, at: string): { ok: true; doc: ScenarioInput } | { ok: false; errors: FieldError[] } {
  const start = arm.scenario ?? base;
  const startPath = arm.scenario !== undefined ? `${at}.scenario` : 'base';
  if (start === undefined) {
    return { ok: false, errors: [{ path: `${at}.scenario`, message: 'expected a scenario for this arm ("scenario" or "scenarioId"), or a "base" in the comparison' }] };
  }
  if (arm.scenario !== undefined) {
    const own = parseScenario(arm.scenario);
    if (!own.ok) return { ok: false, errors: own.errors.map((e) => ({ path: `${startPath}.${e.path}`, message: e.message })) };
  }
  const errors: FieldError[] = [];
  const startInterventions = (start.interventions ?? []) as InterventionInput[];
  const n = startInterventions.length;
  const outOfRange = (path: string, k: number) => errors.push({ path, message: `expected an index of the starting scenario's interventions (${n === 0 ? 'it has none' : `0–${n - 1}`}), got ${k}` });
  const interventions: Array<Record<string, unknown>> = startInterventions.map((iv) => ({ ...(iv as Record<string, unknown>) }));
  const origins: Origin[] = startInterventions.map((_, index) => ({ from: 'start', index }));
  arm.change?.forEach((ch, k) => {
    const target = interventions[ch.intervention];
    if (target === undefined) return outOfRange(`${at}.change[${k}].intervention`, ch.intervention);
    const origin = origins[ch.intervention] as Origin & { from: 'start' };
    if (origin.changed) return errors.push({ path: `${at}.change[${k}].intervention`, message: `expected each intervention changed once; change[${origin.changed.k}] already changes ${ch.intervention}` });
    for (const [key, value] of Object.entries(ch.set)) {
      if (key === 'type') return errors.push({ path: `${at}.change[${k}].set.type`, message: 'expected the type to stay; remove the intervention and add another instead' });
      if (value === null) delete target[key];
      else target[key] = value;
    }
    origin.changed = { k, keys: Object.keys(ch.set) };
  });
  const removed = new Set<number>();
  arm.remove?.forEach((k, j) => {
    if (k >= n) outOfRange(`${at}.remove[${j}]`, k);
    else if ((origins[k] as Origin & { from: 'start' }).changed) errors.push({ path: `${at}.remove[${j}]`, message: `expected an intervention that is not also changed, got ${k}` });
    else removed.add(k);
  });
  if (errors.length > 0) return { ok: false, errors };
  const kept = interventions.filter((_, k) => !removed.has(k));
  const keptOrigins = origins.filter((_, k) => !removed.has(k));
  arm.add?.forEach((iv, j) => {
    kept.push({ ...(iv as Record<string, unknown>) });
    keptOrigins.push({ from: 'add', index: j });
  });
  const patient: Record<string, unknown> = { ...((start.patient ?? {}) as Record<string, unknown>) };
  for (const [key, value] of Object.entries(arm.patient ?? {})) {
    if (value === null) delete patient[key];
    else patient[key] = value;
  }
  const doc = { ...start, name: arm.name.trim(), patient, interventions: kept } as ScenarioInput;
  const checked = parseScenario(doc);
  if (checked.ok) return { ok: true, doc };
  return { ok: false, errors: checked.errors.map((e) => ({ path: whereFrom(e.path, at, startPath, keptOrigins, Object.keys(arm.patient ?? {})), message: e.message })) };
}

/** Maps a path in the resolved scenario back to the comparison field that produced it. */
function whereFrom(path: string, at: string, startPath: string, origins: Origin[], patientKeys: string[]): string {
  const iv = /^interventions\[(\d+)\](?:\.([^.[]+))?(.*)$/.exec(path);
  if (iv) {
    const origin = origins[Number(iv[1])];
    const rest = `${iv[2] === undefined ? '' : `.${iv[2]}`}${iv[3] ?? ''}`;
    if (origin?.from === 'add') return `${at}.add[${origin.index}]${rest}`;
    if (origin?.changed && iv[2] !== undefined && origin.changed.keys.includes(iv[2])) return `${at}.change[${origin.changed.k}].set${rest}`;
    if (origin) return `${startPath}.interventions[${origin.index}]${rest}`;
  }
  const pt = /^patient\.([^.[]+)(.*)$/.exec(path);
  if (pt && patientKeys.includes(pt[1] as string)) return `${at}.patient.${pt[1]}${pt[2]}`;
  if (path === 'name') return `${at}.name`;
  return `${at} (resolved scenario) ${path}`;
}
