// The fast probes of the circuit layer, as pure functions of the slow state: basal ganglia beta,
// peak and thalamic relay under dopamine and DBS; the resting EEG spectrum and hippocampal theta.
export type { BasalGangliaInput, BasalGangliaOutput, CortexInput, CortexOutput, Spectrum } from './types.ts';
export { basalGanglia, basalGangliaSpectrum } from './basal-ganglia.ts';
export { cortex } from './cortex.ts';
