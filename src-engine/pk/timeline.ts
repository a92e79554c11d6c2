// The timeline of discontinuities for the pk layer and its integration: boluses, infusion and
// patch rate changes, resets (NONMEM evid 3/4) and steady-state fills (ss 1/2). Doses given
// before a reset whose effects fall after it are cancelled; steady states are found by iterating
// the dosing interval until the state repeats, which also holds for non-linear drugs.
import type { Covariates, DrugFile, Route } from '../drugs/schema.ts';
import { DormandPrince, type DenseOutput } from '../integrator.ts';
import type { RecordDose } from './records.ts';
import { PkModel, type DrugModel, type Entry } from './model.ts';

export type Jump =
  | { kind: 'bolus'; t: number; seq: number; drug: string; origin: number; index: number; amount: number }
  /** `index` is a state index: the central compartment or a depot receiving the input. */
  | { kind: 'rate'; t: number; seq: number; drug: string; origin: number; index: number; amount: number }
  | { kind: 'reset'; t: number; seq: number; drug: string }
  /** `dose.amount` in model units; `companionAmount` in mg of the companion (carbidopa), 0 if none. */
  | { kind: 'steady-state'; t: number; seq: number; drug: string; mode: 1 | 2; dose: RecordDose; companionAmount: number; ii: number; route: Route };

/** A jump before it gets its sequence number (Omit distributed over the union). */
type JumpInput = Jump extends infer J ? (J extends unknown ? Omit<J, 'seq'> : never) : never;

/** Integrator tolerances: see `tolerances()`. */
const RTOL = 1e-9;
const ATOL_PER_DOSE = 1e-9;
const MAX_STEP_H = 24;

/**
 * Where a dose of one drug (or of its companion) enters: its route's entry, the entry of the named
 * formulation of the drug (the companion keeps its route's), or the central compartment.
 */
export function entryFor(dm: DrugModel, route: Route, cmt: 'route' | 'depot' | 'central', companion = false, formulation?: string): Entry | undefined {
  if (cmt === 'central') {
    const target = companion ? dm.companion : dm.parent;
    return target < 0 ? undefined : { kind: 'central', target, F: 1, lagH: 0, durationH: 0 };
  }
  const entry = companion ? dm.companionEntries[route] : formulation !== undefined ? dm.formulationEntries[formulation] : dm.entries[route];
  return cmt === 'depot' && entry?.kind !== 'depot' ? undefined : entry;
}

export class Timeline {
  readonly jumps: Jump[] = [];
  private seq = 0;
  private readonly model: PkModel;

  constructor(model: PkModel) {
    this.model = model;
  }

  private push(j: JumpInput): void {
    this.jumps.push({ ...j, seq: this.seq++ } as Jump);
  }

  /**
   * One administration through an entry, after its lag: a bolus, or a zero-order input of
   * `amount` over `durationH` (an infusion, into the central compartment or the depot; a patch
   * over its wear time). `origin` is the dose time. An infinite duration is a constant infusion
   * whose `amount` is the rate.
   */
  administer(drug: string, entry: Entry, origin: number, amount: number, durationH: number, extraLagH = 0, givenAt = origin): void {
    for (const part of entry.parts ?? []) this.administer(drug, part, origin, amount, durationH, extraLagH, givenAt);
    const dose = amount * entry.F;
    const t = origin + entry.lagH + extraLagH;
    origin = givenAt;
    const index = entry.kind === 'depot' || entry.intoDepot ? (this.model.depots[entry.target] as { i: number }).i : this.model.species[entry.target]!.iC;
    // A part with its own input duration (the swallowed share) keeps it unless the dose is an infusion.
    const raw = entry.kind === 'zero-order' ? entry.durationH : durationH > 0 ? durationH : entry.durationH;
    // An infusion too short to separate its start from its end in floating point is a bolus.
    const duration = raw < 1e-6 * Math.max(1, t) ? 0 : raw;
    if (duration === Infinity) {
      this.push({ kind: 'rate', t, drug, origin, index, amount: dose });
    } else if (duration > 0) {
      this.push({ kind: 'rate', t, drug, origin, index, amount: dose / duration });
      this.push({ kind: 'rate', t: t + duration, drug, origin, index, amount: -dose / duration });
    } else {
      this.push({ kind: 'bolus', t, drug, origin, index, amount: dose });
    }
  }

  reset(drug: string, t: number): void {
    this.push({ kind: 'reset', t, drug });
  }

  steadyState(drug: string, t: number, mode: 1 | 2, dose: RecordDose, companionAmount: number, ii: number, route: Route): void {
    this.push({ kind: 'steady-state', t, drug, mode, dose, companionAmount, ii, route });
  }

  sort(): void {
    this.jumps.sort((a, b) => a.t - b.t || a.seq - b.seq);
  }

  /**
   * Absolute tolerance from the mean amount per dosing time (rates count as one hour's input):
   * doses split into parts at the same time, or scaled as a whole, give the same relative
   * tolerance, so results stay exactly linear in dose.
   */
  tolerances(): { rtol: number; atol: number; maxStep: number } {
    const inputs = this.jumps.filter((j): j is Extract<Jump, { amount: number }> => 'amount' in j && j.amount > 0);
    const ssAmounts = this.jumps.flatMap((j) => (j.kind === 'steady-state' ? [j.dose.amount] : []));
    const times = new Set([...inputs.map((j) => j.t), ...this.jumps.filter((j) => j.kind === 'steady-state').map((j) => j.t)]);
    const total = inputs.reduce((sum, j) => sum + j.amount, 0) + ssAmounts.reduce((a, b) => a + b, 0);
    const scale = total / Math.max(1, times.size) || 1;
    return { rtol: RTOL, atol: ATOL_PER_DOSE * scale, maxStep: MAX_STEP_H };
  }
}

export interface RunContext {
  model: PkModel;
  cov: Covariates;
  lookup: (id: string) => DrugFile | undefined;
  /** Collects warnings for the results (e.g. a steady state not reached). */
  warnings: string[];
  /** Steady-state fills by regimen: identical steady-state records are solved once. */
  fills?: Map<string, Float64Array>;
}

/**
 * Integrates from 0 to the last grid time, applying the timeline, and calls `record(k, y)` at each
 * grid time (after the discontinuities at that time).
 */
export function integrate(ctx: RunContext, timeline: Timeline, grid: readonly number[], record: (k: number, y: Float64Array) => void): void {
  const { model } = ctx;
  const jumps = timeline.jumps;
  const rates = new Float64Array(model.size);
  // Steady-state fills may schedule infusion tails, so they count as rate inputs too.
  const withRates = jumps.some((j) => j.kind === 'rate' || j.kind === 'steady-state');
  const y = new Float64Array(model.size);
  // No drug: nothing to integrate (an untreated patient), every sample is the empty state.
  if (model.size === 0) {
    grid.forEach((_, k) => record(k, y));
    return;
  }
  const integrator = new DormandPrince(model.size, model.rhs(rates, withRates), timeline.tolerances());
  const cancelled = new Set<Jump>();
  const dense: DenseOutput = { times: grid, next: 0, end: 0, record };
  const endH = grid[grid.length - 1] as number;
  let t = 0;
  let next = 0;
  for (;;) {
    while (next < jumps.length && (jumps[next] as Jump).t <= t) {
      const j = jumps[next++] as Jump;
      if (cancelled.has(j)) continue;
      applyJump(ctx, j, y, rates, jumps, next, cancelled);
      integrator.restart();
    }
    if (dense.next < grid.length && Math.abs((grid[dense.next] as number) - t) < 1e-9) record(dense.next++, y);
    if (t >= endH) break;
    const until = Math.min(endH, next < jumps.length ? (jumps[next] as Jump).t : endH);
    dense.end = dense.next;
    while (dense.end < grid.length && (grid[dense.end] as number) < until - 1e-9) dense.end++;
    const outcome = integrator.advance(y, t, until, dense);
    if (!outcome.ok) throw new IntegrationError(outcome.reason);
    t = until;
  }
}

function applyJump(ctx: RunContext, j: Jump, y: Float64Array, rates: Float64Array, jumps: Jump[], next: number, cancelled: Set<Jump>): void {
  const { model } = ctx;
  switch (j.kind) {
    case 'bolus':
      y[j.index] = (y[j.index] as number) + j.amount;
      return;
    case 'rate': {
      const r = (rates[j.index] as number) + j.amount;
      rates[j.index] = Math.abs(r) < 1e-12 ? 0 : r;
      return;
    }
    case 'reset': {
      const dm = model.drugs.get(j.drug) as DrugModel;
      y.fill(0, dm.states.start, dm.states.end);
      rates.fill(0, dm.states.start, dm.states.end);
      // What doses given before the reset would still do afterwards is cancelled with them.
      for (let k = next; k < jumps.length; k++) {
        const p = jumps[k] as Jump;
        if (p.drug === j.drug && (p.kind === 'bolus' || p.kind === 'rate') && p.origin < j.t) cancelled.add(p);
      }
      return;
    }
    case 'steady-state': {
      const dm = model.drugs.get(j.drug) as DrugModel;
      const key = JSON.stringify([j.drug, j.route, j.ii, j.companionAmount, j.dose.cmt, j.dose.amount, j.dose.duration, j.dose.lag]);
      const fills = (ctx.fills ??= new Map());
      let fill = fills.get(key);
      if (!fill) {
        fill = steadyStateFill(ctx, dm, j);
        fills.set(key, fill);
      }
      for (let i = 0; i < fill.length; i++) y[dm.states.start + i] = (y[dm.states.start + i] as number) + (fill[i] as number);
      // Earlier doses of the regimen still running (infusions longer than ii) or not yet in (lag ≥ ii).
      const tails = new Timeline(model);
      scheduleTails(tails, dm, j);
      tails.sort();
      for (const tail of tails.jumps) insertSorted(jumps, { ...tail, seq: j.seq }, next);
      return;
    }
  }
}

/** Inserts into the sorted pending part of the timeline (from index `from`). */
function insertSorted(jumps: Jump[], j: Jump, from: number): void {
  let k = from;
  while (k < jumps.length && ((jumps[k] as Jump).t < j.t || ((jumps[k] as Jump).t === j.t && (jumps[k] as Jump).seq <= j.seq))) k++;
  jumps.splice(k, 0, j);
}

/** Where in [0, ii) a regimen's doses start, given their lag; values within rounding of ii are 0. */
function phaseOf(lagH: number, ii: number): number {
  const p = lagH - Math.floor(lagH / ii) * ii;
  return p >= ii * (1 - 1e-9) || p < ii * 1e-12 ? 0 : p;
}

function totalLag(dm: DrugModel, route: Route, dose: RecordDose): number {
  const entry = entryFor(dm, route, dose.cmt);
  return (entry?.lagH ?? 0) + dose.lag;
}

/** The drug's inputs for one dose of the regimen: its own and its companion's (carbidopa). */
function inputsOf(dm: DrugModel, j: Extract<Jump, { kind: 'steady-state' }>): Array<{ entry: Entry; amount: number }> {
  const own = entryFor(dm, j.route, j.dose.cmt) as Entry;
  const companion = dm.companionRatio > 0 ? entryFor(dm, j.route, j.dose.cmt, true) : undefined;
  return [
    { entry: withoutLag(own), amount: j.dose.amount },
    ...(companion ? [{ entry: withoutLag(companion), amount: j.companionAmount }] : []),
  ];
}

/** The entry with its lag (and its parts' lags, which equal it) removed: the phase carries it. */
function withoutLag(e: Entry): Entry {
  return { ...e, lagH: 0, ...(e.parts ? { parts: e.parts.map(withoutLag) } : {}) };
}

/**
 * Schedules, from the record's time on, what earlier doses of a steady-state regimen still
 * deliver: boluses whose lag is longer than ii, infusions longer than ii. They count as given at
 * the record's time, so a later reset cancels them.
 */
function scheduleTails(timeline: Timeline, dm: DrugModel, j: Extract<Jump, { kind: 'steady-state' }>): void {
  if (j.dose.duration === Infinity) return;
  const lag = totalLag(dm, j.route, j.dose);
  const D = j.dose.duration;
  for (let k = -1; ; k--) {
    const start = j.t + lag + k * j.ii;
    if (start + D <= j.t && !(D === 0 && start >= j.t)) break;
    for (const { entry, amount } of inputsOf(dm, j)) {
      if (D === 0) timeline.administer(j.drug, entry, start, amount, 0, 0, j.t);
      else {
        const from = Math.max(start, j.t);
        const end = start + D;
        // The remaining part of the infusion, at its rate.
        if (end > from) timeline.administer(j.drug, entry, from, (amount * (end - from)) / D, end - from, 0, j.t);
      }
    }
  }
}

/** Solves A·x = b in place by Gaussian elimination with partial pivoting; false if singular. */
function solve(A: Float64Array[], b: Float64Array): boolean {
  const n = b.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((A[r] as Float64Array)[c] as number) > Math.abs((A[p] as Float64Array)[c] as number)) p = r;
    if (!(Math.abs((A[p] as Float64Array)[c] as number) > 1e-300)) return false;
    [A[c], A[p]] = [A[p] as Float64Array, A[c] as Float64Array];
    [b[c], b[p]] = [b[p] as number, b[c] as number];
    const row = A[c] as Float64Array;
    for (let r = c + 1; r < n; r++) {
      const other = A[r] as Float64Array;
      const f = (other[c] as number) / (row[c] as number);
      if (f === 0) continue;
      for (let k = c; k < n; k++) other[k] = (other[k] as number) - f * (row[k] as number);
      b[r] = (b[r] as number) - f * (b[c] as number);
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    const row = A[c] as Float64Array;
    let sum = b[c] as number;
    for (let k = c + 1; k < n; k++) sum -= (row[k] as number) * (b[k] as number);
    b[c] = sum / (row[c] as number);
  }
  return true;
}

/**
 * The state of one drug's block at the record time when the regimen has been given every `ii`
 * forever (before this record's own dose). One dosing interval maps the state x to Φ·x + b; for
 * linear kinetics the steady state solves (I − Φ)·x = b exactly (Φ and b from integrating the
 * interval), and a few iterations of the true map then settle non-linear drugs (CYP2D6
 * auto-inhibition). A constant infusion uses 24-hour intervals of constant input.
 */
function steadyStateFill(ctx: RunContext, dm: DrugModel, j: Extract<Jump, { kind: 'steady-state' }>): Float64Array {
  const solo = new PkModel(ctx.cov);
  const sdm = solo.add(dm.drug);
  const constant = j.dose.duration === Infinity;
  const period = constant ? 24 : j.ii;
  const timeline = new Timeline(solo);
  const inputs = inputsOf(sdm, j);
  if (constant) {
    for (const { entry, amount } of inputs) timeline.administer(j.drug, entry, 0, amount, Infinity);
  } else {
    // One interval [0, ii): the bolus at the regimen's phase, or every infusion piece overlapping it.
    const p = phaseOf(totalLag(sdm, j.route, j.dose), j.ii);
    const D = j.dose.duration;
    for (const { entry, amount } of inputs) {
      if (D === 0) {
        timeline.administer(j.drug, entry, p, amount, 0);
        continue;
      }
      for (let m = 0; p + m * j.ii + D > 0; m--) {
        const start = p + m * j.ii;
        const from = Math.max(start, 0);
        const to = Math.min(start + D, j.ii);
        if (to > from) timeline.administer(j.drug, entry, from, (amount * (to - from)) / D, to - from);
      }
    }
  }
  timeline.sort();
  const n = solo.size;
  const rates = new Float64Array(n);
  const integrator = new DormandPrince(n, solo.rhs(rates), timeline.tolerances());
  const interval = (y: Float64Array, withInputs: boolean): void => {
    rates.fill(0);
    let t = 0;
    for (const jump of withInputs ? timeline.jumps : []) {
      if (jump.t > t) {
        integrator.restart();
        const out = integrator.advance(y, t, jump.t);
        if (!out.ok) throw new IntegrationError(out.reason);
        t = jump.t;
      }
      if (jump.kind === 'bolus') y[jump.index] = (y[jump.index] as number) + jump.amount;
      else if (jump.kind === 'rate') rates[jump.index] = (rates[jump.index] as number) + jump.amount;
    }
    if (period > t) {
      integrator.restart();
      const out = integrator.advance(y, t, period);
      if (!out.ok) throw new IntegrationError(out.reason);
    }
  };
  // b: one interval from empty; Φ: one interval without input from each unit state.
  const b = new Float64Array(n);
  interval(b, true);
  const scale = Math.max(1e-12, ...Array.from(b, Math.abs));
  const A = Array.from({ length: n }, () => new Float64Array(n));
  for (let c = 0; c < n; c++) {
    const e = new Float64Array(n);
    e[c] = scale;
    interval(e, false);
    for (let r = 0; r < n; r++) (A[r] as Float64Array)[c] = (r === c ? 1 : 0) - (e[r] as number) / scale;
  }
  const y = Float64Array.from(b);
  if (!solve(A, y)) y.set(b);
  for (let i = 0; i < n; i++) y[i] = Math.max(0, y[i] as number);
  // Refine on the true (possibly non-linear) map.
  const before = new Float64Array(n);
  let converged = false;
  for (let cycle = 0; cycle < 2000 && !converged; cycle++) {
    before.set(y);
    interval(y, true);
    let change = 0;
    let size = 0;
    for (let i = 0; i < n; i++) {
      change = Math.max(change, Math.abs((y[i] as number) - (before[i] as number)));
      size = Math.max(size, Math.abs(y[i] as number));
    }
    converged = change <= 1e-10 * size + 1e-300;
  }
  if (!converged) ctx.warnings.push(`${j.drug}: the steady state of the record at ${j.t} h was not reached within 2000 dosing intervals; the state after them is used`);
  return y;
}

/** The integrator could not advance (an extremely stiff user-defined drug): an input problem, not a bug. */
export class IntegrationError extends Error {
  constructor(reason: string) {
    super(`the model could not be integrated (${reason}); its rate constants are probably too large`);
    this.name = 'IntegrationError';
  }
}
