// Runs a validated scenario: builds the state vector (pk compartments per drug), integrates it
// between discontinuities (doses) and sample times, and publishes series on the sampling grid.
import { getDrug } from './drugs/catalogue.ts';
import { pkParamsFor, type DrugFile, type PkParams, type TargetId } from './drugs/schema.ts';
import { DormandPrince } from './integrator.ts';
import { RESULTS_SCHEMA, type ResultEvent, type Results, type Series } from './results.ts';
import { doseTimes, hoursOf, parseScenario, type FieldError, type Scenario } from './scenario.ts';
import { parseDose } from './units.ts';
import { ENGINE_VERSION } from './version.ts';

/** Integrator tolerances: amounts in mg; tight enough for ≤1e-6 relative error vs closed forms. */
const TOLERANCES = { rtol: 1e-10, atol: 1e-12, maxStep: 24 };

/** One administered drug: its parameters for this patient and the offset of its states. */
interface DrugState {
  drug: DrugFile;
  pk: PkParams;
  /** Index of the depot (gut) compartment in the state vector; the central one follows. */
  offset: number;
}

interface DoseEvent {
  t: number;
  /** Index into the drugs array. */
  drug: number;
  /** Amount given, mg. */
  mg: number;
  /** Amount reaching the depot, mg (bioavailability applied). */
  depotMg: number;
  label: string;
}

export type SimulateOutcome = { ok: true; results: Results } | { ok: false; errors: FieldError[] };

/** Validates and runs a scenario doc: invalid input gives field errors, never an exception. */
export function simulate(doc: unknown): SimulateOutcome {
  const parsed = parseScenario(doc);
  if (!parsed.ok) return parsed;
  return { ok: true, results: run(parsed.scenario) };
}

/** Runs an already validated scenario. Throws only on an engine bug (a non-finite result). */
export function run(scenario: Scenario): Results {
  const durationH = hoursOf(scenario.duration);
  const stepH = hoursOf(scenario.sampling);
  const weightKg = scenario.patient.weightKg;
  const warnings: string[] = [];

  const drugs: DrugState[] = [];
  const drugIndex = new Map<string, number>();
  const doses: DoseEvent[] = [];
  for (const iv of scenario.interventions) {
    const drug = getDrug(iv.drug);
    if (drug === undefined) throw new Error(`BUG: validated scenario names unknown drug ${iv.drug}`);
    let index = drugIndex.get(drug.id);
    if (index === undefined) {
      index = drugs.length;
      drugIndex.set(drug.id, index);
      drugs.push({ drug, pk: pkParamsFor(drug, weightKg), offset: 2 * index });
    }
    const dose = parseDose(iv.dose);
    if (!dose.ok) throw new Error(`BUG: validated scenario has unparsable dose ${iv.dose}`);
    const mg = dose.value.perKg ? dose.value.mg * weightKg : dose.value.mg;
    const label = `${drug.id} ${iv.dose} ${iv.route}`;
    const state = drugs[index] as DrugState;
    for (const t of doseTimes(iv, durationH)) doses.push({ t, drug: index, mg, depotMg: mg * state.pk.F, label });
  }
  doses.sort((a, b) => a.t - b.t || a.drug - b.drug);
  warnings.push(...maxDoseWarnings(doses, drugs));

  const n = 2 * drugs.length;
  const ka = new Float64Array(drugs.length);
  const ke = new Float64Array(drugs.length);
  drugs.forEach((d, i) => {
    ka[i] = d.pk.ka;
    ke[i] = d.pk.CL / d.pk.V;
  });
  // First-order absorption from the depot into the central compartment, first-order elimination.
  const rhs = (_t: number, y: Float64Array, dy: Float64Array): void => {
    for (let i = 0; i < ka.length; i++) {
      const depot = y[2 * i]!;
      const central = y[2 * i + 1]!;
      const absorbed = ka[i]! * depot;
      dy[2 * i] = -absorbed;
      dy[2 * i + 1] = absorbed - ke[i]! * central;
    }
  };
  const integrator = new DormandPrince(n, rhs, TOLERANCES);
  const y = new Float64Array(n);

  const nSamples = Math.floor(durationH / stepH + 1e-9) + 1;
  const grid: number[] = new Array<number>(nSamples);
  for (let k = 0; k < nSamples; k++) grid[k] = k * stepH;
  if ((grid[nSamples - 1] as number) < durationH - 1e-9) grid.push(durationH);

  const plasma = drugs.map(() => new Array<number>(grid.length));
  let t = 0;
  let next = 0;
  for (let k = 0; k < grid.length; k++) {
    const tk = grid[k] as number;
    // Doses falling before or at this sample: integrate up to each, then add it to the depot.
    // Doses at a sample time are given before the sample is taken (NONMEM's record order).
    while (next < doses.length && (doses[next] as DoseEvent).t <= tk) {
      const dose = doses[next] as DoseEvent;
      advance(integrator, y, t, dose.t);
      t = dose.t;
      const depot = (drugs[dose.drug] as DrugState).offset;
      y[depot] = (y[depot] as number) + dose.depotMg;
      integrator.restart();
      next++;
    }
    advance(integrator, y, t, tk);
    t = tk;
    drugs.forEach((d, i) => {
      // mg / L = µg/mL; × 1000 gives ng/mL.
      (plasma[i] as number[])[k] = ((y[d.offset + 1] as number) / d.pk.V) * 1000;
    });
  }

  const series: Record<string, Series> = {};
  drugs.forEach((d, i) => {
    series[`pk.${d.drug.id}.plasma`] = { unit: 'ng/mL', t: grid, v: plasma[i] as number[] };
  });
  for (const [target, v] of targetSeries(drugs, plasma, grid.length)) {
    series[`target.${target}.occupancy`] = { unit: 'fraction', t: grid, v };
  }
  assertFinite(series);

  const events: ResultEvent[] = doses.map((d) => ({ t: d.t, kind: 'dose', label: d.label, drug: (drugs[d.drug] as DrugState).drug.id }));
  return { schema: RESULTS_SCHEMA, engine: ENGINE_VERSION, scenario, series, events, warnings };
}

function advance(integrator: DormandPrince, y: Float64Array, t0: number, t1: number): void {
  const outcome = integrator.advance(y, t0, t1);
  if (!outcome.ok) throw new Error(`BUG: integration failed: ${outcome.reason}`);
}

/**
 * Fractional inhibition/occupancy per target. Drugs sharing a target compete for it:
 * E = Σ Emax_i·x_i / (1 + Σ x_i), x_i = (C_i / IC50_i)^hill_i — the Gaddum/competitive form,
 * which reduces to the Emax/Hill model for a single drug.
 */
function targetSeries(drugs: DrugState[], plasma: number[][], length: number): Map<TargetId, number[]> {
  const byTarget = new Map<TargetId, number[]>();
  for (const d of drugs) for (const target of Object.keys(d.drug.targets) as TargetId[]) byTarget.set(target, []);
  for (const [target, out] of byTarget) {
    const users = drugs.flatMap((d, i) => {
      const p = d.drug.targets[target];
      return p ? [{ conc: plasma[i] as number[], ic50: p.ic50.value, emax: p.emax.value, hill: p.hill.value }] : [];
    });
    for (let k = 0; k < length; k++) {
      let sumX = 0;
      let sumEx = 0;
      for (const u of users) {
        const x = Math.pow(Math.max(0, u.conc[k] as number) / u.ic50, u.hill);
        sumX += x;
        sumEx += u.emax * x;
      }
      out.push(sumEx / (1 + sumX));
    }
  }
  return byTarget;
}

/** Labelled-maximum check: the largest amount of each drug given in any 24-hour span. */
function maxDoseWarnings(doses: DoseEvent[], drugs: DrugState[]): string[] {
  const warnings: string[] = [];
  drugs.forEach((d, i) => {
    const own = doses.filter((x) => x.drug === i);
    let worst = 0;
    let lo = 0;
    let sum = 0;
    for (let hi = 0; hi < own.length; hi++) {
      sum += (own[hi] as DoseEvent).mg;
      while ((own[hi] as DoseEvent).t - (own[lo] as DoseEvent).t >= 24) sum -= (own[lo++] as DoseEvent).mg;
      worst = Math.max(worst, sum);
    }
    const max = d.drug.labelledMaxDailyDose;
    if (worst > max.value + 1e-9) {
      warnings.push(`${d.drug.id}: ${Number(worst.toFixed(3))} mg within 24 h exceeds the labelled maximum of ${max.value} ${max.unit}; source: ${max.source}`);
    }
  });
  return warnings;
}

function assertFinite(series: Record<string, Series>): void {
  for (const [name, s] of Object.entries(series)) {
    for (let k = 0; k < s.v.length; k++) {
      if (!Number.isFinite(s.v[k])) throw new Error(`BUG: series ${name} is not finite at t=${s.t[k]} h`);
    }
  }
}
