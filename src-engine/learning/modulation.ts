// The modulatory hooks shared by the paradigms: how acetylcholine, NMDA block, dopamine tone and
// phasic capacity, D2 signalling and noradrenaline turn into gains on learning and choice. Each
// hook equals its neutral value (1, or 0 for ρ) exactly when its inputs are at their healthy values.
// The dopamine hooks read what the slow layer really varies: tone, surviving terminals and the D2
// signal. What matters for bursts and dips is the tone relative to what the surviving terminals
// control by their firing (their compensated tone): untreated Parkinson's has little tone but all of
// it under phasic control, levodopa adds tone the few terminals cannot pause (Frank 2005; Shen 2008).
import { learningParam } from './data.ts';
import type { ModulatoryState } from './types.ts';

const P = {
  achLtp: learningParam('ach.ltpEnhancement', '1'),
  achEncoding: learningParam('ach.encodingSuppression', 'fraction'),
  achSuppressionHalf: learningParam('ach.suppressionHalfSaturation', '× healthy'),
  achSuppressionMax: learningParam('ach.suppressionMax', 'fraction'),
};

/** The dopamine hooks' parameters (a separate object so that a calibration can pass its own). */
export interface DopamineParams {
  /** Compensation κ of the surviving terminals: the tone they sustain is P(1 + κ)/(P + κ). */
  compensation: number;
  /** Slope k of ρ = tanh(k·ln(tone/capacity^m)). */
  rhoSlope: number;
  /** Exponent m: how far the choice incentive has adapted to the terminals' own tone (0: absolute tone, 1: excess tone). */
  rhoAdaptation: number;
  /** Exponent of the surviving terminals on the burst gain. */
  burstTerminals: number;
  /** Exponent of the excess tone on the burst gain. */
  burstExcess: number;
  /** Exponent of the excess tone on the dip gain (masking). */
  dipMasking: number;
  /** Exponent of D2 availability on the dip gain. */
  dipD2: number;
}

export function dopamineParams(): DopamineParams {
  return {
    compensation: learningParam('da.terminalCompensation', 'fraction'),
    rhoSlope: learningParam('da.rhoSlope', '1'),
    rhoAdaptation: learningParam('da.rhoAdaptation', '1'),
    burstTerminals: learningParam('da.burstTerminalExponent', '1'),
    burstExcess: learningParam('da.burstExcessExponent', '1'),
    dipMasking: learningParam('da.dipMaskingExponent', '1'),
    dipD2: learningParam('da.dipD2Exponent', '1'),
  };
}

const DA = dopamineParams();

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

/** Smallest tone and capacity the dopamine hooks divide by (× healthy). */
const DA_FLOOR = 1e-3;

/**
 * Tone that the surviving dopamine terminals sustain by their own firing (× healthy):
 * P(1 + κ)/(P + κ), the compensated tone of the slow layer (Zigmond et al. 1990). This is the part
 * of striatal tone that pauses and bursts of the dopamine neurons can move.
 */
export function terminalCapacity(terminals: number, p: DopamineParams = DA): number {
  const t = Math.max(0, terminals);
  return (t * (1 + p.compensation)) / (t + p.compensation);
}

/**
 * Excess tone: striatal tone over the tone the surviving terminals sustain (1 in health and in
 * untreated Parkinson's at any stage; above 1 when levodopa adds dopamine made and released
 * outside the control of the few remaining terminals, e.g. by serotonergic terminals; Shen et al.
 * 2008, Frank 2005). What masks dips and makes bursts relatively strong on medication.
 */
export function excessTone(s: ModulatoryState, p: DopamineParams = DA): number {
  return Math.max(0, s.dopamineTonic) / Math.max(DA_FLOOR, terminalCapacity(s.dopaminePhasic, p));
}

/**
 * D2 receptors available to read dopamine, 0..1: the D2 signal per unit of tone, capped at 1
 * (a D2 blocker lowers it; the up-regulation of an under-stimulated receptor is not credited).
 */
export function d2Availability(s: ModulatoryState): number {
  return Math.min(1, Math.max(0, s.d2Signal) / Math.max(DA_FLOOR, s.dopamineTonic));
}

/**
 * OpAL's dopamine level ρ ∈ (−1, 1) at choice (Collins & Frank 2014): tanh(k·ln(tone/capacity^m)).
 * 0 in health; negative in untreated Parkinson's, less so than its tone alone would say because
 * the denervated striatum has become supersensitive to dopamine (capacity^m, m between 0 and 1);
 * positive on levodopa, where tone beyond the terminals' control meets those receptors.
 * `scale` multiplies the tone (the NoGo side passes the D2 availability).
 */
export function dopamineRho(s: ModulatoryState, scale = 1, p: DopamineParams = DA): number {
  const tone = Math.max(0, s.dopamineTonic) * Math.max(0, scale);
  const adapted = Math.max(DA_FLOOR, terminalCapacity(s.dopaminePhasic, p)) ** p.rhoAdaptation;
  return Math.tanh(p.rhoSlope * Math.log(Math.max(DA_FLOOR, tone / adapted)));
}

/**
 * Gain of positive prediction errors (bursts): terminals^a · excess^b. A burst needs the
 * terminals that fire it (Frank 2005 simulates Parkinson's as fewer dopamine units), and levodopa
 * loads each of them with more dopamine to release (Pessiglione et al. 2006: L-DOPA enhances
 * striatal reward prediction errors).
 */
export function burstGain(s: ModulatoryState, p: DopamineParams = DA): number {
  return Math.max(0, s.dopaminePhasic) ** p.burstTerminals * excessTone(s, p) ** p.burstExcess;
}

/**
 * Gain of negative prediction errors (dips), read by D2 receptors: excess^−c · D2 availability^e.
 * A pause can remove only the tone the firing terminals sustain; the rest (levodopa's excess)
 * keeps D2 receptors occupied through the pause and masks the dip (Frank 2005; Cools 2006). In
 * untreated Parkinson's the excess is 1 and dips keep their full effect; a D2 blocker hides them.
 */
export function dipGain(s: ModulatoryState, p: DopamineParams = DA): number {
  // Below a tenth of the terminals' own tone (out of the slow layer's reach) dips gain no more.
  const excess = Math.max(0.1, excessTone(s, p));
  return excess ** -p.dipMasking * d2Availability(s) ** p.dipD2;
}
