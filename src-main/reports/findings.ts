// The key-findings table of a comparison: per series and arm, the start value, the peak, the
// steady state, the time to effect, values at chosen times, thresholds crossed and differences
// against a reference arm; and the defaults (series, times, thresholds) per condition. Pure.
import type { FindingsRow, SeriesFindings, ThresholdSpec } from '../../src-engine/contract/reports.ts';
import type { Results, Series } from '../../src-engine/index.ts';
import { seriesAt as valueAt } from '../../src-engine/results.ts';

/** Linear interpolation of a series at t; null outside its span (one implementation, in the engine's results module). */
export { valueAt };

/**
 * First time the series reaches `level` (at or above it for `above`, at or below for `below`),
 * interpolated between samples; 0 if it starts there; null if it never does.
 */
export function firstReach(s: Pick<Series, 't' | 'v'>, level: number, direction: 'above' | 'below'): number | null {
  const sign = direction === 'above' ? 1 : -1;
  const { t, v } = s;
  for (let k = 0; k < t.length; k++) {
    const d = sign * ((v[k] as number) - level);
    if (d >= 0) {
      if (k === 0) return t[0] as number;
      const before = sign * ((v[k - 1] as number) - level);
      return (t[k - 1] as number) + (((t[k] as number) - (t[k - 1] as number)) * -before) / (d - before);
    }
  }
  return null;
}

/** Hours the series spends at or beyond `level`, treating it as piecewise linear between samples. */
export function hoursBeyond(s: Pick<Series, 't' | 'v'>, level: number, direction: 'above' | 'below'): number {
  const sign = direction === 'above' ? 1 : -1;
  const { t, v } = s;
  let total = 0;
  for (let k = 0; k + 1 < t.length; k++) {
    const a = sign * ((v[k] as number) - level);
    const b = sign * ((v[k + 1] as number) - level);
    const dt = (t[k + 1] as number) - (t[k] as number);
    if (a >= 0 && b >= 0) total += dt;
    else if (a >= 0 || b >= 0) total += (dt * Math.max(a, b)) / Math.abs(a - b);
  }
  return total;
}

/** A final change below this share of the series' size counts as no effect (time to effect null). */
export const NO_EFFECT = 0.01;

export interface FindingOptions {
  /** Hours for the value-at columns. */
  at: readonly number[];
  thresholds?: Required<ThresholdSpec>;
  /** The change from t = 0 that counts as the effect; default half the final change. */
  effect?: number;
}

/** The findings of one series of one arm (see SeriesFindings for each definition). */
export function seriesFindings(s: Pick<Series, 't' | 'v'>, options: FindingOptions): SeriesFindings {
  const { t, v } = s;
  const n = t.length;
  const start = v[0] as number;
  let peak = { value: start, t: t[0] as number };
  let far = 0;
  for (let k = 0; k < n; k++) {
    const d = Math.abs((v[k] as number) - start);
    if (d > far) {
      far = d;
      peak = { value: v[k] as number, t: t[k] as number };
    }
  }
  const t0 = t[0] as number;
  const tEnd = t[n - 1] as number;
  const from = tEnd - 0.1 * (tEnd - t0);
  let sum = 0;
  let count = 0;
  for (let k = 0; k < n; k++) {
    if ((t[k] as number) >= from) {
      sum += v[k] as number;
      count++;
    }
  }
  const steady = sum / count;
  const change = options.effect ?? (steady - start) / 2;
  // A final change under 1 % of the series' size (a slow drift, a washout tail) is no effect.
  const size = Math.max(Math.abs(start), Math.abs(steady), Math.abs(peak.value));
  const none = options.effect === undefined && !(Math.abs(steady - start) >= NO_EFFECT * size && size > 0);
  const timeToEffect = none ? null : firstReach(s, start + change, change > 0 ? 'above' : 'below');
  const th = options.thresholds;
  return {
    start,
    peak,
    steady,
    timeToEffect,
    at: options.at.map((h) => valueAt(s, h)),
    thresholds: th ? th.levels.map((level) => ({ level, direction: th.direction, firstAt: firstReach(s, level, th.direction), hoursBeyond: hoursBeyond(s, level, th.direction) })) : [],
  };
}

export interface TableOptions {
  at: readonly number[];
  reference: number;
  thresholds: Readonly<Record<string, Required<ThresholdSpec>>>;
  effect: Readonly<Record<string, number>>;
}

/** One row per series: each arm's findings, and its differences from the reference arm. */
export function findingsTable(arms: readonly Pick<Results, 'series'>[], series: readonly string[], options: TableOptions): FindingsRow[] {
  return series.map((name) => {
    const unit = arms.map((a) => a.series[name]?.unit).find((u) => u !== undefined) ?? '';
    const th = options.thresholds[name];
    const effect = options.effect[name];
    const cells = arms.map((a) => {
      const s = a.series[name];
      return s && s.t.length > 0 ? seriesFindings(s, { at: options.at, ...(th ? { thresholds: th } : {}), ...(effect === undefined ? {} : { effect }) }) : null;
    });
    const ref = cells[options.reference];
    cells.forEach((c, i) => {
      if (!c || !ref || i === options.reference) return;
      c.vsReference = {
        steady: c.steady - ref.steady,
        peak: c.peak.value - ref.peak.value,
        at: c.at.map((x, k) => (x === null || ref.at[k] === null ? null : x - (ref.at[k] as number))),
      };
    });
    return { series: name, unit, arms: cells };
  });
}

/** The difference arm − reference over time, on the arm's own samples (for the difference chart). */
export function differenceSeries(arm: Pick<Series, 't' | 'v'>, reference: Pick<Series, 't' | 'v'>): { t: number[]; v: number[] } {
  const t: number[] = [];
  const v: number[] = [];
  arm.t.forEach((x, k) => {
    const r = valueAt(reference, x);
    if (r !== null) {
      t.push(x);
      v.push((arm.v[k] as number) - r);
    }
  });
  return { t, v };
}

/** Teaching thresholds shown whenever their series is (a comparison's own replace them per series). */
export const DEFAULT_THRESHOLDS: Readonly<Record<string, Required<ThresholdSpec> & { source: string }>> = {
  // Kapur et al. 2000 Am J Psychiatry 157:514: response above ~65 %, prolactin above ~72 %, EPS above ~78 % striatal D2 occupancy.
  'target.D2.occupancy': { levels: [0.65, 0.72, 0.78], direction: 'above', source: 'Kapur et al. 2000' },
  // Meyer et al. 2004 Am J Psychiatry 161:826: ~80 % striatal SERT occupancy at the minimum therapeutic SSRI doses.
  'target.SERT.occupancy': { levels: [0.8], direction: 'above', source: 'Meyer et al. 2004' },
  // Remission: MADRS ≤ 10 (Hawley et al. 2002), HAM-D-17 ≤ 7 (Frank et al. 1991).
  'scale.madrs': { levels: [10], direction: 'below', source: 'Hawley et al. 2002' },
  'scale.hamd17': { levels: [7], direction: 'below', source: 'Frank et al. 1991' },
};

/** The scales each condition is measured on (as the app's chart shows them). */
const CONDITION_SERIES: Readonly<Record<string, readonly string[]>> = {
  healthy: [],
  depression: ['scale.madrs', 'scale.hamd17', 'plasticity.spines.pfc', 'plasticity.gain'],
  bipolar: ['scale.madrs', 'scale.ymrs'],
  parkinsons: ['scale.updrs3', 'nt.dopamine.striatum', 'lfp.stn.beta'],
  alzheimers: ['scale.adascog', 'nt.acetylcholine.hippocampus'],
  schizophrenia: ['scale.panss_positive', 'target.D2.occupancy'],
  ptsd: ['scale.caps5', 'learning.extinction'],
};

const DEVICE_SERIES: Readonly<Record<string, readonly string[]>> = {
  dbs: ['lfp.stn.beta', 'circuit.thalamus.relay', 'stim.dbs.decoupling'],
  tms: ['plasticity.dlpfc.left', 'plasticity.dlpfc.right'],
  tdcs: ['plasticity.dlpfc.left', 'plasticity.dlpfc.right', 'circuit.cortex.excitability'],
  ect: ['stim.ect.mood'],
  therapy: ['learning.therapy'],
};

const moves = (s: Series | undefined, by: number): boolean => {
  if (!s) return false;
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of s.v) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return hi - lo > by;
};

/**
 * Default series of a report: the condition's scales and key states, the devices' circuit
 * readouts, then each drug's plasma level and the targets it engages (by at least 5 % in some arm);
 * only series some arm has, and (but for the condition's own) that move; at most `max`.
 */
export function defaultSeries(arms: readonly Results[], max = 8): string[] {
  const out: string[] = [];
  const has = (name: string) => arms.some((a) => a.series[name] !== undefined);
  const movesAnywhere = (name: string, by: number) => arms.some((a) => moves(a.series[name], by));
  const push = (name: string) => {
    if (!out.includes(name) && has(name)) out.push(name);
  };
  for (const c of new Set(arms.map((a) => a.scenario.patient.condition))) for (const name of CONDITION_SERIES[c] ?? []) push(name);
  const types = new Set(arms.flatMap((a) => a.scenario.interventions.map((iv) => iv.type)));
  for (const type of types) for (const name of DEVICE_SERIES[type] ?? []) if (movesAnywhere(name, 0.005)) push(name);
  const drugs = [...new Set(arms.flatMap((a) => a.scenario.interventions.flatMap((iv) => (iv.type === 'drug' ? [iv.drug] : []))))];
  for (const drug of drugs) push(`pk.${drug}.plasma`);
  const targets = new Set(arms.flatMap((a) => Object.keys(a.series).filter((n) => n.startsWith('target.'))));
  for (const name of [...targets].sort()) if (movesAnywhere(name, 0.05)) push(name);
  return out.slice(0, max);
}

/** Adverse effects that reach `floor` (1 % of patients) in some arm. */
export function adverseSeries(arms: readonly Results[], floor = 0.01): string[] {
  const names = new Set(arms.flatMap((a) => Object.keys(a.series).filter((n) => n.startsWith('adverse.'))));
  return [...names].filter((n) => arms.some((a) => (a.series[n]?.v ?? []).some((x) => x >= floor)));
}

/** Default times of the value-at columns: day 1, week 1, week 4 and the end, those inside the run. */
export function defaultTimes(durationH: number): number[] {
  const candidates = durationH <= 48 ? [1, 6, 24] : [24, 168, 672];
  return [...candidates.filter((h) => h < durationH), durationH];
}
