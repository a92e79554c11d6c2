// The effect matrix (validation layer "effects"): for catalogue drugs × conditions, the change a
// drug makes to a condition's scale or to an adverse effect at a trial-like time, against the same
// patient untreated (or on the comparator both arms receive) — sign and size with a band, and "no
// effect" as a negative control where trials found none. Cells are data
// (data/validation/effects.json); each names its source and whether it is independent of the
// sources that set the parameters.
import { z } from 'zod';
import { simulate } from '../simulate.ts';
import type { Results } from '../results.ts';
import { hoursOf } from '../scenario.ts';
import { duration, INDEPENDENCE, type Independence } from './schema.ts';


export const effectCellSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-_]*$/),
  drug: z.string().min(2),
  /** Column of the grid: a condition id, or "depression-trd". */
  condition: z.string().min(3),
  /** The patient of both arms (modulon.scenario/1 `patient`). */
  patient: z.record(z.string(), z.unknown()),
  /** `scale.*` (value at `at`) or `adverse.*` (largest excess up to `at`: an incidence over the trial). */
  readout: z.string().regex(/^(scale|adverse)\.[a-z0-9_]+$/),
  regimen: z.array(z.record(z.string(), z.unknown())).min(1),
  /** Interventions both arms receive (an add-on design); none: the untreated arm is the placebo arm. */
  comparator: z.array(z.record(z.string(), z.unknown())).optional(),
  at: duration,
  expected: z.strictObject({ value: z.number().finite(), range: z.tuple([z.number().finite(), z.number().finite()]), unit: z.string().min(1) }),
  /** positive: the drug moves the readout; negative: trials found no effect (or no use, no mechanism). */
  control: z.enum(['positive', 'negative']),
  source: z.string().min(5),
  evidence: z.string().min(5),
  /** Whether the number itself was read in the source during the check (false: recalled or derived). */
  checked: z.boolean(),
  independence: z.enum(INDEPENDENCE),
  sharedSource: z.string().optional(),
  /** Why a cell is out of band (every miss has one). */
  note: z.string().optional(),
});
export type EffectCell = z.infer<typeof effectCellSchema>;

export const effectsFileSchema = z.strictObject({
  cells: z.array(effectCellSchema),
  /** Drug × condition × readout without usable evidence either way: listed, not invented. */
  noEvidence: z.array(z.strictObject({ drug: z.string(), condition: z.string(), readout: z.string(), why: z.string().min(5) })),
});
export type EffectsFile = z.infer<typeof effectsFileSchema>;

/** in band: inside the published range; near: outside by at most max(30 % of |expected|, the range's half-width); outside: further. */
export const VERDICTS = ['in band', 'near', 'outside'] as const;
export type Verdict = (typeof VERDICTS)[number] | 'failed';

export interface EffectResult {
  id: string;
  drug: string;
  condition: string;
  readout: string;
  at: string;
  control: EffectCell['control'];
  expected: number;
  range: readonly [number, number];
  unit: string;
  /** Drug arm − comparator arm, in the readout's unit; null when a run failed. */
  simulated: number | null;
  /** Distance outside the range (0 inside), signed: + above, − below. */
  fromEdge: number | null;
  verdict: Verdict;
  source: string;
  independence: Independence;
  checked: boolean;
  note?: string;
  problem?: string;
}

export function loadEffects(raw: unknown): EffectsFile {
  const parsed = effectsFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`data/validation/effects.json is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const ids = new Set<string>();
  for (const c of parsed.data.cells) {
    if (ids.has(c.id)) throw new Error(`effect cell id ${c.id} is used twice`);
    ids.add(c.id);
  }
  return parsed.data;
}

/** Classifies an effect against its range. */
export function verdictOf(simulated: number, value: number, range: readonly [number, number]): { fromEdge: number; verdict: (typeof VERDICTS)[number] } {
  const lo = Math.min(...range);
  const hi = Math.max(...range);
  const fromEdge = simulated < lo ? simulated - lo : simulated > hi ? simulated - hi : 0;
  const slack = Math.max(0.3 * Math.abs(value), (hi - lo) / 2);
  return { fromEdge, verdict: fromEdge === 0 ? 'in band' : Math.abs(fromEdge) <= slack ? 'near' : 'outside' };
}

/** Whole hours are sampled hourly; a cell at a fraction of an hour (dissociation at 40 min) every 10 min. */
function scenarioOf(c: EffectCell, interventions: unknown[]): unknown {
  const end = hoursOf(c.at);
  const fine = end < 48;
  return {
    schema: 'modulon.scenario/1',
    name: `${c.id}`,
    duration: fine ? `${Math.max(2, Math.ceil(end))}h` : `${Math.ceil(end / 24)}d`,
    patient: c.patient,
    interventions,
    sampling: fine ? '10min' : '1h',
  };
}

function sampleAt(r: Results, series: string, t: number): number | undefined {
  const s = r.series[series];
  if (!s) return undefined;
  const k = s.t.findIndex((x) => Math.abs(x - t) < 1e-6);
  return k < 0 ? undefined : (s.v[k] as number);
}

/** The drug's effect in one cell: scale at `at`, or the largest adverse excess over [0, at]. */
export function measureEffect(c: EffectCell, drugArm: Results, comparatorArm: Results): { ok: true; value: number } | { ok: false; reason: string } {
  const t = hoursOf(c.at);
  const a = drugArm.series[c.readout];
  const b = comparatorArm.series[c.readout];
  if (!a || !b) return { ok: false, reason: `no series ${c.readout}` };
  if (c.readout.startsWith('scale.')) {
    const x = sampleAt(drugArm, c.readout, t);
    const y = sampleAt(comparatorArm, c.readout, t);
    return x === undefined || y === undefined ? { ok: false, reason: `no sample of ${c.readout} at ${c.at}` } : { ok: true, value: x - y };
  }
  let best = 0;
  for (let k = 0; k < a.t.length && (a.t[k] as number) <= t + 1e-9; k++) {
    const d = (a.v[k] as number) - (b.v[k] as number);
    if (Math.abs(d) > Math.abs(best)) best = d;
  }
  return { ok: true, value: best };
}

export function runEffect(c: EffectCell): EffectResult {
  const base = {
    id: c.id,
    drug: c.drug,
    condition: c.condition,
    readout: c.readout,
    at: c.at,
    control: c.control,
    expected: c.expected.value,
    range: c.expected.range,
    unit: c.expected.unit,
    source: c.source,
    independence: c.independence,
    checked: c.checked,
    ...(c.note ? { note: c.note } : {}),
  };
  const comparator = c.comparator ?? [];
  const drug = simulate(scenarioOf(c, [...comparator, ...c.regimen]));
  const ref = simulate(scenarioOf(c, comparator));
  if (!drug.ok || !ref.ok) {
    const e = (drug.ok ? ref : drug) as { ok: false; errors: { path: string; message: string }[] };
    return { ...base, simulated: null, fromEdge: null, verdict: 'failed', problem: `scenario ${e.errors[0]?.path}: ${e.errors[0]?.message}` };
  }
  const m = measureEffect(c, drug.results, ref.results);
  if (!m.ok) return { ...base, simulated: null, fromEdge: null, verdict: 'failed', problem: m.reason };
  const v = verdictOf(m.value, c.expected.value, c.expected.range);
  return { ...base, simulated: m.value, fromEdge: v.fromEdge, verdict: v.verdict };
}

const rankOf = (v: Verdict) => (v === 'failed' ? VERDICTS.length : VERDICTS.indexOf(v));

/** Grid cell colour for a drug × condition: the worst verdict among its cells. */
export function gridOf(results: readonly EffectResult[]): Map<string, Map<string, Verdict>> {
  const grid = new Map<string, Map<string, Verdict>>();
  for (const r of results) {
    const row = grid.get(r.drug) ?? new Map<string, Verdict>();
    const was = row.get(r.condition);
    if (was === undefined || rankOf(r.verdict) > rankOf(was)) row.set(r.condition, r.verdict);
    grid.set(r.drug, row);
  }
  return grid;
}
