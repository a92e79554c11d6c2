// Runs a validated scenario: builds the state vector (pk layer), turns regimens and dosing records
// into a timeline of discontinuities (doses, infusion and patch edges, resets, steady states),
// integrates it, and publishes series on the sampling grid refined after every event (or at
// requested times).
import { PERIPHERAL_TARGETS, type DrugFile, type Route, type TargetId } from './drugs/schema.ts';
import { hillTerm, PkModel, readsEffectSite, type DrugModel, type Entry, type Species } from './pk/model.ts';
import { expandRecords, type DoseRecord } from './pk/records.ts';
import { entryFor, integrate, IntegrationError, Timeline } from './pk/timeline.ts';
import { RESULTS_SCHEMA, type ResultEvent, type Results, type Series } from './results.ts';
import { doseSchedule, drugLookup, hoursOf, parseScenario, regimenTimes, routeOf, type FieldError, type Scenario } from './scenario.ts';
import { keepNeeded, refineGrid, refinementBudget, timeKey } from './refine.ts';
import { hasTraumaMemory, knobsFor, param } from './neuro/data.ts';
import type { DriveArrays } from './neuro/model.ts';
import { PROGRESS_EVERY, runNeuro, type Session } from './neuro/run.ts';
import { planDevices, sessionLabel } from './stimulation/plan.ts';
import { runScenarioTask, taskSeries, type TaskRun } from './learning/plan.ts';
import type { ModulatoryState } from './learning/types.ts';
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
export function simulate(doc: unknown, options: RunOptions = {}): SimulateOutcome {
  const parsed = parseScenario(doc);
  if (!parsed.ok) return parsed;
  return runChecked(parsed.scenario, options);
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
  /** Fine step of the slow layer's drive grid, hours (default DRIVE_FINE_H; the coarse step follows; tests halve it to check convergence). */
  driveStepH?: number;
  /** false: the pk layer only (plasma and targets), e.g. for dosing records compared with NONMEM. */
  slowLayer?: boolean;
  /**
   * false: publish the sampling grid only, without the points after doses and sessions; 'all':
   * every candidate point after them (`refineGrid`), including those the curves do not need
   * (`keepNeeded` leaves them out by default; tests compare the two).
   */
  refine?: boolean | 'all';
  /**
   * Told the fraction (0–1) of the run done, now and then (a live preview shows it): the pk layer's
   * integration over simulated time, then the slow layer's, weighted by their usual shares of a
   * run's time (PROGRESS_PK_SHARE), so the fraction grows with simulated time in each.
   */
  onProgress?: (fraction: number) => void;
}

/**
 * Share of a run's time spent integrating the pk layer, the rest being the slow layer (a CPU
 * profile of the 12-week bench scenarios: integrate ≈ 14 %, runNeuro ≈ 36 % of the run; with the
 * grids and series around them about a third and two thirds). Only a progress display uses it.
 */
export const PROGRESS_PK_SHARE = 0.35;

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
  const sessions: Session[] = [];
  const devices = planDevices(scenario, durationH, warnings);
  /** Where the probes look closer by default: non-oral doses (and infusion ends), stimulation sessions, DBS edges. */
  const fastEvents: number[] = [...devices.edges, ...devices.sessions.map((x) => x.t)];
  sessions.push(...devices.sessions);
  for (const [i, iv] of scenario.interventions.entries()) {
    if (iv.type === 'therapy') {
      for (const t of regimenTimes(iv, durationH)) sessions.push({ t, kind: iv.kind });
      if (iv.kind === 'exposure' && !hasTraumaMemory(knobsFor(patient))) {
        warnings.push(`interventions[${i}]: exposure sessions extinguish a conditioned trauma memory, and the ${patient.condition} profile carries none, so in this model they teach nothing here (CBT is the therapy modelled for depressive beliefs)`);
      }
      continue;
    }
    if (iv.type !== 'drug') continue;
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
      if (route !== 'oral') fastEvents.push(t, t + infusionH);
      timeline.administer(drug.id, entryFor(dm, route, 'route', false, iv.formulation) as Entry, t, perMg(mg), infusionH);
      if (dm.companionRatio > 0) timeline.administer(drug.id, entryFor(dm, route, 'route', true) as Entry, t, mg * dm.companionRatio, infusionH);
    }
  }
  timeline.sort();
  given.sort((a, b) => a.t - b.t);

  // Doses (after their lag), infusion and patch edges, sessions and device edges: where the drive moves fast.
  const moments = [...new Set([...sessions.map((x) => x.t), ...devices.edges, ...timeline.jumps.filter((j) => j.kind !== 'reset').map((j) => j.t)])];
  const base = samplingGrid(durationH, hoursOf(scenario.sampling));
  const budget = refinementBudget(scenario, base.length);
  const candidates = options.times
    ? [...new Set(options.times)].sort((a, b) => a - b)
    : options.refine === false
      ? base
      : refineGrid(base, moments, durationH, budget);
  // The slow layer reads the pk layer on a finer drive grid; both are computed there and published on `grid`.
  const slow = options.slowLayer !== false;
  const probeTimes = slow ? probeTimesOf(scenario, durationH, fastEvents) : [];
  const tasks = slow ? (scenario.tasks ?? []).map((entry, i) => ({ entry, i, t: hoursOf(entry.at) })).sort((a, b) => a.t - b.t || a.i - b.i) : [];
  // Every candidate is computed (the drive grid holds them all), whichever are published.
  const drive = slow ? driveGrid(candidates, moments, durationH, options.driveStepH ?? DRIVE_FINE_H, probeTimes, tasks.map((x) => x.t)) : { t: candidates, outputs: candidates.map((_, k) => k), probes: [], tasks: [] };
  const { species } = model;
  const plasma = species.map(() => new Float64Array(drive.t.length));
  const brain = species.map((s) => (s.iE >= 0 ? new Float64Array(drive.t.length) : undefined));
  const progress = options.onProgress;
  const pkShare = slow ? PROGRESS_PK_SHARE : 1;
  integrate({ model, cov, lookup, warnings }, timeline, drive.t, (k, state) => {
    if (progress && k % PROGRESS_EVERY === 0) progress((pkShare * k) / drive.t.length);
    for (let i = 0; i < species.length; i++) {
      const s = species[i]!;
      (plasma[i] as Float64Array)[k] = Math.max(0, model.concentration(state, s));
      const b = brain[i];
      if (b) b[k] = Math.max(0, state[s.iE] as number);
    }
  });

  const engaged = new Map<TargetId, Share[]>();
  const engagement = targetsIn(model).map((target) => {
    const shares = targetShares(model, target, plasma, brain, drive.t.length);
    engaged.set(target, shares);
    return { target, v: sumShares(shares, drive.t.length) };
  });
  // The candidates the drug curves need (plasma, brain, targets); the sampling grid and the points
  // after sessions and device edges (whose effect is in the slow layer, not in these curves) always.
  let grid = candidates;
  let outputs = drive.outputs;
  if (!options.times && options.refine !== false && options.refine !== 'all' && candidates.length > base.length) {
    const fixed = new Set([...base, ...refineGrid(base, [...sessions.map((x) => x.t), ...devices.edges], durationH, budget)].map(timeKey));
    const curves: ArrayLike<number>[] = [...plasma, ...brain.filter((b) => b !== undefined), ...engagement.map((e) => e.v)];
    const keep = keepNeeded(candidates, (k) => fixed.has(timeKey(candidates[k] as number)), curves.length, (c, k) => (curves[c] as ArrayLike<number>)[drive.outputs[k] as number] as number);
    grid = candidates.filter((_, k) => keep[k]);
    outputs = drive.outputs.filter((_, k) => keep[k]);
  }
  const at = (v: ArrayLike<number>) => outputs.map((k) => v[k] as number);
  const series: Record<string, Series> = {};
  species.forEach((s, i) => {
    series[`pk.${s.id}.plasma`] = { unit: s.concentrationUnit, drug: s.drug, t: grid, v: at(plasma[i] as Float64Array) };
    // Effect-site (brain) concentration, where the species has one: what brain targets see.
    const b = brain[i];
    if (b) series[`pk.${s.id}.brain`] = { unit: s.concentrationUnit, drug: s.drug, t: grid, v: at(b) };
  });
  for (const { target, v } of engagement) {
    const name = PERIPHERAL_TARGETS.has(target) ? `target.${target}.inhibition` : `target.${target}.occupancy`;
    series[name] = { unit: 'fraction', t: grid, v: at(v) };
  }
  let spectra: Results['spectra'];
  let taskRuns: TaskRun[] = [];
  if (slow) {
    const neuro = runNeuro({
      patient,
      off: scenario.disable ?? [],
      t: drive.t,
      drive: driveArrays(engaged, species, plasma, drive.t.length),
      sessions,
      outputs,
      jumps: jumpIndices(drive.t, timeline.jumps.filter((j) => j.kind === 'bolus').map((j) => j.t)),
      dbs: devices.dbs,
      probes: drive.probes,
      tasks: drive.tasks,
      ...(progress ? { progress: (k: number) => progress(pkShare + ((1 - pkShare) * k) / drive.t.length) } : {}),
    });
    Object.assign(series, neuro.series);
    spectra = neuro.spectra;
    taskRuns = tasks.map((x, j) => runScenarioTask(x.entry, x.i, x.t, neuro.modulatory[j] as ModulatoryState, scenario.seed));
    Object.assign(series, taskSeries(taskRuns));
  }
  assertFinite(series);

  const events: ResultEvent[] = [
    ...given.map((g): ResultEvent => ({ t: g.t, kind: 'dose', label: g.label, drug: g.drug })),
    ...sessions.map((x): ResultEvent =>
      x.kind === 'stimulation' ? { t: x.t, kind: 'session', label: sessionLabel(x.stimulation), device: x.stimulation.kind } : { t: x.t, kind: 'session', label: x.kind === 'cbt' ? 'CBT session' : 'exposure session' },
    ),
    ...devices.events,
  ].sort((a, b) => a.t - b.t);
  const userDefined = [...model.drugs.values()].filter((d) => d.drug.userDefined).map((d) => `${d.drug.id}: ${USER_DEFINED} (its parameters come from the user, not from the literature)`);
  return {
    schema: RESULTS_SCHEMA,
    engine: ENGINE_VERSION,
    scenario,
    series,
    ...(spectra && Object.keys(spectra).length > 0 ? { spectra } : {}),
    ...(taskRuns.length > 0 ? { tasks: taskRuns } : {}),
    events,
    warnings: [...userDefined, ...maxDoseWarnings(given, model), ...warnings],
  };
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

/**
 * Drive grid of the slow layer: fine steps (hours) for six hours after each dose or session, where
 * absorption, infusions and the slow layer's fastest states (mTORC1 0.75 h, the levodopa store)
 * move; coarse steps elsewhere. Halving both changes the validation readouts by < 1 %
 * (src-engine/neuro/neuro.test.ts).
 */
const DRIVE_FINE_H = 0.1;
const DRIVE_COARSE_H = 0.5;
const DRIVE_FINE_SPAN_H = 6;
const MAX_DRIVE_POINTS = 60_000;

/**
 * The drive grid: the output grid, session times, a fine grid after each event and a coarse one
 * elsewhere, merged; `outputs` are the indices of the output times in it.
 */
function driveGrid(grid: readonly number[], events: readonly number[], durationH: number, fineH: number, probeTimes: readonly number[] = [], taskTimes: readonly number[] = []): { t: number[]; outputs: number[]; probes: number[]; tasks: number[] } {
  const end = Math.max(durationH, grid.at(-1) ?? 0);
  const coarse = Math.max(fineH * (DRIVE_COARSE_H / DRIVE_FINE_H), end / MAX_DRIVE_POINTS);
  const perEvent = Math.round(DRIVE_FINE_SPAN_H / fineH);
  const fine = events.length * perEvent < MAX_DRIVE_POINTS ? fineH : coarse;
  // Tens of thousands of points: filled into a typed array of known size and sorted numerically
  // there (no comparator call per pair), then merged where closer than 1e-9 h.
  const nCoarse = Math.floor((end + 1e-9) / coarse) + 1;
  const points = new Float64Array(grid.length + probeTimes.length + taskTimes.length + nCoarse + events.length * (perEvent + 1));
  let n = 0;
  for (const x of grid) points[n++] = x;
  for (const x of probeTimes) points[n++] = x;
  for (const x of taskTimes) points[n++] = x;
  for (let k = 0; k < nCoarse; k++) points[n++] = Math.min(end, k * coarse);
  for (const e of events) for (let j = 0; j <= perEvent && e + j * fine <= end + 1e-9; j++) points[n++] = e + j * fine;
  const sorted = points.subarray(0, n).sort();
  const t: number[] = [0];
  let last = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i] as number;
    if (x - last > 1e-9) t.push((last = x));
  }
  const indexOf = (times: readonly number[]) => {
    let j = 0;
    return times.map((x) => {
      while (Math.abs((t[j] as number) - x) > 1e-9) j++;
      return j;
    });
  };
  return { t, outputs: indexOf(grid), probes: indexOf(probeTimes), tasks: indexOf(taskTimes) };
}

/** Indices of the drive grid at the given moments (all of them are on it). */
function jumpIndices(t: readonly number[], moments: readonly number[]): Set<number> {
  const out = new Set<number>();
  let j = 0;
  for (const m of [...moments].sort((a, b) => a - b)) {
    while (j < t.length - 1 && (t[j] as number) < m - 1e-9) j++;
    if (Math.abs((t[j] as number) - m) <= 1e-9) out.add(j);
  }
  return out;
}

/** One species' part of a target's engagement, over the drive grid. */
interface Share {
  species: Species;
  v: Float64Array;
}

/** Σ of the shares selected (all by default), each weighted; zeros where no species engages the target. */
function sumShares(shares: readonly Share[] | undefined, length: number, weight: (s: Share) => number = () => 1): Float64Array {
  const out = new Float64Array(length);
  for (const s of shares ?? []) {
    const w = weight(s);
    if (w === 0) continue;
    for (let k = 0; k < length; k++) out[k] = (out[k] as number) + w * (s.v[k] as number);
  }
  return out;
}

/** The slow layer's drive over the drive grid, from target shares and plasma levels. */
function driveArrays(engaged: ReadonlyMap<TargetId, Share[]>, species: readonly Species[], plasma: readonly Float64Array[], length: number): DriveArrays {
  const memantine = param('nmda.memantineRestingBlock');
  const shares = (target: TargetId, weight?: (s: Share) => number) => sumShares(engaged.get(target), length, weight);
  const level = (id: string) => {
    const i = species.findIndex((s) => s.id === id);
    return i < 0 ? new Float64Array(length) : (plasma[i] as Float64Array);
  };
  return {
    sert: shares('SERT'),
    net: shares('NET'),
    ache: shares('AChE'),
    buche: shares('BuChE'),
    acheRbc: shares('AChE_rbc'),
    d2Antagonist: shares('D2', (s) => (s.species.targets.D2?.agonist ? 0 : 1)),
    d2Agonist: shares('D2', (s) => (s.species.targets.D2?.agonist ? 1 : 0)),
    nmdaRest: shares('NMDA', (s) => (s.species.drug === 'memantine' ? memantine : 1)),
    levodopa: level('levodopa'),
    lithium: level('lithium'),
  };
}

function targetsIn(model: PkModel): TargetId[] {
  const found = new Set<TargetId>();
  for (const s of model.species) for (const t of Object.keys(s.targets) as TargetId[]) found.add(t);
  return [...found];
}

/**
 * Fractional inhibition/occupancy of a target, species by species. Species sharing a target compete
 * for it: E_i = Emax_i·x_i / (1 + Σ x_j), x = (C / C50)^hill — the Gaddum/competitive form, which
 * reduces to the Emax/Hill model for a single species; the target's engagement is Σ E_i.
 */
function targetShares(model: PkModel, target: TargetId, plasma: readonly Float64Array[], brain: ReadonlyArray<Float64Array | undefined>, length: number): Share[] {
  const users = model.species.flatMap((s, i) => {
    const p = s.targets[target];
    if (!p) return [];
    const conc = readsEffectSite(target, s) ? (brain[i] as Float64Array) : (plasma[i] as Float64Array);
    // x = (C/C50)^hill first, into v; then v ← Emax·x / (1 + Σx).
    const v = new Float64Array(length);
    for (let k = 0; k < length; k++) v[k] = hillTerm(conc[k] as number, p);
    return [{ s, emax: p.emax.value, v }];
  });
  for (let k = 0; k < length; k++) {
    let sumX = 0;
    for (const u of users) sumX += u.v[k] as number;
    for (const u of users) u.v[k] = (u.emax * (u.v[k] as number)) / (1 + sumX);
  }
  return users.map((u) => ({ species: u.s, v: u.v }));
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

/** Default probe spacing by scenario length: hourly up to 2 days, every 6 h up to 4 weeks, daily beyond. */
function defaultProbeStep(durationH: number): number {
  return durationH <= 48 ? 1 : durationH <= 28 * 24 ? 6 : 24;
}
/** Extra probes after each fast event (h): an infusion's gamma rise, a tDCS after-effect, a DBS edge. */
const PROBES_AFTER_EVENT_H = [0.25, 1, 3];
const MAX_EVENT_PROBES = 300;

/**
 * Probe times: the scenario's `probes` (every or at), or the default grid plus a few probes after
 * each fast event (oral doses move the EEG too slowly to need them); within the scenario,
 * ascending, without repeats.
 */
function probeTimesOf(scenario: Scenario, durationH: number, events: readonly number[]): number[] {
  const times: number[] = [];
  const every = scenario.probes?.every !== undefined ? hoursOf(scenario.probes.every) : scenario.probes?.at !== undefined ? undefined : defaultProbeStep(durationH);
  if (every !== undefined) for (let k = 0; k * every <= durationH + 1e-9; k++) times.push(Math.min(durationH, k * every));
  for (const text of scenario.probes?.at ?? []) times.push(hoursOf(text));
  if (scenario.probes === undefined) {
    const after = [...new Set(events)].sort((a, b) => a - b).flatMap((e) => PROBES_AFTER_EVENT_H.map((d) => e + d));
    times.push(...after.filter((t) => t <= durationH).slice(0, MAX_EVENT_PROBES));
  }
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.filter((t, i) => i === 0 || t - (sorted[i - 1] as number) > 1e-9);
}
