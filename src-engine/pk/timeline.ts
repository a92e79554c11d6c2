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
  | { kind: 'steady-state'; t: number; seq: number; drug: string; mode: 1 | 2; dose: RecordDose; ii: number; route: Route };

/** A jump before it gets its sequence number (Omit distributed over the union). */
type JumpInput = Jump extends infer J ? (J extends unknown ? Omit<J, 'seq'> : never) : never;

/** Integrator tolerances: see `tolerances()`. */
const RTOL = 1e-9;
const ATOL_PER_DOSE = 1e-9;
const MAX_STEP_H = 24;

/** Where a dose of one drug (or of its companion) enters: its route's entry, or the central compartment. */
export function entryFor(dm: DrugModel, route: Route, cmt: 'route' | 'depot' | 'central', companion = false): Entry | undefined {
  if (cmt === 'central') {
    const target = companion ? dm.companion : dm.parent;
    return target < 0 ? undefined : { kind: 'central', target, F: 1, lagH: 0, durationH: 0 };
  }
  const entry = (companion ? dm.companionEntries : dm.entries)[route];
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
  administer(drug: string, entry: Entry, origin: number, amount: number, durationH: number, extraLagH = 0): void {
    const dose = amount * entry.F;
    const t = origin + entry.lagH + extraLagH;
    const index = entry.kind === 'depot' ? (this.model.depots[entry.target] as { i: number }).i : this.model.species[entry.target]!.iC;
    const duration = entry.kind === 'zero-order' ? entry.durationH : durationH;
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

  steadyState(drug: string, t: number, mode: 1 | 2, dose: RecordDose, ii: number, route: Route): void {
    this.push({ kind: 'steady-state', t, drug, mode, dose, ii, route });
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
}

/**
 * Integrates from 0 to the last grid time, applying the timeline, and calls `record(k, y)` at each
 * grid time (after the discontinuities at that time).
 */
export function integrate(ctx: RunContext, timeline: Timeline, grid: readonly number[], record: (k: number, y: Float64Array) => void): void {
  const { model } = ctx;
  const jumps = timeline.jumps;
  const rates = new Float64Array(model.size);
  const integrator = new DormandPrince(model.size, model.rhs(rates), timeline.tolerances());
  const y = new Float64Array(model.size);
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
    if (!outcome.ok) throw new Error(`BUG: integration failed: ${outcome.reason}`);
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
      const fill = steadyStateFill(ctx, dm, j);
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

/** The doses of a regimen given every `ii` that start at `phase + k·ii` for k ≤ −1, relative to the record. */
function pastDoses(dose: RecordDose, lagH: number, ii: number): Array<{ start: number; duration: number }> {
  if (dose.duration === Infinity || !(ii > 0)) return [];
  const out: Array<{ start: number; duration: number }> = [];
  for (let k = -1; ; k--) {
    const start = lagH + k * ii;
    if (start + Math.max(dose.duration, 0) <= 0 && start < 0) break;
    out.push({ start, duration: dose.duration });
    if (out.length > 100_000) break;
  }
  return out;
}

function totalLag(dm: DrugModel, route: Route, dose: RecordDose): number {
  const entry = entryFor(dm, route, dose.cmt);
  return (entry?.lagH ?? 0) + dose.lag;
}

/** Schedules, from the record's time on, what earlier doses of a steady-state regimen still deliver. */
function scheduleTails(timeline: Timeline, dm: DrugModel, j: Extract<Jump, { kind: 'steady-state' }>): void {
  const lag = totalLag(dm, j.route, j.dose);
  const entry = entryFor(dm, j.route, j.dose.cmt) as Entry;
  const noLag = { ...entry, lagH: 0 };
  for (const past of pastDoses(j.dose, lag, j.ii)) {
    const start = j.t + past.start;
    const end = start + past.duration;
    if (past.duration === 0) {
      if (start >= j.t) timeline.administer(j.drug, noLag, start, j.dose.amount, 0);
    } else if (end > j.t) {
      const from = Math.max(start, j.t);
      // The remaining part of the infusion, at its rate.
      timeline.administer(j.drug, noLag, from, (j.dose.amount * (end - from)) / past.duration, end - from);
    }
  }
}

/**
 * The state of one drug's block at the record time when the regimen has been given every `ii`
 * forever (before this record's own dose). Found by iterating one interval in a model holding
 * only this drug until the state repeats. A constant infusion (infinite duration) iterates
 * 24-hour intervals of constant input.
 */
function steadyStateFill(ctx: RunContext, dm: DrugModel, j: Extract<Jump, { kind: 'steady-state' }>): Float64Array {
  const solo = new PkModel(ctx.cov);
  const sdm = solo.add(dm.drug);
  const period = j.dose.duration === Infinity ? 24 : j.ii;
  const lag = totalLag(sdm, j.route, j.dose);
  const entry = entryFor(sdm, j.route, j.dose.cmt) as Entry;
  const noLag = { ...entry, lagH: 0 };
  const timeline = new Timeline(solo);
  if (j.dose.duration === Infinity) {
    timeline.administer(j.drug, noLag, 0, j.dose.amount, Infinity);
  } else {
    // One interval [0, ii) of the periodic regimen: every dose k·ii + lag that overlaps it.
    for (let k = Math.floor(-(lag + j.dose.duration) / j.ii) - 1; k * j.ii + lag < j.ii; k++) {
      const start = k * j.ii + lag;
      if (j.dose.duration === 0) {
        if (start >= 0) timeline.administer(j.drug, noLag, start, j.dose.amount, 0);
        continue;
      }
      const from = Math.max(start, 0);
      const to = Math.min(start + j.dose.duration, j.ii);
      if (to > from) timeline.administer(j.drug, noLag, from, (j.dose.amount * (to - from)) / j.dose.duration, to - from);
    }
  }
  timeline.sort();
  const rates = new Float64Array(solo.size);
  const integrator = new DormandPrince(solo.size, solo.rhs(rates), timeline.tolerances());
  const y = new Float64Array(solo.size);
  const before = new Float64Array(solo.size);
  for (let cycle = 0; cycle < 200_000; cycle++) {
    before.set(y);
    rates.fill(0);
    let t = 0;
    for (const jump of timeline.jumps) {
      if (jump.t > t) {
        integrator.restart();
        const out = integrator.advance(y, t, jump.t);
        if (!out.ok) throw new Error(`BUG: steady-state integration failed: ${out.reason}`);
        t = jump.t;
      }
      if (jump.kind === 'bolus') y[jump.index] = (y[jump.index] as number) + jump.amount;
      else if (jump.kind === 'rate') rates[jump.index] = (rates[jump.index] as number) + jump.amount;
    }
    if (period > t) {
      integrator.restart();
      const out = integrator.advance(y, t, period);
      if (!out.ok) throw new Error(`BUG: steady-state integration failed: ${out.reason}`);
    }
    let change = 0;
    let size = 0;
    for (let i = 0; i < y.length; i++) {
      change = Math.max(change, Math.abs((y[i] as number) - (before[i] as number)));
      size = Math.max(size, Math.abs(y[i] as number));
    }
    if (change <= 1e-13 * size + 1e-300) break;
  }
  return y;
}
