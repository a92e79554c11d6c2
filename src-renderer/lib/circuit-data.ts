// What the circuits-and-EEG panel draws: STN beta and the thalamic relay over time, the sparse EEG
// band powers, device effects with their session markers, and the spectra at the probe nearest a chosen time (pure, tested).
import type { ResultEvent, Results, Series, SpectrumSeries } from '../../src-engine/results.ts';
import { CONDITION_SCALES, type Point } from './chart-data.ts';

export const EEG_BANDS = ['delta', 'theta', 'alpha', 'beta', 'gamma'] as const;
export type EegBand = (typeof EEG_BANDS)[number];

export const SESSION_KINDS = ['therapy', 'tms', 'tdcs', 'ect'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** Device series drawn on the stimulation chart (DBS decoupling goes with beta and the relay). */
export const STIMULATION_SERIES = ['plasticity.dlpfc.left', 'plasticity.dlpfc.right', 'circuit.cortex.excitability', 'stim.ect.mood', 'adverse.amnesia', 'stim.ect.seizure_threshold', 'stim.ect.trophic', 'adverse.seizure'] as const;

/** Explanation lines of the panel (keys of the i18n table `chainLines`). */
export type ChainLine = 'dbs' | 'dopamine' | 'dlpfc' | 'ect' | 'eeg';

export interface CircuitData {
  timeUnit: 'h' | 'd';
  /** Hours per x unit. */
  perUnit: number;
  maxX: number;
  endH: number;
  /** Beta (× healthy), relay and DBS decoupling (%); undefined when beta stays healthy and no DBS is used. */
  basalGanglia?: { beta: Point[]; relay: Point[]; decoupling?: Point[] };
  /** DBS switched on (true) or off (false), in x units. */
  dbsEdges: Array<{ x: number; on: boolean }>;
  /** Relative band power, %, at the probe times. */
  bands: Array<{ band: EegBand; points: Point[] }>;
  /** Whether any band power moves by more than 0.1 percentage point over the run. */
  eegMoves: boolean;
  stimulation: Array<{ name: string; unit: string; points: Point[] }>;
  sessions: Array<{ kind: SessionKind; points: Point[] }>;
  /** Probe times, hours. */
  probeTimes: number[];
  chains: ChainLine[];
}

/** Which kind of session an event is, from the engine's label ("10 Hz rTMS …", "tDCS …", "ECT …", "CBT session"). */
/** A session's kind from the engine's event (stimulation sessions name their device; therapy sessions none). */
export function sessionKind(e: Pick<ResultEvent, 'device'>): SessionKind {
  return e.device === 'tms' || e.device === 'tdcs' || e.device === 'ect' ? e.device : 'therapy';
}

function span(v: readonly number[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return hi - lo;
}

/** Time unit of the run's charts: hours up to two days, days beyond (as the other charts). */
export function timeAxis(results: Results): { timeUnit: 'h' | 'd'; perUnit: number; endH: number; maxX: number } {
  let endH = 0;
  for (const s of Object.values(results.series)) endH = Math.max(endH, s.t.at(-1) ?? 0);
  const timeUnit = endH <= 48 ? 'h' : 'd';
  const perUnit = timeUnit === 'h' ? 1 : 24;
  return { timeUnit, perUnit, endH, maxX: endH / perUnit };
}

export function circuitData(results: Results): CircuitData {
  const axis = timeAxis(results);
  const { perUnit } = axis;
  const pts = (s: Series, scale = 1): Point[] => s.t.map((t, k) => ({ x: t / perUnit, y: (s.v[k] as number) * scale }));
  const S = results.series;
  const types = new Set(results.scenario.interventions.map((iv) => iv.type));
  const beta = S['lfp.stn.beta'];
  const relay = S['circuit.thalamus.relay'];
  const decoupling = S['stim.dbs.decoupling'];
  const showBg = beta !== undefined && relay !== undefined && (results.scenario.patient.condition === 'parkinsons' || decoupling !== undefined || span(beta.v) > 0.01);
  const bands = EEG_BANDS.flatMap((band) => {
    const s = S[`eeg.${band}`];
    return s ? [{ band, points: pts(s, 100) }] : [];
  });
  const sessions = new Map<SessionKind, Point[]>();
  for (const e of results.events) {
    if (e.kind !== 'session') continue;
    const kind = sessionKind(e);
    sessions.set(kind, [...(sessions.get(kind) ?? []), { x: e.t / perUnit, y: 0 }]);
  }
  const chains: ChainLine[] = [];
  if (types.has('dbs')) chains.push('dbs');
  if (results.scenario.patient.condition === 'parkinsons') chains.push('dopamine');
  if (types.has('tms') || types.has('tdcs')) chains.push('dlpfc');
  if (types.has('ect')) chains.push('ect');
  chains.push('eeg');
  return {
    ...axis,
    ...(showBg ? { basalGanglia: { beta: pts(beta), relay: pts(relay, 100), ...(decoupling ? { decoupling: pts(decoupling, 100) } : {}) } } : {}),
    dbsEdges: results.events.filter((e) => e.kind === 'device' && e.label.startsWith('DBS ')).map((e) => ({ x: e.t / perUnit, on: !/ off$/.test(e.label) })),
    bands,
    eegMoves: bands.some((b) => span(b.points.map((p) => p.y)) > 0.1),
    stimulation: STIMULATION_SERIES.flatMap((name) => {
      const s = S[name];
      return s ? [{ name, unit: s.unit, points: pts(s) }] : [];
    }),
    sessions: SESSION_KINDS.flatMap((kind) => (sessions.has(kind) ? [{ kind, points: sessions.get(kind) as Point[] }] : [])),
    probeTimes: results.spectra?.['eeg.cortex']?.t ?? S['eeg.alpha']?.t ?? [],
    chains,
  };
}

/** Index of the time nearest `t` in ascending `ts` (the earlier one on a tie); -1 when empty. */
export function nearestIndex(ts: readonly number[], t: number): number {
  if (ts.length === 0) return -1;
  let lo = 0;
  let hi = ts.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((ts[mid] as number) <= t) lo = mid;
    else hi = mid;
  }
  return Math.abs((ts[hi] as number) - t) < Math.abs((ts[lo] as number) - t) ? hi : lo;
}

export interface SpectrumLine {
  key: 'eeg.cortex' | 'lfp.stn';
  now: Point[];
  start: Point[];
}

/** The spectra at the probe nearest `tH` and at the first probe (power vs Hz; non-positive powers left out for the log axis). */
export function spectrumAt(results: Results, tH: number): { tH: number; lines: SpectrumLine[] } | undefined {
  const spectra = results.spectra;
  const ref = spectra?.['eeg.cortex'] ?? spectra?.['lfp.stn'];
  if (!spectra || !ref) return undefined;
  const i = nearestIndex(ref.t, tH);
  if (i < 0) return undefined;
  const row = (s: SpectrumSeries, k: number): Point[] => s.f.flatMap((f, j) => {
    const p = s.power[k]?.[j] ?? 0;
    return p > 0 ? [{ x: f, y: p }] : [];
  });
  const lines = (['eeg.cortex', 'lfp.stn'] as const).flatMap((key) => {
    const s = spectra[key];
    return s ? [{ key, now: row(s, nearestIndex(s.t, tH)), start: row(s, 0) }] : [];
  });
  return { tH: ref.t[i] as number, lines };
}

/** A dense series linearly interpolated at t; a sparse (probe) series at its nearest sample. */
export function valueAt(s: Series, t: number, sparse = false): number {
  if (sparse) return s.v[nearestIndex(s.t, t)] as number;
  const k = nearestIndex(s.t, t);
  const tk = s.t[k] as number;
  const j = t >= tk ? Math.min(k + 1, s.t.length - 1) : Math.max(k - 1, 0);
  const tj = s.t[j] as number;
  if (j === k || tj === tk) return s.v[k] as number;
  const w = (t - tk) / (tj - tk);
  return (s.v[k] as number) * (1 - w) + (s.v[j] as number) * w;
}

/** The readouts listed beside the charts at the chosen time: the condition's scales, the circuit, the devices, the EEG peak. */
export function readoutsAt(results: Results, data: CircuitData, tH: number): Array<{ name: string; unit: string; value: number }> {
  const names = [
    ...(CONDITION_SCALES[results.scenario.patient.condition] ?? []),
    ...(data.basalGanglia ? ['lfp.stn.beta', 'lfp.stn.peak_hz', 'circuit.thalamus.relay', 'stim.dbs.decoupling'] : []),
    ...data.stimulation.map((s) => s.name).filter((n) => n !== 'adverse.seizure'),
    'eeg.peak_hz',
  ];
  return [...new Set(names)].flatMap((name) => {
    const s = results.series[name];
    return s ? [{ name, unit: s.unit, value: valueAt(s, tH, name.startsWith('eeg.')) }] : [];
  });
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
/** 10⁻³ for a power of ten, nothing between them (a log axis stays readable). */
export function powerOfTen(v: number): string {
  const l = Math.log10(v);
  const r = Math.round(l);
  if (Math.abs(l - r) > 1e-6) return '';
  return r === 0 ? '1' : `10${String(r).split('').map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}
