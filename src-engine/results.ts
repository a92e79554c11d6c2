// The results format `modulon.results/1` (DESIGN.md §4.2).
import type { Scenario } from './scenario.ts';

export const RESULTS_SCHEMA = 'modulon.results/1';

export interface Series {
  unit: string;
  /** For pk series: the administered drug the species belongs to (a metabolite's parent, say). */
  drug?: string;
  /** Hours from the start of the scenario. */
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
}

export interface Results {
  schema: typeof RESULTS_SCHEMA;
  engine: string;
  scenario: Scenario;
  series: Record<string, Series>;
  /** Spectra at the probe times (`eeg.cortex`, `lfp.stn`); absent from results written before probes existed. */
  spectra?: Record<string, SpectrumSeries>;
  events: ResultEvent[];
  warnings: string[];
}
