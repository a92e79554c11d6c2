// Runs a validated scenario: builds the state vector (pk layer), integrates it between
// discontinuities (doses, infusion and patch edges) and sample times, and publishes series on the
// sampling grid.
import { getDrug } from './drugs/catalogue.ts';
import { PERIPHERAL_TARGETS, type DrugFile, type TargetId } from './drugs/schema.ts';
import { DormandPrince } from './integrator.ts';
import { emaxEffect, PkModel, readsEffectSite, type DrugModel, type Entry } from './pk/model.ts';
import { RESULTS_SCHEMA, type ResultEvent, type Results, type Series } from './results.ts';
import { doseSchedule, hoursOf, parseScenario, routeOf, type FieldError, type Scenario } from './scenario.ts';
import { parseDose } from './units.ts';
import { ENGINE_VERSION } from './version.ts';

/**
 * Integrator tolerances. The absolute tolerance scales with the largest single dose (amounts in mg
 * or mmol), so the solver takes the same steps whatever the dose unit or size: results stay exactly
 * linear in dose, and a decayed depot stops dictating tiny steps. Tight enough for ≤1e-6 relative
 * error against closed forms (src-engine/pk.test.ts, pk/model.test.ts).
 */
const RTOL = 1e-9;
const ATOL_PER_DOSE = 1e-9;
const MAX_STEP_H = 24;

/** A discontinuity: an amount added to a state, or a change of a zero-order input rate. */
interface Discontinuity {
  t: number;
  /** State index for a bolus, species index for a rate change. */
  index: number;
  kind: 'bolus' | 'rate';
  amount: number;
}

interface Administration {
  t: number;
  drug: string;
  mg: number;
  label: string;
}

export type SimulateOutcome = { ok: true; results: Results } | { ok: false; errors: FieldError[] };

/** Validates and runs a scenario doc: invalid input gives field errors, never an exception. */
export function simulate(doc: unknown): SimulateOutcome {
  const parsed = parseScenario(doc);
  if (!parsed.ok) return parsed;
  return { ok: true, results: run(parsed.scenario) };
}

/**
 * Runs an already validated scenario. Throws only on an engine bug (a non-finite result).
 * `lookup` finds drugs (the catalogue; tests and user-defined drugs pass their own).
 */
export function run(scenario: Scenario, lookup: (id: string) => DrugFile | undefined = getDrug): Results {
  const durationH = hoursOf(scenario.duration);
  const stepH = hoursOf(scenario.sampling);
  const { patient } = scenario;
  const model = new PkModel({ weightKg: patient.weightKg, age: patient.age, cyp2d6: patient.cyp2d6, crclMlMin: patient.crclMlMin });

  const jumps: Discontinuity[] = [];
  const given: Administration[] = [];
  for (const iv of scenario.interventions) {
    const drug = lookup(iv.drug);
    if (drug === undefined) throw new Error(`BUG: validated scenario names unknown drug ${iv.drug}`);
    const dm = model.add(drug);
    const route = routeOf(iv, drug);
    const infusionH = iv.infusion === undefined ? 0 : hoursOf(iv.infusion);
    for (const { t, dose } of doseSchedule(iv, durationH)) {
      const parsed = parseDose(dose);
      if (!parsed.ok) throw new Error(`BUG: validated scenario has unparsable dose ${dose}`);
      const mg = parsed.value.perKg ? parsed.value.mg * patient.weightKg : parsed.value.mg;
      given.push({ t, drug: drug.id, mg, label: `${drug.id} ${dose} ${route}${infusionH > 0 ? ` over ${iv.infusion}` : ''}` });
      administer(jumps, model, dm.entries[route], t, mg * dm.amountPerMg, infusionH);
      if (dm.companionRatio > 0) administer(jumps, model, dm.companionEntries[route], t, mg * dm.companionRatio, infusionH);
    }
  }
  jumps.sort((a, b) => a.t - b.t);
  given.sort((a, b) => a.t - b.t);

  const rates = new Float64Array(model.species.length);
  // Mean amount per dosing time (infusion and patch rates count as one hour's input): doses split
  // into parts at the same time, or scaled as a whole, give the same scale relative to the dose.
  const inputs = jumps.filter((j) => j.amount > 0);
  const doseScale = inputs.reduce((sum, j) => sum + j.amount, 0) / Math.max(1, new Set(inputs.map((j) => j.t)).size) || 1;
  const integrator = new DormandPrince(model.size, model.rhs(rates), { rtol: RTOL, atol: ATOL_PER_DOSE * doseScale, maxStep: MAX_STEP_H });
  const y = new Float64Array(model.size);

  const nSamples = Math.floor(durationH / stepH + 1e-9) + 1;
  const grid: number[] = new Array<number>(nSamples);
  for (let k = 0; k < nSamples; k++) grid[k] = k * stepH;
  if ((grid[nSamples - 1] as number) < durationH - 1e-9) grid.push(durationH);

  const { species } = model;
  const plasma = species.map(() => new Array<number>(grid.length));
  const brain = species.map((s) => (s.iE >= 0 ? new Array<number>(grid.length) : undefined));
  const record = (k: number, state: Float64Array): void => {
    for (let i = 0; i < species.length; i++) {
      const s = species[i]!;
      (plasma[i] as number[])[k] = Math.max(0, model.concentration(state, s));
      const b = brain[i];
      if (b) b[k] = Math.max(0, state[s.iE] as number);
    }
  };
  const dense = { times: grid, next: 0, end: 0, record };
  // Segments between discontinuities are integrated in one go; samples inside a segment come from
  // the integrator's dense output, so steps are not cut at every sample time. A discontinuity at a
  // sample time is applied before the sample is taken (NONMEM's record order).
  let t = 0;
  let next = 0;
  const endH = grid[grid.length - 1] as number;
  for (;;) {
    while (next < jumps.length && (jumps[next] as Discontinuity).t <= t) {
      const j = jumps[next++] as Discontinuity;
      if (j.kind === 'bolus') y[j.index] = (y[j.index] as number) + j.amount;
      else rates[j.index] = Math.abs((rates[j.index] as number) + j.amount) < 1e-12 ? 0 : (rates[j.index] as number) + j.amount;
      integrator.restart();
    }
    if (dense.next < grid.length && Math.abs((grid[dense.next] as number) - t) < 1e-9) record(dense.next++, y);
    if (t >= endH) break;
    const until = Math.min(endH, next < jumps.length ? (jumps[next] as Discontinuity).t : endH);
    dense.end = dense.next;
    while (dense.end < grid.length && (grid[dense.end] as number) < until - 1e-9) dense.end++;
    const outcome = integrator.advance(y, t, until, dense);
    if (!outcome.ok) throw new Error(`BUG: integration failed: ${outcome.reason}`);
    t = until;
  }

  const series: Record<string, Series> = {};
  species.forEach((s, i) => {
    series[`pk.${s.id}.plasma`] = { unit: s.concentrationUnit, t: grid, v: plasma[i] as number[] };
    // Effect-site (brain) concentration, where the species has one: what brain targets see.
    const b = brain[i];
    if (b) series[`pk.${s.id}.brain`] = { unit: s.concentrationUnit, t: grid, v: b };
  });
  for (const target of targetsIn(model)) {
    const name = PERIPHERAL_TARGETS.has(target) ? `target.${target}.inhibition` : `target.${target}.occupancy`;
    series[name] = { unit: 'fraction', t: grid, v: occupancy(model, target, plasma, brain, grid.length) };
  }
  assertFinite(series);

  const events: ResultEvent[] = given.map((g) => ({ t: g.t, kind: 'dose', label: g.label, drug: g.drug }));
  return { schema: RESULTS_SCHEMA, engine: ENGINE_VERSION, scenario, series, events, warnings: maxDoseWarnings(given, model) };
}

/** Turns one administration into discontinuities: a bolus into a depot or central, or an input rate on and off. */
function administer(jumps: Discontinuity[], model: PkModel, entry: Entry | undefined, t: number, amount: number, infusionH: number): void {
  if (entry === undefined) throw new Error('BUG: validated scenario uses a route the drug lacks');
  const dose = amount * entry.F;
  if (entry.kind === 'depot') {
    jumps.push({ t: t + entry.lagH, index: (model.depots[entry.target] as { i: number }).i, kind: 'bolus', amount: dose });
    return;
  }
  const duration = entry.kind === 'zero-order' ? entry.durationH : infusionH;
  if (duration > 0) {
    jumps.push({ t, index: entry.target, kind: 'rate', amount: dose / duration });
    jumps.push({ t: t + duration, index: entry.target, kind: 'rate', amount: -dose / duration });
  } else {
    jumps.push({ t, index: model.species[entry.target]!.iC, kind: 'bolus', amount: dose });
  }
}

function targetsIn(model: PkModel): TargetId[] {
  const found = new Set<TargetId>();
  for (const s of model.species) for (const t of Object.keys(s.targets) as TargetId[]) found.add(t);
  return [...found];
}

/**
 * Fractional inhibition/occupancy of a target. Species sharing a target compete for it:
 * E = Σ Emax_i·x_i / (1 + Σ x_i), x_i = (C_i / C50_i)^hill_i — the Gaddum/competitive form,
 * which reduces to the Emax/Hill model for a single species.
 */
function occupancy(model: PkModel, target: TargetId, plasma: number[][], brain: Array<number[] | undefined>, length: number): number[] {
  const users = model.species.flatMap((s, i) => {
    const p = s.targets[target];
    if (!p) return [];
    const conc = readsEffectSite(target, s) ? (brain[i] as number[]) : (plasma[i] as number[]);
    return [{ conc, p }];
  });
  if (users.length === 1) {
    const u = users[0]!;
    return u.conc.map((c) => emaxEffect(c, u.p));
  }
  const out = new Array<number>(length);
  for (let k = 0; k < length; k++) {
    let sumX = 0;
    let sumEx = 0;
    for (const u of users) {
      const x = Math.pow((u.conc[k] as number) / u.p.c50.value, u.p.hill.value);
      sumX += x;
      sumEx += u.p.emax.value * x;
    }
    out[k] = sumEx / (1 + sumX);
  }
  return out;
}

/** Labelled-maximum check: the largest amount of each drug given in any 24-hour span. */
function maxDoseWarnings(given: Administration[], model: PkModel): string[] {
  const warnings: string[] = [];
  for (const [id, dm] of model.drugs as Map<string, DrugModel>) {
    const own = given.filter((g) => g.drug === id);
    let worst = 0;
    let lo = 0;
    let sum = 0;
    for (let hi = 0; hi < own.length; hi++) {
      sum += own[hi]!.mg;
      while (own[hi]!.t - own[lo]!.t >= 24) sum -= own[lo++]!.mg;
      worst = Math.max(worst, sum);
    }
    const max = dm.drug.labelledMaxDailyDose;
    if (worst > max.value + 1e-9) {
      warnings.push(`${id}: ${Number(worst.toFixed(3))} mg within 24 h exceeds the labelled maximum of ${max.value} ${max.unit}; source: ${max.source}`);
    }
  }
  return warnings;
}

function assertFinite(series: Record<string, Series>): void {
  for (const [name, s] of Object.entries(series)) {
    for (let k = 0; k < s.v.length; k++) {
      if (!Number.isFinite(s.v[k])) throw new Error(`BUG: series ${name} is not finite at t=${s.t[k]} h`);
    }
  }
}
