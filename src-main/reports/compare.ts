// Runs a comparison: every arm through the engine, then the analysis (series, times, thresholds,
// reference) resolved against the results and the key-findings table computed. A single scenario's
// report is a comparison of one arm. No Node: the simulation is passed in (the engine in-process,
// or the backend's worker thread).
import { ARM_COLOURS, ARM_DASHES, type AnalysisInput, type ArmRun, type ComparisonInput, type ComparisonRun } from '../../src-engine/contract/reports.ts';
import { ENGINE_VERSION, parseDuration, type FieldError, type Results, type ScenarioInput, type SimulateOutcome } from '../../src-engine/index.ts';
import type { ResolvedArm } from './comparison.ts';
import { adverseSeries, defaultSeries, defaultTimes, DEFAULT_THRESHOLDS, findingsTable } from './findings.ts';

export type Simulate = (doc: unknown) => SimulateOutcome | Promise<SimulateOutcome>;
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

type Resolved = Pick<ComparisonRun, 'series' | 'at' | 'chainAt' | 'thresholds' | 'reference'> & { effect: Record<string, number> };

const hours = (text: string) => {
  const d = parseDuration(text);
  return d.ok ? d.value : Number.NaN;
};

/**
 * The analysis with its defaults, checked against the arms' results. `prefix` names where the
 * options came from in error messages ("" for a comparison's own fields, "analysis" for overrides).
 */
export function resolveAnalysis(analysis: AnalysisInput, arms: readonly { name: string; results: Results }[], prefix = ''): Outcome<Resolved> {
  const at = (field: string) => (prefix === '' ? field : `${prefix}.${field}`);
  const errors: FieldError[] = [];
  const results = arms.map((a) => a.results);
  const known = new Set(results.flatMap((r) => Object.keys(r.series)));
  const unknown = (name: string) => `unknown series ${JSON.stringify(name)}; expected one the arms publish, such as ${[...known].filter((n) => /^(scale|target|pk)\./.test(n)).slice(0, 4).join(', ')}`;
  analysis.series?.forEach((name, i) => {
    if (!known.has(name)) errors.push({ path: at(`series[${i}]`), message: unknown(name) });
  });
  for (const field of ['thresholds', 'effect'] as const) {
    for (const name of Object.keys(analysis[field] ?? {})) if (!known.has(name)) errors.push({ path: at(`${field}.${name}`), message: unknown(name) });
  }
  const end = Math.min(...results.map((r) => Math.max(...Object.values(r.series).map((s) => s.t.at(-1) ?? 0))));
  const times = (field: 'at' | 'chainAt') =>
    (analysis[field] ?? []).map((text, i) => {
      const h = hours(text);
      if (!(h <= end)) errors.push({ path: at(`${field}[${i}]`), message: `expected a time within every arm's run (up to ${end} h), got ${JSON.stringify(text)}` });
      return h;
    });
  const atH = analysis.at === undefined ? defaultTimes(end) : times('at');
  const chainAt = analysis.chainAt === undefined ? atH.slice(-2) : times('chainAt');
  let reference = 0;
  if (analysis.reference !== undefined) {
    reference = arms.findIndex((a) => a.name.trim().toLowerCase() === analysis.reference?.trim().toLowerCase());
    if (reference < 0) errors.push({ path: at('reference'), message: `expected the name of an arm (${arms.map((a) => JSON.stringify(a.name)).join(', ')}), got ${JSON.stringify(analysis.reference)}` });
  }
  if (errors.length > 0) return { ok: false, errors };
  const series = analysis.series ?? defaultSeries(results);
  const thresholds: Resolved['thresholds'] = {};
  for (const name of series) {
    const own = analysis.thresholds?.[name];
    const def = DEFAULT_THRESHOLDS[name];
    if (own) thresholds[name] = { levels: own.levels, direction: own.direction ?? 'above' };
    else if (def) thresholds[name] = { levels: def.levels, direction: def.direction };
  }
  return { ok: true, value: { series, at: atH, chainAt, thresholds, reference: Math.max(0, reference), effect: analysis.effect ?? {} } };
}

/** Assembles the run from arms already simulated. */
export function analyse(
  head: { name: string; description?: string | undefined },
  arms: ReadonlyArray<Omit<ArmRun, 'colour' | 'dash'>>,
  analysis: AnalysisInput,
  prefix = '',
): Outcome<ComparisonRun> {
  const resolved = resolveAnalysis(analysis, arms, prefix);
  if (!resolved.ok) return resolved;
  const r = resolved.value;
  const results = arms.map((a) => a.results);
  const options = { at: r.at, reference: r.reference, thresholds: r.thresholds, effect: r.effect };
  return {
    ok: true,
    value: {
      engine: ENGINE_VERSION,
      name: head.name,
      ...(head.description === undefined ? {} : { description: head.description }),
      arms: arms.map((a, i) => ({ ...a, colour: ARM_COLOURS[i % ARM_COLOURS.length] as string, dash: ARM_DASHES[i % ARM_DASHES.length] as string })),
      reference: r.reference,
      series: r.series,
      at: r.at,
      chainAt: r.chainAt,
      thresholds: r.thresholds,
      findings: findingsTable(results, r.series, options),
      adverse: findingsTable(results, adverseSeries(results), { ...options, thresholds: {} }),
    },
  };
}

/** Simulates each resolved arm (in order: one engine, one worker) and analyses the comparison. */
export async function runComparison(comparison: ComparisonInput, resolved: readonly ResolvedArm[], simulate: Simulate, override?: AnalysisInput): Promise<Outcome<ComparisonRun>> {
  const arms: Array<Omit<ArmRun, 'colour' | 'dash'>> = [];
  for (const [i, arm] of resolved.entries()) {
    const out = await simulate(arm.doc);
    if (!out.ok) return { ok: false, errors: out.errors.map((e) => ({ path: `arms[${i}] (resolved scenario) ${e.path}`, message: e.message })) };
    const input = arm.input;
    arms.push({
      name: arm.name,
      doc: arm.doc,
      variation: {
        from: input.scenario === undefined ? 'base' : 'scenario',
        ...(input.scenarioId === undefined ? {} : { scenarioId: input.scenarioId }),
        ...(input.patient === undefined ? {} : { patient: input.patient }),
        ...(input.change === undefined ? {} : { change: input.change }),
        ...(input.remove === undefined ? {} : { remove: input.remove }),
        ...(input.add === undefined ? {} : { add: input.add }),
      },
      results: out.results,
    });
  }
  const { schema: _s, name, description, base: _b, baseScenarioId: _i, arms: _a, ...own } = comparison;
  return analyse({ name, description }, arms, override === undefined ? own : { ...own, ...override }, override === undefined ? '' : 'analysis');
}

/** A single scenario's report: one arm, no reference. */
export function scenarioRun(results: Results, doc: ScenarioInput, analysis: AnalysisInput = {}, prefix = 'analysis'): Outcome<ComparisonRun> {
  return analyse({ name: results.scenario.name, description: results.scenario.description }, [{ name: results.scenario.name, doc, variation: { from: 'scenario' }, results }], analysis, prefix);
}

/** A copy of the run whose arms keep only the analysed and adverse series (for `compare:run` with `seriesOnly`). */
export function slim(run: ComparisonRun): ComparisonRun {
  const keep = new Set([...run.series, ...run.adverse.map((r) => r.series)]);
  return {
    ...run,
    arms: run.arms.map((a) => {
      const { spectra: _spectra, ...rest } = a.results;
      return { ...a, results: { ...rest, series: Object.fromEntries(Object.entries(a.results.series).filter(([n]) => keep.has(n))) } };
    }),
  };
}
