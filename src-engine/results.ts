// The results format `modulon.results/1` (DESIGN.md §4.2).
import type { Scenario } from './scenario.ts';
import type { TaskRun } from './learning/plan.ts';

export const RESULTS_SCHEMA = 'modulon.results/1';

export interface Series {
  unit: string;
  /** For pk series: the administered drug the species belongs to (a metabolite's parent, say). */
  drug?: string;
  /**
   * Hours from the start of the scenario, ascending: the scenario's sampling grid plus the points
   * after each dose, infusion end, session and device edge that the curves need (refine.ts).
   */
  t: number[];
  v: number[];
}

/**
 * Power spectra published at the probe times: one row of relative power density per probe, on a
 * shared frequency grid (sparse in time, like the probes' band-power series).
 */
export interface SpectrumSeries {
  /** Unit of the power values. */
  unit: string;
  /** Frequencies, Hz. */
  f: number[];
  /** Probe times, hours from the start. */
  t: number[];
  /** power[i][j]: at time t[i] and frequency f[j]. */
  power: number[][];
}

export interface ResultEvent {
  /** Hours from the start. */
  t: number;
  /** A dose, a therapy or stimulation session, or a device switched on or off (DBS). */
  kind: 'dose' | 'session' | 'device';
  label: string;
  /** Drug id for dose events, so charts can colour markers by drug. */
  drug?: string;
  /** The device, for stimulation sessions and DBS switching (therapy sessions have none). */
  device?: 'dbs' | 'tms' | 'tdcs' | 'ect';
}

export interface Results {
  schema: typeof RESULTS_SCHEMA;
  engine: string;
  scenario: Scenario;
  series: Record<string, Series>;
  /** Spectra at the probe times (`eeg.cortex`, `lfp.stn`); absent from results written before probes existed. */
  spectra?: Record<string, SpectrumSeries>;
  /** Learning task runs with their measures and curves (the measures are also `task.*` series). */
  tasks?: TaskRun[];
  events: ResultEvent[];
  warnings: string[];
}

const numbers = { type: 'array', items: { type: 'number' } } as const;

/**
 * JSON Schema (draft 2020-12) of the results format, for other tools (`modulon schema results`).
 * Members added after the first version (`spectra`) are optional, so older files stay valid.
 */
export const RESULTS_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'modulon.results/1',
  type: 'object',
  required: ['schema', 'engine', 'scenario', 'series', 'events', 'warnings'],
  properties: {
    schema: { const: RESULTS_SCHEMA },
    engine: { type: 'string', description: 'engine version that produced the results' },
    scenario: { type: 'object', description: 'the validated scenario (modulon.scenario/1) with defaults filled in' },
    series: {
      type: 'object',
      description: 'time series by name (pk.<drug>.plasma, target.<TARGET>.occupancy, nt.<transmitter>.<region>, scale.*, adverse.*, lfp.stn.beta, eeg.<band>, ...); t in hours from the start, ascending: the scenario sampling grid plus points after each dose, infusion end, session and device edge (so peaks are samples). Probe series (eeg.*) are sparse: they have points only at the probe times',
      additionalProperties: {
        type: 'object',
        required: ['unit', 't', 'v'],
        properties: { unit: { type: 'string' }, drug: { type: 'string' }, t: numbers, v: numbers },
      },
    },
    spectra: {
      type: 'object',
      description: 'power spectra at the probe times: eeg.cortex (corticothalamic neural mass) and lfp.stn (STN local field potential); power[i][j] at time t[i] and frequency f[j]',
      additionalProperties: {
        type: 'object',
        required: ['unit', 'f', 't', 'power'],
        properties: { unit: { type: 'string' }, f: numbers, t: numbers, power: { type: 'array', items: numbers } },
      },
    },
    tasks: {
      type: 'array',
      description: 'learning task runs: the task, its time (h), its index in the scenario, measures (also published as task.<task>.<measure> series), learning curves and the modulatory state read',
      items: {
        type: 'object',
        required: ['task', 't', 'index', 'measures', 'curves', 'state'],
        properties: {
          state: { type: 'object', description: 'the modulatory state the task read (condition, dopamine tone and phasic capacity, D2 signal, salience, ACh, NE, 5-HT, plasticity gains, hippocampal synapses, neurogenesis, reward sensitivity, extinction capacity, NMDA block)' },
          task: { type: 'string' },
          t: { type: 'number' },
          index: { type: 'integer' },
          measures: { type: 'object', additionalProperties: { type: 'number' } },
          curves: { type: 'object', additionalProperties: numbers },
        },
      },
    },
    events: {
      type: 'array',
      items: {
        type: 'object',
        required: ['t', 'kind', 'label'],
        properties: { t: { type: 'number' }, kind: { enum: ['dose', 'session', 'device'] }, label: { type: 'string' }, drug: { type: 'string' }, device: { enum: ['dbs', 'tms', 'tdcs', 'ect'] } },
      },
    },
    warnings: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** Linear interpolation of a series at t; null outside its span. */
export function seriesAt(s: Pick<Series, 't' | 'v'>, t: number): number | null {
  const { t: ts, v } = s;
  const n = ts.length;
  if (n === 0 || t < (ts[0] as number) || t > (ts[n - 1] as number)) return null;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((ts[mid] as number) <= t) lo = mid;
    else hi = mid;
  }
  const t0 = ts[lo] as number;
  const t1 = ts[hi] as number;
  if (t === t0 || t1 === t0) return v[lo] as number;
  if (t === t1) return v[hi] as number;
  const w = (t - t0) / (t1 - t0);
  return (v[lo] as number) * (1 - w) + (v[hi] as number) * w;
}

/**
 * The results on one regular grid of `stepH` hours (0, step, …, end): every series on the run's
 * main time grid (the one with the most points, refined after events) interpolated linearly;
 * sparse series (probes, task measures) kept at their own times. For exports that want a grid.
 */
export function resampleResults(results: Results, stepH: number): Results {
  const all = Object.values(results.series);
  const main = all.reduce<Series | undefined>((best, s) => (best === undefined || s.t.length > best.t.length ? s : best), undefined);
  if (!main || !(stepH > 0)) return results;
  const end = main.t.at(-1) as number;
  const grid: number[] = [];
  for (let k = 0; k * stepH <= end + 1e-9; k++) grid.push(Math.min(end, k * stepH));
  if ((grid.at(-1) as number) < end - 1e-9) grid.push(end);
  const sameGrid = (s: Series) => s.t === main.t || (s.t.length === main.t.length && s.t[0] === main.t[0] && s.t.at(-1) === end);
  const series: Record<string, Series> = {};
  for (const [name, s] of Object.entries(results.series)) {
    series[name] = sameGrid(s) ? { ...s, t: grid, v: grid.map((t) => seriesAt(s, t) as number) } : s;
  }
  return { ...results, series };
}

