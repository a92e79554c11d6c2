// The modulatory hooks shared by the paradigms: how acetylcholine, NMDA block, dopamine tone and
// phasic capacity, D2 signalling and noradrenaline turn into gains on learning and choice. Each
// hook equals its neutral value (1, or 0 for ρ) exactly when its inputs are at their healthy values.
import { learningParam } from './data.ts';
import type { ModulatoryState } from './types.ts';

const P = {
  achLtp: learningParam('ach.ltpEnhancement', '1'),
  achEncoding: learningParam('ach.encodingSuppression', 'fraction'),
  achSuppressionHalf: learningParam('ach.suppressionHalfSaturation', '× healthy'),
  achSuppressionMax: learningParam('ach.suppressionMax', 'fraction'),
  rhoSlope: learningParam('da.rhoSlope', '1/(× healthy)'),
  burstPhasic: learningParam('da.burstPhasicExponent', '1'),
  burstTonic: learningParam('da.burstTonicExponent', '1'),
  dipPhasic: learningParam('da.dipPhasicExponent', '1'),
  dipMasking: learningParam('da.dipMasking', '1/(× healthy)'),
  dipD2: learningParam('da.dipD2Exponent', '1'),
};

/** Clamp to [0, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * Cholinergic enhancement of encoding plasticity (Hasselmo & Schnell 1994; Hasselmo 2006):
 * ΔW ∝ 1 + k·c(A), with c the encoding-phase suppression at ACh A, normalised to 1 at healthy ACh.
 * Without ACh plasticity falls to 1/(1 + k·c(1)), not to zero.
 */
export function achPlasticity(ach: number): number {
  return (1 + P.achLtp * achSuppression(ach, P.achEncoding)) / (1 + P.achLtp * achSuppression(1, P.achEncoding));
}

/**
 * Muscarinic suppression of recurrent (CA3 stratum radiatum) transmission (Hasselmo & Schnell
 * 1994): `healthy` at A = 1, rising with ACh with half-saturation K and capped below 1.
 */
export function achSuppression(ach: number, healthy: number): number {
  const a = Math.max(0, ach);
  const K = P.achSuppressionHalf;
  return Math.min(P.achSuppressionMax, (healthy * (1 + K) * a) / (K + a));
}

/** Fraction of NMDA-dependent plasticity left by a blocker at occupancy `block` (Morris et al. 1986: AP5 abolishes place learning). */
export function nmdaFactor(block: number): number {
  return 1 - clamp(block, 0, 1);
}

/** Hippocampal encoding strength: plasticity gain × cholinergic enhancement × NMDA availability. */
export function hippocampalPlasticity(s: ModulatoryState): number {
  return Math.max(0, s.hippocampalGain) * achPlasticity(s.acetylcholine) * nmdaFactor(s.nmdaBlock);
}

/**
 * OpAL's dopamine level ρ ∈ (−1, 1) from striatal tone (Collins & Frank 2014): tanh(k·(tone − 1)),
 * 0 at healthy tone, negative in unmedicated PD, positive on levodopa.
 */
export function dopamineRho(tone: number): number {
  return Math.tanh(P.rhoSlope * (Math.max(0, tone) - 1));
}

/**
 * Gain of positive prediction errors (bursts): surviving terminals^a · tone^b. Levodopa raises the
 * DA released per burst from the surviving terminals but not their number.
 */
export function burstGain(s: ModulatoryState): number {
  return Math.max(0, s.dopaminePhasic) ** P.burstPhasic * Math.max(0, s.dopamineTonic) ** P.burstTonic;
}

/**
 * Gain of negative prediction errors (dips), read by D2 receptors: terminals^c ·
 * (1 + K)/(1 + K·tone) · D2^e. High tone keeps D2 occupied through a pause (levodopa masks dips;
 * Frank 2005), low tone leaves dips fully effective, a D2 blocker hides them.
 */
export function dipGain(s: ModulatoryState): number {
  const masking = (1 + P.dipMasking) / (1 + P.dipMasking * Math.max(0, s.dopamineTonic));
  return Math.max(0, s.dopaminePhasic) ** P.dipPhasic * masking * Math.max(0, s.d2Signal) ** P.dipD2;
}
