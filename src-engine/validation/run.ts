// Runs validation cases: simulate, measure, compare with the published value, classify the band.
import { simulate } from '../simulate.ts';
import type { Results } from '../results.ts';
import { agreement, difference, measure } from './measure.ts';
import { validationCaseSchema, type Band, type Independence, type Layer, type ValidationCase } from './schema.ts';

export interface CaseResult {
  id: string;
  layer: Layer;
  independence: Independence;
  sharedSource?: string;
  /** How the value was expressed (a level, a ratio's change, a fall). */
  express: ValidationCase['express'];
  title: string;
  drug: string;
  /** The patient's condition in the case's scenario (for grouping; "depression-trd" when treatment-resistant). */
  condition?: string;
  /** What was measured (the measure's kind), whether against an untreated run, and how two runs combine. */
  measure?: ValidationCase['measure']['kind'];
  baseline?: boolean;
  over?: 'ratio' | 'difference';
  simulated: number | null;
  published: number;
  range?: readonly [number, number];
  unit: string;
  source: string;
  confidence: string;
  /** Signed relative error (simulated − published) / published; null when the case could not run. */
  error: number | null;
  /** Signed relative distance from the nearer edge of the range (0 inside); null when the case could not run. */
  fromEdge: number | null;
  /** Position inside the published range (0 = lower edge, 1 = upper), when inside one. */
  position?: number;
  band: Band | 'failed';
  /** Why a case failed to run (invalid scenario, missing series). */
  problem?: string;
  note?: string;
}

export function loadCases(files: readonly unknown[]): ValidationCase[] {
  const cases: ValidationCase[] = [];
  for (const file of files) {
    for (const raw of file as unknown[]) {
      const parsed = validationCaseSchema.safeParse(raw);
      if (!parsed.success) {
        const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '?';
        throw new Error(`validation case ${id} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      }
      cases.push(parsed.data);
    }
  }
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`validation case id ${c.id} is used twice`);
    ids.add(c.id);
  }
  return cases;
}

/** Runs shared by several cases (an untreated reference, say) are simulated once: runs are deterministic. */
const recent = new Map<string, { ok: true; results: Results } | { ok: false; reason: string }>();
const RECENT_RUNS = 12;

function simulated(scenario: unknown): { ok: true; results: Results } | { ok: false; reason: string } {
  const key = JSON.stringify(scenario);
  const hit = recent.get(key);
  if (hit) return hit;
  const out = simulate(scenario);
  const entry = out.ok ? { ok: true as const, results: out.results } : { ok: false as const, reason: `scenario ${out.errors[0]?.path}: ${out.errors[0]?.message}` };
  if (recent.size >= RECENT_RUNS) recent.delete(recent.keys().next().value as string);
  recent.set(key, entry);
  return entry;
}

/** The condition of a case's patient, read from its scenario without validating it (the run does). */
function conditionOf(scenario: unknown): { condition?: string } {
  const patient = (scenario as { patient?: { condition?: unknown; treatmentResistant?: unknown } } | null)?.patient;
  if (typeof patient?.condition !== 'string') return {};
  return { condition: patient.condition === 'depression' && patient.treatmentResistant === true ? 'depression-trd' : patient.condition };
}

export function runCase(c: ValidationCase): CaseResult {
  const base = {
    id: c.id,
    layer: c.layer,
    independence: c.independence,
    ...(c.sharedSource ? { sharedSource: c.sharedSource } : {}),
    express: c.express,
    title: c.title,
    drug: c.drug,
    ...conditionOf(c.scenario),
    measure: c.measure.kind,
    baseline: c.baseline !== undefined,
    ...(c.over ? { over: c.over.combine } : {}),
    published: c.published.value,
    ...(c.published.range ? { range: c.published.range } : {}),
    unit: c.published.unit,
    source: c.published.source,
    confidence: c.published.confidence,
    ...(c.published.note ? { note: c.published.note } : {}),
  };
  const fail = (problem: string): CaseResult => ({ ...base, simulated: null, error: null, fromEdge: null, band: 'failed', problem });
  const once = (scenario: unknown, baseline: unknown, m: ValidationCase['measure']) => {
    const out = simulated(scenario);
    if (!out.ok) return out;
    if (baseline === undefined) return measure(out.results, m);
    const ref = simulated(baseline);
    if (!ref.ok) return ref;
    const diff = difference(out.results, ref.results, m.series);
    return diff.ok ? measure(diff.results, m) : diff;
  };
  const first = once(c.scenario, c.baseline, c.measure);
  if (!first.ok) return fail(first.reason);
  let value = first.value;
  if (c.over) {
    const second = once(c.over.scenario, c.over.baseline, c.over.measure);
    if (!second.ok) return fail(second.reason);
    if (c.over.combine === 'difference') value -= second.value;
    else if (second.value === 0) return fail('the reference run measured 0');
    else value /= second.value;
  }
  if (c.express === 'ratio-change') value -= 1;
  else if (c.express === 'fall') value = 1 - value;
  const a = agreement(value, c.published.value, c.published.range);
  return { ...base, simulated: value, error: a.error, fromEdge: a.fromEdge, ...(a.position === undefined ? {} : { position: a.position }), band: a.band };
}
