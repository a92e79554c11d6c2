// Runs a validated scenario: builds the state vector (pk layer), turns regimens and dosing records
// into a timeline of discontinuities (doses, infusion and patch edges, resets, steady states),
// integrates it, and publishes series on the sampling grid (or at requested times).
import { PERIPHERAL_TARGETS, type DrugFile, type Route, type TargetId } from './drugs/schema.ts';
import { emaxEffect, hillTerm, PkModel, readsEffectSite, type DrugModel, type Entry } from './pk/model.ts';
import { expandRecords, type DoseRecord } from './pk/records.ts';
import { entryFor, integrate, IntegrationError, Timeline } from './pk/timeline.ts';
import { RESULTS_SCHEMA, type ResultEvent, type Results, type Series } from './results.ts';
import { doseSchedule, drugLookup, hoursOf, parseScenario, routeOf, type FieldError, type Scenario } from './scenario.ts';
import { USER_DEFINED } from './drugs/custom.ts';
import { parseDose } from './units.ts';
import { ENGINE_VERSION } from './version.ts';

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
  return runChecked(parsed.scenario);
}

/** Runs a validated scenario; a model too stiff to integrate (extreme user-defined drug) is an input error. */
export function runChecked(scenario: Scenario, options: RunOptions = {}): SimulateOutcome {
  try {
    return { ok: true, results: run(scenario, options) };
  } catch (e) {
    if (e instanceof IntegrationError) return { ok: false, errors: [{ path: '$', message: e.message }] };
    throw e;
  }
}

export interface RunOptions {
  /** Finds drugs (the catalogue by default; tests and user-defined drugs pass their own). */
  lookup?: (id: string) => DrugFile | undefined;
  /** Sample at these times (hours) instead of the scenario's sampling grid. */
  times?: readonly number[];
}

/** Runs an already validated scenario. Throws only on an engine bug (a non-finite result). */
export function run(scenario: Scenario, options: RunOptions = {}): Results {
  const lookup = options.lookup ?? drugLookup(scenario);
  const durationH = hoursOf(scenario.duration);
  const { patient } = scenario;
  const cov = { weightKg: patient.weightKg, age: patient.age, cyp2d6: patient.cyp2d6, crclMlMin: patient.crclMlMin };
  const model = new PkModel(cov);
  const timeline = new Timeline(model);
  const warnings: string[] = [];

  const given: Administration[] = [];
  for (const iv of scenario.interventions) {
    const drug = lookup(iv.drug);
    if (drug === undefined) throw new Error(`BUG: validated scenario names unknown drug ${iv.drug}`);
    const dm = model.add(drug);
    const route = routeOf(iv, drug);
    const perMg = (mg: number) => mg * dm.amountPerMg;
    if (iv.records !== undefined) {
      scheduleRecords(timeline, dm, route, iv.records, given);
      continue;
    }
    const infusionH = iv.infusion === undefined ? 0 : hoursOf(iv.infusion);
    for (const { t, dose } of doseSchedule(iv, durationH)) {
      const parsed = parseDose(dose);
      if (!parsed.ok) throw new Error(`BUG: validated scenario has unparsable dose ${dose}`);
      const mg = parsed.value.perKg ? parsed.value.mg * patient.weightKg : parsed.value.mg;
      given.push({ t, drug: drug.id, mg, label: `${drug.id} ${dose} ${route}${infusionH > 0 ? ` over ${iv.infusion}` : ''}` });
      timeline.administer(drug.id, entryFor(dm, route, 'route') as Entry, t, perMg(mg), infusionH);
      if (dm.companionRatio > 0) timeline.administer(drug.id, entryFor(dm, route, 'route', true) as Entry, t, mg * dm.companionRatio, infusionH);
    }
  }
  timeline.sort();
  given.sort((a, b) => a.t - b.t);

  const grid = options.times ? [...new Set(options.times)].sort((a, b) => a - b) : samplingGrid(durationH, hoursOf(scenario.sampling));
  const { species } = model;
  const plasma = species.map(() => new Array<number>(grid.length));
  const brain = species.map((s) => (s.iE >= 0 ? new Array<number>(grid.length) : undefined));
  integrate({ model, cov, lookup, warnings }, timeline, grid, (k, state) => {
    for (let i = 0; i < species.length; i++) {
      const s = species[i]!;
      (plasma[i] as number[])[k] = Math.max(0, model.concentration(state, s));
      const b = brain[i];
      if (b) b[k] = Math.max(0, state[s.iE] as number);
    }
  });

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
  const userDefined = [...model.drugs.values()].filter((d) => d.drug.userDefined).map((d) => `${d.drug.id}: ${USER_DEFINED} (its parameters come from the user, not from the literature)`);
  return { schema: RESULTS_SCHEMA, engine: ENGINE_VERSION, scenario, series, events, warnings: [...userDefined, ...maxDoseWarnings(given, model), ...warnings] };
}

function samplingGrid(durationH: number, stepH: number): number[] {
  const n = Math.floor(durationH / stepH + 1e-9) + 1;
  const grid = Array.from({ length: n }, (_, k) => k * stepH);
  if ((grid[n - 1] as number) < durationH - 1e-9) grid.push(durationH);
  return grid;
}

/** Dosing records: resets, steady-state fills, doses and additional doses, into the timeline. */
function scheduleRecords(timeline: Timeline, dm: DrugModel, route: Route, records: readonly DoseRecord[], given: Administration[]): void {
  const id = dm.drug.id;
  for (const e of expandRecords(records)) {
    if (e.kind === 'reset') timeline.reset(id, e.time);
    else if (e.kind === 'steady-state') timeline.steadyState(id, e.time, e.mode, { ...e.dose, amount: e.dose.amount * dm.amountPerMg }, e.dose.amount * dm.companionRatio, e.ii, route);
    else {
      const d = e.dose;
      const entry = entryFor(dm, route, d.cmt);
      if (entry === undefined) throw new Error(`BUG: validated records dose into ${d.cmt}, which ${id} by ${route} lacks`);
      const mg = d.duration === Infinity ? 0 : d.amount;
      given.push({ t: d.time, drug: id, mg, label: `${id} ${d.duration === Infinity ? `${d.amount} mg/h` : `${Number(d.amount.toPrecision(6))} mg`} ${d.cmt}${d.duration > 0 && d.duration !== Infinity ? ` over ${Number(d.duration.toPrecision(6))} h` : ''}` });
      timeline.administer(id, entry, d.time, d.amount * dm.amountPerMg, d.duration, d.lag);
      const companion = entryFor(dm, route, d.cmt, true);
      if (dm.companionRatio > 0 && companion) timeline.administer(id, companion, d.time, d.amount * dm.companionRatio, d.duration, d.lag);
    }
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
      const x = hillTerm(u.conc[k] as number, u.p);
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
