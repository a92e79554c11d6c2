// The probes' narrow interface: inputs read from the slow layer, outputs the results and readouts use.

export interface BasalGangliaInput {
  /** Striatal dopaminergic signalling relative to healthy (1 = healthy; moderate Parkinson's ≈ 0.3–0.4 off medication; levodopa raises it). */
  dopamine: number;
  /** Fraction 0..1 of the STN (or GPi) loop activity replaced by stimulus-locked firing under DBS (0 = no DBS), from the stimulation room. */
  dbsDecoupling: number;
  /** DBS pulse frequency, Hz (0 when off); 10–30 Hz pulses are themselves beta and may drive it rather than suppress it. */
  dbsFrequencyHz: number;
  dbsTarget: 'STN' | 'GPi' | null;
}

export interface BasalGangliaOutput {
  /** STN beta (13–30 Hz) power relative to healthy (1 = healthy). */
  beta: number;
  /** Frequency of the largest rhythmic STN power in 5–35 Hz (the loop's resonance, or a DBS line that outweighs it), Hz. */
  betaPeakHz: number;
  /** Thalamic relay fidelity 0..1 (healthy = its maximum). */
  relay: number;
}

export interface CortexInput {
  /** Cortical acetylcholine tone relative to healthy (Alzheimer's moderate ≈ 0.5–0.6; donepezil raises it). */
  acetylcholine: number;
  /** NMDA receptor occupancy 0..1 (ketamine 0.3–0.6 at antidepressant doses; > 0.8 anaesthetic). */
  nmdaBlock: number;
  /** Cortical/hippocampal synapse fraction relative to healthy (Alzheimer's < 1). */
  synapses: number;
  /** tDCS-like excitability shift, fraction (0 = none; anodal +, cathodal −). */
  excitability: number;
  /** GABAergic tone relative to healthy (1 = healthy). */
  gaba: number;
}

/** A power spectrum: frequencies (Hz) and relative power density. */
export interface Spectrum {
  f: number[];
  power: number[];
}

export interface CortexOutput {
  /** Relative band powers, shares of the 1–45 Hz total: delta 1–4, theta 4–8, alpha 8–13, beta 13–30, gamma 30–45 Hz. */
  delta: number;
  theta: number;
  alpha: number;
  beta: number;
  gamma: number;
  /** Dominant (posterior alpha-type) peak frequency in 4–15 Hz, Hz. */
  peakHz: number;
  /** Hippocampal theta power relative to healthy. */
  hippocampalTheta: number;
  spectrum: Spectrum;
}
