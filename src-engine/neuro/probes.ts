// The circuit probes at their times: the cortical neural mass (EEG band powers, peak frequency,
// hippocampal theta) and the basal-ganglia spectrum, evaluated from the slow state and published
// as sparse series and spectra. Inputs move slowly between doses, so the probes are evaluated at
// the inputs snapped to a lattice of 0.005 (× healthy, or occupancy) and cached there: a 0.5 %
// change of acetylcholine moves the EEG peak by about 0.01 Hz, far below the model's accuracy.
import { basalGangliaSpectrum, cortex, type BasalGangliaInput, type CortexInput, type CortexOutput, type Spectrum } from '../circuits/index.ts';
import type { Series, SpectrumSeries } from '../results.ts';

export interface ProbeInputs {
  cortex: CortexInput;
  basalGanglia: BasalGangliaInput;
}

/** Probe series: output field, series name, unit. */
export const PROBE_SERIES: ReadonlyArray<readonly [Exclude<keyof CortexOutput, 'spectrum'>, string, string]> = [
  ['delta', 'eeg.delta', 'fraction'],
  ['theta', 'eeg.theta', 'fraction'],
  ['alpha', 'eeg.alpha', 'fraction'],
  ['beta', 'eeg.beta', 'fraction'],
  ['gamma', 'eeg.gamma', 'fraction'],
  ['peakHz', 'eeg.peak_hz', 'Hz'],
  ['hippocampalTheta', 'eeg.hippocampal_theta', 'ratio'],
];

const LATTICE = 0.005;
const snap = (x: number) => Math.round(x / LATTICE) * LATTICE;
const snapped = <I extends object>(x: I): I => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, typeof v === 'number' ? snap(v) : v])) as I;

/** Evaluations at lattice points, cached (bounded: cleared when full). */
class Cache<I extends object, O> {
  private readonly map = new Map<string, O>();
  private readonly fn: (x: I) => O;
  constructor(fn: (x: I) => O) {
    this.fn = fn;
  }
  get(x: I): O {
    const at = snapped(x);
    const key = Object.values(at).join('|');
    let v = this.map.get(key);
    if (v === undefined) {
      if (this.map.size >= 4096) this.map.clear();
      v = this.fn(at);
      this.map.set(key, v);
    }
    return v;
  }
}

export class ProbeRecorder {
  private readonly times: readonly number[];
  private readonly cortex = new Cache<CortexInput, CortexOutput>(cortex);
  private readonly bg = new Cache<BasalGangliaInput, Spectrum>(basalGangliaSpectrum);
  private readonly eeg: CortexOutput[] = [];
  private readonly lfp: Spectrum[] = [];

  constructor(times: readonly number[]) {
    this.times = times;
  }

  record(i: number, x: ProbeInputs): void {
    this.eeg[i] = this.cortex.get(x.cortex);
    this.lfp[i] = this.bg.get(x.basalGanglia);
  }

  series(): Record<string, Series> {
    if (this.times.length === 0) return {};
    const t = [...this.times];
    return Object.fromEntries(PROBE_SERIES.map(([field, name, unit]) => [name, { unit, t, v: this.eeg.map((o) => o[field]) }]));
  }

  spectra(): Record<string, SpectrumSeries> {
    if (this.times.length === 0) return {};
    const t = [...this.times];
    const of = (rows: Spectrum[]): SpectrumSeries => ({ unit: 'relative power density', f: rows[0]!.f, t, power: rows.map((r) => r.power) });
    return { 'eeg.cortex': of(this.eeg.map((o) => o.spectrum)), 'lfp.stn': of(this.lfp) };
  }
}
